/**
 * The notifications of a meeting, planned from its current state. Called inside the transaction
 * of the change that calls for them, so a meeting is never saved without its reminders, nor
 * reminders planned for a change that did not happen.
 */
import type { DbTx } from "../../../db/client.ts";
import { planMessages, supersede, type PlannedMessage } from "../../delivery/outbox.ts";
import { meetingOutboxKinds, reminderOffsets, type MeetingChangeKind } from "./model.ts";
import { invitedMembers } from "./queries.ts";

/**
 * After the meeting's start: when the secretary is asked to record attendance. A cell meeting
 * lasts at least 90 minutes (HD 42-HD/BTCTW, 2025), so 100 minutes is just after a short one.
 */
const attendancePromptDelayMs = 100 * 60_000;

/**
 * Plans every notification of one meeting from its current state: reminders to each invited
 * member at the cell's offsets, the secretary's summary and attendance prompt, and (with
 * `change`) one message to everyone about what changed. Keys carry the start time, so a moved
 * meeting gets fresh reminders and the old ones are superseded; running it again adds nothing.
 */
export async function planMeeting(db: DbTx, meetingId: string, now: Date, change?: MeetingChangeKind): Promise<number> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { cell: true } });
  if (!meeting) return 0;
  const members = await invitedMembers(db, meeting.cellId);
  const rows: PlannedMessage[] = [];
  // Keys the meeting's current state implies, planned now or earlier: a reminder whose time has
  // passed but which still waits (quiet hours, a retry) belongs here and must not be superseded.
  const keep = new Set<string>();
  const base = { cellId: meeting.cellId, subjectId: meeting.id };
  if (change) {
    for (const m of members) {
      rows.push({ ...base, key: `mc:${meeting.id}:v${meeting.version}:${m.personId}`, kind: meetingOutboxKinds.announce, personId: m.personId, payload: { change, version: meeting.version }, dueAt: now });
    }
  }
  if (meeting.status === "scheduled") {
    const start = meeting.startsAt.getTime();
    for (const offset of reminderOffsets(meeting.cell.reminderOffsets)) {
      const dueAt = new Date(start - offset * 60_000);
      for (const m of members) {
        const key = `mr:${meeting.id}:${start}:${m.personId}:${offset}`;
        keep.add(key);
        // An offset already past when the meeting is planned is covered by the announcement.
        if (dueAt > now) rows.push({ ...base, key, kind: meetingOutboxKinds.reminder, personId: m.personId, payload: { offset }, dueAt });
      }
    }
    const secretaries = await db.membership.findMany({ where: { cellId: meeting.cellId, status: "active", role: "secretary" } });
    for (const s of secretaries) {
      const summaryAt = new Date(start - meeting.cell.summaryOffset * 60_000);
      const summaryKey = `ms:${meeting.id}:${start}:${s.personId}`;
      keep.add(summaryKey);
      if (summaryAt > now) rows.push({ ...base, key: summaryKey, kind: meetingOutboxKinds.summary, personId: s.personId, dueAt: summaryAt });
      rows.push({ ...base, key: `mp:${meeting.id}:${start}:${s.personId}`, kind: meetingOutboxKinds.attendancePrompt, personId: s.personId, dueAt: new Date(start + attendancePromptDelayMs) });
    }
  }
  const added = await planMessages(db, rows);
  // Without a change, a pending announcement of the current version stays as it is.
  const replaced = change
    ? [meetingOutboxKinds.announce, meetingOutboxKinds.reminder, meetingOutboxKinds.summary, meetingOutboxKinds.attendancePrompt]
    : [meetingOutboxKinds.reminder, meetingOutboxKinds.summary, meetingOutboxKinds.attendancePrompt];
  for (const r of rows) keep.add(r.key);
  await supersede(db, meeting.id, { keep, kinds: replaced });
  return added;
}

/** Re-plans a cell's upcoming meetings, after someone joined, left or became exempt, or the settings changed. */
export async function replanCell(db: DbTx, cellId: string, now: Date): Promise<number> {
  const upcoming = await db.meeting.findMany({ where: { cellId, status: "scheduled", startsAt: { gt: now } }, select: { id: true } });
  let added = 0;
  for (const m of upcoming) added += await planMeeting(db, m.id, now);
  return added;
}
