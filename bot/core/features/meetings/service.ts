import type { Db } from "../../../db/client.ts";
import { audit } from "../../domain/audit.ts";
import { DomainError } from "../../domain/errors.ts";
import { monthlyRuleSchema, nextOccurrences, type MonthlyRule } from "../../time/monthly-rule.ts";
import { utcToZonedWall } from "../../time/zoned.ts";

export const meetingKinds = ["dinh_ky", "dinh_ky_bo_sung", "chuyen_de", "dien_dan", "bat_thuong"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
/** Kinds a secretary schedules one by one; "dinh_ky" comes from the monthly rule. */
export const oneOffKinds = ["dinh_ky_bo_sung", "chuyen_de", "dien_dan", "bat_thuong"] as const;

export const absenceReasons = ["om_dau", "cong_tac", "gia_dinh", "khac"] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

export type AttendanceStatus = "present" | "excused" | "absent";

export interface MeetingDocument {
  kind: "link" | "file";
  /** A URL for links; the messenger's file id for files. */
  ref: string;
  name: string;
  platform?: string;
}

export interface MeetingRecord {
  id: string;
  cellId: string;
  ruleId: string | null;
  kind: string;
  title: string | null;
  topic: string | null;
  startsAt: Date;
  place: string | null;
  agenda: string | null;
  preparation: string | null;
  documents: string;
  status: string;
  version: number;
  notes: string | null;
  attendanceRecordedAt: Date | null;
}

/** How many upcoming occurrences of a rule are kept scheduled. */
const occurrencesAhead = 2;

export function parseDocuments(json: string): MeetingDocument[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as MeetingDocument[]) : [];
  } catch {
    return [];
  }
}

export interface NewMeeting {
  cellId: string;
  kind: MeetingKind;
  title: string | null;
  topic: string | null;
  startsAt: Date;
  place: string | null;
  agenda: string | null;
  preparation: string | null;
  documents: MeetingDocument[];
}

export async function createMeeting(db: Db, input: NewMeeting & { actorId: string; now: Date }): Promise<MeetingRecord> {
  const meeting = await db.meeting.create({
    data: {
      cellId: input.cellId,
      kind: input.kind,
      title: input.title,
      topic: input.topic,
      startsAt: input.startsAt,
      place: input.place,
      agenda: input.agenda,
      preparation: input.preparation,
      documents: JSON.stringify(input.documents),
      createdById: input.actorId,
    },
  });
  await audit(db, { cellId: input.cellId, actorPersonId: input.actorId, action: "meeting.created", details: { meetingId: meeting.id, startsAt: input.startsAt, kind: input.kind }, at: input.now });
  return meeting;
}

export type MeetingChange = { startsAt: Date } | { place: string | null } | { cancelled: true };

/** Moves, edits or cancels one meeting. The version goes up, so members are told once and reminders are re-planned. */
export async function changeMeeting(db: Db, input: { meetingId: string; actorId: string; change: MeetingChange; now: Date }): Promise<{ before: MeetingRecord; after: MeetingRecord }> {
  const before = await db.meeting.findUnique({ where: { id: input.meetingId } });
  if (!before || before.status !== "scheduled") throw new DomainError("not-found");
  if (before.startsAt <= input.now) throw new DomainError("not-found");
  const data =
    "startsAt" in input.change
      ? { startsAt: input.change.startsAt }
      : "place" in input.change
        ? { place: input.change.place }
        : { status: "cancelled" };
  const { count } = await db.meeting.updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new DomainError("not-found");
  const after = await db.meeting.findUniqueOrThrow({ where: { id: before.id } });
  await audit(db, {
    cellId: before.cellId,
    actorPersonId: input.actorId,
    action: "cancelled" in input.change ? "meeting.cancelled" : "meeting.changed",
    details: { meetingId: before.id, before: { startsAt: before.startsAt, place: before.place }, after: { startsAt: after.startsAt, place: after.place, status: after.status } },
    at: input.now,
  });
  return { before, after };
}

/** Sets (or replaces) the cell's monthly rule and schedules its next occurrences. */
export async function setMonthlyRule(db: Db, input: { cellId: string; actorId: string; rule: MonthlyRule; place: string | null; now: Date }) {
  const existing = await db.meetingRule.findFirst({ where: { cellId: input.cellId, active: true } });
  const rule = existing
    ? await db.meetingRule.update({ where: { id: existing.id }, data: { rule: JSON.stringify(input.rule), place: input.place } })
    : await db.meetingRule.create({ data: { cellId: input.cellId, rule: JSON.stringify(input.rule), place: input.place, createdById: input.actorId } });
  await audit(db, { cellId: input.cellId, actorPersonId: input.actorId, action: "meeting.rule_set", details: { rule: input.rule, place: input.place }, at: input.now });
  return rule;
}

export async function stopMonthlyRule(db: Db, input: { cellId: string; actorId: string; now: Date }): Promise<boolean> {
  const { count } = await db.meetingRule.updateMany({ where: { cellId: input.cellId, active: true }, data: { active: false } });
  if (count > 0) await audit(db, { cellId: input.cellId, actorPersonId: input.actorId, action: "meeting.rule_stopped", at: input.now });
  return count > 0;
}

const monthKey = (date: Date, timeZone: string) => {
  const w = utcToZonedWall(date, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}`;
};

/**
 * Keeps the next occurrences of every active rule scheduled (idempotent: one meeting per rule and
 * month). Occurrences no one has moved follow a changed rule; returns the meetings created or moved.
 */
export async function expandRules(db: Db, now: Date, cellId?: string): Promise<{ created: MeetingRecord[]; moved: { before: MeetingRecord; after: MeetingRecord }[] }> {
  const rules = await db.meetingRule.findMany({ where: { active: true, ...(cellId ? { cellId } : {}) }, include: { cell: true } });
  const created: MeetingRecord[] = [];
  const moved: { before: MeetingRecord; after: MeetingRecord }[] = [];
  for (const row of rules) {
    const parsed = monthlyRuleSchema.safeParse(JSON.parse(row.rule));
    if (!parsed.success) continue;
    const timeZone = row.cell.timeZone;
    for (const at of nextOccurrences(parsed.data, { after: now, count: occurrencesAhead, timeZone })) {
      const occurrence = monthKey(at, timeZone);
      const existing = await db.meeting.findUnique({ where: { ruleId_occurrence: { ruleId: row.id, occurrence } } });
      if (!existing) {
        try {
          created.push(
            await db.meeting.create({
              data: { cellId: row.cellId, ruleId: row.id, occurrence, kind: "dinh_ky", startsAt: at, place: row.place, createdById: row.createdById },
            }),
          );
        } catch (error) {
          // Another scheduler made it at the same moment.
          if ((error as { code?: string }).code !== "P2002") throw error;
        }
      } else if (existing.status === "scheduled" && existing.version === 1 && existing.startsAt > now && existing.startsAt.getTime() !== at.getTime()) {
        // Untouched occurrences follow the rule; one moved by hand (version > 1) keeps its own time.
        const after = await db.meeting.update({ where: { id: existing.id }, data: { startsAt: at, place: row.place, version: { increment: 1 } } });
        moved.push({ before: existing, after });
      }
    }
  }
  return { created, moved };
}

export async function upcomingMeetings(db: Db, cellIds: string[], now: Date, limit = 10) {
  return db.meeting.findMany({
    where: { cellId: { in: cellIds }, status: "scheduled", startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    take: limit,
    include: { cell: true },
  });
}

/** Members expected at a meeting: active and not exempt from meetings. */
export async function invitedMembers(db: Db, cellId: string) {
  return db.membership.findMany({ where: { cellId, status: "active", exempt: false }, include: { person: true } });
}

export async function recordResponse(
  db: Db,
  input: { meetingId: string; personId: string; answer: "attend" | "absent"; reason: AbsenceReason | null; reasonText: string | null; enteredById: string; now: Date },
) {
  const meeting = await db.meeting.findUnique({ where: { id: input.meetingId } });
  if (!meeting || meeting.status !== "scheduled") throw new DomainError("not-found");
  if (meeting.startsAt <= input.now) throw new DomainError("meeting-started");
  const previous = await db.meetingResponse.findUnique({ where: { meetingId_personId: { meetingId: input.meetingId, personId: input.personId } } });
  const data = { answer: input.answer, reason: input.reason, reasonText: input.reasonText, enteredById: input.enteredById, updatedAt: input.now };
  await db.meetingResponse.upsert({
    where: { meetingId_personId: { meetingId: input.meetingId, personId: input.personId } },
    create: { meetingId: input.meetingId, personId: input.personId, ...data },
    update: data,
  });
  await audit(db, {
    cellId: meeting.cellId,
    actorPersonId: input.enteredById,
    targetPersonId: input.personId,
    action: "meeting.response",
    details: {
      meetingId: meeting.id,
      proxy: input.enteredById !== input.personId,
      before: previous ? { answer: previous.answer, reason: previous.reason } : null,
      after: { answer: input.answer, reason: input.reason },
    },
    at: input.now,
  });
  return meeting;
}

/** Records who was present; changes to an earlier record are audited line by line. */
export async function recordAttendance(db: Db, input: { meetingId: string; actorId: string; statuses: Record<string, AttendanceStatus>; now: Date }) {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: input.meetingId } });
  const previous = new Map((await db.attendance.findMany({ where: { meetingId: meeting.id } })).map((a) => [a.personId, a.status]));
  const responses = new Map((await db.meetingResponse.findMany({ where: { meetingId: meeting.id } })).map((r) => [r.personId, r]));
  await db.$transaction(async (tx) => {
    for (const [personId, status] of Object.entries(input.statuses)) {
      const response = responses.get(personId);
      const reason = status === "excused" && response?.answer === "absent" ? response.reason : null;
      await tx.attendance.upsert({
        where: { meetingId_personId: { meetingId: meeting.id, personId } },
        create: { meetingId: meeting.id, personId, status, reason, recordedById: input.actorId, recordedAt: input.now },
        update: { status, reason, recordedById: input.actorId, recordedAt: input.now },
      });
    }
    await tx.meeting.update({ where: { id: meeting.id }, data: { attendanceRecordedAt: input.now, attendanceRecordedById: input.actorId } });
    const changes = Object.entries(input.statuses)
      .filter(([personId, status]) => previous.get(personId) !== status)
      .map(([personId, status]) => ({ personId, before: previous.get(personId) ?? null, after: status }));
    await audit(tx, { cellId: meeting.cellId, actorPersonId: input.actorId, action: "meeting.attendance", details: { meetingId: meeting.id, changes }, at: input.now });
  });
  return meeting;
}

export interface AbsenceTally {
  personId: string;
  excused: number;
  unexcused: number;
  /** Distinct months of the year with an absence without a valid reason: the Charter's measure. */
  unexcusedMonths: number;
}

/** Absences with and without a valid reason in the given calendar year (in the cell's zone). */
export async function absenceTallies(db: Db, cellId: string, year: number, timeZone: string): Promise<Map<string, AbsenceTally>> {
  const rows = await db.attendance.findMany({
    where: { status: { in: ["excused", "absent"] }, meeting: { cellId, status: "scheduled" } },
    include: { meeting: { select: { startsAt: true } } },
  });
  const tallies = new Map<string, AbsenceTally & { months: Set<number> }>();
  for (const row of rows) {
    const wall = utcToZonedWall(row.meeting.startsAt, timeZone);
    if (wall.year !== year) continue;
    const tally = tallies.get(row.personId) ?? { personId: row.personId, excused: 0, unexcused: 0, unexcusedMonths: 0, months: new Set<number>() };
    if (row.status === "excused") tally.excused++;
    else {
      tally.unexcused++;
      tally.months.add(wall.month);
    }
    tally.unexcusedMonths = tally.months.size;
    tallies.set(row.personId, tally);
  }
  return new Map([...tallies].map(([k, { months: _months, ...v }]) => [k, v]));
}
