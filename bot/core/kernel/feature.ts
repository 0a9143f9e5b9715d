import type { Translator } from "../../i18n/index.ts";
import type { Logger } from "../../logger.ts";
import type { Dialogue } from "./dialogue/store.ts";
import type { Choice, InboundEvent, InboundInput, OutboundMessage } from "../contract/messages.ts";
import type { MembershipWithCell } from "../domain/members.ts";
import type { PersonRecord } from "../domain/people.ts";
import type { OutboxRenderer } from "../delivery/outbox.ts";
import { type CoreDeps } from "./deps.ts";

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

/** What the core offers every feature, beyond its dependencies. */
export interface FeatureContext {
  deps: CoreDeps;
  /** Runs `fn` in the person's current cell; with several cells and none chosen, asks which (and re-runs `command`). */
  withCell(turn: Turn, command: string, fn: (m: MembershipWithCell) => Promise<void>): Promise<void>;
  /** Starts a dialogue of this feature, replacing any other one. */
  startDialogue(turn: Turn, flow: string, step: string, data: Record<string, string | null>): Promise<Dialogue>;
  /** "This button is out of date; nothing changed." */
  staleButton(turn: Turn): Promise<void>;
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;
/** `data` is the whole callback data; `parts` is it split at ":" without the prefix. */
export type ChoiceHandler = (turn: Turn, parts: string[], dialogue: Dialogue | null) => Promise<void>;
/** Input while the person is in one of this feature's dialogues (text, a choice or something unreadable). */
export type DialogueHandler = (turn: Turn, dialogue: Dialogue, input: InboundInput) => Promise<void>;

/**
 * A feature adds commands, buttons and dialogues to the core without the core knowing it. Names
 * must not collide: the core refuses two features claiming one command, prefix or flow.
 */
export interface Feature {
  name: string;
  /** Command name (folded, without "/") → handler. Aliases are just more keys. */
  commands?: Record<string, CommandHandler>;
  /** Callback data prefix (the part before the first ":") → handler. */
  choices?: Record<string, ChoiceHandler>;
  /** Dialogue flow id → handler. */
  dialogues?: Record<string, DialogueHandler>;
  /** Buttons this feature adds to the main menu for this membership. */
  menu?(t: Translator, membership: MembershipWithCell): Choice[][];
  /** Lines this feature adds to /help for this membership, or null. */
  help?(t: Translator, membership: MembershipWithCell): string | null;
  /** Outbox kind → renderer, for the notifications this feature plans (see outbox.ts). */
  outbox?: Record<string, OutboxRenderer>;
  /** Periodic work (e.g. keeping the next meetings of a rule scheduled), run by jobs/scheduler.ts. */
  jobs?: FeatureJob[];
  /** Called after someone was admitted, removed, left, or had their exemption changed in a cell. */
  onMembershipChanged?(cellId: string): Promise<void>;
}

export interface FeatureJob {
  name: string;
  /** node-cron expression in the default time zone. */
  cron: string;
  run(now: Date): Promise<unknown>;
}

export type FeatureFactory = (ctx: FeatureContext) => Feature;
