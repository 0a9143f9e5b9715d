/**
 * Issues a committee raises for one member's year-end review (gợi ý kiểm điểm): raised by a lead
 * for a member of one of its cells, for the review year as the committee's clock reads it, and
 * withdrawn (kept, with the time) rather than deleted, since they may be read in the review.
 */
import type { Db } from "../../../../../db/client.ts";
import { audit } from "../../../../domain/audit.ts";
import { DomainError } from "../../../../domain/errors.ts";
import { utcToZonedWall } from "../../../../time/zoned.ts";
import { leadRoles, requirePost } from "../../access.ts";

/** The review year an issue raised now is for: the year on the committee's wall clock. */
export const reviewYear = (now: Date, timeZone: string) => utcToZonedWall(now, timeZone).year;

export async function raiseIssue(
  db: Db,
  input: { actorId: string; committeeId: string; cellId: string; personId: string; text: string; now: Date },
): Promise<{ issueId: string; year: number; committeeName: string; personName: string | null }> {
  return db.$transaction(async (tx) => {
    const post = await requirePost(tx, input.actorId, input.committeeId, leadRoles);
    // The member must be active in a cell under this committee now, not when the list was shown.
    const membership = await tx.membership.findUnique({ where: { cellId_personId: { cellId: input.cellId, personId: input.personId } }, include: { cell: { select: { committeeId: true } }, person: { select: { fullName: true } } } });
    if (membership?.status !== "active" || membership.cell.committeeId !== input.committeeId) throw new DomainError("not-found");
    const year = reviewYear(input.now, post.committee.timeZone);
    const issue = await tx.reviewIssue.create({ data: { committeeId: input.committeeId, personId: input.personId, year, text: input.text, raisedById: input.actorId, raisedAt: input.now } });
    await audit(tx, {
      committeeId: input.committeeId,
      cellId: input.cellId,
      actorPersonId: input.actorId,
      targetPersonId: input.personId,
      action: "committee.issue_raised",
      details: { issueId: issue.id, year, length: input.text.length },
      at: input.now,
    });
    return { issueId: issue.id, year, committeeName: post.committee.name, personName: membership.person.fullName };
  });
}

/** Withdraws an issue; null when it was withdrawn already (a second press changes nothing). */
export async function withdrawIssue(db: Db, input: { actorId: string; issueId: string; now: Date }): Promise<{ personId: string; personName: string | null; committeeName: string; year: number; text: string } | null> {
  return db.$transaction(async (tx) => {
    const issue = await tx.reviewIssue.findUnique({ where: { id: input.issueId }, include: { person: { select: { fullName: true } } } });
    if (!issue) throw new DomainError("not-found");
    const post = await requirePost(tx, input.actorId, issue.committeeId, leadRoles);
    const { count } = await tx.reviewIssue.updateMany({ where: { id: issue.id, withdrawnAt: null }, data: { withdrawnAt: input.now } });
    if (count === 0) return null;
    await audit(tx, {
      committeeId: issue.committeeId,
      actorPersonId: input.actorId,
      targetPersonId: issue.personId,
      action: "committee.issue_withdrawn",
      details: { issueId: issue.id, year: issue.year },
      at: input.now,
    });
    return { personId: issue.personId, personName: issue.person.fullName, committeeName: post.committee.name, year: issue.year, text: issue.text };
  });
}
