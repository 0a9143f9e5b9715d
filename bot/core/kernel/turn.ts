/**
 * Registration of whoever writes: the messenger account is found (or, on first contact, made into
 * a person) with their dialogue in the same query, and the turn is built: who, in which language,
 * how to answer.
 */
import { isLocale } from "../../i18n/index.ts";
import type { InboundEvent } from "../contract/messages.ts";
import { resolvePerson } from "../domain/people.ts";
import type { CoreDeps } from "../deps.ts";
import { dialogueFromRow, type Dialogue } from "./dialogue/store.ts";
import type { Turn } from "./feature.ts";

export interface StartedTurn {
  turn: Turn;
  dialogue: Dialogue | null;
  /** The account wrote for the first time just now. */
  firstContact: boolean;
}

export async function beginTurn(deps: CoreDeps, event: InboundEvent): Promise<StartedTurn> {
  const messenger = deps.messengers.get(event.platform);
  if (!messenger) throw new Error(`No messenger for platform ${event.platform}`);
  const { dialogueRow, firstContact, ...person } = await resolvePerson(deps.db, event, deps.settings.defaultLocale);
  const locale = isLocale(person.locale) ? person.locale : deps.settings.defaultLocale;
  const turn: Turn = {
    event,
    person,
    t: deps.i18n.translator(locale),
    log: deps.logger.child({ platform: event.platform, personId: person.id, input: event.input.kind }),
    reply: (message, options) =>
      messenger.send(event.chatId, message, {
        locale,
        ...(options?.replacePressed && event.pressedMessageRef ? { replaceRef: event.pressedMessageRef } : {}),
      }),
  };
  return { turn, dialogue: dialogueFromRow(dialogueRow), firstContact };
}
