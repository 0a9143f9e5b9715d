import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import type { ProfilePatch } from "../../../domain/people.ts";
import { writeInvite, type InviteRecord } from "./invites.ts";

/**
 * Creates a cell whose first member, already admitted, is its secretary, with the profile the
 * secretary gave on the way and the cell's first invite, all at once.
 */
export async function createCell(
  db: Db,
  input: { personId: string; name: string; parentCommittee: string | null; timeZone: string; profile: ProfilePatch; inviteTtlDays: number; now: Date },
): Promise<{ cell: CellRecord; invite: InviteRecord }> {
  return db.$transaction(async (tx) => {
    const cell = await tx.cell.create({
      data: { name: input.name, parentCommittee: input.parentCommittee, timeZone: input.timeZone, createdAt: input.now },
    });
    await tx.membership.create({
      data: {
        cellId: cell.id,
        personId: input.personId,
        status: "active",
        role: "secretary",
        requestedAt: input.now,
        decidedAt: input.now,
        decidedById: input.personId,
      },
    });
    await tx.person.update({ where: { id: input.personId }, data: { ...input.profile, activeCellId: cell.id } });
    await audit(tx, { cellId: cell.id, actorPersonId: input.personId, targetPersonId: input.personId, action: "cell.created", at: input.now });
    const invite = await writeInvite(tx, { cellId: cell.id, actorId: input.personId, ttlDays: input.inviteTtlDays, now: input.now });
    return { cell, invite };
  });
}
