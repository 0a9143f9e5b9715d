/**
 * Documents a secretary files, end to end through the core: a report as a Word file on Telegram, a
 * signed download link on Zalo (served by the HTTP listener, refused when altered or expired), the
 * round's files, the minutes draft after attendance, the year's attendance as a spreadsheet. Each
 * file is read back and its contents checked.
 */
import ExcelJS from "exceljs";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { planMeeting } from "../../../bot/core/features/meetings/planning.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import type { OutboundMessage } from "../../../bot/core/contract/messages.ts";
import { registerFileRoute } from "../../../bot/http/files.ts";
import { createHttpServer, type HttpServer } from "../../../bot/http/server.ts";
import { createHarness, i18n, labelsOf, seedCell, textOf, type Harness, type TestUser } from "../../helpers/core-harness.ts";
import { longSubmitted, shortTemplate } from "../reports/fixtures.ts";
import { docxText } from "../../helpers/docx.ts";

const downloads = { publicUrl: "https://bot.example.org", secret: "s".repeat(40), ttlHours: 24 };
const answer = "Luôn hoàn thành nhiệm vụ được giao.";

const fileOf = (messages: OutboundMessage[]) => messages.find((m) => m.file)?.file;

let h: Harness;
let bt: TestUser;
let long: TestUser;
let http: HttpServer | null = null;

async function submittedReport() {
  ({ bt, long } = await longSubmitted(h));
  return h.deps.db.reportVersion.findFirstOrThrow();
}

afterEach(async () => {
  await http?.close();
  http = null;
  await h.close();
});

describe("a report as a Word file", () => {
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], downloads });
  });

  it("reaches the secretary on Telegram as a file with the header, every answer in order and the signature", async () => {
    await submittedReport();
    const got = await bt.choose("📄 Tải bản Word");
    const file = fileOf(got)!;
    expect(file.fileName).toMatch(/^[A-Za-z0-9-]+\.docx$/);
    expect(file.fileName).toContain("Le-Van-Long");
    const text = await docxText(file.bytes);
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("CHI BỘ KHU PHỐ 3");
    expect(text).toContain("ngày 24 tháng 11 năm 2026");
    expect(text).toContain("TỰ KIỂM TRA HẰNG QUÝ");
    expect(text).toContain("Lê Văn Long");
    const order = ["Ưu điểm", answer, "Mức độ", "Tốt", "Cam kết tự sửa", "Đọc nghị quyết mỗi tuần một lần.", "NGƯỜI TỰ KIỂM ĐIỂM"].map((s) => text.indexOf(s));
    for (const [i, at] of order.entries()) expect(at, `part ${i}`).toBeGreaterThan(i === 0 ? -1 : order[i - 1]!);
  });

  it("is the author's too, and nobody else's: a forged button gets a polite refusal", async () => {
    const version = await submittedReport();
    expect(fileOf(await long.press(`bc:dl:${version.id}`))).toBeDefined();
    for (const other of ["cu", "m"]) {
      const got = await h.user(other).press(`bc:dl:${version.id}`);
      expect(fileOf(got)).toBeUndefined();
      expect(textOf(got)).toContain("không có quyền nhận tài liệu này");
    }
  });

  it("reaches a secretary on Zalo as a link for her alone, which downloads the file; an altered or expired link is refused", async () => {
    const version = await submittedReport();
    const secretaryId = await bt.personId();
    await h.deps.db.identity.create({ data: { personId: secretaryId, platform: "zalo", userId: "btz", chatId: "btz" } });
    const zaloBt = h.user("btz", "zalo");
    const got = await zaloBt.press(`bc:dl:${version.id}`);
    expect(fileOf(got)).toBeUndefined();
    const text = textOf(got);
    expect(text).toContain("Zalo không gửi được tệp");
    expect(text).toContain("hết hạn lúc 09:00 ngày 25/11/2026");
    const url = /https:\/\/bot\.example\.org\/files\?t=[\w.-]+/.exec(text)![0];

    http = createHttpServer(pino({ level: "silent" }));
    registerFileRoute(http, {
      secret: downloads.secret,
      now: () => h.clock.now,
      logger: pino({ level: "silent" }),
      producerOf: (kind) => h.core.documentProducer(kind),
      translatorOf: async () => i18n.translator("vi", "zalo"),
    });
    const port = await http.listen(0, "127.0.0.1");
    const local = url.replace("https://bot.example.org", `http://127.0.0.1:${port}`);
    // Opening the link (as a link preview would) shows a page; only its button's POST makes the file.
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain(`<form method="post" action="/files?t=${new URL(local).searchParams.get("t")}">`);
    const download = (url: string) => fetch(url, { method: "POST" });
    const ok = await download(local);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.docx"$/);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(await docxText(new Uint8Array(await ok.arrayBuffer()))).toContain(answer);

    // One character changed in the payload: the signature no longer matches.
    const token = new URL(local).searchParams.get("t")!;
    const altered = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    expect((await download(`http://127.0.0.1:${port}/files?t=${altered}`)).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${port}/files?t=${altered}`)).status).toBe(403);
    expect((await download(`http://127.0.0.1:${port}/files?t=nonsense`)).status).toBe(403);
    // The secretary steps down: her link stops working at once.
    await h.deps.db.membership.updateMany({ where: { personId: secretaryId }, data: { role: "member" } });
    expect((await download(local)).status).toBe(403);
    await h.deps.db.membership.updateMany({ where: { personId: secretaryId }, data: { role: "secretary" } });
    expect((await download(local)).status).toBe(200);
    // A day later it has expired.
    h.clock.advance(24 * 3_600_000 + 1);
    expect((await fetch(local)).status).toBe(410);
    const expired = await download(local);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("hết hạn");
  });

  it("on Zalo without a public address, says why no link can be made and what to do instead", async () => {
    await h.close();
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })] });
    const version = await submittedReport();
    await h.deps.db.identity.create({ data: { personId: await bt.personId(), platform: "zalo", userId: "btz", chatId: "btz" } });
    const got = await h.user("btz", "zalo").press(`bc:dl:${version.id}`);
    expect(textOf(got)).toContain("chưa được cấu hình địa chỉ tải về");
    expect(textOf(got)).toContain("mở bot trên Telegram");
  });

  it("gives the secretary the accepted reports of a round in one file and the round's status as a spreadsheet", async () => {
    const version = await submittedReport();
    await bt.press(`bc:ac:${version.id}`);
    const round = await h.deps.db.reportRound.findFirstOrThrow();
    const status = await bt.press(`bc:st:${round.id}`);
    expect(labelsOf(status)).toContain("📄 Tải 1 bản đã tiếp nhận (Word)");
    const all = fileOf(await bt.choose("📄 Tải 1 bản đã tiếp nhận (Word)"))!;
    expect(await docxText(all.bytes)).toContain(answer);
    const sheetFile = fileOf(await bt.choose("📊 Tải bảng Excel tình hình nộp"))!;
    expect(sheetFile.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheetFile.bytes) as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain("Lê Văn Long");
    expect(values).toContain("Đã tiếp nhận");
    expect(values).toContain("Mai Thị Mơ");
    expect(values).toContain("Chưa bắt đầu");
    // A plain member cannot have the round's files.
    expect(fileOf(await long.press(`bc:dr:${round.id}`))).toBeUndefined();
    expect(fileOf(await long.press(`bc:ds:${round.id}`))).toBeUndefined();
  });
});

describe("the meetings' documents", () => {
  beforeEach(async () => {
    h = await createHarness({ features: [meetingsFeature] });
  });

  it("offer the minutes draft after attendance, with who was there, excused and absent, and the year's attendance sheet", async () => {
    const { cellId, personIds } = await seedCell(h, [
      { userId: "bt", fullName: "Trần Thị Bình", role: "secretary" },
      { userId: "a", fullName: "Nguyễn Văn Ân" },
      { userId: "b", fullName: "Lê Thị Bưởi" },
      { userId: "c", fullName: "Đỗ Văn Cường" },
    ]);
    const db = h.deps.db;
    const startsAt = new Date("2026-11-25T12:30:00Z");
    const meeting = await db.meeting.create({ data: { cellId, kind: "dinh_ky", startsAt, place: "Nhà văn hóa khu phố 3", agenda: "Quán triệt nghị quyết", createdById: personIds.get("bt")! } });
    await planMeeting(db, meeting.id, h.clock.now);
    // The checklist starts from the answers: Bình and Ân come, Bưởi asked leave (ill), Cường said nothing.
    for (const who of ["bt", "a"]) await h.user(who).press(`mt:a:${meeting.id}`);
    await h.user("b").press(`mt:b:${meeting.id}`);
    await h.user("b").press(`mt:r:${meeting.id}:o`);
    h.clock.now = new Date(startsAt.getTime() + 2 * 3_600_000);
    const sec = h.user("bt");
    await sec.command("diemdanh");
    await sec.pressLabel(/Xong|Lưu/);
    await sec.say("Thống nhất tổ chức trồng cây xanh.");
    expect(sec.lastText()).toContain("kết thúc lúc mấy giờ");
    await sec.say("21h");
    await sec.say("Trần Thị Bình");
    await sec.pressLabel("Bỏ qua");
    const minutes = fileOf(await sec.choose("📄 Tải dự thảo biên bản (Word)"))!;
    const text = await docxText(minutes.bytes);
    for (const part of ["BIÊN BẢN", "Nhà văn hóa khu phố 3", "Quán triệt nghị quyết", "Trần Thị Bình", "Nguyễn Văn Ân", "Lê Thị Bưởi", "Ốm đau", "Đỗ Văn Cường", "Thống nhất tổ chức trồng cây xanh.", "Ý kiến thảo luận", "Biểu quyết", "21:00"]) {
      expect(text, part).toContain(part);
    }
    // The meeting named once: a regular meeting's title already says what kind it is.
    expect(text).toContain("Sinh hoạt chi bộ định kỳ tháng 11/2026");
    expect(text).not.toMatch(/định kỳ: Sinh hoạt/);
    expect(minutes.fileName).not.toMatch(/dinh-ky-Sinh-hoat/);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ endedAt: new Date("2026-11-25T14:00:00Z"), chairName: "Trần Thị Bình", recorderName: null });
    expect(await db.auditLog.count({ where: { action: "meeting.minutes_details" } })).toBe(1);
    // A member cannot have the minutes draft.
    expect(fileOf(await h.user("a").press(`mt:mn:${meeting.id}`))).toBeUndefined();

    await sec.command("chuyencan");
    const sheet = fileOf(await sec.choose("📊 Tải bảng Excel chuyên cần cả năm"))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.bytes) as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).map((v) => (v instanceof Date ? "date" : String(v ?? ""))));
    const row = (name: string) => rows.find((r) => r.includes(name))!;
    expect(row("Đỗ Văn Cường")).toContain("K");
    expect(row("Nguyễn Văn Ân")).toContain("x");
    expect(row("Trần Thị Bình")).toContain("x");
    // Totals agree with the records: Cường one absence without reason, in one month.
    expect(row("Đỗ Văn Cường").slice(-4)).toEqual(["0", "0", "1", "1"]);
    expect(row("Lê Thị Bưởi").some((v) => v.startsWith("P"))).toBe(true);
    expect(fileOf(await h.user("a").press(`mt:ay:${cellId}:2026`))).toBeUndefined();
  });
});
