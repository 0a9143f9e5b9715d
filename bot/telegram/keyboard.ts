/**
 * Choices as Telegram inline keyboards. Whether a message keeps its keyboard once a button is
 * pressed is the core's to say (`Choice.keep`); the adapter carries that in the button's own
 * callback data, as one marker byte in front, because a press brings back only the data.
 */
import { InlineKeyboard } from "grammy";
import type { OutboundMessage } from "../core/contract/messages.ts";

/** Never the first character of the core's data (its ids start with a letter). */
const keepMarker = "~";

export function toInlineKeyboard(message: OutboundMessage): InlineKeyboard | undefined {
  if (!message.choices?.length) return undefined;
  return InlineKeyboard.from(message.choices.map((row) => row.map((c) => InlineKeyboard.text(c.label, c.keep ? `${keepMarker}${c.data}` : c.data))));
}

/** The core's data of a pressed button, and whether its message keeps its keyboard. */
export function readPressed(data: string): { data: string; keep: boolean } {
  return data.startsWith(keepMarker) ? { data: data.slice(keepMarker.length), keep: true } : { data, keep: false };
}
