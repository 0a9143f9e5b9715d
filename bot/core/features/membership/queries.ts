/** What the membership screens read: lists and cards, each behind the check of who may see it. */
import type { Db, DbTx } from "../../../db/client.ts";
import { adminRoles, anyRole, listMembers, membershipById, pendingCount, pendingRequests, requireRole } from "../../domain/members.ts";
import { refusalFromDetails, type PastRefusal } from "./refusals.ts";

/** A person's account on a messenger: where a secretary can reach them outside the bot. */
export interface Contact {
  platform: string;
  userId: string;
}

/** The messenger accounts of each person. */
async function contactsOf(db: Db, personIds: string[]): Promise<Map<string, Contact[]>> {
  const identities = await db.identity.findMany({ where: { personId: { in: personIds } }, select: { personId: true, platform: true, userId: true }, orderBy: { platform: "asc" } });
  const map = new Map<string, Contact[]>();
  for (const i of identities) map.set(i.personId, [...(map.get(i.personId) ?? []), { platform: i.platform, userId: i.userId }]);
  return map;
}

/** How many earlier refusals a new request shows: enough to see a pattern, short enough for a phone. */
const shownRefusals = 3;

/** The cell's earlier refusals of this person, latest first, from the audit log. */
export async function refusalsOf(db: DbTx, input: { cellId: string; personId: string }): Promise<PastRefusal[]> {
  const lines = await db.auditLog.findMany({
    where: { cellId: input.cellId, targetPersonId: input.personId, action: "membership.rejected" },
    orderBy: { at: "desc" },
    take: shownRefusals,
  });
  const actorIds = [...new Set(lines.map((l) => l.actorPersonId).filter((id): id is string => id !== null))];
  const names = new Map((await db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, fullName: true } })).map((p) => [p.id, p.fullName]));
  return lines.map((l) => ({ at: l.at, byName: (l.actorPersonId && names.get(l.actorPersonId)) || null, refusal: refusalFromDetails(l.details) }));
}

/** The cell's members, for anyone in it; contact details are the view's to show to admins only. */
export async function memberList(db: Db, input: { viewerId: string; cellId: string }) {
  const viewer = await requireRole(db, input.viewerId, input.cellId, anyRole);
  const members = await listMembers(db, input.cellId);
  return { viewer, members, contacts: await contactsOf(db, members.map((m) => m.personId)) };
}

/** One member, for the cell's secretary and deputy; null when they are no longer in the cell. */
export async function memberCard(db: Db, input: { viewerId: string; membershipId: string }) {
  const target = await membershipById(db, input.membershipId);
  if (!target || target.status !== "active") return null;
  const viewer = await requireRole(db, input.viewerId, target.cellId, adminRoles);
  return { viewer, target, contacts: (await contactsOf(db, [target.personId])).get(target.personId) ?? [] };
}

export async function joinRequests(db: Db, input: { viewerId: string; cellId: string }) {
  const { cell } = await requireRole(db, input.viewerId, input.cellId, adminRoles);
  const requests = [];
  for (const request of await pendingRequests(db, input.cellId)) requests.push({ request, refusals: await refusalsOf(db, { cellId: input.cellId, personId: request.personId }) });
  return { cell, requests };
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
