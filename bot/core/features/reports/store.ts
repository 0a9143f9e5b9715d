/**
 * The reports' database side: rounds, drafts and submitted versions. Every change that several
 * people (or devices) could make at once is a conditional update, so exactly one of them wins:
 * a draft save checks the draft's version, a decision checks that the version is still submitted.
 * Changes and the notifications they cause are written in one transaction.
 */
import type { Db, Prisma } from "../../../db/client.ts";
import { outboxRowData, type PlannedMessage } from "../../delivery/outbox.ts";
import { reopen } from "./engine/engine.ts";
import { salvage } from "./engine/engine-migrate.ts";
import type { DraftState } from "./engine/draft-state.ts";
import { isUniqueViolation } from "../../../db/errors.ts";

type Tx = Prisma.TransactionClient;

export const draftStatus = {
  notStarted: "not_started",
  drafting: "drafting",
  submitted: "submitted",
  returned: "returned",
  accepted: "accepted",
} as const;
export type DraftStatus = (typeof draftStatus)[keyof typeof draftStatus];

export const versionStatus = { submitted: "submitted", withdrawn: "withdrawn", returned: "returned", accepted: "accepted" } as const;
export type VersionStatus = (typeof versionStatus)[keyof typeof versionStatus];

/** Drafts the member can still change. */
export const editableStatuses: readonly string[] = [draftStatus.notStarted, draftStatus.drafting, draftStatus.returned];

/** What an answer needs of a draft: one row, no joins (this runs on every message). */
export interface DraftRow {
  id: string;
  roundId: string;
  personId: string;
  status: string;
  state: string | null;
  followUpText: string | null;
  version: number;
}

const draftRowSelect = { id: true, roundId: true, personId: true, status: true, state: true, followUpText: true, version: true } as const;

export async function draftRow(db: Db, draftId: string): Promise<DraftRow | null> {
  return db.reportDraft.findUnique({ where: { id: draftId }, select: draftRowSelect });
}

/**
 * Saves the engine's draft (already serialised) if nobody else saved since it was read; false when
 * someone did. One statement: this is the write every answer costs.
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
  input: { state: DraftState; followUp: { text: string; versionId: string } | null; editorId: string; now: Date },
): Promise<boolean> {
  const { count } = await db.reportDraft.updateMany({
    where: { id: draft.id, version: draft.version, status: draftStatus.notStarted },
    data: {
      status: draftStatus.drafting,
      state: JSON.stringify(input.state),
      followUpText: input.followUp?.text ?? null,
      followUpVersionId: input.followUp?.versionId ?? null,
      startedAt: input.now,
      version: { increment: 1 },
      lastEditedById: input.editorId,
      updatedAt: input.now,
    },
  });
  return count === 1;
}

/** Writes outbox rows inside the transaction of the change they announce. */
async function plan(tx: Tx, messages: PlannedMessage[]): Promise<void> {
  if (messages.length > 0) await tx.outboxMessage.createMany({ data: messages.map(outboxRowData) });
}

export interface SubmittedVersion {
  id: string;
  number: number;
}

export type SubmitOutcome = { ok: true; version: SubmittedVersion; previous: { id: string; state: string } | null } | { ok: false; reason: "moved" | "closed" };

/**
 * Records a submission: the draft becomes "submitted" (if nobody changed it since it was read), a
 * new numbered version keeps exactly what was submitted, and the notices go to the outbox.
 */
export async function submitDraft(
  db: Db,
  draft: DraftRow,
  input: { state: DraftState; enteredById: string; proxy: boolean; now: Date; notices: (version: SubmittedVersion) => PlannedMessage[] },
): Promise<SubmitOutcome> {
  return db.$transaction(async (tx) => {
    const round = await tx.reportRound.findUnique({ where: { id: draft.roundId }, select: { status: true } });
    if (round?.status !== "open") return { ok: false as const, reason: "closed" as const };
    const { count } = await tx.reportDraft.updateMany({
      where: { id: draft.id, version: draft.version, status: { in: [...editableStatuses] } },
      data: { status: draftStatus.submitted, state: JSON.stringify(input.state), version: { increment: 1 }, lastEditedById: input.enteredById, updatedAt: input.now },
    });
    if (count === 0) return { ok: false as const, reason: "moved" as const };
    const previous = await tx.reportVersion.findFirst({ where: { draftId: draft.id }, orderBy: { number: "desc" }, select: { id: true, number: true, state: true } });
    const version = await tx.reportVersion.create({
      data: {
        draftId: draft.id,
        number: (previous?.number ?? 0) + 1,
        state: JSON.stringify(input.state),
        templateId: input.state.templateId,
        templateVersion: input.state.templateVersion,
        enteredById: input.enteredById,
        proxy: input.proxy,
        submittedAt: input.now,
      },
      select: { id: true, number: true },
    });
    await plan(tx, input.notices(version));
    return { ok: true as const, version, previous: previous ? { id: previous.id, state: previous.state } : null };
  });
}

/** A submitted draft opened for changes again, every answer kept. */
function reopened(stateJson: string | null): string | null {
  const state = parseState(stateJson);
  return state ? JSON.stringify(reopen(state)) : stateJson;
}

/** A stored draft state, salvaged where it no longer fits the schema; undefined when unreadable. */
export function parseState(stateJson: string | null): DraftState | undefined {
  if (!stateJson) return undefined;
  try {
    return salvage(JSON.parse(stateJson));
  } catch {
    return undefined;
  }
}

export type DecisionOutcome = { ok: true; draftId: string; authorId: string } | { ok: false; status: string; decidedById: string | null };

async function decided(tx: Tx, versionId: string): Promise<DecisionOutcome> {
  const v = await tx.reportVersion.findUnique({ where: { id: versionId }, select: { status: true, decidedById: true } });
  return { ok: false, status: v?.status ?? "missing", decidedById: v?.decidedById ?? null };
}

/**
 * Accepts or returns a submitted version. Only a version still "submitted" can be decided, so a
 * second press (by the same or another admin) or a decision on a withdrawn version changes nothing.
 */
export async function decideVersion(
  db: Db,
  input: { versionId: string; accept: boolean; comment?: string; actorId: string; now: Date; notices: (authorId: string) => PlannedMessage[] },
): Promise<DecisionOutcome> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.reportVersion.updateMany({
      where: { id: input.versionId, status: versionStatus.submitted },
      data: {
        status: input.accept ? versionStatus.accepted : versionStatus.returned,
        decidedById: input.actorId,
        decidedAt: input.now,
        returnComment: input.accept ? null : (input.comment ?? null),
      },
    });
    if (count === 0) return decided(tx, input.versionId);
    const version = await tx.reportVersion.findUniqueOrThrow({ where: { id: input.versionId }, select: { draft: { select: { id: true, personId: true, state: true } } } });
    const { draft } = version;
    await tx.reportDraft.update({
      where: { id: draft.id },
      data: input.accept
        ? { status: draftStatus.accepted, version: { increment: 1 }, updatedAt: input.now }
        : { status: draftStatus.returned, state: reopened(draft.state), version: { increment: 1 }, updatedAt: input.now },
    });
    await plan(tx, input.notices(draft.personId));
    return { ok: true as const, draftId: draft.id, authorId: draft.personId };
  });
}

/** The author takes a submitted version back before it is decided; the draft opens at the review. */
export async function withdrawVersion(
  db: Db,
  input: { versionId: string; authorId: string; now: Date; notices: PlannedMessage[] },
): Promise<DecisionOutcome> {
  return db.$transaction(async (tx) => {
    const version = await tx.reportVersion.findUnique({ where: { id: input.versionId }, select: { draft: { select: { id: true, personId: true, state: true } } } });
    if (!version || version.draft.personId !== input.authorId) return { ok: false as const, status: "missing", decidedById: null };
    const { count } = await tx.reportVersion.updateMany({
      where: { id: input.versionId, status: versionStatus.submitted },
      data: { status: versionStatus.withdrawn, withdrawnAt: input.now },
    });
    if (count === 0) return decided(tx, input.versionId);
    await tx.reportDraft.update({
      where: { id: version.draft.id },
      data: { status: draftStatus.drafting, state: reopened(version.draft.state), version: { increment: 1 }, lastEditedById: input.authorId, updatedAt: input.now },
    });
    await plan(tx, input.notices);
    return { ok: true as const, draftId: version.draft.id, authorId: input.authorId };
  });
}

export interface NewRound {
  cellId: string;
  templateId: string;
  title: string;
  deadline: Date;
  categories: string[] | null;
  includeExempt: boolean;
  meetingId: string | null;
  reminderOffsets: number[];
  createdById: string;
  now: Date;
}

export interface RoundRecord {
  id: string;
  cellId: string;
  templateId: string;
  title: string;
  deadline: Date;
  categories: string | null;
  includeExempt: boolean;
  meetingId: string | null;
  reminderOffsets: string;
  status: string;
  createdById: string;
  createdAt: Date;
  closedAt: Date | null;
}

/** Creates the round and one draft per member who must answer, with their notices, at once. */
export async function createRound(
  db: Db,
  input: NewRound & { assignees: string[]; notices: (round: RoundRecord, drafts: { id: string; personId: string }[]) => PlannedMessage[] },
): Promise<{ round: RoundRecord; drafts: { id: string; personId: string }[] }> {
  return db.$transaction(async (tx) => {
    const round = await tx.reportRound.create({
      data: {
        cellId: input.cellId,
        templateId: input.templateId,
        title: input.title,
        deadline: input.deadline,
        categories: input.categories ? JSON.stringify(input.categories) : null,
        includeExempt: input.includeExempt,
        meetingId: input.meetingId,
        reminderOffsets: JSON.stringify(input.reminderOffsets),
        createdById: input.createdById,
        createdAt: input.now,
      },
    });
    const drafts = await addDrafts(tx, round.id, input.assignees, input.now);
    await plan(tx, input.notices(round, drafts));
    return { round, drafts };
  });
}

async function addDrafts(tx: Tx, roundId: string, personIds: string[], now: Date) {
  if (personIds.length === 0) return [];
  await tx.reportDraft.createMany({ data: personIds.map((personId) => ({ roundId, personId, createdAt: now, updatedAt: now })) });
  return tx.reportDraft.findMany({ where: { roundId, personId: { in: personIds } }, select: { id: true, personId: true } });
}

/**
 * Adds drafts for members who became eligible after the round opened (admitted later, category
 * changed). Nobody is ever removed: a draft, once assigned, stays with its answers.
 */
export async function addLateAssignees(
  db: Db,
  round: RoundRecord,
  eligible: string[],
  input: { now: Date; notices: (drafts: { id: string; personId: string }[]) => PlannedMessage[] },
): Promise<number> {
  if (eligible.length === 0) return 0;
  const existing = await db.reportDraft.findMany({ where: { roundId: round.id }, select: { personId: true } });
  const have = new Set(existing.map((d) => d.personId));
  const missing = eligible.filter((p) => !have.has(p));
  if (missing.length === 0) return 0;
  try {
    return await db.$transaction(async (tx) => {
      const drafts = await addDrafts(tx, round.id, missing, input.now);
      await plan(tx, input.notices(drafts));
      return drafts.length;
    });
  } catch (error) {
    // Two views synced at once: the other one added them; nothing is lost.
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}
