import type { Translator } from "../../i18n/index.ts";
import type { OutboundMessage } from "../contract/messages.ts";
import { RecipientUnreachableError } from "../contract/ports.ts";
import { findRecipient, markUnreachable } from "./recipients.ts";
import { type CoreDeps } from "../deps.ts";

/**
 * Sends a message to a person at once, rendered in their language, on their messenger. For
 * answers to someone else's action (a join request, a decision); anything planned ahead goes
 * through the outbox. The action is already saved, so a failed delivery is logged, never thrown.
 */
export async function notifyPerson(deps: CoreDeps, personId: string, build: (t: Translator) => OutboundMessage, reason: string): Promise<boolean> {
  const log = deps.logger.child({ handler: "notify", reason, personId });
  const recipient = await findRecipient(deps, personId);
  if (!recipient) {
    log.warn("no reachable messenger for person");
    return false;
  }
  try {
    await recipient.messenger.send(recipient.chatId, build(recipient.t), { locale: recipient.locale });
    return true;
  } catch (error) {
    if (error instanceof RecipientUnreachableError) {
      await markUnreachable(deps, recipient.identityId);
      log.warn({ platform: recipient.platform }, "recipient unreachable; marked");
    } else {
      log.error({ err: error, platform: recipient.platform }, "notification failed");
    }
    return false;
  }
}
