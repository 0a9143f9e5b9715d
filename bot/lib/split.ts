/**
 * Splits a long text into messages of at most `limit` characters (UTF-16 units, which is how
 * Telegram counts). Paragraph boundaries are preferred, then lines, then spaces; a word is cut only
 * when it is longer than the limit on its own, and then never inside a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError("limit must be an integer ≥ 2");
  const chunks = pack(text.split(/\n[ \t]*\n+/), "\n\n", limit, (p) => pack(p.split("\n"), "\n", limit, (l) => pack(l.split(/[ \t]+/), " ", limit, (w) => cutWord(w, limit))));
  return chunks.map((c) => c.trim()).filter((c) => c !== "");
}

/** Greedily joins pieces with `sep` while they fit; a piece too long on its own is broken by `finer`. */
function pack(pieces: string[], sep: string, limit: number, finer: (piece: string) => string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of pieces) {
    const piece = raw.trim() === "" ? "" : raw.replace(/\s+$/, "");
    if (piece === "") continue;
    const parts = piece.length > limit ? finer(piece) : [piece];
    for (const part of parts) {
      if (current === "") current = part;
      else if (current.length + sep.length + part.length <= limit) current += sep + part;
      else {
        out.push(current);
        current = part;
      }
    }
  }
  if (current !== "") out.push(current);
  return out;
}

function cutWord(word: string, limit: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const ch of Array.from(word)) {
    if (current.length + ch.length > limit) {
      out.push(current);
      current = "";
    }
    current += ch;
  }
  if (current !== "") out.push(current);
  return out;
}
