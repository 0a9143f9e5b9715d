import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../bot/config.ts";
import type { InboundEvent } from "../../../bot/core/contract/messages.ts";
import type { EventSink } from "../../../bot/core/contract/ports.ts";
import type { ReplayTiming } from "../../../bot/db/inbox.ts";
import { createHttpServer, type HttpServer } from "../../../bot/http/server.ts";
import { startBot, type RunningBot } from "../../../bot/main.ts";
import { createTelegramAdapter } from "../../../bot/telegram/start.ts";
import { i18n } from "../../helpers/core-harness.ts";
import { createTestDb, type TestDb } from "../../helpers/db.ts";
import { startFakeBotApi, telegramText, type FakeBotApi } from "../../helpers/fake-bot-api.ts";

const token = "123456789:AAH-chibo-test-token-abcdefghijklmnopq";
const secret = "webhook-secret-0123456789abcdef";
const silent = pino({ level: "silent" });
let api: FakeBotApi;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function post(url: string, body: string, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": secret }) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: res.status, body: await res.text() };
}
const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** The bot's settings in webhook mode, on a loopback listener with a free port. */
function webhookConfig(databaseUrl: string, env: Record<string, string> = {}) {
  return parseConfig({
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_MODE: "webhook",
    TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram/hook",
    TELEGRAM_WEBHOOK_SECRET: secret,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: "0",
    DATABASE_URL: databaseUrl,
    ...env,
  });
}

async function startWebhookBot(env: Record<string, string> = {}): Promise<{ bot: RunningBot; url: string; base: string }> {
  api = await startFakeBotApi();
  cleanups.push(() => api.close());
  const dbPath = join(tmpdir(), `chibo-webhook-${randomUUID()}.db`);
  cleanups.push(() => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  });
  const config = webhookConfig(`file:${dbPath}`, env);
  const bot = await startBot(config, silent, { ticking: false });
  cleanups.push(() => bot.stop());
  const base = `http://127.0.0.1:${bot.http!.port()}`;
  return { bot, url: `${base}/telegram/hook`, base };
}

describe("Telegram in webhook mode", () => {
  it("registers the webhook with its secret and handles an update once, however often Telegram delivers it", async () => {
    const { url, bot } = await startWebhookBot();
    expect(api.of("setWebhook")[0]!.payload).toMatchObject({ url: "https://bot.example.org/telegram/hook", secret_token: secret, allowed_updates: ["message", "callback_query"] });
    expect(api.of("deleteWebhook")).toHaveLength(0);
    expect(api.of("getUpdates")).toHaveLength(0);

    const update = JSON.stringify(telegramText(1001, 42, "/start"));
    expect(await post(url, update)).toEqual({ status: 200, body: '{"ok":true}' });
    await until(() => api.of("sendMessage").length > 0);
    // Telegram did not hear the answer in time and delivers the same update twice more.
    expect(await post(url, update)).toEqual({ status: 200, body: '{"ok":true,"duplicate":true}' });
    expect((await post(url, update)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.of("sendMessage").filter((c) => String(c.payload.chat_id) === "42")).toHaveLength(1);
    const row = await bot.db.inboundDedup.findUnique({ where: { platform_messageId: { platform: "telegram", messageId: "1001" } } });
    expect(row?.handledAt).not.toBeNull();
    expect(row?.payload).toBeNull();
  });

  it("refuses a missing or wrong secret, a body that is no update, and one over its bound, handling none of them", async () => {
    const { url, base } = await startWebhookBot();
    const update = JSON.stringify(telegramText(2001, 43, "/start"));
    expect((await post(url, update, {})).status).toBe(401);
    expect((await post(url, update, { "x-telegram-bot-api-secret-token": "wrong-secret-0123456789abcdef" })).status).toBe(403);
    expect((await post(url, update, { "x-telegram-bot-api-secret-token": secret.slice(0, -1) })).status).toBe(403);
    expect((await post(url, "{not json")).status).toBe(400);
    expect((await post(url, JSON.stringify({ message: {} }))).status).toBe(400);
    const big = JSON.stringify({ ...telegramText(2002, 43, "x"), padding: "x".repeat(1024 * 1024) });
    expect((await post(url, big)).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`${base}/elsewhere`, { method: "POST" })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.of("sendMessage")).toHaveLength(0);
  });

  it("handles at the next start an update acknowledged just before the process stopped", async () => {
    const { bot } = await startWebhookBot();
    // As if the process died between acknowledging and handling, longer ago than the grace a
    // replay gives the instance that received an update.
    const receivedAt = new Date(Date.now() - 2 * 60_000);
    await bot.db.inboundDedup.create({ data: { platform: "telegram", messageId: "3001", payload: JSON.stringify(telegramText(3001, 44, "/start")), receivedAt } });
    const config = webhookConfig((await bot.db.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'"))[0]!.file.replace(/^/, "file:"));
    await bot.stop();
    const again = await startBot(config, silent, { ticking: false });
    cleanups.push(() => again.stop());
    await until(() => api.of("sendMessage").some((c) => String(c.payload.chat_id) === "44"));
  });
});

/** A core that holds every event of one sender until released, as a slow answer would. */
function slowSink(slowUser: string) {
  const handled: InboundEvent[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const sink: EventSink = {
    async handle(event) {
      handled.push(event);
      if (event.userId === slowUser) await released;
    },
    commands: () => [],
    localeOf: async () => "vi",
  };
  return { sink, handled, release };
}

describe("the flood cap in webhook mode", () => {
  let testDb: TestDb;
  let http: HttpServer;
  it("keeps a few of one sender's updates, tells them once to slow down, and answers someone else", async () => {
    api = await startFakeBotApi();
    cleanups.push(() => api.close());
    testDb = await createTestDb();
    cleanups.push(() => testDb.close());
    http = createHttpServer(silent);
    const port = await http.listen(0, "127.0.0.1");
    cleanups.push(() => http.close());
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg", TELEGRAM_WEBHOOK_SECRET: secret });
    const adapter = await createTelegramAdapter({ ...config, TELEGRAM_BOT_TOKEN: token }, { i18n, logger: silent, db: testDb.db, http });
    const { sink, handled, release } = slowSink("7");
    await adapter.start(sink);
    cleanups.push(() => adapter.stop());
    cleanups.push(release);
    const url = `http://127.0.0.1:${port}/tg`;

    for (let i = 0; i < 30; i++) expect((await post(url, JSON.stringify(telegramText(5000 + i, 7, `tin ${i}`)))).status).toBe(200);
    expect((await post(url, JSON.stringify(telegramText(6000, 8, "/start")))).status).toBe(200);
    await until(() => handled.some((e) => e.userId === "8"));
    await until(() => api.of("sendMessage").some((c) => String(c.payload.text).includes("gửi nhanh quá")));
    expect(handled.filter((e) => e.userId === "7")).toHaveLength(1);
    release();
    await until(() => handled.filter((e) => e.userId === "7").length === 8);
    await new Promise((r) => setTimeout(r, 100));
    expect(handled.filter((e) => e.userId === "7")).toHaveLength(8);
    expect(api.of("sendMessage").filter((c) => String(c.payload.text).includes("gửi nhanh quá"))).toHaveLength(1);
    // Dropped updates are done with too: none is left to be handled at the next start.
    await until(() => handled.length === 9);
    await adapter.stop();
    expect(await testDb.db.inboundDedup.count({ where: { platform: "telegram", handledAt: null } })).toBe(0);
  });
});

describe("the inbox with several instances in webhook mode", () => {
  /** An adapter on its own listener, as one instance behind the load balancer, recording what it handles. */
  async function startInstance(testDb: TestDb, replay?: ReplayTiming) {
    const http = createHttpServer(silent);
    await http.listen(0, "127.0.0.1");
    cleanups.push(() => http.close());
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg", TELEGRAM_WEBHOOK_SECRET: secret });
    const adapter = await createTelegramAdapter({ ...config, TELEGRAM_BOT_TOKEN: token }, { i18n, logger: silent, db: testDb.db, http, ...(replay ? { replay } : {}) });
    const handled: string[] = [];
    const sink: EventSink = { handle: async (event) => void handled.push(event.userId), commands: () => [], localeOf: async () => "vi" };
    return { adapter, handled, start: async () => void (await adapter.start(sink)) };
  }
  const leave = (testDb: TestDb, updateId: number, receivedAt: Date) =>
    testDb.db.inboundDedup.create({ data: { platform: "telegram", messageId: String(updateId), payload: JSON.stringify(telegramText(updateId, updateId, "xin chào")), receivedAt } });

  it("handles each update a stopped instance left once, when two instances start at the same time", async () => {
    api = await startFakeBotApi();
    cleanups.push(() => api.close());
    const testDb = await createTestDb();
    cleanups.push(() => testDb.close());
    const left = Array.from({ length: 12 }, (_, i) => 8000 + i);
    for (const id of left) await leave(testDb, id, new Date(Date.now() - 2 * 60_000));
    const [a, b] = [await startInstance(testDb), await startInstance(testDb)];
    cleanups.push(() => a.adapter.stop(), () => b.adapter.stop());
    await Promise.all([a.start(), b.start()]);
    await until(() => a.handled.length + b.handled.length >= left.length);
    await new Promise((r) => setTimeout(r, 200));
    expect([...a.handled, ...b.handled].sort()).toEqual(left.map(String));
    expect(await testDb.db.inboundDedup.count({ where: { payload: { not: null } } })).toBe(0);
  });

  it("leaves a young update to the instance that received it, and takes it over once the grace has passed", async () => {
    api = await startFakeBotApi();
    cleanups.push(() => api.close());
    const testDb = await createTestDb();
    cleanups.push(() => testDb.close());
    const survivor = await startInstance(testDb, { graceMs: 1_000, everyMs: 50 });
    cleanups.push(() => survivor.adapter.stop());
    // Received just now by another instance: one it is handling (and marks handled in time), one
    // it received just before it stopped.
    const now = new Date();
    await leave(testDb, 9001, now);
    await leave(testDb, 9002, now);
    await survivor.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(survivor.handled).toEqual([]);
    await testDb.db.inboundDedup.update({ where: { platform_messageId: { platform: "telegram", messageId: "9001" } }, data: { handledAt: new Date(), payload: null } });
    await until(() => survivor.handled.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(survivor.handled).toEqual(["9002"]);
  });
});
