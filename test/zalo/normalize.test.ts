import { describe, expect, it } from "vitest";
import type { RememberedChoices } from "../../bot/zalo/choices.ts";
import { commandTable, looksLikeUpdate, normalizeZaloUpdate, parseZaloUpdate, readCommand, readText, type NormalizeContext } from "../../bot/zalo/normalize.ts";
import { photoUpdate, stickerUpdate, textUpdate, unsupportedUpdate } from "../helpers/fake-zalo-api.ts";

// As the core describes them: a code after "thamgia" or "lienket" is their argument (any 16 letters here).
const takesCode = (args: string) => /^[a-z0-9]{16}$/i.test(args.replace(/[\s-]/g, ""));
const commands = commandTable(
  ["start", "menu", "help", "thamgia", "thanhvien", "lich", "huy", "hoso", "lienket", "kenhnhan"].map((name) => ({
    name,
    aliases: [],
    ...(name === "thamgia" || name === "lienket" ? { takesTypedArgs: takesCode } : {}),
  })),
);
const ctx = (over: Partial<NormalizeContext> = {}): NormalizeContext => ({ commands, memory: null, ...over });
const read = (text: string, over: Partial<NormalizeContext> = {}) => readText(text, ctx(over));

const memory = (fresh: boolean): RememberedChoices => ({
  fresh,
  items: [
    { n: 1, label: "Tạo mã mới", data: "iv:new:c1" },
    { n: 2, label: "Thu hồi mã", data: "iv:off:c1" },
    { n: 3, label: "Duyệt", data: "ap:m1" },
    { n: 4, label: "Từ chối", data: "rj:m1" },
    { n: 5, label: "Duyệt", data: "ap:m2" },
    { n: 6, label: "Từ chối", data: "rj:m2" },
    { n: 7, label: "Bỏ qua", data: "d:phone:_skip" },
  ],
});

function event(raw: unknown, over: Partial<NormalizeContext> = {}) {
  const update = parseZaloUpdate(raw);
  if (!update) throw new Error("not parsed");
  return normalizeZaloUpdate(update, ctx(over));
}

describe("parseZaloUpdate", () => {
  it("reads the bare update, the docs' wrapped one, and the getUpdates sample with first_name", () => {
    const bare = textUpdate("Xin chào", { userId: "6ede9afa66b88fe6d6a9", messageId: "2d758cb5e222177a4e35" });
    expect(parseZaloUpdate(bare)?.message.message_id).toBe("2d758cb5e222177a4e35");
    expect(parseZaloUpdate({ ok: true, result: bare })?.message.text).toBe("Xin chào");
    const sample = { message: { chat: { id: "e4ea2cd5189df1c3a88c", chat_type: "PRIVATE" }, text: "Xin chào", message_id: "16f6366b3f02645a3d15", date: 1766619597466, from: { id: "e4ea2cd5189df1c3a88c", first_name: "Nguyen Van A" } } };
    const n = event(sample);
    expect(n).toMatchObject({ kind: "event", event: { displayName: "Nguyen Van A", input: { kind: "text", text: "Xin chào" } } });
  });

  it("refuses what is not an update, and says which bodies look like one", () => {
    expect(parseZaloUpdate({})).toBeNull();
    expect(parseZaloUpdate("x")).toBeNull();
    expect(parseZaloUpdate({ message: { text: "hi" } })).toBeNull();
    expect(parseZaloUpdate({ event_name: "message.text.received", message: { message_id: "", from: { id: "a" }, chat: { id: "a" } } })).toBeNull();
    expect(looksLikeUpdate({ message: { text: "hi" } })).toBe(true);
    expect(looksLikeUpdate({ ok: true, result: { event_name: "x" } })).toBe(true);
    expect(looksLikeUpdate({ hello: "world" })).toBe(false);
    expect(looksLikeUpdate(null)).toBe(false);
  });
});

describe("commands", () => {
  it.each([
    ["/lich", "lich", ""],
    ["/lịch", "lich", ""],
    ["lịch", "lich", ""],
    ["LICH", "lich", ""],
    ["  Lịch  ", "lich", ""],
    ["thành viên", "thanhvien", ""],
    ["/thành viên", "thanhvien", ""],
    ["/Thanh_vien", "thanhvien", ""],
    ["/start@chibo_bot", "start", ""],
    ["/thamgia ABCD-EFGH-JKMN-PQRS", "thamgia", "ABCD-EFGH-JKMN-PQRS"],
    ["tham gia ABCD-EFGH-JKMN-PQRS", "thamgia", "ABCD-EFGH-JKMN-PQRS"],
    ["liên kết abcd efgh jkmn pqrs", "lienket", "abcd efgh jkmn pqrs"],
    ["/xyz 1 2", "xyz", "1 2"],
  ])("reads %j as /%s", (text, command, args) => {
    expect(read(text)).toEqual({ kind: "input", input: { kind: "command", command, args } });
  });

  it("does not take ordinary answers for commands", () => {
    // A sentence that starts with a command word is an answer, not a command.
    expect(read("Lịch sự với mọi người")).toEqual({ kind: "input", input: { kind: "text", text: "Lịch sự với mọi người" } });
    expect(read("lich 12/12")).toEqual({ kind: "input", input: { kind: "text", text: "lich 12/12" } });
    expect(read("xyz")).toEqual({ kind: "input", input: { kind: "text", text: "xyz" } });
    expect(readCommand("/", commands)).toBeNull();
    // Words after a command that takes nothing typed are an answer.
    expect(read("tham gia chi bo")).toEqual({ kind: "input", input: { kind: "text", text: "tham gia chi bo" } });
  });
});

describe("numbered answers and option texts", () => {
  it.each(["3", "3.", "số 3", "So 3", "#3", " 3 ", "(3)"])("maps %j to the third option shown", (text) => {
    expect(read(text, { memory: memory(false) })).toEqual({ kind: "input", input: { kind: "choice", data: "ap:m1" } });
  });

  it("keeps the latest options answerable by number after other messages, but a number not shown is text", () => {
    expect(read("6", { memory: memory(false) })).toEqual({ kind: "input", input: { kind: "choice", data: "rj:m2" } });
    expect(read("8", { memory: memory(true) })).toEqual({ kind: "input", input: { kind: "text", text: "8" } });
    expect(read("1", { memory: null })).toEqual({ kind: "input", input: { kind: "text", text: "1" } });
    // A phone number is not an option number.
    expect(read("0912 345 678", { memory: memory(true) })).toEqual({ kind: "input", input: { kind: "text", text: "0912 345 678" } });
  });

  it("reads an option's text, without diacritics too, only while its message is the last one shown", () => {
    expect(read("bo qua", { memory: memory(true) })).toEqual({ kind: "input", input: { kind: "choice", data: "d:phone:_skip" } });
    expect(read("Thu hồi mã", { memory: memory(true) })).toEqual({ kind: "input", input: { kind: "choice", data: "iv:off:c1" } });
    expect(read("bo qua", { memory: memory(false) })).toEqual({ kind: "input", input: { kind: "text", text: "bo qua" } });
  });

  it("asks for the number when one text names several options", () => {
    expect(read("duyệt", { memory: memory(true) })).toEqual({ kind: "ambiguous", label: "Duyệt", numbers: [3, 5] });
  });

  it("gives a slash command priority over options, and options over a bare command", () => {
    const withHuy: RememberedChoices = { fresh: true, items: [{ n: 1, label: "Hủy", data: "x" }] };
    expect(read("huỷ", { memory: withHuy })).toEqual({ kind: "input", input: { kind: "choice", data: "x" } });
    expect(read("/huy", { memory: withHuy })).toEqual({ kind: "input", input: { kind: "command", command: "huy", args: "" } });
  });
});

describe("several numbers in one answer", () => {
  const list: RememberedChoices = {
    fresh: true,
    items: [
      { n: 1, label: "☐ Cán bộ", data: "d:categories:can_bo", toggle: true },
      { n: 2, label: "☐ Hưu trí", data: "d:categories:huu_tri", toggle: true },
      { n: 3, label: "☐ Công nhân", data: "d:categories:cong_nhan", toggle: true },
      { n: 4, label: "Xong", data: "d:categories:_done" },
    ],
  };

  it.each(["1, 3", "1,3", "1 3", "1 và 3", "số 1, 3"])("reads %j as ticking lines 1 and 3, in order", (text) => {
    expect(read(text, { memory: list })).toEqual({ kind: "inputs", inputs: [{ kind: "choice", data: "d:categories:can_bo" }, { kind: "choice", data: "d:categories:cong_nhan" }] });
  });

  it("takes several numbers only for lines of a list: not with «Xong», not a number not shown, not a plain choice", () => {
    expect(read("1, 4", { memory: list })).toEqual({ kind: "input", input: { kind: "text", text: "1, 4" } });
    expect(read("1, 9", { memory: list })).toEqual({ kind: "input", input: { kind: "text", text: "1, 9" } });
    expect(read("3, 5", { memory: memory(true) })).toEqual({ kind: "input", input: { kind: "text", text: "3, 5" } });
    // A date is not a list of numbers.
    expect(read("5/12", { memory: list })).toEqual({ kind: "input", input: { kind: "text", text: "5/12" } });
  });

  it("turns them into one event each", () => {
    const n = normalizeZaloUpdate(parseZaloUpdate(textUpdate("2, 3", { userId: "u1", messageId: "m9" }))!, ctx({ memory: list }));
    expect(n).toMatchObject({ kind: "events", messageId: "m9", events: [{ userId: "u1", input: { data: "d:categories:huu_tri" } }, { userId: "u1", input: { data: "d:categories:cong_nhan" } }] });
  });
});

describe("normalizeZaloUpdate", () => {
  it("builds the core's event from a private text message", () => {
    const n = event(textUpdate("lịch", { userId: "u1", displayName: "Bình", messageId: "m1" }));
    expect(n).toEqual({ kind: "event", messageId: "m1", event: { platform: "zalo", userId: "u1", chatId: "u1", displayName: "Bình", input: { kind: "command", command: "lich", args: "" } } });
  });

  it("passes a greeting on as text: the core knows whether the account is new", () => {
    expect(event(textUpdate("Xin chào"))).toMatchObject({ event: { input: { kind: "text", text: "Xin chào" } } });
  });

  it("names what a non-text message is, with photo_url or photo", () => {
    expect(event(photoUpdate("https://photo-stal-22.zdn.vn/x.jpg"))).toMatchObject({ event: { input: { kind: "unsupported", what: "photo" } } });
    expect(event(photoUpdate("https://x/y.jpg", { field: "photo" }))).toMatchObject({ event: { input: { kind: "unsupported", what: "photo" } } });
    expect(event(stickerUpdate("0e078a2fb66a5f34067b"))).toMatchObject({ event: { input: { kind: "unsupported", what: "sticker" } } });
    expect(event(unsupportedUpdate())).toMatchObject({ event: { input: { kind: "unsupported", what: "other" } } });
    const voice = { event_name: "message.voice.received", message: { from: { id: "u" }, chat: { id: "u", chat_type: "PRIVATE" }, message_id: "v1", voice_url: "https://x/a.aac" } };
    expect(event(voice)).toMatchObject({ event: { input: { kind: "unsupported", what: "voice" } } });
  });

  it("drops the bot's own messages and other bots", () => {
    const own = textUpdate("echo", { userId: "1459232241454765289" });
    expect(event(own, { botId: "1459232241454765289" })).toEqual({ kind: "ignored", messageId: own.message.message_id, reason: "self" });
    const bot = textUpdate("hi");
    (bot.message.from as Record<string, unknown>).is_bot = true;
    expect(event(bot)).toMatchObject({ kind: "ignored", reason: "bot" });
  });

  it("does not handle group chats, but notes a command there (after a mention)", () => {
    const group = (text: string) => ({ event_name: "message.text.received", message: { from: { id: "u1" }, chat: { id: "g1", chat_type: "GROUP" }, message_id: "g", text } });
    expect(event(group("@Bot Chi bộ /menu"))).toEqual({ kind: "group", chatId: "g1", messageId: "g", isCommand: true });
    expect(event(group("xin chào mọi người"))).toEqual({ kind: "group", chatId: "g1", messageId: "g", isCommand: false });
  });

  it("keeps the original text when an option text is ambiguous", () => {
    const n = event(textUpdate("Duyệt", { messageId: "q" }), { memory: memory(true) });
    expect(n).toMatchObject({ kind: "ambiguous", label: "Duyệt", numbers: [3, 5], event: { input: { kind: "text", text: "Duyệt" } } });
  });
});

describe("a question whose answer is a number (a score)", () => {
  const scoreMemory: RememberedChoices = { ...memory(true), numbersAreAnswers: true };
  it("reads a typed number as the answer, not as the option with that number", () => {
    expect(read("2", { memory: scoreMemory })).toEqual({ kind: "input", input: { kind: "text", text: "2" } });
    expect(read("2 5", { memory: scoreMemory })).toEqual({ kind: "input", input: { kind: "text", text: "2 5" } });
  });
  it("still takes an option by its name, and numbers pick options again once another message was shown", () => {
    expect(read("bỏ qua", { memory: scoreMemory })).toEqual({ kind: "input", input: { kind: "choice", data: "d:phone:_skip" } });
    expect(read("2", { memory: { ...scoreMemory, fresh: false } })).toEqual({ kind: "input", input: { kind: "choice", data: "iv:off:c1" } });
  });
});
