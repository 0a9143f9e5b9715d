/**
 * Our own Zalo Bot Platform client, on undici, with the surface of the official Node SDK
 * `node-zalo-bot` 0.1.6 (see /work/shared/notes/zalo-bot-api.md §6 and ./README.md).
 *
 * This file holds `ZaloBotClient`: its API methods (node-zalo-bot names and argument order), the
 * checks of their arguments, and the event/polling surface. The parts live next to it:
 * - client-options.ts: hosts, options, defaults;
 * - transport.ts: the HTTP call with timeouts, retries, envelope reading, redacted logging;
 * - polling.ts: the long-polling loop;
 * - update-events.ts: the events of one update and the `onText` callbacks;
 * - webhook-secret.ts: the webhook secret header and its constant-time check.
 *
 * Wire facts this file relies on (notes §1-§2): getUpdates returns ONE update per call (no offset,
 * the server forgets it once returned) and answers `error_code 408` when nothing arrived before its
 * timeout: that is "no update", not an error.
 *
 * The token lives only in the transport's private field and in the request URL. It is never logged,
 * and every error is built from redacted text (see errors.ts).
 */
import { EventEmitter } from "node:events";
import type { ZaloBotClientOptions, ZaloCallOptions, ZaloGetUpdatesForm } from "./client-options.ts";
import {
  ZaloAbortError,
  ZaloApiError,
  ZaloError,
  ZaloParseError,
  ZaloTimeoutError,
  ZaloTransportError,
  ZaloValidationError,
} from "./errors.ts";
import { ZaloPoller } from "./polling.ts";
import { ZaloTransport, zodIssues } from "./transport.ts";
import {
  ZALO_MAX_TEXT_LENGTH,
  unwrapUpdate,
  zaloBotInfoSchema,
  zaloChatActionResultSchema,
  zaloGetUpdatesResultSchema,
  zaloSentMessageSchema,
  zaloUpdateSchema,
  zaloWebhookInfoSchema,
  type ZaloBotInfo,
  type ZaloMessage,
  type ZaloSentMessage,
  type ZaloUpdate,
  type ZaloWebhookInfo,
} from "./types.ts";
import { TextListeners, emitUpdateEvents, type TextCallback, type ZaloClientEvents } from "./update-events.ts";

export { ZALO_DEFAULT_BASE_URL, ZALO_LEGACY_BASE_URL } from "./client-options.ts";
export type {
  ZaloBotClientOptions,
  ZaloCallOptions,
  ZaloGetUpdatesForm,
  ZaloLogFn,
  ZaloLogger,
  ZaloMethodName,
  ZaloPollingOptions,
  ZaloRetryOptions,
  ZaloSleep,
  ZaloTimeoutOptions,
} from "./client-options.ts";
export { defaultSleep } from "./transport.ts";
export type { ZaloClientEvents } from "./update-events.ts";
export { ZALO_WEBHOOK_SECRET_HEADER, isValidWebhookSecret } from "./webhook-secret.ts";

function requireChatId(method: string, chatId: unknown): void {
  if (typeof chatId !== "string" || chatId.trim() === "") {
    throw new ZaloValidationError(method, "chat_id must be a non-empty string");
  }
}

/**
 * Docs: text and caption are 1-2000 characters. The unit is not stated (notes §7.4); we count
 * UTF-16 code units (`string.length`), as OpenClaw and goclaw do, which is never more lenient
 * than counting code points.
 */
function requireText(method: string, field: string, value: unknown, allowEmpty: boolean): void {
  if (typeof value !== "string") throw new ZaloValidationError(method, `${field} must be a string`);
  if (!allowEmpty && value.length === 0) throw new ZaloValidationError(method, `${field} must not be empty`);
  if (value.length > ZALO_MAX_TEXT_LENGTH) {
    throw new ZaloValidationError(
      method,
      `${field} is ${value.length} characters; Zalo accepts at most ${ZALO_MAX_TEXT_LENGTH}. Split it before sending.`,
    );
  }
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

  readonly #transport: ZaloTransport;
  readonly #poller: ZaloPoller;
  readonly #textListeners: TextListeners;
  #closed = false;
  #closing: Promise<void> | undefined;
  /** Updates beyond the first when the server answered an array (defensive, S8); handed out by later getUpdates calls. */
  readonly #pendingUpdates: ZaloUpdate[] = [];

  constructor(token: string, options: ZaloBotClientOptions = {}) {
    super();
    if (typeof token !== "string" || token.trim() === "") {
      throw new ZaloValidationError("constructor", "Zalo Bot Token not provided!");
    }
    this.#transport = new ZaloTransport(token.trim(), options);
    this.#textListeners = new TextListeners(options.onlyFirstMatch ?? false);
    this.#poller = new ZaloPoller(options.polling, this.#transport, {
      getUpdates: (form, callOptions) => this.getUpdates(form, callOptions),
      emitUpdate: (update) => emitUpdateEvents(this, update, this.#textListeners),
      emitPollingError: (error) => this.emit("polling_error", error),
      isClosed: () => this.#closed,
    });
    if (this.#poller.autoStart) void this.startPolling();
  }

  // -------------------------------------------------------------------------------------------
  // API methods (node-zalo-bot names and argument order)
  // -------------------------------------------------------------------------------------------

  /** Validate the token and get the bot's id and names. */
  getMe(form: Record<string, unknown> = {}): Promise<ZaloBotInfo> {
    return this.#transport.call("getMe", form, zaloBotInfoSchema);
  }

  /**
   * Send plain text (no markdown rendering, no buttons). Refuses empty text or text over 2,000
   * UTF-16 code units with a ZaloValidationError before sending: splitting is the caller's job.
   */
  sendMessage(chatId: string, text: string, form: Record<string, unknown> = {}): Promise<ZaloSentMessage> {
    requireChatId("sendMessage", chatId);
    requireText("sendMessage", "text", text, false);
    return this.#transport.call("sendMessage", { ...form, chat_id: chatId, text }, zaloSentMessageSchema);
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
    requireChatId("sendPhoto", chatId);
    if (typeof photo !== "string" || !/^https?:\/\/\S+$/i.test(photo)) {
      throw new ZaloValidationError("sendPhoto", "photo must be a public http:// or https:// URL");
    }
    const { caption, ...rest } = form;
    const body: Record<string, unknown> = { ...rest, chat_id: chatId, photo };
    if (caption !== undefined && caption !== "") {
      requireText("sendPhoto", "caption", caption, false);
      body.caption = caption;
    }
    return this.#transport.call("sendPhoto", body, zaloSentMessageSchema);
  }

  /** Send a sticker by id (from stickers.zaloapp.com). */
  sendSticker(chatId: string, sticker: string, form: Record<string, unknown> = {}): Promise<ZaloSentMessage> {
    requireChatId("sendSticker", chatId);
    if (typeof sticker !== "string" || sticker === "") {
      throw new ZaloValidationError("sendSticker", "sticker id must not be empty");
    }
    return this.#transport.call("sendSticker", { ...form, chat_id: chatId, sticker }, zaloSentMessageSchema);
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
    requireChatId("sendChatAction", chatId);
    await this.#transport.call("sendChatAction", { ...form, chat_id: chatId, action }, zaloChatActionResultSchema);
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
    return this.#transport.call("setWebhook", { ...options, url, secret_token: secret }, zaloWebhookInfoSchema);
  }

  /** Alias of `setWebHook` with the API's spelling. */
  setWebhook(url: string, options: { secret_token: string; [field: string]: unknown }): Promise<ZaloWebhookInfo> {
    return this.setWebHook(url, options);
  }

  /** Remove the webhook (method `deleteWebhook`); needed before polling works. */
  deleteWebHook(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.#transport.call("deleteWebhook", form, zaloWebhookInfoSchema);
  }

  /** Alias of `deleteWebHook` with the API's spelling. */
  deleteWebhook(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.deleteWebHook(form);
  }

  /** Current webhook (`url: ""` when none). */
  getWebhookInfo(form: Record<string, unknown> = {}): Promise<ZaloWebhookInfo> {
    return this.#transport.call("getWebhookInfo", form, zaloWebhookInfoSchema);
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
    const requested = Number(form.timeout ?? this.#poller.timeoutSec);
    const timeoutSec = Number.isFinite(requested) && requested >= 0 ? requested : this.#poller.timeoutSec;
    const timeoutMs = options.timeoutMs ?? this.#transport.getUpdatesTimeoutMs(timeoutSec);
    let result;
    try {
      result = await this.#transport.call(
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
    return this.#transport.call(method, body, zaloChatActionResultSchema, options);
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
      this.#transport.log(
        "warn",
        { method: "processUpdate", issues: zodIssues(parsed.error) },
        "zalo update ignored: not an update",
      );
      return null;
    }
    emitUpdateEvents(this, parsed.data, this.#textListeners);
    return parsed.data;
  }

  /** Run `callback(msg, match)` for every text message matching `regexp` (SDK `onText`). */
  onText(regexp: RegExp, callback: (message: ZaloMessage, match: RegExpExecArray) => void): void {
    this.#textListeners.add(regexp, callback);
  }

  /** Remove an `onText` callback; returns the removed entry or null (SDK `removeTextListener`). */
  removeTextListener(regexp: RegExp): TextCallback | null {
    return this.#textListeners.remove(regexp);
  }

  /**
   * Start the long-poll loop in the background: one getUpdates at a time; each update is emitted;
   * 408 means "nothing yet" and the next poll starts at once; an error is emitted as
   * `polling_error` and followed by an exponential back-off. Resolves once started.
   */
  async startPolling(options: { restart?: boolean } = {}): Promise<void> {
    if (this.#closed) throw new ZaloAbortError("getUpdates");
    await this.#poller.start(options.restart);
  }

  /** Stop polling: aborts the in-flight getUpdates and resolves when the loop has ended. */
  stopPolling(): Promise<void> {
    return this.#poller.stop();
  }

  isPolling(): boolean {
    return this.#poller.isRunning();
  }

  /** Abort polling and every in-flight request, and close the Agent the client created. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed = true;
      this.#transport.abortAll();
      await this.stopPolling();
      await this.#transport.closeDispatcher();
    })();
    return this.#closing;
  }
}
