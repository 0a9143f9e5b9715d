/** Leaving a member's draft out of a year-end review (QĐ 366 Điều 5), as evidence: audited, with the reason. */
import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { draftStatus } from "../records.ts";
import type { Exclusion } from "../review-2025.ts";

/** Marks a not-yet-started draft excluded; false when it moved on meanwhile (then nothing changes). */
export async function excludeDraft(db: Db, input: { draftId: string; reason: Exclusion; actorId: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const draft = await tx.reportDraft.findUnique({ where: { id: input.draftId }, select: { personId: true, round: { select: { id: true, cellId: true } } } });
    if (!draft) return false;
    const { count } = await tx.reportDraft.updateMany({
      where: { id: input.draftId, status: draftStatus.notStarted },
      data: { status: draftStatus.excluded, version: { increment: 1 }, updatedAt: input.now, lastEditedById: input.actorId },
    });
    if (count === 0) return false;
    await audit(tx, { cellId: draft.round.cellId, actorPersonId: input.actorId, targetPersonId: draft.personId, action: "report.excluded", details: { roundId: draft.round.id, reason: input.reason }, at: input.now });
    return true;
  });
}
