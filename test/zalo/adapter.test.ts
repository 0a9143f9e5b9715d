import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/config.ts";
import type { InboundEvent } from "../../bot/core/contract/messages.ts";
import type { EventSink } from "../../bot/core/contract/ports.ts";
import { recordInbound } from "../../bot/zalo/inbox.ts";
import { parseZaloUpdate } from "../../bot/zalo/normalize.ts";
import { createZaloAdapter, type ZaloAdapter } from "../../bot/zalo/start.ts";
import { i18n } from "../helpers/core-harness.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { startFakeZaloApi, stickerUpdate, textUpdate, type FakeZaloApi } from "../helpers/fake-zalo-api.ts";

/** Waits until `check` holds (the bot works in the background); fails after a generous deadline. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

class RecordingSink implements EventSink {
  readonly events: InboundEvent[] = [];
  onHandle: ((event: InboundEvent) => Promise<void>) | null = null;
  async handle(event: InboundEvent) {
    this.events.push(event);
    await this.onHandle?.(event);
  }
  commands() {
    return ["start", "menu", "help", "lich", "thanhvien", "huy"].map((name) => ({ name, aliases: [] }));
  }
  async localeOf() {
    return "vi" as const;
  }
}

let fake: FakeZaloApi;
let testDb: TestDb;
let logLines: string[];
const adapters: ZaloAdapter[] = [];

const logger = () =>
  pino(
    { level: "debug" },
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );

async function startAdapter(sink: EventSink, env: Record<string, string> = {}): Promise<ZaloAdapter> {
  const config = parseConfig({ ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.baseUrl, DATABASE_URL: testDb.url, ...env });
  const adapter = await createZaloAdapter({ ...config, ZALO_BOT_TOKEN: config.ZALO_BOT_TOKEN! }, { db: testDb.db, i18n, logger: logger() }, {
    webhookHost: "127.0.0.1",
    webhookPort: 0,
    client: { retry: { baseDelayMs: 1 } },
  });
  adapters.push(adapter);
  await adapter.start(sink);
  return adapter;
}

beforeEach(async () => {
  fake = await startFakeZaloApi();
  testDb = await createTestDb();
  logLines = [];
});
afterEach(async () => {
  for (const a of adapters.splice(0)) await a.stop();
  await fake.close();
  await testDb.close();
});

const dedupCount = () => testDb.db.inboundDedup.count();

describe("long polling", () => {
  it("deletes a webhook left from an earlier deployment before polling", async () => {
    await fetch(`${fake.baseUrl}/bot${fake.token}/setWebhook`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: "https://old.example/hook", secret_token: "0123456789abcdef" }) });
    await startAdapter(new RecordingSink());
    await fake.waitForCalls("getUpdates", 1);
    expect(fake.webhook()).toBeNull();
    const order = fake.calls.map((c) => c.method).filter((m) => m !== "getUpdates" && m !== "setWebhook");
    expect(order).toEqual(["getMe", "getWebhookInfo", "deleteWebhook"]);
    // getUpdates was never called while the webhook was still set.
    const firstPoll = fake.calls.findIndex((c) => c.method === "getUpdates");
    expect(firstPoll).toBeGreaterThan(fake.calls.findIndex((c) => c.method === "deleteWebhook"));
  });

  it("hands each person's updates to the core in order, reading commands and stickers", async () => {
    const sink = new RecordingSink();
    await testDb.db.person.create({ data: { identities: { create: { platform: "zalo", userId: "a1", chatId: "a1" } } } });
    await startAdapter(sink);
    fake.pushUpdate(textUpdate("/lịch", { userId: "a1" }));
    fake.pushUpdate(textUpdate("thành viên", { userId: "a1" }));
    fake.pushUpdate(stickerUpdate("0e078a2fb66a5f34067b", { userId: "a1" }));
    fake.pushUpdate(textUpdate("Nguyễn Văn An", { userId: "a1" }));
    await until(() => sink.events.length === 4, "4 events");
    expect(sink.events.map((e) => e.input)).toEqual([
      { kind: "command", command: "lich", args: "" },
      { kind: "command", command: "thanhvien", args: "" },
      { kind: "unsupported", what: "sticker" },
      { kind: "text", text: "Nguyễn Văn An" },
    ]);
    expect(sink.events.every((e) => e.platform === "zalo" && e.userId === "a1" && e.chatId === "a1" && e.displayName === "Ted")).toBe(true);
  });

  it("passes a first greeting on as text: the core knows the account is new and opens the welcome", async () => {
    const sink = new RecordingSink();
    await startAdapter(sink);
    fake.pushUpdate(textUpdate("Xin chào", { userId: "b2" }));
    await until(() => sink.events.length === 1, "an event");
    expect(sink.events[0]!.input).toEqual({ kind: "text", text: "Xin chào" });
  });

  it("maps a typed number to the latest message's option, even after a restart", async () => {
    const sink = new RecordingSink();
    await testDb.db.person.create({ data: { identities: { create: { platform: "zalo", userId: "a1", chatId: "a1" } } } });
    const first = await startAdapter(sink);
    await first.messenger.send("a1", { text: "Yêu cầu của An", choices: [[{ label: "Duyệt", data: "ap:an" }, { label: "Từ chối", data: "rj:an" }]] });
    await first.messenger.send("a1", { text: "Yêu cầu của Bảo", choices: [[{ label: "Duyệt", data: "ap:bao" }, { label: "Từ chối", data: "rj:bao" }]] });
    // Each message's options from 1: nobody has to read a «3» off the screen.
    expect(fake.sent.map((s) => s.text?.split("\n\n")[1])).toEqual(["1. Duyệt\n2. Từ chối\nTrả lời 1 hoặc 2.", "1. Duyệt\n2. Từ chối\nTrả lời 1 hoặc 2."]);
    await first.stop();
    const second = await startAdapter(sink);
    fake.pushUpdate(textUpdate("số 2", { userId: "a1" }));
    await until(() => sink.events.length === 1, "an event");
    // The bare number answers the most recent message that asked.
    expect(sink.events.map((e) => e.input)).toEqual([{ kind: "choice", data: "rj:bao" }]);
    await second.messenger.send("a1", { text: "Menu", choices: [[{ label: "Lịch sinh hoạt", data: "m:lich" }]] });
    expect(fake.sent.at(-1)?.text).toBe("Menu\n\n1. Lịch sinh hoạt\nTrả lời 1.");
  });

  it("asks for the number when a typed option text names two options of the latest message", async () => {
    const sink = new RecordingSink();
    await testDb.db.person.create({ data: { identities: { create: { platform: "zalo", userId: "a1", chatId: "a1" } } } });
    const adapter = await startAdapter(sink);
    await adapter.messenger.send("a1", { text: "Hai yêu cầu", choices: [[{ label: "Duyệt", data: "ap:an" }], [{ label: "Duyệt", data: "ap:bao" }]] });
    fake.pushUpdate(textUpdate("duyet", { userId: "a1" }));
    await fake.waitForSent(2);
    expect(fake.sent[1]!.text).toBe("Có nhiều lựa chọn «Duyệt». Xin đồng chí gõ số của lựa chọn muốn chọn: 1, 2.");
    expect(sink.events).toEqual([]);
  });

  it("ticks several lines of a list in one answer («1, 3»)", async () => {
    const sink = new RecordingSink();
    await testDb.db.person.create({ data: { identities: { create: { platform: "zalo", userId: "a1", chatId: "a1" } } } });
    const adapter = await startAdapter(sink);
    await adapter.messenger.send("a1", { text: "Điểm danh", choices: [[{ label: "✅ An", data: "d:att:0", toggle: true }], [{ label: "✅ Bảo", data: "d:att:1", toggle: true }], [{ label: "✅ Cúc", data: "d:att:2", toggle: true }], [{ label: "Lưu", data: "d:att:_done" }]] });
    fake.pushUpdate(textUpdate("1, 3", { userId: "a1" }));
    await until(() => sink.events.length === 2, "two events");
    expect(sink.events.map((e) => e.input)).toEqual([
      { kind: "choice", data: "d:att:0" },
      { kind: "choice", data: "d:att:2" },
    ]);
  });

  it("records every message id at once: a redelivered message is never handled twice, even after a crash and a restart", async () => {
    const sink = new RecordingSink();
    let fail = true;
    sink.onHandle = async () => {
      if (fail) throw new Error("crash while handling");
    };
    await startAdapter(sink);
    const update = textUpdate("menu", { userId: "a1", messageId: "2d758cb5e222177a4e35" });
    fake.pushUpdate(update);
    await until(() => sink.events.length === 1, "first handling");
    expect(await testDb.db.inboundDedup.findUnique({ where: { platform_messageId: { platform: "zalo", messageId: "2d758cb5e222177a4e35" } } })).not.toBeNull();
    fail = false;
    await adapters[0]!.stop();
    await startAdapter(sink);
    fake.pushUpdate(update);
    fake.pushUpdate(textUpdate("help", { userId: "a1", messageId: "ffff6b3f02645a3d1500" }));
    await until(() => sink.events.length === 2, "the new message");
    expect(sink.events.map((e) => e.input)).toEqual([
      { kind: "command", command: "menu", args: "" },
      { kind: "command", command: "help", args: "" },
    ]);
    expect(await dedupCount()).toBe(2);
  });

  it("handles at the next start an update written to the inbox but never handled (the process died in between), then forgets its text", async () => {
    const update = textUpdate("thành viên", { userId: "a1", messageId: "crash-window-1" });
    // As the previous process left it: written, then gone before handling, longer ago than the
    // grace a replay gives the instance that received an update.
    expect(await recordInbound(testDb.db, parseZaloUpdate(update)!)).toBe(true);
    await testDb.db.inboundDedup.updateMany({ where: { messageId: "crash-window-1" }, data: { receivedAt: new Date(Date.now() - 2 * 60_000) } });
    const sink = new RecordingSink();
    await startAdapter(sink);
    await until(() => sink.events.length === 1, "the update from before the stop");
    expect(sink.events[0]!.input).toEqual({ kind: "command", command: "thanhvien", args: "" });
    await until(async () => (await testDb.db.inboundDedup.findFirst({ where: { messageId: "crash-window-1", handledAt: { not: null } } })) !== null, "marked handled");
    const row = await testDb.db.inboundDedup.findFirstOrThrow({ where: { messageId: "crash-window-1" } });
    expect(row.payload).toBeNull();
    // Delivered again later (a webhook retry): still handled once.
    fake.pushUpdate(update);
    fake.pushUpdate(textUpdate("menu", { userId: "a1" }));
    await until(() => sink.events.length === 2, "the next update");
    expect(sink.events.map((e) => e.input.kind === "command" && e.input.command)).toEqual(["thanhvien", "menu"]);
  });

  it("handles each update a stopped instance left once, when two instances start at the same time", async () => {
    const senders = Array.from({ length: 10 }, (_, i) => `left${String(i).padStart(16, "0")}`);
    for (const [i, userId] of senders.entries()) {
      expect(await recordInbound(testDb.db, parseZaloUpdate(textUpdate("menu", { userId, messageId: `left-${i}` }))!)).toBe(true);
    }
    await testDb.db.inboundDedup.updateMany({ data: { receivedAt: new Date(Date.now() - 2 * 60_000) } });
    const [a, b] = [new RecordingSink(), new RecordingSink()];
    await Promise.all([startAdapter(a), startAdapter(b)]);
    await until(() => a.events.length + b.events.length >= senders.length, "the updates left");
    await until(async () => (await testDb.db.inboundDedup.count({ where: { payload: { not: null } } })) === 0, "all marked handled");
    await new Promise((r) => setTimeout(r, 100));
    expect([...a.events, ...b.events].map((e) => e.userId).sort()).toEqual(senders);
  });

  it("lets one flooding account hold only a few places: the rest is dropped with one word, and others are answered at once", async () => {
    const sink = new RecordingSink();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    sink.onHandle = (event) => (event.userId === "f1" ? held : Promise.resolve());
    await startAdapter(sink, {});
    for (let i = 0; i < 30; i++) fake.pushUpdate(textUpdate(`tin ${i}`, { userId: "f1", messageId: `flood-${i}` }));
    fake.pushUpdate(textUpdate("menu", { userId: "b2", messageId: "calm-1" }));
    await until(() => sink.events.some((e) => e.userId === "b2"), "the other account's update");
    await until(() => fake.sent.some((m) => m.chat_id === "f1"), "the word to slow down");
    expect(fake.sent.filter((m) => m.chat_id === "f1")).toHaveLength(1);
    expect(fake.sent.find((m) => m.chat_id === "f1")!.text).toContain("gửi nhanh quá");
    release();
    await until(() => fake.pendingUpdates() === 0, "the flood consumed");
    await adapters[0]!.stop();
    expect(sink.events.filter((e) => e.userId === "f1")).toHaveLength(8);
    // Dropped updates are not kept: nothing of theirs waits in the inbox.
    expect(await testDb.db.inboundDedup.count({ where: { handledAt: null } })).toBe(0);
  });

  it("ignores the bot's own messages coming back", async () => {
    const sink = new RecordingSink();
    await startAdapter(sink);
    fake.pushUpdate(textUpdate("echo", { userId: fake.botId }));
    fake.pushUpdate(textUpdate("menu", { userId: "a1" }));
    await until(() => sink.events.length === 1, "an event");
    expect(sink.events[0]!.userId).toBe("a1");
  });

  it("answers a command in a group chat with a pointer to the private chat", async () => {
    const sink = new RecordingSink();
    await startAdapter(sink);
    fake.pushUpdate({ event_name: "message.text.received", message: { from: { id: "a1" }, chat: { id: "group1", chat_type: "GROUP" }, message_id: "g1", text: "/menu" } });
    await fake.waitForSent(1);
    expect(fake.sent[0]).toMatchObject({ chat_id: "group1", text: "Xin mời đồng chí nhắn riêng cho bot; trong nhóm chung, bot không xử lý việc của chi bộ." });
    expect(sink.events).toEqual([]);
  });

  it("stops only once the updates being handled have finished", async () => {
    const sink = new RecordingSink();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    sink.onHandle = () => gate;
    const adapter = await startAdapter(sink);
    fake.pushUpdate(textUpdate("menu", { userId: "a1" }));
    await until(() => sink.events.length === 1, "handling");
    let stopped = false;
    const stopping = adapter.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
  });

  it("never logs the token, message texts or phone numbers", async () => {
    const sink = new RecordingSink();
    await startAdapter(sink);
    fake.pushUpdate(textUpdate("Số của tôi là 0912345678, bí mật", { userId: "a1" }));
    fake.failNext(1, "rate_limit", { method: "sendMessage" });
    await until(() => sink.events.length === 1, "an event");
    await adapters[0]!.messenger.send("a1", { text: "Trả lời riêng 0987654321" });
    const logs = logLines.join("\n");
    expect(logs).toContain("zalo update");
    expect(logs).not.toContain(fake.token);
    expect(logs).not.toContain(fake.token.split(":")[1]!);
    expect(logs).not.toMatch(/0912345678|0987654321|bí mật|Trả lời riêng/);
  });

  it("refuses to start with a token Zalo rejects, without showing the token", async () => {
    const config = parseConfig({ ZALO_BOT_TOKEN: "999999:wrong-token-value", ZALO_API_ROOT: fake.baseUrl });
    const error = await createZaloAdapter({ ...config, ZALO_BOT_TOKEN: config.ZALO_BOT_TOKEN! }, { db: testDb.db, i18n, logger: logger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("getMe failed");
    const dump = JSON.stringify({ m: (error as Error).message, s: (error as Error).stack, c: String((error as Error).cause), cs: ((error as Error).cause as Error)?.stack });
    expect(dump).not.toContain("wrong-token-value");
  });
});
