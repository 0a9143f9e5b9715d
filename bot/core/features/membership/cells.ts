import { randomBytes } from "node:crypto";
import type { Db } from "../../../db/client.ts";
import { audit } from "../../domain/audit.ts";
import { generateInviteCode } from "../../domain/validation.ts";
import { isUniqueViolation } from "../../../db/errors.ts";

export interface CellRecord {
  id: string;
  name: string;
  parentCommittee: string | null;
  timeZone: string;
  reminderOffsets: string;
  summaryOffset: number;
  quietStart: string;
  quietEnd: string;
}

/** Creates a cell whose first member, already admitted, is its secretary. */
export async function createCell(
  db: Db,
  input: { personId: string; name: string; parentCommittee: string | null; timeZone: string; now: Date },
): Promise<CellRecord> {
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
    await tx.person.update({ where: { id: input.personId }, data: { activeCellId: cell.id } });
    await audit(tx, { cellId: cell.id, actorPersonId: input.personId, targetPersonId: input.personId, action: "cell.created", at: input.now });
    return cell;
  });
}

export interface InviteRecord {
  id: string;
  cellId: string;
  code: string;
  expiresAt: Date | null;
}

/** The invite in force for a cell, if any. */
export async function currentInvite(db: Db, cellId: string, now: Date): Promise<InviteRecord | null> {
  return db.invite.findFirst({
    where: { cellId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
  });
}

/** Revokes every earlier invite of the cell and issues a new one; only one is ever in force. */
export async function issueInvite(
  db: Db,
  input: { cellId: string; actorPersonId: string; ttlDays: number; now: Date },
): Promise<InviteRecord> {
  const expiresAt = input.ttlDays > 0 ? new Date(input.now.getTime() + input.ttlDays * 86_400_000) : null;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await tx.invite.updateMany({ where: { cellId: input.cellId, revokedAt: null }, data: { revokedAt: input.now } });
        const invite = await tx.invite.create({
          data: { cellId: input.cellId, code: generateInviteCode(randomBytes), createdById: input.actorPersonId, createdAt: input.now, expiresAt },
        });
        await audit(tx, { cellId: input.cellId, actorPersonId: input.actorPersonId, action: "invite.issued", details: { expiresAt }, at: input.now });
        return invite;
      });
    } catch (error) {
      // 80 random bits make a collision practically impossible; one retry covers it anyway.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

export async function revokeInvites(db: Db, input: { cellId: string; actorPersonId: string; now: Date }): Promise<number> {
  const { count } = await db.invite.updateMany({ where: { cellId: input.cellId, revokedAt: null }, data: { revokedAt: input.now } });
  if (count > 0) await audit(db, { cellId: input.cellId, actorPersonId: input.actorPersonId, action: "invite.revoked", at: input.now });
  return count;
}

export type InviteLookup = { ok: true; cell: CellRecord; inviteId: string } | { ok: false; reason: "not-found" | "expired" | "revoked" };

export async function findInvite(db: Db, code: string, now: Date): Promise<InviteLookup> {
  const invite = await db.invite.findUnique({ where: { code }, include: { cell: true } });
  if (!invite) return { ok: false, reason: "not-found" };
  if (invite.revokedAt) return { ok: false, reason: "revoked" };
  if (invite.expiresAt && invite.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, cell: invite.cell, inviteId: invite.id };
}
