/** Every job and planner of the meetings feature is safe to run twice: nothing is made or planned again. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { planMeeting, replanCell } from "../../../bot/core/features/meetings/planning.ts";
import { expandRules } from "../../../bot/core/features/meetings/services/rules.ts";
import { createHarness, type Harness } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [meetingsFeature] });
  h.clock.now = new Date("2026-11-24T02:00:00Z");
});
afterEach(async () => {
  await h.close();
});

async function cellWithRule() {
  const sec = h.user("1");
  await sec.command("taochibo");
  await sec.say("Khu phố 3");
  await sec.pressLabel("Bỏ qua");
  await sec.say("Trần Thị Bình");
  await sec.pressLabel("Đảng viên chính thức");
  await sec.pressLabel("Hưu trí");
  await sec.pressLabel("Bỏ qua");
  await sec.command("hop");
  await sec.pressLabel("Đặt lịch định kỳ hằng tháng");
  await sec.say("ngày 5 hằng tháng 19h30");
  await sec.pressLabel("Bỏ qua");
  return sec;
}

describe("running again", () => {
  it("the rules job makes each month's meeting once, also when two run at once", async () => {
    await cellWithRule();
    const { db } = h.testDb;
    const counts = async () => ({ meetings: await db.meeting.count(), outbox: await db.outboxMessage.count() });
    const before = await counts();
    expect(before.meetings).toBe(2);
    const job = h.core.jobs().find((j) => j.name === "meeting-rules")!;
    expect(await job.run(h.clock.now)).toBe(0);
    const [a, b] = await Promise.all([expandRules(db, h.clock.now), expandRules(db, h.clock.now)]);
    expect(a + b).toBe(0);
    expect(await counts()).toEqual(before);
    // A month later the next occurrence is made, once.
    const later = new Date("2026-12-06T02:00:00Z");
    const [x, y] = await Promise.all([expandRules(db, later), expandRules(db, later)]);
    expect(x + y).toBe(1);
    expect(await db.meeting.count()).toBe(3);
  });

  it("planning a meeting or a cell again adds no notification", async () => {
    await cellWithRule();
    const { db } = h.testDb;
    const meeting = await db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    const before = await db.outboxMessage.count({ where: { status: "pending" } });
    expect(await planMeeting(db, meeting.id, h.clock.now)).toBe(0);
    expect(await db.$transaction((tx) => replanCell(tx, meeting.cellId, h.clock.now))).toBe(0);
    expect(await db.outboxMessage.count({ where: { status: "pending" } })).toBe(before);
  });
});
