import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecipientUnreachableError, type Messenger } from "../../bot/core/contract/ports.ts";
import { loadChoices } from "../../bot/zalo/choices.ts";
import { ZaloBotClient } from "../../bot/zalo/client.ts";
import { ZaloApiError, ZaloTransportError } from "../../bot/zalo/errors.ts";
import { createZaloMessenger, isZaloUnreachable } from "../../bot/zalo/messenger.ts";
import { i18n } from "../helpers/core-harness.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { startFakeZaloApi, type FakeZaloApi } from "../helpers/fake-zalo-api.ts";

let fake: FakeZaloApi;
let testDb: TestDb;
let client: ZaloBotClient;
let messenger: Messenger;
const chat = "0123456789abcdef0123";

const newMessenger = () => createZaloMessenger(client, { db: testDb.db, i18n, defaultLocale: "vi", logger: pino({ level: "silent" }) });

beforeEach(async () => {
  fake = await startFakeZaloApi();
  testDb = await createTestDb();
  client = new ZaloBotClient(fake.token, { baseUrl: fake.baseUrl, retry: { maxAttempts: 2, baseDelayMs: 1 } });
  messenger = newMessenger();
});
afterEach(async () => {
  await client.close();
  await fake.close();
  await testDb.close();
});

const texts = () => fake.sent.map((s) => s.text);

describe("sending to Zalo", () => {
  it("renders choices as numbered options with the line saying what to type, in plain text", async () => {
    await messenger.send(chat, { text: "Yêu cầu tham gia *Chi bộ* Khu phố 3", choices: [[{ label: "Duyệt", data: "ap:1" }, { label: "Từ chối", data: "rj:1" }]] });
    expect(texts()).toEqual(["Yêu cầu tham gia *Chi bộ* Khu phố 3\n\n1. Duyệt\n2. Từ chối\nTrả lời 1 hoặc 2."]);
    // Only chat_id and text: no parse_mode, no keyboard (Zalo has neither).
    expect(Object.keys(fake.sent[0]!.body).sort()).toEqual(["chat_id", "text"]);
    expect(fake.sent[0]!.chat_id).toBe(chat);
    expect(messenger.inviteLink("ABCD")).toBeUndefined();
  });

  it("writes the hint in the recipient's language", async () => {
    await messenger.send(chat, { text: "Language?", choices: [[{ label: "Tiếng Việt", data: "l:vi" }], [{ label: "English", data: "l:en" }], [{ label: "?", data: "x" }]] }, { locale: "en" });
    expect(texts()[0]).toMatch(/\nReply 1, 2 or 3\.$/);
  });

  it("numbers each message's options from 1 and remembers the latest in the database", async () => {
    await messenger.send(chat, { text: "A", choices: [[{ label: "Duyệt", data: "ap:a" }, { label: "Từ chối", data: "rj:a" }]] });
    // A new messenger (a restart) reads what the database remembers.
    messenger = newMessenger();
    await messenger.send(chat, { text: "B", choices: [[{ label: "Duyệt", data: "ap:b" }, { label: "Từ chối", data: "rj:b" }]] });
    expect(texts()[1]).toBe("B\n\n1. Duyệt\n2. Từ chối\nTrả lời 1 hoặc 2.");
    const memory = await loadChoices(testDb.db, chat);
    expect(memory?.items.map((i) => `${i.n}=${i.data}`)).toEqual(["1=ap:b", "2=rj:b"]);
    expect(memory?.fresh).toBe(true);
    await messenger.send(chat, { text: "Đã duyệt." });
    // A message without options does not replace them: a bare number still answers the latest that asked.
    expect(await loadChoices(testDb.db, chat)).toMatchObject({ fresh: false, items: [{ n: 1, data: "ap:b" }, { n: 2, data: "rj:b" }] });
  });

  it("remembers the options of the message sent last when two go to one chat at once", async () => {
    await Promise.all([
      messenger.send(chat, { text: "A", choices: [[{ label: "Duyệt", data: "ap:a" }]] }),
      messenger.send(chat, { text: "B", choices: [[{ label: "Duyệt", data: "ap:b" }]] }),
    ]);
    expect(texts()).toEqual(["A\n\n1. Duyệt\nTrả lời 1.", "B\n\n1. Duyệt\nTrả lời 1."]);
    expect((await loadChoices(testDb.db, chat))?.items).toEqual([{ n: 1, label: "Duyệt", data: "ap:b" }]);
  });

  it("reads a memory an earlier release left (batches across messages) as the latest options", async () => {
    await testDb.db.choiceMemory.create({ data: { platform: "zalo", chatId: chat, choices: JSON.stringify({ v: 1, sealed: true, fresh: true, items: [{ n: 3, label: "Duyệt", data: "ap:x" }] }) } });
    expect(await loadChoices(testDb.db, chat)).toEqual({ fresh: true, items: [{ n: 3, label: "Duyệt", data: "ap:x" }] });
  });

  it("splits long text at paragraph boundaries under 2,000 characters, options under the last part", async () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Đoạn ${i + 1}. ${"chữ ".repeat(100).trim()}`);
    await messenger.send(chat, { text: paragraphs.join("\n\n"), choices: [[{ label: "Xong", data: "d:x:done" }]] });
    const parts = texts() as string[];
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    // Every part is made of whole paragraphs, in order.
    const rebuilt = parts.join("\n\n").split("\n\n");
    expect(rebuilt.slice(0, 12)).toEqual(paragraphs);
    expect(parts.at(-1)).toMatch(/\n\n1\. Xong\nTrả lời 1\.$/);
    expect(parts.slice(0, -1).some((p) => p.includes("1. Xong"))).toBe(false);
  });

  it("adds a note for files, which Zalo cannot send", async () => {
    await messenger.send(chat, { text: "Tài liệu họp", attachments: [{ platform: "telegram", fileRef: "f1", name: "a.pdf" }] } as never);
    expect(texts()[0]).toContain("Kèm theo 1 tệp. Zalo chưa cho bot gửi tệp");
  });

  it("sends anew where Telegram would edit the pressed message", async () => {
    await messenger.send(chat, { text: "Một" }, { replaceRef: "abc" });
    expect(texts()).toEqual(["Một"]);
  });
});

describe("errors", () => {
  it("maps Zalo's 'not found' or 'blocked' answers to RecipientUnreachableError", async () => {
    fake.failNext(1, { body: { ok: false, error_code: 404, description: "Not Found" } }, { method: "sendMessage" });
    await expect(messenger.send(chat, { text: "x" })).rejects.toBeInstanceOf(RecipientUnreachableError);
    fake.failNext(1, { body: { ok: false, error_code: 403, description: "User has blocked the bot" } }, { method: "sendMessage" });
    const error = await messenger.send(chat, { text: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecipientUnreachableError);
    expect((error as RecipientUnreachableError).platform).toBe("zalo");
  });

  it("leaves token, quota and server problems to retry, never marking the member unreachable", async () => {
    fake.failNext(1, { body: { ok: false, error_code: 401, description: "Unauthorized" } }, { method: "sendMessage" });
    await expect(messenger.send(chat, { text: "x" })).rejects.toBeInstanceOf(ZaloApiError);
    fake.failNext(2, "rate_limit", { method: "sendMessage" });
    const quota = await messenger.send(chat, { text: "x" }).catch((e: unknown) => e);
    expect(quota).toBeInstanceOf(ZaloApiError);
    expect(quota).not.toBeInstanceOf(RecipientUnreachableError);
    fake.failNext(2, "server_error", { method: "sendMessage" });
    await expect(messenger.send(chat, { text: "x" })).rejects.toBeInstanceOf(ZaloTransportError);
    expect(isZaloUnreachable(new ZaloApiError("sendMessage", 403, "Internal server error"))).toBe(false);
    expect(isZaloUnreachable(new ZaloApiError("sendMessage", 400, "Bad request: The chat_id is invalid user"))).toBe(true);
    expect(fake.sent).toEqual([]);
  });

  it("forgets numbers that never reached the person", async () => {
    await messenger.send(chat, { text: "A", choices: [[{ label: "Duyệt", data: "ap:a" }]] });
    fake.failNext(1, { body: { ok: false, error_code: 401, description: "Unauthorized" } }, { method: "sendMessage" });
    await expect(messenger.send(chat, { text: "B", choices: [[{ label: "Duyệt", data: "ap:b" }]] })).rejects.toBeInstanceOf(ZaloApiError);
    expect((await loadChoices(testDb.db, chat))?.items.map((i) => i.data)).toEqual(["ap:a"]);
  });
});
