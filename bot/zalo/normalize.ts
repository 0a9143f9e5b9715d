/**
 * Zalo update → the core's InboundEvent.
 *
 * Zalo has no buttons and no command syntax, so what Telegram gets from a keyboard or a
 * `bot_command` entity is read from plain text here:
 * - a command with or without "/" and with or without diacritics ("/lich", "lịch", "lich",
 *   "thành viên"), but without "/" only when the whole message is a command the core knows (or a
 *   command followed by a code, "tham gia ABCD-…"), so that ordinary answers are never taken for one;
 * - a numbered answer ("1", "1.", "số 1") or an option's text for the options last shown in the
 *   chat (see choices.ts), turned into the choice's `data` as if its button had been pressed.
 *
 * Everything is checked with zod before it is trusted. Pure: the caller loads what it needs.
 */
import { z } from "zod";
import type { InboundEvent, InboundInput } from "../core/contract/messages.ts";
import type { CommandInfo } from "../core/contract/ports.ts";
import { foldVietnamese } from "../lib/text.ts";
import type { RememberedChoices } from "./choices.ts";
import { getDisplayName, getMessageType, unwrapUpdate, zaloUpdateSchema, type ZaloUpdate } from "./types.ts";

/** The fields of an update the adapter relies on, on top of the client's passthrough schema. */
const requiredSchema = z.object({
  message: z.object({
    message_id: z.string().min(1).max(128),
    from: z.object({ id: z.string().min(1).max(128) }).passthrough(),
    chat: z.object({ id: z.string().min(1).max(128) }).passthrough(),
  }).passthrough(),
}).passthrough();

/** Parses a webhook body or a polled update (bare or wrapped in `{ok, result}`); null if it is not a usable update. */
export function parseZaloUpdate(raw: unknown): ZaloUpdate | null {
  const parsed = zaloUpdateSchema.safeParse(unwrapUpdate(raw));
  if (!parsed.success) return null;
  if (!requiredSchema.safeParse(parsed.data).success) return null;
  return parsed.data;
}

/** True when a body looks like an attempt at an update (so a failed parse is malformed, not a ping). */
export function looksLikeUpdate(raw: unknown): boolean {
  const body = unwrapUpdate(raw);
  return typeof body === "object" && body !== null && ("message" in body || "event_name" in body);
}

export interface NormalizeContext {
  /** The bot's own id (getMe): its own messages coming back are dropped. */
  botId?: string;
  /** Every command the core knows, by name and alias (folded, without "/"). */
  commands: CommandTable;
  /** The options last shown in this chat, if any. */
  memory: RememberedChoices | null;
}

export type ZaloNormalized =
  | { kind: "event"; event: InboundEvent; messageId: string }
  /** Several options ticked in one answer ("2, 5"): one event each, in the order typed. */
  | { kind: "events"; events: InboundEvent[]; messageId: string }
  /** The typed text names several options of the same label ("Duyệt" with two requests): ask which number. */
  | { kind: "ambiguous"; event: InboundEvent; messageId: string; label: string; numbers: number[] }
  /** A group chat (beta on Zalo): the bot only works in private chats. */
  | { kind: "group"; chatId: string; messageId: string; isCommand: boolean }
  /** Our own message echoed back, or another bot: never handled. */
  | { kind: "ignored"; messageId: string; reason: "self" | "bot" };

/** Turns a parsed update into the core's event. */
export function normalizeZaloUpdate(update: ZaloUpdate, ctx: NormalizeContext): ZaloNormalized {
  const { message } = update;
  const messageId = message.message_id;
  if (ctx.botId && message.from.id === ctx.botId) return { kind: "ignored", messageId, reason: "self" };
  if (message.from.is_bot === true) return { kind: "ignored", messageId, reason: "bot" };
  const type = getMessageType(update);
  const text = type === "text" ? (message.text ?? "") : undefined;
  const isGroup = message.chat.chat_type !== undefined && message.chat.chat_type.toUpperCase() !== "PRIVATE";
  if (isGroup) {
    // In groups the text starts with "@Bot name" when the bot is mentioned (unconfirmed): look past it.
    const unmentioned = text?.replace(/^@[^/]*(?=\/)/u, "") ?? "";
    return { kind: "group", chatId: message.chat.id, messageId, isCommand: text !== undefined && readCommand(unmentioned, ctx.commands) !== null };
  }
  const base = {
    platform: "zalo" as const,
    userId: message.from.id,
    chatId: message.chat.id,
    ...(getDisplayName(message.from) ? { displayName: getDisplayName(message.from)! } : {}),
  };
  if (text === undefined) {
    const what = type === "photo" ? "photo" : type === "sticker" ? "sticker" : type === "voice" ? "voice" : "other";
    return { kind: "event", messageId, event: { ...base, input: { kind: "unsupported", what } } };
  }
  const read = readText(text, ctx);
  if (read.kind === "ambiguous") {
    return { kind: "ambiguous", messageId, label: read.label, numbers: read.numbers, event: { ...base, input: { kind: "text", text } } };
  }
  if (read.kind === "inputs") return { kind: "events", messageId, events: read.inputs.map((input) => ({ ...base, input })) };
  return { kind: "event", messageId, event: { ...base, input: read.input } };
}

type ReadText = { kind: "input"; input: InboundInput } | { kind: "inputs"; inputs: InboundInput[] } | { kind: "ambiguous"; label: string; numbers: number[] };

/** Most digits a typed option number has (options are numbered from 1, at most a few hundred). */
const numberPattern = /^(?:so|lua chon|chon|#)?\s*(\d{1,3})$/;

/** "2, 5", "2 5", "2 va 5": two or more distinct numbers (folded text), else null. */
function severalNumbers(folded: string): number[] | null {
  const parts = folded.replace(/^(?:so|chon)\s+/, "").split(/\s*(?:\s|va|and)\s*/).filter(Boolean);
  if (parts.length < 2 || parts.length > 30 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const numbers = [...new Set(parts.map(Number))];
  return numbers.length >= 2 ? numbers : null;
}

/** How a typed text reads: a command, an option, or just text. */
export function readText(text: string, ctx: Pick<NormalizeContext, "commands" | "memory">): ReadText {
  const trimmed = text.trim();
  const command = readCommand(trimmed, ctx.commands);
  if (command && trimmed.startsWith("/")) return { kind: "input", input: command };
  const folded = foldVietnamese(trimmed);
  const items = ctx.memory?.items ?? [];
  // A question asking for a number (a score): the number is the answer, options go by their names.
  const numbersAreText = ctx.memory?.fresh === true && ctx.memory.numbersAreAnswers === true;
  const number = numbersAreText ? null : numberPattern.exec(folded);
  if (number && items.length > 0) {
    const n = Number(number[1]);
    const item = items.find((i) => i.n === n);
    if (item) return { kind: "input", input: { kind: "choice", data: item.data } };
  }
  // "2, 5" ticks two lines of a list at once, in the order typed.
  const several = numbersAreText ? null : severalNumbers(folded);
  if (several && items.length > 0) {
    const picked = several.map((n) => items.find((i) => i.n === n));
    if (picked.every((i) => i?.toggle)) return { kind: "inputs", inputs: picked.map((i) => ({ kind: "choice", data: i!.data })) };
  }
  // An option's text counts only while its message is the last one shown: an old "Không" must not
  // answer a question asked since.
  if (ctx.memory?.fresh && folded !== "") {
    const same = items.filter((i) => foldVietnamese(i.label) === folded);
    const datas = new Set(same.map((i) => i.data));
    if (datas.size === 1) return { kind: "input", input: { kind: "choice", data: same[0]!.data } };
    if (datas.size > 1) return { kind: "ambiguous", label: same[0]!.label, numbers: same.map((i) => i.n) };
  }
  if (command) return { kind: "input", input: command };
  return { kind: "input", input: { kind: "text", text } };
}

/** The core's commands by every name they answer to. */
export type CommandTable = ReadonlyMap<string, CommandInfo>;

export function commandTable(commands: readonly CommandInfo[]): CommandTable {
  return new Map(commands.flatMap((c) => [c.name, ...c.aliases].map((name) => [name, c] as const)));
}

/**
 * "/lịch 12/12" → command "lich", args "12/12". Without "/", only a whole message naming a known
 * command ("thành viên", "lich"), or such a command followed by a code ("tham gia ABCD-EFGH-…").
 */
export function readCommand(text: string, commands: CommandTable): InboundInput | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) {
    const rest = trimmed.slice(1).trim();
    const tokens = rest.split(/\s+/).filter(Boolean);
    const fold = (ws: string[]) => ws.map((w) => foldVietnamese(w.replace(/@\S*$/u, "")).replace(/\s+/g, "")).join("");
    // "/thành viên" names one command in two words: the longest known name wins, then the first word.
    for (let n = Math.min(3, tokens.length); n >= 2; n--) {
      const name = fold(tokens.slice(0, n));
      if (commands.has(name)) return { kind: "command", command: name, args: tokens.slice(n).join(" ") };
    }
    const match = /^([^\s]+)(?:\s+([\s\S]*))?$/u.exec(rest);
    const name = match ? fold([match[1]!]) : "";
    if (!name) return null;
    return { kind: "command", command: name, args: (match?.[2] ?? "").trim() };
  }
  if (trimmed.length > 80) return null;
  const words = foldVietnamese(trimmed).split(" ").filter(Boolean);
  if (words.length === 0) return null;
  const whole = words.join("");
  if (commands.has(whole)) return { kind: "command", command: whole, args: "" };
  // "tham gia ABCD-EFGH-JKMN-PQRS": a command of up to three words, then what the command says it takes.
  const tokens = trimmed.split(/\s+/);
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
    const name = tokens.slice(0, n).map((w) => foldVietnamese(w).replace(/\s+/g, "")).join("");
    const args = tokens.slice(n).join(" ");
    if (commands.get(name)?.takesTypedArgs?.(args)) return { kind: "command", command: name, args };
  }
  return null;
}
