/**
 * Reading a submitted version back, for the secretary's chat and for its author. Who may read it
 * is decided here and nowhere else: the author, and the secretary and deputy of the round's cell.
 */
import type { Db } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import { DomainError } from "../../domain/errors.ts";
import { adminRoles, anyRole, isCellAdmin, requireRole } from "../../domain/members.ts";
import type { OutboundMessage } from "../../contract/messages.ts";
import { latestTemplate } from "./engine/engine.ts";
import { engineTextsFrom } from "./engine/engine-texts.ts";
import type { Template } from "./engine/template-schema.ts";
import { changedQuestions, type ChangedQuestion } from "./changes.ts";
import { deriveForDraft, profileOf } from "./derive.ts";
import { parseState, versionStatus } from "./records.ts";
import type { TemplateStore } from "./template-store.ts";
import { submittedReport } from "./views.ts";

export async function loadVersion(db: Db, versionId: string) {
  return db.reportVersion.findUnique({
    where: { id: versionId },
    include: { draft: { include: { round: { include: { cell: { include: { committee: { select: { name: true } } } } } }, person: { select: { id: true, fullName: true, category: true } } } } },
  });
}
export type LoadedVersion = NonNullable<Awaited<ReturnType<typeof loadVersion>>>;

/** The author always; the cell's secretary and deputy while they hold the role. Nobody else. */
export async function mayRead(db: Db, personId: string, v: LoadedVersion): Promise<boolean> {
  return v.draft.personId === personId || isCellAdmin(db, personId, v.draft.round.cellId);
}

/** A version for the cell's secretary or deputy; refuses anyone else. */
export async function versionForAdmin(db: Db, input: { personId: string; versionId: string }): Promise<LoadedVersion> {
  const v = await loadVersion(db, input.versionId);
  if (!v) throw new DomainError("not-found");
  await requireRole(db, input.personId, v.draft.round.cellId, adminRoles);
  return v;
}

/**
 * The latest version of the person's own draft; null for anyone else's. With `member`, only while
 * they are in its cell (to act on it; reading it stays theirs after they leave).
 */
export async function ownLatestVersion(db: Db, input: { personId: string; draftId: string; member?: boolean }) {
  const last = await db.reportVersion.findFirst({ where: { draftId: input.draftId, draft: { personId: input.personId } }, orderBy: { number: "desc" }, include: { draft: { include: { round: true } } } });
  if (last && input.member) await requireRole(db, input.personId, last.draft.round.cellId, anyRole);
  return last;
}

/** The template exactly as the version was answered on, when still known; else the newest. */
export function templateAt(templates: Template[], id: string, version: number): Template | undefined {
  return templates.find((t) => t.id === id && t.version === version) ?? latestTemplate(templates, id);
}

/** The version as messages in the reader's language; null when its state or template cannot be read. */
export async function renderVersion(db: Db, store: TemplateStore, t: Translator, v: LoadedVersion, options: { canDecide: boolean; forwardedBy?: string }): Promise<OutboundMessage[] | null> {
  const state = parseState(v.state);
  const base = templateAt(store.all(), v.templateId, v.templateVersion);
  if (!state || !base) return null;
  const template = deriveForDraft(base, v.draft, t);
  const profile = profileOf(v.draft.person.category, { reviewForm: v.draft.reviewForm });
  let changes: { previous: number; questions: ChangedQuestion[] } | null = null;
  if (v.number > 1) {
    const previous = await db.reportVersion.findUnique({ where: { draftId_number: { draftId: v.draftId, number: v.number - 1 } }, select: { state: true } });
    const before = parseState(previous?.state ?? null);
    if (before) changes = { previous: v.number - 1, questions: changedQuestions(template, before, profileOf(v.draft.person.category, { reviewForm: v.draft.reviewForm }), state, profile) };
  }
  const enteredBy = v.proxy ? await db.person.findUnique({ where: { id: v.enteredById }, select: { fullName: true } }) : null;
  return submittedReport(t, {
    template,
    state,
    profile,
    texts: engineTextsFrom(t),
    author: v.draft.person.fullName ?? "?",
    cell: v.draft.round.cell,
    round: v.draft.round,
    version: v,
    enteredBy: enteredBy?.fullName ?? null,
    changes,
    canDecide: options.canDecide && v.status === versionStatus.submitted,
    // The secretary's copy offers to send it up when the cell is under a committee.
    forwardable: options.canDecide && Boolean(v.draft.round.cell.committeeId) && (v.status === versionStatus.submitted || v.status === versionStatus.accepted),
    ...(options.forwardedBy ? { forwardedBy: options.forwardedBy } : {}),
  });
}
