/**
 * The roll-up as a workbook: one sheet of cells (meetings, attendance, absences, what to nudge),
 * one of report rounds per cell (statuses counted). Built with the shared Excel helpers, so it
 * prints and reads like the attendance and round sheets.
 */
import ExcelJS from "exceljs";
import { addTitle, borderTable, dateTimeFormat, freezeAndPrint, setWidths, sheetName, styleHeader, toDocumentFile, widthFor } from "../../../documents/excel/shared.ts";
import type { DocumentFile } from "../../../documents/models.ts";

/** A value of a table cell; dates are already the wall time to show (see excelWallTime). */
export type TableValue = string | number | Date | null;

export interface RollupTable {
  /** The title over the table (row 1) and the tab's name. */
  title: string;
  tab: string;
  headings: string[];
  rows: TableValue[][];
}

const headerRow = 2;

function addTable(wb: ExcelJS.Workbook, table: RollupTable): void {
  const ws = wb.addWorksheet(sheetName(table.tab));
  const columns = table.headings.length;
  addTitle(ws, table.title, columns);
  ws.getRow(headerRow).values = table.headings;
  for (let c = 1; c <= columns; c++) styleHeader(ws.getCell(headerRow, c));
  table.rows.forEach((values, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    r.values = values;
    values.forEach((v, c) => {
      const cell = r.getCell(c + 1);
      cell.alignment = typeof v === "string" ? { vertical: "middle", wrapText: true } : { horizontal: "center", vertical: "middle" };
      if (v instanceof Date) cell.numFmt = dateTimeFormat;
    });
  });
  borderTable(ws, headerRow, headerRow + table.rows.length, columns);
  const text = (v: TableValue) => (v instanceof Date ? "00/00/0000 00:00" : v === null ? "" : String(v));
  // Dates need 17 at least, or Excel shows ####; long texts (the findings) wrap at 40.
  setWidths(ws, table.headings.map((h, c) => widthFor([h, ...table.rows.map((r) => text(r[c] ?? null))], table.rows.some((r) => r[c] instanceof Date) ? 17 : 6, 40)));
  freezeAndPrint(ws, headerRow);
}

export async function renderRollupXlsx(title: string, tables: RollupTable[], fileName: string): Promise<DocumentFile> {
  const wb = new ExcelJS.Workbook();
  wb.title = title;
  for (const table of tables) addTable(wb, table);
  return toDocumentFile(wb, fileName);
}
