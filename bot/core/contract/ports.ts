import type { InboundEvent, OutboundMessage, Platform } from "./messages.ts";

/** What an adapter offers the core to deliver messages on one messenger. */
export interface Messenger {
  readonly platform: Platform;
  /** Sends a message; with `replaceRef`, replaces that earlier message instead where the messenger can. */
  send(chatId: string, message: OutboundMessage, options?: { replaceRef?: string }): Promise<void>;
  /** A link that opens the bot with this invite code, where the messenger has such links. */
  inviteLink(code: string): string | undefined;
}

/** Thrown by a Messenger when the user blocked the bot or deleted the chat: retrying is useless. */
export class RecipientUnreachableError extends Error {
  constructor(
    readonly platform: Platform,
    options?: { cause?: unknown },
  ) {
    super(`Recipient unreachable on ${platform}`, options);
    this.name = "RecipientUnreachableError";
  }
}

/** What the core offers an adapter: events in, and the commands it knows for messengers without a command syntax. */
export interface EventSink {
  handle(event: InboundEvent): Promise<void>;
  commandNames(): string[];
}

/** One messenger, started and stopped by main.ts; the core sees only its `messenger`. */
export interface MessengerAdapter {
  readonly platform: Platform;
  readonly messenger: Messenger;
  /** Starts taking updates (polling or webhook) and handing them to `sink`. */
  start(sink: EventSink): Promise<void>;
  /** Stops taking updates; resolves when every update being handled has finished. */
  stop(): Promise<void>;
}
