/**
 * A cell of a thousand members: the secretary's summary still fits one phone screen, with counts
 * and the first names, and the full lists and the proxy list come a page at a time.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { planMeeting } from "../../../bot/core/features/meetings/planning.ts";
import { createHarness, labels, seedBulkMembers, seedCell, type Harness } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  // The harness's clock starts at 2026-11-24T02:00:00Z.
  h = await createHarness({ features: [meetingsFeature] });
});
afterEach(async () => {
  await h.close();
});

const startsAt = new Date("2026-12-05T12:30:00Z");
const members = 1_000;

async function largeCell() {
  const { cellId, personIds } = await seedCell(h, [{ userId: "sec", fullName: "Trần Thị Bình", role: "secretary" }]);
  const db = h.deps.db;
  // Every tenth member blocked the bot.
  const ids = await seedBulkMembers(h, cellId, members, { namePrefix: "Nguyễn Văn Thành", category: "cong_nhan", unreachable: (i) => i % 10 === 0 });
  const meeting = await db.meeting.create({ data: { cellId, kind: "dinh_ky", startsAt, createdById: personIds.get("sec")! } });
  // 600 will come, 150 asked leave with a long reason, the other 250 (and the secretary) have not answered.
  await db.meetingResponse.createMany({
    data: ids.slice(0, 750).map((personId, i) => ({
      meetingId: meeting.id,
      personId,
      answer: i < 600 ? "attend" : "absent",
      reason: i < 600 ? null : "khac",
      reasonText: i < 600 ? null : "Đi làm ca đêm ở khu công nghiệp Sóng Thần, Bình Dương, đến cuối tháng mới về",
      enteredById: personId,
      updatedAt: h.clock.now,
    })),
  });
  await planMeeting(db, meeting.id, h.clock.now);
  return { cellId, meeting };
}

describe("a cell of a thousand members", () => {
  it("the summary fits one screen with the counts, and each long group opens a page at a time", async () => {
    await largeCell();
    h.clock.now = new Date(startsAt.getTime() - 119 * 60_000);
    await h.runOutbox();
    const sec = h.user("sec");
    const summary = sec.inbox().find((m) => m.text.startsWith("📊"))!;
    expect(summary.text.length).toBeLessThanOrEqual(1_300);
    expect(summary.text).toContain("Mời dự: 1.001 đồng chí.");
    expect(summary.text).toMatch(/Tham dự \(600\): Nguyễn Văn Thành 1, .* và \d+ đồng chí khác/);
    expect(summary.text).toMatch(/Xin vắng \(150\): Nguyễn Văn Thành 601 \(Lý do khác: Đi làm ca đêm/);
    expect(summary.text).toMatch(/Chưa trả lời \(251\): /);
    expect(summary.text).toMatch(/Không liên lạc được qua bot \(100\): Nguyễn Văn Thành 1, Nguyễn Văn Thành 11, /);
    expect(labels(summary)).toEqual(["Xem danh sách: Tham dự (600)", "Xem danh sách: Xin vắng (150)", "Xem danh sách: Chưa trả lời (251)", "Xem danh sách: Không liên lạc được (100)", "Ghi thay câu trả lời"]);

    const [first] = await sec.choose("Xem danh sách: Chưa trả lời (251)");
    expect(first!.text.split("\n")[0]).toBe("Chưa trả lời (251) — trang 1/7:");
    // The secretary's membership was made first, then the members in order.
    expect(first!.text).toContain("1. Trần Thị Bình\n2. Nguyễn Văn Thành 751\n");
    expect(first!.text).toContain("40. Nguyễn Văn Thành 789");
    expect(first!.text.length).toBeLessThanOrEqual(1_300);
    expect(labels(first)).toEqual(["Trang sau ›"]);
    for (let page = 2; page <= 7; page++) await sec.pressLabel("Trang sau ›");
    const last = sec.inbox().at(-1)!;
    expect(last.text.split("\n")[0]).toBe("Chưa trả lời (251) — trang 7/7:");
    expect(last.text).toContain("241. Nguyễn Văn Thành 990\n");
    expect(last.text.endsWith("251. Nguyễn Văn Thành 1000")).toBe(true);
    expect(labels(last)).toEqual(["‹ Trang trước"]);
  });

  it("the proxy list pages through the cell, twenty members at a time", async () => {
    await largeCell();
    const sec = h.user("sec");
    await sec.command("hop");
    await sec.pressLabel(/^T7 05\/12/);
    expect(sec.lastText()).toContain("Trả lời: 600 tham dự, 150 xin vắng, 251 chưa trả lời.");
    await sec.pressLabel("Ghi thay câu trả lời");
    const page = sec.inbox().at(-1)!;
    expect(page.text).toContain("Trang 1/51");
    const buttons = labels(page);
    expect(buttons).toHaveLength(21);
    expect(buttons.at(-1)).toBe("Trang sau ›");
    await sec.pressLabel("Trang sau ›");
    const second = sec.inbox().at(-1)!;
    expect(second.text).toContain("Trang 2/51");
    expect(labels(second).slice(-2)).toEqual(["‹ Trang trước", "Trang sau ›"]);
  });
});
