/**
 * The template a member actually answers: the round's template plus, where needed, two questions
 * the bot adds itself (its own wording, never presented as official):
 *
 * - "Do you hold a leadership or management post?" first, when the template has questions only for
 *   members holding a post. The profile has no such field, and the answer belongs to this report
 *   (it can change between two reports), so it is asked here; the step stands for the profile's
 *   `holdsPost` from then on (`setsProfile`).
 * - The follow-up of "tự sửa": what the member committed to fix in their previous report, and how it
 *   went, right after the template's opening texts. In a 2025 year-end review (kind "review2025")
 *   each fault carried in becomes its own question at the head of section III: fixed, being fixed or
 *   not fixed, then a word on it, as the form asks «kiểm điểm rõ từng hạn chế, khuyết điểm».
 * - In a 2025 review, section IV («Giải trình những vấn đề được gợi ý kiểm điểm») only when the
 *   committee raised issues for this member, quoting them; and the pledge the member recorded at the
 *   start of the year shown in the question that asks how it was kept.
 *
 * Both are ordinary engine steps, so they are saved, reviewed, edited and printed like any other.
 */
import type { Translator } from "../../../i18n/index.ts";
import type { Condition } from "./engine/conditions.ts";
import { reviewParts } from "./engine/review-structure.ts";
import { memberCategories, stepSchema, type MemberCategory, type MemberProfile, type Step, type Template } from "./engine/template-schema.ts";

export const holdsPostStepId = "giu-chuc-vu";
export const followUpStepId = "tu-sua-lan-truoc";
/** Longest part of the previous commitment quoted in the question; the rest is in the previous report. */
const followUpQuoteMax = 1500;

function mentionsHoldsPost(c: Condition | undefined): boolean {
  if (!c) return false;
  if ("all" in c) return c.all.some(mentionsHoldsPost);
  if ("any" in c) return c.any.some(mentionsHoldsPost);
  if ("not" in c) return mentionsHoldsPost(c.not);
  // The form follows from holding a post, unless the secretary chose it.
  return "profile" in c && (c.profile === "holdsPost" || c.profile === "form");
}

/** Whether anything in the template depends on the member holding a post. */
export function usesHoldsPost(template: Template): boolean {
  return template.steps.some((s) => mentionsHoldsPost(s.when)) || (template.reportSubtitles ?? []).some((s) => mentionsHoldsPost(s.when));
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

export interface DeriveInput {
  template: Template;
  /** The previous commitments, as copied on the draft when it started; null for none. */
  followUpText: string | null;
  /** The issues raised for this member's review (one per line), as copied on the draft; null for none. */
  raisedText?: string | null;
  /** The member's pledge for the year, as copied on the draft; null for none. */
  pledgeText?: string | null;
  t: Translator;
}

/** Section IV of the 2025 personal forms, word for word (texts-2025.md §4.2). */
export const raisedSection = "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)";
const raisedHeading = "Giải trình từng vấn đề được gợi ý kiểm điểm, nêu nguyên nhân, xác định trách nhiệm của cá nhân đối với từng vấn đề được gợi ý kiểm điểm.";
export const raisedStepId = "giai-trinh-goi-y";
/** More faults than this were not written one per line: they are followed up as one. */
const maxCarriedItems = 8;
const carriedOptions = ["da", "dang", "chua"] as const;

/** The faults of the previous report, one per line as the form's hint asks; bullets and numbers dropped. */
export function carriedItems(followUpText: string): string[] {
  const lines = followUpText
    .split(/\n+/)
    .map((l) => l.replace(/^\s*(?:[-•*+]|\d{1,2}[.)])\s*/, "").trim())
    .filter((l) => l.length > 0);
  return lines.length === 0 || lines.length > maxCarriedItems ? [followUpText.trim()] : lines;
}

const cache = new Map<string, Template>();
const cacheLimit = 500;

/** The template with the bot's own questions added; memoised, as it is needed on every answer. */
export function deriveTemplate({ template, followUpText, raisedText = null, pledgeText = null, t }: DeriveInput): Template {
  const review = template.kind === "review2025";
  // A 2025 review is opened only once the profile says whether the member holds a post (asked once,
  // stored on the person), so the question is not repeated inside every review.
  const askPost = usesHoldsPost(template) && !review;
  const raised = review ? raisedText : null;
  const pledge = template.steps.some((s) => s.kind !== "info" && s.pledge === "show") ? pledgeText : null;
  if (!askPost && !followUpText && !raised && !pledge) return template;
  const title = t("report-holds-post-title");
  // The language enters the key through a translated title: the same locale gives the same texts.
  const key = JSON.stringify([template.id, template.version, askPost, title, followUpText, raised, pledge]);
  const hit = cache.get(key);
  if (hit) return hit;

  const taken = new Set(template.steps.map((s) => s.id));
  const extra = (step: Record<string, unknown>): Step | null => (taken.has(step.id as string) ? null : stepSchema.parse(step));
  const post = askPost
    ? extra({ id: holdsPostStepId, kind: "yesno", title, prompt: t("report-holds-post-prompt"), hint: t("report-holds-post-hint"), reportAs: "field", setsProfile: "holdsPost" })
    : null;
  let steps: Step[] = template.steps.map((s) => (pledge && s.kind !== "info" && s.pledge === "show" ? { ...s, prompt: `${t("report-pledge-shown", { pledge: clip(pledge, followUpQuoteMax) })}\n\n${s.prompt}` } : s));
  if (review) {
    steps = withCarriedFaults(steps, followUpText, t, extra);
    steps = withRaisedIssues(steps, raised, t, extra);
  } else if (followUpText) {
    const followUp = extra({
      id: followUpStepId,
      kind: "text",
      section: t("report-follow-up-section"),
      title: t("report-follow-up-title"),
      prompt: t("report-follow-up-prompt", { commitment: clip(followUpText, followUpQuoteMax) }),
      hint: t("report-follow-up-hint"),
      minLength: 10,
    });
    const firstQuestion = steps.findIndex((s) => s.kind !== "info");
    steps = [...steps.slice(0, firstQuestion), ...(followUp ? [followUp] : []), ...steps.slice(firstQuestion)];
  }
  const derived: Template = { ...template, steps: post ? [post, ...steps] : steps };
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, derived);
  return derived;
}

const sectionIndex = (steps: Step[], numeral: string) => steps.findIndex((s) => s.part === reviewParts.a && (s.section ?? "").startsWith(`${numeral} `));

/** Each fault carried in from the previous report, asked at the head of section III. */
function withCarriedFaults(steps: Step[], followUpText: string | null, t: Translator, extra: (s: Record<string, unknown>) => Step | null): Step[] {
  const at = sectionIndex(steps, "III.");
  if (!followUpText || at < 0) return steps;
  const section = steps[at]!.section;
  const added = carriedItems(followUpText).flatMap((fault, i) => {
    const n = i + 1;
    const base = { part: reviewParts.a, section };
    return [
      extra({
        ...base,
        id: `khac-phuc-${n}`,
        kind: "single",
        title: t("report-carried-title", { n, fault: clip(fault, 60) }),
        heading: clip(t("report-carried-heading", { fault }), 600),
        prompt: t("report-carried-prompt", { fault: clip(fault, followUpQuoteMax) }),
        options: carriedOptions.map((id) => ({ id, label: t(`report-carried-${id}`) })),
      }),
      extra({ ...base, id: `khac-phuc-${n}-ghi`, kind: "text", title: t("report-carried-note-title"), prompt: t("report-carried-note-prompt"), hint: t("report-carried-note-hint"), minLength: 5, maxLength: 2000 }),
    ].filter((s): s is Step => s !== null);
  });
  return [...steps.slice(0, at), ...added, ...steps.slice(at)];
}

/** Section IV, only when issues were raised for this member: before section V (or VI). */
function withRaisedIssues(steps: Step[], raisedText: string | null, t: Translator, extra: (s: Record<string, unknown>) => Step | null): Step[] {
  if (!raisedText) return steps;
  const v = sectionIndex(steps, "V.");
  const at = v >= 0 ? v : sectionIndex(steps, "VI.");
  const step = extra({
    id: raisedStepId,
    kind: "text",
    part: reviewParts.a,
    section: raisedSection,
    title: t("report-raised-title"),
    heading: raisedHeading,
    prompt: t("report-raised-prompt", { issues: clip(raisedText, followUpQuoteMax) }),
    minLength: 10,
  });
  if (!step || at < 0) return steps;
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

/** The template a draft is answered on: the round's, with what was carried onto the draft when it started. */
export const deriveForDraft = (template: Template, draft: { followUpText: string | null; raisedText: string | null; pledgeText: string | null }, t: Translator) =>
  deriveTemplate({ template, followUpText: draft.followUpText, raisedText: draft.raisedText, pledgeText: draft.pledgeText, t });

const isCategory = (c: string | null | undefined): c is MemberCategory => (memberCategories as readonly (string | null | undefined)[]).includes(c);

/**
 * The engine's view of the author. Whether they hold a post is not in the profile: the added
 * question answers it (its step `setsProfile`), so it starts as false here.
 */
export function profileOf(category: string | null | undefined, known: { holdsPost?: boolean | null; reviewForm?: string | null } = {}): MemberProfile {
  const form = (["2A", "2B", "2C"] as const).find((f) => f === known.reviewForm);
  return { category: isCategory(category) ? category : "khac", holdsPost: known.holdsPost ?? false, ...(form ? { reviewForm: form } : {}) };
}

