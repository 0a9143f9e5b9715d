import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderAttendanceXlsx } from "../../../bot/core/documents/excel/attendance.ts";
import { renderRoundStatusXlsx } from "../../../bot/core/documents/excel/round-status.ts";
import { sheetName, xlsxFileName } from "../../../bot/core/documents/excel/shared.ts";
import { type AttendanceSheet, type DocumentFile, type RoundStatusSheet, xlsxMime } from "../../../bot/core/documents/models.ts";

/** The file as Excel would open it: the workbook read back from the bytes alone. */
async function readBack(file: DocumentFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  // A fresh copy: its ArrayBuffer holds exactly the file, whatever view the renderer returned.
  await wb.xlsx.load(new Uint8Array(file.bytes).buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

function rowValues(ws: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, i) => ws.getCell(row, i + 1).value);
}

const attendanceLabels: AttendanceSheet["labels"] = {
  number: "STT",
  name: "Họ và tên",
  present: "Có mặt",
  excused: "Vắng có lý do",
  absent: "Vắng không lý do",
  unexcusedMonths: "Số tháng vắng không lý do",
  "present-mark": "x",
  "excused-mark": "P",
  "absent-mark": "V",
};

const attendance: AttendanceSheet = {
  title: "SỔ THEO DÕI SINH HOẠT CHI BỘ KHU PHỐ 3 NĂM 2026",
  labels: attendanceLabels,
  meetings: [
    { heading: "T1 05/01", date: new Date("2026-01-05T12:30:00Z") },
    { heading: "T2 02/02", date: new Date("2026-02-02T12:30:00Z") },
    // 06:30 on 02/03 in Hà Nội, still 01/03 in UTC: the sheet must show the cell's day.
    { heading: "T3 02/03", date: new Date("2026-03-01T23:30:00Z") },
  ],
  rows: [
    {
      name: "Nguyễn Văn Ân",
      marks: [
        { mark: "present", reason: null },
        { mark: "present", reason: null },
        { mark: "present", reason: null },
      ],
      unexcusedMonths: 0,
    },
    {
      name: "Trần Thị Bích Đào",
      marks: [
        { mark: "excused", reason: "ốm đau" },
        { mark: "present", reason: null },
        { mark: "absent", reason: null },
      ],
      unexcusedMonths: 1,
    },
    {
      name: "Lê Hoàng Đức",
      marks: [
        { mark: "absent", reason: null },
        { mark: "excused", reason: null },
        { mark: "absent", reason: null },
      ],
      unexcusedMonths: 2,
    },
    {
      // Joined in March: no mark before.
      name: "Phạm Thị Ngọc Ánh",
      marks: [
        { mark: null, reason: null },
        { mark: null, reason: null },
        { mark: "excused", reason: "đi công tác Đà Nẵng" },
      ],
      unexcusedMonths: 0,
    },
  ],
};

const expectedMarks = [
  ["x", "x", "x"],
  ["P (ốm đau)", "x", "V"],
  ["V", "P", "V"],
  [null, null, "P (đi công tác Đà Nẵng)"],
];

describe("the attendance workbook", () => {
  it("is an xlsx file with a safe ASCII name", async () => {
    const file = await renderAttendanceXlsx(attendance, "Điểm danh năm 2026");
    expect(file.fileName).toBe("Diem-danh-nam-2026.xlsx");
    expect(file.mimeType).toBe(xlsxMime);
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    // A zip archive, as every xlsx is.
    expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("has the title merged across the table, then the headings and each meeting's date", async () => {
    const ws = await readBack(await renderAttendanceXlsx(attendance, "diem-danh"));
    const columns = 2 + 3 + 4;
    expect(ws.getCell(1, 1).value).toBe(attendance.title);
    expect(ws.getCell(1, 1).font.bold).toBe(true);
    expect(ws.getCell(1, columns).master.address).toBe("A1");
    expect(rowValues(ws, 2, columns)).toEqual(["STT", "Họ và tên", "T1 05/01", "T2 02/02", "T3 02/03", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Số tháng vắng không lý do"]);
    // The fixed headings span both header rows.
    expect(ws.getCell(3, 2).master.address).toBe("B2");
    expect(ws.getCell(3, columns).master.address).toBe(ws.getCell(2, columns).address);
    const dates = [3, 4, 5].map((c) => ws.getCell(3, c));
    for (const cell of dates) {
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe("dd/mm/yyyy");
    }
    expect(dates.map((cell) => (cell.value as Date).toISOString())).toEqual(["2026-01-05T00:00:00.000Z", "2026-02-02T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]);
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(2, c);
      expect(cell.font.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    }
  });

  it("reads each meeting's day in the zone it is given", async () => {
    const ws = await readBack(await renderAttendanceXlsx(attendance, "diem-danh", "UTC"));
    expect((ws.getCell(3, 5).value as Date).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("has every member in order, the marks with the reasons, and totals that count the marks", async () => {
    const ws = await readBack(await renderAttendanceXlsx(attendance, "diem-danh"));
    const first = 4;
    attendance.rows.forEach((row, i) => {
      const values = rowValues(ws, first + i, 9);
      const marks = expectedMarks[i]!;
      const count = (text: string) => marks.filter((m) => m !== null && (m === text || m.startsWith(`${text} (`))).length;
      expect(values).toEqual([i + 1, row.name, ...marks, count("x"), count("P"), count("V"), row.unexcusedMonths]);
      for (const c of [1, 6, 7, 8, 9]) expect(typeof ws.getCell(first + i, c).value).toBe("number");
    });
    expect(rowValues(ws, first + attendance.rows.length, 9).every((v) => v === null)).toBe(true);
    // Counted from the marks, not copied: Đào was present once, excused once, absent once.
    expect(rowValues(ws, first + 1, 9).slice(5)).toEqual([1, 1, 1, 1]);
  });

  it("keeps the Vietnamese text as typed", async () => {
    const ws = await readBack(await renderAttendanceXlsx(attendance, "diem-danh"));
    expect(ws.getCell(5, 2).value).toBe("Trần Thị Bích Đào");
    expect(ws.getCell(7, 5).value).toBe("P (đi công tác Đà Nẵng)");
    expect(ws.name).toBe("SỔ THEO DÕI SINH HOẠT CHI BỘ");
  });

  it("freezes the header rows and the names, and borders the table", async () => {
    const ws = await readBack(await renderAttendanceXlsx(attendance, "diem-danh"));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 2 });
    expect(ws.pageSetup.printTitlesRow).toBe("1:3");
    for (const [r, c] of [
      [2, 1],
      [3, 4],
      [4, 2],
      [7, 9],
    ] as const) {
      const border = ws.getCell(r, c).border;
      for (const side of ["top", "left", "bottom", "right"] as const) expect(border[side]?.style).toBe("thin");
    }
    expect(ws.getCell(8, 1).border).toBeUndefined();
  });

  it("sets the widths: the name column wide, the mark columns narrow", async () => {
    const ws = await readBack(await renderAttendanceXlsx(attendance, "diem-danh"));
    const widths = Array.from({ length: 9 }, (_, i) => ws.getColumn(i + 1).width);
    for (const w of widths) expect(w).toBeGreaterThan(0);
    const [number, name, ...rest] = widths as number[];
    const marks = rest.slice(0, 3);
    expect(name).toBeGreaterThanOrEqual(22);
    for (const w of marks) {
      // Wide enough for a dd/mm/yyyy date (narrower shows ####), narrower than the names.
      expect(w).toBeGreaterThanOrEqual(11);
      expect(w).toBeLessThan(name!);
    }
    expect(number).toBeLessThan(marks[0]!);
  });

  it("renders a sheet with no meeting and no member, with one header row", async () => {
    const ws = await readBack(await renderAttendanceXlsx({ ...attendance, meetings: [], rows: [] }, "trong"));
    expect(rowValues(ws, 2, 6)).toEqual(["STT", "Họ và tên", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Số tháng vắng không lý do"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell(3, 1).value).toBeNull();
  });

  it("leaves a meeting without a mark empty and counts only the marks it shows", async () => {
    const sheet: AttendanceSheet = {
      ...attendance,
      rows: [{ name: "Võ Thị Sáu", marks: [{ mark: "present", reason: null }], unexcusedMonths: 0 }],
    };
    const ws = await readBack(await renderAttendanceXlsx(sheet, "x"));
    expect(rowValues(ws, 4, 9)).toEqual([1, "Võ Thị Sáu", "x", null, null, 1, 0, 0, 0]);
  });

  it("stores text that looks like a formula as text", async () => {
    const sheet: AttendanceSheet = { ...attendance, rows: [{ name: '=HYPERLINK("http://x","y")', marks: [], unexcusedMonths: 0 }] };
    const ws = await readBack(await renderAttendanceXlsx(sheet, "x"));
    expect(ws.getCell(4, 2).value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell(4, 2).type).toBe(ExcelJS.ValueType.String);
  });
});

const roundSheet: RoundStatusSheet = {
  title: "Tình trạng nộp bản kiểm điểm năm 2026",
  labels: {
    number: "STT",
    name: "Họ và tên",
    status: "Trạng thái",
    submittedAt: "Nộp lúc",
    versions: "Số lần nộp",
    decidedBy: "Người duyệt",
    decidedAt: "Duyệt lúc",
  },
  rows: [
    {
      name: "Nguyễn Văn Ân",
      status: "Đã duyệt",
      submittedAt: new Date("2026-12-05T12:30:00Z"),
      versions: 2,
      decidedBy: "Trần Thị Bích Đào",
      // Still 31/12 in UTC, already the new year in Hà Nội.
      decidedAt: new Date("2026-12-31T17:15:00Z"),
    },
    // Seconds the cell does not show are cut, not rounded.
    { name: "Lê Hoàng Đức", status: "Đã nộp, chờ duyệt", submittedAt: new Date("2026-12-06T01:05:59Z"), versions: 1, decidedBy: null, decidedAt: null },
    { name: "Phạm Thị Ngọc Ánh", status: "Chưa nộp", submittedAt: null, versions: 0, decidedBy: null, decidedAt: null },
  ],
  timeZone: "Asia/Ho_Chi_Minh",
};

describe("the round status workbook", () => {
  it("is an xlsx file with a safe ASCII name", async () => {
    const file = await renderRoundStatusXlsx(roundSheet, "Tình trạng đợt kiểm điểm 2026.xlsx");
    expect(file.fileName).toBe("Tinh-trang-dot-kiem-diem-2026.xlsx");
    expect(file.mimeType).toBe(xlsxMime);
  });

  it("has the title, the headings, and every member in order with wall-time dates", async () => {
    const ws = await readBack(await renderRoundStatusXlsx(roundSheet, "x"));
    expect(ws.getCell(1, 1).value).toBe(roundSheet.title);
    expect(ws.getCell(1, 7).master.address).toBe("A1");
    expect(rowValues(ws, 2, 7)).toEqual(["STT", "Họ và tên", "Trạng thái", "Nộp lúc", "Số lần nộp", "Người duyệt", "Duyệt lúc"]);
    expect(rowValues(ws, 3, 7)).toEqual([1, "Nguyễn Văn Ân", "Đã duyệt", new Date("2026-12-05T19:30:00Z"), 2, "Trần Thị Bích Đào", new Date("2027-01-01T00:15:00Z")]);
    expect(rowValues(ws, 4, 7)).toEqual([2, "Lê Hoàng Đức", "Đã nộp, chờ duyệt", new Date("2026-12-06T08:05:00Z"), 1, null, null]);
    expect(rowValues(ws, 5, 7)).toEqual([3, "Phạm Thị Ngọc Ánh", "Chưa nộp", null, 0, null, null]);
    expect(ws.getCell(6, 2).value).toBeNull();
    for (let r = 3; r <= 5; r++) {
      expect(typeof ws.getCell(r, 1).value).toBe("number");
      expect(typeof ws.getCell(r, 5).value).toBe("number");
      expect(ws.getCell(r, 4).numFmt).toBe("dd/mm/yyyy hh:mm");
      expect(ws.getCell(r, 7).numFmt).toBe("dd/mm/yyyy hh:mm");
    }
    expect(ws.getCell(3, 4).type).toBe(ExcelJS.ValueType.Date);
  });

  it("shows the wall time of the sheet's zone, summer time included", async () => {
    const ws = await readBack(await renderRoundStatusXlsx({ ...roundSheet, timeZone: "Europe/Berlin", rows: [{ ...roundSheet.rows[0]!, submittedAt: new Date("2026-07-01T10:00:00Z") }] }, "x"));
    expect(ws.getCell(3, 4).value).toEqual(new Date("2026-07-01T12:00:00Z"));
    expect(ws.getCell(3, 7).value).toEqual(new Date("2026-12-31T18:15:00Z"));
  });

  it("freezes the header, styles it, borders the table and sets the widths", async () => {
    const ws = await readBack(await renderRoundStatusXlsx(roundSheet, "x"));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    for (let c = 1; c <= 7; c++) {
      expect(ws.getCell(2, c).font.bold).toBe(true);
      expect(ws.getCell(2, c).fill).toMatchObject({ type: "pattern", pattern: "solid" });
      expect(ws.getCell(5, c).border.bottom?.style).toBe("thin");
      expect(ws.getColumn(c).width).toBeGreaterThan(0);
    }
    // Wide enough for dd/mm/yyyy hh:mm (narrower shows ####).
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(17);
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(1).width!);
  });
});

describe("the Excel helpers", () => {
  it("make an ASCII file name from Vietnamese text", () => {
    expect(xlsxFileName("Điểm danh năm 2026")).toBe("Diem-danh-nam-2026.xlsx");
    expect(xlsxFileName("ĐẢNG BỘ: Chi bộ 3 — 12/2026.XLSX")).toBe("DANG-BO-Chi-bo-3-12-2026.xlsx");
    expect(xlsxFileName("Điểm danh".normalize("NFD"))).toBe("Diem-danh.xlsx");
    expect(xlsxFileName("  ")).toBe("bang.xlsx");
    expect(xlsxFileName("a".repeat(300))).toBe(`${"a".repeat(120)}.xlsx`);
  });

  it("make a sheet name Excel accepts", () => {
    expect(sheetName("Điểm danh 12/2026")).toBe("Điểm danh 12 2026");
    expect(sheetName("[Tổng hợp]: năm*2026?")).toBe("Tổng hợp năm 2026");
    expect(sheetName("Một tiêu đề rất dài vượt quá ba mươi mốt ký tự")).toBe("Một tiêu đề rất dài vượt quá ba");
    expect(sheetName("Mộttiêuđềrấtdàikhôngcókhoảngtrắngnàocả").length).toBe(31);
    expect(sheetName("Cell 3's attendance")).toBe("Cell 3’s attendance");
    expect(sheetName(" :: ")).toBe("Sheet1");
  });
});
