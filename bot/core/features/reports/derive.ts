/**
 * The template a member actually answers: the round's template plus, where needed, two questions
 * the bot adds itself (its own wording, never presented as official):
 *
 * - "Do you hold a leadership or management post?" first, when the template has questions only for
 *   members holding a post. The profile has no such field, and the answer belongs to this report
 *   (it can change between two reports), so it is asked here; the step stands for the profile's
 *   `holdsPost` from then on (`setsProfile`).
 * - The follow-up of "tự sửa": what the member committed to fix in their previous report, and how it
 *   went, right after the template's opening texts.
 *
 * Both are ordinary engine steps, so they are saved, reviewed, edited and printed like any other.
 */
import type { Translator } from "../../../i18n/index.ts";
import type { Condition } from "./engine/conditions.ts";
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
  return "profile" in c && c.profile === "holdsPost";
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
  t: Translator;
}

const cache = new Map<string, Template>();
const cacheLimit = 500;

/** The template with the bot's own questions added; memoised, as it is needed on every answer. */
export function deriveTemplate({ template, followUpText, t }: DeriveInput): Template {
  const askPost = usesHoldsPost(template);
  if (!askPost && !followUpText) return template;
  const title = t("report-holds-post-title");
  // The language enters the key through a translated title: the same locale gives the same texts.
  const key = `${template.id}@${template.version}|${askPost}|${title}|${followUpText ?? ""}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const taken = new Set(template.steps.map((s) => s.id));
  const extra = (step: Record<string, unknown>): Step | null => (taken.has(step.id as string) ? null : stepSchema.parse(step));
  const post = askPost
    ? extra({ id: holdsPostStepId, kind: "yesno", title, prompt: t("report-holds-post-prompt"), hint: t("report-holds-post-hint"), reportAs: "field", setsProfile: "holdsPost" })
    : null;
  const followUp = followUpText
    ? extra({
        id: followUpStepId,
        kind: "text",
        section: t("report-follow-up-section"),
        title: t("report-follow-up-title"),
        prompt: t("report-follow-up-prompt", { commitment: clip(followUpText, followUpQuoteMax) }),
        hint: t("report-follow-up-hint"),
        minLength: 10,
      })
    : null;
  const firstQuestion = template.steps.findIndex((s) => s.kind !== "info");
  const intro = template.steps.slice(0, firstQuestion);
  const rest = template.steps.slice(firstQuestion);
  const steps = [...(post ? [post] : []), ...intro, ...(followUp ? [followUp] : []), ...rest];
  const derived: Template = { ...template, steps };
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, derived);
  return derived;
}

const isCategory = (c: string | null | undefined): c is MemberCategory => (memberCategories as readonly (string | null | undefined)[]).includes(c);

/**
 * The engine's view of the author. Whether they hold a post is not in the profile: the added
 * question answers it (its step `setsProfile`), so it starts as false here.
 */
export function profileOf(category: string | null | undefined): MemberProfile {
  return { category: isCategory(category) ? category : "khac", holdsPost: false };
}
