import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../bot/config.ts";
import { readiness } from "../../../bot/http/health.ts";
import { startBot, type RunningBot } from "../../../bot/main.ts";
import { startFakeZaloApi, textUpdate } from "../../helpers/fake-zalo-api.ts";
import { startFakeBotApi, telegramText, type FakeBotApi } from "../../helpers/fake-bot-api.ts";

const token = "123456789:AAH-chibo-test-token-abcdefghijklmnopq";
const secret = "webhook-secret-0123456789abcdef";
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function boot(env: Record<string, string>): Promise<{ bot: RunningBot; api: FakeBotApi }> {
  const api = await startFakeBotApi();
  cleanups.push(() => api.close());
  const dbPath = join(tmpdir(), `chibo-health-${randomUUID()}.db`);
  cleanups.push(() => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  });
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: `file:${dbPath}`, HTTP_HOST: "127.0.0.1", ...env });
  const bot = await startBot(config, pino({ level: "silent" }), { ticking: false });
  cleanups.push(() => bot.stop());
  return { bot, api };
}
const get = async (bot: RunningBot, path: string) => {
  const res = await fetch(`http://127.0.0.1:${bot.http!.port()}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("the health endpoints", () => {
  it("are served in long-polling mode when HTTP_PORT is set, and the listener is off when nothing asks for it", async () => {
    const quiet = await boot({});
    expect(quiet.bot.http).toBeNull();

    const { bot } = await boot({ HTTP_PORT: "0" });
    expect(await get(bot, "/healthz")).toEqual({ status: 200, body: { ok: true } });
    expect(await get(bot, "/readyz")).toEqual({ status: 200, body: { ok: true, checks: { database: "ok", scheduler: "ok", telegram: "ok" } } });
    expect((await fetch(`http://127.0.0.1:${bot.http!.port()}/readyz`, { method: "POST" })).status).toBe(405);
  });

  it("report a messenger that refuses the bot, and its recovery; a passing failure is only backing off", async () => {
    const { bot, api } = await boot({ TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg", TELEGRAM_WEBHOOK_SECRET: secret, HTTP_PORT: "0" });
    const deliver = (id: number) =>
      fetch(`http://127.0.0.1:${bot.http!.port()}/tg`, { method: "POST", headers: { "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(telegramText(id, 50, "/start")) });
    const settle = async (want: string) => {
      for (let i = 0; i < 200; i++) {
        if (((await get(bot, "/readyz")).body.checks as Record<string, string>).telegram === want) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    api.failWith("sendMessage", { error_code: 401, description: "Unauthorized" });
    await deliver(1);
    await settle("failing");
    expect(await get(bot, "/readyz")).toEqual({ status: 503, body: { ok: false, checks: { database: "ok", scheduler: "ok", telegram: "failing" } } });

    api.failWith("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await deliver(2);
    await settle("ok");
    expect((await get(bot, "/readyz")).status).toBe(200);

    // Told to wait longer than the bot waits in place: the call fails, and the outbox will retry.
    api.failWith("sendMessage", { error_code: 429, description: "Too Many Requests", parameters: { retry_after: 3600 } });
    await deliver(3);
    await settle("backing-off");
    expect(await get(bot, "/readyz")).toEqual({ status: 200, body: { ok: true, checks: { database: "ok", scheduler: "ok", telegram: "backing-off" } } });
  });

  it("serve Telegram's and Zalo's webhooks on one listener", async () => {
    const zalo = await startFakeZaloApi();
    cleanups.push(() => zalo.close());
    const { bot, api } = await boot({
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg",
      TELEGRAM_WEBHOOK_SECRET: secret,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.baseUrl,
      ZALO_MODE: "webhook",
      ZALO_WEBHOOK_URL: "https://bot.example.org/zalo",
      ZALO_WEBHOOK_SECRET: "zalo-secret-0123456789",
      HTTP_PORT: "0",
    });
    const base = `http://127.0.0.1:${bot.http!.port()}`;
    expect((await zalo.postToWebhook(`${base}/zalo`, textUpdate("/start", { userId: "a".repeat(20) }), { secretToken: "zalo-secret-0123456789" })).status).toBe(200);
    const tg = await fetch(`${base}/tg`, { method: "POST", headers: { "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(telegramText(9, 51, "/start")) });
    expect(tg.status).toBe(200);
    const deadline = Date.now() + 5000;
    while ((zalo.sent.length === 0 || api.of("sendMessage").length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(zalo.sent.some((m) => m.chat_id === "a".repeat(20))).toBe(true);
    expect(api.of("sendMessage").some((c) => String(c.payload.chat_id) === "51")).toBe(true);
    expect((await get(bot, "/readyz")).body.checks).toEqual({ database: "ok", scheduler: "ok", telegram: "ok", zalo: "ok" });
  });
});

describe("readiness", () => {
  const base = { database: async () => undefined, schedulerTickedAt: () => new Date("2026-12-01T00:00:00Z"), messengers: new Map(), stopping: () => false };
  it("needs the scheduler to have ticked within two minutes", async () => {
    expect(await readiness({ ...base, now: () => new Date("2026-12-01T00:02:00Z") })).toEqual({ ready: true, checks: { database: "ok", scheduler: "ok" } });
    expect(await readiness({ ...base, now: () => new Date("2026-12-01T00:02:01Z") })).toEqual({ ready: false, checks: { database: "ok", scheduler: "stalled" } });
  });
  it("needs the database to answer, and is off while stopping", async () => {
    const now = () => new Date("2026-12-01T00:00:30Z");
    expect(await readiness({ ...base, now, database: () => Promise.reject(new Error("SQLITE_CORRUPT")) })).toEqual({ ready: false, checks: { database: "failing", scheduler: "ok" } });
    expect((await readiness({ ...base, now, stopping: () => true })).ready).toBe(false);
  });
});
