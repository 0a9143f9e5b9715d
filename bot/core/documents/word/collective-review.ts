/**
 * The cell's year-end review draft (Mẫu 01 headings) as a Word file: the counts, then under each
 * heading the members' own words with their names, then the self-score table, and dotted lines
 * where the secretary writes the cell's own text. Loaded lazily by its caller.
 */
import { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild } from "docx";
import { docxMime, type CollectiveReviewDocument, type DocumentFile } from "../models.ts";
import { safeFileName } from "../file-name.ts";
import { answerParagraphs, bodyParagraph, dottedLine, headerBlock, heading, line, pack, runs, section, signatureBlock, signatureParagraphs, subtitle, title } from "./blocks.ts";
import { FIRST_LINE_INDENT, MINUTES_MISSING_TEXT_LINES, SIGNATURE_COLUMNS, TEXT_WIDTH } from "./layout.ts";

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders, children: [new Paragraph({ children: runs(text, { bold }) })] });
}

function scoreTable(s: NonNullable<CollectiveReviewDocument["scores"]>): Table {
  const columns = 3 + s.labels.groups.length;
  const name = Math.floor(TEXT_WIDTH * 0.34);
  const other = Math.floor((TEXT_WIDTH - name) / (columns - 1));
  const widths = [name, ...Array.from({ length: columns - 1 }, () => other)];
  const rowOf = (r: { name: string; groups: string[]; total: string; proposed: string }, bold = false) =>
    new TableRow({ children: [r.name, ...r.groups, r.total, r.proposed].map((text, i) => cell(text, widths[i]!, bold)) });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [rowOf(s.labels, true), ...s.rows.map((r) => rowOf(r))] });
}

function children(doc: CollectiveReviewDocument): FileChild[] {
  const out: FileChild[] = [headerBlock(doc.header), title(doc.title)];
  if (doc.subtitle.trim()) out.push(subtitle(doc.subtitle, { bold: true }));
  out.push(bodyParagraph(doc.note, { italics: true }));
  out.push(...doc.facts.map((f) => line(f, {}, { indent: { firstLine: FIRST_LINE_INDENT } })));
  for (const part of doc.parts) {
    out.push(heading(part.heading));
    for (const s of part.sections) {
      out.push(heading(s.heading));
      out.push(...s.lines.map((l) => line(l, {}, { indent: { firstLine: FIRST_LINE_INDENT } })));
      for (const q of s.quotes) {
        out.push(line(`${q.name}:`, { italics: true }, { keepNext: true }));
        out.push(...answerParagraphs(q.text, doc.labels.nothing));
      }
      // Where the cell's own words go: the secretary writes them after reading what is above.
      if (s.blank) out.push(...Array.from({ length: MINUTES_MISSING_TEXT_LINES }, () => dottedLine()));
    }
  }
  if (doc.scores && doc.scores.rows.length > 0) out.push(scoreTable(doc.scores));
  out.push(...signatureBlock(SIGNATURE_COLUMNS, [[], signatureParagraphs(doc.signature.role, doc.signature.name)]));
  return out;
}

export async function renderCollectiveReviewDocx(doc: CollectiveReviewDocument): Promise<DocumentFile> {
  const bytes = await pack([section(children(doc))], { title: doc.title, creator: doc.header.cell });
  return { fileName: safeFileName([doc.title.toLowerCase(), doc.header.cell], "docx"), mimeType: docxMime, bytes };
}
