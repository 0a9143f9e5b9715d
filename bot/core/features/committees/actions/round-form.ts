/**
 * A committee's lead opens a report round for its cells (flow "committee.round"): the template,
 * the title and the deadline are the reports' own questions (the same templates, the same reading
 * of a Vietnamese deadline in the committee's zone, the same refusals), then all cells or some
 * (a checklist ten cells a page), then a confirmation. The rounds are written by services/rounds.ts.
 */
import { z } from "zod";
import { foldVietnamese } from "../../../../lib/text.ts";
import { heldUntil } from "../../../delivery/quiet-hours.ts";
import { checklistDone } from "../../../kernel/dialogue/checklist.ts";
import { cancelChoice, choiceStep, stepChoice, type Accepted, type StepContext, type StepDef } from "../../../kernel/dialogue/steps.ts";
import type { DialogueData, FeatureContext, Turn } from "../../../kernel/feature.ts";
import { createRoundSteps } from "../../reports/round-steps.ts";
import type { Runtime } from "../../reports/runtime.ts";
import { clip, formatMoment } from "../../reports/views.ts";
import { leadRoles, requirePost } from "../access.ts";
import { cellPage, pageSize } from "../queries.ts";
import { pager } from "../views.ts";
import { isLinkedCell, linkedCellCount, linkedCellNames } from "./queries.ts";
import { openCommitteeRound } from "./services/rounds.ts";
import * as views from "./views.ts";

export const committeeRoundFlow = "committee.round";
const stepOrder = ["template", "title", "deadline", "scope", "cells", "roundConfirm"] as const;
/** A page of the cell checklist, as the value of its buttons: "_p3". Never a cell id (those are cuids). */
const pagePrefix = "_p";
const useButtons = { typedRefusalKey: "report-use-buttons" };

/** The cells ticked so far and the page shown: the checklist's working value. */
const pickSchema = z.object({ page: z.number().int().min(0), ids: z.array(z.string()) });
type CellPick = z.infer<typeof pickSchema>;

export function parsePick(json: string | null | undefined): CellPick {
  try {
    const parsed = pickSchema.safeParse(JSON.parse(json ?? "null"));
    return parsed.success ? parsed.data : { page: 0, ids: [] };
  } catch {
    return { page: 0, ids: [] };
  }
}

export function createRoundForm(ctx: FeatureContext, rt: Runtime) {
  const { db, store } = rt;
  const reportSteps = createRoundSteps(rt);
  const committeeOf = (data: DialogueData) => data.committeeId ?? "";

  const scope = choiceStep(
    "scope",
    "ca-round-ask-scope",
    async ({ t, data }) => [
      { value: "all", label: t("ca-round-button-all", { count: await linkedCellCount(db, committeeOf(data)) }) },
      { value: "some", label: t("ca-round-button-some") },
    ],
    useButtons,
  );

  /**
   * The checklist of cells, ten a page. The kernel's checklist shows every item at once, which a
   * committee of hundreds of cells cannot; this one keeps the page in its working value. A picked
   * cell must be linked to the committee at the moment of answering, so a forged id is refused.
   */
  const cells: StepDef = {
    id: "cells",
    applies: ({ data }) => data.scope === "some",
    prompt: async ({ t, data }) => {
      const pick = parsePick(data.cells);
      const { total, rows } = await cellPage(db, committeeOf(data), pick.page);
      const chosen = new Set(pick.ids);
      return {
        text: t("ca-round-ask-cells", { chosen: chosen.size, total }),
        choices: [
          ...rows.map((r) => [{ ...stepChoice("cells", r.id, `${chosen.has(r.id) ? "☑" : "☐"} ${clip(r.name, 50)}`), toggle: true }]),
          ...pager(t, pick.page, total, (p, label) => stepChoice("cells", `${pagePrefix}${p}`, label)),
          [stepChoice("cells", checklistDone, t("ca-round-button-cells-done", { count: chosen.size }))],
          [cancelChoice(t)],
        ],
      };
    },
    accept: async (answer, { data }): Promise<Accepted> => {
      const pick = parsePick(data.cells);
      let value: string | undefined;
      if (answer.kind === "pick") value = answer.value;
      else if (answer.kind === "text") {
        // Typed: a line's number on this page ticks it; «xong» saves.
        const folded = foldVietnamese(answer.text);
        if (["xong", "done", "luu"].includes(folded)) value = checklistDone;
        else if (/^\d{1,2}$/.test(folded)) value = (await cellPage(db, committeeOf(data), pick.page)).rows[Number(folded) - 1]?.id;
      }
      if (value === undefined) return { ok: false, reason: answer.kind === "pick" ? "invalid-choice" : "checklist-use-options" };
      if (value === checklistDone) return pick.ids.length > 0 ? { ok: true, value: JSON.stringify(pick) } : { ok: false, reason: "ca-round-cells-none" };
      if (value.startsWith(pagePrefix)) {
        const page = Number(value.slice(pagePrefix.length));
        const pages = Math.ceil((await linkedCellCount(db, committeeOf(data))) / pageSize);
        if (!Number.isInteger(page) || page < 0 || page >= pages) return { ok: false, reason: "invalid-choice" };
        return { ok: true, value: JSON.stringify({ ...pick, page }), stay: true };
      }
      if (!(await isLinkedCell(db, committeeOf(data), value))) return { ok: false, reason: "invalid-choice" };
      const ids = pick.ids.includes(value) ? pick.ids.filter((id) => id !== value) : [...pick.ids, value];
      return { ok: true, value: JSON.stringify({ ...pick, ids }), stay: true };
    },
  };

  async function confirmation({ t, data }: StepContext) {
    const template = reportSteps.templateOf(data);
    const cellsText =
      data.scope === "some"
        ? views.cellNames(t, await linkedCellNames(db, committeeOf(data), parsePick(data.cells).ids))
        : t("ca-round-cells-all", { count: await linkedCellCount(db, committeeOf(data)) });
    return {
      text: t("ca-round-confirm", {
        template: template?.title ?? "?",
        title: data.title ?? "?",
        deadline: data.deadline ? formatMoment(new Date(data.deadline), data.timeZone ?? ctx.deps.settings.defaultTimeZone) : "?",
        cells: cellsText,
      }),
      choices: [[stepChoice("roundConfirm", "open", t("ca-round-button-open"))], [cancelChoice(t)]],
    };
  }

  const roundConfirm: StepDef = {
    ...choiceStep("roundConfirm", "ca-round-confirm", ({ t }) => [{ value: "open", label: t("ca-round-button-open") }], { ...useButtons, cancel: true }),
    prompt: confirmation,
  };

  const { template, title, deadline } = reportSteps.steps;
  const form = ctx.form({
    flow: committeeRoundFlow,
    steps: { template, title, deadline, scope, cells, roundConfirm },
    onAnswer: async (_turn, step, value, data) => (step === "template" ? { ...data, templateId: store.byTag(value ?? "")?.id ?? null } : data),
    finish: async (turn, data) => {
      const chosen = reportSteps.templateOf(data);
      if (!chosen || !data.title) return { reask: "template", reason: turn.t("stale-button") };
      const due = new Date(data.deadline ?? "");
      const now = rt.now();
      // The dialogue may have waited: a deadline that has passed meanwhile is asked again.
      if (!(due.getTime() > now.getTime())) return { reask: "deadline", reason: turn.t("report-deadline-past") };
      const outcome = await openCommitteeRound(db, {
        actorId: turn.person.id,
        committeeId: committeeOf(data),
        cellIds: data.scope === "some" ? parsePick(data.cells).ids : null,
        template: chosen,
        title: data.title,
        deadline: due,
        now,
      });
      ctx.kickOutbox();
      const opened = outcome.cells.flatMap((o) => (o.kind === "opened" ? [o] : []));
      turn.log.info({ committeeRoundId: outcome.committeeRoundId, cells: opened.length, skipped: outcome.cells.length - opened.length }, "committee round opened");
      const heldCells = opened.filter((o) => heldUntil(o.cell, now)).length;
      await turn.reply(views.roundOpened(turn.t, { title: data.title, outcomes: outcome.cells, heldCells, committeeRoundId: outcome.committeeRoundId }));
      return undefined;
    },
  });

  async function start(turn: Turn, committeeId: string): Promise<void> {
    const post = await requirePost(db, turn.person.id, committeeId, leadRoles);
    if ((await linkedCellCount(db, committeeId)) === 0) return turn.reply({ text: turn.t("ca-no-cells") });
    store.refresh();
    if (store.choosable().length === 0) return turn.reply({ text: turn.t("report-no-templates") });
    await form.start(turn, [...stepOrder], { committeeId, timeZone: post.committee.timeZone }, turn.t("ca-round-intro", { committee: post.committee.name }));
  }

  return { form, start };
}
