/** The note or the resolution's main points after a meeting, sent to every member of the cell. */
import type { Db } from "../../../../db/client.ts";
import { planMessages } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { meetingOutboxKinds } from "../model.ts";

/** Saves the notes and plans one message to each active member; returns how many, and the cell (its quiet hours). */
export async function saveNotes(db: Db, input: { actorId: string; meetingId: string; notes: string; now: Date }): Promise<{ count: number; cell: CellRecord }> {
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, include: { cell: true } });
    if (!meeting) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, meeting.cellId, adminRoles);
    await tx.meeting.update({ where: { id: meeting.id }, data: { notes: input.notes } });
    await audit(tx, { cellId: meeting.cellId, actorPersonId: input.actorId, action: "meeting.notes", details: { meetingId: meeting.id, length: input.notes.length }, at: input.now });
    const members = await tx.membership.findMany({ where: { cellId: meeting.cellId, status: "active" } });
    // The time in the key: notes sent again later (corrected) are a new message, not a duplicate.
    const stamp = input.now.getTime();
    await planMessages(
      tx,
      members.map((m) => ({ key: `mn:${meeting.id}:${stamp}:${m.personId}`, kind: meetingOutboxKinds.notes, personId: m.personId, cellId: meeting.cellId, subjectId: meeting.id, dueAt: input.now })),
    );
    return { count: members.length, cell: meeting.cell };
  });
}
