import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/config.ts";
import type { InboundEvent } from "../../bot/core/contract/messages.ts";
import type { EventSink } from "../../bot/core/contract/ports.ts";
import { createZaloAdapter, type ZaloAdapter } from "../../bot/zalo/start.ts";
import { startZaloWebhookServer } from "../../bot/zalo/webhook.ts";
import { i18n } from "../helpers/core-harness.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { startFakeZaloApi, textUpdate, type FakeZaloApi } from "../helpers/fake-zalo-api.ts";

const secret = "hook-secret-7f3a9c2e1b";
const publicUrl = "https://bot.example.vn/zalo/hook";

class RecordingSink implements EventSink {
  readonly events: InboundEvent[] = [];
  async handle(event: InboundEvent) {
    this.events.push(event);
  }
  commands() {
    return ["start", "menu", "help"].map((name) => ({ name, aliases: [] }));
  }
  async localeOf() {
    return "vi" as const;
  }
}

let fake: FakeZaloApi;
let testDb: TestDb;
let sink: RecordingSink;
let adapter: ZaloAdapter;
let logLines: string[];
let url: string;

async function startWebhookAdapter(): Promise<ZaloAdapter> {
  const config = parseConfig({
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_ROOT: fake.baseUrl,
    ZALO_MODE: "webhook",
    ZALO_WEBHOOK_URL: publicUrl,
    ZALO_WEBHOOK_SECRET: secret,
  });
  const logger = pino({ level: "debug" }, new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }));
  const a = await createZaloAdapter({ ...config, ZALO_BOT_TOKEN: config.ZALO_BOT_TOKEN! }, { db: testDb.db, i18n, logger }, { webhookHost: "127.0.0.1", webhookPort: 0 });
  await a.start(sink);
  url = `http://127.0.0.1:${a.webhookPort()}/zalo/hook`;
  return a;
}

/** A raw POST (any body, any headers), for what a well-behaved client would never send. */
function post(target: string, body: string, headers: Record<string, string> = {}, method = "POST"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers: { "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(async () => {
  fake = await startFakeZaloApi();
  testDb = await createTestDb();
  sink = new RecordingSink();
  logLines = [];
  adapter = await startWebhookAdapter();
});
afterEach(async () => {
  await adapter.stop();
  await fake.close();
  await testDb.close();
});

const recorded = () => testDb.db.inboundDedup.count();

describe("webhook mode", () => {
  it("registers the public URL with its secret and does not poll", async () => {
    expect(fake.webhook()).toMatchObject({ url: publicUrl, secret_token: secret });
    expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("handles a signed update, bare or wrapped as the docs show", async () => {
    expect(await fake.postToWebhook(url, textUpdate("menu", { userId: "a1" }))).toMatchObject({ status: 200 });
    expect(await fake.postToWebhook(url, textUpdate("help", { userId: "a1" }), { wrap: true })).toMatchObject({ status: 200 });
    await until(() => sink.events.length === 2, "two events");
    expect(sink.events.map((e) => e.input)).toEqual([
      { kind: "command", command: "menu", args: "" },
      { kind: "command", command: "help", args: "" },
    ]);
  });

  it("refuses an unsigned call with 401 and a forged one with 403, touching nothing", async () => {
    const update = textUpdate("menu", { userId: "a1", messageId: "aaaa6b3f02645a3d1500" });
    expect((await fake.postToWebhook(url, update, { secretToken: null })).status).toBe(401);
    expect((await fake.postToWebhook(url, update, { secretToken: "hook-secret-7f3a9c2e1c" })).status).toBe(403);
    expect((await fake.postToWebhook(url, update, { secretToken: "" })).status).toBe(403);
    expect((await fake.postToWebhook(url, update, { secretToken: secret.slice(0, -1) })).status).toBe(403);
    // A forged body that is not even JSON is refused for its signature, before being read.
    expect((await post(url, "{not json", { "x-bot-api-secret-token": "nope-nope-nope" })).status).toBe(403);
    expect(await recorded()).toBe(0);
    expect(sink.events).toEqual([]);
    // The real message, sent afterwards, is still handled: the forgery did not burn its id.
    expect((await fake.postToWebhook(url, update)).status).toBe(200);
    await until(() => sink.events.length === 1, "the real message");
    expect(logLines.join("\n")).not.toContain(secret);
  });

  it("answers 400 to a malformed body, and 200 to a call that carries no update", async () => {
    const signed = { "x-bot-api-secret-token": secret };
    expect((await post(url, "{not json", signed)).status).toBe(400);
    expect((await post(url, JSON.stringify({ event_name: "message.text.received", message: { text: "no ids" } }), signed)).status).toBe(400);
    expect((await post(url, JSON.stringify({ ok: true, result: { message: { message_id: 5 } } }), signed)).status).toBe(400);
    // The verification call made when the URL is saved (its body is not documented).
    expect((await post(url, "", signed)).status).toBe(200);
    expect((await post(url, JSON.stringify({ hello: "zalo" }), signed)).status).toBe(200);
    expect(await recorded()).toBe(0);
    expect(sink.events).toEqual([]);
  });

  it("acknowledges a replayed message id with 200 and ignores it, even after a restart", async () => {
    const update = textUpdate("menu", { userId: "a1", messageId: "bbbb6b3f02645a3d1500" });
    expect(await fake.postToWebhook(url, update)).toEqual({ status: 200, body: '{"ok":true}' });
    await until(() => sink.events.length === 1, "first delivery");
    expect(await fake.postToWebhook(url, update)).toEqual({ status: 200, body: '{"ok":true,"duplicate":true}' });
    await adapter.stop();
    adapter = await startWebhookAdapter();
    expect((await fake.postToWebhook(url, update, { wrap: true })).status).toBe(200);
    await adapter.stop();
    expect(sink.events).toHaveLength(1);
    expect(await recorded()).toBe(1);
  });

  it("serves only POST on the webhook's path, with a bounded body", async () => {
    const signed = { "x-bot-api-secret-token": secret };
    expect((await post(url.replace("/zalo/hook", "/other"), "{}", signed)).status).toBe(404);
    expect((await post(url, "", signed, "GET")).status).toBe(405);
    expect(sink.events).toEqual([]);
  });

  it("refuses a body over its limit with 413", async () => {
    const accepted: unknown[] = [];
    const server = await startZaloWebhookServer({
      host: "127.0.0.1",
      port: 0,
      path: "/hook",
      secret,
      maxBodyBytes: 1000,
      logger: pino({ level: "silent" }),
      accept: async (u) => (accepted.push(u), "accepted"),
    });
    try {
      const target = `http://127.0.0.1:${server.port}/hook`;
      const big = JSON.stringify({ ...textUpdate("x"), padding: "x".repeat(4000) });
      expect((await post(target, big, { "x-bot-api-secret-token": secret })).status).toBe(413);
      expect((await post(target, JSON.stringify(textUpdate("x")), { "x-bot-api-secret-token": secret })).status).toBe(200);
      expect(accepted).toHaveLength(1);
    } finally {
      await server.close();
    }
    expect(sink.events).toEqual([]);
  });
});
