/**
 * The secretary or deputy accepts a submitted version, or returns it with a comment. Only a version
 * still "submitted" can be decided, so a second press (by the same or another admin) or a decision
 * on a withdrawn version changes nothing. The office is checked inside the transaction: someone who
 * lost it a second ago decides nothing with the buttons they still have.
 */
import type { Db, DbTx } from "../../../../db/client.ts";
import { outboxRowData } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { reportKinds, versionNotices } from "../notices.ts";
import { draftStatus, reopened, versionStatus } from "../records.ts";

export type DecisionOutcome =
  | { ok: true; authorName: string }
  /** Someone decided first, or the author took it back. */
  | { ok: false; reason: "handled"; status: string; authorName: string; decidedByName: string | null }
  /** A closed round's report can no longer go back to its author: it would be stranded, neither submittable nor decidable. */
  | { ok: false; reason: "closed"; roundTitle: string };

async function versionWithRound(tx: DbTx, versionId: string) {
  const v = await tx.reportVersion.findUnique({
    where: { id: versionId },
    select: { id: true, number: true, status: true, decidedById: true, draft: { select: { id: true, personId: true, state: true, person: { select: { fullName: true } }, round: { select: { id: true, cellId: true, title: true, status: true } } } } },
  });
  if (!v) throw new DomainError("not-found");
  return v;
}

async function handled(tx: DbTx, versionId: string, authorName: string): Promise<DecisionOutcome> {
  const v = await tx.reportVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true, decidedById: true } });
  const by = v.decidedById ? await tx.person.findUnique({ where: { id: v.decidedById }, select: { fullName: true } }) : null;
  return { ok: false, reason: "handled", status: v.status, authorName, decidedByName: by?.fullName ?? null };
}

async function decide(db: Db, input: { versionId: string; accept: boolean; comment?: string; actorId: string; now: Date }): Promise<DecisionOutcome> {
  return db.$transaction(async (tx) => {
    const v = await versionWithRound(tx, input.versionId);
    const { round } = v.draft;
    await requireRole(tx, input.actorId, round.cellId, adminRoles);
    const authorName = v.draft.person.fullName ?? "?";
    if (!input.accept && round.status !== "open") return { ok: false as const, reason: "closed" as const, roundTitle: round.title };
    if (v.status !== versionStatus.submitted) return handled(tx, v.id, authorName);
    const { count } = await tx.reportVersion.updateMany({
      where: { id: v.id, status: versionStatus.submitted },
      data: {
        status: input.accept ? versionStatus.accepted : versionStatus.returned,
        decidedById: input.actorId,
        decidedAt: input.now,
        returnComment: input.accept ? null : (input.comment ?? null),
      },
    });
    if (count === 0) return handled(tx, v.id, authorName);
    await tx.reportDraft.update({
      where: { id: v.draft.id },
      data: input.accept
        ? { status: draftStatus.accepted, version: { increment: 1 }, updatedAt: input.now }
        : { status: draftStatus.returned, state: reopened(v.draft.state), version: { increment: 1 }, updatedAt: input.now },
    });
    const kind = input.accept ? reportKinds.accepted : reportKinds.returned;
    await tx.outboxMessage.createMany({ data: versionNotices(kind, round, v.id, [v.draft.personId], input.now).map(outboxRowData) });
    await audit(tx, {
      cellId: round.cellId,
      actorPersonId: input.actorId,
      targetPersonId: v.draft.personId,
      action: input.accept ? "report.accepted" : "report.returned",
      details: { roundId: round.id, draftId: v.draft.id, versionId: v.id, number: v.number },
      at: input.now,
    });
    return { ok: true as const, authorName };
  });
}

export const acceptVersion = (db: Db, input: { versionId: string; actorId: string; now: Date }) => decide(db, { ...input, accept: true });

/** The comment goes to the author only; it never enters a log line, an audit line or an outbox row. */
export const returnVersion = (db: Db, input: { versionId: string; comment: string; actorId: string; now: Date }) => decide(db, { ...input, accept: false });
