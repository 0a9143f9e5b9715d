/**
 * What is read about issues raised for a review (gợi ý kiểm điểm): the committee's list for its
 * leads. The member's own are read by the year-end review (reports/review-2025.ts `raisedIssues`).
 */
import type { DbTx } from "../../../../db/client.ts";
import { pageSize } from "../queries.ts";

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
