/** The meetings feature's notifications, rendered from the data as it is when they go out. */
import type { OutboxRenderer } from "../../delivery/outbox.ts";
import { buttons } from "./buttons.ts";
import { meetingOutboxKinds } from "./model.ts";
import { summarizeAnswers } from "./answer-lines.ts";
import { absenceTallies, cellAndPerson, invitedPersonIds, isActiveMember, meetingWithCell, responsesByPerson, sentOrPending } from "./queries.ts";
import { answerChoices, answersSummary, documentsPart, meetingDetails, meetingTitle, remainingText, whenText } from "./views.ts";

/** A reminder sent this much after its time says that it comes late, and why. */
const lateAfterMs = 15 * 60_000;

type Ctx = Parameters<OutboxRenderer>[1];

/** The meeting a row is about, read once per batch however many members it goes to. */
const loadMeeting = (ctx: Ctx, id: string | null) => (id ? ctx.memo(`meeting:${id}`, () => meetingWithCell(ctx.deps.db, id)) : Promise.resolve(null));

/** The people of the rows claimed together: per-person lookups read theirs only, one query per batch. */
const batchPeople = (ctx: Ctx) => [...new Set(ctx.batch.map((r) => r.personId))];

/** Whether the person is still expected at the cell's meetings. */
async function isInvited(ctx: Ctx, cellId: string, personId: string): Promise<boolean> {
  const invited = await ctx.memo(`invited:${cellId}`, () => invitedPersonIds(ctx.deps.db, cellId, batchPeople(ctx)));
  return invited.has(personId);
}

/** A member's answer to a meeting. */
async function responseOf(ctx: Ctx, meetingId: string, personId: string) {
  const all = await ctx.memo(`responses:${meetingId}`, () => responsesByPerson(ctx.deps.db, meetingId, batchPeople(ctx)));
  return all.get(personId) ?? null;
}

/**
 * What else was planned for this member about this meeting: whether a later reminder is due too
 * (after downtime only the latest goes out), and whether anything was sent before (the documents
 * go with the first message, whichever that is).
 */
async function siblings(ctx: Ctx, row: { subjectId: string | null; personId: string; kind: string; dueAt: Date; payload: Record<string, unknown> }, now: Date, startsAt: Date) {
  // Read once per meeting and batch, before any of its rows is sent.
  const byPerson = await ctx.memo(`siblings:${row.subjectId}`, () => sentOrPending(ctx.deps.db, row.subjectId, [meetingOutboxKinds.announce, meetingOutboxKinds.reminder], batchPeople(ctx)));
  const rows = byPerson.get(row.personId) ?? [];
  // A reminder's offset says when it was meant to go, even after quiet hours moved its due time.
  const offsetOf = (payload: string | Record<string, unknown>) => {
    const value = (typeof payload === "string" ? (JSON.parse(payload) as Record<string, unknown>) : payload).offset;
    return typeof value === "number" ? value : null;
  };
  const own = offsetOf(row.payload);
  return {
    laterDue: rows.some((r) => {
      if (r.kind !== row.kind || r.status === "sent") return false;
      const other = offsetOf(r.payload);
      return own !== null && other !== null && other < own && startsAt.getTime() - other * 60_000 <= now.getTime();
    }),
    firstContact: !rows.some((r) => r.status === "sent"),
  };
}

const renderReminder: OutboxRenderer = async (row, ctx) => {
  const { t, now } = ctx;
  const meeting = await loadMeeting(ctx, row.subjectId);
  if (!meeting || meeting.status !== "scheduled") return { action: "skip", reason: "meeting cancelled or gone" };
  if (meeting.startsAt <= now) return { action: "skip", reason: "meeting already started" };
  if (!(await isInvited(ctx, meeting.cellId, row.personId))) return { action: "skip", reason: "no longer invited" };
  const related = await siblings(ctx, row, now, meeting.startsAt);
  if (related.laterDue) return { action: "skip", reason: "a later reminder is due too" };
  const response = await responseOf(ctx, meeting.id, row.personId);
  // Someone who asked leave is not reminded; someone who will come is reminded of the time only.
  if (response?.answer === "absent") return { action: "skip", reason: "excused" };
  const late = now.getTime() - row.dueAt.getTime() > lateAfterMs;
  const header = t(response ? "reminder-header-answered" : "reminder-header", { remaining: remainingText(t, meeting.startsAt.getTime() - now.getTime()) });
  const parts = [header, meetingDetails(t, meeting, meeting.cell)];
  const documents = related.firstContact ? documentsPart(t, meeting) : { text: null, attachments: [] };
  if (documents.text) parts.push(documents.text);
  parts.push(t(response ? "reminder-answered-attend" : "reminder-ask-answer"));
  if (late) parts.push(t("reminder-late"));
  return {
    action: "send",
    messages: [{ text: parts.join("\n\n"), ...(response ? {} : { choices: answerChoices(t, meeting.id) }), ...(documents.attachments.length ? { attachments: documents.attachments } : {}) }],
  };
};

const renderAnnounce: OutboxRenderer = async (row, ctx) => {
  const { t, now } = ctx;
  const meeting = await loadMeeting(ctx, row.subjectId);
  if (!meeting) return { action: "skip", reason: "gone" };
  const change = String(row.payload.change ?? "new");
  if (!(await isInvited(ctx, meeting.cellId, row.personId))) return { action: "skip", reason: "no longer invited" };
  if (change === "cancelled") {
    return { action: "send", messages: [{ text: t("announce-cancelled", { title: meetingTitle(t, meeting, meeting.cell.timeZone), when: whenText(t, meeting.startsAt, meeting.cell.timeZone), cell: meeting.cell.name }) }] };
  }
  if (meeting.status !== "scheduled" || meeting.startsAt <= now) return { action: "skip", reason: "meeting passed or cancelled" };
  const response = await responseOf(ctx, meeting.id, row.personId);
  const documents = (await siblings(ctx, row, now, meeting.startsAt)).firstContact ? documentsPart(t, meeting) : { text: null, attachments: [] };
  const parts = [t(`announce-${change === "moved" || change === "place" ? change : "new"}`), meetingDetails(t, meeting, meeting.cell)];
  if (documents.text) parts.push(documents.text);
  parts.push(t(response ? "announce-answer-kept" : "reminder-ask-answer"));
  return {
    action: "send",
    messages: [{ text: parts.join("\n\n"), choices: answerChoices(t, meeting.id), ...(documents.attachments.length ? { attachments: documents.attachments } : {}) }],
  };
};

const renderSummary: OutboxRenderer = async (row, ctx) => {
  const { deps, t, now } = ctx;
  const meeting = await loadMeeting(ctx, row.subjectId);
  if (!meeting || meeting.status !== "scheduled" || meeting.startsAt <= now) return { action: "skip", reason: "meeting passed or cancelled" };
  const summary = answersSummary(t, meeting, meeting.cell, await summarizeAnswers(deps.db, meeting, t));
  return { action: "send", messages: [{ ...summary, choices: [...(summary.choices ?? []), [buttons.proxyList.choice(t("button-proxy-answer"), { meetingId: meeting.id })]] }] };
};

const renderAttendancePrompt: OutboxRenderer = async (row, ctx) => {
  const { t } = ctx;
  const meeting = await loadMeeting(ctx, row.subjectId);
  if (!meeting || meeting.status !== "scheduled") return { action: "skip", reason: "cancelled" };
  if (meeting.attendanceRecordedAt) return { action: "skip", reason: "already recorded" };
  return {
    action: "send",
    messages: [{ text: t("attendance-prompt", { title: meetingTitle(t, meeting, meeting.cell.timeZone), when: whenText(t, meeting.startsAt, meeting.cell.timeZone) }), choices: [[buttons.attendance.choice(t("button-record-attendance"), { meetingId: meeting.id })]] }],
  };
};

const renderNotes: OutboxRenderer = async (row, ctx) => {
  const { deps, t } = ctx;
  const meeting = await loadMeeting(ctx, row.subjectId);
  if (!meeting?.notes) return { action: "skip", reason: "no notes" };
  if (!(await isActiveMember(deps.db, meeting.cellId, row.personId))) return { action: "skip", reason: "not a member" };
  return { action: "send", messages: [{ text: t("notes-broadcast", { title: meetingTitle(t, meeting, meeting.cell.timeZone), when: whenText(t, meeting.startsAt, meeting.cell.timeZone), notes: meeting.notes }) }] };
};

const renderAbsenceWarning: OutboxRenderer = async (row, { deps, t }) => {
  const memberId = typeof row.payload.memberId === "string" ? row.payload.memberId : null;
  const year = typeof row.payload.year === "number" ? row.payload.year : null;
  if (!memberId || !year || !row.cellId) return { action: "skip", reason: "bad payload" };
  const found = await cellAndPerson(deps.db, row.cellId, memberId);
  if (!found) return { action: "skip", reason: "gone" };
  const { cell, person: member } = found;
  const tally = (await absenceTallies(deps.db, cell.id, year, cell.timeZone)).get(memberId);
  const months = tally?.unexcusedMonths ?? 0;
  if (months < 2) return { action: "skip", reason: "record corrected" };
  return { action: "send", messages: [{ text: t(months >= 3 ? "absence-warning-three" : "absence-warning-two", { name: member.fullName ?? "?", cell: cell.name, months, year: String(year) }) }] };
};

export const meetingRenderers: Record<string, OutboxRenderer> = {
  [meetingOutboxKinds.reminder]: renderReminder,
  [meetingOutboxKinds.announce]: renderAnnounce,
  [meetingOutboxKinds.summary]: renderSummary,
  [meetingOutboxKinds.attendancePrompt]: renderAttendancePrompt,
  [meetingOutboxKinds.notes]: renderNotes,
  [meetingOutboxKinds.absenceWarning]: renderAbsenceWarning,
};
