/**
 * The pieces both Word documents are built of: the header block, lines of text, answers, blanks to
 * fill by hand, the signature block, and the packing of sections into a .docx file.
 */
import {
  AlignmentType,
  Document,
  LeaderType,
  Packer,
  Paragraph,
  SectionType,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from "docx";
import type { DocumentHeader } from "../models.ts";
import {
  BLOCK_GAP,
  BODY_SIZE,
  BODY_SPACING,
  FIRST_LINE_INDENT,
  FONT,
  HEADER_COLUMNS,
  HEADER_SIZE,
  HEADER_STAR,
  LANGUAGE,
  LIST_INDENT,
  MARGIN,
  PAGE,
  PARTY_NAME,
  SIGNATURE_COLUMNS,
  SIGNATURE_SPACE_LINES,
  SUBTITLE_SIZE,
  TEXT_WIDTH,
  TIGHT_SPACING,
  TITLE_SIZE,
  WORD_CELL_MARGIN,
} from "./layout.ts";

/** Run formatting the renderers ask for; the font, size and language come from the document's defaults. */
export type RunStyle = Pick<IRunOptions, "bold" | "italics" | "underline" | "size">;

/** Characters XML 1.0 forbids: one of them in document.xml and Word refuses to open the file at all. */
// eslint-disable-next-line no-control-regex -- matching these control characters is the point
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as typed in a chat, made safe for a Word file: line breaks of every platform become "\n"
 * (Word's own line break, \v, comes with text pasted from Word), tabs become spaces, characters XML
 * forbids are dropped, and Vietnamese is composed (NFC): text typed with combining marks shows its
 * accents misplaced in Word.
 */
export function cleanText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching these control characters is the point
    .replace(/\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(FORBIDDEN_IN_XML, "")
    .normalize("NFC");
}

/** Upper case as printed on the forms; Vietnamese has no locale-specific casing, so no locale is passed. */
export function upper(text: string): string {
  return text.toUpperCase();
}

/** Runs for a text that may hold "\n": each line after the first starts with a line break. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return cleanText(text)
    .split("\n")
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

type ParagraphOptions = Omit<IParagraphOptions, "text" | "children">;

export function line(text: string, style: RunStyle = {}, options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...options, children: runs(text, style) });
}

export function centred(text: string, style: RunStyle = {}, options: ParagraphOptions = {}): Paragraph {
  return line(text, style, { alignment: AlignmentType.CENTER, ...options });
}

/** A paragraph of body text: justified with a first-line indent, as body text is on the forms. */
export function bodyParagraph(text: string, style: RunStyle = {}): Paragraph {
  return line(text, style, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT } });
}

/** A heading inside the body; kept on the page of what follows it, so it never ends a page alone. */
export function heading(text: string, options: ParagraphOptions = {}): Paragraph {
  return line(text, { bold: true }, { keepNext: true, keepLines: true, spacing: { before: BLOCK_GAP }, ...options });
}

/**
 * An answer as the member wrote it: a paragraph per line, blank lines dropped (paragraph spacing
 * separates them), and lines starting with "- " set as a list: the dash, a tab, then the text, so
 * that wrapped lines align under the text rather than under the dash. An empty answer prints
 * `noAnswer` in italic, so the reader sees it was left empty rather than lost.
 */
export function answerParagraphs(answer: string, noAnswer: string): Paragraph[] {
  const lines = cleanText(answer)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [bodyParagraph(noAnswer, { italics: true })];
  return lines.map((l) => {
    if (!l.startsWith("- ")) return bodyParagraph(l);
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { left: LIST_INDENT.left, hanging: LIST_INDENT.hanging },
      tabStops: [{ type: TabStopType.LEFT, position: LIST_INDENT.left }],
      children: [new TextRun({ text: "-" }), new TextRun({ children: [new Tab(), l.slice(2).trimStart()] })],
    });
  });
}

/**
 * A line to write on by hand: a tab to the right margin with a dot leader. Dots drawn by Word fill
 * exactly the rest of the line, whatever the label's width and whatever font the reader's machine
 * substitutes; typed «……» would wrap or stop short.
 */
function dottedTab(): TextRun {
  return new TextRun({ children: [new Tab()] });
}

const dotLeader = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }];

export function dottedLine(): Paragraph {
  return new Paragraph({ tabStops: dotLeader, children: [dottedTab()] });
}

/** «Label: value»; an empty value leaves a dotted line to fill by hand. */
export function fieldLine(label: string, value: string, spaceBefore?: number): Paragraph {
  const filled = cleanText(value).trim() !== "";
  return new Paragraph({
    indent: { firstLine: FIRST_LINE_INDENT },
    ...(spaceBefore === undefined ? {} : { spacing: { before: spaceBefore } }),
    ...(filled ? {} : { tabStops: dotLeader }),
    children: [...runs(`${label}: `), ...(filled ? runs(value) : [dottedTab()])],
  });
}

/** The title, centred, bold and in upper case, with room above it under the header block. */
export function title(text: string): Paragraph {
  return centred(upper(text), { bold: true, size: TITLE_SIZE }, { spacing: { ...TIGHT_SPACING, before: BLOCK_GAP }, keepNext: true });
}

/**
 * A line under the title. A line in parentheses is a qualifier («(Đảng viên không làm việc …)») and is
 * set in italic; any other («Năm 2026») in bold, as the title's continuation, as on filled forms.
 */
export function subtitle(text: string, style?: RunStyle): Paragraph {
  const t = text.trim();
  const inParentheses = t.startsWith("(") && t.endsWith(")");
  return centred(t, style ?? { size: SUBTITLE_SIZE, ...(inParentheses ? { italics: true } : { bold: true }) }, { spacing: TIGHT_SPACING, keepNext: true });
}

function tightCentred(text: string, style: RunStyle): Paragraph {
  return centred(text, style, { spacing: TIGHT_SPACING });
}

/** Cells of the layout tables: fixed widths (Word and LibreOffice both honour them) and no borders. */
function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children: children.length ? children : [new Paragraph({})] });
}

function layoutTable(widths: readonly number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // A header or a signature split across two pages reads as two half-documents.
    rows: [new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(widths[i] ?? 0, c)) })],
  });
}

/**
 * The header block: the committee and the cell on the left over a star, the Party's name and the
 * place and date on the right. A borderless table, as on the forms, keeps the two sides level
 * whatever their lengths.
 */
export function headerBlock(header: DocumentHeader): Table {
  const left: Paragraph[] = [];
  if (header.committee?.trim()) left.push(tightCentred(upper(header.committee), { size: HEADER_SIZE.committee }));
  left.push(tightCentred(upper(header.cell), { bold: true, size: HEADER_SIZE.cell }));
  left.push(tightCentred(HEADER_STAR, { size: HEADER_SIZE.star }));
  const right = [
    tightCentred(PARTY_NAME, { bold: true, underline: { type: UnderlineType.SINGLE }, size: HEADER_SIZE.partyName }),
    // A line of room between the Party's name and the date, as on the forms.
    centred(header.placeAndDate, { italics: true, size: HEADER_SIZE.placeAndDate }, { spacing: { ...TIGHT_SPACING, before: 120 } }),
  ];
  return layoutTable(HEADER_COLUMNS, [left, right]);
}

/**
 * One signature, for a column of SIGNATURE_COLUMNS: role in bold upper case, room to sign, then the
 * name in bold, or a dotted line to write it on.
 */
export function signatureParagraphs(role: string, name: string | null): Paragraph[] {
  const room = Array.from({ length: SIGNATURE_SPACE_LINES }, () => new Paragraph({ spacing: TIGHT_SPACING, children: [] }));
  // Tab positions count from the cell's text edge, not from the indent: the line ends as far from
  // the right as it starts from the left, so it sits centred like a name would.
  const inner = SIGNATURE_COLUMNS[0] - 2 * WORD_CELL_MARGIN;
  const nameLine = name?.trim()
    ? tightCentred(name, { bold: true })
    : new Paragraph({ spacing: TIGHT_SPACING, indent: { left: FIRST_LINE_INDENT }, tabStops: [{ type: TabStopType.RIGHT, position: inner - FIRST_LINE_INDENT, leader: LeaderType.DOT }], children: [dottedTab()] });
  return [tightCentred(upper(role), { bold: true }), ...room, nameLine];
}

/** Signatures side by side (an empty column leaves its half of the page blank). */
export function signatureBlock(widths: readonly number[], columns: Paragraph[][]): FileChild[] {
  return [new Paragraph({ spacing: { before: BLOCK_GAP, after: 0 }, keepNext: true, children: [] }), layoutTable(widths, columns)];
}

/** Each part starts on a new page, on A4 with the margins of layout.ts. */
export function section(children: FileChild[]): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN } },
    },
    children,
  };
}

/**
 * The .docx bytes. Times New Roman, the body size and Vietnamese are the document's defaults (in
 * styles.xml), so every paragraph, table cell and list carries them, and a reader who edits the
 * file types in the same font. `documentXml`, when given, is the body instead of `sections`'.
 */
export async function pack(sections: ISectionOptions[], meta: { title: string; creator: string }, documentXml?: string): Promise<Uint8Array> {
  const document = new Document({
    title: cleanText(meta.title),
    creator: cleanText(meta.creator),
    lastModifiedBy: cleanText(meta.creator),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, sizeComplexScript: BODY_SIZE, language: { value: LANGUAGE } },
          paragraph: { spacing: { ...BODY_SPACING } },
        },
      },
    },
    sections,
  });
  // docx takes a part given in full in place of its own: how combine.ts's joined body gets in.
  const buffer = await Packer.toBuffer(document, false, documentXml === undefined ? [] : [{ path: "word/document.xml", data: documentXml }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
