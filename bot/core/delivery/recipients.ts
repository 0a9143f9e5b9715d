import { isLocale, type Locale, type Translator } from "../../i18n/index.ts";
import type { Platform } from "../contract/messages.ts";
import type { Messenger } from "../contract/ports.ts";
import { type CoreDeps } from "../deps.ts";

export interface Recipient {
  identityId: string;
  platform: Platform;
  chatId: string;
  messenger: Messenger;
  locale: Locale;
  t: Translator;
}

/**
 * Where a person is reached: their preferred messenger if it is reachable, else the account they
 * used most recently. Null when no account can be reached.
 */
export async function findRecipient(deps: CoreDeps, personId: string): Promise<Recipient | null> {
  return (await findRecipients(deps, [personId])).get(personId) ?? null;
}

/** The recipients of many people in one query (an outbox batch). Unreachable people are absent. */
export async function findRecipients(deps: CoreDeps, personIds: string[]): Promise<Map<string, Recipient>> {
  const persons = await deps.db.person.findMany({
    where: { id: { in: [...new Set(personIds)] } },
    include: { identities: { where: { unreachable: false }, orderBy: { createdAt: "desc" } } },
  });
  const result = new Map<string, Recipient>();
  for (const person of persons) {
    const recipient = pickRecipient(deps, person);
    if (recipient) result.set(person.id, recipient);
  }
  return result;
}

type PersonWithIdentities = {
  locale: string;
  preferredPlatform: string | null;
  identities: { id: string; platform: string; chatId: string }[];
};

function pickRecipient(deps: CoreDeps, person: PersonWithIdentities): Recipient | null {
  const usable = person.identities.filter((i) => deps.messengers.has(i.platform as Platform));
  const identity = usable.find((i) => i.platform === person.preferredPlatform) ?? usable[0];
  if (!identity) return null;
  const locale = isLocale(person.locale) ? person.locale : deps.settings.defaultLocale;
  return {
    identityId: identity.id,
    platform: identity.platform as Platform,
    chatId: identity.chatId,
    messenger: deps.messengers.get(identity.platform as Platform)!,
    locale,
    t: deps.i18n.translator(locale, identity.platform),
  };
}

export async function markUnreachable(deps: CoreDeps, identityId: string): Promise<void> {
  await deps.db.identity.update({ where: { id: identityId }, data: { unreachable: true } });
}
