import type { OutboxRenderer } from "../../outbox.ts";
import { meetingOutboxKinds } from "./planning.ts";
import { absenceTallies, invitedMembers } from "./service.ts";
import { answerChoices, documentsPart, meetingDetails, meetingTitle, remainingText, summaryText, whenText, type SummaryLine } from "./views.ts";

/** A reminder sent this much after its time says that it comes late, and why. */
const lateAfterMs = 15 * 60_000;

const loadMeeting = (deps: Parameters<OutboxRenderer>[1]["deps"], id: string | null) =>
  id ? deps.db.meeting.findUnique({ where: { id }, include: { cell: true } }) : Promise.resolve(null);

async function isInvited(deps: Parameters<OutboxRenderer>[1]["deps"], cellId: string, personId: string): Promise<boolean> {
  const m = await deps.db.membership.findUnique({ where: { cellId_personId: { cellId, personId } } });
  return Boolean(m && m.status === "active" && !m.exempt);
}

/** The documents go with the first message a member gets about the meeting, whichever that is. */
async function firstContact(deps: Parameters<OutboxRenderer>[1]["deps"], meetingId: string, personId: string): Promise<boolean> {
  const earlier = await deps.db.outboxMessage.count({
    where: { subjectId: meetingId, personId, status: "sent", kind: { in: [meetingOutboxKinds.announce, meetingOutboxKinds.reminder] } },
  });
  return earlier === 0;
}

const renderReminder: OutboxRenderer = async (row, { deps, t, now }) => {
  const meeting = await loadMeeting(deps, row.subjectId);
  if (!meeting || meeting.status !== "scheduled") return { action: "skip", reason: "meeting cancelled or gone" };
  if (meeting.startsAt <= now) return { action: "skip", reason: "meeting already started" };
  if (!(await isInvited(deps, meeting.cellId, row.personId))) return { action: "skip", reason: "no longer invited" };
  // After downtime several reminders of one meeting may be due at once: only the latest goes out.
  const later = await deps.db.outboxMessage.count({
    where: { subjectId: meeting.id, personId: row.personId, kind: row.kind, status: { in: ["pending", "sending"] }, dueAt: { gt: row.dueAt, lte: now } },
  });
  if (later > 0) return { action: "skip", reason: "a later reminder is due too" };
  const response = await deps.db.meetingResponse.findUnique({ where: { meetingId_personId: { meetingId: meeting.id, personId: row.personId } } });
  // Someone who asked leave is not reminded; someone who will come is reminded of the time only.
  if (response?.answer === "absent") return { action: "skip", reason: "excused" };
  const late = now.getTime() - row.dueAt.getTime() > lateAfterMs;
  const header = t(response ? "reminder-header-answered" : "reminder-header", { remaining: remainingText(t, meeting.startsAt.getTime() - now.getTime()) });
  const parts = [header, meetingDetails(t, meeting, meeting.cell)];
  const documents = (await firstContact(deps, meeting.id, row.personId)) ? documentsPart(t, meeting) : { text: null, attachments: [] };
  if (documents.text) parts.push(documents.text);
  parts.push(t(response ? "reminder-answered-attend" : "reminder-ask-answer"));
  if (late) parts.push(t("reminder-late"));
  return {
    action: "send",
    messages: [{ text: parts.join("\n\n"), ...(response ? {} : { choices: answerChoices(t, meeting.id) }), ...(documents.attachments.length ? { attachments: documents.attachments } : {}) }],
  };
};

const renderAnnounce: OutboxRenderer = async (row, { deps, t, now }) => {
  const meeting = await loadMeeting(deps, row.subjectId);
  if (!meeting) return { action: "skip", reason: "gone" };
  const change = String(row.payload.change ?? "new");
  if (!(await isInvited(deps, meeting.cellId, row.personId))) return { action: "skip", reason: "no longer invited" };
  if (change === "cancelled") {
    return { action: "send", messages: [{ text: t("announce-cancelled", { title: meetingTitle(t, meeting, meeting.cell.timeZone), when: whenText(t, meeting.startsAt, meeting.cell.timeZone), cell: meeting.cell.name }) }] };
  }
  if (meeting.status !== "scheduled" || meeting.startsAt <= now) return { action: "skip", reason: "meeting passed or cancelled" };
  const response = await deps.db.meetingResponse.findUnique({ where: { meetingId_personId: { meetingId: meeting.id, personId: row.personId } } });
  const documents = (await firstContact(deps, meeting.id, row.personId)) ? documentsPart(t, meeting) : { text: null, attachments: [] };
  const parts = [t(`announce-${change === "moved" || change === "place" ? change : "new"}`), meetingDetails(t, meeting, meeting.cell)];
  if (documents.text) parts.push(documents.text);
  parts.push(t(response ? "announce-answer-kept" : "reminder-ask-answer"));
  return {
    action: "send",
    messages: [{ text: parts.join("\n\n"), choices: answerChoices(t, meeting.id), ...(documents.attachments.length ? { attachments: documents.attachments } : {}) }],
  };
};

/** Builds the answer lines the summary and the attendance checklist start from. */
export async function answerLines(deps: Parameters<OutboxRenderer>[1]["deps"], meeting: { id: string; cellId: string }, t: Parameters<OutboxRenderer>[1]["t"]) {
  const members = await invitedMembers(deps.db, meeting.cellId);
  const responses = new Map((await deps.db.meetingResponse.findMany({ where: { meetingId: meeting.id } })).map((r) => [r.personId, r]));
  const identities = await deps.db.identity.findMany({ where: { personId: { in: members.map((m) => m.personId) } } });
  return members.map((m): SummaryLine & { personId: string } => {
    const r = responses.get(m.personId);
    const own = identities.filter((i) => i.personId === m.personId);
    return {
      personId: m.personId,
      name: m.person.fullName ?? "?",
      answer: (r?.answer as "attend" | "absent" | undefined) ?? null,
      reason: r?.answer === "absent" ? [r.reason ? t(`reason-${r.reason}`) : null, r.reasonText].filter(Boolean).join(": ") || null : null,
      unreachable: own.length === 0 || own.every((i) => i.unreachable),
    };
  });
}

const renderSummary: OutboxRenderer = async (row, { deps, t, now }) => {
  const meeting = await loadMeeting(deps, row.subjectId);
  if (!meeting || meeting.status !== "scheduled" || meeting.startsAt <= now) return { action: "skip", reason: "meeting passed or cancelled" };
  const lines = await answerLines(deps, meeting, t);
  return { action: "send", messages: [{ text: summaryText(t, meeting, meeting.cell, lines), choices: [[{ label: t("button-proxy-answer"), data: `mt:px:${meeting.id}` }]] }] };
};

const renderAttendancePrompt: OutboxRenderer = async (row, { deps, t }) => {
  const meeting = await loadMeeting(deps, row.subjectId);
  if (!meeting || meeting.status !== "scheduled") return { action: "skip", reason: "cancelled" };
  if (meeting.attendanceRecordedAt) return { action: "skip", reason: "already recorded" };
  return {
    action: "send",
    messages: [{ text: t("attendance-prompt", { title: meetingTitle(t, meeting, meeting.cell.timeZone), when: whenText(t, meeting.startsAt, meeting.cell.timeZone) }), choices: [[{ label: t("button-record-attendance"), data: `mt:at:${meeting.id}` }]] }],
  };
};

const renderNotes: OutboxRenderer = async (row, { deps, t }) => {
  const meeting = await loadMeeting(deps, row.subjectId);
  if (!meeting?.notes) return { action: "skip", reason: "no notes" };
  const m = await deps.db.membership.findUnique({ where: { cellId_personId: { cellId: meeting.cellId, personId: row.personId } } });
  if (m?.status !== "active") return { action: "skip", reason: "not a member" };
  return { action: "send", messages: [{ text: t("notes-broadcast", { title: meetingTitle(t, meeting, meeting.cell.timeZone), when: whenText(t, meeting.startsAt, meeting.cell.timeZone), notes: meeting.notes }) }] };
};

const renderAbsenceWarning: OutboxRenderer = async (row, { deps, t }) => {
  const memberId = typeof row.payload.memberId === "string" ? row.payload.memberId : null;
  const year = typeof row.payload.year === "number" ? row.payload.year : null;
  if (!memberId || !year || !row.cellId) return { action: "skip", reason: "bad payload" };
  const cell = await deps.db.cell.findUnique({ where: { id: row.cellId } });
  const member = await deps.db.person.findUnique({ where: { id: memberId } });
  if (!cell || !member) return { action: "skip", reason: "gone" };
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
