/**
 * Which steps apply to this member given the answers so far, and where the flow goes next.
 * Conditions only look backwards (the schema enforces it), so one pass in template order settles them;
 * an answer counts only if its own step applies, so a stale answer behind a now-false condition
 * cannot switch later steps on.
 */
import { evaluate, type AnswerValues, type MemberProfile } from "./conditions.ts";
import type { Answer } from "./draft-state.ts";
import { inBounds } from "./scoring.ts";
import type { QuestionStep, Step, Template } from "./template-schema.ts";

export interface Resolved {
  applicable: Step[];
  questions: QuestionStep[];
  /** Answers of applicable steps that fit the step as it is now. */
  effective: Record<string, Answer>;
  /** The profile after every answer that stands for part of it (`setsProfile`). */
  profile: MemberProfile;
}

export function answerValues(answer: Answer): AnswerValues {
  switch (answer.kind) {
    case "text":
      return [answer.text];
    case "single":
      return [answer.option];
    case "multi":
      return answer.options;
    case "yesno":
      return [answer.value];
    case "grade":
      return [answer.grade];
    case "rating":
      return Object.values(answer.items).map((r) => r.level);
    case "score":
      // The loader refuses conditions on a score: it holds nothing to compare.
      return [];
    case "skipped":
      return undefined;
  }
}

/** Whether a stored answer is still a valid answer to the step (the step may have changed version). */
export function answerFits(step: Step, answer: Answer): boolean {
  if (step.kind === "info") return false;
  switch (answer.kind) {
    case "skipped":
      return step.optional;
    case "text":
      return step.kind === "text";
    case "single":
      return step.kind === "single" && step.options.some((o) => o.id === answer.option);
    case "multi":
      return step.kind === "multi" && answer.options.every((id) => step.options.some((o) => o.id === id));
    case "yesno":
      return step.kind === "yesno";
    case "grade":
      return step.kind === "grade";
    case "rating":
      return step.kind === "rating" && step.items.every((it) => answer.items[it.id] !== undefined);
    case "score":
      // The group totals decide; criteria are detail, so a sheet added or changed later never voids a score.
      return step.kind === "score" && step.groups.every((g) => answer.groups[g.id] !== undefined && inBounds(answer.groups[g.id]!, g.max));
  }
}

export function resolve(template: Template, answers: Record<string, Answer>, profile: MemberProfile): Resolved {
  const applicable: Step[] = [];
  const effective: Record<string, Answer> = {};
  const valuesOf = (id: string) => {
    const a = effective[id];
    return a ? answerValues(a) : undefined;
  };
  let current = profile;
  for (const step of template.steps) {
    if (step.when && !evaluate(step.when, valuesOf, current)) continue;
    applicable.push(step);
    const a = answers[step.id];
    if (a && answerFits(step, a)) effective[step.id] = a;
    // Later steps see the member as they described themselves here.
    if (step.kind === "yesno" && step.setsProfile === "holdsPost" && a?.kind === "yesno" && effective[step.id]) current = { ...current, holdsPost: a.value };
  }
  const questions = applicable.filter((s): s is QuestionStep => s.kind !== "info");
  return { applicable, questions, effective, profile: current };
}

export function isApplicableQuestion(r: Resolved, stepId: string | null): boolean {
  return stepId !== null && r.questions.some((q) => q.id === stepId);
}

export function firstUnanswered(r: Resolved): QuestionStep | undefined {
  return r.questions.find((q) => r.effective[q.id] === undefined);
}

/**
 * The next unanswered applicable question after `fromId` in template order, and the info steps
 * just before it (those after the last answered question, so re-answering an early question does not
 * replay every info text on the way).
 */
export function nextInOrder(template: Template, r: Resolved, fromId: string | null): { infos: Step[]; next?: QuestionStep } {
  const from = fromId === null ? -1 : template.steps.findIndex((s) => s.id === fromId);
  let infos: Step[] = [];
  for (const step of template.steps.slice(from + 1)) {
    if (!r.applicable.includes(step)) continue;
    if (step.kind === "info") infos.push(step);
    else if (r.effective[step.id] !== undefined) infos = [];
    else return { infos, next: step };
  }
  return { infos };
}

export function questionNumber(r: Resolved, stepId: string): { n: number; total: number } {
  return { n: r.questions.findIndex((q) => q.id === stepId) + 1, total: r.questions.length };
}

export function findStep(template: Template, stepId: string | null): Step | undefined {
  return stepId === null ? undefined : template.steps.find((s) => s.id === stepId);
}
