/**
 * Typed errors of the Zalo Bot API client.
 *
 * The bot token is part of every request URL (`/bot<TOKEN>/<method>`), and undici/Node errors may
 * quote that URL. No error built here may carry the token: messages, stacks and causes go through
 * `redactSecrets`, and a foreign `cause` is replaced by a sanitised copy (`sanitizeCause`), never
 * kept as the original object.
 */

/** Matches a token-bearing path segment such as `/bot12345:abc-xyz` even when the token is not known to the caller. */
const TOKEN_IN_PATH = /\/bot[^/\s"'?#]+/g;
const REDACTED = "<redacted>";

/**
 * Remove the given secrets (raw and URL-encoded) and any `/bot<token>` path segment from a string.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = new Set([secret, encodeURIComponent(secret), encodeURI(secret)]);
    for (const form of forms) out = out.split(form).join(REDACTED);
  }
  return out.replace(TOKEN_IN_PATH, `/bot${REDACTED}`);
}

/**
 * A plain-Error copy of `err` (and up to 3 levels of its own `cause`) whose message and stack are
 * redacted. Only `name`, `message`, `code`, `errno`, `syscall` and `stack` are copied; other
 * properties (undici keeps request options and URLs on some errors) are dropped.
 */
export function sanitizeCause(err: unknown, secrets: readonly string[] = [], depth = 0): Error {
  if (!(err instanceof Error)) {
    return new Error(redactSecrets(String(err), secrets));
  }
  const copy = new Error(redactSecrets(err.message, secrets));
  copy.name = err.name;
  const src = err as Error & { code?: unknown; errno?: unknown; syscall?: unknown };
  const target = copy as Error & { code?: unknown; errno?: unknown; syscall?: unknown };
  if (typeof src.code === "string" || typeof src.code === "number") target.code = src.code;
  if (typeof src.errno === "number") target.errno = src.errno;
  if (typeof src.syscall === "string") target.syscall = src.syscall;
  copy.stack = err.stack ? redactSecrets(err.stack, secrets) : undefined;
  if (depth < 3 && err.cause !== undefined) {
    Object.defineProperty(copy, "cause", {
      value: sanitizeCause(err.cause, secrets, depth + 1),
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Base class, so callers can `catch (e) { if (e instanceof ZaloError) … }`. `code` mirrors the SDK's `EZALO`/`EFATAL`/`EPARSE` codes. */
export class ZaloError extends Error {
  readonly code: string;
  /** The API method the error belongs to (e.g. `sendMessage`). */
  readonly method: string;

  constructor(code: string, method: string, message: string, options?: { cause?: Error }) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.name = "ZaloError";
    this.code = code;
    this.method = method;
  }
}

/**
 * The API answered `ok: false` (usually with HTTP 200). `error_code` is numeric (`Number(...)` of what
 * the server sent; `NaN` if it sent none). Docs table: 400 bad request, 401 bad/expired token,
 * 403 "Internal server error" (sic), 404 not found / unknown method, 408 request timeout, 429 quota.
 */
export class ZaloApiError extends ZaloError {
  readonly error_code: number;
  readonly description: string;
  /** HTTP status of the response (200 for normal API errors). */
  readonly status: number;

  constructor(
    method: string,
    error_code: number,
    description: string,
    options: { status?: number; secrets?: readonly string[] } = {},
  ) {
    const safeDescription = redactSecrets(description, options.secrets);
    super("EZALO", method, `Zalo API ${method} failed: ${error_code} ${safeDescription}`.trim());
    this.name = "ZaloApiError";
    this.error_code = error_code;
    this.description = safeDescription;
    this.status = options.status ?? 200;
  }
}

/**
 * The request did not produce a usable API answer: connection refused/reset, DNS failure, or a body
 * that is not JSON (e.g. the nginx HTML 429 page). `cause` is a sanitised copy of the underlying error.
 */
export class ZaloTransportError extends ZaloError {
  /** HTTP status when a response arrived but its body was unusable; undefined when no response arrived. */
  readonly status: number | undefined;
  declare readonly cause: Error;

  constructor(method: string, cause: unknown, options: { status?: number; secrets?: readonly string[] } = {}) {
    const safe = sanitizeCause(cause, options.secrets);
    const code = (safe as Error & { code?: unknown }).code;
    const detail = [typeof code === "string" ? code : undefined, safe.message].filter(Boolean).join(": ");
    super("EFATAL", method, `Zalo API ${method} transport error: ${detail || safe.name}`, { cause: safe });
    this.name = "ZaloTransportError";
    this.status = options.status;
  }
}

/** No answer within `ms` milliseconds; the request was aborted. */
export class ZaloTimeoutError extends ZaloError {
  readonly ms: number;

  constructor(method: string, ms: number) {
    super("ETIMEDOUT", method, `Zalo API ${method} timed out after ${ms} ms`);
    this.name = "ZaloTimeoutError";
    this.ms = ms;
  }
}

/** The answer was JSON but not of the shape the method returns (zod rejected it). `issues` lists paths only, never values. */
export class ZaloParseError extends ZaloError {
  readonly issues: string[];

  constructor(method: string, issues: string[]) {
    super("EPARSE", method, `Zalo API ${method} returned an unexpected response: ${issues.join("; ")}`);
    this.name = "ZaloParseError";
    this.issues = issues;
  }
}

/** The call was cancelled by `stopPolling()`, `close()` or the caller's own `AbortSignal`. */
export class ZaloAbortError extends ZaloError {
  constructor(method: string) {
    super("EABORTED", method, `Zalo API ${method} was aborted`);
    this.name = "ZaloAbortError";
  }
}

/** The client refused to send a request the API would refuse (e.g. text over 2,000 characters). Nothing was sent. */
export class ZaloValidationError extends ZaloError {
  constructor(method: string, message: string) {
    super("EINVALID", method, `Zalo API ${method}: ${message}`);
    this.name = "ZaloValidationError";
  }
}
