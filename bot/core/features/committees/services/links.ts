/**
 * Putting a cell (or a lower committee) under a committee: the cell secretary asks with the code,
 * a committee secretary or deputy decides once (audited, both sides told), and either side can end
 * the link later. Cells created before committees existed keep working unlinked.
 */
import type { Db, DbTx } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { leadRoles, requirePost, type CommitteeRecord } from "../access.ts";

export interface LinkRecord {
  id: string;
  committeeId: string;
  cellId: string | null;
  childCommitteeId: string | null;
  status: string;
  requestedById: string;
  decidedById: string | null;
  version: number;
}

export type LinkRequestOutcome =
  | { kind: "requested"; link: LinkRecord; committee: CommitteeRecord; cell: { id: string; name: string } }
  | { kind: "already-linked"; committee: CommitteeRecord }
  | { kind: "already-pending"; committee: CommitteeRecord };

/** The cell's secretary (or deputy) asks to put the cell under the committee. */
export async function requestCellLink(db: Db, input: { actorId: string; cellId: string; committeeId: string; now: Date }): Promise<LinkRequestOutcome> {
  return db.$transaction(async (tx) => {
    await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const cell = await tx.cell.findUniqueOrThrow({ where: { id: input.cellId } });
    const committee = await tx.committee.findUnique({ where: { id: input.committeeId } });
    if (!committee) throw new DomainError("not-found");
    if (cell.committeeId === committee.id) return { kind: "already-linked" as const, committee };
    const pending = await tx.committeeLink.findFirst({ where: { cellId: cell.id, committeeId: committee.id, status: "pending" } });
    if (pending) return { kind: "already-pending" as const, committee };
    const link = await tx.committeeLink.create({ data: { committeeId: committee.id, cellId: cell.id, requestedById: input.actorId, requestedAt: input.now } });
    await audit(tx, { cellId: cell.id, committeeId: committee.id, actorPersonId: input.actorId, action: "committee.link_requested", details: { linkId: link.id }, at: input.now });
    return { kind: "requested" as const, link, committee, cell: { id: cell.id, name: cell.name } };
  });
}

export interface LinkSubject {
  link: LinkRecord;
  committee: CommitteeRecord;
  /** The cell's name and id, or the lower committee's. */
  cell: { id: string; name: string } | null;
  child: CommitteeRecord | null;
}

/** A link request with its committee and the cell (or lower committee) asking. */
export async function subjectOf(tx: DbTx, linkId: string): Promise<LinkSubject> {
  const link = await tx.committeeLink.findUnique({ where: { id: linkId }, include: { committee: true } });
  if (!link) throw new DomainError("not-found");
  const cell = link.cellId ? await tx.cell.findUnique({ where: { id: link.cellId }, select: { id: true, name: true } }) : null;
  const child = link.childCommitteeId ? await tx.committee.findUnique({ where: { id: link.childCommitteeId } }) : null;
  const { committee, ...rest } = link;
  return { link: rest, committee, cell, child };
}

export type LinkDecision = { kind: "decided"; approved: boolean; subject: LinkSubject } | { kind: "already-decided"; subject: LinkSubject; decidedByName: string | null };

/**
 * Approves or rejects a pending link, once: a second press (by anyone) finds it decided. Approving a
 * cell that was under another committee ends that link: a cell has one committee above it.
 */
export async function decideLink(db: Db, input: { actorId: string; linkId: string; approve: boolean; now: Date }): Promise<LinkDecision> {
  return db.$transaction(async (tx) => {
    const subject = await subjectOf(tx, input.linkId);
    await requirePost(tx, input.actorId, subject.committee.id, leadRoles);
    const { count } = await tx.committeeLink.updateMany({
      where: { id: subject.link.id, status: "pending", version: subject.link.version },
      data: { status: input.approve ? "approved" : "rejected", decidedById: input.actorId, decidedAt: input.now, version: { increment: 1 } },
    });
    if (count === 0) {
      const fresh = await subjectOf(tx, input.linkId);
      const by = fresh.link.decidedById ? await tx.person.findUnique({ where: { id: fresh.link.decidedById }, select: { fullName: true } }) : null;
      return { kind: "already-decided" as const, subject: fresh, decidedByName: by?.fullName ?? null };
    }
    const { link, committee } = subject;
    if (input.approve && link.cellId) {
      await tx.committeeLink.updateMany({ where: { cellId: link.cellId, status: "approved", id: { not: link.id } }, data: { status: "ended", version: { increment: 1 } } });
      // The officer in charge belonged to the committee the cell leaves.
      await tx.committeeCharge.deleteMany({ where: { cellId: link.cellId } });
      await tx.cell.update({ where: { id: link.cellId }, data: { committeeId: committee.id } });
    }
    if (input.approve && link.childCommitteeId) {
      await tx.committeeLink.updateMany({ where: { childCommitteeId: link.childCommitteeId, status: "approved", id: { not: link.id } }, data: { status: "ended", version: { increment: 1 } } });
      await tx.committee.update({ where: { id: link.childCommitteeId }, data: { parentId: committee.id } });
    }
    await audit(tx, {
      cellId: link.cellId,
      committeeId: committee.id,
      actorPersonId: input.actorId,
      action: input.approve ? "committee.link_approved" : "committee.link_rejected",
      details: { linkId: link.id, childCommitteeId: link.childCommitteeId },
      at: input.now,
    });
    return { kind: "decided" as const, approved: input.approve, subject: await subjectOf(tx, link.id) };
  });
}

/** The cell's secretary (or deputy) takes the cell out from under its committee; audited on both sides. */
export async function endCellLink(db: Db, input: { actorId: string; cellId: string; now: Date }): Promise<{ committee: CommitteeRecord; cell: { id: string; name: string } } | null> {
  return db.$transaction(async (tx) => {
    await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const cell = await tx.cell.findUniqueOrThrow({ where: { id: input.cellId } });
    if (!cell.committeeId) return null;
    const committee = await tx.committee.findUniqueOrThrow({ where: { id: cell.committeeId } });
    await tx.committeeLink.updateMany({ where: { cellId: cell.id, status: "approved" }, data: { status: "ended", version: { increment: 1 } } });
    await tx.committeeCharge.deleteMany({ where: { cellId: cell.id } });
    await tx.cell.update({ where: { id: cell.id }, data: { committeeId: null } });
    await audit(tx, { cellId: cell.id, committeeId: committee.id, actorPersonId: input.actorId, action: "committee.link_ended", details: { by: "cell" }, at: input.now });
    return { committee, cell: { id: cell.id, name: cell.name } };
  });
}

/** Link requests waiting for this committee's decision, oldest first. */
export async function pendingLinks(db: DbTx, committeeId: string): Promise<LinkSubject[]> {
  const rows = await db.committeeLink.findMany({ where: { committeeId, status: "pending" }, orderBy: { requestedAt: "asc" }, select: { id: true }, take: 50 });
  const out: LinkSubject[] = [];
  for (const r of rows) out.push(await subjectOf(db, r.id));
  return out;
}
