/**
 * What a committee does to its cells from above: report rounds opened for all or chosen cells and
 * followed per cell (counts only), notices through the outbox, issues raised for a member's review.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCommitteeActions } from "../../../bot/core/features/committees/actions/index.ts";
import { raisedIssues as raisedIssuesFor } from "../../../bot/core/features/reports/review-2025.ts";
import { actionKinds } from "../../../bot/core/features/committees/actions/kinds.ts";
import { openCommitteeRound } from "../../../bot/core/features/committees/actions/services/rounds.ts";
import { createCommitteesFeature } from "../../../bot/core/features/committees/index.ts";
import { DomainError } from "../../../bot/core/domain/errors.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { createHarness, labels, labelsOf, seedCell, texts, walkCreateCell, type Harness, type TestUser } from "../../helpers/core-harness.ts";
import { walkCreateCommittee, walkLinkCell } from "../../helpers/committees.ts";
import { answerShort, shortTemplate, submit } from "../reports/fixtures.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({
    features: [createReportsFeature({ templates: [shortTemplate] }), createCommitteesFeature([createCommitteeActions({ templates: [shortTemplate] })])],
  });
});
afterEach(async () => {
  await h.close();
});

const committeeName = "Đảng ủy phường Đông Thanh";

/** A committee (its secretary on `platform`) with two linked cells of three members each; Khu phố 5 has a deputy. */
async function setup(platform: "telegram" | "zalo" = "telegram") {
  const officer = h.user("900", platform);
  await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
  const code = await walkCreateCommittee(officer);
  const a = await seedCell(h, [
    { userId: "a1", fullName: "Trần Thị Bình", role: "secretary" },
    { userId: "a2", fullName: "Nguyễn Văn An" },
    { userId: "a3", fullName: "Lê Văn Long" },
  ], "Chi bộ Khu phố 3");
  const b = await seedCell(h, [
    { userId: "b1", fullName: "Phạm Văn Dũng", role: "secretary" },
    { userId: "b2", fullName: "Đỗ Thị Hoa", role: "deputy" },
    { userId: "b3", fullName: "Mai Văn Nam" },
  ], "Chi bộ Khu phố 5");
  await walkLinkCell(h.user("a1"), officer, code);
  await walkLinkCell(h.user("b1"), officer, code);
  const committee = await h.deps.db.committee.findFirstOrThrow();
  return { officer, committee, a, b };
}

/** Through the committee's home: template, its own title, a deadline, all cells, confirm. */
async function openForAll(officer: TestUser, deadline = "20/12") {
  await officer.command("capuy");
  await officer.pressLabel("📝 Mở đợt báo cáo");
  await officer.choose(/Tự kiểm tra/);
  await officer.choose(/^Dùng tên/);
  await officer.say(deadline);
  const confirm = await officer.choose(/^Tất cả chi bộ trực thuộc/);
  expect(texts(confirm)).toContain("Chi bộ: tất cả 2 chi bộ trực thuộc");
  return officer.choose("Mở đợt và báo cho các chi bộ");
}

const actions = async (prefix: string) => (await h.deps.db.auditLog.findMany({ where: { action: { startsWith: prefix } }, orderBy: { at: "asc" } })).map((a) => a.action);

describe("a round opened by the committee", () => {
  it("reaches both cells' secretaries and members as their own round, and the committee follows the counts per cell", async () => {
    const { officer, committee } = await setup();
    const done = await openForAll(officer);
    expect(texts(done)).toContain("Đã mở đợt «Tự kiểm tra hằng quý» ở 2 chi bộ, cho 6 đồng chí");

    const rounds = await h.deps.db.reportRound.findMany({ include: { drafts: true, cell: true }, orderBy: { cell: { name: "asc" } } });
    const committeeRound = await h.deps.db.committeeRound.findFirstOrThrow();
    expect(rounds.map((r) => [r.cell.name, r.committeeRoundId, r.drafts.length])).toEqual([
      ["Chi bộ Khu phố 3", committeeRound.id, 3],
      ["Chi bộ Khu phố 5", committeeRound.id, 3],
    ]);
    expect(committeeRound).toMatchObject({ committeeId: committee.id, templateId: shortTemplate.id, title: "Tự kiểm tra hằng quý", createdById: await officer.personId() });
    const opened = await h.deps.db.auditLog.findMany({ where: { action: { in: ["committee.round_opened", "report.round_opened"] } } });
    expect(opened.map((a) => a.action).sort()).toEqual(["committee.round_opened", "report.round_opened", "report.round_opened"]);
    expect(opened.every((a) => a.actorPersonId === committeeRound.createdById)).toBe(true);
    expect(opened.find((a) => a.action === "committee.round_opened")!.committeeId).toBe(committee.id);

    await h.runOutbox();
    // Each cell's secretary (and Khu phố 5's deputy) is told it is the cell's round; every member gets the round.
    for (const id of ["a1", "b1", "b2"]) expect(h.user(id).all()).toContain(`🏛 ${committeeName} mở đợt báo cáo «Tự kiểm tra hằng quý»`);
    expect(h.user("a2").all()).not.toContain("🏛");
    for (const id of ["a1", "a2", "a3", "b1", "b2", "b3"]) expect(labelsOf(h.user(id).inbox())).toContain("Bắt đầu");
    const list = await h.user("a1").command("baocao");
    expect(texts(list)).toContain(`(do ${committeeName} mở)`);
    const status = await h.user("a1").choose("Xem tình hình nộp");
    expect(texts(status)).toContain(`🏛 Đợt do ${committeeName} mở`);

    // Khu phố 3: Long's report accepted, An's returned; Khu phố 5: Nam's waiting.
    const [long, an, nam] = [h.user("a3"), h.user("a2"), h.user("b3")];
    for (const m of [long, an, nam]) {
      await m.choose("Bắt đầu");
      await answerShort(m);
    }
    await submit(long);
    await h.runOutbox();
    await h.user("a1").choose("Tiếp nhận");
    await submit(an);
    await h.runOutbox();
    await h.user("a1").choose("Trả lại để bổ sung");
    await h.user("a1").say("Đồng chí bổ sung phần ưu điểm cho cụ thể hơn.");
    await submit(nam);

    await officer.command("capuy");
    await officer.pressLabel("📊 Các đợt báo cáo");
    expect(officer.lastText()).toContain("1. «Tự kiểm tra hằng quý» — hạn 23:59 20/12/2026; 2 chi bộ");
    const progress = texts(await officer.pressLabel("1. Tự kiểm tra hằng quý"));
    expect(progress).toContain("Toàn cấp ủy: 1 đã tiếp nhận, 1 chờ tiếp nhận, 1 trả lại, 3 chưa nộp (tổng 6).");
    expect(progress).toContain("1. Chi bộ Khu phố 3: 1 tiếp nhận · 0 chờ · 1 trả lại · 1 chưa nộp / 3");
    expect(progress).toContain("2. Chi bộ Khu phố 5: 0 tiếp nhận · 1 chờ · 0 trả lại · 2 chưa nộp / 3");
    // Counts only: not a word of any report, nor a name.
    expect(progress).not.toContain("hoàn thành nhiệm vụ");
    expect(progress).not.toContain("Lê Văn Long");
  });

  it("pages the cell checklist, opens only in the cells ticked, and reports a cell with nobody to answer", async () => {
    const { officer, committee } = await setup();
    // Ten more linked cells, so the checklist has a second page; one of them has no member at all.
    for (let i = 10; i < 20; i++) {
      const extra = i === 19 ? await h.deps.db.cell.create({ data: { name: `Chi bộ Tổ ${i}`, timeZone: "Asia/Ho_Chi_Minh" } }) : { id: (await seedCell(h, [{ userId: `x${i}`, fullName: `Đảng viên Tổ ${i}`, role: "secretary" }], `Chi bộ Tổ ${i}`)).cellId };
      await h.deps.db.cell.update({ where: { id: extra.id }, data: { committeeId: committee.id } });
    }
    await officer.command("capuy");
    await officer.pressLabel("📝 Mở đợt báo cáo");
    await officer.choose(/Tự kiểm tra/);
    await officer.choose(/^Dùng tên/);
    await officer.say("20/12");
    const page1 = await officer.choose("Chọn một số chi bộ");
    expect(texts(page1)).toContain("đã chọn 0/12");
    expect(labels(page1.at(-1))).toContain("☐ Chi bộ Khu phố 3");
    expect(labels(page1.at(-1))).not.toContain("☐ Chi bộ Tổ 19");
    expect(texts(await officer.choose("Xong (0 chi bộ)"))).toContain("chưa chọn chi bộ nào");
    await officer.choose("☐ Chi bộ Khu phố 3");
    const page2 = await officer.choose("Trang sau ›");
    expect(labels(page2.at(-1))).toContain("☐ Chi bộ Tổ 19");
    await officer.choose("☐ Chi bộ Tổ 19");
    const confirm = await officer.choose("Xong (2 chi bộ)");
    expect(texts(confirm)).toContain("Chi bộ: Chi bộ Khu phố 3, Chi bộ Tổ 19");
    const done = await officer.choose("Mở đợt và báo cho các chi bộ");
    expect(texts(done)).toContain("ở 1 chi bộ, cho 3 đồng chí");
    expect(texts(done)).toContain("1 chi bộ không có đảng viên nào phải nộp theo mẫu này nên không mở đợt: Chi bộ Tổ 19");
    const rounds = await h.deps.db.reportRound.findMany({ include: { cell: true } });
    expect(rounds.map((r) => r.cell.name)).toEqual(["Chi bộ Khu phố 3"]);
  });

  it("cannot reach an unlinked cell with a forged button or call, and refuses a deputy of another committee and a plain officer", async () => {
    const { officer, committee, a } = await setup();
    const outside = await seedCell(h, [{ userId: "o1", fullName: "Hồ Văn Ngoài", role: "secretary" }], "Chi bộ Ngoài");

    await officer.command("capuy");
    await officer.pressLabel("📝 Mở đợt báo cáo");
    await officer.choose(/Tự kiểm tra/);
    await officer.choose(/^Dùng tên/);
    await officer.say("20/12");
    await officer.choose("Chọn một số chi bộ");
    // The unlinked cell's id in a forged tick is refused exactly like a wrong typed line.
    expect(texts(await officer.press(`d:cells:${outside.cellId}`))).toContain("Lựa chọn này không hợp lệ.");
    await officer.choose("☐ Chi bộ Khu phố 3");
    const confirm = await officer.choose("Xong (1 chi bộ)");
    expect(texts(confirm)).not.toContain("Chi bộ Ngoài");
    await expect(
      openCommitteeRound(h.deps.db, { actorId: await officer.personId(), committeeId: committee.id, cellIds: [a.cellId, outside.cellId], template: shortTemplate, title: "Giả mạo", deadline: new Date("2026-12-20T10:00:00Z"), now: h.clock.now }),
    ).rejects.toThrow(DomainError);
    expect(await h.deps.db.reportRound.count({ where: { cellId: outside.cellId } })).toBe(0);

    // The deputy of another committee: refused on this committee's buttons and in the service.
    const other = h.user("800");
    await walkCreateCell(other, "Cơ quan Đảng ủy xã", "Vũ Thị Khác");
    await walkCreateCommittee(other, "Đảng ủy xã Tân Hòa");
    const otherCommittee = await h.deps.db.committee.findFirstOrThrow({ where: { name: "Đảng ủy xã Tân Hòa" } });
    const deputy = h.user("a2");
    await h.deps.db.committeeOfficer.create({ data: { committeeId: otherCommittee.id, personId: await deputy.personId(), role: "deputy", appointedById: await other.personId(), appointedAt: h.clock.now } });
    expect(texts(await deputy.press(`ca:rn:${committee.id}`))).toContain("không giữ chức vụ trong cấp ủy này");
    expect(texts(await deputy.press(`ca:nn:${committee.id}`))).toContain("không giữ chức vụ trong cấp ủy này");
    expect(texts(await deputy.press(`ca:il:${committee.id}:0`))).toContain("không giữ chức vụ trong cấp ủy này");
    await expect(
      openCommitteeRound(h.deps.db, { actorId: await deputy.personId(), committeeId: committee.id, cellIds: null, template: shortTemplate, title: "Giả mạo", deadline: new Date("2026-12-20T10:00:00Z"), now: h.clock.now }),
    ).rejects.toThrow(DomainError);
    // Nor can that deputy follow a round of this committee.
    await h.deps.db.committeeRound.create({ data: { committeeId: committee.id, templateId: shortTemplate.id, title: "Đợt A", deadline: new Date("2026-12-20T10:00:00Z"), createdById: await officer.personId(), createdAt: h.clock.now } });
    const round = await h.deps.db.committeeRound.findFirstOrThrow();
    expect(texts(await deputy.press(`ca:rs:${round.id}:0`))).toContain("không giữ chức vụ trong cấp ủy này");

    // An ủy viên of this committee follows rounds but does not open them.
    const member = h.user("b3");
    await h.deps.db.committeeOfficer.create({ data: { committeeId: committee.id, personId: await member.personId(), role: "member", appointedById: await officer.personId(), appointedAt: h.clock.now } });
    expect(texts(await member.press(`ca:rn:${committee.id}`))).toContain("chỉ bí thư (hoặc phó bí thư) cấp ủy");
    expect(texts(await member.press(`ca:rs:${round.id}:0`))).toContain("«Đợt A»");
    expect(await h.deps.db.committeeRound.count()).toBe(1);
  });
});

describe("a notice from the committee", () => {
  async function sendNotice(officer: TestUser, text: string, audience: RegExp) {
    await officer.command("capuy");
    await officer.pressLabel("📢 Gửi thông báo");
    await officer.say(text);
    const confirm = await officer.choose(audience);
    expect(texts(confirm)).toContain(text);
    return officer.choose("Gửi thông báo");
  }

  it("goes to the secretaries or to every member, each once, however often the outbox runs", async () => {
    const { officer, committee, b } = await setup();
    // Nguyễn Văn An is a member of both cells: one notice for him.
    await h.deps.db.membership.create({ data: { cellId: b.cellId, personId: await h.user("a2").personId(), status: "active", decidedAt: h.clock.now } });

    const toSecretaries = await sendNotice(officer, "Các chi bộ nộp báo cáo tổng kết trước ngày 15/12.", /^Bí thư, phó bí thư các chi bộ \(3\)$/);
    expect(texts(toSecretaries)).toContain("Thông báo đang được gửi tới 3 đồng chí");
    const toMembers = await sendNotice(officer, "Mời toàn thể đảng viên dự hội nghị học tập nghị quyết ngày 10/12.", /^Tất cả đảng viên các chi bộ \(6\)$/);
    expect(texts(toMembers)).toContain("Thông báo đang được gửi tới 6 đồng chí");

    const notices = await h.deps.db.committeeNotice.findMany({ orderBy: { createdAt: "asc" } });
    expect(notices.map((n) => n.audience)).toEqual(["secretaries", "members"]);
    expect(await h.deps.db.outboxMessage.count({ where: { kind: actionKinds.notice } })).toBe(9);
    expect(await h.deps.db.outboxMessage.count({ where: { key: `committee-notice:${notices[1]!.id}:${await h.user("a2").personId()}` } })).toBe(1);

    await h.runOutbox();
    const again = await h.runOutbox();
    expect(again.sent).toBe(0);
    const received = (id: string) => h.user(id).inbox().filter((m) => m.text.startsWith(`📢 Thông báo của ${committeeName}`)).map((m) => m.text);
    expect(received("a1")).toHaveLength(2);
    expect(received("b2")).toHaveLength(2);
    expect(received("a2")).toEqual([`📢 Thông báo của ${committeeName}:\n\nMời toàn thể đảng viên dự hội nghị học tập nghị quyết ngày 10/12.`]);
    expect(received("b3")).toHaveLength(1);

    const audits = await h.deps.db.auditLog.findMany({ where: { action: "committee.notice_sent" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => [a.committeeId, JSON.parse(a.details).recipients])).toEqual([
      [committee.id, 3],
      [committee.id, 6],
    ]);
    // The words stay in the notice's row, never in the audit line.
    expect(audits.map((a) => a.details).join()).not.toContain("hội nghị");
  });

  it("waits for the cells' quiet hours to end, and refuses a text too long", async () => {
    const { officer } = await setup();
    await officer.command("capuy");
    await officer.pressLabel("📢 Gửi thông báo");
    const tooLong = await officer.say("Thông báo ".repeat(120));
    expect(texts(tooLong)).toContain("Nội dung quá dài");
    await officer.pressLabel("Hủy");

    h.clock.now = new Date("2026-11-24T15:00:00Z"); // 22:00 in Hà Nội, inside 21:30–06:30
    const sent = await sendNotice(officer, "Các chi bộ rà soát danh sách đảng viên.", /^Bí thư, phó bí thư các chi bộ/);
    expect(texts(sent)).toContain("2 chi bộ đang trong giờ nghỉ");
    const night = await h.runOutbox();
    expect(night.sent).toBe(0);
    expect(night.deferred).toBe(3);
    expect(h.user("a1").all()).not.toContain("rà soát danh sách");
    h.clock.now = new Date("2026-11-24T23:31:00Z"); // 06:31
    const morning = await h.runOutbox();
    expect(morning.sent).toBe(3);
    expect(h.user("a1").all()).toContain("Các chi bộ rà soát danh sách đảng viên.");
  });
});

describe("issues raised for a member's review", () => {
  it("are raised for a member of a cell, told, listed, withdrawn once, and audited; the review form reads them", async () => {
    const { officer, committee, a } = await setup();
    const longId = await h.user("a3").personId();
    await officer.command("capuy");
    expect(texts(await officer.pressLabel("🗒 Gợi ý kiểm điểm"))).toContain("chưa có gợi ý kiểm điểm nào cho năm 2026");
    await officer.pressLabel("➕ Gợi ý kiểm điểm cho một đảng viên");
    await officer.pressLabel("Chi bộ Khu phố 3");
    const intro = await officer.pressLabel("Lê Văn Long");
    expect(texts(intro)).toContain("Gợi ý kiểm điểm năm 2026 cho đồng chí Lê Văn Long (Chi bộ Khu phố 3)");
    const issue = "Làm rõ việc chậm nộp đảng phí quý III.";
    await officer.say(issue);
    const saved = await officer.choose("Ghi và báo cho đồng chí ấy");
    expect(texts(saved)).toContain("Đã ghi gợi ý kiểm điểm năm 2026 cho đồng chí Lê Văn Long");
    expect(h.user("a3").lastText()).toContain(`🏛 ${committeeName} đề nghị đồng chí làm rõ trong bản kiểm điểm năm 2026:\n«${issue}»`);
    expect(await raisedIssuesFor(h.deps.db, longId, 2026)).toEqual([{ text: issue, committeeName }]);
    expect(await raisedIssuesFor(h.deps.db, longId, 2025)).toEqual([]);

    const list = await officer.command("capuy").then(() => officer.pressLabel("🗒 Gợi ý kiểm điểm"));
    expect(texts(list)).toContain(`1. Đồng chí Lê Văn Long: ${issue}`);
    await officer.pressLabel("Rút gợi ý 1 (Lê Văn Long)");
    const confirmButton = officer.inbox().at(-1)!.choices![0]![0]!;
    expect(texts(await officer.press(confirmButton.data))).toContain("Đã rút gợi ý kiểm điểm cho đồng chí Lê Văn Long");
    expect(h.user("a3").lastText()).toContain(`${committeeName} đã rút gợi ý kiểm điểm năm 2026: «${issue}»`);
    expect(texts(await officer.press(confirmButton.data))).toContain("đã được rút trước đó");
    expect(await raisedIssuesFor(h.deps.db, longId, 2026)).toEqual([]);
    expect((await h.deps.db.reviewIssue.findFirstOrThrow()).withdrawnAt).toEqual(h.clock.now);

    const audits = await h.deps.db.auditLog.findMany({ where: { action: { startsWith: "committee.issue" } }, orderBy: { at: "asc" } });
    expect(audits.map((x) => [x.action, x.committeeId, x.targetPersonId])).toEqual([
      ["committee.issue_raised", committee.id, longId],
      ["committee.issue_withdrawn", committee.id, longId],
    ]);
    expect(audits.map((x) => x.details).join()).not.toContain("đảng phí");

    // Someone outside the committee's cells cannot be named, whatever the button says.
    const outside = await seedCell(h, [{ userId: "o1", fullName: "Hồ Văn Ngoài", role: "secretary" }], "Chi bộ Ngoài");
    expect(texts(await officer.press(`ca:im:${outside.cellId}:${outside.personIds.get("o1")!}`))).toContain("Không tìm thấy");
    expect(texts(await officer.press(`ca:im:${a.cellId}:${outside.personIds.get("o1")!}`))).toContain("Không tìm thấy");
    expect(await h.deps.db.reviewIssue.count()).toBe(1);
    expect(await actions("committee.issue")).toHaveLength(2);
  });
});

describe("on Zalo", () => {
  it("a committee secretary opens a round for a cell by typing numbers, and follows it", async () => {
    const { officer } = await setup("zalo");
    await officer.command("capuy");
    await officer.pressLabel("📝 Mở đợt báo cáo");
    await officer.say("1");
    await officer.choose(/^Dùng tên/);
    await officer.say("20/12");
    // «2»: some cells; «2»: the second line (Khu phố 5); «xong».
    await officer.say("2");
    const ticked = await officer.say("2");
    expect(labels(ticked.at(-1))).toContain("☑ Chi bộ Khu phố 5");
    const confirm = await officer.say("xong");
    expect(texts(confirm)).toContain("Chi bộ: Chi bộ Khu phố 5");
    const done = await officer.say("1");
    expect(texts(done)).toContain("ở 1 chi bộ, cho 3 đồng chí");
    expect(h.zalo.inbox("900").length).toBeGreaterThan(0);
    await h.runOutbox();
    expect(h.user("b1").all()).toContain(`🏛 ${committeeName} mở đợt báo cáo «Tự kiểm tra hằng quý» cho Chi bộ Khu phố 5`);
    expect(h.user("a1").all()).not.toContain("Tự kiểm tra hằng quý");
    const progress = texts(await officer.pressLabel("Xem tình hình từng chi bộ"));
    expect(progress).toContain("1. Chi bộ Khu phố 5: 0 tiếp nhận · 0 chờ · 0 trả lại · 3 chưa nộp / 3");
  });
});
