/** The cell's invite: one code in force at a time, issued, revoked and looked up. */
import { randomBytes } from "node:crypto";
import type { Db, DbTx } from "../../../../db/client.ts";
import { isUniqueViolation } from "../../../../db/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { generateInviteCode } from "../../../domain/validation.ts";

export interface InviteRecord {
  id: string;
  cellId: string;
  code: string;
  expiresAt: Date | null;
}

/** The invite in force for a cell, if any; for its secretary and deputy only. */
export async function currentInvite(db: Db, input: { actorId: string; cellId: string; now: Date }): Promise<{ cell: CellRecord; invite: InviteRecord | null }> {
  const { cell } = await requireRole(db, input.actorId, input.cellId, adminRoles);
  const invite = await db.invite.findFirst({
    where: { cellId: input.cellId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: input.now } }] },
    orderBy: { createdAt: "desc" },
  });
  return { cell, invite };
}

/** Inside a transaction: revokes every earlier invite of the cell and writes a new one. */
export async function writeInvite(tx: DbTx, input: { cellId: string; actorId: string; ttlDays: number; now: Date }): Promise<InviteRecord> {
  const expiresAt = input.ttlDays > 0 ? new Date(input.now.getTime() + input.ttlDays * 86_400_000) : null;
  await tx.invite.updateMany({ where: { cellId: input.cellId, revokedAt: null }, data: { revokedAt: input.now } });
  const invite = await tx.invite.create({
    data: { cellId: input.cellId, code: generateInviteCode(randomBytes), createdById: input.actorId, createdAt: input.now, expiresAt },
  });
  await audit(tx, { cellId: input.cellId, actorPersonId: input.actorId, action: "invite.issued", details: { expiresAt }, at: input.now });
  return invite;
}

/** Replaces the cell's invite with a new one; only one is ever in force. */
export async function issueInvite(db: Db, input: { actorId: string; cellId: string; ttlDays: number; now: Date }): Promise<{ cell: CellRecord; invite: InviteRecord }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const { cell } = await requireRole(tx, input.actorId, input.cellId, adminRoles);
        return { cell, invite: await writeInvite(tx, input) };
      });
    } catch (error) {
      // 80 random bits make a collision practically impossible; one retry covers it anyway.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

/** Closes the door: no code works until a new one is issued. */
export async function revokeInvites(db: Db, input: { actorId: string; cellId: string; now: Date }): Promise<{ cell: CellRecord; revoked: number }> {
  return db.$transaction(async (tx) => {
    const { cell } = await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const { count } = await tx.invite.updateMany({ where: { cellId: input.cellId, revokedAt: null }, data: { revokedAt: input.now } });
    if (count > 0) await audit(tx, { cellId: input.cellId, actorPersonId: input.actorId, action: "invite.revoked", at: input.now });
    return { cell, revoked: count };
  });
}

export type InviteLookup = { ok: true; cell: CellRecord; inviteId: string } | { ok: false; reason: "not-found" | "expired" | "revoked" };

export async function findInvite(db: DbTx, code: string, now: Date): Promise<InviteLookup> {
  const invite = await db.invite.findUnique({ where: { code }, include: { cell: true } });
  if (!invite) return { ok: false, reason: "not-found" };
  if (invite.revokedAt) return { ok: false, reason: "revoked" };
  if (invite.expiresAt && invite.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, cell: invite.cell, inviteId: invite.id };
}
