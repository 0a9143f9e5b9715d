/** The status workbook of a report round: one row per member who must answer. */
import ExcelJS from "exceljs";
import type { DocumentFile, RoundStatusSheet } from "../models.ts";
import { addTitle, borderTable, dateTimeFormat, excelWallTime, freezeAndPrint, setWidths, sheetName, styleHeader, toDocumentFile, widthFor } from "./shared.ts";

const columnCount = 7;
const headerRow = 2;

export async function renderRoundStatusXlsx(sheet: RoundStatusSheet, fileName: string): Promise<DocumentFile> {
  const { labels, rows, timeZone } = sheet;
  const wb = new ExcelJS.Workbook();
  wb.title = sheet.title;
  const ws = wb.addWorksheet(sheetName(sheet.title));
  addTitle(ws, sheet.title, columnCount);

  const headings = [labels.number, labels.name, labels.status, labels.submittedAt, labels.versions, labels.decidedBy, labels.decidedAt];
  ws.getRow(headerRow).values = headings;
  for (let c = 1; c <= columnCount; c++) styleHeader(ws.getCell(headerRow, c));

  const wall = (d: Date | null) => (d ? excelWallTime(d, timeZone) : null);
  rows.forEach((row, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    r.values = [i + 1, row.name, row.status, wall(row.submittedAt), row.versions, row.decidedBy, wall(row.decidedAt)];
    for (let c = 1; c <= columnCount; c++) {
      const cell = r.getCell(c);
      const text = c === 2 || c === 3 || c === 6;
      cell.alignment = text ? { vertical: "middle", wrapText: true } : { horizontal: "center", vertical: "middle" };
    }
    // The format goes on empty date cells too, so a date typed in by hand later shows the same way.
    r.getCell(4).numFmt = dateTimeFormat;
    r.getCell(7).numFmt = dateTimeFormat;
  });
  borderTable(ws, headerRow, headerRow + rows.length, columnCount);

  // 17 at least: narrower, Excel shows a dd/mm/yyyy hh:mm date as ####.
  setWidths(ws, [
    widthFor([labels.number, String(rows.length)], 5, 8),
    widthFor([labels.name, ...rows.map((row) => row.name)], 22, 40),
    widthFor([labels.status, ...rows.map((row) => row.status)], 12, 30),
    widthFor([labels.submittedAt], 17, 20),
    widthFor([labels.versions], 8, 12),
    widthFor([labels.decidedBy, ...rows.map((row) => row.decidedBy ?? "")], 16, 40),
    widthFor([labels.decidedAt], 17, 20),
  ]);

  freezeAndPrint(ws, headerRow);
  return toDocumentFile(wb, fileName);
}
