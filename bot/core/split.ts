/**
 * Splits text into parts of at most `limit` characters for messengers that cap message length.
 * Cuts at a paragraph break if one fits, else at a line break, else at a space; a single word
 * longer than the limit is the only thing ever cut in the middle.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 1) throw new RangeError(`limit must be positive, got ${limit}`);
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > 0) ?? limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
