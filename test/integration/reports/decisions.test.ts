import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportKinds } from "../../../bot/core/features/reports/notices.ts";
import { answerShort, longSubmitted, openRound, people, shortTemplate, submit } from "./fixtures.ts";
import { createHarness, labelsOf, seedCell, textOf, type TestUser, type Harness } from "../../helpers/core-harness.ts";

/** Words only the reports contain, to prove they never reach a log line or an outbox row. */
const secretAnswer = "Bí mật: đã góp ý thẳng thắn với tổ trưởng tổ dân phố.";
const secretComment = "Đề nghị nêu rõ nguyên nhân chủ quan.";

describe("a submitted report", () => {
  let h: Harness;
  let bt: TestUser;
  let an: TestUser;
  let long: TestUser;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    await seedCell(h, people);
    bt = h.user("bt");
    an = h.user("pbt");
    long = h.user("l");
    await openRound(bt);
    await h.runOutbox();
    await long.choose("Bắt đầu");
    await long.say(secretAnswer);
    await long.say("xong");
    await long.choose("Tốt");
    await long.say("Đọc nghị quyết mỗi tuần một lần.");
    await long.choose("Xong");
    await long.choose("Bỏ qua");
  });
  afterEach(() => h.close());

  it("goes whole to the secretary and the deputy, with Tiếp nhận / Trả lại, and to nobody else", async () => {
    const confirm = await long.choose("Nộp");
    expect(textOf(confirm)).toContain("vẫn rút lại để sửa được cho đến khi bí thư tiếp nhận");
    const done = await long.choose("Xác nhận nộp");
    expect(textOf(done)).toContain("Đã nộp bản «Tự kiểm tra hằng quý». Cảm ơn đồng chí!");
    expect(labelsOf(done)).toContain("Rút lại để sửa");
    const version = await h.deps.db.reportVersion.findFirstOrThrow();
    expect(version).toMatchObject({ number: 1, status: "submitted", proxy: false, enteredById: await long.personId() });
    await h.runOutbox();
    for (const admin of [bt, an]) {
      const report = admin.inbox().filter((m) => m.text.includes("Báo cáo của đồng chí Lê Văn Long"));
      expect(report).toHaveLength(1);
      expect(report[0]!.text).toContain("Đợt: «Tự kiểm tra hằng quý» · nộp lần 1 lúc 09:00 24/11/2026");
      expect(report[0]!.text).toContain(`1. Ưu điểm\n${secretAnswer}`);
      expect(report[0]!.text).toContain("Họ và tên: Lê Văn Long");
      expect(labelsOf(report)).toEqual(["Tiếp nhận", "Trả lại để bổ sung", "📄 Tải bản Word"]);
    }
    for (const other of ["cu", "m"]) expect(h.user(other).all()).not.toContain(secretAnswer);
    // Nobody but the author, the secretary and the deputy can read it, even with the button's data.
    expect(textOf(await h.user("cu").press(`bc:rd:${version.id}`))).toContain("Không tìm thấy");
    expect(textOf(await h.user("m").press(`bc:rd:${version.id}`))).toContain("Không tìm thấy");
    expect(textOf(await h.user("cu").press(`bc:ac:${version.id}`))).toContain("chỉ bí thư (hoặc phó bí thư)");
    // Contents never in the logs nor in the outbox.
    expect(h.logs.join("\n")).not.toContain("góp ý thẳng thắn");
    const rows = await h.deps.db.outboxMessage.findMany();
    for (const r of rows) expect(r.payload).not.toContain("góp ý");
    expect(rows.filter((r) => r.kind === reportKinds.submitted).map((r) => JSON.parse(r.payload) as unknown)).toEqual([{ versionId: version.id }, { versionId: version.id }]);
  });

  it("is returned with a comment, reopens with the comment, and comes back with what changed; then it is accepted once", async () => {
    await submit(long);
    await h.runOutbox();
    await bt.choose("Trả lại để bổ sung");
    expect(bt.lastText()).toContain("ghi nhận xét, yêu cầu bổ sung gửi đồng chí Lê Văn Long");
    const refused = await bt.send({ kind: "unsupported", what: "photo" });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.text).toContain("Nhận xét cần viết bằng chữ.");
    expect(refused[0]!.text).toContain("ghi nhận xét, yêu cầu bổ sung");
    expect(textOf(await bt.say(secretComment))).toContain("Đã trả lại bản của đồng chí Lê Văn Long kèm nhận xét.");
    expect(await h.deps.db.reportVersion.findFirstOrThrow()).toMatchObject({ status: "returned", returnComment: secretComment, decidedById: await bt.personId() });
    // The deputy's buttons on the same report are now stale.
    expect(textOf(await an.choose("Tiếp nhận"))).toContain("đã được đồng chí Trần Thị Bình trả lại để bổ sung trước đó; không có gì thay đổi");

    await h.runOutbox();
    expect(long.lastText()).toContain(`Bí thư chi bộ đã trả lại bản «Tự kiểm tra hằng quý» để đồng chí bổ sung.\nNhận xét: «${secretComment}»`);
    expect(textOf(await long.command("baocao"))).toContain("bí thư trả lại để bổ sung");
    const reopened = await long.choose("Sửa bản báo cáo");
    expect(textOf(reopened)).toContain(`Nhận xét của bí thư: «${secretComment}»`);
    expect(textOf(reopened)).toContain("Xem lại bản «Tự kiểm tra hằng quý» trước khi nộp");
    await long.choose("Sửa câu 3");
    await long.say("Đọc nghị quyết mỗi tuần và ghi chép lại.");
    const review = await long.say("xong");
    // Only the changed line comes back, not the whole review.
    expect(textOf(review)).toContain("Đã lưu câu 3:\n3. Cam kết tự sửa: Đọc nghị quyết mỗi tuần và ghi chép lại.");
    expect(textOf(review)).not.toContain("1. Ưu điểm");
    await submit(long);

    await h.runOutbox();
    const second = bt.inbox().filter((m) => m.text.includes("nộp lần 2"));
    expect(second).toHaveLength(1);
    expect(second[0]!.text).toContain("Thay đổi so với lần 1: câu 3 «Cam kết tự sửa».");
    expect(await h.deps.db.reportVersion.count()).toBe(2);
    expect(textOf(await bt.choose("Tiếp nhận"))).toContain("Đã tiếp nhận bản báo cáo của đồng chí Lê Văn Long.");
    // The deputy presses Tiếp nhận on version 2 after the secretary did: nothing changes.
    const deputyV2 = an.inbox().filter((m) => m.text.includes("nộp lần 2")).at(-1)!;
    expect(textOf(await an.press(deputyV2.choices!.flat().find((c) => c.label === "Tiếp nhận")!.data))).toContain("đã được đồng chí Trần Thị Bình tiếp nhận trước đó");
    await h.runOutbox();
    expect(long.lastText()).toContain("Bí thư chi bộ đã tiếp nhận bản «Tự kiểm tra hằng quý» của đồng chí.");
    expect((await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: await long.personId() } })).status).toBe("accepted");
    // Every submitted version is kept.
    const versions = await h.deps.db.reportVersion.findMany({ orderBy: { number: "asc" } });
    expect(versions.map((v) => v.status)).toEqual(["returned", "accepted"]);
    expect(versions[0]!.state).toContain("Đọc nghị quyết mỗi tuần một lần.");
    expect(h.logs.join("\n")).not.toContain("nguyên nhân chủ quan");
  });

  it("can be taken back by its author until it is decided; the secretary is told and sees what changed", async () => {
    await submit(long);
    await h.runOutbox();
    await long.choose("Rút lại để sửa");
    const taken = await long.choose("Rút lại để sửa");
    expect(textOf(taken)).toContain("Đã rút lại.");
    expect(textOf(taken)).toContain("Xem lại bản «Tự kiểm tra hằng quý»");
    await h.runOutbox();
    expect(bt.lastText()).toContain("Đồng chí Lê Văn Long đã rút lại bản «Tự kiểm tra hằng quý» (nộp lần 1) để sửa.");
    expect(textOf(await bt.choose("Tiếp nhận"))).toContain("đã rút lại bản này để sửa; không có gì thay đổi");
    await long.choose("Sửa câu 2");
    await long.choose("Khá");
    await submit(long);
    await h.runOutbox();
    expect(bt.inbox().filter((m) => m.text.includes("nộp lần 2")).at(-1)!.text).toContain("Thay đổi so với lần 1: câu 2 «Mức độ».");
    await bt.choose("Tiếp nhận");
    // After acceptance it can no longer be taken back.
    expect(textOf(await long.press(`bc:wd:${(await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: await long.personId() } })).id}`))).toContain("không rút lại được nữa");
  });

  it("taken back before delivery reaches the secretary neither as a report nor as a withdrawal", async () => {
    await submit(long);
    await long.choose("Rút lại để sửa");
    await long.choose("Rút lại để sửa");
    await h.runOutbox();
    expect(bt.all()).not.toContain("Báo cáo của đồng chí Lê Văn Long");
    expect(bt.all()).not.toContain("đã rút lại");
  });
});

describe("proxy entry and the follow-up of «tự sửa»", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    await seedCell(h, people);
  });
  afterEach(() => h.close());

  it("lets the secretary enter a member's report, marked as entered by her, and tells the member", async () => {
    const bt = h.user("bt");
    await openRound(bt);
    const status = await bt.choose("Xem tình hình nộp");
    expect(labelsOf(status)).toContain("Nhập hộ: Mai Thị Mơ");
    const intro = await bt.choose("Nhập hộ: Mai Thị Mơ");
    expect(textOf(intro)).toContain("Đồng chí đang nhập hộ bản «Tự kiểm tra hằng quý» của đồng chí Mai Thị Mơ");
    await answerShort(bt, "Tham gia đầy đủ các buổi sinh hoạt.");
    const done = await submit(bt);
    expect(textOf(done)).toContain("Đã nộp thay đồng chí Mai Thị Mơ.");
    const version = await h.deps.db.reportVersion.findFirstOrThrow({ include: { draft: true } });
    expect(version).toMatchObject({ proxy: true, enteredById: await bt.personId() });
    expect(version.draft.personId).toBe(await h.user("m").personId());
    await h.runOutbox();
    const forDeputy = h.user("pbt").inbox().find((m) => m.text.includes("Báo cáo của đồng chí Mai Thị Mơ"))!;
    expect(forDeputy.text).toContain("Do đồng chí Trần Thị Bình nhập hộ");
    // The secretary entered it, so she is not sent her own typing back.
    expect(bt.all()).not.toContain("Báo cáo của đồng chí Mai Thị Mơ");
    expect(h.user("m").lastText()).toContain("Bí thư chi bộ đã nhập hộ và nộp bản «Tự kiểm tra hằng quý» của đồng chí (người nhập: đồng chí Trần Thị Bình).");
    const read = await h.user("m").choose("Xem bản đã nộp");
    expect(textOf(read)).toContain("Tham gia đầy đủ các buổi sinh hoạt.");
    expect(textOf(await bt.choose("Xem tình hình nộp"))).toContain("● Mai Thị Mơ — đã nộp lần 1, chờ tiếp nhận (bí thư nhập hộ)");
  });

  it("opens the next round with what the member committed to last time, and asks how it went", async () => {
    const bt = h.user("bt");
    const long = h.user("l");
    await openRound(bt, { title: "Tự kiểm tra quý III" });
    await h.runOutbox();
    await long.choose("Bắt đầu");
    await answerShort(long, "Không vắng buổi sinh hoạt nào nữa.");
    await submit(long);
    await h.runOutbox();
    await bt.choose("Tiếp nhận");

    await openRound(bt, { title: "Tự kiểm tra quý IV" });
    await h.runOutbox();
    const first = await long.choose("Bắt đầu");
    expect(textOf(first)).toContain("Câu 1/5 · Theo dõi việc tự sửa\nKết quả thực hiện cam kết lần trước");
    expect(textOf(first)).toContain("Lần trước đồng chí đã cam kết:\n«Không vắng buổi sinh hoạt nào nữa.»");
    await long.say("Đã dự đủ ba buổi sinh hoạt.");
    await long.say("xong");
    await answerShort(long);
    await submit(long);
    await h.runOutbox();
    const report = bt.inbox().filter((m) => m.text.includes("Tự kiểm tra quý IV")).at(-1)!;
    expect(report.text).toContain("Theo dõi việc tự sửa\n\n1. Kết quả thực hiện cam kết lần trước\nĐã dự đủ ba buổi sinh hoạt.");
  });
});

describe("regressions found in review", () => {
  let h: Harness;
  let bt: TestUser;
  let long: TestUser;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    await seedCell(h, people);
    bt = h.user("bt");
    long = h.user("l");
    await openRound(bt);
    await h.runOutbox();
    await long.choose("Bắt đầu");
    await long.say("Đã tham gia đầy đủ các buổi sinh hoạt.");
    await long.say("xong");
  });
  afterEach(() => h.close());

  it("a member removed while answering cannot go on or submit", async () => {
    const membership = await h.deps.db.membership.findFirstOrThrow({ where: { personId: await long.personId() } });
    await bt.press(`rm!:${membership.id}`);
    const after = await long.choose("Tốt");
    expect(textOf(after)).not.toContain("Câu");
    expect(await h.deps.db.reportVersion.count()).toBe(0);
    expect(await h.deps.db.dialogueState.count({ where: { personId: await long.personId() } })).toBe(0);
  });

  it("a report cannot be taken back or returned once its round is closed", async () => {
    await long.choose("Tốt");
    await long.say("Đọc nghị quyết mỗi tuần một lần.");
    await long.choose("Xong");
    await long.choose("Bỏ qua");
    await long.choose("Nộp");
    await long.choose("Xác nhận nộp");
    await h.deps.db.reportRound.updateMany({ data: { status: "closed", closedAt: h.clock.now } });
    await long.choose("Rút lại để sửa");
    const refused = await long.choose("Rút lại để sửa"); // the confirmation
    expect(textOf(refused)).toContain("đã đóng");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("submitted");
    await h.runOutbox();
    const back = await bt.choose("Trả lại để bổ sung");
    expect(textOf(back)).toContain("đã đóng");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("submitted");
  });
});

describe("every action checks current membership and role at the moment it runs", () => {
  let h: Harness;
  let bt: TestUser;
  let an: TestUser;
  let long: TestUser;
  const membershipOf = async (m: TestUser) => h.deps.db.membership.findFirstOrThrow({ where: { personId: await m.personId() } });
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    await seedCell(h, people);
    bt = h.user("bt");
    an = h.user("pbt");
    long = h.user("l");
    await openRound(bt);
    await h.runOutbox();
    await long.choose("Bắt đầu");
    await answerShort(long);
  });
  afterEach(() => h.close());

  it("a member removed from the cell cannot withdraw a submitted report with the button shown earlier", async () => {
    await submit(long);
    await h.runOutbox();
    await long.choose("Rút lại để sửa");
    // The confirmation is on screen; the secretary removes him now.
    await bt.press(`rm!:${(await membershipOf(long)).id}`);
    const refused = await long.choose("Rút lại để sửa");
    expect(textOf(refused)).toContain("không phải thành viên");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("submitted");
    expect((await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: await long.personId() } })).status).toBe("submitted");
    // The report stays in the secretary's queue: her buttons still decide it.
    expect(textOf(await bt.choose("Tiếp nhận"))).toContain("Đã tiếp nhận bản báo cáo của đồng chí Lê Văn Long.");
  });

  it("a member removed while at the confirmation cannot submit", async () => {
    await long.choose("Nộp");
    // Removed by another process at that very moment: his chat still shows «Xác nhận nộp».
    await h.deps.db.membership.updateMany({ where: { personId: await long.personId() }, data: { status: "removed" } });
    const refused = await long.choose("Xác nhận nộp");
    expect(textOf(refused)).toContain("không phải thành viên");
    expect(await h.deps.db.reportVersion.count()).toBe(0);
    expect((await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: await long.personId() } })).status).toBe("drafting");
    expect(await h.deps.db.dialogueState.count({ where: { personId: await long.personId() } })).toBe(0);
    expect(await h.deps.db.outboxMessage.count({ where: { kind: reportKinds.submitted } })).toBe(0);
  });

  it("a deputy who lost the role cannot accept with the buttons still on screen", async () => {
    await submit(long);
    await h.runOutbox();
    await bt.press(`r:${(await membershipOf(an)).id}:m`);
    expect(textOf(await an.choose("Tiếp nhận"))).toContain("chỉ bí thư (hoặc phó bí thư)");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("submitted");
  });

  it("a deputy who lost the role while writing the return comment cannot return it", async () => {
    await submit(long);
    await h.runOutbox();
    expect(textOf(await an.choose("Trả lại để bổ sung"))).toContain("ghi nhận xét, yêu cầu bổ sung gửi đồng chí Lê Văn Long");
    // Demoted from elsewhere while typing.
    await h.deps.db.membership.updateMany({ where: { personId: await an.personId() }, data: { role: "member" } });
    expect(textOf(await an.say("Đề nghị bổ sung phần nguyên nhân."))).toContain("chỉ bí thư (hoặc phó bí thư)");
    const version = await h.deps.db.reportVersion.findFirstOrThrow();
    expect(version).toMatchObject({ status: "submitted", returnComment: null });
    await h.runOutbox();
    expect(long.all()).not.toContain("trả lại");
  });
});

describe("the return comment", () => {
  let h: Harness;
  let bt: TestUser;
  let long: TestUser;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    ({ bt, long } = await longSubmitted(h));
  });
  afterEach(() => h.close());

  it("is handed back whole when too long, and the secretary goes on with a shorter one", async () => {
    await bt.choose("Trả lại để bổ sung");
    const long1001 = `${secretComment} ${"x".repeat(1001 - secretComment.length - 1)}`;
    const refused = await bt.say(long1001);
    expect(textOf(refused)).toContain("Nhận xét dài 1.001 ký tự, quá mức 1.000.");
    expect(refused.map((m) => m.text)).toContain(long1001);
    expect(textOf(refused)).toContain("ghi nhận xét, yêu cầu bổ sung gửi đồng chí Lê Văn Long");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("submitted");
    expect(textOf(await bt.say(secretComment))).toContain("Đã trả lại bản của đồng chí Lê Văn Long kèm nhận xét.");
    expect(await h.deps.db.reportVersion.findFirstOrThrow()).toMatchObject({ status: "returned", returnComment: secretComment });
  });

  it("is refused when the round closed while it was being written, and the report stays submitted", async () => {
    await bt.choose("Trả lại để bổ sung");
    await h.deps.db.reportRound.updateMany({ data: { status: "closed", closedAt: h.clock.now } });
    expect(textOf(await bt.say(secretComment))).toContain("đã đóng");
    expect(await h.deps.db.reportVersion.findFirstOrThrow()).toMatchObject({ status: "submitted", returnComment: null });
    expect(await h.deps.db.dialogueState.count({ where: { personId: await bt.personId() } })).toBe(0);
  });

  it("a forged or stale button under the question changes nothing and asks again", async () => {
    await bt.choose("Trả lại để bổ sung");
    const stale = await bt.press("d:comment:Đồng ý");
    expect(textOf(stale)).toContain("ghi nhận xét");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("submitted");
    expect(textOf(await bt.say(secretComment))).toContain("Đã trả lại");
  });

  it("leaves audit lines for the decisions, with ids only", async () => {
    await bt.choose("Trả lại để bổ sung");
    await bt.say(secretComment);
    await h.runOutbox();
    await long.choose("Sửa bản báo cáo");
    await submit(long);
    await h.runOutbox();
    await long.choose("Rút lại để sửa");
    await long.choose("Rút lại để sửa");
    await submit(long);
    await h.runOutbox();
    await bt.choose("Tiếp nhận");
    const lines = await h.deps.db.auditLog.findMany({ where: { action: { in: ["report.returned", "report.withdrawn", "report.accepted"] } }, orderBy: { at: "asc" } });
    expect(lines.map((l) => [l.action, JSON.parse(l.details).number])).toEqual([
      ["report.returned", 1],
      ["report.withdrawn", 2],
      ["report.accepted", 3],
    ]);
    for (const l of lines) expect(l.details).not.toContain("nguyên nhân");
  });
});
