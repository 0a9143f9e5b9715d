/**
 * What happens to a submitted report: the secretary or deputy accepts it or returns it with a
 * comment; until then its author may take it back. Each is decided once, whoever presses first.
 */
import { endDialogue } from "../../kernel/dialogue/store.ts";
import { DomainError } from "../../domain/errors.ts";
import type { DialogueHandler, Turn } from "../../kernel/feature.ts";
import { adminRoles, requireRole } from "../../domain/members.ts";
import { choiceData, cancelData } from "./choices.ts";
import { reportKinds, versionNotices } from "./notices.ts";
import { isCellAdmin, loadVersion, mayRead, renderVersion, type LoadedVersion } from "./reading.ts";
import type { Runtime } from "./runtime.ts";
import { decideVersion, versionStatus, withdrawVersion, type DecisionOutcome } from "./store.ts";

export const returnFlow = "report.return";
const commentStep = "comment";
export const returnCommentMax = 1000;

export interface Decisions {
  accept(turn: Turn, versionId: string): Promise<void>;
  askReturn(turn: Turn, versionId: string): Promise<void>;
  returnHandler: DialogueHandler;
  askWithdraw(turn: Turn, draftId: string): Promise<void>;
  withdraw(turn: Turn, versionId: string): Promise<void>;
  /** An admin reads a version (with the decision buttons while it waits). */
  read(turn: Turn, versionId: string): Promise<void>;
  /** The author reads their latest submitted version. */
  viewOwn(turn: Turn, draftId: string): Promise<void>;
}

export function createDecisions(rt: Runtime, afterWithdraw: (turn: Turn, draftId: string) => Promise<void>): Decisions {
  const { db, ctx } = rt;

  async function adminVersion(turn: Turn, versionId: string): Promise<LoadedVersion> {
    const v = await loadVersion(db, versionId);
    if (!v) throw new DomainError("not-found");
    await requireRole(db, turn.person.id, v.draft.round.cellId, adminRoles);
    return v;
  }

  /** Why nothing changed: someone decided first, or the author took it back. */
  async function alreadyHandled(turn: Turn, v: LoadedVersion, outcome: Extract<DecisionOutcome, { ok: false }>): Promise<void> {
    const name = v.draft.person.fullName ?? "?";
    if (outcome.status === versionStatus.withdrawn) return turn.reply({ text: turn.t("report-already-withdrawn", { name }) });
    const by = outcome.decidedById ? await db.person.findUnique({ where: { id: outcome.decidedById }, select: { fullName: true } }) : null;
    const key = outcome.status === versionStatus.accepted ? "report-already-accepted" : "report-already-returned";
    return turn.reply({ text: turn.t(key, { name, by: by?.fullName ?? "?" }) });
  }

  async function accept(turn: Turn, versionId: string): Promise<void> {
    const v = await adminVersion(turn, versionId);
    const now = rt.now();
    const outcome = await decideVersion(db, {
      versionId,
      accept: true,
      actorId: turn.person.id,
      now,
      notices: (authorId) => versionNotices(reportKinds.accepted, v.draft.round, versionId, [authorId], now),
    });
    if (!outcome.ok) return alreadyHandled(turn, v, outcome);
    rt.kick();
    turn.log.info({ versionId }, "report accepted");
    await turn.reply({ text: turn.t("report-accepted-done", { name: v.draft.person.fullName ?? "?" }) });
  }

  /** Once a round is closed a report can no longer come back to its author: it would be stranded, neither submittable nor decidable. */
  const roundClosed = (turn: Turn, v: LoadedVersion) =>
    v.draft.round.status === "open" ? null : turn.reply({ text: turn.t("report-round-closed", { title: v.draft.round.title }) });

  async function askReturn(turn: Turn, versionId: string): Promise<void> {
    const v = await adminVersion(turn, versionId);
    if (v.status !== versionStatus.submitted) return alreadyHandled(turn, v, { ok: false, status: v.status, decidedById: v.decidedById });
    const closed = roundClosed(turn, v);
    if (closed) return closed;
    await ctx.startDialogue(turn, returnFlow, commentStep, { versionId });
    await turn.reply(returnPrompt(turn, v.draft.person.fullName ?? "?"));
  }

  const returnPrompt = (turn: Turn, name: string) => ({
    text: turn.t("report-return-ask", { name, max: returnCommentMax }),
    choices: [[{ label: turn.t("report-button-cancel"), data: cancelData }]],
  });

  const returnHandler: DialogueHandler = async (turn, dialogue, input) => {
    const v = await adminVersion(turn, dialogue.data.versionId ?? "");
    const name = v.draft.person.fullName ?? "?";
    if (input.kind !== "text") {
      const reason = input.kind === "choice" ? "stale-button" : input.kind === "unsupported" && input.what === "reprompt" ? null : "report-return-text-only";
      if (reason) await turn.reply({ text: turn.t(reason) });
      return turn.reply(returnPrompt(turn, name));
    }
    const comment = input.text.trim();
    if (comment.length === 0) return turn.reply(returnPrompt(turn, name));
    const closed = roundClosed(turn, v);
    if (closed) {
      await endDialogue(db, turn.person.id);
      return closed;
    }
    if (comment.length > returnCommentMax) {
      // Handed back so that nothing typed is lost.
      await turn.reply({ text: turn.t("report-return-too-long", { count: comment.length, max: returnCommentMax }) });
      return turn.reply({ text: comment });
    }
    const now = rt.now();
    const outcome = await decideVersion(db, {
      versionId: v.id,
      accept: false,
      comment,
      actorId: turn.person.id,
      now,
      notices: (authorId) => versionNotices(reportKinds.returned, v.draft.round, v.id, [authorId], now),
    });
    await endDialogue(db, turn.person.id);
    if (!outcome.ok) return alreadyHandled(turn, v, outcome);
    rt.kick();
    turn.log.info({ versionId: v.id }, "report returned");
    await turn.reply({ text: turn.t("report-returned-done", { name }) });
  };

  async function latestSubmitted(draftId: string) {
    return db.reportVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" }, include: { draft: { include: { round: true } } } });
  }

  async function askWithdraw(turn: Turn, draftId: string): Promise<void> {
    const last = await latestSubmitted(draftId);
    if (!last || last.draft.personId !== turn.person.id) return turn.reply({ text: turn.t("error-not-found") });
    if (last.status !== versionStatus.submitted) return turn.reply({ text: turn.t("report-withdraw-too-late", { title: last.draft.round.title }) });
    await turn.reply({
      text: turn.t("report-withdraw-confirm", { title: last.draft.round.title, number: last.number }),
      choices: [[{ label: turn.t("report-button-withdraw-short"), data: choiceData.withdrawConfirm(last.id) }], [{ label: turn.t("button-no"), data: cancelData }]],
    });
  }

  async function withdraw(turn: Turn, versionId: string): Promise<void> {
    const v = await loadVersion(db, versionId);
    if (!v || v.draft.personId !== turn.person.id) return turn.reply({ text: turn.t("error-not-found") });
    const closed = roundClosed(turn, v);
    if (closed) return closed;
    const now = rt.now();
    const told = await db.outboxMessage.findMany({ where: { key: { startsWith: `${reportKinds.submitted}:${versionId}:` } }, select: { personId: true } });
    const outcome = await withdrawVersion(db, {
      versionId,
      authorId: turn.person.id,
      now,
      notices: versionNotices(reportKinds.withdrawn, v.draft.round, versionId, told.map((r) => r.personId), now),
    });
    if (!outcome.ok) return turn.reply({ text: turn.t("report-withdraw-too-late", { title: v.draft.round.title }) });
    rt.kick();
    turn.log.info({ versionId }, "report withdrawn");
    await turn.reply({ text: turn.t("report-withdrawn-done") });
    return afterWithdraw(turn, v.draftId);
  }

  async function read(turn: Turn, versionId: string): Promise<void> {
    const v = await loadVersion(db, versionId);
    if (!v || !(await mayRead(db, turn.person.id, v))) return turn.reply({ text: turn.t("error-not-found") });
    const admin = await isCellAdmin(db, turn.person.id, v.draft.round.cellId);
    const messages = await renderVersion(db, rt.store, turn.t, v, { canDecide: admin });
    if (!messages) return turn.reply({ text: rt.texts(turn).templateMissing });
    for (const m of messages) await turn.reply(m);
  }

  async function viewOwn(turn: Turn, draftId: string): Promise<void> {
    const last = await db.reportVersion.findFirst({ where: { draftId, draft: { personId: turn.person.id } }, orderBy: { number: "desc" }, select: { id: true } });
    if (!last) return turn.reply({ text: turn.t("error-not-found") });
    return read(turn, last.id);
  }

  return { accept, askReturn, returnHandler, askWithdraw, withdraw, read, viewOwn };
}
