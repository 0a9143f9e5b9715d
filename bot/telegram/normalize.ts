import { z } from "zod";
import type { InboundEvent, InboundInput } from "../core/contract/messages.ts";
import { readPressed } from "./keyboard.ts";

/** The parts of a Telegram update the bot reads, checked before anything trusts them. */
const userSchema = z.object({ id: z.number().int(), first_name: z.string().optional(), language_code: z.string().optional() });
const chatSchema = z.object({ id: z.number().int(), type: z.string() });
const entitySchema = z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() });

const documentSchema = z.object({ file_id: z.string().min(1), file_name: z.string().max(255).optional() });

const messageSchema = z.object({
  from: userSchema,
  chat: chatSchema,
  text: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  document: documentSchema.optional(),
});

const callbackSchema = z.object({
  from: userSchema,
  data: z.string().max(64).optional(),
  message: z.object({ chat: chatSchema, message_id: z.number().int() }).optional(),
});

export const telegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: messageSchema.passthrough().optional(),
  callback_query: callbackSchema.passthrough().optional(),
});

/** What a non-text message contains, for a polite "I can only read text". */
function unsupportedKind(message: Record<string, unknown>): string {
  for (const kind of ["sticker", "photo", "voice", "video", "video_note", "audio", "document", "animation", "location", "contact", "poll"]) {
    if (kind in message) return kind;
  }
  return "other";
}

function inputOfMessage(message: z.infer<typeof messageSchema> & Record<string, unknown>): InboundInput {
  const text = message.text;
  if (message.document) {
    return { kind: "file", file: { platform: "telegram", fileRef: message.document.file_id, name: message.document.file_name ?? "tai-lieu" } };
  }
  if (text === undefined) return { kind: "unsupported", what: unsupportedKind(message) };
  const command = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (command) {
    // "/start@chibo_bot ABC" → command "start", args "ABC"
    const name = text.slice(1, command.length).split("@")[0] ?? "";
    return { kind: "command", command: name.toLowerCase(), args: text.slice(command.length).trim() };
  }
  return { kind: "text", text };
}

export type Normalized = { event: InboundEvent; private: true } | { private: false; isCommand: boolean; chatId: string } | null;

/** Turns a Telegram update into the core's event; null for updates the bot does not handle. */
export function normalizeTelegramUpdate(raw: unknown): Normalized {
  const parsed = telegramUpdateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { message, callback_query: callback } = parsed.data;
  if (message) {
    const input = inputOfMessage(message);
    if (message.chat.type !== "private") return { private: false, isCommand: input.kind === "command", chatId: String(message.chat.id) };
    return {
      private: true,
      event: {
        platform: "telegram",
        userId: String(message.from.id),
        chatId: String(message.chat.id),
        ...(message.from.first_name ? { displayName: message.from.first_name } : {}),
        ...(message.from.language_code ? { languageHint: message.from.language_code } : {}),
        input,
      },
    };
  }
  if (callback?.data && callback.message) {
    if (callback.message.chat.type !== "private") return { private: false, isCommand: false, chatId: String(callback.message.chat.id) };
    return {
      private: true,
      event: {
        platform: "telegram",
        userId: String(callback.from.id),
        chatId: String(callback.message.chat.id),
        input: { kind: "choice", data: readPressed(callback.data).data },
        pressedMessageRef: String(callback.message.message_id),
      },
    };
  }
  return null;
}
