/** A person's language. (Their other details are changed through the domain's `editProfile`.) */
import type { Db } from "../../../../db/client.ts";
import type { Locale } from "../../../../i18n/index.ts";

export async function setLanguage(db: Db, input: { personId: string; locale: Locale }): Promise<void> {
  await db.person.update({ where: { id: input.personId }, data: { locale: input.locale } });
}
