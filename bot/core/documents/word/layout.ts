/**
 * Every measure of the Word documents, in one place, so that a correction to the layout is one edit.
 *
 * Two kinds of value live here, and each says which it is:
 * - what Hướng dẫn 36-HD/VPTW (presentation of Party documents) requires, as our issue tracker
 *   states it: Times New Roman, body text 13–14 pt, A4 paper;
 * - what we chose because it is the customary layout seen on filled forms of Party cells. These are
 *   NOT verified against HD 36: change them freely when someone checks the text of the guideline.
 *
 * Units are those of WordprocessingML: twips (1/20 pt; 567 twips ≈ 1 cm) for lengths and
 * half-points for font sizes.
 */

/** HD 36: Times New Roman. */
export const FONT = "Times New Roman";

/** Set on every run, so that Word spell-checks Vietnamese instead of flagging every word as English. */
export const LANGUAGE = "vi-VN";

/** HD 36: body text 13–14 pt; we take 14 pt (28 half-points), the upper bound, for reading on paper. */
export const BODY_SIZE = 28;

/** HD 36: A4 paper, 210 × 297 mm, portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * Customary on filled forms (top and bottom 2 cm, left 3 cm for binding, right 1.5 cm); not verified
 * against HD 36.
 */
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 } as const;

/** The width text may take between the margins: the tables below are sized from it. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * The header block's left column (the committee and the cell) and right column (the Party's name,
 * the place and date). About 47/53, the customary split on filled forms, not verified against HD 36:
 * wide enough on the left for «ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH» on one line, and on the right for «Khu phố 3,
 * ngày 05 tháng 12 năm 2026» at 14 pt italic.
 */
export const HEADER_COLUMNS = [4400, TEXT_WIDTH - 4400] as const;

/** Customary sizes of the header lines (14 pt, the Party's name 15 pt); not verified against HD 36. */
export const HEADER_SIZE = {
  committee: 28,
  cell: 28,
  star: 28,
  partyName: 30,
  placeAndDate: 28,
} as const;

/** The Party's name on the right of the header, as printed on every Party document. */
export const PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM";

/** The star line under the cell's name in the header's left column. */
export const HEADER_STAR = "*";

/** Customary title 16 pt, subtitles at body size; not verified against HD 36. */
export const TITLE_SIZE = 32;
export const SUBTITLE_SIZE = BODY_SIZE;

/**
 * Customary spacing on filled forms (6 pt after a paragraph, line height 1.15); not verified
 * against HD 36. `line` is in 240ths of a line ("auto" rule).
 */
export const BODY_SPACING = { before: 0, after: 120, line: 276 } as const;

/**
 * The header block and the signature block are set without space between paragraphs, as on filled
 * forms, at 1.3 lines: below that, the stacked marks of upper-case Vietnamese («BỘ», «PHỐ») touch
 * the line above (seen at 1.0 and 1.15 in a LibreOffice rendering). Customary look, not verified
 * against HD 36.
 */
export const TIGHT_SPACING = { before: 0, after: 0, line: 312 } as const;

/** Room between the header block and the title, and before each section heading (customary, 12 pt). */
export const BLOCK_GAP = 240;

/** Customary first-line indent of 1 cm for body paragraphs; not verified against HD 36. */
export const FIRST_LINE_INDENT = 567;

/**
 * A list line of an answer («- …»): the dash sits where a body paragraph starts (1 cm), and the text,
 * wrapped lines included, starts 0.5 cm further, at a tab stop. Customary; not verified against HD 36.
 */
export const LIST_INDENT = { left: FIRST_LINE_INDENT + 284, hanging: 284 } as const;

/** The signature block takes the right half of the page, as on filled forms (customary). */
export const SIGNATURE_COLUMNS = [Math.floor(TEXT_WIDTH / 2), TEXT_WIDTH - Math.floor(TEXT_WIDTH / 2)] as const;

/** Word's default left and right padding inside a table cell (0.19 cm): text starts that far in. */
export const WORD_CELL_MARGIN = 108;

/** Empty lines left for the handwritten signature: about 2.5 cm at body size (customary). */
export const SIGNATURE_SPACE_LINES = 4;

/**
 * Minutes: recorder on the left, chair on the right, the customary order on filled minutes of cell
 * meetings; not verified against HD 36. Swap the two to change it.
 */
export const MINUTES_SIGNATURE_ORDER = ["recorder", "chair"] as const;

/** Dotted lines left under each section of the minutes to be written by hand (customary). */
export const MINUTES_BLANK_LINES = 5;

/** Dotted lines left for an agenda or a resolution the secretary has not entered. */
export const MINUTES_MISSING_TEXT_LINES = 3;
