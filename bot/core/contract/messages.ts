/**
 * The platform-neutral vocabulary between the core and the messenger adapters.
 *
 * The core speaks only of text and choices. Telegram renders choices as an inline
 * keyboard; Zalo, which has no buttons, renders them as numbered options and maps a
 * typed "1" back to the choice's `data`.
 */

export const platforms = ["telegram", "zalo"] as const;
export type Platform = (typeof platforms)[number];

/** One option the user can pick. `data` is an opaque token for the core, at most 64 bytes (Telegram's callback_data limit). */
export interface Choice {
  label: string;
  data: string;
  /**
   * Pressing it leaves the message's options in place (a menu, a list): the messenger must not
   * take the keyboard away. Other options are spent once one of the message's options is chosen.
   */
  keep?: boolean;
  /**
   * Choosing it ticks or unticks one line of a list (a checklist, a multiple choice): several such
   * options may be chosen in one answer where options are typed («2, 5» on Zalo).
   */
  toggle?: boolean;
}

/** A file a user sent, kept by reference on the messenger that holds it. */
export interface FileRef {
  platform: Platform;
  /** The messenger's id of the file (Telegram file_id). */
  fileRef: string;
  name: string;
}

/** A file the bot made (a Word or Excel document), sent as bytes where the messenger takes files. */
export interface OutboundFile {
  /** ASCII only: some phones mangle other names. */
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A message the core wants shown. `choices` are rows of options (one row = one keyboard line on Telegram). */
export interface OutboundMessage {
  text: string;
  choices?: Choice[][];
  /** Files to send after the text, where the messenger can (a file can only be re-sent on the messenger that holds it). */
  attachments?: FileRef[];
  /** A document made for the reader, sent after the text; only to a messenger that `sendsFiles`. */
  file?: OutboundFile;
  /**
   * The question takes a typed number as its answer (a score). Where options are chosen by typing
   * their number (Zalo), they are shown by name instead, and a typed number stays text.
   */
  numbersAreAnswers?: boolean;
}

/** What a user did, as the core sees it, whatever the messenger. */
export type InboundInput =
  | { kind: "text"; text: string }
  | { kind: "command"; command: string; args: string }
  | { kind: "choice"; data: string }
  /** A document the user sent (e.g. meeting papers). */
  | { kind: "file"; file: FileRef }
  /** Stickers, photos, voice and anything else the core cannot read as text. */
  | { kind: "unsupported"; what: string };

export interface InboundEvent {
  platform: Platform;
  /** The sender's id on that platform, as a string (Telegram ids are numbers, Zalo ids strings). */
  userId: string;
  /** The private chat to answer in. */
  chatId: string;
  /** The name the messenger shows, used only as a default suggestion for the full name. */
  displayName?: string;
  /** The messenger's language hint (e.g. "vi", "en-US"). */
  languageHint?: string;
  input: InboundInput;
  /** For a button press: the messenger's id of the message that carried the button. */
  pressedMessageRef?: string;
}

/** Longest text accepted from a user in one message (Telegram's own limit); longer is refused politely. */
export const maxInboundTextLength = 4096;
