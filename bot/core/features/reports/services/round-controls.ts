/** The secretary's controls of an open round: remind those who have not submitted now, close it. */
import type { Db, DbTx } from "../../../../db/client.ts";
import { planMessages, supersede } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { activeCandidates } from "../audience.ts";
import { reminderNow, roundScopedKinds } from "../notices.ts";
import { editableStatuses } from "../records.ts";

export type ControlOutcome<T> = ({ ok: true } & T) | { ok: false; reason: "closed"; roundTitle: string };

async function adminRound(tx: DbTx, actorId: string, roundId: string) {
  const round = await tx.reportRound.findUnique({ where: { id: roundId }, include: { cell: true } });
  if (!round) throw new DomainError("not-found");
  await requireRole(tx, actorId, round.cellId, adminRoles);
  return round;
}

/** A reminder now to every current member whose report is not in; one per minute at most, however often pressed. */
export async function remindNow(db: Db, input: { roundId: string; actorId: string; now: Date }): Promise<ControlOutcome<{ count: number; cell: CellRecord }>> {
  return db.$transaction(async (tx): Promise<ControlOutcome<{ count: number; cell: CellRecord }>> => {
    const round = await adminRound(tx, input.actorId, input.roundId);
    if (round.status !== "open") return { ok: false, reason: "closed", roundTitle: round.title };
    const active = new Set((await activeCandidates(tx, round.cellId)).map((c) => c.personId));
    const waiting = await tx.reportDraft.findMany({ where: { roundId: round.id, status: { in: [...editableStatuses] } }, select: { id: true, personId: true } });
    const due = waiting.filter((d) => active.has(d.personId) && d.personId !== input.actorId).map((d) => reminderNow(round, d, input.now));
    return { ok: true, count: await planMessages(tx, due), cell: round.cell };
  });
}

/** Nobody submits to a closed round; its reminders and digests never go out, decisions on submitted reports still do. */
export async function closeRound(db: Db, input: { roundId: string; actorId: string; now: Date }): Promise<ControlOutcome<{ roundTitle: string }>> {
  return db.$transaction(async (tx): Promise<ControlOutcome<{ roundTitle: string }>> => {
    const round = await adminRound(tx, input.actorId, input.roundId);
    const { count } = await tx.reportRound.updateMany({ where: { id: round.id, status: "open" }, data: { status: "closed", closedAt: input.now } });
    if (count === 0) return { ok: false, reason: "closed", roundTitle: round.title };
    await supersede(tx, round.id, { kinds: roundScopedKinds });
    await audit(tx, { cellId: round.cellId, actorPersonId: input.actorId, action: "report.round_closed", details: { roundId: round.id }, at: input.now });
    return { ok: true, roundTitle: round.title };
  });
}
