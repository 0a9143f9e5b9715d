/** The free texts a committee's lead types: a notice, an issue raised for a review. */
import type { Accepted } from "../../../kernel/dialogue/steps.ts";

/** A notice reads on one phone screen, with the committee's name above it. */
export const noticeLimits = { min: 5, max: 1000 } as const;
/** An issue is a point to address, shown in the member's review form: a few lines at most. */
export const issueLimits = { min: 5, max: 500 } as const;

/**
 * A text of several lines, kept as typed (lines and all) but trimmed. Links are allowed, as in the
 * meetings' notes and agendas: the house rule refuses them in names only, which others read as
 * who someone is, while a notice may well point to a document. A refused text that is too long
 * is handed back whole so it can be shortened rather than retyped.
 */
export function checkLongText(raw: string, limits: { min: number; max: number }): Accepted {
  const value = raw.normalize("NFC").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
  if (value.length === 0) return { ok: false, reason: "invalid-empty" };
  if (value.length < limits.min) return { ok: false, reason: "invalid-too-short", params: { min: limits.min } };
  if (value.length > limits.max) return { ok: false, reason: "invalid-too-long", params: { max: limits.max, length: value.length }, echo: value };
  if (value.startsWith("/")) return { ok: false, reason: "invalid-looks-like-command" };
  return { ok: true, value };
}
