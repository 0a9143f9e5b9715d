import { describe, expect, it } from "vitest";
import { normalizeTelegramUpdate } from "../../../bot/telegram/normalize.ts";

const from = { id: 42, is_bot: false, first_name: "An", language_code: "vi" };
const chat = { id: 42, type: "private" };

describe("normalizeTelegramUpdate", () => {
  it("reads a deep-link /start with its payload", () => {
    const n = normalizeTelegramUpdate({
      update_id: 1,
      message: { message_id: 5, date: 0, from, chat, text: "/start ABCDEFGHJKMNPQRS", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
    });
    expect(n).toEqual({
      private: true,
      event: { platform: "telegram", userId: "42", chatId: "42", displayName: "An", languageHint: "vi", input: { kind: "command", command: "start", args: "ABCDEFGHJKMNPQRS" } },
    });
  });
  it("strips the bot's name from a command", () => {
    const n = normalizeTelegramUpdate({ update_id: 1, message: { from, chat, text: "/Help@chibo_bot", entities: [{ type: "bot_command", offset: 0, length: 15 }] } });
    expect(n && n.private && n.event.input).toEqual({ kind: "command", command: "help", args: "" });
  });
  it("treats a slash without a command entity as text", () => {
    const n = normalizeTelegramUpdate({ update_id: 1, message: { from, chat, text: "/ hello" } });
    expect(n && n.private && n.event.input).toEqual({ kind: "text", text: "/ hello" });
  });
  it("names what a non-text message is", () => {
    const n = normalizeTelegramUpdate({ update_id: 1, message: { from, chat, sticker: { file_id: "x" } } });
    expect(n && n.private && n.event.input).toEqual({ kind: "unsupported", what: "sticker" });
  });
  it("reads a button press", () => {
    const n = normalizeTelegramUpdate({ update_id: 1, callback_query: { id: "1", from, data: "ap:abc", message: { message_id: 9, chat } } });
    expect(n && n.private && n.event).toMatchObject({ userId: "42", chatId: "42", input: { kind: "choice", data: "ap:abc" } });
  });
  it("does not handle group chats, but notes a command there", () => {
    const n = normalizeTelegramUpdate({ update_id: 1, message: { from, chat: { id: -100, type: "supergroup" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } });
    expect(n).toEqual({ private: false, isCommand: true, chatId: "-100" });
  });
  it("rejects malformed payloads", () => {
    expect(normalizeTelegramUpdate({ update_id: "x" })).toBeNull();
    expect(normalizeTelegramUpdate({ update_id: 1, message: { from: { id: "42" }, chat, text: "hi" } })).toBeNull();
    expect(normalizeTelegramUpdate({ update_id: 1, callback_query: { id: "1", from, data: "x".repeat(65), message: { message_id: 1, chat } } })).toBeNull();
    expect(normalizeTelegramUpdate({ update_id: 1, edited_message: { from, chat, text: "x" } })).toBeNull();
  });
});
