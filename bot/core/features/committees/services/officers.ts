/**
 * The committee's posts: the secretary appoints deputies and members (ủy viên) from the members of
 * the cells under it, ends posts, and puts an officer in charge of cells (ủy viên phụ trách chi bộ).
 * Every change is audited on the committee.
 */
import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { leadRoles, requirePost, type OfficerRole } from "../access.ts";

export type AppointOutcome = { kind: "appointed"; officerId: string; changed: boolean; committeeName: string; personName: string | null };

/**
 * Gives the person a post (or another role). Only the committee's secretary appoints; the person must
 * be an active member of a cell under the committee, or already hold a post in it.
 */
export async function appointOfficer(db: Db, input: { actorId: string; committeeId: string; personId: string; role: Exclude<OfficerRole, "secretary">; now: Date }): Promise<AppointOutcome> {
  return db.$transaction(async (tx) => {
    const actor = await requirePost(tx, input.actorId, input.committeeId, ["secretary"]);
    if (input.personId === input.actorId) throw new DomainError("cannot-target-self");
    const existing = await tx.committeeOfficer.findUnique({ where: { committeeId_personId: { committeeId: input.committeeId, personId: input.personId } } });
    if (!existing || existing.status !== "active") {
      const inCell = await tx.membership.findFirst({ where: { personId: input.personId, status: "active", cell: { committeeId: input.committeeId } }, select: { id: true } });
      if (!inCell) throw new DomainError("not-found");
    }
    const person = await tx.person.findUniqueOrThrow({ where: { id: input.personId }, select: { fullName: true } });
    const changed = !existing || existing.status !== "active" || existing.role !== input.role;
    const officer = existing
      ? await tx.committeeOfficer.update({
          where: { id: existing.id },
          data: { role: input.role, status: "active", endedAt: null, appointedById: input.actorId, appointedAt: changed ? input.now : existing.appointedAt, version: { increment: 1 } },
        })
      : await tx.committeeOfficer.create({ data: { committeeId: input.committeeId, personId: input.personId, role: input.role, appointedById: input.actorId, appointedAt: input.now } });
    if (changed) {
      await audit(tx, {
        committeeId: input.committeeId,
        actorPersonId: input.actorId,
        targetPersonId: input.personId,
        action: "committee.officer_appointed",
        details: { before: existing?.status === "active" ? existing.role : null, after: input.role },
        at: input.now,
      });
    }
    return { kind: "appointed" as const, officerId: officer.id, changed, committeeName: actor.committee.name, personName: person.fullName };
  });
}

/** Ends someone's post (not the secretary's own); the cells they were in charge of lose their officer in charge. */
export async function endOfficer(db: Db, input: { actorId: string; officerId: string; now: Date }): Promise<{ personId: string; personName: string | null; committeeName: string } | null> {
  return db.$transaction(async (tx) => {
    const target = await tx.committeeOfficer.findUnique({ where: { id: input.officerId }, include: { person: { select: { fullName: true } } } });
    if (!target) throw new DomainError("not-found");
    const actor = await requirePost(tx, input.actorId, target.committeeId, ["secretary"]);
    if (target.personId === input.actorId) throw new DomainError("cannot-target-self");
    if (target.status !== "active") return null;
    await tx.committeeOfficer.update({ where: { id: target.id }, data: { status: "ended", endedAt: input.now, version: { increment: 1 } } });
    await tx.committeeCharge.deleteMany({ where: { officerId: target.id } });
    await audit(tx, { committeeId: target.committeeId, actorPersonId: input.actorId, targetPersonId: target.personId, action: "committee.officer_ended", details: { role: target.role }, at: input.now });
    return { personId: target.personId, personName: target.person.fullName, committeeName: actor.committee.name };
  });
}

/** Puts the officer in charge of the cell, or takes the cell from them. Secretary or deputy. */
export async function setCharge(db: Db, input: { actorId: string; officerId: string; cellId: string; assign: boolean; now: Date }): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const officer = await tx.committeeOfficer.findUnique({ where: { id: input.officerId } });
    if (!officer || officer.status !== "active") throw new DomainError("not-found");
    await requirePost(tx, input.actorId, officer.committeeId, leadRoles);
    const cell = await tx.cell.findUnique({ where: { id: input.cellId }, select: { committeeId: true } });
    if (cell?.committeeId !== officer.committeeId) throw new DomainError("not-found");
    const current = await tx.committeeCharge.findUnique({ where: { cellId: input.cellId } });
    if (input.assign ? current?.officerId === officer.id : current?.officerId !== officer.id) return { changed: false };
    if (input.assign) {
      await tx.committeeCharge.upsert({
        where: { cellId: input.cellId },
        create: { cellId: input.cellId, officerId: officer.id, assignedById: input.actorId, assignedAt: input.now },
        update: { officerId: officer.id, assignedById: input.actorId, assignedAt: input.now },
      });
    } else {
      await tx.committeeCharge.delete({ where: { cellId: input.cellId } });
    }
    await audit(tx, {
      cellId: input.cellId,
      committeeId: officer.committeeId,
      actorPersonId: input.actorId,
      targetPersonId: officer.personId,
      action: "committee.charge_set",
      details: { assign: input.assign, previousOfficerId: current?.officerId ?? null },
      at: input.now,
    });
    return { changed: true };
  });
}
