/**
 * What is read about issues raised for a review (gợi ý kiểm điểm): the member's own, for the
 * year-end form, and the committee's list for its leads.
 */
import type { DbTx } from "../../../../db/client.ts";
import { pageSize } from "../queries.ts";

/**
 * The issues committees raised for this person's review of this year, oldest first, withdrawn ones
 * left out. The year-end review form shows them in its section for the committee's suggestions.
 */
export async function raisedIssuesFor(db: DbTx, personId: string, year: number): Promise<{ text: string; committeeName: string }[]> {
  const rows = await db.reviewIssue.findMany({
    where: { personId, year, withdrawnAt: null },
    orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
    select: { text: true, committee: { select: { name: true } } },
  });
  return rows.map((r) => ({ text: r.text, committeeName: r.committee.name }));
}

export interface IssueRow {
  id: string;
  personName: string | null;
  text: string;
  raisedAt: Date;
}

/** One page of the committee's issues of the year still standing, newest first. */
export async function committeeIssuePage(db: DbTx, committeeId: string, year: number, page: number): Promise<{ total: number; rows: IssueRow[] }> {
  const where = { committeeId, year, withdrawnAt: null };
  const [total, rows] = await Promise.all([
    db.reviewIssue.count({ where }),
    db.reviewIssue.findMany({
      where,
      orderBy: [{ raisedAt: "desc" }, { id: "asc" }],
      skip: page * pageSize,
      take: pageSize,
      select: { id: true, text: true, raisedAt: true, person: { select: { fullName: true } } },
    }),
  ]);
  return { total, rows: rows.map((r) => ({ id: r.id, personName: r.person.fullName, text: r.text, raisedAt: r.raisedAt })) };
}

/** One issue with its member's name, for the withdrawal's confirmation. */
export async function issueCard(db: DbTx, issueId: string) {
  return db.reviewIssue.findUnique({ where: { id: issueId }, select: { id: true, committeeId: true, text: true, withdrawnAt: true, person: { select: { fullName: true } } } });
}
