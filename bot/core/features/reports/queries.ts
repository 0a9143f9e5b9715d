/**
 * What the reports screens read about rounds, drafts and people, each behind the check of who may
 * see it. Versions are read in reading.ts.
 */
import type { Db } from "../../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { adminRoles, anyRole, requireRole, type MembershipWithCell } from "../../domain/members.ts";
import { draftStatus } from "./records.ts";

/** The person's membership in the cell when they may open a round there (secretary or deputy). */
export const roundOpener = (db: Db, input: { personId: string; cellId: string }): Promise<MembershipWithCell> => requireRole(db, input.personId, input.cellId, adminRoles);

/** A round opened by the committee above carries that committee's name, for the mark «do … mở». */
const origin = { committeeRound: { select: { committee: { select: { name: true } } } } } as const;

/** The cell's open rounds (soonest deadline first) and the last few closed ones, whose reports can still be read. */
export async function cellRounds(db: Db, input: { cellId: string; recentClosed: number }) {
  const open = await db.reportRound.findMany({ where: { cellId: input.cellId, status: "open" }, orderBy: { deadline: "asc" }, include: origin });
  const closed = await db.reportRound.findMany({ where: { cellId: input.cellId, status: "closed" }, orderBy: { closedAt: "desc" }, take: input.recentClosed, include: origin });
  return { open, closed };
}

/** The person's own drafts in these rounds. */
export async function ownDrafts(db: Db, input: { personId: string; roundIds: string[] }) {
  return db.reportDraft.findMany({ where: { personId: input.personId, roundId: { in: input.roundIds } }, select: { id: true, status: true, roundId: true } });
}

/** A round with its cell, for its secretary or deputy; refuses anyone else. */
export async function roundForAdmin(db: Db, input: { personId: string; roundId: string }) {
  const round = await db.reportRound.findUnique({ where: { id: input.roundId }, include: { cell: true, ...origin } });
  if (!round) throw new DomainError("not-found");
  await requireRole(db, input.personId, round.cellId, adminRoles);
  return round;
}

/** Every draft of a round with its latest submitted version, for the status view. */
export async function roundDrafts(db: Db, roundId: string) {
  return db.reportDraft.findMany({
    where: { roundId },
    select: {
      id: true,
      personId: true,
      status: true,
      state: true,
      followUpText: true,
      raisedText: true,
      pledgeText: true,
      reviewForm: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, status: true, proxy: true } },
    },
  });
}

/** A draft's round and cell, when the person may open the draft: its author, or (proxy) the cell's secretary or deputy. */
export async function roundToOpen(db: Db, input: { personId: string; authorId: string; roundId: string; proxy: boolean }) {
  const round = await db.reportRound.findUnique({ where: { id: input.roundId }, include: { cell: true } });
  if (!round) return null;
  if (input.proxy) {
    await requireRole(db, input.personId, round.cellId, adminRoles);
    await requireRole(db, input.authorId, round.cellId, anyRole);
  } else {
    // Someone else's draft is "not found": its existence is not theirs to learn.
    if (input.authorId !== input.personId) throw new DomainError("not-found");
    await requireRole(db, input.personId, round.cellId, anyRole);
  }
  return round;
}

export async function roundTitle(db: Db, roundId: string): Promise<string> {
  return (await db.reportRound.findUnique({ where: { id: roundId }, select: { title: true } }))?.title ?? "";
}

/** Whether a round still takes answers, with its title. */
export async function roundOpenness(db: Db, roundId: string): Promise<{ title: string; open: boolean }> {
  const round = await db.reportRound.findUnique({ where: { id: roundId }, select: { title: true, status: true } });
  return { title: round?.title ?? "", open: round?.status === "open" };
}

export async function personCategory(db: Db, personId: string): Promise<string | null> {
  return (await db.person.findUnique({ where: { id: personId }, select: { category: true } }))?.category ?? null;
}

export async function personName(db: Db, personId: string): Promise<string> {
  return (await db.person.findUnique({ where: { id: personId }, select: { fullName: true } }))?.fullName ?? "?";
}

/** The number of a draft's latest submitted version (1 when none is found). */
export async function lastVersionNumber(db: Db, draftId: string): Promise<number> {
  return (await db.reportVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" }, select: { number: true } }))?.number ?? 1;
}

/** The secretary's comment on the latest version returned, shown when the draft is opened again. */
export async function lastReturnComment(db: Db, draftId: string): Promise<string | null> {
  const returned = await db.reportVersion.findFirst({ where: { draftId, status: "returned" }, orderBy: { number: "desc" }, select: { returnComment: true } });
  return returned?.returnComment ?? null;
}

/** The person's paused drafts in open rounds, most recent first (an engine button pressed outside the dialogue). */
export async function pausedDrafts(db: Db, personId: string) {
  return db.reportDraft.findMany({
    where: { personId, status: { in: [draftStatus.drafting, draftStatus.returned] }, round: { status: "open" } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, state: true },
  });
}

/** The cell's next scheduled meetings, for linking a round to one. */
export async function upcomingMeetings(db: Db, input: { cellId: string; now: Date }) {
  return db.meeting.findMany({ where: { cellId: input.cellId, status: "scheduled", startsAt: { gt: input.now } }, orderBy: { startsAt: "asc" }, take: 6, select: { id: true, startsAt: true, title: true } });
}

/** One meeting of the cell (never another cell's), or null. */
export async function cellMeeting(db: Db, input: { cellId: string; meetingId: string }) {
  return db.meeting.findFirst({ where: { id: input.meetingId, cellId: input.cellId }, select: { startsAt: true, title: true, status: true } });
}

/** The draft with its round and cell, if the member is still in the cell and the round still open (what a notice about it needs). */
export async function liveDraft(db: Db, draftId: string) {
  const draft = await db.reportDraft.findUnique({ where: { id: draftId }, include: { round: { include: { cell: true } } } });
  if (!draft || draft.round.status !== "open") return null;
  const m = await db.membership.findUnique({ where: { cellId_personId: { cellId: draft.round.cellId, personId: draft.personId } }, select: { status: true } });
  return m?.status === "active" ? draft : null;
}

/** When the round's meeting starts, while it is still scheduled. */
export async function scheduledMeetingStart(db: Db, meetingId: string): Promise<Date | null> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { startsAt: true, status: true } });
  return meeting?.status === "scheduled" ? meeting.startsAt : null;
}

/** A round with its cell and every draft's author and status, for the digest. */
export async function roundTally(db: Db, roundId: string) {
  return db.reportRound.findUnique({ where: { id: roundId }, include: { cell: true, drafts: { select: { personId: true, status: true } } } });
}

/** Whether the outbox message with this key went out. */
export async function wasSent(db: Db, key: string): Promise<boolean> {
  return (await db.outboxMessage.findUnique({ where: { key }, select: { status: true } }))?.status === "sent";
}
