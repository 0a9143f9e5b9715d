/** What the secretary changes about a member: role, the secretary's office itself, exemption from meetings. */
import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { targetFor, type Role } from "../../../domain/members.ts";

/** Appoints a deputy or committee member, or returns someone to plain member. */
export async function setRole(db: Db, input: { actorId: string; membershipId: string; role: Exclude<Role, "secretary">; now: Date }) {
  return db.$transaction(async (tx) => {
    const { target } = await targetFor(tx, input.actorId, input.membershipId, ["secretary"]);
    if (target.status !== "active") throw new DomainError("not-found");
    if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
    if (target.role === input.role) return { changed: false, target };
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role, version: { increment: 1 } } });
    await audit(tx, {
      cellId: target.cellId,
      actorPersonId: input.actorId,
      targetPersonId: target.personId,
      action: "membership.role_changed",
      details: { from: target.role, to: input.role },
      at: input.now,
    });
    return { changed: true, target: { ...target, role: input.role } };
  });
}

/** The membership a confirmation question is about, checked as the action itself would be. */
export async function secretaryTarget(db: Db, input: { actorId: string; membershipId: string }) {
  const { target } = await targetFor(db, input.actorId, input.membershipId, ["secretary"]);
  return target.status === "active" ? target : null;
}

/** Hands the secretary role to another active member; the former secretary stays on as a member. */
export async function transferSecretary(db: Db, input: { actorId: string; membershipId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const { target, actor } = await targetFor(tx, input.actorId, input.membershipId, ["secretary"]);
    if (target.status !== "active") throw new DomainError("not-found");
    if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
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
    return { target };
  });
}

/** Marks a member exempt from meetings (miễn sinh hoạt), or ends the exemption. */
export async function setExempt(db: Db, input: { actorId: string; membershipId: string; exempt: boolean; now: Date }) {
  return db.$transaction(async (tx) => {
    const { target } = await targetFor(tx, input.actorId, input.membershipId, ["secretary"]);
    if (target.status !== "active") throw new DomainError("not-found");
    if (target.exempt !== input.exempt) {
      await tx.membership.update({ where: { id: target.id }, data: { exempt: input.exempt, version: { increment: 1 } } });
      await audit(tx, {
        cellId: target.cellId,
        actorPersonId: input.actorId,
        targetPersonId: target.personId,
        action: "membership.exempt_changed",
        details: { from: target.exempt, to: input.exempt },
        at: input.now,
      });
    }
    return { target: { ...target, exempt: input.exempt } };
  });
}
