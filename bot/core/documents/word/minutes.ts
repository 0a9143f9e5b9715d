/**
 * The draft minutes (biên bản) of a meeting as a Word file: what the bot knows printed, and dotted
 * lines where the recorder writes the rest by hand during the meeting. Loaded lazily by its caller.
 */
import type { FileChild, Paragraph } from "docx";
import { docxMime, type DocumentFile, type MinutesDocument } from "../models.ts";
import { answerParagraphs, bodyParagraph, centred, dottedLine, fieldLine, headerBlock, heading, line, pack, section, signatureBlock, signatureParagraphs, subtitle, title } from "./blocks.ts";
import { safeFileName } from "../file-name.ts";
import { BLOCK_GAP, FIRST_LINE_INDENT, MINUTES_BLANK_LINES, MINUTES_MISSING_TEXT_LINES, MINUTES_SIGNATURE_ORDER, SIGNATURE_COLUMNS } from "./layout.ts";

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function dottedLines(n: number): Paragraph[] {
  return Array.from({ length: n }, () => dottedLine());
}

/**
 * «Có mặt: 3» then the names, or «Có mặt: Không có» (the nobody label) when the group is empty.
 * Entries are joined by `separator`.
 */
function group(label: string, entries: string[], nobody: string, separator = ", "): Paragraph[] {
  const indent = { firstLine: FIRST_LINE_INDENT };
  if (entries.length === 0) return [line(`${label}: ${nobody}`, {}, { indent })];
  return [line(`${label}: ${entries.length}`, {}, { indent, keepNext: true }), line(entries.join(separator), {}, { indent: { left: FIRST_LINE_INDENT } })];
}

/**
 * The attendance: how many were invited (on the part's heading line: the model has no label of its
 * own for it), then present, excused with their reasons and absent without reason, each with its
 * count and names.
 */
function attendance(doc: MinutesDocument): Paragraph[] {
  const { attendance: a, labels } = doc;
  const excused = a.excused.map((e) => (e.reason?.trim() ? `${e.name} (${oneLine(e.reason)})` : e.name));
  return [
    heading(`${labels.attendance}: ${a.invited}`),
    ...group(labels.present, a.present, labels.nobody),
    // Reasons may hold commas of their own: a semicolon keeps one person's entry apart from the next.
    ...group(labels.excused, excused, labels.nobody, "; "),
    ...group(labels.absent, a.absent, labels.nobody),
  ];
}

/** A text the secretary entered, or dotted lines to write it by hand when there is none. */
function textOrBlank(text: string | null): Paragraph[] {
  // Never empty here, so the no-answer wording is never printed.
  return text?.trim() ? answerParagraphs(text, "") : dottedLines(MINUTES_MISSING_TEXT_LINES);
}

function minutesChildren(doc: MinutesDocument): FileChild[] {
  const { labels } = doc;
  const children: FileChild[] = [headerBlock(doc.header), title(doc.title)];
  if (doc.subtitle.trim()) children.push(subtitle(doc.subtitle, { bold: true }));
  children.push(...doc.facts.map(([label, value], i) => fieldLine(label, value, i === 0 ? BLOCK_GAP : undefined)));
  children.push(...attendance(doc));

  children.push(heading(labels.agenda), ...textOrBlank(doc.agenda));

  children.push(heading(labels.documents));
  if (doc.documentsSent.length === 0) children.push(bodyParagraph(labels.nobody));
  // Set as list lines of an answer, so a long name wraps under itself; a line break inside a name
  // would cut its entry in two.
  else children.push(...answerParagraphs(doc.documentsSent.map((d) => `- ${oneLine(d.name)}${d.sentAt?.trim() ? ` (${oneLine(d.sentAt)})` : ""}`).join("\n"), labels.nobody));

  children.push(heading(labels.resolution), ...textOrBlank(doc.resolution));

  for (const h of doc.blankSections) {
    children.push(heading(h), centred(labels.blank, { italics: true }, { keepNext: true }), ...dottedLines(MINUTES_BLANK_LINES));
  }

  const columns = MINUTES_SIGNATURE_ORDER.map((who) => signatureParagraphs(labels[who], doc.signatures[who]));
  children.push(...signatureBlock(SIGNATURE_COLUMNS, columns));
  return children;
}

/** «bien-ban-Sinh-hoat-chi-bo-dinh-ky-thang-12-2026.docx»: the title in lower case, then the subtitle. */
export function minutesFileName(doc: MinutesDocument): string {
  return safeFileName([doc.title.toLowerCase(), doc.subtitle], "docx");
}

export async function renderMinutesDocx(doc: MinutesDocument): Promise<DocumentFile> {
  const bytes = await pack([section(minutesChildren(doc))], { title: `${doc.title} ${doc.subtitle}`.trim(), creator: doc.header.cell });
  return { fileName: minutesFileName(doc), mimeType: docxMime, bytes };
}
