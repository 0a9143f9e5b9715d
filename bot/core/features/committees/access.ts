/**
 * Who may do what at committee level. Every committee action names the committee it acts on and
 * is checked here against the actor's post, so an officer of one committee reaches nothing of
 * another, whatever button they forge.
 */
import type { DbTx } from "../../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";

export const officerRoles = ["secretary", "deputy", "member"] as const;
export type OfficerRole = (typeof officerRoles)[number];
/** Roles that decide links, open rounds for the cells and send notices. */
export const leadRoles: readonly OfficerRole[] = ["secretary", "deputy"];

export interface CommitteeRecord {
  id: string;
  name: string;
  code: string;
  parentId: string | null;
  timeZone: string;
  digestDay: number | null;
}

export interface OfficerPost {
  id: string;
  committeeId: string;
  personId: string;
  role: string;
  committee: CommitteeRecord;
}

export const isLeadRole = (role: string) => leadRoles.includes(role as OfficerRole);

/** The person's active posts, oldest first. */
export async function postsOf(db: DbTx, personId: string): Promise<OfficerPost[]> {
  return db.committeeOfficer.findMany({
    where: { personId, status: "active" },
    include: { committee: true },
    orderBy: { appointedAt: "asc" },
  });
}

/** The actor's active post in the committee, with one of the roles (any post by default); refuses otherwise. */
export async function requirePost(db: DbTx, personId: string, committeeId: string, roles: readonly OfficerRole[] = officerRoles): Promise<OfficerPost> {
  const post = await db.committeeOfficer.findUnique({ where: { committeeId_personId: { committeeId, personId } }, include: { committee: true } });
  if (!post || post.status !== "active") throw new DomainError("not-committee-officer");
  if (!roles.includes(post.role as OfficerRole)) throw new DomainError("not-committee-lead");
  return post;
}

/** The committee's secretary and deputies: who decides links and is told of them. */
export async function committeeLeads(db: DbTx, committeeId: string): Promise<{ personId: string; role: string }[]> {
  return db.committeeOfficer.findMany({
    where: { committeeId, status: "active", role: { in: [...leadRoles] } },
    select: { personId: true, role: true },
    orderBy: { appointedAt: "asc" },
  });
}
