import { EventEmitter } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { inspect } from "node:util";
import { pino } from "pino";
import { MockAgent } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ZALO_DEFAULT_BASE_URL,
  ZALO_WEBHOOK_SECRET_HEADER,
  ZaloBotClient,
  isValidWebhookSecret,
  type ZaloBotClientOptions,
  type ZaloLogger,
} from "../../bot/zalo/client.ts";
import {
  ZaloAbortError,
  ZaloApiError,
  ZaloError,
  ZaloParseError,
  ZaloTimeoutError,
  ZaloTransportError,
  ZaloValidationError,
  redactSecrets,
} from "../../bot/zalo/errors.ts";
import { getDisplayName, getPhotoUrl, type ZaloMessage, type ZaloMessageMetadata } from "../../bot/zalo/types.ts";
import {
  photoUpdate,
  startFakeZaloApi,
  stickerUpdate,
  textUpdate,
  unsupportedUpdate,
  type FakeZaloApi,
} from "../helpers/fake-zalo-api.ts";

interface LogLine {
  level: string;
  obj: Record<string, unknown>;
  msg: string | undefined;
}

function captureLogger(lines: LogLine[]): ZaloLogger {
  const at =
    (level: string) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Everything an error exposes: message, stack, own props and the whole cause chain. */
function dump(value: unknown): string {
  return inspect(value, { depth: 10, showHidden: true });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the promise to reject");
}

/** Rejects if `promise` has not settled within `ms` (so a hang fails fast instead of hitting the test timeout). */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let api: FakeZaloApi;
const clients: ZaloBotClient[] = [];

beforeEach(async () => {
  api = await startFakeZaloApi({ idleHoldMs: 20 });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await api.close();
});

function makeClient(options: ZaloBotClientOptions & { token?: string } = {}) {
  const sleeps: number[] = [];
  const logs: LogLine[] = [];
  const { token, ...rest } = options;
  const client = new ZaloBotClient(token ?? api.token, {
    baseUrl: api.baseUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    logger: captureLogger(logs),
    retry: { maxAttempts: 3, baseDelayMs: 100 },
    ...rest,
  });
  clients.push(client);
  return { client, sleeps, logs };
}

describe("SDK-shaped surface", () => {
  it("is an EventEmitter with node-zalo-bot's methods and statics", () => {
    const { client } = makeClient();
    expect(client).toBeInstanceOf(EventEmitter);
    for (const name of [
      "getMe",
      "getUpdates",
      "sendMessage",
      "sendPhoto",
      "sendSticker",
      "sendChatAction",
      "setWebHook",
      "setWebhook",
      "deleteWebHook",
      "deleteWebhook",
      "getWebHookInfo",
      "getWebhookInfo",
      "startPolling",
      "stopPolling",
      "isPolling",
      "processUpdate",
      "onText",
      "removeTextListener",
      "on",
      "once",
      "close",
    ] as const) {
      expect(typeof client[name], name).toBe("function");
    }
    expect(ZaloBotClient.messageTypes).toEqual(["text", "photo", "sticker"]);
    expect(ZaloBotClient.errors.ZaloError).toBe(ZaloError);
    expect(ZaloBotClient.errors.FatalError).toBe(ZaloTransportError);
    expect(ZaloBotClient.errors.ParseError).toBe(ZaloParseError);
  });

  it("refuses a missing token", () => {
    expect(() => new ZaloBotClient("")).toThrow(ZaloValidationError);
    expect(() => new ZaloBotClient("   ")).toThrow(/Token not provided/);
  });

  it("defaults to https://bot-api.zaloplatforms.com and leaves a caller's dispatcher open", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const token = "12345689:abc-xyz";
    agent
      .get(ZALO_DEFAULT_BASE_URL)
      .intercept({ path: `/bot${token}/getMe`, method: "POST" })
      .reply(200, { ok: true, result: { id: "1", account_name: "bot.x", account_type: "BASIC", can_join_groups: false } });
    const client = new ZaloBotClient(token, { dispatcher: agent });
    await expect(client.getMe()).resolves.toMatchObject({ id: "1", account_name: "bot.x" });
    await client.close();
    agent.assertNoPendingInterceptors();
    // The caller's agent still answers after the client closed.
    agent
      .get(ZALO_DEFAULT_BASE_URL)
      .intercept({ path: `/bot${token}/getMe`, method: "POST" })
      .reply(200, { ok: true, result: { id: "2" } });
    const again = new ZaloBotClient(token, { dispatcher: agent });
    await expect(again.getMe()).resolves.toMatchObject({ id: "2" });
    await agent.close();
  });

  it("does not show the token when the client itself is inspected", () => {
    const { client } = makeClient();
    expect(dump(client)).not.toContain(api.token);
    expect(JSON.stringify(Object.keys(client))).not.toContain(api.token);
  });
});

describe("API calls against the fake server", () => {
  it("getMe POSTs JSON to /bot<token>/getMe and parses the result", async () => {
    const { client } = makeClient();
    const me = await client.getMe();
    expect(me).toMatchObject({ id: api.botId, account_type: "BASIC", can_join_groups: false });
    expect(typeof me.id).toBe("string");
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ method: "getMe", tokenOk: true, httpMethod: "POST" });
  });

  it("sendMessage sends {chat_id, text, ...form} and resolves {message_id, date}", async () => {
    const { client } = makeClient();
    const res = await client.sendMessage("6ede9afa66b88fe6d6a9", "Xin chào", { extra: 1 });
    expect(res.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(typeof res.date).toBe("number");
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]).toMatchObject({ method: "sendMessage", chat_id: "6ede9afa66b88fe6d6a9", text: "Xin chào" });
    expect(api.sent[0]!.body).toEqual({ extra: 1, chat_id: "6ede9afa66b88fe6d6a9", text: "Xin chào" });
  });

  it("sendPhoto sends {chat_id, photo, caption} and drops an empty caption", async () => {
    const { client } = makeClient();
    await client.sendPhoto("u1", "https://placehold.co/600x400.png", { caption: "Ảnh" });
    await client.sendPhoto("u1", "https://placehold.co/1.png", { caption: "" });
    expect(api.sent[0]!.body).toEqual({ chat_id: "u1", photo: "https://placehold.co/600x400.png", caption: "Ảnh" });
    expect(api.sent[1]!.body).toEqual({ chat_id: "u1", photo: "https://placehold.co/1.png" });
  });

  it("sendPhoto refuses non-URL photos and long captions before sending", async () => {
    const { client } = makeClient();
    expect(() => client.sendPhoto("u1", "data:image/png;base64,AAAA")).toThrow(ZaloValidationError);
    expect(() => client.sendPhoto("u1", "https://x.test/a.png", { caption: "a".repeat(2001) })).toThrow(/2000/);
    expect(api.calls).toHaveLength(0);
  });

  it("sendSticker and sendChatAction", async () => {
    const { client } = makeClient();
    await client.sendSticker("u1", "0e078a2fb66a5f34067b");
    await expect(client.sendChatAction("u1", "typing")).resolves.toBe(true);
    expect(api.sent[0]).toMatchObject({ method: "sendSticker", sticker: "0e078a2fb66a5f34067b" });
    expect(api.chatActions).toEqual([{ chat_id: "u1", action: "typing" }]);
  });

  it("webhook round trip; getUpdates fails while a webhook is set", async () => {
    const { client } = makeClient();
    await expect(client.setWebHook("https://bot.example.org/zalo", { secret_token: "s3cret-123" })).resolves.toMatchObject({
      url: "https://bot.example.org/zalo",
    });
    expect(api.webhook()).toMatchObject({ secret_token: "s3cret-123" });
    await expect(client.getWebhookInfo()).resolves.toMatchObject({ url: "https://bot.example.org/zalo" });
    await expect(client.getWebHookInfo()).resolves.toMatchObject({ url: "https://bot.example.org/zalo" });
    const err = await rejection(client.getUpdates());
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as ZaloApiError).error_code).toBe(400);
    await expect(client.deleteWebHook()).resolves.toMatchObject({ url: "" });
    await expect(client.getUpdates()).resolves.toBeNull();
  });

  it("setWebHook validates url and secret_token locally (docs: https, 8-256 chars)", () => {
    const { client } = makeClient();
    expect(() => client.setWebHook("http://bot.example.org/zalo", { secret_token: "s3cret-123" })).toThrow(/https/);
    expect(() => client.setWebHook("https://bot.example.org/zalo", { secret_token: "short" })).toThrow(/8-256/);
    expect(api.calls).toHaveLength(0);
  });
});

describe("2,000-character limit", () => {
  it("sends exactly 2,000 characters", async () => {
    const { client } = makeClient();
    await client.sendMessage("u1", "a".repeat(2000));
    expect(api.sent[0]!.text).toHaveLength(2000);
  });

  it("refuses 2,001 characters and empty text without calling the API", () => {
    const { client } = makeClient();
    expect(() => client.sendMessage("u1", "a".repeat(2001))).toThrow(ZaloValidationError);
    expect(() => client.sendMessage("u1", "a".repeat(2001))).toThrow(/2001 characters.*at most 2000.*Split/);
    expect(() => client.sendMessage("u1", "")).toThrow(/must not be empty/);
    expect(() => client.sendMessage("", "hi")).toThrow(/chat_id/);
    expect(api.calls).toHaveLength(0);
  });

  it("counts UTF-16 code units (an emoji counts 2)", async () => {
    const { client } = makeClient();
    await client.sendMessage("u1", "😀".repeat(1000));
    expect(() => client.sendMessage("u1", "😀".repeat(1000) + "a")).toThrow(ZaloValidationError);
    expect(api.sent).toHaveLength(1);
  });

  it("the fake server enforces the limit too", async () => {
    const { client } = makeClient();
    const err = await rejection(client.callMethod("sendMessage", { chat_id: "u1", text: "a".repeat(2001) }));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ error_code: 400, method: "sendMessage" });
    expect(api.sent).toHaveLength(0);
  });
});

describe("error paths", () => {
  it("wrong token → ZaloApiError 401, not retried, token absent", async () => {
    const token = "987654321:wrong-SECRET-token";
    const { client, sleeps, logs } = makeClient({ token });
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ name: "ZaloApiError", method: "getMe", error_code: 401, description: "Unauthorized", code: "EZALO" });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.tokenOk).toBe(false);
    expect(sleeps).toEqual([]);
    expect(dump(err)).not.toContain(token);
    expect(dump(err)).not.toContain("wrong-SECRET-token");
    expect(JSON.stringify(logs)).not.toContain("wrong-SECRET-token");
  });

  it("HTTP-200 ok:false errors are thrown at once (400 missing chat_id, 404 unknown method)", async () => {
    const { client, sleeps } = makeClient();
    await expect(client.callMethod("sendMessage", { text: "x" })).rejects.toMatchObject({
      name: "ZaloApiError",
      error_code: 400,
      status: 200,
      description: "Bad request: The chat_id must not be empty",
    });
    await expect(client.callMethod("editMessageText", {})).rejects.toMatchObject({ error_code: 404, description: "Not Found" });
    expect(api.calls).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("429 is retried with exponential back-off, then succeeds", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(2, "rate_limit");
    await expect(client.getMe()).resolves.toMatchObject({ id: api.botId });
    expect(api.calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("a string error_code \"429\" is compared numerically", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(1, { body: { ok: false, error_code: "429", description: "Quota exceeded" } });
    await expect(client.getMe()).resolves.toBeTruthy();
    expect(sleeps).toEqual([100]);
  });

  it("nginx HTML 429 is a retryable transport error and its Retry-After is honoured", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(1, "rate_limit_html", { retryAfterSeconds: 3 });
    await expect(client.getMe()).resolves.toBeTruthy();
    expect(sleeps).toEqual([3000]);
  });

  it("a Retry-After beyond maxRetryAfterMs is not waited for", async () => {
    const { client, sleeps } = makeClient({ retry: { maxAttempts: 3, baseDelayMs: 100, maxRetryAfterMs: 10_000 } });
    api.failNext(1, "rate_limit_html", { retryAfterSeconds: 600 });
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloTransportError);
    expect((err as ZaloTransportError).status).toBe(429);
    expect(sleeps).toEqual([]);
    expect(api.calls).toHaveLength(1);
  });

  it("retries exhausted → the last error is thrown after maxAttempts calls", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(10, "rate_limit");
    const err = await rejection(client.sendMessage("u1", "hi"));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ error_code: 429, method: "sendMessage" });
    expect(api.calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
    expect(api.sent).toHaveLength(0);
  });

  it("back-off is capped by maxDelayMs", async () => {
    const { client, sleeps } = makeClient({ retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 250 } });
    api.failNext(10, "api_server_error");
    await expect(client.getMe()).rejects.toMatchObject({ error_code: 500 });
    expect(sleeps).toEqual([100, 200, 250, 250]);
  });

  it("5xx (HTML gateway page and ok:false 500) is retried", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(1, "server_error");
    api.failNext(1, "api_server_error");
    await expect(client.getMe()).resolves.toBeTruthy();
    expect(api.calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("a dropped connection is retried", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(1, "drop", { method: "sendMessage" });
    await expect(client.sendMessage("u1", "hi")).resolves.toBeTruthy();
    expect(api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(2);
    expect(api.sent).toHaveLength(1);
    expect(sleeps).toEqual([100]);
  });

  it("dropped connections until retries run out → ZaloTransportError with a sanitised cause", async () => {
    const { client, logs } = makeClient();
    api.failNext(10, "drop");
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloTransportError);
    expect(err).toMatchObject({ name: "ZaloTransportError", method: "getMe", code: "EFATAL" });
    expect((err as ZaloTransportError).cause).toBeInstanceOf(Error);
    expect(api.calls).toHaveLength(3);
    expect(dump(err)).not.toContain(api.token);
    expect(JSON.stringify(logs)).not.toContain(api.token);
  });

  it("connection refused → ZaloTransportError (ECONNREFUSED), token absent", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const { client, logs, sleeps } = makeClient({ baseUrl: `http://127.0.0.1:${port}` });
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloTransportError);
    expect(dump(err)).toContain("ECONNREFUSED");
    expect(dump(err)).not.toContain(api.token);
    expect(JSON.stringify(logs)).not.toContain(api.token);
    expect(sleeps).toEqual([100, 200]);
  });

  it("an undici error quoting the URL is scrubbed (message, stack and cause chain)", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const token = "555000111:Very-Secret_token";
    const url = `${ZALO_DEFAULT_BASE_URL}/bot${token}/getMe`;
    const inner = new Error(`socket hang up while calling ${url}`);
    agent
      .get(ZALO_DEFAULT_BASE_URL)
      .intercept({ path: `/bot${token}/getMe`, method: "POST" })
      .replyWithError(new Error(`fetch ${url} failed`, { cause: inner }))
      .persist();
    const logs: LogLine[] = [];
    const client = new ZaloBotClient(token, {
      dispatcher: agent,
      logger: captureLogger(logs),
      sleep: async () => {},
      retry: { maxAttempts: 2 },
    });
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloTransportError);
    expect(dump(err)).toContain("<redacted>");
    expect(dump(err)).not.toContain("Very-Secret_token");
    expect(JSON.stringify(logs)).not.toContain("Very-Secret_token");
    expect(logs.length).toBeGreaterThan(0);
    await client.close();
    await agent.close();
  });

  it("redactSecrets removes raw, URL-encoded and unknown /bot<token> segments", () => {
    expect(redactSecrets("a 1:b/c d", ["1:b/c"])).toBe("a <redacted> d");
    expect(redactSecrets("x 1%3Ab y", ["1:b"])).toBe("x <redacted> y");
    expect(redactSecrets("GET https://h/bot42:zz-top/getMe")).toBe("GET https://h/bot<redacted>/getMe");
  });

  it("timeout → ZaloTimeoutError(method, ms), not retried; the client stays usable", async () => {
    const { client, sleeps } = makeClient({ timeouts: { getMe: 100 } });
    api.failNext(1, "hang", { method: "getMe" });
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloTimeoutError);
    expect(err).toMatchObject({ name: "ZaloTimeoutError", method: "getMe", ms: 100 });
    expect(api.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    await expect(client.getMe()).resolves.toBeTruthy();
  });

  it("a JSON body of the wrong shape is rejected by zod (ZaloParseError, not retried)", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(1, "malformed", { method: "getMe" });
    const err = await rejection(client.getMe());
    expect(err).toBeInstanceOf(ZaloParseError);
    expect(err).toMatchObject({ code: "EPARSE", method: "getMe" });
    api.failNext(1, { body: { hello: "world" } });
    await expect(client.getMe()).rejects.toBeInstanceOf(ZaloParseError);
    api.failNext(1, { body: { ok: true, result: { date: 1 } } });
    await expect(client.sendMessage("u1", "hi")).rejects.toBeInstanceOf(ZaloParseError);
    api.failNext(1, { body: { ok: true, result: { event_name: "message.text.received", message: { text: "hi" } } } });
    const parseErr = await rejection(client.getUpdates());
    expect(parseErr).toBeInstanceOf(ZaloParseError);
    expect((parseErr as ZaloParseError).message).not.toContain("hi\"");
    expect(sleeps).toEqual([]);
    expect(api.calls).toHaveLength(4);
  });

  it("a non-JSON 200 body is a retryable transport error", async () => {
    const { client, sleeps } = makeClient();
    api.failNext(1, { status: 200, body: "<html>maintenance</html>" });
    await expect(client.getMe()).resolves.toBeTruthy();
    expect(sleeps).toEqual([100]);
  });

  it("the token, chat text and phone numbers never reach error messages or log lines (also with pino)", async () => {
    const pinoLines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (s: string) => void pinoLines.push(s) });
    const captured: LogLine[] = [];
    const secretText = "Bí mật chi bộ 0912345678";
    const errors: unknown[] = [];
    for (const log of [logger, captureLogger(captured)] as ZaloLogger[]) {
      const { client } = makeClient({ logger: log });
      api.failNext(2, "rate_limit");
      await client.sendMessage("u1", secretText);
      api.failNext(5, "drop");
      errors.push(await rejection(client.sendMessage("u1", secretText)));
      api.failNext(1, { body: { ok: false, error_code: 400, description: "Bad request" } });
      errors.push(await rejection(client.sendMessage("u1", secretText)));
      api.failNext(1, "malformed");
      errors.push(await rejection(client.sendMessage("u1", secretText)));
      api.failNext(1, "hang");
      errors.push(await rejection(client.callMethod("sendMessage", { chat_id: "u1", text: secretText }, { timeoutMs: 50 })));
      const wrong = makeClient({ logger: log, token: "1:another-secret" }).client;
      errors.push(await rejection(wrong.getMe()));
      errors.push(await rejection(wrong.getUpdates()));
    }
    const everything = [pinoLines.join("\n"), JSON.stringify(captured), ...errors.map(dump)].join("\n");
    expect(pinoLines.length).toBeGreaterThan(3);
    expect(captured.length).toBeGreaterThan(3);
    for (const forbidden of [api.token, "another-secret", "0912345678", "Bí mật"]) {
      expect(everything).not.toContain(forbidden);
    }
  });
});

describe("getUpdates", () => {
  it("408 (idle) resolves null", async () => {
    const { client, logs } = makeClient();
    await expect(client.getUpdates({ timeout: 1 })).resolves.toBeNull();
    expect(api.calls[0]!.body).toEqual({ timeout: "1" });
    expect(logs.filter((l) => l.level === "warn")).toEqual([]);
  });

  it("returns ONE update per call and the server forgets it", async () => {
    const { client } = makeClient();
    api.pushUpdate(textUpdate("một"));
    api.pushUpdate(textUpdate("hai"));
    const first = await client.getUpdates();
    expect(first?.message.text).toBe("một");
    expect(api.pendingUpdates()).toBe(1);
    expect((await client.getUpdates())?.message.text).toBe("hai");
    await expect(client.getUpdates()).resolves.toBeNull();
  });

  it("defensive result forms: {} = no update; an array is handed out one by one", async () => {
    const { client } = makeClient();
    api.failNext(1, { body: { ok: true, result: {} } });
    await expect(client.getUpdates()).resolves.toBeNull();
    api.failNext(1, { body: { ok: true, result: [textUpdate("a"), textUpdate("b")] } });
    expect((await client.getUpdates())?.message.text).toBe("a");
    expect((await client.getUpdates())?.message.text).toBe("b");
    expect(api.calls.filter((c) => c.method === "getUpdates")).toHaveLength(2);
  });

  it("a held poll gets an update pushed while it waits", async () => {
    const { client } = makeClient();
    api.setIdleHoldMs(10_000);
    const pending = client.getUpdates();
    await waitUntil(() => api.heldPolls() === 1, "a held poll");
    api.pushUpdate(textUpdate("muộn"));
    expect((await pending)?.message.text).toBe("muộn");
  });
});

describe("processUpdate and events", () => {
  function record(client: ZaloBotClient) {
    const events: { event: string; message: ZaloMessage; meta: ZaloMessageMetadata }[] = [];
    for (const event of ["message", "text", "photo", "sticker", "voice", "unsupported"] as const) {
      client.on(event, (message, meta) => events.push({ event, message, meta }));
    }
    return events;
  }

  it("a bare text update emits message then text, with {type, event_name}", () => {
    const { client } = makeClient();
    const events = record(client);
    const updates: unknown[] = [];
    client.on("update", (u) => updates.push(u));
    const result = client.processUpdate(textUpdate("Xin chào", { userId: "abc", displayName: "Ted" }));
    expect(result?.message.text).toBe("Xin chào");
    expect(events.map((e) => e.event)).toEqual(["message", "text"]);
    expect(events[0]!.meta).toEqual({ type: "text", event_name: "message.text.received" });
    expect(events[1]!.message.chat.id).toBe("abc");
    expect(updates).toHaveLength(1);
  });

  it("the docs' wrapped body {ok, result} is unwrapped", () => {
    const { client } = makeClient();
    const events = record(client);
    client.processUpdate({ ok: true, result: textUpdate("bọc") });
    expect(events.map((e) => e.event)).toEqual(["message", "text"]);
    expect(events[1]!.message.text).toBe("bọc");
  });

  it("photo: reads photo_url (live) and photo (docs); both emit 'photo'", () => {
    const { client } = makeClient();
    const events = record(client);
    client.processUpdate(photoUpdate("https://photo-stal-22.zdn.vn/a.jpg", { caption: "ảnh" }));
    client.processUpdate(photoUpdate("https://example.org/b.jpg", { field: "photo" }));
    const photos = events.filter((e) => e.event === "photo");
    expect(photos).toHaveLength(2);
    expect(getPhotoUrl(photos[0]!.message)).toBe("https://photo-stal-22.zdn.vn/a.jpg");
    expect(photos[0]!.message.caption).toBe("ảnh");
    expect(photos[0]!.message.message_type).toBe("CHAT_PHOTO");
    expect(getPhotoUrl(photos[1]!.message)).toBe("https://example.org/b.jpg");
    expect(photos[1]!.message.photo_url).toBeUndefined();
  });

  it("a photo without event_name is still recognised by its fields", () => {
    const { client } = makeClient();
    const events = record(client);
    const u = photoUpdate("https://x.test/c.jpg");
    delete u.event_name;
    client.processUpdate(u);
    expect(events.map((e) => e.event)).toEqual(["message", "photo"]);
  });

  it("sticker, voice, unsupported and unknown kinds", () => {
    const { client } = makeClient();
    const events = record(client);
    client.processUpdate(stickerUpdate("0e078a2fb66a5f34067b"));
    client.processUpdate(unsupportedUpdate());
    const voice = textUpdate("x");
    voice.event_name = "message.voice.received";
    delete voice.message.text;
    voice.message.voice_url = "https://x.test/v.aac";
    client.processUpdate(voice);
    const location = unsupportedUpdate();
    location.event_name = "message.location.received";
    client.processUpdate(location);
    expect(events.filter((e) => e.event !== "message").map((e) => e.event)).toEqual([
      "sticker",
      "unsupported",
      "voice",
      "unsupported",
    ]);
    expect(events[1]!.message.sticker).toBe("0e078a2fb66a5f34067b");
    expect(events[7]!.meta.event_name).toBe("message.location.received");
  });

  it("tolerates unknown fields and turns numeric ids into strings", () => {
    const { client } = makeClient();
    const events = record(client);
    const u = textUpdate("hi");
    (u.message as Record<string, unknown>).brand_new_field = { a: 1 };
    (u.message.from as Record<string, unknown>).id = 12345;
    client.processUpdate(u);
    const msg = events[0]!.message as ZaloMessage & { brand_new_field?: unknown };
    expect(msg.brand_new_field).toEqual({ a: 1 });
    expect(msg.from.id).toBe("12345");
  });

  it("a body that is not an update emits nothing and returns null", () => {
    const { client, logs } = makeClient();
    const events = record(client);
    expect(client.processUpdate({})).toBeNull();
    expect(client.processUpdate({ ok: true, result: { event_name: "message.text.received" } })).toBeNull();
    expect(client.processUpdate("ping")).toBeNull();
    expect(events).toEqual([]);
    expect(logs.some((l) => l.level === "warn")).toBe(true);
  });

  it("onText passes the match; onlyFirstMatch stops after the first", () => {
    const { client } = makeClient();
    const seen: string[] = [];
    client.onText(/^\/start(?:\s+(\S+))?/, (_msg, match) => seen.push(`start:${match[1] ?? ""}`));
    client.onText(/.*/, () => seen.push("any"));
    client.processUpdate(textUpdate("/start abc"));
    expect(seen).toEqual(["start:abc", "any"]);
    const other = makeClient({ onlyFirstMatch: true }).client;
    const seen2: string[] = [];
    other.onText(/start/, () => seen2.push("1"));
    other.onText(/.*/, () => seen2.push("2"));
    other.processUpdate(textUpdate("/start"));
    expect(seen2).toEqual(["1"]);
    const re = /.*/;
    other.onText(re, () => seen2.push("3"));
    expect(other.removeTextListener(re)).not.toBeNull();
    expect(other.removeTextListener(re)).toBeNull();
  });

  it("display name fallbacks: display_name, name, first_name", () => {
    expect(getDisplayName({ display_name: "A", first_name: "B" })).toBe("A");
    expect(getDisplayName({ name: "N" })).toBe("N");
    expect(getDisplayName({ first_name: "Nguyen Van A" })).toBe("Nguyen Van A");
    expect(getDisplayName({})).toBeUndefined();
  });
});

describe("polling", () => {
  it("emits updates in order, each once; stop ends the loop", async () => {
    const { client } = makeClient();
    const texts: string[] = [];
    const photos: string[] = [];
    client.on("text", (m) => texts.push(m.text ?? ""));
    client.on("photo", (m) => photos.push(getPhotoUrl(m) ?? ""));
    api.pushUpdate(textUpdate("1"));
    api.pushUpdate(photoUpdate("https://x.test/p.jpg"));
    api.pushUpdate(textUpdate("2"));
    await client.startPolling();
    expect(client.isPolling()).toBe(true);
    await waitUntil(() => texts.length === 2 && photos.length === 1, "three updates");
    api.pushUpdate(textUpdate("3"));
    await waitUntil(() => texts.length === 3, "a later update");
    await client.stopPolling();
    expect(client.isPolling()).toBe(false);
    expect(texts).toEqual(["1", "2", "3"]);
    expect(photos).toEqual(["https://x.test/p.jpg"]);
    expect(api.pendingUpdates()).toBe(0);
  });

  it("408 answers keep the loop going without polling_error", async () => {
    const { client } = makeClient();
    const errors: Error[] = [];
    client.on("polling_error", (e) => errors.push(e));
    await client.startPolling();
    await api.waitForCalls("getUpdates", 4);
    await client.stopPolling();
    expect(errors).toEqual([]);
  });

  it("stopPolling aborts a pending long poll promptly", async () => {
    const { client } = makeClient();
    api.setIdleHoldMs(10_000);
    await client.startPolling();
    await waitUntil(() => api.heldPolls() === 1, "a held poll");
    await within(client.stopPolling(), 2_000, "stopPolling");
    expect(client.isPolling()).toBe(false);
    await waitUntil(() => api.heldPolls() === 0, "the server to see the abort");
    api.pushUpdate(textUpdate("after stop"));
    expect(api.pendingUpdates()).toBe(1);
    expect(api.calls.filter((c) => c.method === "getUpdates")).toHaveLength(1);
  });

  it("starting twice runs one loop; restart replaces it", async () => {
    const { client } = makeClient();
    api.setIdleHoldMs(10_000);
    await client.startPolling();
    await client.startPolling();
    await waitUntil(() => api.heldPolls() === 1, "a held poll");
    await new Promise((r) => setTimeout(r, 30));
    expect(api.heldPolls()).toBe(1);
    await client.startPolling({ restart: true });
    await api.waitForCalls("getUpdates", 2);
    await waitUntil(() => api.heldPolls() === 1, "one held poll after restart");
    expect(client.isPolling()).toBe(true);
  });

  it("on error: emits polling_error, backs off (doubling), and continues", async () => {
    const { client, sleeps } = makeClient({ retry: { maxAttempts: 1 } });
    const errors: Error[] = [];
    const texts: string[] = [];
    client.on("polling_error", (e) => errors.push(e));
    client.on("text", (m) => texts.push(m.text ?? ""));
    api.failNext(1, "malformed", { method: "getUpdates" });
    api.failNext(1, "drop", { method: "getUpdates" });
    await client.startPolling();
    await waitUntil(() => errors.length === 2, "two polling errors");
    api.pushUpdate(textUpdate("sống lại"));
    await waitUntil(() => texts.length === 1, "the update after the errors");
    await client.stopPolling();
    expect(errors[0]).toBeInstanceOf(ZaloParseError);
    expect(errors[1]).toBeInstanceOf(ZaloTransportError);
    expect(sleeps.slice(0, 2)).toEqual([5_000, 10_000]);
  });

  it("a throwing listener does not stop polling", async () => {
    const { client, logs } = makeClient();
    const texts: string[] = [];
    client.on("text", (m) => {
      texts.push(m.text ?? "");
      if (m.text === "boom") throw new Error("listener failed");
    });
    api.pushUpdate(textUpdate("boom"));
    api.pushUpdate(textUpdate("ok"));
    await client.startPolling();
    await waitUntil(() => texts.length === 2, "both updates");
    expect(texts).toEqual(["boom", "ok"]);
    expect(logs.some((l) => l.level === "error")).toBe(true);
  });

  it("polling: true starts from the constructor", async () => {
    const { client } = makeClient({ polling: true });
    expect(client.isPolling()).toBe(true);
    await api.waitForCalls("getUpdates", 1);
  });
});

describe("close", () => {
  it("aborts polling and in-flight calls; later calls reject", async () => {
    const { client } = makeClient();
    api.setIdleHoldMs(10_000);
    await client.startPolling();
    api.failNext(1, "hang", { method: "getMe" });
    const pending = rejection(client.getMe());
    await waitUntil(() => api.heldPolls() === 1 && api.calls.some((c) => c.method === "getMe"), "both requests");
    await within(client.close(), 2_000, "close");
    expect(await pending).toBeInstanceOf(ZaloAbortError);
    expect(client.isPolling()).toBe(false);
    await expect(client.getMe()).rejects.toBeInstanceOf(ZaloAbortError);
    await expect(client.startPolling()).rejects.toBeInstanceOf(ZaloAbortError);
    await client.close();
  });

  it("a caller's AbortSignal cancels a getUpdates", async () => {
    const { client } = makeClient();
    api.setIdleHoldMs(10_000);
    const controller = new AbortController();
    const pending = rejection(client.getUpdates({}, { signal: controller.signal }));
    await waitUntil(() => api.heldPolls() === 1, "a held poll");
    controller.abort();
    expect(await pending).toBeInstanceOf(ZaloAbortError);
  });
});

describe("webhook helpers", () => {
  it("postToWebhook sends the update with or without X-Bot-Api-Secret-Token; the client processes both body shapes", async () => {
    const received: { headers: IncomingHttpHeaders; body: unknown }[] = [];
    const { client } = makeClient();
    const texts: string[] = [];
    client.on("text", (m) => texts.push(m.text ?? ""));
    const secret = "s3cret-token-123";
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        received.push({ headers: req.headers, body });
        if (!isValidWebhookSecret(req.headers[ZALO_WEBHOOK_SECRET_HEADER], secret)) {
          res.writeHead(401).end();
          return;
        }
        client.processUpdate(body);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ message: "Success" }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/zalo`;
    try {
      await expect(api.postToWebhook(url, textUpdate("a"), { secretToken: secret })).resolves.toMatchObject({ status: 200 });
      await expect(api.postToWebhook(url, textUpdate("b"), { secretToken: null })).resolves.toMatchObject({ status: 401 });
      await expect(api.postToWebhook(url, textUpdate("c"), { secretToken: "wrong-secret" })).resolves.toMatchObject({
        status: 401,
      });
      await client.setWebHook("https://bot.example.org/zalo", { secret_token: secret });
      await expect(api.postToWebhook(url, textUpdate("d"), { wrap: true })).resolves.toMatchObject({ status: 200 });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    expect(received[0]!.headers[ZALO_WEBHOOK_SECRET_HEADER]).toBe(secret);
    expect(received[1]!.headers[ZALO_WEBHOOK_SECRET_HEADER]).toBeUndefined();
    expect(received[3]!.body).toMatchObject({ ok: true, result: { event_name: "message.text.received" } });
    expect(texts).toEqual(["a", "d"]);
  });

  it("isValidWebhookSecret", () => {
    expect(isValidWebhookSecret("abcdefgh", "abcdefgh")).toBe(true);
    expect(isValidWebhookSecret("abcdefgX", "abcdefgh")).toBe(false);
    expect(isValidWebhookSecret("abcdefgh1", "abcdefgh")).toBe(false);
    expect(isValidWebhookSecret(undefined, "abcdefgh")).toBe(false);
    expect(isValidWebhookSecret(["abcdefgh"], "abcdefgh")).toBe(false);
    expect(isValidWebhookSecret("", "")).toBe(false);
  });
});
