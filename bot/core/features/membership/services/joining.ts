/** Asking to join a cell, and the secretary's (or deputy's) decision on it. */
import type { Db, DbTx } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { adminRoles, membershipById, targetFor, type MembershipRecord, type MembershipWithPerson } from "../../../domain/members.ts";
import type { ProfilePatch } from "../../../domain/people.ts";
import { refusalsOf } from "../queries.ts";
import type { PastRefusal, Refusal } from "../refusals.ts";

export type JoinOutcome =
  /** With the cell's earlier refusals of the same person, latest first, for the secretary to see. */
  | { kind: "requested"; request: MembershipWithPerson & { cell: CellRecord }; refusals: PastRefusal[] }
  | { kind: "already-member" }
  | { kind: "already-pending" }
  /** The invite was revoked or expired while the person was answering. */
  | { kind: "invite-gone" };

/**
 * Records a request to join with the profile the person gave. Asking again while pending or
 * admitted changes nothing; the invite is checked again, as it may have been revoked meanwhile.
 */
export async function requestJoin(db: Db, input: { personId: string; cellId: string; inviteId: string; profile: ProfilePatch; now: Date }): Promise<JoinOutcome> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: input.inviteId } });
    if (!invite || invite.cellId !== input.cellId || invite.revokedAt || (invite.expiresAt && invite.expiresAt <= input.now)) return { kind: "invite-gone" as const };
    const existing = await tx.membership.findUnique({ where: { cellId_personId: { cellId: input.cellId, personId: input.personId } } });
    if (existing?.status === "active") return { kind: "already-member" as const };
    if (existing?.status === "pending") return { kind: "already-pending" as const };
    await tx.person.update({ where: { id: input.personId }, data: input.profile });
    // Someone who left, was removed or was rejected may ask again; the old row keeps its id so the audit trail stays whole.
    const membership: MembershipRecord = existing
      ? await tx.membership.update({
          where: { id: existing.id },
          data: { status: "pending", role: "member", exempt: false, requestedAt: input.now, decidedAt: null, decidedById: null, endedAt: null, version: { increment: 1 } },
        })
      : await tx.membership.create({ data: { cellId: input.cellId, personId: input.personId, status: "pending", requestedAt: input.now } });
    await audit(tx, {
      cellId: input.cellId,
      actorPersonId: input.personId,
      targetPersonId: input.personId,
      action: "membership.requested",
      details: { inviteId: input.inviteId, previousStatus: existing?.status ?? null },
      at: input.now,
    });
    const request = await membershipById(tx, membership.id);
    return { kind: "requested" as const, request: request!, refusals: await refusalsOf(tx, { cellId: input.cellId, personId: input.personId }) };
  });
}

export type DecisionOutcome =
  | { kind: "decided"; approved: boolean; target: MembershipWithPerson & { cell: CellRecord } }
  | { kind: "already-decided"; status: string; decidedByName: string | null; target: MembershipWithPerson & { cell: CellRecord } };

type AlreadyDecided = Extract<DecisionOutcome, { kind: "already-decided" }>;

async function decided(tx: DbTx, membershipId: string): Promise<AlreadyDecided> {
  const fresh = (await membershipById(tx, membershipId))!;
  const decider = fresh.decidedById ? await tx.person.findUnique({ where: { id: fresh.decidedById } }) : null;
  return { kind: "already-decided" as const, status: fresh.status, decidedByName: decider?.fullName ?? null, target: fresh };
}

/**
 * Approves or rejects a pending request; a second press (by anyone) finds it decided and changes
 * nothing. A refusal's reason goes into its audit line, where a later request finds it.
 */
export async function decideJoin(db: Db, input: { actorId: string; membershipId: string; approve: boolean; refusal?: Refusal; now: Date }): Promise<DecisionOutcome> {
  return db.$transaction(async (tx) => {
    const { target } = await targetFor(tx, input.actorId, input.membershipId, adminRoles);
    const { count } = await tx.membership.updateMany({
      where: { id: target.id, status: "pending", version: target.version },
      data: { status: input.approve ? "active" : "rejected", decidedAt: input.now, decidedById: input.actorId, version: { increment: 1 } },
    });
    if (count === 0) return decided(tx, target.id);
    const reason = input.approve ? {} : { reason: input.refusal?.code ?? null, note: input.refusal?.note ?? null };
    await audit(tx, {
      cellId: target.cellId,
      actorPersonId: input.actorId,
      targetPersonId: target.personId,
      action: input.approve ? "membership.approved" : "membership.rejected",
      details: { status: input.approve ? "approved" : "rejected", ...reason },
      at: input.now,
    });
    // A newcomer's first cell becomes the one their commands apply to.
    if (input.approve) await tx.person.updateMany({ where: { id: target.personId, activeCellId: null }, data: { activeCellId: target.cellId } });
    return { kind: "decided" as const, approved: input.approve, target: (await membershipById(tx, target.id))! };
  });
}

/** The request a «Từ chối» question is about, checked as the decision itself would be; already decided says by whom. */
export async function rejectionTarget(db: Db, input: { actorId: string; membershipId: string }): Promise<AlreadyDecided | { kind: "pending"; target: MembershipWithPerson & { cell: CellRecord } }> {
  const { target } = await targetFor(db, input.actorId, input.membershipId, adminRoles);
  return target.status === "pending" ? { kind: "pending", target } : decided(db, target.id);
}
