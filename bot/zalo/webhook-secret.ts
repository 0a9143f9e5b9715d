/**
 * The webhook secret: the header Zalo sends it in, and the constant-time check of it.
 * setWebhook registers a `secret_token`; every delivery carries it in `X-Bot-Api-Secret-Token`
 * (see ./README.md, "The adapter" → Modes).
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** Header Zalo puts the webhook `secret_token` in (Node lower-cases incoming header names). */
export const ZALO_WEBHOOK_SECRET_HEADER = "x-bot-api-secret-token";

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
