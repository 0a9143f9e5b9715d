/** What the membership screens read: lists and cards, each behind the check of who may see it. */
import type { Db } from "../../../db/client.ts";
import { adminRoles, anyRole, listMembers, membershipById, pendingCount, pendingRequests, requireRole } from "../../domain/members.ts";

/** The messengers each person has an account on. */
async function platformsOf(db: Db, personIds: string[]): Promise<Map<string, string[]>> {
  const identities = await db.identity.findMany({ where: { personId: { in: personIds } }, select: { personId: true, platform: true } });
  const map = new Map<string, string[]>();
  for (const i of identities) map.set(i.personId, [...(map.get(i.personId) ?? []), i.platform]);
  return map;
}

/** The cell's members, for anyone in it; contact details are the view's to show to admins only. */
export async function memberList(db: Db, input: { viewerId: string; cellId: string }) {
  const viewer = await requireRole(db, input.viewerId, input.cellId, anyRole);
  const members = await listMembers(db, input.cellId);
  return { viewer, members, platforms: await platformsOf(db, members.map((m) => m.personId)) };
}

/** One member, for the cell's secretary and deputy; null when they are no longer in the cell. */
export async function memberCard(db: Db, input: { viewerId: string; membershipId: string }) {
  const target = await membershipById(db, input.membershipId);
  if (!target || target.status !== "active") return null;
  const viewer = await requireRole(db, input.viewerId, target.cellId, adminRoles);
  return { viewer, target, platforms: (await platformsOf(db, [target.personId])).get(target.personId) ?? [] };
}

export async function joinRequests(db: Db, input: { viewerId: string; cellId: string }) {
  const { cell } = await requireRole(db, input.viewerId, input.cellId, adminRoles);
  return { cell, requests: await pendingRequests(db, input.cellId) };
}

/** How many requests wait, for the menu of an admin (0 for anyone else). */
export async function waitingRequests(db: Db, input: { role: string; cellId: string }) {
  return adminRoles.includes(input.role as never) ? pendingCount(db, input.cellId) : 0;
}

/** The person's standing in a cell they want to join. */
export async function standingIn(db: Db, input: { personId: string; cellId: string }) {
  const m = await db.membership.findUnique({ where: { cellId_personId: { cellId: input.cellId, personId: input.personId } }, select: { status: true } });
  return m?.status ?? null;
}
