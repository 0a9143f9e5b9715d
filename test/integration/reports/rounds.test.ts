import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportKinds } from "../../../bot/core/features/reports/notices.ts";
import { assignLateMembers } from "../../../bot/core/features/reports/services/assign.ts";
import { answerShort, openRound, people, shortTemplate, submit } from "./fixtures.ts";
import { createHarness, labelsOf, seedCell, textOf, type Harness } from "../../helpers/core-harness.ts";

const day = 86_400_000;

describe("opening a report round", () => {
  let h: Harness;
  let cellId: string;
  let ids: Map<string, string>;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    ({ cellId, personIds: ids } = await seedCell(h, [...people, { userId: "x", fullName: "Phan Văn Xuân", exempt: true, category: "huu_tri" }]));
  });
  afterEach(() => h.close());

  it("is refused to a plain member and to a committee member", async () => {
    expect(textOf(await h.user("l").command("dotbaocao"))).toContain("chỉ bí thư (hoặc phó bí thư)");
    expect(textOf(await h.user("cu").command("dotbaocao"))).toContain("chỉ bí thư (hoặc phó bí thư)");
    expect(await h.deps.db.reportRound.count()).toBe(0);
  });

  it("reads deadlines typed the Vietnamese way, refuses unclear or past ones, and leaves exempt members out by default", async () => {
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/Tự kiểm tra/);
    expect(textOf(await bt.say("ab"))).toContain("Tên đợt cần từ 3 đến 120 ký tự");
    await bt.say("Tự kiểm tra quý IV/2026");
    expect(textOf(await bt.say("sau tết"))).toContain("chưa hiểu thời hạn «sau tết»");
    expect(textOf(await bt.say("17h 10/11/2026"))).toContain("Thời điểm đó đã qua");
    const audience = await bt.say("17h thứ Sáu tuần sau");
    expect(textOf(audience)).toContain("Những đồng chí nào phải nộp?");
    // Five active members; the exempt one is not counted.
    expect(labelsOf(audience)).toContain("Tất cả đảng viên (5)");
    const exempt = await bt.choose(/^Tất cả đảng viên/);
    expect(textOf(exempt)).toContain("Có 1 đồng chí đang được miễn công tác và sinh hoạt đảng: Phan Văn Xuân");
    const confirm = await bt.choose("Không, các đồng chí ấy không phải nộp");
    expect(textOf(confirm)).toContain("Tên đợt: Tự kiểm tra quý IV/2026");
    // Friday of next week from Tuesday 24/11/2026, 17:00 in Hanoi.
    expect(textOf(confirm)).toContain("Hạn nộp: 17:00 04/12/2026");
    expect(textOf(confirm)).toContain("tất cả đảng viên — 5 đồng chí");
    await bt.choose("Mở đợt và báo cho đảng viên");
    const round = await h.deps.db.reportRound.findFirstOrThrow({ include: { drafts: true } });
    expect(round.deadline.toISOString()).toBe("2026-12-04T10:00:00.000Z");
    expect(round.drafts.map((d) => d.personId).sort()).toEqual([...ids.entries()].filter(([u]) => u !== "x").map(([, id]) => id).sort());
    expect(await h.deps.db.dialogueState.count({ where: { personId: ids.get("bt")! } })).toBe(0);
  });

  it("can ask by category and include exempt members when chosen", async () => {
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/Tự kiểm tra/);
    await bt.choose(/^Dùng tên/);
    await bt.say("ngày 20/12");
    await bt.choose("Chọn theo đối tượng");
    expect(textOf(await bt.choose("☐ Cán bộ, công chức, viên chức"))).toContain("Chọn các đối tượng");
    await bt.choose("☐ Hưu trí");
    // Untick and tick again: the choice is saved on every press.
    await bt.choose("☑ Cán bộ, công chức, viên chức");
    await bt.choose("☐ Cán bộ, công chức, viên chức");
    expect(textOf(await bt.choose("Xong"))).toContain("Phan Văn Xuân");
    const confirm = await bt.choose("Có, yêu cầu cả các đồng chí ấy nộp");
    expect(textOf(confirm)).toContain("đối tượng: Cán bộ, công chức, viên chức, Hưu trí, kể cả các đồng chí miễn sinh hoạt — 4 đồng chí");
    await bt.choose("Mở đợt và báo cho đảng viên");
    const round = await h.deps.db.reportRound.findFirstOrThrow({ include: { drafts: true } });
    expect(JSON.parse(round.categories!)).toEqual(["can_bo", "huu_tri"]);
    expect(round.includeExempt).toBe(true);
    // bt (hưu trí), pbt and cu (cán bộ), x (hưu trí, exempt); not l (công nhân) nor m (lao động tự do).
    expect(round.drafts.map((d) => d.personId).sort()).toEqual(["bt", "pbt", "cu", "x"].map((u) => ids.get(u)!).sort());
    expect(round.deadline.toISOString()).toBe("2026-12-20T16:59:00.000Z");
  });

  it("offers the cell's upcoming meetings and links the round to the chosen one", async () => {
    const meeting = await h.deps.db.meeting.create({
      data: { cellId, kind: "dinh_ky", title: "Sinh hoạt tháng 12", startsAt: new Date("2026-12-05T12:30:00Z"), createdById: ids.get("bt")! },
    });
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/Tự kiểm tra/);
    await bt.choose(/^Dùng tên/);
    await bt.say("4/12 17h");
    await bt.choose(/^Tất cả đảng viên/);
    const ask = await bt.choose("Không, các đồng chí ấy không phải nộp");
    expect(textOf(ask)).toContain("buổi sinh hoạt sắp tới");
    const confirm = await bt.choose("19:30 05/12/2026 · Sinh hoạt tháng 12");
    expect(textOf(confirm)).toContain("Buổi sinh hoạt: 19:30 05/12/2026 · Sinh hoạt tháng 12");
    await bt.choose("Mở đợt và báo cho đảng viên");
    expect((await h.deps.db.reportRound.findFirstOrThrow()).meetingId).toBe(meeting.id);
    await h.runOutbox();
    expect(h.user("l").all()).toContain("Bản báo cáo dùng cho buổi sinh hoạt lúc 19:30 05/12/2026");
  });

  it("answers a stale button of the round dialogue politely and opens the round once on a double tap", async () => {
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/Tự kiểm tra/);
    const templateButton = bt.inbox().flatMap((m) => m.choices?.flat() ?? []).find((c) => /Tự kiểm tra/.test(c.label))!;
    expect(textOf(await bt.press(templateButton.data))).toContain("Nút này đã cũ");
    await bt.choose(/^Dùng tên/);
    await bt.say("20/12");
    await bt.choose(/^Tất cả đảng viên/);
    await bt.choose("Không, các đồng chí ấy không phải nộp");
    const open = bt.inbox().at(-1)!.choices!.flat().find((c) => c.label === "Mở đợt và báo cho đảng viên")!;
    await Promise.all([bt.press(open.data), bt.press(open.data)]);
    expect(await h.deps.db.reportRound.count()).toBe(1);
  });

  it("refuses a forged deadline or another cell's meeting exactly as a typed answer, shows nothing of the other cell, and lets the secretary go on", async () => {
    const other = await seedCell(h, [{ userId: "o", fullName: "Ông Khác", role: "secretary" }], "Chi bộ Bên Kia");
    const foreign = await h.deps.db.meeting.create({
      data: { cellId: other.cellId, kind: "dinh_ky", title: "Họp riêng bên kia", startsAt: new Date("2026-12-07T01:15:00Z"), createdById: other.personIds.get("o")! },
    });
    const own = await h.deps.db.meeting.create({
      data: { cellId, kind: "dinh_ky", title: "Sinh hoạt tháng 12", startsAt: new Date("2026-12-05T12:30:00Z"), createdById: ids.get("bt")! },
    });
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/Tự kiểm tra/);
    await bt.choose(/^Dùng tên/);
    // A deadline carried by a button is read as if typed: too far, or not a date at all.
    const far = await bt.press("d:deadline:2999-01-01T00:00:00.000Z");
    expect(textOf(far)).toContain("Tôi chưa hiểu thời hạn «2999-01-01T00:00:00.000Z»");
    expect(textOf(far)).toContain("Hạn nộp là khi nào?");
    expect(textOf(await bt.press("d:deadline:not-a-date"))).toContain("Tôi chưa hiểu thời hạn «not-a-date»");
    expect(textOf(await bt.press("d:deadline:1/1/2999"))).toContain("Hạn nộp đó xa quá");
    expect(textOf(await bt.say("1/1/2999"))).toContain("Hạn nộp đó xa quá");
    expect(await h.deps.db.dialogueState.findUniqueOrThrow({ where: { personId: ids.get("bt")! } })).toMatchObject({ step: "deadline" });
    await bt.say("20/12");
    await bt.choose(/^Tất cả đảng viên/);
    const ask = await bt.choose("Không, các đồng chí ấy không phải nộp");
    expect(labelsOf(ask)).toEqual(["19:30 05/12/2026 · Sinh hoạt tháng 12", "Không gắn với buổi nào"]);
    // Another cell's meeting is not an option here, whatever the button says.
    const forged = await bt.press(`d:meeting:${foreign.id}`);
    expect(textOf(forged)).toContain("Lựa chọn này không hợp lệ.");
    expect(textOf(forged)).toContain("buổi sinh hoạt sắp tới");
    expect(textOf(forged)).not.toContain("Họp riêng bên kia");
    expect(textOf(forged)).not.toContain("08:15 07/12/2026");
    expect(bt.all()).not.toContain("Họp riêng bên kia");
    // A button of an earlier question changes nothing either.
    expect(textOf(await bt.press("d:deadline:21/12"))).toContain("Nút này đã cũ");
    const confirm = await bt.choose("19:30 05/12/2026 · Sinh hoạt tháng 12");
    expect(textOf(confirm)).toContain("Hạn nộp: 23:59 20/12/2026");
    await bt.choose("Mở đợt và báo cho đảng viên");
    const round = await h.deps.db.reportRound.findFirstOrThrow();
    expect(round).toMatchObject({ cellId, meetingId: own.id });
    expect(round.deadline.toISOString()).toBe("2026-12-20T16:59:00.000Z");
  });

  it("records in the audit log who opened and closed a round, with ids only", async () => {
    const bt = h.user("bt");
    await openRound(bt, { title: "Tự kiểm tra quý IV" });
    const round = await h.deps.db.reportRound.findFirstOrThrow();
    await bt.choose("Xem tình hình nộp");
    await bt.choose("Đóng đợt");
    await bt.choose("Đóng đợt");
    const lines = await h.deps.db.auditLog.findMany({ where: { action: { startsWith: "report." } }, orderBy: { at: "asc" } });
    expect(lines.map((l) => [l.action, l.actorPersonId, l.cellId])).toEqual([
      ["report.round_opened", ids.get("bt"), cellId],
      ["report.round_closed", ids.get("bt"), cellId],
    ]);
    expect(JSON.parse(lines[0]!.details)).toMatchObject({ roundId: round.id, templateId: shortTemplate.id, assigned: 5 });
    for (const l of lines) expect(l.details).not.toContain("quý IV");
  });

  it("tells every member at once, reminds non-submitters 3 days and 1 day before, and sends the secretary a digest", async () => {
    const bt = h.user("bt");
    await openRound(bt, { deadline: "17h 10/12" });
    const round = await h.deps.db.reportRound.findFirstOrThrow();
    const rows = await h.deps.db.outboxMessage.findMany({ where: { subjectId: round.id } });
    // Ids only: no report content can be in an outbox row.
    for (const r of rows) expect(Object.keys(JSON.parse(r.payload) as object).every((k) => ["draftId", "offset", "roundId"].includes(k))).toBe(true);
    expect(rows.filter((r) => r.kind === reportKinds.opened)).toHaveLength(5);
    expect(rows.filter((r) => r.kind === reportKinds.reminder)).toHaveLength(10);
    // Secretary and deputy: 3 days, 1 day before, and at the deadline.
    expect(rows.filter((r) => r.kind === reportKinds.digest)).toHaveLength(6);

    await h.runOutbox();
    const long = h.user("l");
    expect(long.all()).toContain("Chi bộ Khu phố 3 mở đợt báo cáo «Tự kiểm tra hằng quý».\nHạn nộp: 17:00 10/12/2026.");
    expect(labelsOf(long.inbox())).toEqual(["Bắt đầu"]);
    // The exempt member was left out.
    expect(h.user("x").inbox()).toHaveLength(0);

    // Mơ submits; Long starts but does not finish.
    const mo = h.user("m");
    await mo.choose("Bắt đầu");
    await answerShort(mo);
    await submit(mo);
    await long.choose("Bắt đầu");
    await long.say("Một phần câu trả lời");

    h.clock.now = new Date(round.deadline.getTime() - 3 * day);
    await h.runOutbox();
    expect(long.lastText()).toContain("Nhắc đồng chí: còn 3 ngày đến hạn nộp bản «Tự kiểm tra hằng quý» (hạn 17:00 10/12/2026).");
    expect(long.lastText()).toContain("đang làm dở");
    expect(labelsOf([long.inbox().at(-1)!])).toEqual(["Làm tiếp"]);
    expect(mo.all()).not.toContain("Nhắc đồng chí");
    const digest = h.user("bt").inbox().find((m) => m.text.startsWith("Đợt «Tự kiểm tra hằng quý»"))!;
    expect(digest.text).toBe(
      "Đợt «Tự kiểm tra hằng quý» (hạn 17:00 10/12/2026): 1/5 đồng chí đã nộp; chưa nộp: Đỗ Văn Cừ, Lê Văn Long, Nguyễn Văn An, Trần Thị Bình.",
    );
    expect(h.user("cu").all()).not.toContain("đã nộp;");

    h.clock.now = new Date(round.deadline.getTime() - 1 * day);
    await h.runOutbox();
    expect(long.lastText()).toContain("còn 1 ngày");
  });

  it("shows the status at any time, reminds now on request, and stops everything for a closed round", async () => {
    const bt = h.user("bt");
    await openRound(bt);
    await h.runOutbox();
    const mo = h.user("m");
    await mo.choose("Bắt đầu");
    await answerShort(mo);
    await submit(mo);
    await h.user("l").choose("Bắt đầu");
    await h.user("l").say("Đang viết dở câu đầu tiên.");
    await h.user("l").say("xong");

    const status = await bt.choose("Xem tình hình nộp");
    const text = textOf(status);
    expect(text).toContain("Tình hình nộp «Tự kiểm tra hằng quý» — hạn 23:59 20/12/2026\nĐã nộp 1/5.");
    expect(text).toContain("● Mai Thị Mơ — đã nộp lần 1, chờ tiếp nhận");
    expect(text).toContain("✎ Lê Văn Long — đang làm (1/4 câu)");
    expect(text).toContain("○ Đỗ Văn Cừ — chưa bắt đầu");
    expect(labelsOf(status)).toEqual(expect.arrayContaining(["Xem: Mai Thị Mơ", "Nhập hộ: Lê Văn Long", "Nhắc ngay những đồng chí chưa nộp", "Đóng đợt"]));

    const before = h.user("cu").inbox().length;
    expect(textOf(await bt.choose("Nhắc ngay những đồng chí chưa nộp"))).toContain("Đã gửi lời nhắc tới 3 đồng chí chưa nộp.");
    await h.runOutbox();
    expect(h.user("cu").inbox().length).toBe(before + 1);
    expect(h.user("cu").lastText()).toContain("Nhắc đồng chí: còn 26 ngày");

    await bt.choose("Đóng đợt");
    expect(textOf(await bt.choose("Đóng đợt"))).toContain("Đã đóng đợt «Tự kiểm tra hằng quý».");
    const pending = await h.deps.db.outboxMessage.count({ where: { status: "pending", kind: { in: [reportKinds.reminder, reportKinds.digest] } } });
    expect(pending).toBe(0);
    // In the middle of its report, /baocao first says the round closed, then lists what is open.
    expect(textOf(await h.user("l").command("baocao"))).toContain("Đợt báo cáo «Tự kiểm tra hằng quý» đã đóng");
    expect(textOf(await h.user("l").command("baocao"))).toContain("Hiện chưa có đợt báo cáo nào đang mở");
    // What was submitted stays readable after the round closes.
    const moList = await mo.command("baocao");
    expect(textOf(moList)).toContain("«Tự kiểm tra hằng quý» (đợt đã đóng): đã nộp, chờ bí thư tiếp nhận");
    expect(textOf(await mo.choose("Xem bản đã nộp: Tự kiểm tra hằng quý"))).toContain("Báo cáo của đồng chí Mai Thị Mơ");
    expect(labelsOf(await bt.command("baocao"))).toContain("Đã đóng — tình hình: Tự kiểm tra hằng quý");
    // Long's open draft cannot be submitted any more; his answers stay.
    expect(textOf(await h.user("l").press(`bc:go:${(await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: ids.get("l")! } })).id}`))).toContain("đã đóng");
  });

  it("gives a member admitted after the round opened a draft when they look", async () => {
    const bt = h.user("bt");
    await openRound(bt);
    const late = await h.deps.db.person.create({ data: { fullName: "Hồ Văn Muộn", category: "can_bo", partyStatus: "official", identities: { create: { platform: "telegram", userId: "late", chatId: "late" } } } });
    await h.deps.db.membership.create({ data: { cellId, personId: late.id, status: "active", decidedAt: h.clock.now } });
    const list = await h.user("late").command("baocao");
    expect(textOf(list)).toContain("«Tự kiểm tra hằng quý» — hạn 23:59 20/12/2026: chưa bắt đầu");
    expect(labelsOf(list)).toEqual(["Bắt đầu: Tự kiểm tra hằng quý"]);
  });

  it("shows the question it stands at when /dotbaocao is typed again while a round is being opened", async () => {
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/Tự kiểm tra/);
    await bt.choose(/^Dùng tên/);
    const again = await bt.command("dotbaocao");
    expect(textOf(again)).not.toContain("Đã dừng");
    expect(textOf(again)).toContain("Hạn nộp là khi nào?");
    expect(textOf(await bt.say("20/12"))).toContain("Những đồng chí nào phải nộp?");
  });

  it("tells a member admitted after the round opened of it as soon as the secretary admits them, once", async () => {
    const bt = h.user("bt");
    await openRound(bt);
    await h.runOutbox();
    const late = await h.deps.db.person.create({ data: { fullName: "Hồ Văn Muộn", category: "can_bo", partyStatus: "official", identities: { create: { platform: "telegram", userId: "late", chatId: "late" } } } });
    const request = await h.deps.db.membership.create({ data: { cellId, personId: late.id, status: "pending" } });
    await bt.press(`ap:${request.id}`);
    // The draft and its notices are planned with the admission, not when someone next looks at the round.
    const draft = await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: late.id } });
    expect(draft.status).toBe("not_started");
    await h.runOutbox();
    const notice = h.user("late").inbox().filter((m) => m.text.includes("mở đợt báo cáo «Tự kiểm tra hằng quý»"));
    expect(notice).toHaveLength(1);
    expect(labelsOf(notice)).toEqual(["Bắt đầu"]);
    // Idempotent: another membership change (or a look at the round) adds nothing more.
    expect(await assignLateMembers(h.deps.db, { cellId, templateOf: () => shortTemplate, now: h.clock.now })).toBe(0);
    await bt.command("baocao");
    expect(await h.deps.db.reportDraft.count({ where: { personId: late.id } })).toBe(1);
    expect(await h.deps.db.outboxMessage.count({ where: { personId: late.id, kind: reportKinds.opened } })).toBe(1);
  });
});
