/**
 * Claiming due outbox rows: a batch moves from `pending` to `sending` under one claimer's token
 * before anything of it is sent. One variant per database kind:
 *
 * - SQLite has a single writer: the portable read-then-update is enough, the update's
 *   `status = 'pending'` condition leaving out whatever another claimer took in between.
 * - PostgreSQL runs claimers side by side: one statement selects the due rows `FOR UPDATE SKIP
 *   LOCKED` and claims them, so two instances never claim the same row, and neither waits on the
 *   other's locked rows (it claims the next ones instead of coming back with a short batch).
 *
 * The sender lease (lease.ts) already keeps a single sender at a time; this is the second guard,
 * for the moments a lease changes hands.
 */
import type { DbKind, DbTx } from "../../db/client.ts";

export interface ClaimInput {
  /** Written to `claimed_by`: the claimed rows are read back by it. */
  claimer: string;
  /** Rows due at or before this are claimed. */
  now: Date;
  /** Written to `claimed_at` (the run's clock, which moves on during a long fan-out). */
  claimedAt: Date;
  /** Rows claimed at most, earliest due first. */
  limit: number;
}

/** Claims up to `limit` due pending rows for `claimer`; returns how many it claimed. */
export function claimDue(db: DbTx, kind: DbKind, input: ClaimInput): Promise<number> {
  switch (kind) {
    case "sqlite":
      return claimPortable(db, input);
    case "postgresql":
      return claimSkipLocked(db, input);
  }
}

async function claimPortable(db: DbTx, input: ClaimInput): Promise<number> {
  const due = await db.outboxMessage.findMany({
    where: { status: "pending", dueAt: { lte: input.now } },
    orderBy: { dueAt: "asc" },
    take: input.limit,
    select: { id: true },
  });
  if (due.length === 0) return 0;
  const { count } = await db.outboxMessage.updateMany({
    where: { id: { in: due.map((d) => d.id) }, status: "pending" },
    data: { status: "sending", claimedBy: input.claimer, claimedAt: input.claimedAt, attempts: { increment: 1 } },
  });
  return count;
}

/**
 * One statement, so the row locks are taken and given up with it. Under READ COMMITTED a row
 * another claimer changed and committed meanwhile is checked again against `status = 'pending'`
 * and left out; one it still holds is skipped.
 */
function claimSkipLocked(db: DbTx, input: ClaimInput): Promise<number> {
  return db.$executeRaw`UPDATE outbox_message SET status = 'sending', claimed_by = ${input.claimer}, claimed_at = ${input.claimedAt}, attempts = attempts + 1
    WHERE id IN (SELECT id FROM outbox_message WHERE status = 'pending' AND due_at <= ${input.now} ORDER BY due_at LIMIT ${input.limit} FOR UPDATE SKIP LOCKED)`;
}
