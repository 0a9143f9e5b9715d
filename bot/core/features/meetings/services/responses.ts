/** A member's answer to a meeting (attend, or absent with a reason), given by them or by the secretary for them. */
import type { DbTx, Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, anyRole, requireRole } from "../../../domain/members.ts";
import type { AbsenceReason, Answer, MeetingWithCell } from "../model.ts";
import { meetingWithCell } from "../queries.ts";

export interface ResponseInput {
  meetingId: string;
  answer: Answer;
  reason: AbsenceReason | null;
  reasonText: string | null;
  now: Date;
}

/** Writes the answer of a meeting still ahead, with the before and after in the audit log. */
async function writeResponse(tx: DbTx, meeting: MeetingWithCell, input: ResponseInput & { personId: string; enteredById: string }) {
  if (meeting.status !== "scheduled") throw new DomainError("not-found");
  if (meeting.startsAt <= input.now) throw new DomainError("meeting-started");
  const key = { meetingId_personId: { meetingId: meeting.id, personId: input.personId } };
  const previous = await tx.meetingResponse.findUnique({ where: key });
  const data = { answer: input.answer, reason: input.reason, reasonText: input.reasonText, enteredById: input.enteredById, updatedAt: input.now };
  await tx.meetingResponse.upsert({ where: key, create: { meetingId: meeting.id, personId: input.personId, ...data }, update: data });
  await audit(tx, {
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
}

async function meetingOrRefuse(tx: DbTx, meetingId: string): Promise<MeetingWithCell> {
  const meeting = await meetingWithCell(tx, meetingId);
  if (!meeting) throw new DomainError("not-found");
  return meeting;
}

/** The member's own answer; only someone of the meeting's cell may give one. */
export async function recordOwnResponse(db: Db, input: ResponseInput & { personId: string }): Promise<MeetingWithCell> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingOrRefuse(tx, input.meetingId);
    await requireRole(tx, input.personId, meeting.cellId, anyRole);
    await writeResponse(tx, meeting, { ...input, enteredById: input.personId });
    return meeting;
  });
}

/**
 * The secretary's (or deputy's) answer for a member who told them in person. The member must be
 * active in the meeting's cell; otherwise null (a stale or forged button) and nothing is written.
 */
export async function recordProxyResponse(db: Db, input: ResponseInput & { actorId: string; membershipId: string }): Promise<{ name: string } | null> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingOrRefuse(tx, input.meetingId);
    await requireRole(tx, input.actorId, meeting.cellId, adminRoles);
    const target = await tx.membership.findUnique({ where: { id: input.membershipId }, include: { person: true } });
    if (!target || target.cellId !== meeting.cellId || target.status !== "active") return null;
    await writeResponse(tx, meeting, { ...input, personId: target.personId, enteredById: input.actorId });
    return { name: target.person.fullName ?? "?" };
  });
}
