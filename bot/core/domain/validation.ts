import { foldVietnamese } from "../../lib/text.ts";

/** Checks for what people type. Each returns the cleaned value or the locale key of the reason. */

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; params?: Record<string, number> };

const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

export const personNameLimits = { min: 2, max: 80 } as const;
export const cellNameLimits = { min: 3, max: 120 } as const;

function checkName(raw: string, limits: { min: number; max: number }): Checked<string> {
  const value = collapse(raw);
  if (value.length === 0) return { ok: false, reason: "invalid-empty" };
  if (value.length < limits.min) return { ok: false, reason: "invalid-too-short", params: { min: limits.min } };
  if (value.length > limits.max) return { ok: false, reason: "invalid-too-long", params: { max: limits.max, length: value.length } };
  if (!/\p{L}/u.test(value)) return { ok: false, reason: "invalid-no-letters" };
  if (value.startsWith("/")) return { ok: false, reason: "invalid-looks-like-command" };
  // A name is shown to others, where a messenger turns a link into something to tap.
  if (looksLikeLink(value)) return { ok: false, reason: "invalid-name-link" };
  return { ok: true, value };
}

/** Top-level domains a messenger turns into a link ("ban.vn", "x.com"); a name like "T.Hoa" is not one. */
const linkDomains = "com|net|org|info|biz|vn|io|me|co|xyz|app|dev|link|site|online|top|click|store|shop|ly|gl|to|gg|cc|tv|us|uk|ru|cn|tk|ml|ga|cf|gq|pw";
const domainPattern = new RegExp(`[\\p{L}\\d-]\\.(?:${linkDomains})\\b`, "iu");

/** "https://…", "www.…", "t.me/…", "@channel", "ban.vn": anything a messenger would make something to tap of. */
export function looksLikeLink(text: string): boolean {
  return /:\/\/|\bwww\.|\bt\.me\/|(^|\s)@[a-z0-9_]{4,}/i.test(text) || domainPattern.test(text);
}

export const checkPersonName = (raw: string) => {
  const checked = checkName(raw, personNameLimits);
  if (checked.ok && /\d/.test(checked.value)) return { ok: false, reason: "invalid-name-digits" } as const;
  return checked;
};
/** Messages say "{cell}" alone, so a name typed without its kind ("Khu phố 3") gets "Chi bộ " in front. */
export function checkCellName(raw: string): Checked<string> {
  const checked = checkName(raw, cellNameLimits);
  if (!checked.ok) return checked;
  if (/^(chi bo|to dang|dang bo)\b/.test(foldVietnamese(checked.value))) return checked;
  const prefixed = `Chi bộ ${checked.value}`;
  return prefixed.length > cellNameLimits.max ? { ok: false, reason: "invalid-too-long", params: { max: cellNameLimits.max - 7, length: checked.value.length } } : { ok: true, value: prefixed };
}
export const checkCommitteeName = (raw: string) => checkName(raw, cellNameLimits);

/** Vietnamese mobile and landline numbers, with or without +84; spaces, dots and dashes allowed. */
export function checkPhone(raw: string): Checked<string> {
  const trimmed = raw.trim();
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) return { ok: false, reason: "invalid-phone" };
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 12) return { ok: false, reason: "invalid-phone" };
  return { ok: true, value: trimmed.startsWith("+") ? `+${digits}` : digits };
}

// Crockford's base32 leaves out I, L, O and U so that a code read aloud or copied by hand survives.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const inviteCodeLength = 16; // 16 × 5 = 80 random bits

export function generateInviteCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += codeAlphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** "abcd-efgh ijkm-npqr" → "ABCDEFGHJKMNPQR…"; reads O as 0 and I/L as 1 as Crockford intends. Null if it cannot be a code. */
export function normalizeInviteCode(raw: string): string | null {
  const cleaned = raw
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== inviteCodeLength) return null;
  for (const ch of cleaned) if (!codeAlphabet.includes(ch)) return null;
  return cleaned;
}

/** "ABCD-EFGH-JKMN-PQRS": easier to read out and type. */
export const formatInviteCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/**
 * The month someone was admitted to the Party, typed «3/2026», «03-2026» or «3 năm 2026»; kept as
 * «2026-03» so that reading it back needs no clock. A month still to come is refused.
 */
export function checkAdmissionMonth(raw: string, now: Date): Checked<string> {
  const m = /(\d{1,2})\s*(?:[/.-]|\s+năm\s+|\s+)\s*(\d{4})/iu.exec(raw.trim());
  const month = Number(m?.[1]);
  const year = Number(m?.[2]);
  if (!m || month < 1 || month > 12 || year < 1930 || admissionMonthAt(`${year}-${month}`) > now) return { ok: false, reason: "report-profile-admitted-at-invalid" };
  return { ok: true, value: `${year}-${String(month).padStart(2, "0")}` };
}

/** «2026-03» (as `checkAdmissionMonth` keeps it) → the first day of that month, UTC. */
export function admissionMonthAt(value: string): Date {
  const [year, month] = value.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, 1));
}
