/** The secretary's dialogues that shape the calendar: a new meeting, the monthly rule, moving or re-placing a meeting, the reminder settings. */
import { heldUntil } from "../../delivery/quiet-hours.ts";
import type { DialogueData, FeatureContext, Turn } from "../../kernel/feature.ts";
import { monthlyRuleSchema, nextOccurrences } from "../../time/monthly-rule.ts";
import { atOf, documentsOf, draftOf } from "./draft.ts";
import { isAhead, meetingForAdmin, usualPlace, cellForAdmin } from "./queries.ts";
import { changeMeeting, createMeeting } from "./services/meetings.ts";
import { setMonthlyRule } from "./services/rules.ts";
import { setReminderSettings } from "./services/settings.ts";
import { documentOf, editPlan, meetingSteps } from "./steps.ts";
import { describeMonthlyRule, settingsText, whenText } from "./views.ts";

const planOf = (data: DialogueData) => (data._plan ?? "").split(",").filter(Boolean);

export function createMeetingForms(ctx: FeatureContext) {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();

  const newMeetingForm = ctx.form({
    flow: "meeting-new",
    steps: meetingSteps,
    next: (step, value, data) => {
      // «Sửa …» at the check: that question (its plan is set below), then the check again.
      if (step === "confirm") return editPlan(value)?.[0] ?? null;
      // A date typed with its time needs no time question: on to what follows the time.
      if (step === "date" && value?.startsWith("at:")) {
        const plan = planOf(data);
        return plan.includes("time") ? (plan[plan.indexOf("time") + 1] ?? null) : undefined;
      }
      // Each document asks for the next one.
      if (step === "documents" && value !== null) return "documents";
      return undefined;
    },
    onAnswer: async (turn, step, value, data) => {
      const next: DialogueData = { ...data };
      const edit = step === "confirm" ? editPlan(value) : null;
      if (edit) next._plan = edit.join(",");
      if (step === "date" && value?.startsWith("at:")) next.time = value;
      if (step === "documents" && value) {
        const docs = [...documentsOf(data), documentOf(value)];
        next.documentsJson = JSON.stringify(docs.slice(0, 10));
        await turn.reply({ text: turn.t("meeting-document-added", { count: docs.length }) });
      }
      return next;
    },
    finish: async (turn, data) => {
      const startsAt = atOf(data.time);
      const outcome = startsAt ? await createMeeting(db, { actorId: turn.person.id, cellId: data.cellId ?? "", draft: draftOf(data, startsAt), now: now() }) : null;
      // The time passed while the secretary was answering: back to the date, nothing else is lost.
      if (outcome?.kind !== "created") return { reask: "date", reason: turn.t("invalid-datetime-past") };
      ctx.kickOutbox();
      const held = heldUntil(outcome.cell, now());
      await turn.reply({ text: turn.t(held ? "meeting-saved-held" : "meeting-saved", { count: outcome.invited, when: whenText(turn.t, outcome.meeting.startsAt, outcome.cell.timeZone), ...held }) });
      return undefined;
    },
  });

  const ruleForm = ctx.form({
    flow: "meeting-rule",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const rule = monthlyRuleSchema.parse(JSON.parse(data.rule ?? "null"));
      const { cell, changed } = await setMonthlyRule(db, { actorId: turn.person.id, cellId: data.cellId ?? "", rule, place: data.rulePlace ?? null, now: now() });
      if (changed) ctx.kickOutbox();
      const next = nextOccurrences(rule, { after: now(), count: 2, timeZone: cell.timeZone }).map((d) => whenText(turn.t, d, cell.timeZone));
      await turn.reply({ text: turn.t("rule-saved", { rule: describeMonthlyRule(turn.t, rule), next: next.join("; ") }) });
    },
  });

  const moveForm = ctx.form({
    flow: "meeting-move",
    steps: meetingSteps,
    next: (step, value) => (step === "moveDate" && value?.startsWith("at:") ? null : undefined),
    onAnswer: async (_turn, step, value, data) => (step === "moveDate" && value?.startsWith("at:") ? { ...data, moveTime: value } : data),
    finish: async (turn, data) => {
      const startsAt = atOf(data.moveTime);
      if (!startsAt) return ctx.staleButton(turn);
      const { cell } = await changeMeeting(db, { actorId: turn.person.id, meetingId: data.meetingId ?? "", change: { startsAt }, now: now() });
      ctx.kickOutbox();
      const held = heldUntil(cell, now());
      await turn.reply({ text: turn.t(held ? "meeting-moved-held" : "meeting-moved", { when: whenText(turn.t, startsAt, cell.timeZone), ...held }) });
    },
  });

  const placeForm = ctx.form({
    flow: "meeting-place",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const { cell } = await changeMeeting(db, { actorId: turn.person.id, meetingId: data.meetingId ?? "", change: { place: data.newPlace ?? null }, now: now() });
      ctx.kickOutbox();
      const held = heldUntil(cell, now());
      await turn.reply({ text: turn.t(held ? "meeting-place-changed-held" : "meeting-place-changed", { place: data.newPlace ?? "", ...held }) });
    },
  });

  const settingsForm = ctx.form({
    flow: "meeting-settings",
    resumedBy: ["nhaclich"],
    steps: meetingSteps,
    finish: async (turn, data) => {
      const after = await setReminderSettings(db, { actorId: turn.person.id, cellId: data.cellId ?? "", offsets: data.offsets ?? null, quiet: data.quiet ?? null, now: now() });
      ctx.kickOutbox();
      await turn.reply({ text: settingsText(turn.t, after) });
    },
  });

  /** A meeting that can still be changed, for its secretary or deputy; a stale button otherwise. */
  async function changeable(turn: Turn, meetingId: string) {
    const meeting = await meetingForAdmin(db, { personId: turn.person.id, meetingId });
    if (isAhead(meeting, now())) return meeting;
    await ctx.staleButton(turn);
    return null;
  }

  return {
    forms: [newMeetingForm, ruleForm, moveForm, placeForm, settingsForm],
    startNew: (turn: Turn) =>
      ctx.withCell(turn, "hop", async (m) => {
        const { place } = await usualPlace(db, { personId: turn.person.id, cellId: m.cellId });
        const plan = ["kind", "title", "topic", "date", "time", "place", "agenda", "preparation", "documents", "confirm"];
        await newMeetingForm.start(turn, plan, { cellId: m.cellId, cellName: m.cell.name, timeZone: m.cell.timeZone, usualPlace: place, documentsJson: "[]" }, turn.t("new-meeting-intro"));
      }),
    startRule: (turn: Turn) =>
      ctx.withCell(turn, "hop", async (m) => {
        await cellForAdmin(db, { personId: turn.person.id, cellId: m.cellId });
        await ruleForm.start(turn, ["rule", "rulePlace"], { cellId: m.cellId });
      }),
    async startMove(turn: Turn, meetingId: string) {
      const meeting = await changeable(turn, meetingId);
      if (meeting) await moveForm.start(turn, ["moveDate", "moveTime"], { meetingId, timeZone: meeting.cell.timeZone });
    },
    async startPlace(turn: Turn, meetingId: string) {
      if (await changeable(turn, meetingId)) await placeForm.start(turn, ["newPlace"], { meetingId });
    },
    /** /nhaclich: the settings as they are, then the questions to change them. */
    startSettings: (turn: Turn) =>
      ctx.withCell(turn, "nhaclich", async (m) => {
        const { cell } = await cellForAdmin(db, { personId: turn.person.id, cellId: m.cellId });
        await turn.reply({ text: settingsText(turn.t, cell) });
        await settingsForm.start(turn, ["offsets", "quiet"], { cellId: m.cellId });
      }),
    changeable,
  };
}
