/**
 * What the Excel renderers share: the file name, the sheet name, wall times for date cells, the
 * look of the title, header and table, and the bytes out.
 */
import type { Border, Borders, Cell, Fill, Workbook, Worksheet } from "exceljs";
import { utcToZonedWall } from "../../time/zoned.ts";
import { asciiSlug } from "../file-name.ts";
import { type DocumentFile, xlsxMime } from "../models.ts";

/**
 * «Điểm danh năm 2026» → "Diem-danh-nam-2026.xlsx". Messengers and mail clients mangle or refuse
 * non-ASCII attachment names, so the name is plain ASCII whatever the reader's language.
 */
export function xlsxFileName(name: string): string {
  // Some systems still cut names at 255 bytes; the extension must survive.
  const stem = asciiSlug(name.replace(/\.xlsx$/i, "")).slice(0, 120).replace(/-+$/, "");
  return `${stem || "bang"}.xlsx`;
}

/** Excel refuses a sheet name longer than 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const name = title
    .normalize("NFC")
    .replace(/[:\\/?*[\]]/g, " ")
    // Excel refuses a name that starts or ends with an apostrophe, and exceljs writes the name
    // unescaped between apostrophes in the print titles, which a straight one inside would break.
    .replace(/'/g, "’")
    .replace(/\s+/g, " ")
    .trim();
  if (name.length <= 31) return name || "Sheet1";
  const cut = name.slice(0, 32);
  // Cut between words where there is a space to cut at: «SỔ THEO DÕI … NĂM», not «… NĂ».
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : name.slice(0, 31)).trim();
}

/**
 * The wall time in `timeZone` as a Date whose UTC fields carry it: Excel dates have no zone, and
 * exceljs writes a Date by its UTC fields, so this is what the cell shows. Cut to the minute
 * because the cells show minutes: sorting and filtering then agree with what the reader sees.
 */
export function excelWallTime(instant: Date, timeZone: string): Date {
  const w = utcToZonedWall(instant, timeZone);
  return excelDate(w.year, w.month, w.day, w.hour, w.minute);
}

/** The calendar day in `timeZone` as a date-only Excel value (midnight, no fraction of a day). */
export function excelWallDate(instant: Date, timeZone: string): Date {
  const w = utcToZonedWall(instant, timeZone);
  return excelDate(w.year, w.month, w.day);
}

function excelDate(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  // Date.UTC would read years 0–99 as 1900–1999.
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute));
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

export const dateFormat = "dd/mm/yyyy";
export const dateTimeFormat = "dd/mm/yyyy hh:mm";

const thin: Partial<Border> = { style: "thin", color: { argb: "FF808080" } };
const allThin: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

/** The title on row 1, merged across the table so it centres over it when printed. */
export function addTitle(ws: Worksheet, title: string, columnCount: number): void {
  const cell = ws.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  if (columnCount > 1) ws.mergeCells(1, 1, 1, columnCount);
  ws.getRow(1).height = 30;
}

export function styleHeader(cell: Cell): void {
  cell.font = { bold: true };
  cell.fill = headerFill;
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

/** A thin border round every cell of rows `from`–`to`, columns 1–`columnCount`. */
export function borderTable(ws: Worksheet, from: number, to: number, columnCount: number): void {
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= columnCount; c++) ws.getCell(r, c).border = allThin;
  }
}

/**
 * Rows 1–`headerRows` stay in view while scrolling down and the number and name columns while
 * scrolling across; printed, they repeat on every page, on A4 landscape one page wide.
 */
export function freezeAndPrint(ws: Worksheet, headerRows: number): void {
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: headerRows }];
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${headerRows}` };
}

/** Characters of the longest text, clamped: a width in Excel's units (about one digit each). */
export function widthFor(texts: Iterable<string>, min: number, max: number): number {
  let longest = 0;
  // Counted by code point and per line: a wrapped line is as wide as its longest line.
  for (const t of texts) for (const line of t.split("\n")) longest = Math.max(longest, [...line].length);
  return Math.min(max, Math.max(min, longest + 2));
}

/** Column widths from column 1 on. */
export function setWidths(ws: Worksheet, widths: number[]): void {
  widths.forEach((width, i) => {
    // exceljs takes a width of exactly 9 for its default and leaves it out of the file, where
    // Excel's own default (8.43) then applies.
    ws.getColumn(i + 1).width = width === 9 ? 9.1 : width;
  });
}

export async function toDocumentFile(wb: Workbook, fileName: string): Promise<DocumentFile> {
  // exceljs types the result as an ArrayBuffer; at run time it is a Node Buffer, possibly a view on
  // a larger pooled one. A copy of its bytes is a Uint8Array that owns exactly the file.
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName: xlsxFileName(fileName), mimeType: xlsxMime, bytes: new Uint8Array(buffer) };
}
