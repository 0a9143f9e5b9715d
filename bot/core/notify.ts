import { isLocale, type Translator } from "../i18n/index.ts";
import type { OutboundMessage, Platform } from "./messages.ts";
import { RecipientUnreachableError, type CoreDeps } from "./ports.ts";

/**
 * Sends a message to a person on the messenger they used last, rendered in their language.
 * The action that caused it is already saved, so a failed delivery is logged, never thrown.
 */
export async function notifyPerson(deps: CoreDeps, personId: string, build: (t: Translator) => OutboundMessage, reason: string): Promise<boolean> {
  const person = await deps.db.person.findUnique({
    where: { id: personId },
    include: { identities: { where: { unreachable: false }, orderBy: { createdAt: "desc" } } },
  });
  const identity = person?.identities.find((i) => deps.messengers.has(i.platform as Platform));
  const log = deps.logger.child({ handler: "notify", reason, personId });
  if (!person || !identity) {
    log.warn("no reachable messenger for person");
    return false;
  }
  const messenger = deps.messengers.get(identity.platform as Platform)!;
  const t = deps.i18n.translator(isLocale(person.locale) ? person.locale : deps.settings.defaultLocale);
  try {
    await messenger.send(identity.chatId, build(t));
    return true;
  } catch (error) {
    if (error instanceof RecipientUnreachableError) {
      await deps.db.identity.update({ where: { id: identity.id }, data: { unreachable: true } });
      log.warn({ platform: identity.platform }, "recipient unreachable; marked");
    } else {
      log.error({ err: error, platform: identity.platform }, "notification failed");
    }
    return false;
  }
}
