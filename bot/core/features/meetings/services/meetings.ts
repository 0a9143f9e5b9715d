/** Scheduling one meeting, and moving, re-placing or cancelling it; members hear of each once. */
import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import type { MeetingChange, MeetingChangeKind, MeetingDraft, MeetingRecord } from "../model.ts";
import { planMeeting } from "../planning.ts";
import { isAhead } from "../queries.ts";

export type CreateOutcome = { kind: "created"; meeting: MeetingRecord; cell: CellRecord; invited: number } | { kind: "past" };

/** Saves a one-off meeting, announces it and plans its reminders; a time that has passed meanwhile is refused. */
export async function createMeeting(db: Db, input: { actorId: string; cellId: string; draft: MeetingDraft; now: Date }): Promise<CreateOutcome> {
  return db.$transaction(async (tx) => {
    const { cell } = await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const { draft } = input;
    if (draft.startsAt <= input.now) return { kind: "past" as const };
    const meeting = await tx.meeting.create({
      data: {
        cellId: input.cellId,
        kind: draft.kind,
        title: draft.title,
        topic: draft.topic,
        startsAt: draft.startsAt,
        place: draft.place,
        agenda: draft.agenda,
        preparation: draft.preparation,
        documents: JSON.stringify(draft.documents),
        createdById: input.actorId,
      },
    });
    await audit(tx, { cellId: input.cellId, actorPersonId: input.actorId, action: "meeting.created", details: { meetingId: meeting.id, startsAt: draft.startsAt, kind: draft.kind }, at: input.now });
    await planMeeting(tx, meeting.id, input.now, "new");
    const invited = await tx.membership.count({ where: { cellId: input.cellId, status: "active", exempt: false } });
    return { kind: "created" as const, meeting, cell, invited };
  });
}

const changeKind = (change: MeetingChange): MeetingChangeKind => ("startsAt" in change ? "moved" : "place" in change ? "place" : "cancelled");

/**
 * Moves, re-places or cancels one meeting that is still ahead. The version goes up (a second tap
 * or device finds it changed), members are told once, and the reminders follow the new state.
 */
export async function changeMeeting(db: Db, input: { actorId: string; meetingId: string; change: MeetingChange; now: Date }) {
  return db.$transaction(async (tx) => {
    const before = await tx.meeting.findUnique({ where: { id: input.meetingId }, include: { cell: true } });
    if (!before) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, before.cellId, adminRoles);
    if (!isAhead(before, input.now)) throw new DomainError("not-found");
    const { change } = input;
    const data = "startsAt" in change ? { startsAt: change.startsAt } : "place" in change ? { place: change.place } : { status: "cancelled" };
    const { count } = await tx.meeting.updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new DomainError("not-found");
    const after = await tx.meeting.findUniqueOrThrow({ where: { id: before.id } });
    await audit(tx, {
      cellId: before.cellId,
      actorPersonId: input.actorId,
      action: "cancelled" in change ? "meeting.cancelled" : "meeting.changed",
      details: { meetingId: before.id, before: { startsAt: before.startsAt, place: before.place }, after: { startsAt: after.startsAt, place: after.place, status: after.status } },
      at: input.now,
    });
    await planMeeting(tx, before.id, input.now, changeKind(change));
    return { before, after, cell: before.cell };
  });
}
