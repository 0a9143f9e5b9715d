/** The secretary's choice of a member's year-end form (HD 43: 2A, 2B, 2C), overriding the profile; audited. */
import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import type { ReviewForm } from "../engine/conditions.ts";
import { editableStatuses } from "../records.ts";

export type FormChoiceOutcome = { ok: true; changed: boolean; personId: string; roundId: string } | { ok: false; reason: "not-editable" };

/**
 * Sets the form a member's draft follows, while the member can still change the draft. The version
 * is bumped, so a device holding the draft reads it afresh and answers under the new form (answers
 * of questions the new form does not ask are kept, hidden, as the engine keeps any such answer).
 */
export async function chooseReviewForm(db: Db, input: { actorId: string; draftId: string; form: ReviewForm; now: Date }): Promise<FormChoiceOutcome> {
  return db.$transaction(async (tx) => {
    const draft = await tx.reportDraft.findUnique({ where: { id: input.draftId }, select: { id: true, personId: true, status: true, reviewForm: true, round: { select: { id: true, cellId: true } } } });
    if (!draft) throw new DomainError("not-found");
    await requireRole(tx, input.actorId, draft.round.cellId, adminRoles);
    if (!editableStatuses.includes(draft.status)) return { ok: false as const, reason: "not-editable" as const };
    if (draft.reviewForm === input.form) return { ok: true as const, changed: false, personId: draft.personId, roundId: draft.round.id };
    const { count } = await tx.reportDraft.updateMany({
      where: { id: draft.id, status: { in: [...editableStatuses] } },
      data: { reviewForm: input.form, version: { increment: 1 }, updatedAt: input.now },
    });
    if (count === 0) return { ok: false as const, reason: "not-editable" as const };
    await audit(tx, {
      cellId: draft.round.cellId,
      actorPersonId: input.actorId,
      targetPersonId: draft.personId,
      action: "report.review_form_chosen",
      details: { roundId: draft.round.id, before: draft.reviewForm, after: input.form },
      at: input.now,
    });
    return { ok: true as const, changed: true, personId: draft.personId, roundId: draft.round.id };
  });
}
