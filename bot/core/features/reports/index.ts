/**
 * Self-review reports (báo cáo tự rà soát, bản kiểm điểm): rounds opened by the secretary, a
 * question-by-question dialogue that never loses a word, delivery to the secretary and deputy,
 * acceptance or return with a comment, reminders and a digest through the outbox.
 */
import type { ChoiceHandler, FeatureFactory } from "../../kernel/feature.ts";
import { adminRoles, type Role } from "../../domain/members.ts";
import { isReportChoice } from "./engine/engine.ts";
import type { Template } from "./engine/template-schema.ts";
import { act, actionPrefix, roundPrefix } from "./choices.ts";
import { createDecisions, returnFlow } from "./decisions.ts";
import { createDraftDialogue, reportFlow } from "./draft-dialogue.ts";
import { reportRenderers } from "./renderers.ts";
import { createRoundDialogue, roundFlow } from "./round-dialogue.ts";
import { createRounds } from "./rounds.ts";
import { createRuntime } from "./runtime.ts";
import { createTemplateStore } from "./template-store.ts";

export interface ReportsOptions {
  /** The folder of template files (default: the shipped templates). */
  templatesDir?: string;
  /** Templates given directly (tests, benchmarks) instead of a folder. */
  templates?: Template[];
}

const isAdmin = (role: string) => adminRoles.includes(role as Role);

export function createReportsFeature(options: ReportsOptions = {}): FeatureFactory {
  return (ctx) => {
    const store = createTemplateStore({ dir: options.templatesDir, templates: options.templates, logger: ctx.deps.logger });
    const rt = createRuntime(ctx, store);
    const drafts = createDraftDialogue(rt);
    const rounds = createRounds(rt);
    const roundDialogue = createRoundDialogue(rt);
    const decisions = createDecisions(rt, (turn, draftId) => drafts.open(turn, draftId, { proxy: false }));

    /** `bc:<action>:<id>` buttons. */
    const actionChoice: ChoiceHandler = async (turn, [action = "", id = ""]) => {
      switch (action) {
        case act.open:
          return drafts.open(turn, id, { proxy: false });
        case act.proxy:
          return drafts.open(turn, id, { proxy: true });
        case act.view:
          return decisions.viewOwn(turn, id);
        case act.withdraw:
          return decisions.askWithdraw(turn, id);
        case act.withdrawConfirm:
          return decisions.withdraw(turn, id);
        case act.accept:
          return decisions.accept(turn, id);
        case act.returnIt:
          return decisions.askReturn(turn, id);
        case act.read:
          return decisions.read(turn, id);
        case act.status:
          return rounds.status(turn, id);
        case act.remindNow:
          return rounds.remindNow(turn, id);
        case act.close:
          return rounds.askClose(turn, id);
        case act.closeConfirm:
          return rounds.close(turn, id);
        case act.newRound:
          return ctx.withCell(turn, "dotbaocao", (m) => roundDialogue.start(turn, m));
        default:
          return ctx.staleButton(turn);
      }
    };

    /** The engine's buttons: to the open report, or a polite word when none is open. */
    const engineChoice: ChoiceHandler = async (turn, parts, dialogue) => {
      const data = ["rp", ...parts].join(":");
      if (!isReportChoice(data)) return ctx.staleButton(turn);
      if (dialogue?.flow === reportFlow) return drafts.handler(turn, dialogue, { kind: "choice", data });
      return drafts.orphanChoice(turn, data);
    };

    return {
      name: "reports",
      commands: {
        baocao: (turn) => ctx.withCell(turn, "baocao", (m) => rounds.list(turn, m)),
        dotbaocao: (turn) => ctx.withCell(turn, "dotbaocao", (m) => roundDialogue.start(turn, m)),
      },
      choices: { [actionPrefix]: actionChoice, [roundPrefix]: roundDialogue.choice, rp: engineChoice },
      dialogues: { [reportFlow]: drafts.handler, [roundFlow]: roundDialogue.handler, [returnFlow]: decisions.returnHandler },
      menu: (t, m) => [[{ label: t("report-button-menu"), data: "m:baocao" }], ...(isAdmin(m.role) ? [[{ label: t("report-button-new-round"), data: "m:dotbaocao" }]] : [])],
      help: (t, m) => (isAdmin(m.role) ? `${t("report-help-member")}\n${t("report-help-admin")}` : t("report-help-member")),
      outbox: reportRenderers(store),
    };
  };
}

export const reportsFeature: FeatureFactory = createReportsFeature();
