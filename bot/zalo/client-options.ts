/**
 * What a `ZaloBotClient` can be configured with: the API hosts, the options and their defaults,
 * the per-call options, and the logger and sleep it is given. Types and constants only.
 */
import type { Agent, Dispatcher } from "undici";

/** Current host (docs). */
export const ZALO_DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com";
/** Older host, still the default of node-zalo-bot 0.1.6. */
export const ZALO_LEGACY_BASE_URL = "https://bot-api.zapps.me";

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

/** Defaults of the options above. */
export const CLIENT_DEFAULTS = {
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
