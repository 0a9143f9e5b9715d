/**
 * End to end through the core, on both messengers: a committee on Telegram; one cell on Telegram
 * that meets (briefly) and partly reports, one on Zalo that neither records its meeting nor reports.
 * The committee's officers, one on each messenger, see exactly that in the roll-up.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { committeesFeature } from "../../../bot/core/features/committees/index.ts";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { createHarness, labels, texts, walkCreateCell, walkJoin, type Harness, type TestUser } from "../../helpers/core-harness.ts";
import { walkCreateCommittee, walkLinkCell } from "../../helpers/committees.ts";
import { answerShort, shortTemplate, submit } from "../reports/fixtures.ts";
import { local } from "./rollup-fixture.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [meetingsFeature, createReportsFeature({ templates: [shortTemplate] }), committeesFeature] });
  h.clock.now = local("2026-11-24 09:00");
});
afterEach(async () => {
  await h.close();
});

/** A cell with its secretary and two members admitted, all on one messenger; its monthly rule set. */
async function cellOn(platform: "telegram" | "zalo", ids: [string, string, string], name: string, people: [string, string, string]): Promise<TestUser[]> {
  const [sec, ...members] = ids.map((id) => h.user(id, platform)) as [TestUser, TestUser, TestUser];
  const invite = await walkCreateCell(sec, name, people[0]);
  for (const [i, m] of members.entries()) {
    await walkJoin(m, invite, people[i + 1]!);
    await sec.choose("Duyệt");
  }
  await sec.command("hop");
  await sec.pressLabel("Đặt lịch định kỳ hằng tháng");
  await sec.say("ngày 5 hằng tháng 19h30");
  await sec.pressLabel("Bỏ qua");
  return [sec, ...members];
}

/** The secretary opens a round for everyone, due on `deadline`, tied to no meeting. */
async function openRound(sec: TestUser, deadline: string) {
  await sec.command("dotbaocao");
  await sec.choose(/Tự kiểm tra/);
  await sec.choose(/^Dùng tên/);
  await sec.say(deadline);
  await sec.choose(/^Tất cả đảng viên/);
  await sec.choose("Không gắn với buổi nào");
  await sec.choose("Mở đợt và báo cho đảng viên");
}

describe("two cells under a committee, on Telegram and Zalo", () => {
  it("the roll-up shows who met, how long, who came, and whose reports are missing", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    const code = await walkCreateCommittee(officer);
    const [bình, an] = await cellOn("telegram", ["1", "2", "3"], "Khu phố 3", ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Long"]);
    const [hoa, cừ] = await cellOn("zalo", ["z1", "z2", "z3"], "Khu phố 9", ["Phạm Thị Hoa", "Đỗ Văn Cừ", "Mai Thị Mơ"]);
    await walkLinkCell(bình!, officer, code);
    await walkLinkCell(hoa!, officer, code);

    // Both open a report round due 15/12; in Khu phố 3 An submits, nobody in Khu phố 9 does.
    await openRound(bình!, "15/12");
    await openRound(hoa!, "15/12");
    await h.runOutbox();
    await an!.choose("Bắt đầu");
    await answerShort(an!);
    await submit(an!);
    await cừ!.choose("Bắt đầu");

    // The day before the meeting the reminders go; Bình and An will come, Long does not answer.
    h.clock.now = local("2026-12-04 20:00");
    await h.runOutbox();
    await bình!.choose("Tham dự");
    await an!.choose("Tham dự");
    await cừ!.choose("Tham dự");

    // Khu phố 3 records attendance after a 75-minute meeting; Khu phố 9 never does.
    h.clock.now = local("2026-12-05 21:00");
    await bình!.command("diemdanh");
    await bình!.pressLabel("Lưu điểm danh");
    await bình!.pressLabel("Bỏ qua");
    await bình!.say("20:45");
    await bình!.pressLabel("Bỏ qua");
    await bình!.pressLabel("Bỏ qua");

    // The committee appoints Hoa (on Zalo) and puts her in charge of her own cell.
    await officer.command("capuy");
    await officer.pressLabel("Cán bộ cấp ủy");
    await officer.pressLabel("➕ Phân công cán bộ cấp ủy");
    await officer.pressLabel("Chi bộ Khu phố 9");
    await officer.pressLabel("Phạm Thị Hoa");
    await officer.pressLabel("Ủy viên");
    await officer.command("capuy");
    await officer.pressLabel("Cán bộ cấp ủy");
    await officer.pressLabel("Phạm Thị Hoa");
    await officer.pressLabel("Phân công phụ trách chi bộ");
    await officer.pressLabel("Chi bộ Khu phố 9");

    // After the deadline, the secretary of the committee looks at December on Telegram.
    h.clock.now = local("2026-12-16 08:00");
    await officer.command("capuy");
    const [summary] = await officer.pressLabel("📊 Tổng hợp tháng");
    const text = summary!.text;
    expect(text).toContain("📊 Tổng hợp tháng 12/2026 — Đảng ủy phường Đông Thanh");
    expect(text).toContain("Sinh hoạt định kỳ: 1/2 chi bộ đã họp");
    expect(text).toContain("Dự họp: có mặt 2, vắng có lý do 0, vắng không lý do 1 — 67% có mặt");
    expect(text).toContain("Họp dưới 90 phút: 1 chi bộ");
    expect(text).toContain("• Đợt do chi bộ mở (2 đợt ở 2 chi bộ): đã nộp 1/6, trả lại 0, chưa nộp 5");
    expect(text).toContain("1. Chi bộ Khu phố 9: chưa họp; 3 báo cáo quá hạn");
    expect(text).toContain("2. Chi bộ Khu phố 3: họp 75 phút (dưới 90); 2 báo cáo quá hạn");
    expect(text).not.toContain("Luôn hoàn thành nhiệm vụ được giao");

    const [list] = await officer.pressLabel("Danh sách chi bộ");
    expect(list!.text).toContain("1. Chi bộ Khu phố 3: ✅ 05/12 · 👥 67% · ⏱ 75′ · 📝 2");
    expect(list!.text).toContain("2. Chi bộ Khu phố 9: ❌ chưa họp · 📝 3");
    const card = texts(await officer.pressLabel("1. Chi bộ Khu phố 3"));
    expect(card).toContain("Sinh hoạt chi bộ định kỳ: đã họp lúc 19:30 05/12/2026");
    expect(card).toContain("Thời lượng: 75 phút ⚠️ dưới 90 phút (HD 42)");
    expect(card).toContain("Tài liệu: không gửi qua bot");
    expect(card).toMatch(/• .+ \(hạn 15\/12\): đã nộp 1\/3 \(đã tiếp nhận 0\), trả lại 0, chưa nộp 2; đợt đang mở/);

    // Hoa, on Zalo, sees the same month, and her own cell alone when she narrows it.
    const zaloHome = await hoa!.command("capuy");
    expect(texts(zaloHome)).toContain("Đồng chí: Ủy viên");
    const [zaloSummary] = await hoa!.pressLabel("📊 Tổng hợp tháng");
    expect(zaloSummary!.text).toContain("Sinh hoạt định kỳ: 1/2 chi bộ đã họp");
    expect(labels(zaloSummary)).toContain("Chi bộ tôi phụ trách");
    expect(labels(zaloSummary).some((l) => l.startsWith("🗓"))).toBe(false);
    const [mine] = await hoa!.pressLabel("Chi bộ tôi phụ trách");
    expect(mine!.text).toContain("Sinh hoạt định kỳ: 0/1 chi bộ đã họp");
    expect(mine!.text).toContain("1. Chi bộ Khu phố 9: chưa họp; 3 báo cáo quá hạn");
    expect(mine!.text).not.toContain("Khu phố 3");
    const zaloCard = texts(await hoa!.pressLabel("1. Chi bộ Khu phố 9"));
    expect(zaloCard).toContain("Sinh hoạt định kỳ: ❌ có lịch lúc 19:30 05/12/2026 nhưng chưa điểm danh");
    expect(zaloCard).toMatch(/đã nộp 0\/3 \(đã tiếp nhận 0\), trả lại 0, chưa nộp 3/);

    // The secretary has the digest go out on the 16th: both officers get November's the same morning, one on each messenger.
    await officer.command("capuy");
    await officer.pressLabel("🗓 Gửi tổng hợp hằng tháng: chưa bật");
    await officer.pressLabel("Ngày 15–21");
    await officer.pressLabel("Ngày 16");
    expect(await h.core.jobs().find((j) => j.name === "committee-digest")!.run(h.clock.now)).toBe(2);
    await h.runOutbox();
    for (const who of [officer, hoa!]) {
      expect(who.lastText()).toContain("📬 Bản tổng hợp tháng 11/2026 gửi cán bộ Đảng ủy phường Đông Thanh.");
      expect(who.lastText()).toContain("Sinh hoạt định kỳ: 0/2 chi bộ đã họp");
    }

    // A member of a linked cell is no officer: the roll-up stays closed to him.
    expect(texts(await an!.press(zaloSummary!.choices!.flat().find((c) => c.label === "Danh sách chi bộ")!.data))).toContain("không giữ chức vụ trong cấp ủy này");
  });
});
