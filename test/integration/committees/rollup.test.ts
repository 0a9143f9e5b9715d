/**
 * The committee's monthly roll-up on a crafted month (rollup-fixture.ts): the figures, the screens,
 * the workbook, who may see them, and the digest planned once however often its job runs.
 */
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../bot/core/contract/messages.ts";
import { committeesFeature } from "../../../bot/core/features/committees/index.ts";
import { rollupSummary } from "../../../bot/core/features/committees/rollup/compute.ts";
import { digestKind, planDigests } from "../../../bot/core/features/committees/rollup/digest.ts";
import { rollupDocumentKind } from "../../../bot/core/features/committees/rollup/document.ts";
import { createHarness, i18n, labels, texts, type Harness } from "../../helpers/core-harness.ts";
import { local, secretComment, secretText, seedRollupFixture, type RollupFixture } from "./rollup-fixture.ts";

const november = { year: 2026, month: 11 };
const tz = "Asia/Ho_Chi_Minh";

let h: Harness;
let f: RollupFixture;
/** The crafted month, on SQLite or on PostgreSQL, seen on 3 December. */
function withFixture(options: { postgres?: boolean } = {}) {
  beforeEach(async () => {
    h = await createHarness({ features: [committeesFeature], ...options });
    h.clock.now = local("2026-11-24 09:00");
    f = await seedRollupFixture(h);
    h.clock.now = local("2026-12-03 10:00");
  });
  afterEach(async () => {
    await h.close();
  });
}

const fileOf = (messages: OutboundMessage[]) => messages.find((m) => m.file)?.file;

/** November as the fixture crafted it: per cell, and summed up. */
async function expectNovemberFigures() {
  const { cells, summary } = await rollupSummary(h.deps.db, { committeeId: f.committeeId, timeZone: tz, month: november, now: h.clock.now });
  expect(cells.map((c) => c.cell.name)).toEqual(["Chi bộ An Bình", "Chi bộ Bến Cát", "Chi bộ Cửa Lò", "Chi bộ Đông Hà"]);
  const [a, b, c, d] = cells;
  expect(a).toMatchObject({ state: "held", minutes: 120, short: false, documents: "on-time", attendance: { present: 3, excused: 1, absent: 1 }, removal: [], warning: [], issues: ["reports-overdue"] });
  expect(a!.meeting!.startsAt).toEqual(local("2026-11-05 19:30"));
  expect(a!.cell.rounds.map((r) => [r.title, r.counts])).toEqual([
    ["Kiểm điểm giữa nhiệm kỳ", { submitted: 1, accepted: 2, returned: 1, missing: 1 }],
    ["Báo cáo quý IV", { submitted: 0, accepted: 1, returned: 0, missing: 4 }],
  ]);
  expect(a!.overdue.map((r) => r.title)).toEqual(["Kiểm điểm giữa nhiệm kỳ"]);
  expect(b).toMatchObject({ state: "held", minutes: 60, short: true, documents: "late", attendance: { present: 2, excused: 1, absent: 4 }, issues: ["threshold", "short", "documents-late"] });
  // Xuân: September, October twice, November = 3 months; Yên 2; Zung's December 2025 is last year's; Lâm left; Vỹ was excused.
  expect(b!.removal.map((x) => [x.name, x.months])).toEqual([["Xuân", 3]]);
  expect(b!.warning.map((x) => [x.name, x.months])).toEqual([["Yên", 2]]);
  expect(c).toMatchObject({ state: "unrecorded", minutes: null, issues: ["not-held", "reports-overdue"] });
  expect(c!.overdue[0]!.counts).toEqual({ submitted: 0, accepted: 0, returned: 0, missing: 3 });
  // Cancelled, thematic, and 00:30 on 1 December local time: none is November's regular meeting.
  expect(d).toMatchObject({ state: "none", attendance: { present: 0, excused: 0, absent: 0 }, issues: ["not-held"] });

  expect(summary).toMatchObject({ cells: 4, held: 2, upcoming: 0, attendance: { present: 5, excused: 2, absent: 5 }, short: 1, documentsLate: 1, removal: 1, warning: 1 });
  expect(summary.rounds).toMatchObject([
    { title: "Báo cáo quý IV", rounds: 2, cells: 2, complete: 1, counts: { submitted: 4, accepted: 1, returned: 0, missing: 4 } },
    { committeeRoundId: null, rounds: 2, cells: 2, complete: 0, counts: { submitted: 1, accepted: 2, returned: 1, missing: 4 } },
  ]);
  expect(summary.nudges.map((n) => [n.cell.name, n.score])).toEqual([
    ["Chi bộ Bến Cát", 6],
    ["Chi bộ Cửa Lò", 6],
    ["Chi bộ Đông Hà", 4],
    ["Chi bộ An Bình", 2],
  ]);
}

describe("the figures", () => {
  withFixture();

  it("count meetings, attendance, absences and reports per cell as the records say", expectNovemberFigures);

  it("reads the month in the committee's zone: the meeting at 00:30 on 1 December local time is December's", async () => {
    const { cells } = await rollupSummary(h.deps.db, { committeeId: f.committeeId, timeZone: tz, month: { year: 2026, month: 12 }, now: h.clock.now, cellIds: [f.cells.d] });
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ state: "held", minutes: 120, attendance: { present: 1, excused: 0, absent: 1 } });
  });

  it("never counts a cell of another committee, even when named", async () => {
    const { cells } = await rollupSummary(h.deps.db, { committeeId: f.committeeId, timeZone: tz, month: november, now: h.clock.now, cellIds: [f.cells.other, f.cells.a] });
    expect(cells.map((c) => c.cell.id)).toEqual([f.cells.a]);
  });
});

describe("the screens", () => {
  withFixture();

  it("home → this month → ‹ previous month: the summary on one screen, with the cells to nudge first", async () => {
    const officer = h.user("900");
    const home = await officer.command("capuy");
    expect(labels(home.at(-1))).toContain("📊 Tổng hợp tháng");
    expect(labels(home.at(-1))).toContain("🗓 Gửi tổng hợp hằng tháng: chưa bật");
    const december = texts(await officer.pressLabel("📊 Tổng hợp tháng"));
    expect(december).toContain("Tổng hợp tháng 12/2026");
    expect(december).toContain("Sinh hoạt định kỳ: 1/4 chi bộ đã họp");
    expect(labels(officer.inbox().at(-1))).not.toContain("Tháng sau ›");

    const [screen] = await officer.pressLabel("‹ Tháng trước");
    const text = screen!.text;
    expect(text.length).toBeLessThan(1500);
    for (const line of [
      "📊 Tổng hợp tháng 11/2026 — Đảng ủy phường Đông Thanh",
      "Sinh hoạt định kỳ: 2/4 chi bộ đã họp",
      "Dự họp: có mặt 5, vắng có lý do 2, vắng không lý do 5 — 42% có mặt",
      "Họp dưới 90 phút: 1 chi bộ · Tài liệu gửi chưa đủ 1 ngày trước: 1 chi bộ",
      "Vắng không lý do trong năm: 1 đảng viên từ 3 tháng (QĐ 294, điểm 8.1), 1 đảng viên 2 tháng",
      "• Báo cáo quý IV (hạn 20/12): đã nộp 5/9, trả lại 0, chưa nộp 4; 1/2 chi bộ đã đủ",
      "• Đợt do chi bộ mở (2 đợt ở 2 chi bộ): đã nộp 3/8, trả lại 1, chưa nộp 4",
      "1. Chi bộ Bến Cát: 1 đảng viên vắng không lý do 3 tháng; họp 60 phút (dưới 90); tài liệu gửi muộn",
      "2. Chi bộ Cửa Lò: chưa họp; 3 báo cáo quá hạn",
      "3. Chi bộ Đông Hà: chưa họp",
      "4. Chi bộ An Bình: 1 báo cáo quá hạn",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("Chi bộ Ngoài");
    expect(labels(screen)).toEqual(["1. Chi bộ Bến Cát", "2. Chi bộ Cửa Lò", "3. Chi bộ Đông Hà", "4. Chi bộ An Bình", "‹ Tháng trước", "Tháng sau ›", "Danh sách chi bộ", "📊 Tải bảng Excel", "‹ Quay lại"]);
  });

  it("a cell's card: its meeting, length, documents, attendance, members at the thresholds and rounds; never a report's words", async () => {
    const officer = h.user("900");
    const card = texts(await officer.press(`ru:c:${f.cells.b}:202611:a:0`));
    for (const line of [
      "📋 Chi bộ Bến Cát — tháng 11/2026",
      "Sinh hoạt chi bộ định kỳ: đã họp lúc 19:30 10/11/2026",
      "Thời lượng: 60 phút ⚠️ dưới 90 phút (HD 42)",
      "Tài liệu: ⚠️ gửi lúc 16:30 10/11/2026, chưa đủ 1 ngày trước buổi họp (HD 42)",
      "Dự họp: có mặt 2, vắng có lý do 1, vắng không lý do 4 — 29% có mặt",
      "‼️ Xuân — 3 tháng (QĐ 294, điểm 8.1: chi bộ xem xét)",
      "⚠️ Yên — 2 tháng",
      "• Báo cáo quý IV (hạn 20/12): đã nộp 4/4 (đã tiếp nhận 0), trả lại 0, chưa nộp 0; đợt đang mở",
    ]) {
      expect(card).toContain(line);
    }
    expect(card).not.toMatch(/Zung|Lâm|Vỹ/);
    const an = texts(await officer.press(`ru:c:${f.cells.a}:202611:a:0`));
    expect(an).toContain("Tài liệu: gửi lúc 19:00 03/11/2026, trước ít nhất 1 ngày ✓");
    expect(an).toContain("• Kiểm điểm giữa nhiệm kỳ (hạn 20/11): đã nộp 3/5 (đã tiếp nhận 2), trả lại 1, chưa nộp 1; đợt đang mở");
    expect(an).toContain("Cần nhắc: 1 báo cáo quá hạn");
    const lo = texts(await officer.press(`ru:c:${f.cells.c}:202611:a:0`));
    expect(lo).toContain("❌ có lịch lúc 19:30 15/11/2026 nhưng chưa điểm danh");
    for (const out of [card, an, lo]) {
      expect(out).not.toContain(secretText);
      expect(out).not.toContain(secretComment);
    }
  });

  it("the list of cells pages 10 at a time with short marks, and opens a card", async () => {
    const db = h.deps.db;
    await db.cell.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ name: `Chi bộ Tổ ${String(i + 1).padStart(2, "0")}`, committeeId: f.committeeId })) });
    const officer = h.user("900");
    const [first] = await officer.press(`ru:l:${f.committeeId}:202611:a:0`);
    expect(first!.text).toContain("Chi bộ — tháng 11/2026 (1–10 trên 16):");
    expect(first!.text).toContain("1. Chi bộ An Bình: ✅ 05/11 · 👥 60% · 📝 1");
    expect(first!.text).toContain("2. Chi bộ Bến Cát: ✅ 10/11 · 👥 29% · ⏱ 60′ · 📄 muộn · ‼️ 1 · ⚠️ 1");
    expect(first!.text).toContain("3. Chi bộ Cửa Lò: ❌ chưa họp · 📝 3");
    expect(labels(first).filter((l) => /^\d+\. /.test(l))).toHaveLength(10);
    const [second] = await officer.pressLabel("Trang sau ›");
    expect(second!.text).toContain("(11–16 trên 16)");
    expect(second!.text).toContain("16. Chi bộ Tổ 12: ❌ chưa họp");
    expect(labels(second)).toContain("‹ Trang trước");
    expect(labels(second)).not.toContain("Trang sau ›");
    const card = await officer.pressLabel("11. Chi bộ Tổ 07");
    expect(texts(card)).toContain("📋 Chi bộ Tổ 07 — tháng 11/2026");
    // Back to the page it came from.
    expect(texts(await officer.pressLabel("‹ Danh sách chi bộ"))).toContain("(11–16 trên 16)");
  });

  it("an officer in charge of cells can narrow the roll-up to them", async () => {
    const db = h.deps.db;
    const officer = h.user("900");
    expect(labels((await officer.press(`ru:s:${f.committeeId}:202611:a`)).at(-1))).not.toContain("Chi bộ tôi phụ trách");
    await db.committeeCharge.createMany({ data: [f.cells.b, f.cells.d].map((cellId) => ({ cellId, officerId: f.officerId, assignedById: f.people.get("officer")!, assignedAt: h.clock.now })) });
    await officer.press(`ru:s:${f.committeeId}:202611:a`);
    const [mine] = await officer.pressLabel("Chi bộ tôi phụ trách");
    expect(mine!.text).toContain("(Các chi bộ đồng chí phụ trách)");
    expect(mine!.text).toContain("Sinh hoạt định kỳ: 1/2 chi bộ đã họp");
    expect(mine!.text).not.toContain("Cửa Lò");
    expect(labels(mine)).toContain("Tất cả chi bộ");
    const [list] = await officer.pressLabel("Danh sách chi bộ");
    expect(list!.text).toContain("(1–2 trên 2)");
  });

  it("the workbook has a row per cell and per round, with counts and no report text", async () => {
    const officer = h.user("900");
    await officer.press(`ru:s:${f.committeeId}:202611:a`);
    const file = fileOf(await officer.pressLabel("📊 Tải bảng Excel"))!;
    expect(file.fileName).toBe("Tong-hop-thang-Dang-uy-phuong-Dong-Thanh-11-2026.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const values = (i: number) => wb.worksheets[i]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 16) : String(v ?? ""))));
    const cells = values(0);
    expect(cells[0]![0]).toBe("Tổng hợp tháng 11/2026 — Đảng ủy phường Đông Thanh");
    const ben = cells.find((r) => r[1] === "Chi bộ Bến Cát")!;
    expect(ben).toEqual(["2", "Chi bộ Bến Cát", "", "6", "Đã họp", "2026-11-10T19:30", "60", "Muộn", "2", "1", "4", "29", "Xuân (3)", "Yên (2)", "0", "1 đảng viên vắng không lý do 3 tháng; họp 60 phút (dưới 90); tài liệu gửi muộn"]);
    const dong = cells.find((r) => r[1] === "Chi bộ Đông Hà")!;
    expect([dong[4], dong[5] ?? ""]).toEqual(["Chưa họp", ""]);
    const rounds = values(1);
    expect(rounds.slice(2).map((r) => [r[1], r[2], ...r.slice(5)])).toEqual([
      ["Chi bộ An Bình", "Kiểm điểm giữa nhiệm kỳ", "1", "2", "1", "1"],
      ["Chi bộ An Bình", "Báo cáo quý IV", "0", "1", "0", "4"],
      ["Chi bộ Bến Cát", "Báo cáo quý IV", "4", "0", "0", "0"],
      ["Chi bộ Cửa Lò", "Tự kiểm tra quý IV", "0", "0", "0", "3"],
    ]);
    const all = JSON.stringify([cells, rounds]);
    expect(all).not.toContain(secretText);
    expect(all).not.toContain(secretComment);
  });
});

describe("privacy", () => {
  withFixture();

  it("refuses an officer of another committee and a plain member, whatever button or file they forge", async () => {
    const db = h.deps.db;
    const stranger = h.user("Ngoài Sec");
    await db.committeeOfficer.create({ data: { committeeId: (await db.committee.findFirstOrThrow({ where: { code: "OTHERCODE1" } })).id, personId: f.people.get("Ngoài Sec")!, role: "secretary", appointedById: f.people.get("Ngoài Sec")!, appointedAt: h.clock.now } });
    const member = h.user("An 1");
    for (const who of [stranger, member]) {
      for (const data of [`ru:s:${f.committeeId}:202611:a`, `ru:l:${f.committeeId}:202611:a:0`, `ru:c:${f.cells.b}:202611:a:0`, `ru:x:${f.committeeId}:202611:a`, `ru:d:${f.committeeId}`, `ru:dd:${f.committeeId}:5`]) {
        const out = texts(await who.press(data));
        expect(out, data).toContain("không giữ chức vụ trong cấp ủy này");
        expect(out).not.toMatch(/Bến Cát|Xuân/);
      }
    }
    const produce = h.core.documentProducer(rollupDocumentKind)!;
    expect(await produce({ personId: f.people.get("Ngoài Sec")!, subjectId: `${f.committeeId}.202611`, t: i18n.translator("vi"), now: h.clock.now })).toBeNull();
    expect(await produce({ personId: f.people.get("officer")!, subjectId: `${f.committeeId}.202613`, t: i18n.translator("vi"), now: h.clock.now })).toBeNull();
    expect((await db.committee.findUniqueOrThrow({ where: { id: f.committeeId } })).digestDay).toBeNull();
  });

  it("lets only the secretary or deputy choose the digest's day; an ordinary officer sees the roll-up", async () => {
    const db = h.deps.db;
    const deputy = h.user("Bến Sec");
    await db.committeeOfficer.create({ data: { committeeId: f.committeeId, personId: f.people.get("Bến Sec")!, role: "member", appointedById: f.people.get("officer")!, appointedAt: h.clock.now } });
    const home = await deputy.command("capuy");
    expect(labels(home.at(-1))).toContain("📊 Tổng hợp tháng");
    expect(labels(home.at(-1)).some((l) => l.startsWith("🗓"))).toBe(false);
    expect(texts(await deputy.press(`ru:dd:${f.committeeId}:5`))).toContain("chỉ bí thư (hoặc phó bí thư)");
    expect(texts(await deputy.press(`ru:s:${f.committeeId}:202611:a`))).toContain("Sinh hoạt định kỳ: 2/4 chi bộ đã họp");
  });

  it("refuses a day the months do not all have, and a month that cannot be", async () => {
    const officer = h.user("900");
    expect(texts(await officer.press(`ru:dd:${f.committeeId}:29`))).toContain("đã cũ");
    expect(texts(await officer.press(`ru:s:${f.committeeId}:202613:a`))).toContain("đã cũ");
  });
});

describe("the monthly digest", () => {
  withFixture();

  it("the secretary chooses the day; on that day every active officer gets last month's roll-up once, in the morning", async () => {
    const db = h.deps.db;
    const officer = h.user("900");
    await db.committeeOfficer.create({ data: { committeeId: f.committeeId, personId: f.people.get("Bến Sec")!, role: "member", appointedById: f.people.get("officer")!, appointedAt: h.clock.now } });
    await db.committeeOfficer.create({ data: { committeeId: f.committeeId, personId: f.people.get("Cửa Sec")!, role: "member", status: "ended", appointedById: f.people.get("officer")!, appointedAt: h.clock.now, endedAt: h.clock.now } });
    await officer.command("capuy");
    const weeks = await officer.pressLabel("🗓 Gửi tổng hợp hằng tháng: chưa bật");
    expect(texts(weeks)).toContain("Hiện chưa bật.");
    await officer.pressLabel("Ngày 1–7");
    const set = await officer.pressLabel("Ngày 4");
    expect(texts(set)).toContain("Đã đặt: bản tổng hợp tháng trước gửi tới cán bộ cấp ủy vào ngày 4 hằng tháng.");
    expect(labels(set.at(-1))).toContain("🗓 Gửi tổng hợp hằng tháng: ngày 4");
    expect((await db.committee.findUniqueOrThrow({ where: { id: f.committeeId } })).digestDay).toBe(4);
    expect(await db.auditLog.count({ where: { action: "committee.digest_day_set" } })).toBe(1);

    const job = h.core.jobs().find((j) => j.name === "committee-digest")!;
    // The 3rd is not the day.
    expect(await job.run(h.clock.now)).toBe(0);
    h.clock.now = local("2026-12-04 00:20");
    expect(await job.run(h.clock.now)).toBe(2);
    expect(await job.run(local("2026-12-04 09:20"))).toBe(0);
    expect(await planDigests(db, local("2026-12-04 15:20"))).toBe(0);
    const rows = await db.outboxMessage.findMany({ where: { kind: digestKind }, orderBy: { key: "asc" } });
    expect(rows.map((r) => r.key).sort()).toEqual([f.people.get("Bến Sec")!, f.people.get("officer")!].map((p) => `committee-digest:${f.committeeId}:2026-11:${p}`).sort());
    expect(rows.every((r) => r.dueAt.getTime() === local("2026-12-04 07:30").getTime() && r.subjectId === f.committeeId)).toBe(true);

    // Nothing goes before the morning.
    await h.runOutbox();
    expect(officer.all()).not.toContain("📬");
    h.clock.now = local("2026-12-04 07:31");
    await h.runOutbox();
    const digest = officer.inbox().at(-1)!;
    expect(digest.text).toContain("📬 Bản tổng hợp tháng 11/2026 gửi cán bộ Đảng ủy phường Đông Thanh.");
    expect(digest.text).toContain("Sinh hoạt định kỳ: 2/4 chi bộ đã họp");
    expect(digest.text).toContain("1. Chi bộ Bến Cát");
    expect(digest.text).not.toContain(secretText);
    expect(h.user("Bến Sec").lastText()).toContain("📬 Bản tổng hợp tháng 11/2026");
    expect(h.user("Cửa Sec").all()).not.toContain("📬");
    // Its button opens the same month.
    expect(texts(await officer.pressLabel("Xem chi tiết"))).toContain("📊 Tổng hợp tháng 11/2026");
    expect(await job.run(local("2026-12-04 10:20"))).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: digestKind } })).toBe(2);
  });

  it("plans late in the evening for the next morning, and turning it off stops it", async () => {
    const db = h.deps.db;
    await db.committee.update({ where: { id: f.committeeId }, data: { digestDay: 4 } });
    expect(await planDigests(db, local("2026-12-04 21:20"))).toBe(1);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { kind: digestKind } })).dueAt).toEqual(local("2026-12-05 07:30"));
    const officer = h.user("900");
    await officer.press(`ru:d:${f.committeeId}`);
    expect(texts(await officer.pressLabel("Tắt gửi tự động"))).toContain("Đã tắt gửi tổng hợp hằng tháng.");
    expect(await planDigests(db, local("2027-01-04 08:20"))).toBe(0);
  });

  it("the digest of an officer whose post ended meanwhile is not sent", async () => {
    const db = h.deps.db;
    await db.committee.update({ where: { id: f.committeeId }, data: { digestDay: 4 } });
    h.clock.now = local("2026-12-04 08:00");
    expect(await planDigests(db, h.clock.now)).toBe(1);
    await db.committeeOfficer.updateMany({ where: { committeeId: f.committeeId }, data: { status: "ended" } });
    const sent = await h.runOutbox();
    expect(sent).toMatchObject({ skipped: 1 });
    expect(h.user("900").all()).not.toContain("📬");
  });
});

describe("on PostgreSQL", () => {
  withFixture({ postgres: true });

  it("the same figures from the same SQL, and the digest planned once", async () => {
    await expectNovemberFigures();
    await h.deps.db.committee.update({ where: { id: f.committeeId }, data: { digestDay: 4 } });
    expect(await planDigests(h.deps.db, local("2026-12-04 08:20"))).toBe(1);
    expect(await planDigests(h.deps.db, local("2026-12-04 09:20"))).toBe(0);
    expect((await h.deps.db.outboxMessage.findFirstOrThrow({ where: { kind: digestKind } })).dueAt).toEqual(local("2026-12-04 07:30"));
  });
});
