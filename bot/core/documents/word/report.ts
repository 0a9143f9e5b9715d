/**
 * A member's report as a Word file, laid out as the paper form it answers: the header block, the
 * title, the member's details, every section and answered question, the note, the signature.
 * Loaded lazily by its caller: docx is large and most turns never make a document.
 */
import type { FileChild } from "docx";
import { docxMime, type DocumentFile, type ReportDocument } from "../models.ts";
import { answerParagraphs, bodyParagraph, fieldLine, headerBlock, heading, line, pack, section, signatureBlock, signatureParagraphs, subtitle, title } from "./blocks.ts";
import { joinSections, readZipEntry } from "./combine.ts";
import { safeFileName } from "../file-name.ts";
import { BLOCK_GAP, SIGNATURE_COLUMNS } from "./layout.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function reportChildren(doc: ReportDocument): FileChild[] {
  const children: FileChild[] = [headerBlock(doc.header), title(doc.title), ...doc.subtitles.filter((s) => s.trim()).map((s) => subtitle(s))];
  // The room under the title block goes before the first field.
  children.push(...doc.fields.map(([label, value], i) => fieldLine(label, value, i === 0 ? BLOCK_GAP : undefined)));
  for (const s of doc.sections) {
    if (s.part?.trim()) children.push(heading(s.part));
    if (s.heading?.trim()) children.push(heading(s.heading));
    for (const item of s.items) {
      children.push(line(doc.numbered === false ? item.title : `${item.n}. ${item.title}`, { bold: true }, { keepNext: true, keepLines: true }));
      children.push(...answerParagraphs(item.answer, doc.labels.noAnswer));
    }
  }
  if (doc.note?.trim()) children.push(bodyParagraph(doc.note, { italics: true }));
  children.push(...signatureBlock(SIGNATURE_COLUMNS, [[], signatureParagraphs(doc.signature.role, doc.signature.name)]));
  return children;
}

/** «bao-cao-Nguyen-Van-An.docx»-like: the title in lower case, then the member's name as written. */
export function reportFileName(doc: ReportDocument): string {
  return safeFileName([doc.title.toLowerCase(), doc.signature.name], "docx");
}

export async function renderReportDocx(doc: ReportDocument): Promise<DocumentFile> {
  const bytes = await pack([section(reportChildren(doc))], { title: doc.title, creator: doc.signature.name });
  return { fileName: reportFileName(doc), mimeType: docxMime, bytes };
}

/**
 * Every report of a round in one file, for printing at once: each report is a section of its own,
 * so it starts on a new page with its own header block, and a report that grows never pushes the
 * next one's first page. Made report by report and joined (combine.ts), so memory stays that of
 * one report whatever the round's size. `fileName` is used as given: make it with safeFileName.
 */
export async function renderReportsDocx(docs: ReportDocument[], fileName: string): Promise<DocumentFile> {
  if (docs.length === 0) throw new RangeError("renderReportsDocx: no report to render");
  const meta = { title: docs[0]!.title, creator: docs[0]!.header.cell };
  const bodies: string[] = [];
  for (const d of docs) {
    const one = await pack([section(reportChildren(d))], meta);
    bodies.push(utf8.decode(readZipEntry(one, "word/document.xml")));
  }
  const bytes = await pack([section([])], meta, joinSections(bodies));
  return { fileName, mimeType: docxMime, bytes };
}
