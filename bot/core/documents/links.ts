/**
 * Download links for messengers that cannot send files (Zalo): the link names the document, the
 * person it was made for and when it expires, signed with HMAC-SHA256. Nothing is stored: the file
 * is made again when the link is used, after the person's right to it is checked again, so a link
 * stops working when they lose that right, and no document waits on disk.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { documentKindPattern } from "./producer.ts";

const payloadSchema = z.object({
  /** Document kind. */
  k: z.string().regex(documentKindPattern),
  /** Subject id (or ids joined by "."). */
  s: z.string().regex(/^[\w.-]{1,100}$/),
  /** The person it was made for. */
  p: z.string().regex(/^[a-z0-9]{8,40}$/i),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
});
export type FileLink = z.infer<typeof payloadSchema>;

const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("base64url");

export function makeFileToken(secret: string, link: FileLink): string {
  const body = Buffer.from(JSON.stringify(payloadSchema.parse(link))).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

export type TokenCheck = { ok: true; link: FileLink } | { ok: false; why: "invalid" | "expired" };

/** The link's payload if the signature is ours and it has not expired. */
export function readFileToken(secret: string, token: string, now: Date): TokenCheck {
  const match = /^([\w-]{1,400})\.([\w-]{43})$/.exec(token);
  if (!match) return { ok: false, why: "invalid" };
  const [, body, mac] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: "invalid" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, why: "invalid" };
  }
  const link = payloadSchema.safeParse(parsed);
  if (!link.success) return { ok: false, why: "invalid" };
  if (link.data.e * 1000 <= now.getTime()) return { ok: false, why: "expired" };
  return { ok: true, link: link.data };
}
