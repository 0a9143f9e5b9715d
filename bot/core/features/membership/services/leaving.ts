/** Leaving a cell: removed by the secretary, or by one's own wish. From that moment every check on the cell refuses them. */
import type { Db, DbTx } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { anyRole, requireRole, targetFor } from "../../../domain/members.ts";

async function clearActiveCell(tx: DbTx, personId: string, cellId: string) {
  await tx.person.updateMany({ where: { id: personId, activeCellId: cellId }, data: { activeCellId: null } });
}

export async function removeMember(db: Db, input: { actorId: string; membershipId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const { target } = await targetFor(tx, input.actorId, input.membershipId, ["secretary"]);
    if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
    const { count } = await tx.membership.updateMany({
      where: { id: target.id, status: "active" },
      data: { status: "removed", endedAt: input.now, role: "member", version: { increment: 1 } },
    });
    if (count === 0) return { removed: false, target };
    await audit(tx, {
      cellId: target.cellId,
      actorPersonId: input.actorId,
      targetPersonId: target.personId,
      action: "membership.removed",
      details: { previousRole: target.role },
      at: input.now,
    });
    await clearActiveCell(tx, target.personId, target.cellId);
    return { removed: true, target };
  });
}

/** A member leaves. A secretary must hand the role over first while others remain. */
export async function leaveCell(db: Db, input: { personId: string; cellId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const membership = await requireRole(tx, input.personId, input.cellId, anyRole);
    if (membership.role === "secretary") {
      const others = await tx.membership.count({ where: { cellId: input.cellId, status: "active", personId: { not: input.personId } } });
      if (others > 0) throw new DomainError("secretary-must-transfer");
    }
    await tx.membership.update({ where: { id: membership.id }, data: { status: "left", endedAt: input.now, role: "member", version: { increment: 1 } } });
    await audit(tx, {
      cellId: input.cellId,
      actorPersonId: input.personId,
      targetPersonId: input.personId,
      action: "membership.left",
      details: { previousRole: membership.role },
      at: input.now,
    });
    await clearActiveCell(tx, input.personId, input.cellId);
    return membership;
  });
}

/** The cell the question "leave?" is about, checked as leaving itself would be. */
export async function leavingCell(db: Db, input: { personId: string; cellId: string }) {
  return (await requireRole(db, input.personId, input.cellId, anyRole)).cell;
}
