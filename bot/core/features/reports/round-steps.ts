/**
 * The questions of the round dialogue (flow "report.round"), as steps of the shared runner. Every
 * answer, typed or picked, passes the same check: a picked deadline is read like a typed one, a
 * picked meeting must be one of the cell's upcoming meetings at the moment of answering.
 */
import type { OutboundMessage } from "../../contract/messages.ts";
import type { DialogueData } from "../../kernel/feature.ts";
import { checklistStep } from "../../kernel/dialogue/checklist.ts";
import { cancelChoice, choiceStep, stepChoice, type Accepted, type StepContext, type StepDef } from "../../kernel/dialogue/steps.ts";
import { memberCategories } from "../../domain/people.ts";
import { parseViDateTime } from "../../time/parse-vi-datetime.ts";
import { activeCandidates, leftOut, mustAnswer, type AudienceRule } from "./audience.ts";
import { impliedForm, isReview2025 } from "./review-2025.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { templateTag } from "./engine/choice-data.ts";
import type { Template } from "./engine/template-schema.ts";
import { cellMeeting, upcomingMeetings } from "./queries.ts";
import type { Runtime } from "./runtime.ts";
import { clip, formatMoment } from "./views.ts";

export const roundStepOrder = ["template", "title", "deadline", "audience", "categories", "exempt", "meeting", "confirm"] as const;
export const roundTitleLimits = { min: 3, max: 120 } as const;
/** The value of the «Dùng tên: …» button of the title question. */
const templateTitle = "default";
/** Only one end of the day is meant when a secretary types a date without a time. */
const endOfDay = " 23h59";
const noMeeting = "none";

/** The categories ticked in the checklist, in their usual order; null when none. */
function tickedCategories(data: DialogueData): string[] | null {
  try {
    const states = JSON.parse(data.categories ?? "{}") as Record<string, unknown>;
    const ticked = memberCategories.filter((c) => states[c] === "on");
    return ticked.length > 0 ? ticked : null;
  } catch {
    return null;
  }
}

/** Who must answer, as the answers so far say: every category unless "by category" was chosen. */
export const audienceRule = (data: DialogueData): AudienceRule => ({
  categories: data.audience === "cat" ? tickedCategories(data) : null,
  includeExempt: data.exempt === "1",
});

export const meetingOf = (data: DialogueData): string | null => (data.meeting && data.meeting !== noMeeting ? data.meeting : null);

/** A typed answer that fits no option, in the feature's own words, as the round dialogue has always said it. */
const useButtons = { typedRefusalKey: "report-use-buttons" };

/** A deadline typed the Vietnamese way, end of day when no time is given; past, too far and impossible dates refused. */
export function parseDeadline(raw: string, context: { now: Date; timeZone: string }): Accepted {
  const text = raw.trim();
  let parsed = parseViDateTime(text, context);
  if (!parsed.ok && parsed.reason === "missing_time" && parsed.detail === "time") parsed = parseViDateTime(text + endOfDay, context);
  if (parsed.ok) return { ok: true, value: parsed.at.toISOString() };
  const reason = ({ past: "report-deadline-past", too_far: "report-deadline-too-far", invalid_date: "report-deadline-invalid" } as Record<string, string>)[parsed.reason] ?? "report-deadline-unclear";
  return { ok: false, reason, params: { text: clip(text, 60) } };
}

export function createRoundSteps(rt: Runtime) {
  const { db, store } = rt;
  const templateOf = (data: DialogueData): Template | undefined => (data.templateId ? store.latest(data.templateId) : undefined);
  const timeZoneOf = (data: DialogueData) => data.timeZone ?? rt.ctx.deps.settings.defaultTimeZone;
  const meetings = (c: StepContext) => upcomingMeetings(db, { cellId: c.data.cellId ?? "", now: c.now });

  /**
   * Members the round would reach, and the exempt ones the secretary may add. Before a template is
   * chosen, as if it were meant for everyone: the number of questions shown at the start is then
   * rarely wrong.
   */
  async function reach(data: DialogueData) {
    const template = templateOf(data) ?? { audience: {} };
    const candidates = await activeCandidates(db, data.cellId ?? "");
    const rule = audienceRule(data);
    const deadline = data.deadline ? new Date(data.deadline) : undefined;
    return {
      chosen: mustAnswer(candidates, rule, template, deadline),
      exempt: mustAnswer(candidates, { ...rule, includeExempt: true }, template, deadline).filter((c) => c.exempt),
      leftOut: deadline ? leftOut(candidates, template, deadline) : [],
    };
  }

  /** HD 43 §4.1: the year-end review ends before 31/12; the suggested deadline is the 20th (or the 30th when later). */
  function suggestedReviewDeadline(now: Date, timeZone: string): string {
    const today = utcToZonedWall(now, timeZone);
    const day = today.month < 12 || today.day < 20 ? 20 : 30;
    return `${day}/12/${today.year}`;
  }

  const template = choiceStep("template", "report-ask-template", () => store.choosable().map((tp) => ({ value: templateTag(tp.id), label: clip(tp.title, 56) })), useButtons);

  const title: StepDef = {
    id: "title",
    prompt: ({ t, data }) => {
      const chosen = templateOf(data);
      const text = t("report-ask-title", { min: roundTitleLimits.min, max: roundTitleLimits.max });
      return { text, choices: chosen ? [[stepChoice("title", templateTitle, t("report-button-use-template-title", { title: clip(chosen.title, 40) }))]] : [] };
    },
    accept: (answer, { data }) => {
      if (answer.kind === "pick") {
        const chosen = templateOf(data);
        return answer.value === templateTitle && chosen ? { ok: true, value: chosen.title } : { ok: false, reason: "invalid-choice" };
      }
      if (answer.kind !== "text") return { ok: false, reason: "invalid-expected-text" };
      const value = answer.text.normalize("NFC").trim().replace(/\s+/g, " ");
      if (value.length < roundTitleLimits.min || value.length > roundTitleLimits.max || value.startsWith("/"))
        return { ok: false, reason: "report-title-invalid", params: { min: roundTitleLimits.min, max: roundTitleLimits.max } };
      return { ok: true, value };
    },
  };

  const deadline: StepDef = {
    id: "deadline",
    prompt: ({ t, data, now }) => {
      if (!isReview2025(templateOf(data))) return { text: t("report-ask-deadline") };
      const suggested = suggestedReviewDeadline(now, timeZoneOf(data));
      return { text: `${t("report-ask-deadline")}\n\n${t("report-review-deadline-hint")}`, choices: [[stepChoice("deadline", suggested, t("report-button-review-deadline", { date: suggested }))]] };
    },
    accept: (answer, c) => {
      // The question has no buttons; a value arriving as one is read exactly as if it had been typed.
      if (answer.kind === "file") return { ok: false, reason: "invalid-expected-text" };
      return parseDeadline(answer.kind === "text" ? answer.text : answer.value, { now: c.now, timeZone: timeZoneOf(c.data) });
    },
  };

  const audience = choiceStep(
    "audience",
    "report-ask-audience",
    async ({ t, data }) => [
      { value: "all", label: t("report-button-audience-all", { count: (await reach({ ...data, audience: "all", exempt: "0" })).chosen.length }) },
      { value: "cat", label: t("report-button-audience-categories") },
    ],
    useButtons,
  );

  const categories = checklistStep<"off" | "on">({
    id: "categories",
    title: ({ t }) => t("report-ask-categories"),
    items: ({ t }) => memberCategories.map((key) => ({ key, label: t(`category-${key}`) })),
    states: ["off", "on"],
    mark: { off: "☐", on: "☑" },
    doneLabel: (t) => t("report-button-done"),
    refuseDone: (states) => (Object.values(states).includes("on") ? null : "report-categories-none"),
    applies: ({ data }) => data.audience === "cat",
  });

  const exempt = choiceStep(
      "exempt",
      async ({ t, data }) => {
        const names = (await reach(data)).exempt.map((c) => c.fullName);
        return t("report-ask-exempt", { count: names.length, names: names.join(", ") });
      },
      ({ t }) => [
        { value: "0", label: t("report-button-exempt-no") },
        { value: "1", label: t("report-button-exempt-yes") },
      ],
      // Asked only when the round would reach someone exempt from meetings; never in a 2025 review,
      // which leaves exempt members out by rule (QĐ 366 Điều 5).
      { ...useButtons, applies: async ({ data }) => !isReview2025(templateOf(data)) && (await reach(data)).exempt.length > 0 },
  );

  const meeting = choiceStep(
      "meeting",
      "report-ask-meeting",
      async (c) => [
        ...(await meetings(c)).map((m) => ({ value: m.id, label: clip(`${formatMoment(m.startsAt, timeZoneOf(c.data))}${m.title ? ` · ${m.title}` : ""}`, 56) })),
        { value: noMeeting, label: c.t("report-button-no-meeting") },
      ],
      { ...useButtons, applies: async (c) => (await meetings(c)).length > 0 },
  );

  async function confirmation({ t, data }: StepContext): Promise<OutboundMessage> {
    const tz = timeZoneOf(data);
    const rule = audienceRule(data);
    const meetingId = meetingOf(data);
    const linked = meetingId ? await cellMeeting(db, { cellId: data.cellId ?? "", meetingId }) : null;
    const words = [rule.categories ? t("report-audience-some", { list: rule.categories.map((c) => t(`category-${c}`)).join(", ") }) : t("report-audience-all")];
    if (rule.includeExempt) words.push(t("report-audience-with-exempt"));
    const reached = await reach(data);
    const review = isReview2025(templateOf(data)) ? reviewNotes(t, data, reached) : "";
    return {
      text: review + t("report-confirm-round", {
        template: templateOf(data)?.title ?? "?",
        title: data.title ?? "?",
        deadline: data.deadline ? formatMoment(new Date(data.deadline), tz) : "?",
        audience: words.join(", "),
        count: reached.chosen.length,
        meeting: linked ? `${formatMoment(linked.startsAt, tz)}${linked.title ? ` · ${linked.title}` : ""}` : t("report-meeting-none"),
      }),
      choices: [[stepChoice("confirm", "open", t("report-button-open-round"))], [cancelChoice(t)]],
    };
  }

  /** What the secretary should know before opening a 2025 review: who is left out and why, the forms, the deadline. */
  function reviewNotes(t: StepContext["t"], data: DialogueData, reached: Awaited<ReturnType<typeof reach>>): string {
    const lines: string[] = [];
    if (reached.leftOut.length > 0) {
      lines.push(t("report-review-left-out", { list: reached.leftOut.map((l) => `${l.candidate.fullName} (${t(`report-exclusion-${l.reason}`)})`).join("; ") }));
    }
    const forms = { "2A": 0, "2B": 0, "2C": 0, unknown: 0 };
    for (const c of reached.chosen) {
      if (c.holdsPost === null) forms.unknown++;
      else forms[impliedForm(c)]++;
    }
    lines.push(t("report-review-forms", { a: forms["2A"], b: forms["2B"], c: forms["2C"], unknown: forms.unknown }));
    const served = templateOf(data)?.reviewForms ?? [];
    if (forms["2A"] > 0 && !served.includes("2A")) lines.push(t("report-review-no-2a", { count: forms["2A"] }));
    const deadline = data.deadline ? utcToZonedWall(new Date(data.deadline), timeZoneOf(data)) : null;
    // HD 43 §4.1: before 31/12 (units of a special character: 15/01 of the next year).
    if (deadline && ((deadline.month === 12 && deadline.day === 31) || deadline.month === 1)) lines.push(t("report-review-late-deadline"));
    return `${lines.filter(Boolean).join("\n")}\n\n`;
  }

  const confirm: StepDef = {
    ...choiceStep("confirm", "report-confirm-round", ({ t }) => [{ value: "open", label: t("report-button-open-round") }], { ...useButtons, cancel: true }),
    prompt: confirmation,
  };

  const steps: Record<(typeof roundStepOrder)[number], StepDef> = { template, title, deadline, audience, categories, exempt, meeting, confirm };
  return { steps, templateOf };
}
