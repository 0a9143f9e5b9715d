/**
 * File names every messenger, mail client and file system takes as they are: ASCII letters, digits
 * and hyphens. Vietnamese is kept readable by dropping its diacritics («Nguyễn Văn Ân» →
 * «Nguyen-Van-An») rather than the letters, since a name full of "%E1%BB%85" or "_" helps nobody
 * find the file later.
 */

/** Above this, the name is cut at a hyphen: some clients shorten long names in the middle. */
const MAX_STEM = 100;

/**
 * «Nguyễn Văn Ân» → «Nguyen-Van-An». Case is kept; every run of other characters (spaces,
 * punctuation, «/» of «12/2026») becomes one hyphen, so words never run together.
 */
export function asciiSlug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      // đ and Đ are letters with a stroke, not a base letter with a combining mark: NFD keeps them.
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

/**
 * The slugs of `parts` joined by hyphens, plus the extension: `safeFileName(["bao cao", "Nguyễn
 * Văn Ân"], "docx")` → `bao-cao-Nguyen-Van-An.docx`. Empty parts are skipped; when nothing is left,
 * `fallback` is the name, so a file is never called ".docx".
 */
export function safeFileName(parts: readonly string[], extension: string, fallback = "document"): string {
  let stem = parts.map(asciiSlug).filter(Boolean).join("-");
  if (stem.length > MAX_STEM) {
    const cut = stem.lastIndexOf("-", MAX_STEM);
    stem = stem.slice(0, cut > 0 ? cut : MAX_STEM);
  }
  return `${stem || asciiSlug(fallback) || "document"}.${extension}`;
}
