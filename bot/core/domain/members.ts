import type { Db } from "../../db/client.ts";
import { audit } from "./audit.ts";
import type { CellRecord } from "../features/membership/cells.ts";
import { DomainError } from "./errors.ts";
import type { PersonRecord } from "./people.ts";

export const roles = ["secretary", "deputy", "committee", "member"] as const;
export type Role = (typeof roles)[number];
/** Roles that may admit members and see the member list with contact details. */
export const adminRoles: readonly Role[] = ["secretary", "deputy"];

export type MembershipStatus = "pending" | "active" | "rejected" | "left" | "removed";

export interface MembershipRecord {
  id: string;
  cellId: string;
  personId: string;
  status: string;
  role: string;
  exempt: boolean;
  version: number;
  decidedById: string | null;
}

export interface MembershipWithCell extends MembershipRecord {
  cell: CellRecord;
}

export interface MembershipWithPerson extends MembershipRecord {
  person: PersonRecord;
}

export async function activeMemberships(db: Db, personId: string): Promise<MembershipWithCell[]> {
  return db.membership.findMany({
    where: { personId, status: "active" },
    include: { cell: true },
    orderBy: { decidedAt: "asc" },
  });
}

/** The caller's active membership in the cell, with one of the given roles; refuses otherwise. */
export async function requireRole(db: Db, personId: string, cellId: string, allowed: readonly Role[]): Promise<MembershipWithCell> {
  const membership = await db.membership.findUnique({
    where: { cellId_personId: { cellId, personId } },
    include: { cell: true },
  });
  if (!membership || membership.status !== "active") throw new DomainError("not-member");
  if (!allowed.includes(membership.role as Role)) throw new DomainError("not-allowed");
  return membership;
}

/** The membership an action targets, checked to be in a cell where the actor has one of `allowed`. */
async function targetFor(db: Db, actorId: string, membershipId: string, allowed: readonly Role[]) {
  const target = await db.membership.findUnique({ where: { id: membershipId }, include: { person: true, cell: true } });
  if (!target) throw new DomainError("not-found");
  const actor = await requireRole(db, actorId, target.cellId, allowed);
  return { target, actor };
}

export type JoinOutcome =
  | { kind: "requested"; membership: MembershipRecord }
  | { kind: "already-member" }
  | { kind: "already-pending" };

/** Records a request to join. Asking again while pending or admitted changes nothing. */
export async function requestJoin(db: Db, input: { personId: string; cellId: string; inviteId: string; now: Date }): Promise<JoinOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { cellId_personId: { cellId: input.cellId, personId: input.personId } } });
    if (existing?.status === "active") return { kind: "already-member" as const };
    if (existing?.status === "pending") return { kind: "already-pending" as const };
    // Someone who left, was removed or was rejected may ask again; the old row keeps its id so the audit trail stays whole.
    const membership = existing
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
    return { kind: "requested" as const, membership };
  });
}

export type DecisionOutcome =
  | { kind: "decided"; approved: boolean; target: MembershipWithPerson & { cell: CellRecord } }
  | { kind: "already-decided"; status: string; decidedByName: string | null; target: MembershipWithPerson & { cell: CellRecord } };

/** Approves or rejects a pending request; a second press (by anyone) finds it decided and changes nothing. */
export async function decideJoin(db: Db, input: { actorId: string; membershipId: string; approve: boolean; now: Date }): Promise<DecisionOutcome> {
  const { target } = await targetFor(db, input.actorId, input.membershipId, adminRoles);
  const status = input.approve ? "approved" : "rejected";
  const { count } = await db.membership.updateMany({
    where: { id: target.id, status: "pending", version: target.version },
    data: { status: input.approve ? "active" : "rejected", decidedAt: input.now, decidedById: input.actorId, version: { increment: 1 } },
  });
  if (count === 0) {
    const fresh = await db.membership.findUniqueOrThrow({ where: { id: target.id }, include: { person: true, cell: true } });
    const decider = fresh.decidedById ? await db.person.findUnique({ where: { id: fresh.decidedById } }) : null;
    return { kind: "already-decided", status: fresh.status, decidedByName: decider?.fullName ?? null, target: fresh };
  }
  await audit(db, {
    cellId: target.cellId,
    actorPersonId: input.actorId,
    targetPersonId: target.personId,
    action: input.approve ? "membership.approved" : "membership.rejected",
    details: { status },
    at: input.now,
  });
  if (input.approve) {
    const person = await db.person.findUniqueOrThrow({ where: { id: target.personId } });
    if (!person.activeCellId) await db.person.update({ where: { id: person.id }, data: { activeCellId: target.cellId } });
  }
  const fresh = await db.membership.findUniqueOrThrow({ where: { id: target.id }, include: { person: true, cell: true } });
  return { kind: "decided", approved: input.approve, target: fresh };
}

/** Appoints a deputy or committee member, or returns someone to plain member. */
export async function setRole(db: Db, input: { actorId: string; membershipId: string; role: Exclude<Role, "secretary">; now: Date }) {
  const { target } = await targetFor(db, input.actorId, input.membershipId, ["secretary"]);
  if (target.status !== "active") throw new DomainError("not-found");
  if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
  if (target.role === input.role) return { changed: false, target };
  await db.membership.update({ where: { id: target.id }, data: { role: input.role, version: { increment: 1 } } });
  await audit(db, {
    cellId: target.cellId,
    actorPersonId: input.actorId,
    targetPersonId: target.personId,
    action: "membership.role_changed",
    details: { from: target.role, to: input.role },
    at: input.now,
  });
  return { changed: true, target: { ...target, role: input.role } };
}

/** Hands the secretary role to another active member; the former secretary stays on as a member. */
export async function transferSecretary(db: Db, input: { actorId: string; membershipId: string; now: Date }) {
  const { target, actor } = await targetFor(db, input.actorId, input.membershipId, ["secretary"]);
  if (target.status !== "active") throw new DomainError("not-found");
  if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: actor.id }, data: { role: "member", version: { increment: 1 } } });
    await tx.membership.update({ where: { id: target.id }, data: { role: "secretary", version: { increment: 1 } } });
    await audit(tx, {
      cellId: target.cellId,
      actorPersonId: input.actorId,
      targetPersonId: target.personId,
      action: "membership.secretary_transferred",
      details: { targetPreviousRole: target.role },
      at: input.now,
    });
  });
  return { target };
}

export async function setExempt(db: Db, input: { actorId: string; membershipId: string; exempt: boolean; now: Date }) {
  const { target } = await targetFor(db, input.actorId, input.membershipId, ["secretary"]);
  if (target.status !== "active") throw new DomainError("not-found");
  if (target.exempt !== input.exempt) {
    await db.membership.update({ where: { id: target.id }, data: { exempt: input.exempt, version: { increment: 1 } } });
    await audit(db, {
      cellId: target.cellId,
      actorPersonId: input.actorId,
      targetPersonId: target.personId,
      action: "membership.exempt_changed",
      details: { from: target.exempt, to: input.exempt },
      at: input.now,
    });
  }
  return { target: { ...target, exempt: input.exempt } };
}

/** Removes a member; from this moment every check on the cell refuses them. */
export async function removeMember(db: Db, input: { actorId: string; membershipId: string; now: Date }) {
  const { target } = await targetFor(db, input.actorId, input.membershipId, ["secretary"]);
  if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
  const { count } = await db.membership.updateMany({
    where: { id: target.id, status: "active" },
    data: { status: "removed", endedAt: input.now, role: "member", version: { increment: 1 } },
  });
  if (count === 0) return { removed: false, target };
  await audit(db, {
    cellId: target.cellId,
    actorPersonId: input.actorId,
    targetPersonId: target.personId,
    action: "membership.removed",
    details: { previousRole: target.role },
    at: input.now,
  });
  await clearActiveCell(db, target.personId, target.cellId);
  return { removed: true, target };
}

/** A member leaves by their own wish. A secretary must hand the role over first while others remain. */
export async function leaveCell(db: Db, input: { personId: string; cellId: string; now: Date }) {
  const membership = await requireRole(db, input.personId, input.cellId, ["secretary", "deputy", "committee", "member"]);
  if (membership.role === "secretary") {
    const others = await db.membership.count({ where: { cellId: input.cellId, status: "active", personId: { not: input.personId } } });
    if (others > 0) throw new DomainError("secretary-must-transfer");
  }
  await db.membership.update({
    where: { id: membership.id },
    data: { status: "left", endedAt: input.now, role: "member", version: { increment: 1 } },
  });
  await audit(db, {
    cellId: input.cellId,
    actorPersonId: input.personId,
    targetPersonId: input.personId,
    action: "membership.left",
    details: { previousRole: membership.role },
    at: input.now,
  });
  await clearActiveCell(db, input.personId, input.cellId);
  return membership;
}

async function clearActiveCell(db: Db, personId: string, cellId: string) {
  await db.person.updateMany({ where: { id: personId, activeCellId: cellId }, data: { activeCellId: null } });
}

const roleOrder: Record<string, number> = { secretary: 0, deputy: 1, committee: 2, member: 3 };

export async function listMembers(db: Db, cellId: string): Promise<MembershipWithPerson[]> {
  const rows = await db.membership.findMany({ where: { cellId, status: "active" }, include: { person: true } });
  return rows.sort(
    (a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9) || (a.person.fullName ?? "").localeCompare(b.person.fullName ?? "", "vi"),
  );
}

export async function pendingRequests(db: Db, cellId: string): Promise<MembershipWithPerson[]> {
  return db.membership.findMany({ where: { cellId, status: "pending" }, include: { person: true }, orderBy: { requestedAt: "asc" } });
}

/** Everyone who should hear of a join request: the secretary and deputies. */
export async function cellAdmins(db: Db, cellId: string): Promise<MembershipWithPerson[]> {
  return db.membership.findMany({ where: { cellId, status: "active", role: { in: [...adminRoles] } }, include: { person: true } });
}

export async function membershipById(db: Db, id: string): Promise<(MembershipWithPerson & { cell: CellRecord }) | null> {
  return db.membership.findUnique({ where: { id }, include: { person: true, cell: true } });
}
