/**
 * A fake Zalo Bot Platform API on loopback, behaving as /work/shared/notes/zalo-bot-api.md describes:
 *
 * - routes `/bot<TOKEN>/<method>` (GET or POST, JSON body);
 * - every API error is HTTP 200 `{ok:false, error_code, description}`;
 * - wrong token → 401 (docs: "token expired or invalid"; exact description unknown, we use "Unauthorized");
 * - unknown method → 404 "Not Found" (measured, S9);
 * - getUpdates hands out ONE update per call and forgets it; when the queue is empty it holds the
 *   request for `idleHoldMs` (default 50 ms, the real server holds `timeout` seconds) and answers
 *   408 "Request timeout"; an update pushed while a poll is held is delivered to it at once;
 *   while a webhook is set getUpdates answers 400 (S8);
 * - sendMessage/sendPhoto enforce 1-2000 characters, `chat_id` not empty, photo http(s) URL;
 * - failures can be injected for the next N matching calls (429 JSON or nginx HTML, 500, dropped
 *   connection, a hang, or any raw response).
 *
 * Descriptions marked "invented" below are not known from the real API.
 */
import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface FakeZaloUpdate {
  event_name?: string;
  message: Record<string, unknown>;
  [field: string]: unknown;
}

export interface FakeZaloCall {
  method: string;
  /** The token in the path was the right one. */
  tokenOk: boolean;
  httpMethod: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeZaloSent {
  method: "sendMessage" | "sendPhoto" | "sendSticker";
  chat_id: string;
  text?: string;
  photo?: string;
  caption?: string;
  sticker?: string;
  message_id: string;
  date: number;
  body: Record<string, unknown>;
}

export interface FakeZaloChatAction {
  chat_id: string;
  action: string;
}

/** A raw answer: HTTP status, body (objects are JSON-encoded, strings sent as-is) and headers. */
export interface FakeZaloRawResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type FakeZaloFailure =
  /** HTTP 200 `{ok:false, error_code:429, description:"Quota exceeded"}` (description invented). */
  | "rate_limit"
  /** HTTP 429 with nginx's HTML page (measured when polling too fast, S9). */
  | "rate_limit_html"
  /** HTTP 500 with an HTML body (a gateway error). */
  | "server_error"
  /** HTTP 200 `{ok:false, error_code:500}` (invented; the docs list no 5xx code). */
  | "api_server_error"
  /** Destroy the connection without answering. */
  | "drop"
  /** Never answer (until the client gives up or the server closes). */
  | "hang"
  /** HTTP 200 `{ok:true, result:"garbage"}`: a body no schema accepts. */
  | "malformed"
  | FakeZaloRawResponse;

export interface FailNextOptions {
  /** Only calls of this method count and fail (default: any method). */
  method?: string;
  /** `Retry-After` header (seconds) on rate-limit answers. */
  retryAfterSeconds?: number;
}

export interface StartFakeZaloApiOptions {
  /** Default: a random `<digits>:<secret>` token. */
  token?: string;
  /** How long an idle getUpdates is held before 408 (default 50 ms). */
  idleHoldMs?: number;
  /** Bot id returned by getMe (default "1459232241454765289"). */
  botId?: string;
}

export interface PostToWebhookOptions {
  /** Header value. `undefined` = the secret registered with setWebhook (if any); `null` = no header. */
  secretToken?: string | null;
  /** Wrap the update as `{ok:true, result:update}` like the docs (default false: bare, as implementers observe). */
  wrap?: boolean;
}

export interface FakeZaloApi {
  /** e.g. `http://127.0.0.1:43123` – pass as the client's `baseUrl`. */
  baseUrl: string;
  token: string;
  botId: string;
  /** Queue an update (or deliver it to a held getUpdates at once). */
  pushUpdate(update: FakeZaloUpdate): void;
  /** Every message sent with sendMessage/sendPhoto/sendSticker, in order. */
  sent: FakeZaloSent[];
  chatActions: FakeZaloChatAction[];
  /** Every request, in arrival order. */
  calls: FakeZaloCall[];
  /** Make the next `count` matching calls fail as `failure`. */
  failNext(count: number, failure: FakeZaloFailure, options?: FailNextOptions): void;
  /** Updates still queued. */
  pendingUpdates(): number;
  /** getUpdates requests currently held open. */
  heldPolls(): number;
  setIdleHoldMs(ms: number): void;
  /** The registered webhook, or null. */
  webhook(): { url: string; secret_token: string; updated_at: number } | null;
  /** Resolves once `count` calls of `method` have arrived (polls every 5 ms; rejects after `timeoutMs`). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once `count` messages were sent. */
  waitForSent(count: number, timeoutMs?: number): Promise<void>;
  /** POST an update to a webhook URL as Zalo would, with or without `X-Bot-Api-Secret-Token`. */
  postToWebhook(url: string, update: unknown, options?: PostToWebhookOptions): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const MAX_TEXT = 2000;

function hexId(): string {
  return randomBytes(10).toString("hex");
}

let seq = 0;

/** A text update as the Webhook docs page shows it. */
export function textUpdate(
  text: string,
  options: { userId?: string; chatId?: string; displayName?: string; messageId?: string; date?: number } = {},
): FakeZaloUpdate {
  const userId = options.userId ?? "6ede9afa66b88fe6d6a9";
  return {
    event_name: "message.text.received",
    message: {
      from: { id: userId, display_name: options.displayName ?? "Ted", is_bot: false },
      chat: { id: options.chatId ?? userId, chat_type: "PRIVATE" },
      text,
      message_id: options.messageId ?? `${hexId()}`,
      date: options.date ?? Date.now() + seq++,
    },
  };
}

/** An image update as captured from the live API (S15): `photo_url`, `message_type: "CHAT_PHOTO"`. Set `field: "photo"` for the docs' shape. */
export function photoUpdate(
  url: string,
  options: { userId?: string; caption?: string; field?: "photo_url" | "photo"; messageId?: string } = {},
): FakeZaloUpdate {
  const userId = options.userId ?? "704aebb9aff246ac1fe3";
  return {
    event_name: "message.image.received",
    message: {
      chat: { id: userId, chat_type: "PRIVATE" },
      message_id: options.messageId ?? hexId(),
      date: Date.now(),
      message_type: "CHAT_PHOTO",
      from: { id: userId, is_bot: false, display_name: "Khánh Nguyễn" },
      [options.field ?? "photo_url"]: url,
      caption: options.caption ?? "",
    },
  };
}

export function stickerUpdate(sticker: string, options: { userId?: string } = {}): FakeZaloUpdate {
  const userId = options.userId ?? "6ede9afa66b88fe6d6a9";
  return {
    event_name: "message.sticker.received",
    message: {
      from: { id: userId, display_name: "Ted", is_bot: false },
      chat: { id: userId, chat_type: "PRIVATE" },
      sticker,
      url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${sticker}`,
      message_id: hexId(),
      date: Date.now(),
    },
  };
}

/** `message.unsupported.received`: the sender is in a protected group; no content. */
export function unsupportedUpdate(options: { userId?: string } = {}): FakeZaloUpdate {
  const userId = options.userId ?? "6ede9afa66b88fe6d6a9";
  return {
    event_name: "message.unsupported.received",
    message: {
      from: { id: userId, display_name: "Ted", is_bot: false },
      chat: { id: userId, chat_type: "PRIVATE" },
      message_id: hexId(),
      date: Date.now(),
    },
  };
}

interface Injected {
  remaining: number;
  failure: FakeZaloFailure;
  options: FailNextOptions;
}

interface HeldPoll {
  res: ServerResponse;
  deliver: (update: FakeZaloUpdate) => void;
}

export async function startFakeZaloApi(options: StartFakeZaloApiOptions = {}): Promise<FakeZaloApi> {
  const token = options.token ?? `${1_000_000_000 + Math.floor(Math.random() * 1e9)}:${randomBytes(12).toString("base64url")}`;
  const botId = options.botId ?? "1459232241454765289";
  let idleHoldMs = options.idleHoldMs ?? 50;
  const queue: FakeZaloUpdate[] = [];
  const held: HeldPoll[] = [];
  const injected: Injected[] = [];
  const sent: FakeZaloSent[] = [];
  const chatActions: FakeZaloChatAction[] = [];
  const calls: FakeZaloCall[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let webhook: { url: string; secret_token: string; updated_at: number } | null = null;

  const json = (res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void => {
    if (res.writableEnded || res.destroyed) return;
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, {
      "content-type": typeof body === "string" ? "text/html" : "application/json; charset=utf-8",
      ...headers,
    });
    res.end(text);
  };
  const ok = (res: ServerResponse, result?: unknown): void => {
    json(res, result === undefined ? { ok: true } : { ok: true, result });
  };
  const apiError = (res: ServerResponse, error_code: number, description: string): void => {
    json(res, { ok: false, description, error_code });
  };

  const takeInjected = (method: string): Injected | undefined => {
    const entry = injected.find((i) => i.remaining > 0 && (!i.options.method || i.options.method === method));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) injected.splice(injected.indexOf(entry), 1);
    return entry;
  };

  const applyFailure = (res: ServerResponse, entry: Injected): void => {
    const { failure, options: o } = entry;
    const retryAfter: Record<string, string> =
      o.retryAfterSeconds !== undefined ? { "retry-after": String(o.retryAfterSeconds) } : {};
    if (typeof failure === "object") {
      json(res, failure.body, failure.status ?? 200, failure.headers);
      return;
    }
    switch (failure) {
      case "rate_limit":
        json(res, { ok: false, description: "Quota exceeded", error_code: 429 }, 200, retryAfter);
        return;
      case "rate_limit_html":
        json(
          res,
          "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
          429,
          retryAfter,
        );
        return;
      case "server_error":
        json(res, "<html><body><h1>500 Internal Server Error</h1></body></html>", 500);
        return;
      case "api_server_error":
        json(res, { ok: false, description: "Internal server error", error_code: 500 });
        return;
      case "drop":
        res.socket?.destroy();
        return;
      case "hang":
        return;
      case "malformed":
        json(res, { ok: true, result: "garbage" });
        return;
    }
  };

  const deliverUpdate = (update: FakeZaloUpdate): boolean => {
    while (held.length > 0) {
      const poll = held.shift()!;
      if (poll.res.destroyed || poll.res.writableEnded) continue;
      poll.deliver(update);
      return true;
    }
    return false;
  };

  const handleMethod = (method: string, body: Record<string, unknown>, res: ServerResponse): void => {
    const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
    switch (method) {
      case "getMe":
        ok(res, { id: botId, account_name: "bot.VDKyGxQvc", account_type: "BASIC", can_join_groups: false });
        return;
      case "getUpdates": {
        if (webhook) {
          // S8: getUpdates answers 400 while a webhook is registered. Description invented.
          apiError(res, 400, "Bad request: Webhook is active, delete it before using getUpdates");
          return;
        }
        const next = queue.shift();
        if (next) {
          ok(res, next);
          return;
        }
        const poll: HeldPoll = {
          res,
          deliver: (update) => {
            clearTimeout(timer);
            timers.delete(timer);
            ok(res, update);
          },
        };
        const timer = setTimeout(() => {
          timers.delete(timer);
          const i = held.indexOf(poll);
          if (i !== -1) held.splice(i, 1);
          apiError(res, 408, "Request timeout");
        }, idleHoldMs);
        timers.add(timer);
        held.push(poll);
        res.on("close", () => {
          const i = held.indexOf(poll);
          if (i !== -1) held.splice(i, 1);
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      case "setWebhook": {
        const url = str(body.url);
        const secret = str(body.secret_token);
        if (!url) return apiError(res, 400, "Bad request: The url must not be empty"); // invented wording
        if (secret.length < 8 || secret.length > 256) {
          return apiError(res, 400, "Bad request: The secret_token must be between 8 and 256 characters"); // invented
        }
        webhook = { url, secret_token: secret, updated_at: Date.now() };
        ok(res, { url, updated_at: webhook.updated_at });
        return;
      }
      case "deleteWebhook":
        webhook = null;
        ok(res, { url: "", updated_at: Date.now() });
        return;
      case "getWebhookInfo":
        ok(res, { url: webhook?.url ?? "", updated_at: webhook?.updated_at ?? Date.now() });
        return;
      case "sendMessage":
      case "sendPhoto":
      case "sendSticker": {
        const chatId = str(body.chat_id);
        if (!chatId) return apiError(res, 400, "Bad request: The chat_id must not be empty"); // measured wording
        const record: FakeZaloSent = { method, chat_id: chatId, message_id: hexId(), date: Date.now(), body };
        if (method === "sendMessage") {
          const text = str(body.text);
          if (text.length < 1 || text.length > MAX_TEXT) {
            return apiError(res, 400, "Bad request: The text must be between 1 and 2000 characters"); // invented
          }
          record.text = text;
        } else if (method === "sendPhoto") {
          const photo = str(body.photo);
          if (!photo) return apiError(res, 400, "Bad request: The photo must not be empty"); // measured
          if (!/^https?:\/\//i.test(photo)) {
            return apiError(res, 400, "Bad request: The photo must start with http:// or https://"); // measured
          }
          const caption = body.caption === undefined ? undefined : str(body.caption);
          if (caption !== undefined && caption.length > MAX_TEXT) {
            return apiError(res, 400, "Bad request: The caption must be between 1 and 2000 characters"); // invented
          }
          record.photo = photo;
          if (caption !== undefined) record.caption = caption;
        } else {
          const sticker = str(body.sticker);
          if (!sticker) return apiError(res, 400, "Bad request: The sticker must not be empty"); // invented
          record.sticker = sticker;
        }
        sent.push(record);
        ok(res, { message_id: record.message_id, date: record.date });
        return;
      }
      case "sendChatAction": {
        const chatId = str(body.chat_id);
        if (!chatId) return apiError(res, 400, "Bad request: The chat_id must not be empty");
        chatActions.push({ chat_id: chatId, action: str(body.action) });
        ok(res);
        return;
      }
      default:
        // Unknown methods: HTTP 200 + 404 "Not Found" (measured, S9).
        apiError(res, 404, "Not Found");
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const match = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (!match) {
        apiError(res, 404, "Not Found");
        return;
      }
      const pathToken = decodeURIComponent(match[1]!);
      const method = match[2]!;
      let body: Record<string, unknown> = Object.fromEntries(url.searchParams);
      const raw = Buffer.concat(chunks).toString("utf8");
      if (raw.length > 0) {
        try {
          const parsed: unknown = JSON.parse(raw);
          if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
            body = { ...body, ...(parsed as Record<string, unknown>) };
          }
        } catch {
          apiError(res, 400, "Bad request"); // invented wording
          return;
        }
      }
      const tokenOk = pathToken === token;
      calls.push({ method, tokenOk, httpMethod: req.method ?? "", body, at: Date.now() });
      const failure = takeInjected(method);
      if (failure) {
        applyFailure(res, failure);
        return;
      }
      if (!tokenOk) {
        // Docs: 401 = token expired or invalid. The real description is unknown.
        apiError(res, 401, "Unauthorized");
        return;
      }
      handleMethod(method, body, res);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("fake Zalo API: no port");
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const waitFor = async (check: () => boolean, what: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`fake Zalo API: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  return {
    baseUrl,
    token,
    botId,
    sent,
    chatActions,
    calls,
    pushUpdate(update) {
      if (!deliverUpdate(update)) queue.push(update);
    },
    failNext(count, failure, failOptions = {}) {
      if (count > 0) injected.push({ remaining: count, failure, options: failOptions });
    },
    pendingUpdates: () => queue.length,
    heldPolls: () => held.filter((p) => !p.res.destroyed && !p.res.writableEnded).length,
    setIdleHoldMs(ms) {
      idleHoldMs = ms;
    },
    webhook: () => webhook,
    waitForCalls: (method, count, timeoutMs = 5_000) =>
      waitFor(() => calls.filter((c) => c.method === method).length >= count, `${count} ${method} call(s)`, timeoutMs),
    waitForSent: (count, timeoutMs = 5_000) => waitFor(() => sent.length >= count, `${count} sent message(s)`, timeoutMs),
    postToWebhook(url, update, postOptions = {}) {
      const secret = postOptions.secretToken === undefined ? webhook?.secret_token : postOptions.secretToken;
      const payload = JSON.stringify(postOptions.wrap ? { ok: true, result: update } : update);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(payload)),
      };
      if (secret !== undefined && secret !== null) headers["X-Bot-Api-Secret-Token"] = secret;
      return new Promise((resolve, reject) => {
        const req = httpRequest(url, { method: "POST", headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(payload);
      });
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      held.length = 0;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
