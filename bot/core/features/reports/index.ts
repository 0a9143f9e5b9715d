/**
 * Self-review reports (báo cáo tự rà soát, bản kiểm điểm): rounds opened by the secretary, a
 * question-by-question dialogue that never loses a word, delivery to the secretary and deputy,
 * acceptance or return with a comment, reminders and a digest through the outbox.
 */
import { isAdminRole } from "../../domain/members.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import { on, type FeatureFactory, type Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { createDecisions } from "./decisions.ts";
import { createDraftDialogue, reportFlow } from "./draft-dialogue.ts";
import type { Template } from "./engine/template-schema.ts";
import { reportDocumentKinds, reportDocumentProducers } from "./documents.ts";
import { reportRenderers } from "./renderers.ts";
import { createRoundDialogue } from "./round-dialogue.ts";
import { createRounds } from "./rounds.ts";
import { createRuntime } from "./runtime.ts";
import { assignLateMembers } from "./services/assign.ts";
import { createTemplateStore } from "./template-store.ts";

export interface ReportsOptions {
  /** The folder of template files (default: the shipped templates). */
  templatesDir?: string;
  /** Templates given directly (tests, benchmarks) instead of a folder. */
  templates?: Template[];
}

export function createReportsFeature(options: ReportsOptions = {}): FeatureFactory {
  return (ctx) => {
    const store = createTemplateStore({ dir: options.templatesDir, templates: options.templates, logger: ctx.deps.logger });
    const rt = createRuntime(ctx, store);
    const drafts = createDraftDialogue(rt);
    const rounds = createRounds(rt);
    const roundDialogue = createRoundDialogue(rt);
    const decisions = createDecisions(rt, (turn, draftId) => drafts.open(turn, draftId, { proxy: false }));
    const newRound = (turn: Turn) => ctx.withCell(turn, "dotbaocao", (m) => roundDialogue.start(turn, m));

    return {
      name: "reports",
      commands: [
        { name: "baocao", menuRank: 40, run: (turn) => ctx.withCell(turn, "baocao", (m) => rounds.list(turn, m)) },
        { name: "dotbaocao", menuRank: 90, run: newRound },
      ],
      buttons: [
        on(buttons.open, (turn, { draftId }) => drafts.open(turn, draftId, { proxy: false })),
        on(buttons.proxy, (turn, { draftId }) => drafts.open(turn, draftId, { proxy: true })),
        on(buttons.view, (turn, { draftId }) => decisions.viewOwn(turn, draftId)),
        on(buttons.withdraw, (turn, { draftId }) => decisions.askWithdraw(turn, draftId)),
        on(buttons.withdrawConfirm, (turn, { versionId }) => decisions.withdraw(turn, versionId)),
        on(buttons.accept, (turn, { versionId }) => decisions.accept(turn, versionId)),
        on(buttons.returnIt, (turn, { versionId }) => decisions.askReturn(turn, versionId)),
        on(buttons.read, (turn, { versionId }) => decisions.read(turn, versionId)),
        on(buttons.forward, (turn, { versionId }) => decisions.askForward(turn, versionId)),
        on(buttons.forwardConfirm, (turn, { versionId }) => decisions.forward(turn, versionId)),
        on(buttons.status, (turn, { roundId }) => rounds.status(turn, roundId)),
        on(buttons.download, (turn, { versionId }) => ctx.offerDocument(turn, reportDocumentKinds.report, versionId)),
        on(buttons.downloadRound, (turn, { roundId }) => ctx.offerDocument(turn, reportDocumentKinds.round, roundId)),
        on(buttons.downloadStatus, (turn, { roundId }) => ctx.offerDocument(turn, reportDocumentKinds.status, roundId)),
        on(buttons.remindNow, (turn, { roundId }) => rounds.remindNow(turn, roundId)),
        on(buttons.forms, (turn, { roundId }) => rounds.forms(turn, roundId)),
        on(buttons.formPick, (turn, { draftId }) => rounds.formPick(turn, draftId)),
        on(buttons.formSet, (turn, { draftId, form }) => rounds.formSet(turn, draftId, form)),
        on(buttons.downloadCollective, (turn, { roundId }) => ctx.offerDocument(turn, reportDocumentKinds.collective, roundId)),
        on(buttons.close, (turn, { roundId }) => rounds.askClose(turn, roundId)),
        on(buttons.closeConfirm, (turn, { roundId }) => rounds.close(turn, roundId)),
        on(buttons.newRound, (turn) => newRound(turn)),
        // The engine's buttons: to the open report, or a polite word when none is open.
        on(buttons.engine, (turn, values, dialogue) =>
          dialogue?.flow === reportFlow ? drafts.handler(turn, dialogue, { kind: "choice", data: buttons.engine.data(values) }) : drafts.orphanChoice(turn, values.tag),
        ),
      ],
      // /baocao typed in the middle of a report shows it where it stands, rather than stopping it.
      dialogues: [{ flow: reportFlow, handler: drafts.handler, resumedBy: ["baocao"] }, drafts.profileForm, roundDialogue.form, decisions.returnForm],
      menu: (turn, m) => (m ? [menuChoice(turn.t("report-button-menu"), "baocao"), ...(isAdminRole(m.role) ? [menuChoice(turn.t("report-button-new-round"), "dotbaocao")] : [])] : []),
      help: (t, m) => (isAdminRole(m.role) ? `${t("report-help-member")}\n${t("report-help-admin")}` : t("report-help-member")),
      outbox: reportRenderers(store),
      documents: reportDocumentProducers(ctx.deps.db, store),
      // Members admitted after a round opened are told of it when admitted.
      onMembershipChanged: async (cellId) => {
        if ((await assignLateMembers(rt.db, { cellId, templateOf: (id) => store.latest(id), now: rt.now() })) > 0) ctx.kickOutbox();
      },
    };
  };
}

export const reportsFeature: FeatureFactory = createReportsFeature();
