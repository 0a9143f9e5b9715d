/**
 * What the meetings screens and notifications read. A screen's read is behind the same check as
 * the action it leads to (a member of the meeting's cell, or its secretary and deputy), so a
 * forged meeting id of another cell is refused before anything is shown.
 */
import type { Db, DbTx } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import { DomainError } from "../../domain/errors.ts";
import { activeMemberships, adminRoles, anyRole, isAdminRole, requireRole, type MembershipWithCell } from "../../domain/members.ts";
import type { PersonRecord } from "../../domain/people.ts";
import { monthlyRuleSchema, type MonthlyRule } from "../../time/monthly-rule.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { answerLines } from "./answer-lines.ts";
import type { AttendanceStatus, MeetingWithCell } from "./model.ts";

export async function meetingWithCell(db: DbTx, meetingId: string): Promise<MeetingWithCell | null> {
  return db.meeting.findUnique({ where: { id: meetingId }, include: { cell: true } });
}

/** The meeting, for anyone in its cell, with their membership; refuses everyone else. */
export async function meetingForMember(db: DbTx, input: { personId: string; meetingId: string }) {
  const meeting = await meetingWithCell(db, input.meetingId);
  if (!meeting) throw new DomainError("not-found");
  const membership = await requireRole(db, input.personId, meeting.cellId, anyRole);
  return { meeting, membership };
}

/** The meeting, for the secretary and deputy of its cell; refuses everyone else. */
export async function meetingForAdmin(db: DbTx, input: { personId: string; meetingId: string }): Promise<MeetingWithCell> {
  const meeting = await meetingWithCell(db, input.meetingId);
  if (!meeting) throw new DomainError("not-found");
  await requireRole(db, input.personId, meeting.cellId, adminRoles);
  return meeting;
}

/** Whether the meeting can still be moved, re-placed, cancelled or answered. */
export const isAhead = (meeting: { status: string; startsAt: Date }, now: Date) => meeting.status === "scheduled" && meeting.startsAt > now;

export async function upcomingMeetings(db: DbTx, cellIds: string[], now: Date, limit = 10): Promise<MeetingWithCell[]> {
  return db.meeting.findMany({ where: { cellId: { in: cellIds }, status: "scheduled", startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: limit, include: { cell: true } });
}

/** /lich: the next meetings of every cell of the person, with their own answers; null when they are in no cell. */
export async function scheduleOf(db: Db, input: { personId: string; now: Date }) {
  const memberships = await activeMemberships(db, input.personId);
  if (memberships.length === 0) return null;
  const meetings = await upcomingMeetings(db, memberships.map((m) => m.cellId), input.now, 5);
  const responses = await db.meetingResponse.findMany({ where: { personId: input.personId, meetingId: { in: meetings.map((m) => m.id) } } });
  return { meetings, responses: new Map(responses.map((r) => [r.meetingId, r])) };
}

export async function ownResponse(db: DbTx, meetingId: string, personId: string) {
  return db.meetingResponse.findUnique({ where: { meetingId_personId: { meetingId, personId } } });
}

/** The cell as its secretary or deputy sees it; refuses everyone else. */
export async function cellForAdmin(db: DbTx, input: { personId: string; cellId: string }): Promise<MembershipWithCell> {
  return requireRole(db, input.personId, input.cellId, adminRoles);
}

async function activeRule(db: DbTx, cellId: string) {
  return db.meetingRule.findFirst({ where: { cellId, active: true } });
}

/** /hop: the rule, the next meetings and the recent ones still waiting for attendance. */
export async function adminOverview(db: Db, input: { personId: string; cellId: string; now: Date }) {
  const membership = await cellForAdmin(db, input);
  const rule = await activeRule(db, input.cellId);
  const parsed = rule ? monthlyRuleSchema.safeParse(JSON.parse(rule.rule)) : null;
  const upcoming = await upcomingMeetings(db, [input.cellId], input.now, 6);
  const recent = await db.meeting.findMany({ where: { cellId: input.cellId, status: "scheduled", startsAt: { lte: input.now } }, orderBy: { startsAt: "desc" }, take: 2 });
  return {
    cell: membership.cell,
    rule: rule ? { exists: true, rule: parsed?.success ? (parsed.data as MonthlyRule) : null, place: rule.place } : null,
    upcoming,
    recent,
  };
}

/** Where the cell usually meets (the monthly rule's place), for a new meeting's place question. */
export async function usualPlace(db: DbTx, input: { personId: string; cellId: string }): Promise<{ membership: MembershipWithCell; place: string | null }> {
  const membership = await cellForAdmin(db, input);
  return { membership, place: (await activeRule(db, input.cellId))?.place ?? null };
}

/** The last meeting that has taken place and was not cancelled: what /diemdanh records. */
export async function lastHeldMeeting(db: DbTx, input: { personId: string; cellId: string; now: Date }) {
  await cellForAdmin(db, input);
  return db.meeting.findFirst({ where: { cellId: input.cellId, status: "scheduled", startsAt: { lte: input.now } }, orderBy: { startsAt: "desc" } });
}

/** What the attendance checklist starts from: the answers and any attendance recorded before. */
export async function attendanceSheet(db: DbTx, input: { personId: string; meetingId: string; t: Translator }) {
  const meeting = await meetingForAdmin(db, input);
  const lines = await answerLines(db, meeting, input.t);
  const rows = await db.attendance.findMany({ where: { meetingId: meeting.id } });
  return { meeting, lines, recorded: new Map(rows.map((a) => [a.personId, a.status as AttendanceStatus])) };
}

/** A member the secretary answers for: active in the meeting's cell, or null (a stale or forged button). */
export async function proxyTarget(db: DbTx, input: { personId: string; meetingId: string; membershipId: string }) {
  const meeting = await meetingForAdmin(db, input);
  const target = await db.membership.findUnique({ where: { id: input.membershipId }, include: { person: true } });
  if (!target || target.cellId !== meeting.cellId || target.status !== "active") return null;
  return { meeting, target };
}

export interface AbsenceTally {
  personId: string;
  excused: number;
  unexcused: number;
  /** Distinct months of the year with an absence without a valid reason: the Charter's measure. */
  unexcusedMonths: number;
}

/** Absences with and without a valid reason in the given calendar year (in the cell's zone). */
export async function absenceTallies(db: DbTx, cellId: string, year: number, timeZone: string): Promise<Map<string, AbsenceTally>> {
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

/** /chuyencan: the year's absences, of everyone for the secretary and deputy, of oneself for anyone else. */
export async function attendanceHistory(db: Db, input: { viewer: MembershipWithCell; person: PersonRecord; now: Date }) {
  const { cell } = input.viewer;
  const year = utcToZonedWall(input.now, cell.timeZone).year;
  const tallies = await absenceTallies(db, cell.id, year, cell.timeZone);
  const members = isAdminRole(input.viewer.role)
    ? await db.membership.findMany({ where: { cellId: cell.id, status: "active" }, include: { person: true } })
    : [{ personId: input.person.id, person: input.person }];
  return { year, rows: members.map((m) => ({ name: m.person.fullName ?? "?", tally: tallies.get(m.personId) ?? null })) };
}

// ---- for the outbox renderers ----

/** Which of these people are expected at the cell's meetings (active, not exempt). */
export async function invitedPersonIds(db: DbTx, cellId: string, personIds: string[]): Promise<Set<string>> {
  const rows = await db.membership.findMany({ where: { cellId, personId: { in: personIds }, status: "active", exempt: false }, select: { personId: true } });
  return new Set(rows.map((r) => r.personId));
}

/** These people's answers to a meeting. */
export async function responsesByPerson(db: DbTx, meetingId: string, personIds: string[]) {
  return new Map((await db.meetingResponse.findMany({ where: { meetingId, personId: { in: personIds } } })).map((r) => [r.personId, r]));
}

/** Announcements and reminders of a meeting that went out or still may, for these people. */
export async function sentOrPending(db: DbTx, subjectId: string | null, kinds: string[], personIds: string[]) {
  const all = await db.outboxMessage.findMany({
    where: { subjectId, personId: { in: personIds }, kind: { in: kinds }, status: { in: ["sent", "pending", "sending"] } },
    select: { personId: true, kind: true, status: true, dueAt: true, payload: true },
  });
  const byPerson = new Map<string, typeof all>();
  for (const r of all) {
    const own = byPerson.get(r.personId);
    if (own) own.push(r);
    else byPerson.set(r.personId, [r]);
  }
  return byPerson;
}

export async function isActiveMember(db: DbTx, cellId: string, personId: string): Promise<boolean> {
  const m = await db.membership.findUnique({ where: { cellId_personId: { cellId, personId } }, select: { status: true } });
  return m?.status === "active";
}

export async function cellAndPerson(db: DbTx, cellId: string, personId: string) {
  const [cell, person] = await Promise.all([db.cell.findUnique({ where: { id: cellId } }), db.person.findUnique({ where: { id: personId } })]);
  return cell && person ? { cell, person } : null;
}
