/**
 * Why a join request was refused: one of a few common reasons, a short line the secretary typed,
 * or none. Kept in the audit line of the refusal (its details), so a later request from the same
 * person shows the secretary what was decided before, when and by whom. Pure: no I/O.
 */
import { z } from "zod";
import type { Translator } from "../../../i18n/index.ts";
import type { Accepted } from "../../kernel/dialogue/steps.ts";

export const refusalCodes = ["wrong_cell", "unverified", "profile"] as const;
export type RefusalCode = (typeof refusalCodes)[number];
/** The pick that refuses without a reason. */
export const noReason = "none";
/** A typed reason is told to the applicant as written: one short line. */
export const refusalNoteLimits = { min: 3, max: 200 } as const;

export interface Refusal {
  code: RefusalCode | null;
  note: string | null;
}

/** An earlier refusal of the same person by the same cell, as the secretary is shown it. */
export interface PastRefusal {
  at: Date;
  byName: string | null;
  refusal: Refusal;
}

/** A typed reason: one line, short enough for a phone, not a command. */
export function checkRefusalNote(raw: string): Accepted {
  const value = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (value.length === 0) return { ok: false, reason: "invalid-empty" };
  if (value.length < refusalNoteLimits.min) return { ok: false, reason: "invalid-too-short", params: { min: refusalNoteLimits.min } };
  if (value.length > refusalNoteLimits.max) return { ok: false, reason: "invalid-too-long", params: { max: refusalNoteLimits.max, length: value.length }, echo: value };
  if (value.startsWith("/")) return { ok: false, reason: "invalid-looks-like-command" };
  return { ok: true, value: `${notePrefix}${value}` };
}

/** How the reason step stores its answer: a code, `none`, or the typed line after this prefix. */
const notePrefix = "t:";

export function refusalOf(value: string | null | undefined): Refusal {
  if (value?.startsWith(notePrefix)) return { code: null, note: value.slice(notePrefix.length) };
  const code = refusalCodes.find((c) => c === value);
  return { code: code ?? null, note: null };
}

const detailsSchema = z.object({ reason: z.enum(refusalCodes).nullish(), note: z.string().max(400).nullish() }).passthrough();

/** The reason kept in an audit line's details; a line written before reasons existed has none. */
export function refusalFromDetails(json: string): Refusal {
  try {
    const parsed = detailsSchema.safeParse(JSON.parse(json));
    if (parsed.success) return { code: parsed.data.reason ?? null, note: parsed.data.note ?? null };
  } catch {
    // an unreadable line reads as a refusal without a reason
  }
  return { code: null, note: null };
}

/** The reason in the reader's language; a typed one as it was typed. */
export function refusalText(t: Translator, r: Refusal): string | null {
  if (r.note) return r.note;
  return r.code ? t(`reject-reason-${r.code}`) : null;
}
