/**
 * The events `ZaloBotClient` emits for one update (the node-zalo-bot surface plus ours), and the
 * `onText` callbacks run after them.
 */
import type { EventEmitter } from "node:events";
import { getMessageType, type ZaloMessage, type ZaloMessageMetadata, type ZaloUpdate } from "./types.ts";

/** Event map of the client (`on('message', (msg, meta) => …)` etc.). */
export type ZaloClientEvents = {
  /** Every parsed update, before the message events. */
  update: [update: ZaloUpdate];
  message: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  text: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  photo: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  sticker: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  voice: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  unsupported: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  /** A failed poll (after the call's own retries); polling goes on after a back-off. */
  polling_error: [error: Error];
};

/** One `onText` registration. */
export interface TextCallback {
  regexp: RegExp;
  callback: (message: ZaloMessage, match: RegExpExecArray) => void;
}

/** The `onText` callbacks, in registration order (SDK `onText` / `removeTextListener`). */
export class TextListeners {
  readonly #callbacks: TextCallback[] = [];
  readonly #onlyFirstMatch: boolean;

  /** `onlyFirstMatch`: stop after the first callback whose regexp matched (SDK option). */
  constructor(onlyFirstMatch: boolean) {
    this.#onlyFirstMatch = onlyFirstMatch;
  }

  add(regexp: RegExp, callback: (message: ZaloMessage, match: RegExpExecArray) => void): void {
    this.#callbacks.push({ regexp, callback });
  }

  /** Removes the entry registered with this very `regexp`; returns it, or null. */
  remove(regexp: RegExp): TextCallback | null {
    const index = this.#callbacks.findIndex((t) => t.regexp === regexp);
    if (index === -1) return null;
    return this.#callbacks.splice(index, 1)[0] ?? null;
  }

  /** Runs every callback whose regexp matches `text`. Callback exceptions propagate. */
  run(message: ZaloMessage, text: string): void {
    for (const { regexp, callback } of [...this.#callbacks]) {
      regexp.lastIndex = 0;
      const match = regexp.exec(text);
      if (!match) continue;
      callback(message, match);
      if (this.#onlyFirstMatch) break;
    }
  }
}

/**
 * Emits `update`, `message` (msg, `{type, event_name}`), then the type's own event (`text` | `photo`
 * | `sticker` | `voice` | `unsupported`), then runs the matching `onText` callbacks of a text.
 * Listener exceptions propagate to the caller.
 */
export function emitUpdateEvents(
  emitter: EventEmitter<ZaloClientEvents>,
  update: ZaloUpdate,
  textListeners: TextListeners,
): void {
  const message = update.message;
  const metadata: ZaloMessageMetadata = { type: getMessageType(update), event_name: update.event_name };
  emitter.emit("update", update);
  emitter.emit("message", message, metadata);
  emitter.emit(metadata.type, message, metadata);
  if (metadata.type === "text" && typeof message.text === "string") {
    textListeners.run(message, message.text);
  }
}
