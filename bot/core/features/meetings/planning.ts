/**
 * The notifications of a meeting, planned from its current state. Called inside the transaction
 * of the change that calls for them, so a meeting is never saved without its reminders, nor
 * reminders planned for a change that did not happen.
 */
import type { DbTx } from "../../../db/client.ts";
import { joinSql, sql } from "../../../db/sql.ts";
import { planFanOut, planMessages, type PlannedMessage } from "../../delivery/outbox.ts";
import { meetingOutboxKinds, reminderOffsets, type MeetingChangeKind } from "./model.ts";

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
 *
 * A cell may have thousands of members: their rows are planned by the database (one INSERT …
 * SELECT per kind and offset), so no member list is held here and time grows linearly with the
 * cell (bench:audience).
 */
export async function planMeeting(db: DbTx, meetingId: string, now: Date, change?: MeetingChangeKind): Promise<number> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { cell: true } });
  if (!meeting) return 0;
  const base = { cellId: meeting.cellId, subjectId: meeting.id };
  const start = meeting.startsAt.getTime();
  const scheduled = meeting.status === "scheduled";
  const offsets = scheduled ? reminderOffsets(meeting.cell.reminderOffsets) : [];
  const audience = invitedAudience(meeting.cellId);
  let added = 0;
  if (change) {
    added += await planFanOut(db, { ...base, audience, keyPrefix: announcePrefix(meeting), kind: meetingOutboxKinds.announce, payload: { change, version: meeting.version }, dueAt: now });
  }
  for (const offset of offsets) {
    const dueAt = new Date(start - offset * 60_000);
    // An offset already past when the meeting is planned is covered by the announcement.
    if (dueAt > now) added += await planFanOut(db, { ...base, audience, keyPrefix: reminderKeyPrefix(meeting), keySuffix: `:${offset}`, kind: meetingOutboxKinds.reminder, payload: { offset }, dueAt });
  }
  if (scheduled) {
    const secretaries = await db.membership.findMany({ where: { cellId: meeting.cellId, status: "active", role: "secretary" }, select: { personId: true } });
    const rows: PlannedMessage[] = [];
    for (const { personId } of secretaries) {
      const summaryAt = new Date(start - meeting.cell.summaryOffset * 60_000);
      if (summaryAt > now) rows.push({ ...base, key: `ms:${meeting.id}:${start}:${personId}`, kind: meetingOutboxKinds.summary, personId, dueAt: summaryAt });
      rows.push({ ...base, key: `mp:${meeting.id}:${start}:${personId}`, kind: meetingOutboxKinds.attendancePrompt, personId, dueAt: new Date(start + attendancePromptDelayMs) });
    }
    added += await planMessages(db, rows);
  }
  await supersedeStale(db, { ...meeting, offsets }, Boolean(change));
  return added;
}

/** Who is expected at the cell's meetings (active, not exempt), as a query the database runs. */
const invitedAudience = (cellId: string) => sql`SELECT person_id FROM membership WHERE cell_id = ${cellId} AND status = 'active' AND exempt = false`;

const reminderKeyPrefix = (meeting: { id: string; startsAt: Date }) => `mr:${meeting.id}:${meeting.startsAt.getTime()}:`;
const announcePrefix = (meeting: { id: string; version: number }) => `mc:${meeting.id}:v${meeting.version}:`;

/**
 * Supersedes the meeting's pending rows that its current state no longer implies: reminders for
 * another start time or offset or for someone no longer invited, the secretary's rows for another
 * start time or someone no longer secretary, and (after a change) announcements of an earlier
 * version. A row whose time has passed but which still waits (quiet hours, a retry) is kept when
 * it is still right. One statement, whatever the size of the cell: no list of keys to keep is
 * built or sent. Standard SQL (substr, EXISTS, a MATERIALIZED CTE), for SQLite and PostgreSQL alike.
 *
 * The meeting's rows are read first, by the subject index, and only then filtered on status: on
 * PostgreSQL, statistics taken while nothing was pending (a large outbox of sent history, re-analysed
 * only after a tenth of it changes) make `status = 'pending'` look like one row, and the planner
 * then scans every pending row of the outbox by the (status, due_at) index for each meeting. A
 * month planned for 2,000 cells took 99.6 s instead of 27 s that way (bench:scale, 100,000 members).
 */
async function supersedeStale(db: DbTx, meeting: { id: string; cellId: string; startsAt: Date; version: number; status: string; offsets: number[] }, afterChange: boolean) {
  const start = meeting.startsAt.getTime();
  const k = meetingOutboxKinds;
  const invited = sql`EXISTS (SELECT 1 FROM membership m WHERE m.cell_id = ${meeting.cellId} AND m.person_id = o.person_id AND m.status = 'active' AND m.exempt = false)`;
  const secretary = sql`EXISTS (SELECT 1 FROM membership m WHERE m.cell_id = ${meeting.cellId} AND m.person_id = o.person_id AND m.status = 'active' AND m.role = 'secretary')`;
  const keyIs = (prefix: string) => sql`substr(o.key, 1, ${prefix.length}) = ${prefix}`;
  const reminderPrefix = reminderKeyPrefix(meeting);
  const offsetOk = meeting.offsets.length
    ? sql`(${joinSql(meeting.offsets.map((offset) => sql`o.key = ${reminderPrefix} || o.person_id || ${`:${offset}`}`), " OR ")})`
    : sql`1 = 0`;
  const current = meeting.status === "scheduled"
    ? sql`(o.kind = ${k.reminder} AND ${offsetOk} AND ${invited})
        OR (o.kind = ${k.summary} AND o.key = ${`ms:${meeting.id}:${start}:`} || o.person_id AND ${secretary})
        OR (o.kind = ${k.attendancePrompt} AND o.key = ${`mp:${meeting.id}:${start}:`} || o.person_id AND ${secretary})
        OR (o.kind = ${k.announce} AND ${keyIs(announcePrefix(meeting))} AND ${invited})`
    : sql`(o.kind = ${k.announce} AND ${keyIs(announcePrefix(meeting))} AND ${invited})`;
  // Without a change, a pending announcement of the current version stays as it is.
  const kinds = afterChange ? [k.announce, k.reminder, k.summary, k.attendancePrompt] : [k.reminder, k.summary, k.attendancePrompt];
  await db.$executeRaw`WITH s AS MATERIALIZED (SELECT id, key, kind, person_id, status FROM outbox_message WHERE subject_id = ${meeting.id})
    UPDATE outbox_message SET status = 'superseded' WHERE id IN (
    SELECT o.id FROM s o
    WHERE o.status = 'pending' AND o.kind IN (${joinSql(kinds)}) AND NOT (${current}))`;
}

/** Re-plans a cell's upcoming meetings, after someone joined, left or became exempt, or the settings changed. */
export async function replanCell(db: DbTx, cellId: string, now: Date): Promise<number> {
  const upcoming = await db.meeting.findMany({ where: { cellId, status: "scheduled", startsAt: { gt: now } }, select: { id: true } });
  let added = 0;
  for (const m of upcoming) added += await planMeeting(db, m.id, now);
  return added;
}
