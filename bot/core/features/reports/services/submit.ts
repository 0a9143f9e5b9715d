/**
 * Submitting a draft: the draft becomes "submitted" (if nobody changed it since it was read), a new
 * numbered version keeps exactly what was submitted, and the secretary and deputy are sent it
 * through the outbox. Whoever sends it must still hold their place at that moment: the author a
 * membership, a proxy the office.
 */
import type { Db } from "../../../../db/client.ts";
import { outboxRowData } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import { adminRoles } from "../../../domain/members.ts";
import type { DraftState } from "../engine/draft-state.ts";
import { reportKinds, versionNotices } from "../notices.ts";
import { draftStatus, editableStatuses, type DraftRow } from "../records.ts";
import { requireEditor } from "./editor.ts";

export interface SubmittedVersion {
  id: string;
  number: number;
}

export type SubmitOutcome = { ok: true; version: SubmittedVersion; round: { id: string; title: string } } | { ok: false; reason: "moved" | "closed"; round: { title: string } | null };

export async function submitDraft(db: Db, draft: DraftRow, input: { state: DraftState; actorId: string; proxy: boolean; now: Date }): Promise<SubmitOutcome> {
  return db.$transaction(async (tx): Promise<SubmitOutcome> => {
    const { cellId } = await requireEditor(tx, { actorId: input.actorId, authorId: draft.personId, roundId: draft.roundId, proxy: input.proxy });
    const round = await tx.reportRound.findUniqueOrThrow({ where: { id: draft.roundId }, select: { id: true, cellId: true, title: true, status: true } });
    if (round.status !== "open") return { ok: false, reason: "closed", round };
    const { count } = await tx.reportDraft.updateMany({
      where: { id: draft.id, version: draft.version, status: { in: [...editableStatuses] } },
      data: { status: draftStatus.submitted, state: JSON.stringify(input.state), version: { increment: 1 }, lastEditedById: input.actorId, updatedAt: input.now },
    });
    if (count === 0) return { ok: false, reason: "moved", round };
    const previous = await tx.reportVersion.findFirst({ where: { draftId: draft.id }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await tx.reportVersion.create({
      data: {
        draftId: draft.id,
        number: (previous?.number ?? 0) + 1,
        state: JSON.stringify(input.state),
        templateId: input.state.templateId,
        templateVersion: input.state.templateVersion,
        enteredById: input.actorId,
        proxy: input.proxy,
        submittedAt: input.now,
      },
      select: { id: true, number: true },
    });
    const admins = await tx.membership.findMany({ where: { cellId, status: "active", role: { in: [...adminRoles] } }, select: { personId: true } });
    // The one who entered it has just read it; the others get it. A lone secretary gets their own, to decide it.
    const others = admins.map((a) => a.personId).filter((id) => id !== input.actorId);
    const recipients = others.length > 0 ? others : admins.map((a) => a.personId);
    const notices = [
      ...versionNotices(reportKinds.submitted, round, version.id, recipients, input.now),
      ...(input.proxy ? versionNotices(reportKinds.proxied, round, version.id, [draft.personId], input.now) : []),
    ];
    await tx.outboxMessage.createMany({ data: notices.map(outboxRowData) });
    if (input.proxy) {
      await audit(tx, {
        cellId,
        actorPersonId: input.actorId,
        targetPersonId: draft.personId,
        action: "report.proxy_submitted",
        details: { roundId: round.id, draftId: draft.id, versionId: version.id, number: version.number },
        at: input.now,
      });
    }
    return { ok: true, version, round };
  });
}
