/** The note or the resolution's main points after a meeting, sent to every member of the cell. */
import type { Db } from "../../../../db/client.ts";
import { sql } from "../../../../db/sql.ts";
import { planFanOut } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { utcToZonedWall, zonedWallToUtc } from "../../../time/zoned.ts";
import { meetingOutboxKinds } from "../model.ts";

/** Saves the notes and plans one message to each active member; returns how many, and the cell (its quiet hours). */
export async function saveNotes(db: Db, input: { actorId: string; meetingId: string; notes: string; now: Date }): Promise<{ count: number; cell: CellRecord }> {
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, include: { cell: true } });
    if (!meeting) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, meeting.cellId, adminRoles);
    await tx.meeting.update({ where: { id: meeting.id }, data: { notes: input.notes } });
    await audit(tx, { cellId: meeting.cellId, actorPersonId: input.actorId, action: "meeting.notes", details: { meetingId: meeting.id, length: input.notes.length }, at: input.now });
    // The time in the key: notes sent again later (corrected) are a new message, not a duplicate.
    // Planned by the database, one row per active member, whatever the size of the cell.
    const count = await planFanOut(tx, {
      audience: sql`SELECT person_id FROM membership WHERE cell_id = ${meeting.cellId} AND status = 'active'`,
      keyPrefix: `mn:${meeting.id}:${input.now.getTime()}:`,
      kind: meetingOutboxKinds.notes,
      cellId: meeting.cellId,
      subjectId: meeting.id,
      dueAt: input.now,
    });
    return { count, cell: meeting.cell };
  });
}

/**
 * What the minutes need and only people know, asked after attendance: when the meeting ended (a
 * wall time on its day, the next day if earlier than its start), who chaired it, who took the
 * minutes. Audited like every change to the record of a meeting.
 */
export async function saveMinutesDetails(db: Db, input: { actorId: string; meetingId: string; endedAt: string | null; chair: string | null; recorder: string | null; now: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, include: { cell: true } });
    if (!meeting) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, meeting.cellId, adminRoles);
    let endedAt: Date | null = null;
    if (input.endedAt) {
      const [hour, minute] = input.endedAt.split(":").map(Number) as [number, number];
      const day = utcToZonedWall(meeting.startsAt, meeting.cell.timeZone);
      endedAt = zonedWallToUtc({ ...day, hour, minute }, meeting.cell.timeZone);
      if (endedAt <= meeting.startsAt) endedAt = new Date(endedAt.getTime() + 86_400_000);
    }
    const data = { ...(endedAt ? { endedAt } : {}), ...(input.chair ? { chairName: input.chair } : {}), ...(input.recorder ? { recorderName: input.recorder } : {}) };
    if (Object.keys(data).length === 0) return;
    await tx.meeting.update({ where: { id: meeting.id }, data });
    await audit(tx, { cellId: meeting.cellId, actorPersonId: input.actorId, action: "meeting.minutes_details", details: { meetingId: meeting.id, endedAt: endedAt?.toISOString() ?? null, chair: Boolean(input.chair), recorder: Boolean(input.recorder) }, at: input.now });
  });
}
