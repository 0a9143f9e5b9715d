/**
 * Recording who was at a meeting, and the secretary's private warning when a member reaches two,
 * then three, months of absence without a valid reason in a year (Quy định 294-QĐ/TW, điểm 8.1).
 */
import type { Db, DbTx } from "../../../../db/client.ts";
import { planMessages, type PlannedMessage } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { utcToZonedWall } from "../../../time/zoned.ts";
import { meetingOutboxKinds, type AttendanceStatus, type MeetingWithCell } from "../model.ts";
import { absenceTallies, meetingWithCell } from "../queries.ts";

/** The warnings the secretaries are owed for these members; the key holds the level, so each goes once. */
async function absenceWarnings(tx: DbTx, meeting: MeetingWithCell, personIds: string[], now: Date): Promise<PlannedMessage[]> {
  const { cellId } = meeting;
  const year = utcToZonedWall(meeting.startsAt, meeting.cell.timeZone).year;
  const tallies = await absenceTallies(tx, cellId, year, meeting.cell.timeZone);
  const secretaries = await tx.membership.findMany({ where: { cellId, status: "active", role: "secretary" } });
  return personIds.flatMap((personId) => {
    const months = tallies.get(personId)?.unexcusedMonths ?? 0;
    const level = months >= 3 ? 3 : months >= 2 ? 2 : 0;
    if (!level) return [];
    return secretaries.map((s) => ({
      key: `aw:${cellId}:${personId}:${year}:${level}:${s.personId}`,
      kind: meetingOutboxKinds.absenceWarning,
      personId: s.personId,
      cellId,
      payload: { memberId: personId, year },
      dueAt: now,
    }));
  });
}

export type AttendanceCounts = Record<AttendanceStatus, number>;

/**
 * Records the attendance of a meeting that has taken place (again, if corrected: changes are
 * audited line by line) and plans the absence warnings it calls for, in one transaction.
 */
export async function recordAttendance(db: Db, input: { actorId: string; meetingId: string; statuses: Record<string, AttendanceStatus>; now: Date }): Promise<AttendanceCounts> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingWithCell(tx, input.meetingId);
    if (!meeting) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, meeting.cellId, adminRoles);
    if (meeting.status !== "scheduled") throw new DomainError("not-found");
    const previous = new Map((await tx.attendance.findMany({ where: { meetingId: meeting.id } })).map((a) => [a.personId, a.status]));
    const responses = new Map((await tx.meetingResponse.findMany({ where: { meetingId: meeting.id } })).map((r) => [r.personId, r]));
    const entries = Object.entries(input.statuses);
    for (const [personId, status] of entries) {
      const response = responses.get(personId);
      const reason = status === "excused" && response?.answer === "absent" ? response.reason : null;
      await tx.attendance.upsert({
        where: { meetingId_personId: { meetingId: meeting.id, personId } },
        create: { meetingId: meeting.id, personId, status, reason, recordedById: input.actorId, recordedAt: input.now },
        update: { status, reason, recordedById: input.actorId, recordedAt: input.now },
      });
    }
    await tx.meeting.update({ where: { id: meeting.id }, data: { attendanceRecordedAt: input.now, attendanceRecordedById: input.actorId } });
    const changes = entries.filter(([personId, status]) => previous.get(personId) !== status).map(([personId, status]) => ({ personId, before: previous.get(personId) ?? null, after: status }));
    await audit(tx, { cellId: meeting.cellId, actorPersonId: input.actorId, action: "meeting.attendance", details: { meetingId: meeting.id, changes }, at: input.now });
    await planMessages(tx, await absenceWarnings(tx, meeting, entries.map(([personId]) => personId), input.now));
    const count = (s: AttendanceStatus) => entries.filter(([, x]) => x === s).length;
    return { present: count("present"), excused: count("excused"), absent: count("absent") };
  });
}
