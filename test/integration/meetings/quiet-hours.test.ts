import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { createHarness, seedCell, texts, type Harness } from "../../helpers/core-harness.ts";

let h: Harness;
let cellId: string;
beforeEach(async () => {
  h = await createHarness({ features: [meetingsFeature] });
  ({ cellId } = await seedCell(h, [
    { userId: "sec", fullName: "Trần Thị Bình", role: "secretary" },
    { userId: "an", fullName: "Nguyễn Văn An" },
    { userId: "bao", fullName: "Lê Văn Bảo" },
  ]));
  // 22:00 in Hà Nội: inside the default quiet hours (21:30–06:30).
  h.clock.now = new Date("2026-12-01T15:00:00Z");
  await h.deps.db.meeting.create({ data: { cellId, kind: "dinh_ky", startsAt: new Date("2026-12-01T12:30:00Z"), createdById: "x" } });
});
afterEach(() => h.close());

/** The secretary records attendance of the meeting that just ended, then sends its notes. */
async function sendNotes(): Promise<string> {
  const sec = h.user("sec");
  await sec.command("diemdanh");
  await sec.pressLabel("Lưu điểm danh");
  return texts(await sec.say("Nghị quyết: chi bộ ra quân dọn vệ sinh khu phố sáng Chủ nhật."));
}

describe("sending during the cell's quiet hours", () => {
  it("says when the message will go out instead of saying it went", async () => {
    const reply = await sendNotes();
    expect(reply).not.toContain("Đã gửi nội dung");
    expect(reply).toContain("sẽ được gửi tới 3 đảng viên lúc 06:30");
    expect((await h.runOutbox()).sent).toBe(0);
    h.clock.now = new Date("2026-12-01T23:31:00Z"); // 06:31
    expect((await h.runOutbox()).sent).toBe(3);
  });

  it("says it went when it goes at once", async () => {
    h.clock.now = new Date("2026-12-01T14:00:00Z"); // 21:00
    expect(await sendNotes()).toContain("Đã gửi nội dung tới 3 đảng viên.");
  });

  it("re-plans what the quiet hours held back when they change", async () => {
    await sendNotes();
    expect((await h.runOutbox()).deferred).toBe(3);
    const sec = h.user("sec");
    await sec.command("nhaclich");
    await sec.say("3 ngày, 1 ngày, 2 giờ");
    expect(texts(await sec.say("21:30-05:30"))).toContain("05:30");
    // 05:35: under the old hours it would still wait till 06:30.
    h.clock.now = new Date("2026-12-01T22:35:00Z");
    const run = await h.runOutbox();
    expect(run.sent).toBe(3);
    expect(h.user("an").lastText()).toContain("Nghị quyết");
  });
});
