/** How a dialogue is reached: the person's one dialogue as features may touch it, and a dialogue's handler. */
import type { InboundInput } from "../../contract/messages.ts";
import type { Turn } from "../turn.ts";
import type { Dialogue, DialogueData } from "./store.ts";

/** The person's one dialogue, as features may touch it: never its table. */
export interface DialogueControl {
  /** Starts a dialogue, replacing any other one the person had. */
  start(turn: Turn, flow: string, step: string, data: DialogueData): Promise<Dialogue>;
  /** Moves it on if nobody else did since `from` was read; null when another device or tap won. */
  advance(turn: Turn, from: Dialogue, step: string, data: DialogueData): Promise<Dialogue | null>;
  /** The person's dialogue as it is now (after a save lost to another device). */
  load(personId: string): Promise<Dialogue | null>;
  /** Ends the person's dialogue (of `flow` only, when given): someone who lost their place must not finish one begun with it. */
  end(personId: string, flow?: string): Promise<void>;
}

/** Input while the person is in one of this feature's dialogues (text, a choice or something unreadable). */
export type DialogueHandler = (turn: Turn, dialogue: Dialogue, input: InboundInput) => Promise<void>;
