/**
 * The secretary (or deputy) opens a report round: template, title, deadline typed the Vietnamese
 * way, who must answer, optionally the meeting it is for (questions in round-steps.ts). On
 * confirmation the round, one draft per member and their notices are written at once
 * (services/assign.ts), after checking once more what may have changed while the dialogue waited.
 */
import { heldUntil } from "../../delivery/quiet-hours.ts";
import type { MembershipWithCell } from "../../domain/members.ts";
import type { DialogueData, DialogueDecl, Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { defaultReminderOffsets } from "./payloads.ts";
import { roundOpener } from "./queries.ts";
import { audienceRule, createRoundSteps, meetingOf, roundStepOrder } from "./round-steps.ts";
import type { Runtime } from "./runtime.ts";
import { openRound } from "./services/assign.ts";

export const roundFlow = "report.round";

export interface RoundDialogue {
  start(turn: Turn, membership: MembershipWithCell): Promise<void>;
  form: DialogueDecl;
}

export function createRoundDialogue(rt: Runtime): RoundDialogue {
  const { ctx, db, store } = rt;
  const { steps, templateOf } = createRoundSteps(rt);

  const form = ctx.form({
    flow: roundFlow,
    // /dotbaocao typed again while opening a round shows the question it stands at.
    resumedBy: ["dotbaocao"],
    steps,
    onAnswer: async (_turn, step, value, data) => (step === "template" ? { ...data, templateId: store.byTag(value ?? "")?.id ?? null } : data),
    finish: async (turn, data) => {
      const template = templateOf(data);
      if (!template || !data.title) return { reask: "template", reason: turn.t("stale-button") };
      const deadline = new Date(data.deadline ?? "");
      const now = rt.now();
      // The dialogue may have waited: a deadline that has passed meanwhile is asked again.
      if (!(deadline.getTime() > now.getTime())) return { reask: "deadline", reason: turn.t("report-deadline-past") };
      const rule = audienceRule(data);
      const outcome = await openRound(db, {
        actorId: turn.person.id,
        cellId: data.cellId ?? "",
        template,
        title: data.title,
        deadline,
        categories: rule.categories ? [...rule.categories] : null,
        includeExempt: rule.includeExempt,
        meetingId: meetingOf(data),
        reminderOffsets: defaultReminderOffsets,
        now,
      });
      if (!outcome.ok) return { reask: "audience", reason: turn.t("report-round-no-one") };
      ctx.kickOutbox();
      turn.log.info({ roundId: outcome.round.id, templateId: template.id, assigned: outcome.assigned }, "report round opened");
      const held = heldUntil(outcome.cell, now);
      await turn.reply({
        text: turn.t(held ? "report-round-opened-done-held" : "report-round-opened-done", { title: outcome.round.title, count: outcome.assigned, ...held }),
        choices: [[buttons.status.choice(turn.t("report-button-status-short"), { roundId: outcome.round.id })]],
      });
      return undefined;
    },
  });

  async function start(turn: Turn, membership: MembershipWithCell): Promise<void> {
    await roundOpener(db, { personId: turn.person.id, cellId: membership.cellId });
    store.refresh();
    if (store.choosable().length === 0) return turn.reply({ text: turn.t("report-no-templates") });
    const data: DialogueData = { cellId: membership.cellId, timeZone: membership.cell.timeZone };
    await form.start(turn, [...roundStepOrder], data, turn.t("report-new-round-intro", { cell: membership.cell.name }));
  }

  return { start, form };
}
