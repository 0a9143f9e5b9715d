/**
 * Registration of whoever writes: the messenger account is found (or, on first contact, made into
 * a person) with their dialogue in the same query, and the turn is built: who, in which language,
 * how to answer.
 */
import { isLocale, type Translator } from "../../i18n/index.ts";
import { cleanText } from "../../lib/text.ts";
import type { Logger } from "../../logger.ts";
import type { InboundEvent, OutboundMessage } from "../contract/messages.ts";
import { resolvePerson, type PersonRecord } from "../domain/people.ts";
import type { CoreDeps } from "../deps.ts";
import { dialogueFromRow, type Dialogue } from "./dialogue/store.ts";

/** How a reply relates to the message whose button was pressed. */
export interface ReplyOptions {
  /**
   * Show the reply in place of the message whose button was pressed, where the messenger can
   * edit messages (Telegram); elsewhere it is sent as a new message. For checklists that are
   * toggled many times.
   */
  replacePressed?: boolean;
}

/** One incoming event being handled: who, in which language, and how to answer. */
export interface Turn {
  event: InboundEvent;
  person: PersonRecord;
  t: Translator;
  log: Logger;
  reply(message: OutboundMessage, options?: ReplyOptions): Promise<void>;
}

export interface StartedTurn {
  turn: Turn;
  dialogue: Dialogue | null;
  /** The account wrote for the first time just now. */
  firstContact: boolean;
}

/**
 * The event with its typed text made safe (see cleanText): every answer, name and comment that
 * reaches a feature, and through it other people's screens, has passed here.
 */
export function cleanEvent(event: InboundEvent): InboundEvent {
  const { input } = event;
  switch (input.kind) {
    case "text":
      return { ...event, input: { kind: "text", text: cleanText(input.text) } };
    case "command":
      return { ...event, input: { ...input, args: cleanText(input.args) } };
    case "file":
      return { ...event, input: { kind: "file", file: { ...input.file, name: cleanText(input.file.name) } } };
    case "choice":
    case "unsupported":
      return event;
  }
}

export async function beginTurn(deps: CoreDeps, raw: InboundEvent): Promise<StartedTurn> {
  const event = cleanEvent(raw);
  const messenger = deps.messengers.get(event.platform);
  if (!messenger) throw new Error(`No messenger for platform ${event.platform}`);
  const { dialogueRow, firstContact, ...person } = await resolvePerson(deps.db, event, deps.settings.defaultLocale);
  const locale = isLocale(person.locale) ? person.locale : deps.settings.defaultLocale;
  const turn: Turn = {
    event,
    person,
    t: deps.i18n.translator(locale, event.platform),
    log: deps.logger.child({ platform: event.platform, personId: person.id, input: event.input.kind }),
    reply: (message, options) =>
      messenger.send(event.chatId, message, {
        locale,
        ...(options?.replacePressed && event.pressedMessageRef ? { replaceRef: event.pressedMessageRef } : {}),
      }),
  };
  return { turn, dialogue: dialogueFromRow(dialogueRow), firstContact };
}
