/**
 * The author takes a submitted version back before it is decided; the draft opens at the review.
 * Only a current member of the round's cell may: a member removed a second ago cannot pull a report
 * out of the secretary's queue with a button shown earlier.
 */
import type { Db } from "../../../../db/client.ts";
import { outboxRowData } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { anyRole, requireRole } from "../../../domain/members.ts";
import { reportKinds, versionNotices } from "../notices.ts";
import { draftStatus, reopened, versionStatus } from "../records.ts";

export type WithdrawOutcome = { ok: true; draftId: string } | { ok: false; reason: "closed" | "too-late"; roundTitle: string };

export async function withdrawVersion(db: Db, input: { versionId: string; actorId: string; now: Date }): Promise<WithdrawOutcome> {
  return db.$transaction(async (tx): Promise<WithdrawOutcome> => {
    const v = await tx.reportVersion.findUnique({
      where: { id: input.versionId },
      select: { id: true, number: true, draft: { select: { id: true, personId: true, state: true, round: { select: { id: true, cellId: true, title: true, status: true } } } } },
    });
    // Someone else's report is "not found": its existence is not theirs to learn.
    if (!v || v.draft.personId !== input.actorId) throw new DomainError("not-found");
    const { round } = v.draft;
    await requireRole(tx, input.actorId, round.cellId, anyRole);
    if (round.status !== "open") return { ok: false, reason: "closed", roundTitle: round.title };
    const { count } = await tx.reportVersion.updateMany({ where: { id: v.id, status: versionStatus.submitted }, data: { status: versionStatus.withdrawn, withdrawnAt: input.now } });
    if (count === 0) return { ok: false, reason: "too-late", roundTitle: round.title };
    await tx.reportDraft.update({
      where: { id: v.draft.id },
      data: { status: draftStatus.drafting, state: reopened(v.draft.state), version: { increment: 1 }, lastEditedById: input.actorId, updatedAt: input.now },
    });
    // Those who were sent the report hear that it was taken back (the renderer skips those it never reached).
    const told = await tx.outboxMessage.findMany({ where: { key: { startsWith: `${reportKinds.submitted}:${v.id}:` } }, select: { personId: true } });
    const notices = versionNotices(reportKinds.withdrawn, round, v.id, told.map((r) => r.personId), input.now);
    if (notices.length > 0) await tx.outboxMessage.createMany({ data: notices.map(outboxRowData) });
    await audit(tx, {
      cellId: round.cellId,
      actorPersonId: input.actorId,
      targetPersonId: input.actorId,
      action: "report.withdrawn",
      details: { roundId: round.id, draftId: v.draft.id, versionId: v.id, number: v.number },
      at: input.now,
    });
    return { ok: true, draftId: v.draft.id };
  });
}
