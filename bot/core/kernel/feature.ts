/**
 * What a feature is, and what the kernel offers it. The kernel routes and knows no feature:
 * membership, meetings, reports and linking all register the same way, and reach the kernel only
 * through their `FeatureContext`.
 */
import type { Translator } from "../../i18n/index.ts";
import type { Choice } from "../contract/messages.ts";
import type { OutboxRenderer } from "../delivery/outbox.ts";
import type { DocumentProducer } from "../documents/producer.ts";
import type { MembershipWithCell } from "../domain/members.ts";
import type { ButtonDef, ButtonValues, FieldShape } from "./buttons.ts";
import type { CoreDeps } from "../deps.ts";
import type { Dialogue, DialogueData } from "./dialogue/store.ts";
import type { Form, FormDef } from "./dialogue/form.ts";
import type { DialogueControl, DialogueHandler } from "./dialogue/control.ts";
import type { ReplyOptions, Turn } from "./turn.ts";

export type { Dialogue, DialogueData, DialogueControl, DialogueHandler, ReplyOptions, Turn };

/** What the kernel offers every feature, beyond the shared dependencies. */
export interface FeatureContext {
  deps: CoreDeps;
  /** Runs `fn` in the person's current cell; with several cells and none chosen, asks which (and runs `command` again). */
  withCell(turn: Turn, command: string, fn: (m: MembershipWithCell) => Promise<void>): Promise<void>;
  dialogue: DialogueControl;
  /** A question-by-question dialogue on the shared runner; list it in the feature's `dialogues`. */
  form(def: FormDef): Form;
  /** "This button is out of date; nothing changed." */
  staleButton(turn: Turn): Promise<void>;
  /** Tells every feature that someone was admitted, removed, left or changed exemption in a cell. */
  membershipChanged(turn: Turn, cellId: string): Promise<void>;
  /** Asks the scheduler to send the outbox rows just planned now, rather than at its next tick. */
  kickOutbox(): void;
  /** Gives the person a document of a declared kind: the file, a download link, or why neither (kernel/documents.ts). */
  offerDocument(turn: Turn, kind: string, subjectId: string): Promise<void>;
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;

export interface CommandDecl {
  /** Folded, without "/", Latin letters only (Telegram's rule): "thanhvien". */
  name: string;
  aliases?: string[];
  /**
   * Position in the messenger's command menu (Telegram's "/" list), smaller first; absent: not
   * listed. Its description is the locale message `command-<name>`.
   */
  menuRank?: number;
  /**
   * Whether text typed after the command's name without "/" ("tham gia ABCD-…") is its argument.
   * Messengers without a command syntax ask this before reading such a message as a command.
   */
  takesTypedArgs?(args: string): boolean;
  run: CommandHandler;
}

/** A press of a declared button, with its values already checked against the declaration. */
export type ButtonHandler<S extends FieldShape> = (turn: Turn, values: ButtonValues<S>, dialogue: Dialogue | null) => Promise<void>;

export interface ButtonBinding {
  def: ButtonDef;
  run: ButtonHandler<FieldShape>;
}

/** Binds a declared button to what a press does; the types of `values` come from the declaration. */
export function on<S extends FieldShape>(def: ButtonDef<S>, run: ButtonHandler<S>): ButtonBinding {
  return { def: def as unknown as ButtonDef, run: run as unknown as ButtonHandler<FieldShape> };
}

export interface DialogueDecl {
  flow: string;
  handler: DialogueHandler;
  /**
   * Commands that, typed in the middle of this dialogue, mean "where was I?": the dialogue is shown
   * again where it stands instead of being stopped (/baocao in the middle of a report).
   */
  resumedBy?: readonly string[];
}

export interface FeatureJob {
  name: string;
  /** node-cron expression in the default time zone. */
  cron: string;
  run(now: Date): Promise<unknown>;
}

/**
 * A feature adds commands, buttons and dialogues without the kernel knowing it. Names must not
 * collide: the registry refuses two features claiming one command, button prefix, flow or kind.
 */
export interface Feature {
  name: string;
  commands?: CommandDecl[];
  buttons?: ButtonBinding[];
  dialogues?: DialogueDecl[];
  /**
   * Rows this feature adds to the main menu for this membership; with null, to the welcome of
   * someone who belongs to no cell yet.
   */
  menu?(turn: Turn, membership: MembershipWithCell | null): Promise<Choice[][]> | Choice[][];
  /** Lines this feature adds to /help for this membership, or null. */
  help?(t: Translator, membership: MembershipWithCell): string | null;
  /** The payload of a start link (`/start <payload>`): true when this feature took it. */
  startPayload?(turn: Turn, payload: string): Promise<boolean>;
  /** Text typed outside any dialogue: true when this feature took it (e.g. an invite code). */
  looseText?(turn: Turn, text: string): Promise<boolean>;
  /** Outbox kind → renderer, for the notifications this feature plans (see delivery/outbox.ts). */
  outbox?: Record<string, OutboxRenderer>;
  /** The documents it makes, by kind (bot/core/documents). */
  documents?: Record<string, DocumentProducer>;
  /** Periodic work (e.g. keeping the next meetings of a rule scheduled), run by jobs/scheduler.ts. */
  jobs?: FeatureJob[];
  /** Called after someone was admitted, removed, left, or had their exemption changed in a cell. */
  onMembershipChanged?(cellId: string): Promise<void>;
}

export type FeatureFactory = (ctx: FeatureContext) => Feature;
