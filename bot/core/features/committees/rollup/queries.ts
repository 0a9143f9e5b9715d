/**
 * The roll-up's reads: counts, groupings and a few hundred meeting and round rows for a committee,
 * whatever the number of its members. Nothing here loads a cell's members or a report's text:
 * attendance and drafts are counted by the database, and absences per member (absences.ts), of
 * which only those past the warning come back.
 */
import type { DbTx } from "../../../../db/client.ts";
import { meetingOutboxKinds, parseDocuments } from "../../meetings/model.ts";
import { draftStatus } from "../../reports/records.ts";
import { absenceMonths } from "./absences.ts";
import { byName, groupInto } from "./collate.ts";
import { noDrafts, regularKinds, type AttendanceCounts, type CellFacts, type DraftCounts, type MeetingFact, type RoundFact } from "./model.ts";
import { monthRange, type Month } from "./month.ts";

export interface RollupQuery {
  committeeId: string;
  /** The committee's zone: where the month begins and ends. */
  timeZone: string;
  month: Month;
  now: Date;
  /** Only these cells (a page, one card, the officer's own); they must still be the committee's. */
  cellIds?: readonly string[];
}

/** The facts of every cell of the committee (or of the chosen ones), by name. */
export async function readRollup(db: DbTx, q: RollupQuery): Promise<CellFacts[]> {
  const cells = (
    await db.cell.findMany({
      where: { committeeId: q.committeeId, ...(q.cellIds ? { id: { in: [...q.cellIds] } } : {}) },
      select: { id: true, name: true, charge: { select: { officer: { select: { person: { select: { fullName: true } } } } } } },
    })
  ).sort(byName);
  if (cells.length === 0) return [];
  const ids = cells.map((c) => c.id);
  const { from, to } = monthRange(q.month, q.timeZone);
  const members = await memberCounts(db, ids);
  const meetings = await regularMeetings(db, ids, from, to);
  const rounds = await roundsOf(db, ids, from, to);
  const absences = await absenceMonths(db, { ...q, cellIds: ids });
  return cells.map((c) => ({
    id: c.id,
    name: c.name,
    members: members.get(c.id) ?? 0,
    inCharge: c.charge?.officer.person.fullName ?? null,
    meetings: meetings.get(c.id) ?? [],
    rounds: rounds.get(c.id) ?? [],
    absences: absences.get(c.id) ?? [],
  }));
}

async function memberCounts(db: DbTx, cellIds: string[]): Promise<Map<string, number>> {
  const rows = await db.membership.groupBy({ by: ["cellId"], where: { cellId: { in: cellIds }, status: "active" }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.cellId, r._count._all]));
}

/** The month's regular meetings that were not cancelled, with attendance counted and when the documents went out. */
async function regularMeetings(db: DbTx, cellIds: string[], from: Date, to: Date): Promise<Map<string, MeetingFact[]>> {
  const rows = await db.meeting.findMany({
    where: { cellId: { in: cellIds }, kind: { in: [...regularKinds] }, status: "scheduled", startsAt: { gte: from, lt: to } },
    orderBy: { startsAt: "asc" },
    select: { id: true, cellId: true, kind: true, startsAt: true, endedAt: true, attendanceRecordedAt: true, documents: true },
  });
  const heldIds = rows.filter((r) => r.attendanceRecordedAt).map((r) => r.id);
  const withDocuments = new Set(rows.filter((r) => parseDocuments(r.documents).length > 0).map((r) => r.id));
  const attendance = new Map<string, AttendanceCounts>();
  if (heldIds.length > 0) {
    const counts = await db.attendance.groupBy({ by: ["meetingId", "status"], where: { meetingId: { in: heldIds } }, _count: { _all: true } });
    for (const c of counts) {
      const into = attendance.get(c.meetingId) ?? { present: 0, excused: 0, absent: 0 };
      if (c.status === "present" || c.status === "excused" || c.status === "absent") into[c.status] += c._count._all;
      attendance.set(c.meetingId, into);
    }
  }
  const sent = new Map<string, Date>();
  if (withDocuments.size > 0) {
    // The documents go with each member's first message about the meeting, whichever kind it is.
    const firsts = await db.outboxMessage.groupBy({
      by: ["subjectId"],
      where: { subjectId: { in: [...withDocuments] }, kind: { in: [meetingOutboxKinds.announce, meetingOutboxKinds.reminder] }, status: "sent" },
      _min: { sentAt: true },
    });
    for (const f of firsts) if (f.subjectId && f._min.sentAt) sent.set(f.subjectId, f._min.sentAt);
  }
  const byCell = new Map<string, MeetingFact[]>();
  for (const r of rows) {
    groupInto(byCell, r.cellId, {
      id: r.id,
      kind: r.kind,
      startsAt: r.startsAt,
      endedAt: r.endedAt,
      held: r.attendanceRecordedAt !== null,
      hasDocuments: withDocuments.has(r.id),
      documentsSentAt: sent.get(r.id) ?? null,
      attendance: attendance.get(r.id) ?? { present: 0, excused: 0, absent: 0 },
    });
  }
  return byCell;
}

const missingStatuses: readonly string[] = [draftStatus.notStarted, draftStatus.drafting];

/** Rounds open during the month, or due or closed in it, with their drafts counted by status. */
async function roundsOf(db: DbTx, cellIds: string[], from: Date, to: Date): Promise<Map<string, RoundFact[]>> {
  const rows = await db.reportRound.findMany({
    where: { cellId: { in: cellIds }, OR: [{ status: "open", createdAt: { lt: to } }, { deadline: { gte: from, lt: to } }, { closedAt: { gte: from, lt: to } }] },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    select: { id: true, cellId: true, title: true, deadline: true, status: true, committeeRoundId: true },
  });
  const counts = new Map<string, DraftCounts>();
  if (rows.length > 0) {
    const grouped = await db.reportDraft.groupBy({ by: ["roundId", "status"], where: { roundId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
    for (const g of grouped) {
      const into = counts.get(g.roundId) ?? noDrafts();
      const n = g._count._all;
      if (g.status === draftStatus.submitted) into.submitted += n;
      else if (g.status === draftStatus.accepted) into.accepted += n;
      else if (g.status === draftStatus.returned) into.returned += n;
      else if (missingStatuses.includes(g.status)) into.missing += n;
      counts.set(g.roundId, into);
    }
  }
  const byCell = new Map<string, RoundFact[]>();
  for (const r of rows) {
    groupInto(byCell, r.cellId, { id: r.id, title: r.title, deadline: r.deadline, open: r.status === "open", committeeRoundId: r.committeeRoundId, counts: counts.get(r.id) ?? noDrafts() });
  }
  return byCell;
}

/** A page of the committee's cells by name (all, or among `cellIds`), and how many there are. */
export async function cellIdsPage(db: DbTx, input: { committeeId: string; cellIds?: readonly string[]; page: number; pageSize: number }): Promise<{ total: number; ids: string[] }> {
  const rows = (await db.cell.findMany({ where: { committeeId: input.committeeId, ...(input.cellIds ? { id: { in: [...input.cellIds] } } : {}) }, select: { id: true, name: true } })).sort(byName);
  return { total: rows.length, ids: rows.slice(input.page * input.pageSize, (input.page + 1) * input.pageSize).map((r) => r.id) };
}

/** The cells the officer is in charge of. */
export async function chargedCellIds(db: DbTx, officerId: string): Promise<string[]> {
  return (await db.committeeCharge.findMany({ where: { officerId }, select: { cellId: true } })).map((c) => c.cellId);
}
