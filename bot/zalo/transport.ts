/**
 * The HTTP side of `ZaloBotClient`: one `POST {baseUrl}/bot{token}/{method}` with a JSON body,
 * its timeout, its retries with back-off, reading the `{ok, result}` / `{ok:false, error_code,
 * description}` envelope into a result or a typed error, and the client's redacted logging.
 *
 * Wire facts relied on (notes §1-§2): API errors come back as HTTP 200 `{ok:false, …}`; the body is
 * read as JSON whatever the HTTP status, and a non-JSON body (e.g. nginx's HTML 429 page) is a
 * transport error.
 *
 * The token lives only in a private field and in the request URL. It is never logged, and every
 * error is built from redacted text (see errors.ts).
 */
import { Agent, request, type Dispatcher } from "undici";
import type { z } from "zod";
import {
  CLIENT_DEFAULTS as DEFAULTS,
  ZALO_DEFAULT_BASE_URL,
  type ZaloBotClientOptions,
  type ZaloCallOptions,
  type ZaloLogger,
  type ZaloRetryOptions,
  type ZaloSleep,
  type ZaloTimeoutOptions,
} from "./client-options.ts";
import {
  ZaloAbortError,
  ZaloApiError,
  ZaloError,
  ZaloParseError,
  ZaloTimeoutError,
  ZaloTransportError,
  redactSecrets,
} from "./errors.ts";
import { zaloEnvelopeSchema } from "./types.ts";

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

/** Paths and codes of a zod error, never values (values may be chat text). */
export function zodIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.code}`);
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

function isRetryable(err: unknown): boolean {
  if (err instanceof ZaloTransportError) return true;
  if (err instanceof ZaloApiError) {
    const c = err.error_code;
    return c === 429 || (c >= 500 && c < 600) || err.status === 429 || (err.status >= 500 && err.status < 600);
  }
  return false;
}

/** One signal that aborts when any of `signals` does; `dispose()` detaches it from them. */
function linkSignals(signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose: () => void } {
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

/**
 * Calls the API for `ZaloBotClient`: timeouts per method, retries, the undici dispatcher, and the
 * logger. Holds the token; nothing it logs or throws contains it.
 */
export class ZaloTransport {
  readonly #token: string;
  readonly #baseUrl: string;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #timeouts: ZaloTimeoutOptions;
  readonly #retry: Required<ZaloRetryOptions>;
  readonly #logger: ZaloLogger | undefined;
  readonly #sleep: ZaloSleep;
  readonly #closeController = new AbortController();

  /** `token` must already be checked and trimmed. */
  constructor(token: string, options: ZaloBotClientOptions) {
    this.#token = token;
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
    this.#logger = options.logger;
    this.#sleep = options.sleep ?? defaultSleep;
  }

  /** The injected (or default) sleep: back-off delays of retries and of polling. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.#sleep(ms, signal);
  }

  /** Timeout of one getUpdates asking the server to hold the request `timeoutSec` seconds. */
  getUpdatesTimeoutMs(timeoutSec: number): number {
    return this.#timeouts.getUpdates ?? timeoutSec * 1000 + (this.#timeouts.getUpdatesGraceMs ?? DEFAULTS.getUpdatesGraceMs);
  }

  /** Aborts every call in flight and refuses new ones (`ZaloAbortError`). */
  abortAll(): void {
    this.#closeController.abort();
  }

  /** Closes the undici `Agent` this transport created; a dispatcher passed in is left open. */
  async closeDispatcher(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** Call `method` with retries; resolves its `result` checked against `schema`. */
  async call<S extends z.ZodTypeAny>(
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
            this.log("warn", { method, attempt, err: this.errorSummary(err) }, "zalo api call failed");
          }
          throw err;
        }
        this.log("warn", { method, attempt, delayMs, err: this.errorSummary(err) }, "zalo api call failed; retrying");
        const signal = linkSignals([this.#closeController.signal, options.signal]);
        try {
          await this.#sleep(delayMs, signal.signal);
        } finally {
          signal.dispose();
        }
      }
    }
  }

  /** `text` with the token taken out. */
  redact(text: string): string {
    return redactSecrets(text, [this.#token]);
  }

  /** Loggable fields of an error: names, codes, redacted message. */
  errorSummary(err: unknown): Record<string, unknown> {
    if (err instanceof ZaloApiError) {
      return { name: err.name, error_code: err.error_code, description: err.description, status: err.status };
    }
    if (err instanceof ZaloError) {
      return { name: err.name, code: err.code, message: err.message };
    }
    if (err instanceof Error) return { name: err.name, message: redactSecrets(err.message, [this.#token]) };
    return { name: typeof err };
  }

  /** Log through the optional logger, redacted, tagged `component: "zalo"`; a throwing logger is ignored. */
  log(level: keyof ZaloLogger, obj: Record<string, unknown>, msg: string): void {
    const logger = this.#logger;
    if (!logger) return;
    const safe = JSON.parse(redactSecrets(JSON.stringify(obj), [this.#token])) as Record<string, unknown>;
    try {
      logger[level]({ component: "zalo", ...safe }, msg);
    } catch {
      // A broken logger must not break API calls.
    }
  }

  #timeoutFor(method: string): number {
    const own = (this.#timeouts as Record<string, number | undefined>)[method];
    if (own !== undefined) return own;
    if (method === "sendPhoto") return DEFAULTS.sendPhotoTimeoutMs;
    if (method === "sendChatAction") return DEFAULTS.sendChatActionTimeoutMs;
    return this.#timeouts.default ?? DEFAULTS.timeoutMs;
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

  async #attempt<S extends z.ZodTypeAny>(
    method: string,
    body: Record<string, unknown>,
    schema: S,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    const linked = linkSignals([this.#closeController.signal, callerSignal]);
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
      this.log("debug", { method, status: statusCode, ms: Date.now() - started }, "zalo api call ok");
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
}
