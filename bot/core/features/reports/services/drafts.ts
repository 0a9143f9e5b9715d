/**
 * A draft while it is answered: read, begun, saved. Saving is the write every answer costs, so it is
 * one conditional statement on the version the answer was computed from: a second device or a
 * decision that moved the draft on makes it fail, and the caller reads the draft afresh.
 */
import type { Db } from "../../../../db/client.ts";
import type { DraftState } from "../engine/draft-state.ts";
import { draftStatus, editableStatuses, type DraftRow } from "../records.ts";
import { requireEditor } from "./editor.ts";

const draftRowSelect = { id: true, roundId: true, personId: true, status: true, state: true, followUpText: true, raisedText: true, pledgeText: true, reviewForm: true, version: true } as const;

export async function draftRow(db: Db, draftId: string): Promise<DraftRow | null> {
  return db.reportDraft.findUnique({ where: { id: draftId }, select: draftRowSelect });
}

/**
 * Saves the engine's draft (already serialised) if nobody else saved since it was read; false when
 * someone did. Who may answer was checked when the draft was opened; membership is checked again
 * when it is submitted.
 */
export async function saveDraft(db: Db, draft: DraftRow, stateJson: string, input: { editorId: string; now: Date }): Promise<boolean> {
  const { count } = await db.reportDraft.updateMany({
    where: { id: draft.id, version: draft.version, status: { in: [...editableStatuses] } },
    data: { state: stateJson, version: { increment: 1 }, lastEditedById: input.editorId, updatedAt: input.now },
  });
  return count === 1;
}

/** The first save of a draft: it stops being "not started" and keeps the commitments it follows up. */
export async function beginDraft(
  db: Db,
  draft: DraftRow,
  input: {
    state: DraftState;
    followUp: { text: string; versionId: string } | null;
    /** A 2025 review's carried texts and its form, fixed when it starts. */
    review?: { raisedText: string | null; pledgeText: string | null; reviewForm: string };
    editorId: string;
    proxy: boolean;
    now: Date;
  },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await requireEditor(tx, { actorId: input.editorId, authorId: draft.personId, roundId: draft.roundId, proxy: input.proxy });
    const { count } = await tx.reportDraft.updateMany({
      where: { id: draft.id, version: draft.version, status: draftStatus.notStarted },
      data: {
        status: draftStatus.drafting,
        state: JSON.stringify(input.state),
        followUpText: input.followUp?.text ?? null,
        followUpVersionId: input.followUp?.versionId ?? null,
        ...(input.review ? { raisedText: input.review.raisedText, pledgeText: input.review.pledgeText, reviewForm: input.review.reviewForm } : {}),
        startedAt: input.now,
        version: { increment: 1 },
        lastEditedById: input.editorId,
        updatedAt: input.now,
      },
    });
    return count === 1;
  });
}
