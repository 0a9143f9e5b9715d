import type { Db, DbTx } from "../../db/client.ts";
import { DomainError } from "./errors.ts";
import type { PersonRecord } from "./people.ts";
import { type CellRecord } from "./cells.ts";

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
export async function requireRole(db: DbTx, personId: string, cellId: string, allowed: readonly Role[]): Promise<MembershipWithCell> {
  const membership = await db.membership.findUnique({
    where: { cellId_personId: { cellId, personId } },
    include: { cell: true },
  });
  if (!membership || membership.status !== "active") throw new DomainError("not-member");
  if (!allowed.includes(membership.role as Role)) throw new DomainError("not-allowed");
  return membership;
}

/** Whether the person is the cell's active secretary or deputy now: for checks that answer, not refuse. */
export async function isCellAdmin(db: DbTx, personId: string, cellId: string): Promise<boolean> {
  const m = await db.membership.findUnique({ where: { cellId_personId: { cellId, personId } }, select: { status: true, role: true } });
  return m?.status === "active" && adminRoles.includes(m.role as Role);
}

/** The membership an action targets, checked to be in a cell where the actor has one of `allowed`. */
export async function targetFor(db: DbTx, actorId: string, membershipId: string, allowed: readonly Role[]) {
  const target = await db.membership.findUnique({ where: { id: membershipId }, include: { person: true, cell: true } });
  if (!target) throw new DomainError("not-found");
  const actor = await requireRole(db, actorId, target.cellId, allowed);
  return { target, actor };
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

export async function membershipById(db: DbTx, id: string): Promise<(MembershipWithPerson & { cell: CellRecord }) | null> {
  return db.membership.findUnique({ where: { id }, include: { person: true, cell: true } });
}

/** Requests of the person still waiting for a secretary, with their cells. */
export async function pendingMembershipsOf(db: Db, personId: string): Promise<MembershipWithCell[]> {
  return db.membership.findMany({ where: { personId, status: "pending" }, include: { cell: true } });
}

export async function pendingCount(db: Db, cellId: string): Promise<number> {
  return db.membership.count({ where: { cellId, status: "pending" } });
}

export const isAdminRole = (role: string): boolean => adminRoles.includes(role as Role);

/** Everyone the cell has, whatever their role: who may read the cell's own lists. */
export const anyRole: readonly Role[] = roles;
