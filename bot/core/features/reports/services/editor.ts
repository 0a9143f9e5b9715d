/** Who may write into a draft, checked inside the writing transaction with the memberships as they are now. */
import type { DbTx } from "../../../../db/client.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, anyRole, requireRole } from "../../../domain/members.ts";

/**
 * The author, while a member of the round's cell; or, entering it by proxy, the cell's secretary or
 * deputy while the author is still a member. Returns the round's cell; refuses with a DomainError.
 */
export async function requireEditor(tx: DbTx, input: { actorId: string; authorId: string; roundId: string; proxy: boolean }): Promise<{ cellId: string }> {
  const round = await tx.reportRound.findUnique({ where: { id: input.roundId }, select: { cellId: true } });
  if (!round) throw new DomainError("not-found");
  if (input.proxy) {
    await requireRole(tx, input.actorId, round.cellId, adminRoles);
    await requireRole(tx, input.authorId, round.cellId, anyRole);
  } else {
    // Someone else's draft is "not found": its existence is not theirs to learn.
    if (input.authorId !== input.actorId) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, round.cellId, anyRole);
  }
  return round;
}
