/** A person's own details: name, standing, category, phone, language. */
import type { Db } from "../../../../db/client.ts";
import type { Locale } from "../../../../i18n/index.ts";
import { audit } from "../../../domain/audit.ts";
import type { PersonRecord, ProfilePatch } from "../../../domain/people.ts";

/** One field changed by its owner, audited (the field's name, never its value). */
export async function editProfile(db: Db, input: { personId: string; patch: ProfilePatch; now: Date }): Promise<PersonRecord & { holdsPost: boolean | null; admittedAt: Date | null }> {
  return db.$transaction(async (tx) => {
    const updated = await tx.person.update({ where: { id: input.personId }, data: input.patch });
    for (const field of Object.keys(input.patch)) {
      await audit(tx, { actorPersonId: input.personId, targetPersonId: input.personId, action: "person.profile_changed", details: { field }, at: input.now });
    }
    return updated;
  });
}

export async function setLanguage(db: Db, input: { personId: string; locale: Locale }): Promise<void> {
  await db.person.update({ where: { id: input.personId }, data: { locale: input.locale } });
}
