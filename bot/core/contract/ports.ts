import type { Locale } from "../../i18n/index.ts";
import type { InboundEvent, OutboundMessage, Platform } from "./messages.ts";

export interface SendOptions {
  replaceRef?: string;
  locale?: Locale;
}

/** What an adapter offers the core to deliver messages on one messenger. */
export interface Messenger {
  readonly platform: Platform;
  /** Whether it can send a file the bot made (Telegram can; the Zalo Bot API cannot). */
  readonly sendsFiles: boolean;
  /**
   * Sends a message; with `replaceRef`, replaces that earlier message instead where the messenger
   * can. `locale` is the reader's language, for anything the messenger adds of its own (Zalo's
   * "answer 1 or 2").
   */
  send(chatId: string, message: OutboundMessage, options?: SendOptions): Promise<void>;
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

/** A command the core understands, as a messenger needs to know it. */
export interface CommandInfo {
  /** Folded, without "/": "thanhvien". */
  name: string;
  aliases: readonly string[];
  /** Position in the messenger's command menu, smaller first; absent: not listed. Its description is the locale message `command-<name>`. */
  menuRank?: number;
  /** Whether text typed after the name without "/" ("tham gia ABCD-…") is the command's argument. */
  takesTypedArgs?(args: string): boolean;
}

/** What the core offers an adapter: events in, and what it needs to read messages the core's way. */
export interface EventSink {
  handle(event: InboundEvent): Promise<void>;
  /** Every command, for a menu and for messengers without a command syntax. */
  commands(): readonly CommandInfo[];
  /** The language of the person behind an account (the default for an unknown one). */
  localeOf(platform: Platform, userId: string): Promise<Locale>;
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
