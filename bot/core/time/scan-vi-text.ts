/**
 * The first two steps of reading Vietnamese date/time text: normalizing it (case, diacritics,
 * spacing, the words that collide once diacritics are gone) and cutting it into known tokens.
 * The token vocabularies live with their readers (parse-vi-time.ts, parse-vi-datetime.ts,
 * monthly-rule.ts).
 */

// ---------------------------------------------------------------------------------------------
// Normalization

const stripMarks = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");

/**
 * Words that collide once diacritics are gone. "tối" (evening) and "tới" (coming) both become
 * "toi", so they are kept apart with markers: "toi" = tối, "toi^" = tới, "toi~" = typed without
 * diacritics (could be either). Other spellings of these skeletons ("tôi", "một") are not date
 * words and get a "#" so that nothing matches them.
 */
const collidingWords = new Map([
  ["tối", "toi"],
  ["tới", "toi^"],
  ["toi", "toi~"],
  ["mốt", "mot"],
  ["mot", "mot"],
]);

function rewriteWord(word: string): string {
  const known = collidingWords.get(word);
  if (known !== undefined) return known;
  const skeleton = stripMarks(word);
  return skeleton === "toi" || skeleton === "mot" ? `${skeleton}#` : word;
}

/** Lower case, no diacritics, single spaces; commas and a lone dash count as spaces. */
export function normalizeVi(text: string): string {
  const rewritten = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\p{L}\p{M}]+/gu, rewriteWord);
  return stripMarks(rewritten)
    .replace(/[,;]+/g, " ")
    .replace(/\s+-\s+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!?]+$/, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Scanning

export interface Lexeme<T> {
  re: RegExp;
  make: (m: RegExpExecArray) => T;
}

/** A token pattern; it must end at a space or the end, so "19h5/12" is not read as "19h5". */
export function lexeme<T>(pattern: string, make: (m: RegExpExecArray) => T): Lexeme<T> {
  return { re: new RegExp(`(?:${pattern})(?=\\s|$)`, "y"), make };
}

export type ScanResult<T> = { ok: true; tokens: T[] } | { ok: false; rest: string };

/** Cuts normalized text into tokens; the first lexeme that matches at a position wins. */
export function scanTokens<T>(text: string, lexemes: readonly Lexeme<T>[]): ScanResult<T> {
  const tokens: T[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] === " ") {
      pos += 1;
      continue;
    }
    const hit = matchAt(text, pos, lexemes);
    // The markers of normalizeVi mean nothing in a log line.
    if (!hit) return { ok: false, rest: (text.slice(pos).split(" ")[0] ?? "").replace(/[#~^]/g, "") };
    tokens.push(hit.token);
    pos = hit.end;
  }
  return { ok: true, tokens };
}

function matchAt<T>(text: string, pos: number, lexemes: readonly Lexeme<T>[]): { token: T; end: number } | undefined {
  for (const { re, make } of lexemes) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m) return { token: make(m), end: pos + m[0].length };
  }
  return undefined;
}

/** A regex capture as a number; undefined when the group did not match. */
export const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
