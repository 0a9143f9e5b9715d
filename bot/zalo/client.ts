/**
 * Our own Zalo Bot Platform client, on undici, with the surface of the official Node SDK
 * `node-zalo-bot` 0.1.6 (see /work/shared/notes/zalo-bot-api.md §6 and ./README.md).
 *
 * Wire facts this file relies on (notes §1-§2):
 * - every call is `POST {baseUrl}/bot{token}/{method}` with a JSON body;
 * - API errors come back as HTTP 200 `{ok:false, error_code, description}`; a non-JSON body
 *   (e.g. nginx's HTML 429 page) is treated as a transport error;
 * - getUpdates returns ONE update per call (no offset, the server forgets it once returned) and
 *   answers `error_code 408` when nothing arrived before its timeout: that is "no update", not an error.
 *
 * The token lives only in a private field and in the request URL. It is never logged, and every
 * error is built from redacted text (see errors.ts).
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import { Agent, request, type Dispatcher } from "undici";
import type { z } from "zod";
import {
  ZaloAbortError,
  ZaloApiError,
  ZaloError,
  ZaloParseError,
  ZaloTimeoutError,
  ZaloTransportError,
  ZaloValidationError,
  redactSecrets,
} from "./errors.ts";
import {
  ZALO_MAX_TEXT_LENGTH,
  getMessageType,
  unwrapUpdate,
  zaloBotInfoSchema,
  zaloChatActionResultSchema,
  zaloEnvelopeSchema,
  zaloGetUpdatesResultSchema,
  zaloSentMessageSchema,
  zaloUpdateSchema,
  zaloWebhookInfoSchema,
  type ZaloBotInfo,
  type ZaloMessage,
  type ZaloMessageMetadata,
  type ZaloSentMessage,
  type ZaloUpdate,
  type ZaloWebhookInfo,
} from "./types.ts";

/** Current host (docs). */
export const ZALO_DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com";
/** Older host, still the default of node-zalo-bot 0.1.6. */
export const ZALO_LEGACY_BASE_URL = "https://bot-api.zapps.me";
/** Header Zalo puts the webhook `secret_token` in (Node lower-cases incoming header names). */
export const ZALO_WEBHOOK_SECRET_HEADER = "x-bot-api-secret-token";

/** The documented methods (notes §2). `testWebhook`/`sendVoice` are third-party claims only and not wrapped; use `callMethod` if ever needed. */
export type ZaloMethodName =
  | "getMe"
  | "getUpdates"
  | "setWebhook"
  | "deleteWebhook"
  | "getWebhookInfo"
  | "sendMessage"
  | "sendPhoto"
  | "sendSticker"
  | "sendChatAction";

/** pino-compatible: `logger.warn({ method, attempt }, "message")`. A pino `Logger` fits. */
export type ZaloLogFn = (obj: Record<string, unknown>, msg?: string) => void;
export interface ZaloLogger {
  debug: ZaloLogFn;
  info: ZaloLogFn;
  warn: ZaloLogFn;
  error: ZaloLogFn;
}

export type ZaloSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface ZaloRetryOptions {
  /** Total attempts per call, first one included (default 3). 1 = no retry. */
  maxAttempts?: number;
  /** Delay before the 2nd attempt; doubles each time (default 1,000 ms). */
  baseDelayMs?: number;
  /** Cap of the exponential delay (default 30,000 ms). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead (default 60,000 ms). */
  maxRetryAfterMs?: number;
}

export interface ZaloTimeoutOptions extends Partial<Record<ZaloMethodName, number>> {
  /** Request timeout of methods without their own entry (default 30,000 ms, as OpenClaw). */
  default?: number;
  /**
   * getUpdates, when `timeouts.getUpdates` is not set, waits `poll timeout (s) × 1000 + this`
   * (default 7,000 ms; the server answers 408 after exactly the requested seconds).
   */
  getUpdatesGraceMs?: number;
}

export interface ZaloPollingOptions {
  /** Long-poll `timeout` sent to getUpdates, in seconds (docs default 30). */
  timeout?: number;
  /** Pause between two successful polls (default 0: after a 408 or an update, poll again at once). */
  interval?: number;
  /** First pause after a failed poll, doubling on each further failure (default 5,000 ms, as OpenClaw/goclaw). */
  errorBackoffMs?: number;
  /** Cap of that pause (default 60,000 ms). */
  maxErrorBackoffMs?: number;
  /** Start polling from the constructor (SDK: `polling: true`). Default false. */
  autoStart?: boolean;
}

export interface ZaloBotClientOptions {
  /** API origin, without `/bot…` (default https://bot-api.zaloplatforms.com). */
  baseUrl?: string;
  /** SDK spelling of `baseUrl`; `baseUrl` wins if both are set. */
  baseApiUrl?: string;
  /** undici dispatcher to use. When given, the caller owns it and `close()` leaves it open. */
  dispatcher?: Dispatcher;
  /** Options of the pooled `Agent` the client creates when no dispatcher is given. */
  agentOptions?: Agent.Options;
  timeouts?: ZaloTimeoutOptions;
  retry?: ZaloRetryOptions;
  /** `true` = `{ autoStart: true }` like the SDK. */
  polling?: boolean | ZaloPollingOptions;
  logger?: ZaloLogger;
  /** Used for retry and polling back-off delays; must resolve early when `signal` aborts. Injected in tests. */
  sleep?: ZaloSleep;
  /** Stop running onText callbacks after the first match (SDK option). */
  onlyFirstMatch?: boolean;
}

/** Extra options for a single call. */
export interface ZaloCallOptions {
  signal?: AbortSignal;
  /** Overrides the per-method timeout for this call. */
  timeoutMs?: number;
}

export interface ZaloGetUpdatesForm {
  /** Long-poll seconds; sent as a string (docs type "String"; numbers are accepted by the server too). */
  timeout?: number | string;
  [field: string]: unknown;
}

/** Event map of the client (`on('message', (msg, meta) => …)` etc.). */
export type ZaloClientEvents = {
  /** Every parsed update, before the message events. */
  update: [update: ZaloUpdate];
  message: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  text: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  photo: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  sticker: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  voice: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  unsupported: [message: ZaloMessage, metadata: ZaloMessageMetadata];
  /** A failed poll (after the call's own retries); polling goes on after a back-off. */
  polling_error: [error: Error];
};

interface TextCallback {
  regexp: RegExp;
  callback: (message: ZaloMessage, match: RegExpExecArray) => void;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  sendPhotoTimeoutMs: 150_000, // Zalo downloads the photo before answering (S7).
  sendChatActionTimeoutMs: 5_000, // S7 ZALO_TYPING_TIMEOUT_MS.
  getUpdatesGraceMs: 7_000,
  pollTimeoutSec: 30,
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  pollIntervalMs: 0,
  pollErrorBackoffMs: 5_000,
  pollMaxErrorBackoffMs: 60_000,
} as const;

/** Sleep that resolves early (without throwing) when `signal` aborts. */
export const defaultSleep: ZaloSleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Constant-time check of the `X-Bot-Api-Secret-Token` header of a webhook delivery.
 * Pass `req.headers[ZALO_WEBHOOK_SECRET_HEADER]` as `received`.
 */
export function isValidWebhookSecret(received: string | string[] | undefined, expected: string): boolean {
  if (!expected || typeof received !== "string") return false;
  const a = createHash("sha256").update(received).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && received.length === expected.length;
}

/** Internal: retry hint attached to a retryable error (ms to wait, from a Retry-After header). */
const retryAfterOf = new WeakMap<Error, number>();

function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function zodIssues(error: z.ZodError): string[] {
  // Paths and codes only: values may be chat text.
  return error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.code}`);
}

function isRetryable(err: unknown): boolean {
  if (err instanceof ZaloTransportError) return true;
  if (err instanceof ZaloApiError) {
    const c = err.error_code;
    return c === 429 || (c >= 500 && c < 600) || err.status === 429 || (err.status >= 500 && err.status < 600);
  }
  return false;
}

/**
 * Zalo Bot API client with the node-zalo-bot surface.
 *
 * ```ts
 * const bot = new ZaloBotClient(token, { logger });
 * bot.on("text", (msg) => bot.sendMessage(msg.chat.id, "Xin chào"));
 * await bot.startPolling();
 * ```
 */
export class ZaloBotClient extends EventEmitter<ZaloClientEvents> {
  /** SDK-compatible error classes (`ZaloBot.errors.ZaloError` etc.), plus ours. */
  static readonly errors = {
    BaseError: ZaloError,
    FatalError: ZaloTransportError,
    ParseError: ZaloParseError,
    ZaloError,
    ZaloApiError,
    ZaloTransportError,
    ZaloTimeoutError,
    ZaloParseError,
    ZaloAbortError,
    ZaloValidationError,
  } as const;
  /** The SDK's message types; we also emit `voice` and `unsupported`. */
  static readonly messageTypes = ["text", "photo", "sticker"] as const;

  readonly #token: string;
  readonly #baseUrl: string;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #timeouts: ZaloTimeoutOptions;
  readonly #retry: Required<ZaloRetryOptions>;
  readonly #polling: Required<Omit<ZaloPollingOptions, "autoStart">>;
  readonly #logger: ZaloLogger | undefined;
  readonly #sleep: ZaloSleep;
  readonly #onlyFirstMatch: boolean;
  readonly #closeController = new AbortController();
  #closed = false;
  #closing: Promise<void> | undefined;
  #pollController: AbortController | undefined;
  #pollLoop: Promise<void> | undefined;
  /** Updates beyond the first when the server answered an array (defensive, S8); handed out by later getUpdates calls. */
  readonly #pendingUpdates: ZaloUpdate[] = [];
  readonly #textCallbacks: TextCallback[] = [];

  constructor(token: string, options: ZaloBotClientOptions = {}) {
    super();
    if (typeof token !== "string" || token.trim() === "") {
      throw new ZaloValidationError("constructor", "Zalo Bot Token not provided!");
    }
    this.#token = token.trim();
    this.#baseUrl = (options.baseUrl ?? options.baseApiUrl ?? ZALO_DEFAULT_BASE_URL).replace(/\/+$/, "");
    if (options.dispatcher) {
      this.#dispatcher = options.dispatcher;
      this.#ownsDispatcher = false;
    } else {
      this.#dispatcher = new Agent({ connections: 8, keepAliveTimeout: 10_000, ...options.agentOptions });
      this.#ownsDispatcher = true;
    }
    this.#timeouts = { ...options.timeouts };
    this.#retry = {
      maxAttempts: Math.max(1, Math.floor(options.retry?.maxAttempts ?? DEFAULTS.maxAttempts)),
      baseDelayMs: options.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: options.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    };
    const polling = typeof options.polling === "object" ? options.polling : {};
    this.#polling = {
      timeout: polling.timeout ?? DEFAULTS.pollTimeoutSec,
      interval: polling.interval ?? DEFAULTS.pollIntervalMs,
      errorBackoffMs: polling.errorBackoffMs ?? DEFAULTS.pollErrorBackoffMs,
      maxErrorBackoffMs: polling.maxErrorBackoffMs ?? DEFAULTS.pollMaxErrorBackoffMs,
    };
    this.#logger = options.logger;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#onlyFirstMatch = options.onlyFirstMatch ?? false;
    const autoStart = options.polling === true || (typeof options.polling === "object" && options.polling.autoStart === true);
    if (autoStart) void this.startPolling();
  }

  // -------------------------------------------------------------------------------------------
  // API methods (node-zalo-bot names and argument order)
  // -------------------------------------------------------------------------------------------

  /** Validate the token and get the bot's id and names. */
  getMe(form: Record<string, unknown> = {}): Promise<ZaloBotInfo> {
    return this.#call("getMe", form, zaloBotInfoSchema);
  }

  /**
   * Send plain text (no markdown rendering, no buttons). Refuses empty text or text over 2,000
   * UTF-16 code units with a ZaloValidationError before sending: splitting is the caller's job.
   */
  sendMessage(chatId: string, text: string, form: Record<string, unknown> = {}): Promise<ZaloSentMessage> {
    this.#requireChatId("sendMessage", chatId);
    this.#requireText("sendMessage", "text", text, false);
    return this.#call("sendMessage", { ...form, chat_id: chatId, text }, zaloSentMessageSchema);
  }

  /**
   * Send a photo by public http(s) URL (Zalo downloads it; multipart/base64 are refused, S9).
   * `form.caption` is optional, at most 2,000 characters; an empty caption is left out.
   * Not in node-zalo-bot 0.1.6; argument order follows its other send methods.
   */
  sendPhoto(
    chatId: string,
    photo: string,
    form: { caption?: string; [field: string]: unknown } = {},
  ): Promise<ZaloSentMessage> {
    this.#requireChatId("sendPhoto", chatId);
    if (typeof photo !== "string" || !/^https?:\/\/\S+$/i.test(photo)) {
      throw new ZaloValidationError("sendPhoto", "photo must be a public http:// or https:// URL");
    }
    const { caption, ...rest } = form;
    const body: Record<string, unknown> = { ...rest, chat_id: chatId, photo };
    if (caption !== undefined && caption !== "") {
      this.#requireText("sendPhoto", "caption", caption, false);
      body.caption = caption;
    }
    return this.#call("sendPhoto", body, zaloSentMessageSchema);
  }

  /** Send a sticker by id (from stickers.zaloapp.com). */
  sendSticker(chatId: string, sticker: string, form: Record<string, unknown> = {}): Promise<ZaloSentMessage> {
    this.#requireChatId("sendSticker", chatId);
    if (typeof sticker !== "string" || sticker === "") {
      throw new ZaloValidationError("sendSticker", "sticker id must not be empty");
    }
    return this.#call("sendSticker", { ...form, chat_id: chatId, sticker }, zaloSentMessageSchema);
  }

  /**
   * Show "typing…" (`typing`; `upload_photo` is "coming soon" in the docs). The indicator goes away
   * by itself; re-send while working. The API answers `{ok:true}` without result; resolves `true`.
   */
  async sendChatAction(
    chatId: string,
    action: "typing" | "upload_photo" | (string & {}) = "typing",
    form: Record<string, unknown> = {},
  ): Promise<true> {
    this.#requireChatId("sendChatAction", chatId);
    await this.#call("sendChatAction", { ...form, chat_id: chatId, action }, zaloChatActionResultSchema);
    return true;
  }

  /**
   * Register the webhook (method `setWebhook`). Docs: `url` must be HTTPS and `secret_token` 8-256
   * characters, both required; Zalo then sends the secret in `X-Bot-Api-Secret-Token`.
   */
  setWebHook(url: string, options: { secret_token: string; [field: string]: unknown }): Promise<ZaloWebhookInfo> {
    if (typeof url !== "string" || !/^https:\/\/\S+$/i.test(url)) {
      throw new ZaloValidationError("setWebhook", "url must be an https:// URL");
    }
    const secret = options?.secret_token;
    if (typeof secret !== "string" || secret.length < 8 || secret.length > 256) {
      throw new ZaloValidationError("setWebhook", "secret_token must be 8-256 characters");
    }
    return this.#call("setWebhook", { ...options, url, secret_token: secret }, zaloWebhookInfoSchema);
  }

  /** Alias of `setWebHook` with the API's spelling. */
  setWebhook(url: string, options: { secret_token: string; [field: string]: unknown }): Promise<ZaloWebhookInfo> {
    return this.setWebHook(url, options);
  }

  /** Remove the webhook (method `deleteWebhook`); needed before polling works. */
  deleteWebHook(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.#call("deleteWebhook", form, zaloWebhookInfoSchema);
  }

  /** Alias of `deleteWebHook` with the API's spelling. */
  deleteWebhook(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.deleteWebHook(form);
  }

  /** Current webhook (`url: ""` when none). */
  getWebhookInfo(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.#call("getWebhookInfo", form, zaloWebhookInfoSchema);
  }

  /** SDK spelling of `getWebhookInfo`. */
  getWebHookInfo(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.getWebhookInfo(form);
  }

  /**
   * One long poll. Resolves the update, or `null` when the server answered 408 (nothing arrived
   * within `timeout` seconds) or an empty result. The server deletes an update once it has returned
   * it (no offset, no ack): handle or persist it at once.
   *
   * Does not work while a webhook is set (the server answers an error; call `deleteWebHook()`).
   */
  async getUpdates(form: ZaloGetUpdatesForm = {}, options: ZaloCallOptions = {}): Promise<ZaloUpdate | null> {
    const buffered = this.#pendingUpdates.shift();
    if (buffered) return buffered;
    const requested = Number(form.timeout ?? this.#polling.timeout);
    const timeoutSec = Number.isFinite(requested) && requested >= 0 ? requested : this.#polling.timeout;
    const timeoutMs =
      options.timeoutMs ??
      this.#timeouts.getUpdates ??
      timeoutSec * 1000 + (this.#timeouts.getUpdatesGraceMs ?? DEFAULTS.getUpdatesGraceMs);
    let result;
    try {
      result = await this.#call(
        "getUpdates",
        { ...form, timeout: String(timeoutSec) },
        zaloGetUpdatesResultSchema,
        { ...options, timeoutMs },
      );
    } catch (err) {
      if (err instanceof ZaloApiError && err.error_code === 408) return null;
      throw err;
    }
    if (Array.isArray(result)) {
      const [first, ...rest] = result;
      this.#pendingUpdates.push(...rest);
      return first ?? null;
    }
    if (result && "message" in result) return result as ZaloUpdate;
    return null;
  }

  /**
   * Call any method by name and get its raw `result` (no result schema). Retries, timeouts,
   * errors and redaction as for the typed methods.
   */
  callMethod(method: string, body: Record<string, unknown> = {}, options: ZaloCallOptions = {}): Promise<unknown> {
    return this.#call(method, body, zaloChatActionResultSchema, options);
  }

  // -------------------------------------------------------------------------------------------
  // Updates, events, polling
  // -------------------------------------------------------------------------------------------

  /**
   * Emit the events of one update, as the SDK does for webhook bodies. Accepts the bare
   * `{event_name, message}` and the docs' `{ok, result: {…}}` wrapper (which one Zalo sends is
   * unconfirmed). Returns the parsed update, or `null` (and emits nothing) when the body is not an
   * update, e.g. the setWebhook verification ping. Listener exceptions propagate to the caller.
   */
  processUpdate(body: unknown): ZaloUpdate | null {
    const parsed = zaloUpdateSchema.safeParse(unwrapUpdate(body));
    if (!parsed.success) {
      this.#log("warn", { method: "processUpdate", issues: zodIssues(parsed.error) }, "zalo update ignored: not an update");
      return null;
    }
    this.#emitUpdate(parsed.data);
    return parsed.data;
  }

  /** Run `callback(msg, match)` for every text message matching `regexp` (SDK `onText`). */
  onText(regexp: RegExp, callback: (message: ZaloMessage, match: RegExpExecArray) => void): void {
    this.#textCallbacks.push({ regexp, callback });
  }

  /** Remove an `onText` callback; returns the removed entry or null (SDK `removeTextListener`). */
  removeTextListener(regexp: RegExp): TextCallback | null {
    const index = this.#textCallbacks.findIndex((t) => t.regexp === regexp);
    if (index === -1) return null;
    return this.#textCallbacks.splice(index, 1)[0] ?? null;
  }

  /**
   * Start the long-poll loop in the background: one getUpdates at a time; each update is emitted;
   * 408 means "nothing yet" and the next poll starts at once; an error is emitted as
   * `polling_error` and followed by an exponential back-off. Resolves once started.
   */
  async startPolling(options: { restart?: boolean } = {}): Promise<void> {
    if (this.#closed) throw new ZaloAbortError("getUpdates");
    if (this.#pollLoop) {
      if (!options.restart) return;
      await this.stopPolling();
    }
    const controller = new AbortController();
    this.#pollController = controller;
    this.#log("info", { method: "getUpdates", timeoutSec: this.#polling.timeout }, "zalo polling started");
    const loop = this.#runPolling(controller.signal).finally(() => {
      if (this.#pollController === controller) {
        this.#pollController = undefined;
        this.#pollLoop = undefined;
      }
      this.#log("info", { method: "getUpdates" }, "zalo polling stopped");
    });
    this.#pollLoop = loop;
  }

  /** Stop polling: aborts the in-flight getUpdates and resolves when the loop has ended. */
  async stopPolling(): Promise<void> {
    const controller = this.#pollController;
    const loop = this.#pollLoop;
    if (!controller || !loop) return;
    controller.abort();
    await loop;
  }

  isPolling(): boolean {
    return this.#pollLoop !== undefined && this.#pollController?.signal.aborted === false;
  }

  /** Abort polling and every in-flight request, and close the Agent the client created. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed = true;
      this.#closeController.abort();
      await this.stopPolling();
      if (this.#ownsDispatcher) await this.#dispatcher.close();
    })();
    return this.#closing;
  }

  async #runPolling(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted && !this.#closed) {
      let update: ZaloUpdate | null;
      try {
        update = await this.getUpdates({ timeout: this.#polling.timeout }, { signal });
        failures = 0;
      } catch (err) {
        // Stopped, closed, or aborted some other way: end the loop rather than spin on ZaloAbortError.
        if (signal.aborted || this.#closed || err instanceof ZaloAbortError) break;
        failures += 1;
        const delay = Math.min(
          this.#polling.maxErrorBackoffMs,
          this.#polling.errorBackoffMs * 2 ** Math.min(failures - 1, 30),
        );
        this.#log(
          "warn",
          { method: "getUpdates", failures, delayMs: delay, err: this.#errorSummary(err) },
          "zalo polling failed; backing off",
        );
        try {
          this.emit("polling_error", err instanceof Error ? err : new Error(redactSecrets(String(err), [this.#token])));
        } catch (listenerErr) {
          this.#log("error", { method: "getUpdates", err: this.#errorSummary(listenerErr) }, "polling_error listener threw");
        }
        await this.#sleep(delay, signal);
        continue;
      }
      if (update) {
        try {
          this.#emitUpdate(update);
        } catch (listenerErr) {
          // The update is already gone from the server; the loop must go on.
          this.#log(
            "error",
            { method: "processUpdate", event_name: update.event_name, err: this.#errorSummary(listenerErr) },
            "zalo update listener threw",
          );
        }
      }
      if (this.#polling.interval > 0 && !signal.aborted) await this.#sleep(this.#polling.interval, signal);
    }
  }

  #emitUpdate(update: ZaloUpdate): void {
    const message = update.message;
    const metadata: ZaloMessageMetadata = { type: getMessageType(update), event_name: update.event_name };
    this.emit("update", update);
    this.emit("message", message, metadata);
    this.emit(metadata.type, message, metadata);
    if (metadata.type === "text" && typeof message.text === "string") {
      for (const { regexp, callback } of [...this.#textCallbacks]) {
        regexp.lastIndex = 0;
        const match = regexp.exec(message.text);
        if (!match) continue;
        callback(message, match);
        if (this.#onlyFirstMatch) break;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Transport
  // -------------------------------------------------------------------------------------------

  #requireChatId(method: string, chatId: unknown): void {
    if (typeof chatId !== "string" || chatId.trim() === "") {
      throw new ZaloValidationError(method, "chat_id must be a non-empty string");
    }
  }

  /**
   * Docs: text and caption are 1-2000 characters. The unit is not stated (notes §7.4); we count
   * UTF-16 code units (`string.length`), as OpenClaw and goclaw do, which is never more lenient
   * than counting code points.
   */
  #requireText(method: string, field: string, value: unknown, allowEmpty: boolean): void {
    if (typeof value !== "string") throw new ZaloValidationError(method, `${field} must be a string`);
    if (!allowEmpty && value.length === 0) throw new ZaloValidationError(method, `${field} must not be empty`);
    if (value.length > ZALO_MAX_TEXT_LENGTH) {
      throw new ZaloValidationError(
        method,
        `${field} is ${value.length} characters; Zalo accepts at most ${ZALO_MAX_TEXT_LENGTH}. Split it before sending.`,
      );
    }
  }

  #timeoutFor(method: string): number {
    const own = (this.#timeouts as Record<string, number | undefined>)[method];
    if (own !== undefined) return own;
    if (method === "sendPhoto") return DEFAULTS.sendPhotoTimeoutMs;
    if (method === "sendChatAction") return DEFAULTS.sendChatActionTimeoutMs;
    return this.#timeouts.default ?? DEFAULTS.timeoutMs;
  }

  async #call<S extends z.ZodTypeAny>(
    method: string,
    body: Record<string, unknown>,
    schema: S,
    options: ZaloCallOptions = {},
  ): Promise<z.output<S>> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutFor(method);
    for (let attempt = 1; ; attempt++) {
      if (this.#closeController.signal.aborted || options.signal?.aborted) throw new ZaloAbortError(method);
      try {
        return await this.#attempt(method, body, schema, timeoutMs, options.signal);
      } catch (err) {
        const delayMs = this.#retryDelay(err, attempt);
        if (delayMs === undefined) {
          const idlePoll = method === "getUpdates" && err instanceof ZaloApiError && err.error_code === 408;
          if (err instanceof ZaloError && !(err instanceof ZaloAbortError) && !idlePoll) {
            this.#log("warn", { method, attempt, err: this.#errorSummary(err) }, "zalo api call failed");
          }
          throw err;
        }
        this.#log("warn", { method, attempt, delayMs, err: this.#errorSummary(err) }, "zalo api call failed; retrying");
        const signal = this.#linkSignals([this.#closeController.signal, options.signal]);
        try {
          await this.#sleep(delayMs, signal.signal);
        } finally {
          signal.dispose();
        }
      }
    }
  }

  /** ms to wait before the next attempt, or undefined when the error must be thrown now. */
  #retryDelay(err: unknown, attempt: number): number | undefined {
    if (!isRetryable(err) || attempt >= this.#retry.maxAttempts) return undefined;
    const backoff = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
    const retryAfter = err instanceof Error ? retryAfterOf.get(err) : undefined;
    if (retryAfter === undefined) return backoff;
    if (retryAfter > this.#retry.maxRetryAfterMs) return undefined;
    return Math.max(backoff, retryAfter);
  }

  #linkSignals(signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose: () => void } {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    const live = signals.filter((s): s is AbortSignal => s !== undefined);
    for (const s of live) {
      if (s.aborted) controller.abort();
      else s.addEventListener("abort", abort, { once: true });
    }
    return {
      signal: controller.signal,
      dispose: () => {
        for (const s of live) s.removeEventListener("abort", abort);
      },
    };
  }

  async #attempt<S extends z.ZodTypeAny>(
    method: string,
    body: Record<string, unknown>,
    schema: S,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    const linked = this.#linkSignals([this.#closeController.signal, callerSignal]);
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = (): void => controller.abort();
    linked.signal.addEventListener("abort", onAbort, { once: true });
    if (linked.signal.aborted) controller.abort();
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const started = Date.now();
    const fail = (err: unknown, status?: number): ZaloError => {
      if (timedOut) return new ZaloTimeoutError(method, timeoutMs);
      if (linked.signal.aborted) return new ZaloAbortError(method);
      return new ZaloTransportError(method, err, { status, secrets: [this.#token] });
    };
    try {
      if (controller.signal.aborted) throw new ZaloAbortError(method);
      let statusCode: number;
      let headers: Record<string, string | string[] | undefined>;
      let text: string;
      try {
        const res = await request(`${this.#baseUrl}/bot${this.#token}/${method}`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(body),
          dispatcher: this.#dispatcher,
          signal: controller.signal,
          // Our own timer governs; keep undici's from firing first.
          headersTimeout: timeoutMs + 1_000,
          bodyTimeout: timeoutMs + 1_000,
        });
        statusCode = res.statusCode;
        headers = res.headers;
        text = await res.body.text();
      } catch (err) {
        throw fail(err);
      }
      const result = this.#interpret(method, statusCode, headers, text, schema);
      this.#log("debug", { method, status: statusCode, ms: Date.now() - started }, "zalo api call ok");
      return result;
    } finally {
      clearTimeout(timer);
      linked.signal.removeEventListener("abort", onAbort);
      linked.dispose();
    }
  }

  #interpret<S extends z.ZodTypeAny>(
    method: string,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
    schema: S,
  ): z.output<S> {
    const retryAfter = parseRetryAfter(headers["retry-after"], Date.now());
    const withRetryAfter = <E extends Error>(err: E): E => {
      if (retryAfter !== undefined) retryAfterOf.set(err, retryAfter);
      return err;
    };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const type = headers["content-type"];
      const detail = `response body is not JSON (HTTP ${status}${type ? `, ${String(type).split(";")[0]}` : ""})`;
      throw withRetryAfter(new ZaloTransportError(method, new Error(detail), { status, secrets: [this.#token] }));
    }
    const envelope = zaloEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      if (status === 429 || status >= 500) {
        const detail = `unexpected response body (HTTP ${status})`;
        throw withRetryAfter(new ZaloTransportError(method, new Error(detail), { status, secrets: [this.#token] }));
      }
      throw new ZaloParseError(method, zodIssues(envelope.error));
    }
    const data = envelope.data;
    if (!data.ok) {
      const raw = data.error_code ?? (status !== 200 ? status : undefined);
      const code = raw === undefined ? Number.NaN : Number(raw);
      throw withRetryAfter(
        new ZaloApiError(method, code, data.description ?? "", { status, secrets: [this.#token] }),
      );
    }
    const parsed = schema.safeParse(data.result);
    if (!parsed.success) throw new ZaloParseError(method, zodIssues(parsed.error));
    return parsed.data;
  }

  #errorSummary(err: unknown): Record<string, unknown> {
    if (err instanceof ZaloApiError) {
      return { name: err.name, error_code: err.error_code, description: err.description, status: err.status };
    }
    if (err instanceof ZaloError) {
      return { name: err.name, code: err.code, message: err.message };
    }
    if (err instanceof Error) return { name: err.name, message: redactSecrets(err.message, [this.#token]) };
    return { name: typeof err };
  }

  #log(level: keyof ZaloLogger, obj: Record<string, unknown>, msg: string): void {
    const logger = this.#logger;
    if (!logger) return;
    const safe = JSON.parse(redactSecrets(JSON.stringify(obj), [this.#token])) as Record<string, unknown>;
    try {
      logger[level]({ component: "zalo", ...safe }, msg);
    } catch {
      // A broken logger must not break API calls.
    }
  }
}
