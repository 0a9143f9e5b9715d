/**
 * Planning a meeting's notifications reads the cell a page at a time and supersedes what the
 * meeting's state no longer implies in one statement: these tests pin what is kept and what goes,
 * across page boundaries, moves, offsets, people leaving and roles changing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { meetingOutboxKinds as kinds } from "../../../bot/core/features/meetings/model.ts";
import { planMeeting, replanCell } from "../../../bot/core/features/meetings/planning.ts";
import { changeMeeting } from "../../../bot/core/features/meetings/services/meetings.ts";
import { createHarness, seedBulkMembers, seedCell, type Harness } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  // The harness's clock starts at 2026-11-24T02:00:00Z.
  h = await createHarness({ features: [meetingsFeature] });
});
afterEach(async () => {
  await h.close();
});

const startsAt = new Date("2026-12-05T12:30:00Z");

/** A cell with a secretary and `count` members added in bulk (the dialogues have their own tests). */
async function bigCell(count: number) {
  const { cellId, personIds } = await seedCell(h, [{ userId: "sec", fullName: "Trần Thị Bình", role: "secretary" }]);
  const ids = await seedBulkMembers(h, cellId, count);
  const meeting = await h.deps.db.meeting.create({ data: { cellId, kind: "dinh_ky", startsAt, createdById: personIds.get("sec")! } });
  return { cellId, meeting, ids, secretaryId: personIds.get("sec")! };
}

const pending = (subjectId: string, kind: string) => h.deps.db.outboxMessage.findMany({ where: { subjectId, kind, status: "pending" }, orderBy: { key: "asc" } });

describe("planning a meeting", () => {
  it("plans one reminder per invited member and offset across several pages, the secretary's rows once, and nothing on a second run", async () => {
    const { meeting, ids, secretaryId } = await bigCell(2_345);
    const db = h.deps.db;
    await db.membership.updateMany({ where: { personId: { in: ids.slice(0, 5) } }, data: { exempt: true } });
    const added = await planMeeting(db, meeting.id, h.clock.now);
    const invited = ids.length - 5 + 1;
    // Three default offsets (3 days, 1 day, 2 hours), all ahead; the summary and the attendance prompt.
    expect(added).toBe(invited * 3 + 2);
    const reminders = await pending(meeting.id, kinds.reminder);
    expect(reminders).toHaveLength(invited * 3);
    expect(new Set(reminders.map((r) => r.personId)).size).toBe(invited);
    expect(reminders.some((r) => ids.slice(0, 5).includes(r.personId))).toBe(false);
    expect(reminders.find((r) => r.personId === ids[2_000] && r.key.endsWith(":4320"))?.dueAt.getTime()).toBe(startsAt.getTime() - 4320 * 60_000);
    expect((await pending(meeting.id, kinds.summary)).map((r) => r.personId)).toEqual([secretaryId]);
    expect(await planMeeting(db, meeting.id, h.clock.now)).toBe(0);
    expect(await db.outboxMessage.count({ where: { status: "superseded" } })).toBe(0);
  });

  it("after a move keeps only the new time's rows, and announces the new version once to everyone", async () => {
    const { meeting, ids, secretaryId } = await bigCell(30);
    const db = h.deps.db;
    await planMeeting(db, meeting.id, h.clock.now);
    const moved = new Date(startsAt.getTime() + 86_400_000);
    await changeMeeting(db, { actorId: secretaryId, meetingId: meeting.id, change: { startsAt: moved }, now: h.clock.now });
    const reminders = await pending(meeting.id, kinds.reminder);
    expect(reminders).toHaveLength(31 * 3);
    expect(reminders.every((r) => r.key.includes(`:${moved.getTime()}:`))).toBe(true);
    expect(await db.outboxMessage.count({ where: { subjectId: meeting.id, kind: kinds.reminder, status: "superseded" } })).toBe(31 * 3);
    const announcements = await pending(meeting.id, kinds.announce);
    expect(announcements).toHaveLength(31);
    expect(new Set(announcements.map((a) => a.personId))).toEqual(new Set([...ids, secretaryId]));
    // Moved back before the first announcement went out: only the newest version's is left, and the
    // reminders, summary and prompt of the first time are planned again.
    await changeMeeting(db, { actorId: secretaryId, meetingId: meeting.id, change: { startsAt: startsAt }, now: h.clock.now });
    const again = await pending(meeting.id, kinds.announce);
    expect(again).toHaveLength(31);
    expect(again.every((a) => a.key.includes(":v3:"))).toBe(true);
    const back = await pending(meeting.id, kinds.reminder);
    expect(back).toHaveLength(31 * 3);
    expect(back.every((r) => r.key.includes(`:${startsAt.getTime()}:`) && r.attempts === 0)).toBe(true);
    expect(await pending(meeting.id, kinds.summary)).toHaveLength(1);
    expect(await pending(meeting.id, kinds.attendancePrompt)).toHaveLength(1);
  });

  it("supersedes the rows of someone who left or became exempt, of a dropped offset, and of a former secretary, and keeps a held reminder", async () => {
    const { cellId, meeting, ids, secretaryId } = await bigCell(10);
    const db = h.deps.db;
    await planMeeting(db, meeting.id, h.clock.now);
    // Quiet hours held one member's 3-day reminder past its time: it is still right and stays.
    const held = await db.outboxMessage.findFirstOrThrow({ where: { subjectId: meeting.id, personId: ids[9], kind: kinds.reminder, key: { endsWith: ":4320" } } });
    h.clock.now = new Date(startsAt.getTime() - 4000 * 60_000);
    await db.membership.update({ where: { cellId_personId: { cellId, personId: ids[0]! } }, data: { status: "left" } });
    await db.membership.update({ where: { cellId_personId: { cellId, personId: ids[1]! } }, data: { exempt: true } });
    await db.membership.update({ where: { cellId_personId: { cellId, personId: secretaryId } }, data: { role: "member" } });
    await db.membership.update({ where: { cellId_personId: { cellId, personId: ids[2]! } }, data: { role: "secretary" } });
    await db.cell.update({ where: { id: cellId }, data: { reminderOffsets: "[4320,120]" } });
    await db.$transaction((tx) => replanCell(tx, cellId, h.clock.now));
    const reminders = await pending(meeting.id, kinds.reminder);
    const people = new Set(reminders.map((r) => r.personId));
    expect(people.has(ids[0]!)).toBe(false);
    expect(people.has(ids[1]!)).toBe(false);
    expect(reminders.some((r) => r.key.endsWith(":1440"))).toBe(false);
    expect(reminders.map((r) => r.id)).toContain(held.id);
    // The 2-hour reminder of each of the 9 still invited (8 members and the former secretary), and their kept 3-day ones.
    expect(reminders.filter((r) => r.key.endsWith(":120"))).toHaveLength(9);
    expect(reminders.filter((r) => r.key.endsWith(":4320"))).toHaveLength(9);
    expect((await pending(meeting.id, kinds.summary)).map((r) => r.personId)).toEqual([ids[2]]);
    expect((await pending(meeting.id, kinds.attendancePrompt)).map((r) => r.personId)).toEqual([ids[2]]);
  });

  it("a cancelled meeting keeps nothing but its cancellation notice", async () => {
    const { meeting, secretaryId } = await bigCell(12);
    const db = h.deps.db;
    await planMeeting(db, meeting.id, h.clock.now);
    await changeMeeting(db, { actorId: secretaryId, meetingId: meeting.id, change: { cancelled: true }, now: h.clock.now });
    const left = await db.outboxMessage.groupBy({ by: ["kind"], where: { subjectId: meeting.id, status: "pending" }, _count: true });
    expect(left).toEqual([{ kind: kinds.announce, _count: 13 }]);
  });
});
