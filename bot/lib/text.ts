/**
 * "Thứ Năm cuối tháng" → "thu nam cuoi thang": lower case, no diacritics, đ → d, punctuation as
 * spaces. Used wherever typed text is matched, since many users type without diacritics.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Invisible characters that change how text is shown without being seen: bidi overrides and
 * isolates (U+202E makes "gpj.exe" read backwards), zero-width spaces and joiners (which let a
 * one-letter name pass a two-letter minimum), the BOM, the soft hyphen.
 */
const invisible = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** C0 and C1 control characters, except the line break and the tab. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text as people typed it, made safe to show to others: composed (NFC, so "ệ" is one character
 * whether typed in one keystroke or several), line ends as "\n", tabs as spaces, and no control,
 * bidi or zero-width characters. Length checks then count what is really there.
 */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(controls, "").replace(invisible, "");
}
