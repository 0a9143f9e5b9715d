/**
 * A committee's lead writes a notice (flow "committee.notice"): the text, who receives it (the
 * cells' secretaries and deputies, or every active member), a confirmation that shows how many it
 * reaches. Sent through the outbox (services/notices.ts).
 */
import { heldUntil } from "../../../delivery/quiet-hours.ts";
import { cancelChoice, choiceStep, stepChoice, type StepContext, type StepDef } from "../../../kernel/dialogue/steps.ts";
import type { DialogueData, FeatureContext, Turn } from "../../../kernel/feature.ts";
import { leadRoles, requirePost } from "../access.ts";
import { linkedCellCount, noticeReach } from "./queries.ts";
import { noticeAudiences, sendCommitteeNotice, type NoticeAudience } from "./services/notices.ts";
import { checkLongText, noticeLimits } from "./texts.ts";
import * as views from "./views.ts";

export const committeeNoticeFlow = "committee.notice";
const useButtons = { typedRefusalKey: "report-use-buttons" };
const audienceOf = (data: DialogueData): NoticeAudience => (data.noticeAudience === "secretaries" ? "secretaries" : "members");

export function createNoticeForm(ctx: FeatureContext) {
  const { db } = ctx.deps;
  const committeeOf = (data: DialogueData) => data.committeeId ?? "";
  const audienceLabel = (c: StepContext, audience: NoticeAudience) => (audience === "secretaries" ? c.t("ca-notice-audience-secretaries") : c.t("ca-notice-audience-members"));

  const noticeText: StepDef = {
    id: "noticeText",
    prompt: ({ t }) => ({ text: t("ca-notice-ask-text", { max: noticeLimits.max }), choices: [[cancelChoice(t)]] }),
    accept: (answer) => (answer.kind === "text" ? checkLongText(answer.text, noticeLimits) : { ok: false, reason: "invalid-expected-text" }),
  };

  const noticeAudience = choiceStep(
    "noticeAudience",
    "ca-notice-ask-audience",
    async (c) =>
      Promise.all(
        noticeAudiences.map(async (audience) => ({ value: audience, label: c.t("ca-notice-button-audience", { who: audienceLabel(c, audience), count: await noticeReach(db, committeeOf(c.data), audience) }) })),
      ),
    { ...useButtons, cancel: true },
  );

  const noticeConfirm: StepDef = {
    ...choiceStep("noticeConfirm", "ca-notice-confirm", ({ t }) => [{ value: "send", label: t("ca-notice-button-send") }], { ...useButtons, cancel: true }),
    prompt: async (c) => ({
      text: c.t("ca-notice-confirm", { text: c.data.noticeText ?? "", who: audienceLabel(c, audienceOf(c.data)), count: await noticeReach(db, committeeOf(c.data), audienceOf(c.data)) }),
      choices: [[stepChoice("noticeConfirm", "send", c.t("ca-notice-button-send"))], [cancelChoice(c.t)]],
    }),
  };

  const form = ctx.form({
    flow: committeeNoticeFlow,
    steps: { noticeText, noticeAudience, noticeConfirm },
    finish: async (turn, data) => {
      if (!data.noticeText) return { reask: "noticeText", reason: turn.t("stale-button") };
      const now = ctx.deps.now();
      const sent = await sendCommitteeNotice(db, { actorId: turn.person.id, committeeId: committeeOf(data), audience: audienceOf(data), text: data.noticeText, now });
      ctx.kickOutbox();
      turn.log.info({ noticeId: sent.noticeId, count: sent.count }, "committee notice planned");
      // Each cell's own quiet hours hold its rows back; the lead learns how many cells are in them now.
      await turn.reply(views.noticeSent(turn.t, sent.count, sent.cells.filter((c) => heldUntil(c, now)).length));
      return undefined;
    },
  });

  async function start(turn: Turn, committeeId: string): Promise<void> {
    const post = await requirePost(db, turn.person.id, committeeId, leadRoles);
    if ((await linkedCellCount(db, committeeId)) === 0) return turn.reply({ text: turn.t("ca-no-cells") });
    await form.start(turn, ["noticeText", "noticeAudience", "noticeConfirm"], { committeeId }, turn.t("ca-notice-intro", { committee: post.committee.name }));
  }

  return { form, start };
}
