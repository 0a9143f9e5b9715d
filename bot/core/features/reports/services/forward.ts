/**
 * A cell secretary (or deputy) forwards one member's report to the committee above, explicitly:
 * committees see statuses and counts by default, never texts (issue 13, privacy by default). The
 * committee's secretary and deputies and the officer in charge of the cell receive it through the
 * outbox; the forwarding is audited on the cell and the committee.
 */
import type { Db } from "../../../../db/client.ts";
import { planMessages } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { reportKinds } from "../notices.ts";
import { versionStatus } from "../records.ts";

export type ForwardOutcome = { ok: true; committee: string; recipients: number } | { ok: false; reason: "not-linked" | "not-submitted" | "no-one" };

export async function forwardReport(db: Db, input: { actorId: string; versionId: string; now: Date }): Promise<ForwardOutcome> {
  return db.$transaction(async (tx) => {
    const v = await tx.reportVersion.findUnique({ where: { id: input.versionId }, select: { id: true, status: true, draft: { select: { personId: true, round: { select: { id: true, cellId: true } } } } } });
    if (!v) throw new DomainError("not-found");
    const cellId = v.draft.round.cellId;
    await requireRole(tx, input.actorId, cellId, adminRoles);
    if (v.status !== versionStatus.submitted && v.status !== versionStatus.accepted) return { ok: false as const, reason: "not-submitted" as const };
    const cell = await tx.cell.findUniqueOrThrow({ where: { id: cellId }, select: { committeeId: true, committee: { select: { name: true } }, charge: { select: { officer: { select: { personId: true, status: true } } } } } });
    if (!cell.committeeId || !cell.committee) return { ok: false as const, reason: "not-linked" as const };
    const leads = await tx.committeeOfficer.findMany({ where: { committeeId: cell.committeeId, status: "active", role: { in: ["secretary", "deputy"] } }, select: { personId: true } });
    const inCharge = cell.charge?.officer.status === "active" ? [cell.charge.officer.personId] : [];
    const recipients = [...new Set([...leads.map((l) => l.personId), ...inCharge])].filter((p) => p !== input.actorId);
    if (recipients.length === 0) return { ok: false as const, reason: "no-one" as const };
    // One forwarding a minute per recipient at most, however often pressed; a later one is a new send.
    const minute = Math.floor(input.now.getTime() / 60_000);
    await planMessages(
      tx,
      recipients.map((personId) => ({
        key: `${reportKinds.forwarded}:${v.id}:${personId}:${minute}`,
        kind: reportKinds.forwarded,
        personId,
        cellId,
        subjectId: v.draft.round.id,
        payload: { versionId: v.id, committeeId: cell.committeeId, byId: input.actorId },
        dueAt: input.now,
      })),
    );
    await audit(tx, {
      cellId,
      committeeId: cell.committeeId,
      actorPersonId: input.actorId,
      targetPersonId: v.draft.personId,
      action: "report.forwarded",
      details: { versionId: v.id, recipients: recipients.length },
      at: input.now,
    });
    return { ok: true as const, committee: cell.committee.name, recipients: recipients.length };
  });
}
