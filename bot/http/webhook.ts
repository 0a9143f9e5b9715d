/**
 * What every messenger's webhook route does before the messenger's own code sees a request: the
 * secret header checked in constant time before the body is even read (missing → 401, wrong →
 * 403: nothing is parsed, recorded or handled), then the body read up to a bound (→ 413).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import { BodyTooLarge, readBody, reply, type Handler } from "./server.ts";

/** Constant-time comparison (hashes of equal length, so the secret's length leaks nothing either). */
export function secretMatches(received: string | string[] | undefined, expected: string): boolean {
  if (!expected || typeof received !== "string") return false;
  const a = createHash("sha256").update(received).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && received.length === expected.length;
}

export interface WebhookOptions {
  /** Lower-case header name carrying the secret (Node lower-cases incoming names). */
  secretHeader: string;
  secret: string;
  /** Larger bodies get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  logger: Logger;
  /** The body of an authenticated request, as text; answers with a status and a JSON body. */
  onBody(raw: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

export const defaultMaxBodyBytes = 1024 * 1024;

export function webhookHandler(options: WebhookOptions): Handler {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const secret = req.headers[options.secretHeader];
    if (secret === undefined) {
      req.resume();
      options.logger.warn("webhook call without secret header refused");
      return reply(res, 401, { ok: false, description: "Unauthorized" });
    }
    if (!secretMatches(secret, options.secret)) {
      req.resume();
      options.logger.warn("webhook call with a wrong secret refused");
      return reply(res, 403, { ok: false, description: "Forbidden" });
    }
    let raw: string;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        options.logger.warn("webhook body over its limit refused");
        return reply(res, 413, { ok: false, description: "Payload Too Large" }, { connection: "close" });
      }
      throw error;
    }
    const answer = await options.onBody(raw);
    reply(res, answer.status, answer.body);
  };
}
