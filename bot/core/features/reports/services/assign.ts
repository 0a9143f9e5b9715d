/**
 * Opening a round, and giving its draft to members who became eligible later. The round, one draft
 * per member who must answer, their notices and the audit line are written at once; the secretary's
 * office and who must answer are read inside that same transaction.
 */
import type { Db, Prisma } from "../../../../db/client.ts";
import { isUniqueViolation } from "../../../../db/errors.ts";
import { planMessages, type PlannedMessage } from "../../../delivery/outbox.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { DomainError } from "../../../domain/errors.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { activeCandidates, mustAnswer } from "../audience.ts";
import type { Template } from "../engine/template-schema.ts";
import { assignmentNotices, collectiveDraftNotices, digestNotices } from "../notices.ts";
import { collectiveDraftSchedule, isReview2025 } from "../review-2025.ts";
import { parseCategories, parseOffsets } from "../payloads.ts";
import type { RoundRecord } from "../records.ts";

type Tx = Prisma.TransactionClient;

export interface NewRound {
  actorId: string;
  cellId: string;
  template: Template;
  title: string;
  deadline: Date;
  /** Null: every category. */
  categories: string[] | null;
  includeExempt: boolean;
  meetingId: string | null;
  reminderOffsets: number[];
  now: Date;
}

export type OpenRoundOutcome = { ok: true; round: RoundRecord; assigned: number; cell: CellRecord } | { ok: false; reason: "no-one" };

async function addDrafts(tx: Tx, roundId: string, personIds: string[], now: Date) {
  if (personIds.length === 0) return [];
  await tx.reportDraft.createMany({ data: personIds.map((personId) => ({ roundId, personId, createdAt: now, updatedAt: now })) });
  return tx.reportDraft.findMany({ where: { roundId, personId: { in: personIds } }, select: { id: true, personId: true } });
}

/** In chunks of a few hundred rows a statement (planMessages), whatever the size of the cell. */
async function plan(tx: Tx, messages: PlannedMessage[]): Promise<void> {
  await planMessages(tx, messages);
}

/**
 * The cell's secretary (or deputy) opens a round in their cell: their office is checked, then the
 * round is written, in one transaction.
 */
export async function openRound(db: Db, input: NewRound): Promise<OpenRoundOutcome> {
  return db.$transaction(async (tx): Promise<OpenRoundOutcome> => {
    const { cell } = await requireRole(tx, input.actorId, input.cellId, adminRoles);
    return writeRound(tx, cell, input);
  });
}

/**
 * Writes a round in the caller's transaction: the round, one draft per member who must answer,
 * their notices, the secretary's and deputy's digests, and the audit line. Who may open it is the
 * caller's to check first, in the same transaction: the cell's secretary or deputy (`openRound`),
 * or a lead of the committee the cell is linked to (`committeeRoundId` then names that committee's
 * round).
 */
export async function writeRound(tx: Tx, cell: CellRecord, input: NewRound & { committeeRoundId?: string | null }): Promise<OpenRoundOutcome> {
  const meeting = input.meetingId ? await tx.meeting.findFirst({ where: { id: input.meetingId, cellId: cell.id, status: "scheduled" }, select: { id: true, startsAt: true } }) : null;
  if (input.meetingId && !meeting) throw new DomainError("not-found");
  const candidates = await activeCandidates(tx, cell.id);
  const chosen = mustAnswer(candidates, { categories: input.categories, includeExempt: input.includeExempt }, input.template, input.deadline);
  if (chosen.length === 0) return { ok: false, reason: "no-one" };
  const round = await tx.reportRound.create({
    data: {
      cellId: cell.id,
      templateId: input.template.id,
      title: input.title,
      deadline: input.deadline,
      categories: input.categories ? JSON.stringify(input.categories) : null,
      includeExempt: input.includeExempt,
      meetingId: input.meetingId,
      reminderOffsets: JSON.stringify(input.reminderOffsets),
      committeeRoundId: input.committeeRoundId ?? null,
      createdById: input.actorId,
      createdAt: input.now,
    },
  });
  const drafts = await addDrafts(tx, round.id, chosen.map((c) => c.personId), input.now);
  const admins = await tx.membership.findMany({ where: { cellId: cell.id, status: "active", role: { in: [...adminRoles] } }, select: { personId: true } });
  // A year-end review presented at a meeting: the cell's own draft must go out 3 working days before it.
  const collective = meeting && isReview2025(input.template) ? collectiveDraftSchedule(meeting.startsAt, cell.timeZone, input.now) : null;
  await plan(tx, [
    ...assignmentNotices(round, drafts, input.reminderOffsets, input.now),
    ...digestNotices(round, admins.map((a) => a.personId), input.reminderOffsets, input.now),
    ...(collective ? collectiveDraftNotices(round, admins.map((a) => a.personId), collective.remindAt) : []),
  ]);
  await audit(tx, {
    cellId: cell.id,
    actorPersonId: input.actorId,
    action: "report.round_opened",
    details: { roundId: round.id, templateId: input.template.id, assigned: drafts.length, meetingId: input.meetingId, ...(input.committeeRoundId ? { committeeRoundId: input.committeeRoundId } : {}) },
    at: input.now,
  });
  return { ok: true, round, assigned: drafts.length, cell };
}

/** Drafts and notices for the round's eligible members who have none yet, in the caller's transaction. */
async function addMissing(tx: Tx, round: RoundRecord, template: Template, now: Date): Promise<number> {
  if (round.status !== "open") return 0;
  const eligible = mustAnswer(await activeCandidates(tx, round.cellId), { categories: parseCategories(round.categories), includeExempt: round.includeExempt }, template, round.deadline);
  if (eligible.length === 0) return 0;
  const have = new Set((await tx.reportDraft.findMany({ where: { roundId: round.id }, select: { personId: true } })).map((d) => d.personId));
  const missing = eligible.map((c) => c.personId).filter((p) => !have.has(p));
  if (missing.length === 0) return 0;
  const drafts = await addDrafts(tx, round.id, missing, now);
  await plan(tx, assignmentNotices(round, drafts, parseOffsets(round.reminderOffsets), now));
  return drafts.length;
}

/** Runs `add` in one transaction; a concurrent run that got there first leaves nothing to do. */
async function once(db: Db, add: (tx: Tx) => Promise<number>): Promise<number> {
  try {
    return await db.$transaction(add);
  } catch (error) {
    // Two syncs at once (a view and an admission): the other one added them; nothing is lost.
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}

/**
 * Adds drafts for members who became eligible after the round opened (admitted later, category
 * changed), with the same notices as everyone else. Nobody is ever removed: a draft, once assigned,
 * stays with its answers. Returns how many were added.
 */
export function addLateAssignees(db: Db, round: RoundRecord, template: Template, now: Date): Promise<number> {
  return once(db, (tx) => addMissing(tx, round, template, now));
}

/**
 * After someone was admitted to (or stopped being exempt in) a cell: their drafts in every open
 * round of the cell, and the news of each round through the outbox, at once rather than when a round
 * is next looked at. Idempotent: a second call finds nothing missing.
 */
export function assignLateMembers(db: Db, input: { cellId: string; templateOf: (templateId: string) => Template | undefined; now: Date }): Promise<number> {
  return once(db, async (tx) => {
    let added = 0;
    for (const round of await tx.reportRound.findMany({ where: { cellId: input.cellId, status: "open" } })) {
      const template = input.templateOf(round.templateId);
      if (template) added += await addMissing(tx, round, template, input.now);
    }
    return added;
  });
}
