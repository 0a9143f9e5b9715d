/**
 * The attendance workbook: a year of the cell's meetings, one row per member, one column per
 * meeting, then the member's totals.
 *
 * Under each meeting's heading a second header row holds the meeting's date as a real date cell
 * rather than a cell comment: it prints (comments do not, by default), it shows in phone viewers
 * that hide comments, it carries the year the short heading leaves out, and it sorts and filters
 * as a date.
 */
import ExcelJS from "exceljs";
import { defaultTimeZone } from "../../time/zoned.ts";
import type { AttendanceMark, AttendanceSheet, DocumentFile } from "../models.ts";
import { addTitle, borderTable, dateFormat, excelWallDate, freezeAndPrint, setWidths, sheetName, styleHeader, toDocumentFile, widthFor } from "./shared.ts";

type Labels = AttendanceSheet["labels"];

function markText(labels: Labels, entry: { mark: AttendanceMark; reason: string | null } | undefined): string | null {
  switch (entry?.mark) {
    case "present":
      return labels["present-mark"];
    case "absent":
      return labels["absent-mark"];
    case "excused": {
      const reason = entry.reason?.trim();
      return reason ? `${labels["excused-mark"]} (${reason})` : labels["excused-mark"];
    }
    default:
      return null;
  }
}

/**
 * `timeZone` is where each meeting's `date` is read as a calendar day; the sheet itself carries no
 * zone. A date-only value at UTC midnight reads as the same day in any zone east of UTC, the
 * cell's zone included by default.
 */
export async function renderAttendanceXlsx(sheet: AttendanceSheet, fileName: string, timeZone: string = defaultTimeZone): Promise<DocumentFile> {
  const { labels, meetings, rows } = sheet;
  const firstMeetingCol = 3;
  const firstTotalCol = firstMeetingCol + meetings.length;
  const columnCount = firstTotalCol + 3;
  // With no meeting there is no date to show under a heading, so no second header row.
  const headerRows = meetings.length > 0 ? 3 : 2;
  const firstDataRow = headerRows + 1;

  const wb = new ExcelJS.Workbook();
  wb.title = sheet.title;
  const ws = wb.addWorksheet(sheetName(sheet.title));
  addTitle(ws, sheet.title, columnCount);

  const fixedHeadings: [number, string][] = [
    [1, labels.number],
    [2, labels.name],
    [firstTotalCol, labels.present],
    [firstTotalCol + 1, labels.excused],
    [firstTotalCol + 2, labels.absent],
    [firstTotalCol + 3, labels.unexcusedMonths],
  ];
  for (const [col, text] of fixedHeadings) {
    ws.getCell(2, col).value = text;
    if (headerRows === 3) ws.mergeCells(2, col, 3, col);
  }
  meetings.forEach((meeting, i) => {
    ws.getCell(2, firstMeetingCol + i).value = meeting.heading;
    const date = ws.getCell(3, firstMeetingCol + i);
    date.value = excelWallDate(meeting.date, timeZone);
    date.numFmt = dateFormat;
  });
  for (let r = 2; r <= headerRows; r++) for (let c = 1; c <= columnCount; c++) styleHeader(ws.getCell(r, c));
  for (let c = firstMeetingCol; c < firstTotalCol; c++) ws.getCell(3, c).font = { italic: true };

  const markTexts = rows.map((row) => meetings.map((_, i) => markText(labels, row.marks[i])));
  rows.forEach((row, r) => {
    const texts = markTexts[r] ?? [];
    const shown = meetings.map((_, i) => row.marks[i]?.mark ?? null);
    // Numbers rather than COUNTIF formulas: exceljs stores no computed result for a formula, so
    // phone viewers and anything reading the file without recalculating would see nothing; and
    // an excused mark followed by its reason would need wildcard matching.
    const count = (mark: AttendanceMark) => shown.filter((m) => m === mark).length;
    ws.getRow(firstDataRow + r).values = [r + 1, row.name, ...texts, count("present"), count("excused"), count("absent"), row.unexcusedMonths];
  });
  borderTable(ws, 2, headerRows + rows.length, columnCount);

  const lastRow = headerRows + rows.length;
  const center = { horizontal: "center", vertical: "middle", wrapText: true } as const;
  for (let r = firstDataRow; r <= lastRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= columnCount; c++) row.getCell(c).alignment = c === 2 ? { vertical: "middle", wrapText: true } : center;
  }

  setWidths(ws, [
    widthFor([labels.number, String(rows.length)], 5, 8),
    widthFor([labels.name, ...rows.map((row) => row.name)], 22, 40),
    // 11 at least: narrower, Excel shows a dd/mm/yyyy date as ####. A long reason wraps.
    ...meetings.map((meeting, i) => widthFor([meeting.heading, ...markTexts.map((texts) => texts[i] ?? "")], 11, 16)),
    ...[labels.present, labels.excused, labels.absent, labels.unexcusedMonths].map((label) => widthFor([label], 9, 14)),
  ]);

  freezeAndPrint(ws, headerRows);
  return toDocumentFile(wb, fileName);
}
