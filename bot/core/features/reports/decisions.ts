/**
 * What happens to a submitted report: the secretary or deputy accepts it or returns it with a
 * comment (flow "report.return", on the shared form runner); until then its author may take it
 * back. Each is decided once, whoever presses first; the services check who may, at that moment.
 */
import { isCellAdmin } from "../../domain/members.ts";
import { cancelButton, cancelChoice, textStep, type StepDef } from "../../kernel/dialogue/steps.ts";
import type { DialogueDecl, Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { personName } from "./queries.ts";
import { loadVersion, mayRead, ownLatestVersion, renderVersion, versionForAdmin } from "./reading.ts";
import { versionStatus } from "./records.ts";
import type { Runtime } from "./runtime.ts";
import { acceptVersion, returnVersion, type DecisionOutcome } from "./services/decide.ts";
import { withdrawVersion } from "./services/withdraw.ts";
import { forwardReport } from "./services/forward.ts";

export const returnFlow = "report.return";
export const returnCommentMax = 1000;

export interface Decisions {
  accept(turn: Turn, versionId: string): Promise<void>;
  askReturn(turn: Turn, versionId: string): Promise<void>;
  returnForm: DialogueDecl;
  askWithdraw(turn: Turn, draftId: string): Promise<void>;
  withdraw(turn: Turn, versionId: string): Promise<void>;
  /** An admin reads a version (with the decision buttons while it waits). */
  read(turn: Turn, versionId: string): Promise<void>;
  /** The author reads their latest submitted version. */
  viewOwn(turn: Turn, draftId: string): Promise<void>;
  /** The cell's secretary or deputy sends one report up to the committee above (asked, then done). */
  askForward(turn: Turn, versionId: string): Promise<void>;
  forward(turn: Turn, versionId: string): Promise<void>;
}

type NotDecided = Extract<DecisionOutcome, { ok: false }>;

export function createDecisions(rt: Runtime, afterWithdraw: (turn: Turn, draftId: string) => Promise<void>): Decisions {
  const { db, ctx } = rt;
  const roundClosed = (turn: Turn, title: string) => turn.reply({ text: turn.t("report-round-closed", { title }) });

  /** Why nothing changed: someone decided first, the author took it back, or the round closed. */
  function notDecided(turn: Turn, outcome: NotDecided): Promise<void> {
    if (outcome.reason === "closed") return roundClosed(turn, outcome.roundTitle);
    const name = outcome.authorName;
    if (outcome.status === versionStatus.withdrawn) return turn.reply({ text: turn.t("report-already-withdrawn", { name }) });
    const key = outcome.status === versionStatus.accepted ? "report-already-accepted" : "report-already-returned";
    return turn.reply({ text: turn.t(key, { name, by: outcome.decidedByName ?? "?" }) });
  }

  async function accept(turn: Turn, versionId: string): Promise<void> {
    const outcome = await acceptVersion(db, { versionId, actorId: turn.person.id, now: rt.now() });
    if (!outcome.ok) return notDecided(turn, outcome);
    ctx.kickOutbox();
    turn.log.info({ versionId }, "report accepted");
    await turn.reply({ text: turn.t("report-accepted-done", { name: outcome.authorName }) });
  }

  const commentStep: StepDef = {
    ...textStep("comment", "report-return-ask", (raw) => {
      const comment = raw.trim();
      if (comment.length === 0) return { ok: false, reason: "report-return-text-only" };
      // Handed back whole, so that nothing typed is lost.
      if (comment.length > returnCommentMax) return { ok: false, reason: "report-return-too-long", params: { count: comment.length, max: returnCommentMax }, echo: comment };
      return { ok: true, value: comment };
    }, { expectTextKey: "report-return-text-only" }),
    prompt: ({ t, data }) => ({ text: t("report-return-ask", { name: data.authorName ?? "?", max: returnCommentMax }), choices: [[cancelChoice(t)]] }),
    unsupportedKey: "report-return-text-only",
  };

  const returnForm = ctx.form({
    flow: returnFlow,
    steps: { comment: commentStep },
    finish: async (turn, data) => {
      const outcome = await returnVersion(db, { versionId: data.versionId ?? "", comment: data.comment ?? "", actorId: turn.person.id, now: rt.now() });
      if (!outcome.ok) return notDecided(turn, outcome);
      ctx.kickOutbox();
      turn.log.info({ versionId: data.versionId }, "report returned");
      await turn.reply({ text: turn.t("report-returned-done", { name: outcome.authorName }) });
    },
  });

  async function askReturn(turn: Turn, versionId: string): Promise<void> {
    const v = await versionForAdmin(db, { personId: turn.person.id, versionId });
    const authorName = v.draft.person.fullName ?? "?";
    if (v.status !== versionStatus.submitted) {
      const decidedByName = v.decidedById ? await personName(db, v.decidedById) : null;
      return notDecided(turn, { ok: false, reason: "handled", status: v.status, authorName, decidedByName });
    }
    // Once a round is closed a report can no longer come back to its author.
    if (v.draft.round.status !== "open") return roundClosed(turn, v.draft.round.title);
    await returnForm.start(turn, ["comment"], { versionId, authorName });
  }

  async function askWithdraw(turn: Turn, draftId: string): Promise<void> {
    const last = await ownLatestVersion(db, { personId: turn.person.id, draftId, member: true });
    if (!last) return turn.reply({ text: turn.t("error-not-found") });
    if (last.status !== versionStatus.submitted) return turn.reply({ text: turn.t("report-withdraw-too-late", { title: last.draft.round.title }) });
    await turn.reply({
      text: turn.t("report-withdraw-confirm", { title: last.draft.round.title, number: last.number }),
      choices: [[buttons.withdrawConfirm.choice(turn.t("report-button-withdraw-short"), { versionId: last.id })], [cancelButton.choice(turn.t("button-no"), {})]],
    });
  }

  async function withdraw(turn: Turn, versionId: string): Promise<void> {
    const outcome = await withdrawVersion(db, { versionId, actorId: turn.person.id, now: rt.now() });
    if (!outcome.ok) return outcome.reason === "closed" ? roundClosed(turn, outcome.roundTitle) : turn.reply({ text: turn.t("report-withdraw-too-late", { title: outcome.roundTitle }) });
    ctx.kickOutbox();
    turn.log.info({ versionId }, "report withdrawn");
    await turn.reply({ text: turn.t("report-withdrawn-done") });
    return afterWithdraw(turn, outcome.draftId);
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
    const last = await ownLatestVersion(db, { personId: turn.person.id, draftId });
    if (!last) return turn.reply({ text: turn.t("error-not-found") });
    return read(turn, last.id);
  }

  async function askForward(turn: Turn, versionId: string): Promise<void> {
    const v = await versionForAdmin(db, { personId: turn.person.id, versionId });
    const committee = v.draft.round.cell.committeeId ? await db.committee.findUnique({ where: { id: v.draft.round.cell.committeeId }, select: { name: true } }) : null;
    if (!committee) return turn.reply({ text: turn.t("report-forward-not-linked") });
    await turn.reply({
      text: turn.t("report-forward-confirm", { name: v.draft.person.fullName ?? "?", committee: committee.name }),
      choices: [[buttons.forwardConfirm.choice(turn.t("report-button-forward-confirm"), { versionId })], [cancelButton.choice(turn.t("button-no"), {})]],
    });
  }

  async function forward(turn: Turn, versionId: string): Promise<void> {
    const outcome = await forwardReport(db, { actorId: turn.person.id, versionId, now: rt.now() });
    if (!outcome.ok) return turn.reply({ text: turn.t(`report-forward-${outcome.reason}`) });
    ctx.kickOutbox();
    turn.log.info({ versionId, recipients: outcome.recipients }, "report forwarded to the committee");
    await turn.reply({ text: turn.t("report-forward-done", { committee: outcome.committee, count: outcome.recipients }) });
  }

  return { accept, askReturn, returnForm, askWithdraw, withdraw, read, viewOwn, askForward, forward };
}
