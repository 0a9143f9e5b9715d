/**
 * The 2025 year-end review (issue 11) through the chat, on the shipped template: the form chosen per
 * member, the profile questions asked once, those left out by QĐ 366 Điều 5, faults carried in from
 * last time, the issues a committee raised, the pledge shown back, and the Word file's headings.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { createHarness, labels, seedCell, texts, type Harness } from "../../helpers/core-harness.ts";
import { docxText } from "../../helpers/docx.ts";

const shipped = loadTemplatesFromDir(join(import.meta.dirname, "../../../bot/core/features/reports/templates")).templates;

let h: Harness;
let ids: Map<string, string>;
let cellId: string;
beforeEach(async () => {
  h = await createHarness({ features: [createReportsFeature({ templates: shipped })] });
  h.clock.now = new Date("2026-12-01T02:00:00Z");
  const seeded = await seedCell(h, [
    { userId: "bt", fullName: "Trần Thị Bình", role: "secretary", category: "huu_tri" },
    { userId: "cb", fullName: "Nguyễn Văn Cán", category: "can_bo" },
    { userId: "ht", fullName: "Lê Thị Hưu", category: "huu_tri" },
    { userId: "mx", fullName: "Phạm Văn Miễn", category: "huu_tri", exempt: true },
  ]);
  ids = seeded.personIds;
  cellId = seeded.cellId;
});
afterEach(async () => {
  await h.close();
});

const person = (userId: string) => h.testDb.db.person.findUniqueOrThrow({ where: { id: ids.get(userId)! } });
const draftOf = (userId: string) => h.testDb.db.reportDraft.findFirstOrThrow({ where: { personId: ids.get(userId)! }, orderBy: { createdAt: "desc" } });

/** The fixture's walk, without its question on exempt members: a 2025 review does not ask it. */
async function openReview() {
  const bt = h.user("bt");
  await bt.command("dotbaocao");
  await bt.choose(/mẫu 2025/);
  await bt.choose(/^Dùng tên/);
  await bt.say("20/12");
  await bt.choose(/^Tất cả đảng viên/);
  const out = await bt.choose("Mở đợt và báo cho đảng viên");
  await h.runOutbox();
  return out;
}

describe("opening a 2025 review", () => {
  it("leaves out exempt and suspended members whatever is chosen, says who and why, and suggests a deadline before 31/12", async () => {
    await h.testDb.db.membership.updateMany({ where: { personId: ids.get("cb")! }, data: { suspended: true } });
    const bt = h.user("bt");
    await bt.command("dotbaocao");
    await bt.choose(/mẫu 2025/);
    await bt.choose(/^Dùng tên/);
    const deadlineQuestion = bt.inbox().at(-1)!;
    expect(deadlineQuestion.text).toContain("kết thúc trước ngày 31/12");
    expect(labels(deadlineQuestion)).toEqual(["Hạn 20/12/2026"]);
    await bt.choose("Hạn 20/12/2026");
    const confirm = await bt.choose(/^Tất cả đảng viên/);
    // No question about exempt members: QĐ 366 decides.
    expect(texts(confirm)).toContain("Không thuộc diện kiểm điểm (Quy định 366-QĐ/TW, Điều 5): Nguyễn Văn Cán (đang bị đình chỉ sinh hoạt đảng); Phạm Văn Miễn (được miễn công tác và sinh hoạt đảng)");
    await bt.choose("Mở đợt và báo cho đảng viên");
    const drafts = await h.testDb.db.reportDraft.findMany({ include: { person: true } });
    expect(drafts.map((d) => d.person.fullName).sort()).toEqual(["Lê Thị Hưu", "Trần Thị Bình"]);
  });
});

describe("a member's review", () => {
  it("asks once whether they hold a post, then follows Mẫu 2C for a retiree, with the form's headings", async () => {
    await openReview();
    const ht = h.user("ht");
    const first = await ht.choose("Bắt đầu");
    expect(texts(first)).toContain("chọn đúng mẫu");
    const started = await ht.choose("Không giữ chức vụ lãnh đạo, quản lý");
    expect(texts(started)).toContain("Mẫu 2C");
    expect((await person("ht")).holdsPost).toBe(false);
    expect((await draftOf("ht")).reviewForm).toBe("2C");
  });

  it("follows Mẫu 2B for a cán bộ without a post, asking the header's posts", async () => {
    await h.testDb.db.person.update({ where: { id: ids.get("cb")! }, data: { holdsPost: false } });
    await openReview();
    const cb = h.user("cb");
    const started = await cb.choose("Bắt đầu");
    expect(texts(started)).toContain("Mẫu 2B");
    expect((await draftOf("cb")).reviewForm).toBe("2B");
  });

  it("tells a member holding a post that Mẫu 2A is not in the bot, and starts nothing", async () => {
    await h.testDb.db.person.update({ where: { id: ids.get("cb")! }, data: { holdsPost: true } });
    await openReview();
    const cb = h.user("cb");
    const out = await cb.choose("Bắt đầu");
    expect(texts(out)).toContain("theo Mẫu 2A");
    expect(texts(out)).toContain("chưa được đưa vào bot");
    expect((await draftOf("cb")).status).toBe("not_started");
  });

  it("leaves out a probationary member admitted less than 6 months before the deadline, audited, and tells the secretary", async () => {
    await h.testDb.db.person.update({ where: { id: ids.get("ht")! }, data: { partyStatus: "probationary", holdsPost: false } });
    await openReview();
    const ht = h.user("ht");
    await ht.choose("Bắt đầu");
    expect(ht.lastText()).toContain("tháng nào, năm nào");
    expect(texts(await ht.say("13/2026"))).toContain("chưa đọc được");
    const out = await ht.say("9/2026");
    expect(texts(out)).toContain("mới được kết nạp chưa đủ 6 tháng");
    expect((await draftOf("ht")).status).toBe("excluded");
    expect(h.user("bt").lastText()).toContain("Lê Thị Hưu mới được kết nạp chưa đủ 6 tháng");
    const audit = await h.testDb.db.auditLog.findFirstOrThrow({ where: { action: "report.excluded" } });
    expect(JSON.parse(audit.details)).toMatchObject({ reason: "new-member" });
    // The round's status lists her as left out, owing nothing: not counted, no proxy entry for her.
    const round = await h.testDb.db.reportRound.findFirstOrThrow();
    const status = await h.user("bt").press(`bc:st:${round.id}`);
    expect(texts(status)).toContain("– Lê Thị Hưu — không thuộc diện kiểm điểm");
    expect(texts(status)).toMatch(/0\/2/);
    expect(labels(status.at(-1))).not.toContain("Nhập hộ: Lê Thị Hưu");
  });

  it("carries in last year's faults one by one, shows the issues a committee raised, and the pledge of the year", async () => {
    await h.testDb.db.person.update({ where: { id: ids.get("ht")! }, data: { holdsPost: false } });
    // Last year's review, with two faults written one per line; and this year's pledge.
    const template = shipped.find((t) => t.id === "kiem-diem-2025")!;
    const pledgeTemplate = shipped.find((t) => t.id === "cam-ket-dau-nam")!;
    const lastYear = await h.testDb.db.reportRound.create({ data: { cellId, templateId: template.id, title: "Kiểm điểm 2025", deadline: new Date("2025-12-20T16:59:00Z"), createdById: ids.get("bt")!, createdAt: new Date("2025-12-01T00:00:00Z"), status: "closed" } });
    const pledgeRound = await h.testDb.db.reportRound.create({ data: { cellId, templateId: pledgeTemplate.id, title: "Cam kết 2026", deadline: new Date("2026-02-20T16:59:00Z"), createdById: ids.get("bt")!, createdAt: new Date("2026-02-01T00:00:00Z"), status: "closed" } });
    const state = (templateId: string, version: number, answers: Record<string, unknown>) =>
      JSON.stringify({ templateId, templateVersion: version, phase: "submitted", stepId: null, answers, buffers: {}, history: [], editing: null, obsolete: {} });
    for (const [round, at, s] of [
      [lastYear, new Date("2025-12-10T00:00:00Z"), state(template.id, template.version, { "han-che": { kind: "text", text: "Ít phát biểu trong sinh hoạt\n- Đóng đảng phí chậm" } })],
      [pledgeRound, new Date("2026-02-10T00:00:00Z"), state(pledgeTemplate.id, pledgeTemplate.version, { "cam-ket-tu-duong": { kind: "text", text: "Đọc báo Nhân Dân mỗi ngày" } })],
    ] as const) {
      const draft = await h.testDb.db.reportDraft.create({ data: { roundId: round.id, personId: ids.get("ht")!, status: "accepted", state: s, createdAt: at, updatedAt: at } });
      await h.testDb.db.reportVersion.create({ data: { draftId: draft.id, number: 1, state: s, templateId: round.templateId, templateVersion: 1, enteredById: ids.get("ht")!, submittedAt: at, status: "accepted" } });
    }
    const committee = await h.testDb.db.committee.create({ data: { name: "Đảng ủy phường Đông Thanh", code: "CU00000001", createdById: ids.get("bt")!, createdAt: h.clock.now } });
    await h.testDb.db.reviewIssue.create({ data: { committeeId: committee.id, personId: ids.get("ht")!, year: 2026, text: "Việc tham gia sinh hoạt tổ dân phố", raisedById: ids.get("bt")!, raisedAt: h.clock.now } });

    await openReview();
    const ht = h.user("ht");
    await ht.choose("Bắt đầu");
    const draft = await draftOf("ht");
    expect(draft.raisedText).toContain("Việc tham gia sinh hoạt tổ dân phố (Đảng ủy phường Đông Thanh)");
    expect(draft.pledgeText).toBe("Đọc báo Nhân Dân mỗi ngày");
    expect(draft.followUpText).toContain("Ít phát biểu");

    // Walk to the questions the bot added, answering what comes before them.
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      const last = ht.inbox().at(-1)!;
      seen.push(last.text);
      if (last.text.includes("Giải trình")) break;
      const choices = labels(last);
      if (choices.includes("Đang khắc phục")) await ht.choose("Đang khắc phục");
      else if (choices.includes("Không")) await ht.choose("Không");
      else if (choices.includes("Bỏ qua") && !last.text.includes("Khắc phục")) await ht.choose("Bỏ qua");
      else {
        await ht.say("Nội dung trả lời đủ dài cho câu này.");
        await ht.choose("Xong");
      }
    }
    const all = seen.join("\n");
    expect(all).toContain("Đầu năm, đồng chí đã cam kết: «Đọc báo Nhân Dân mỗi ngày»");
    expect(all).toContain("«Ít phát biểu trong sinh hoạt»");
    expect(all).toContain("«Đóng đảng phí chậm»");
    expect(ht.lastText()).toContain("Việc tham gia sinh hoạt tổ dân phố (Đảng ủy phường Đông Thanh)");
  });
});

/** Answers whatever the review asks, as a member would, up to the confirmation; returns every question's text. */
async function answerReview(u: ReturnType<Harness["user"]>, scores: [string, string], grade: string): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 60; i++) {
    const last = u.inbox().at(-1)!;
    asked.push(last.text);
    const choices = labels(last);
    if (choices.includes("Nộp") || choices.some((c) => /Nộp/.test(c))) return asked;
    if (/Nhóm 1\/2/.test(last.text)) await u.say(scores[0]);
    else if (/Nhóm 2\/2/.test(last.text)) await u.say(scores[1]);
    else if (choices.includes(grade)) await u.choose(grade);
    else if (choices.includes("Không")) await u.choose("Không");
    else if (choices.includes("Bỏ qua")) await u.choose("Bỏ qua");
    else {
      await u.say(last.text.includes("Ngày sinh") ? "05/3/1958" : "Một câu trả lời đủ dài, có việc làm cụ thể.");
      await u.choose("Xong");
    }
  }
  throw new Error(`the review did not reach its end: ${JSON.stringify(u.inbox().slice(-3))}`);
}

describe("a whole 2C review", () => {
  it.each(["telegram", "zalo"] as const)("on %s: the form's order and headings, the band as a suggestion, a proposal, the Word file", async (platform) => {
    await h.testDb.db.person.update({ where: { id: ids.get("ht")! }, data: { holdsPost: false } });
    if (platform === "zalo") await h.testDb.db.identity.updateMany({ where: { personId: ids.get("ht")! }, data: { platform: "zalo" } });
    await openReview();
    const ht = h.user("ht", platform);
    await ht.choose("Bắt đầu");
    const asked = await answerReview(ht, ["25", "60,5"], "Hoàn thành tốt nhiệm vụ");
    const all = asked.join("\n");
    // The order of the form: A.I before A.II before A.VI, then B.I and B.II.
    const at = (s: string) => all.indexOf(s);
    expect(at("I. Ưu điểm, kết quả đạt được")).toBeGreaterThan(-1);
    expect(at("I. Ưu điểm, kết quả đạt được")).toBeLessThan(at("II. Hạn chế, khuyết điểm và nguyên nhân"));
    expect(at("II. Hạn chế, khuyết điểm và nguyên nhân")).toBeLessThan(at("VI. Phương hướng, biện pháp khắc phục"));
    expect(at("VI. Phương hướng, biện pháp khắc phục")).toBeLessThan(at("I. Đánh giá theo các nhóm tiêu chí"));
    // 85.5 falls in the band of «Hoàn thành tốt nhiệm vụ», shown as a suggestion; never a verdict.
    expect(all).toContain("Hoàn thành tốt nhiệm vụ");
    expect(all).not.toMatch(/được xếp loại/);
    // No section IV without an issue raised, and no 2B-only question.
    expect(all).not.toContain("IV. Giải trình");
    expect(all).not.toContain("Chức vụ chính quyền");
    await ht.choose(/Nộp/);
    await ht.choose("Xác nhận nộp");
    await h.runOutbox();
    const copy = texts(h.user("bt").inbox());
    expect(copy).toContain("BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN");
    expect(copy).toContain("(Đảng viên không làm việc trong hệ thống chính trị)");
    expect(copy).toContain("A. NỘI DUNG KIỂM ĐIỂM");
    expect(copy).toContain("B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI");
    expect(copy).toContain("85,5/100");
    expect(copy).not.toMatch(/được xếp loại/);

    const version = await h.testDb.db.reportVersion.findFirstOrThrow({ where: { draft: { personId: ids.get("ht")! } } });
    const got = await h.user("bt").press(`bc:dl:${version.id}`);
    const file = got.find((m) => m.file)?.file;
    expect(file).toBeDefined();
    const word = await docxText(file!.bytes);
    expect(word).toContain("BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN");
    expect(word).toContain("Năm 2026");
    expect(word).toContain("A. NỘI DUNG KIỂM ĐIỂM");
    expect(word).toContain("1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết");
    expect(word).not.toMatch(/\n\d+\. 1\. /);

    // The cell's own draft (Mẫu 01): counts, the member's shortcomings quoted with the name, the proposed grades.
    const m01 = (await h.user("bt").press(`bc:m01:${(await h.testDb.db.reportRound.findFirstOrThrow()).id}`)).find((m) => m.file)?.file;
    const collective = await docxText(m01!.bytes);
    expect(collective).toContain("Số đảng viên đã nộp bản kiểm điểm: 1/3");
    expect(collective).toContain("Năm 2026");
    expect(collective).toContain("Chưa nộp: Nguyễn Văn Cán, Trần Thị Bình.");
    expect(collective).toContain("Lê Thị Hưu:");
    expect(collective).toContain("Hoàn thành tốt nhiệm vụ 1");
    expect(collective).toContain("85,5");
  });
});

describe("the secretary's choice of form", () => {
  it("overrides the profile for one member, audited, the member told, and the draft follows it", async () => {
    await h.testDb.db.person.update({ where: { id: ids.get("cb")! }, data: { holdsPost: true } });
    await openReview();
    const bt = h.user("bt");
    const round = await h.testDb.db.reportRound.findFirstOrThrow();
    await bt.press(`bc:st:${round.id}`);
    const list = await bt.choose("Chọn mẫu kiểm điểm cho từng đồng chí");
    expect(labels(list.at(-1))).toContain("Nguyễn Văn Cán — Mẫu 2A");
    await bt.choose("Nguyễn Văn Cán — Mẫu 2A");
    const done = await bt.choose(/^Mẫu 2B/);
    expect(texts(done)).toContain("Đã chọn Mẫu 2B");
    expect(h.user("cb").lastText()).toContain("Bí thư chi bộ đã chọn Mẫu 2B");
    const audit = await h.testDb.db.auditLog.findFirstOrThrow({ where: { action: "report.review_form_chosen" } });
    expect(JSON.parse(audit.details)).toMatchObject({ before: null, after: "2B" });
    const started = await h.user("cb").choose("Bắt đầu");
    expect(texts(started)).toContain("Mẫu 2B");
    // A plain member cannot choose: the button is refused.
    const draft = await draftOf("cb");
    expect(texts(await h.user("ht").press(`bc:fs:${draft.id}:2C`))).toMatch(/chỉ bí thư|không/i);
    expect((await draftOf("cb")).reviewForm).toBe("2B");
  });
});

describe("the profile", () => {
  it("shows in /hoso what the review asked, and lets the member change it", async () => {
    await openReview();
    const ht = h.user("ht");
    await ht.choose("Bắt đầu");
    await ht.choose("Có giữ chức vụ lãnh đạo, quản lý");
    const profile = await ht.command("hoso");
    expect(texts(profile)).toContain("Giữ chức vụ lãnh đạo, quản lý: có");
    await ht.choose("Sửa việc giữ chức vụ");
    const saved = await ht.choose("Không giữ chức vụ lãnh đạo, quản lý");
    expect(texts(saved)).toContain("Giữ chức vụ lãnh đạo, quản lý: không");
    expect((await person("ht")).holdsPost).toBe(false);
    expect(await h.testDb.db.auditLog.count({ where: { action: "person.profile_changed", targetPersonId: ids.get("ht")! } })).toBe(2);
  });
});
