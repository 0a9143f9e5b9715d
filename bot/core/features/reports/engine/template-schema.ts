/**
 * The shape of a report template file. Templates are operator-edited JSON, so the schema is strict
 * (a misspelt key is an error, not silently ignored) and checks cross-references between steps.
 */
import { z } from "zod";
import { answerRefs, conditionProblems, memberCategories, reviewForms, type Condition, type Path } from "./conditions.ts";
import type { ScoringSheet } from "./scoring.ts";

export { memberCategories, reviewForms, type MemberCategory, type MemberProfile, type Condition, type ReviewForm } from "./conditions.ts";

import { gradeLevels } from "./grades.ts";
export { gradeLevels, type GradeLevel } from "./grades.ts";

export const ratingLevels = ["none", "present", "risk"] as const;
export type RatingLevel = (typeof ratingLevels)[number];

// Ids travel inside 64-byte callback data, so they are short and ASCII (one byte per character).
const idPattern = /^[a-z0-9][a-z0-9_-]{0,23}$/;
const stepId = z.string().regex(idPattern, "must be 1-24 characters: a-z, 0-9, '-' or '_', starting with a letter or digit");
const optionId = stepId;
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single '-')").max(60);

const conditionSchema = z
  .unknown()
  .superRefine((v, ctx) => {
    for (const p of conditionProblems(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: p.path, message: p.message });
  })
  .transform((v) => v as Condition);

const text = z.string().trim().min(1);
const byCategory = z.record(z.enum(memberCategories), text);
/** Verbatim official text. Only ✅ material may go here: the engine presents it as a quotation. */
const quoteSchema = z.object({ text, source: text }).strict();

const base = {
  id: stepId,
  $comment: z.string().optional(),
  when: conditionSchema.optional(),
  /** A heading printed in the report before the first step of a new section. */
  section: text.optional(),
  /** A heading above sections («A. NỘI DUNG KIỂM ĐIỂM»), printed before the first step of a new part. */
  part: text.optional(),
  quotes: z.array(quoteSchema).optional(),
};

const question = {
  ...base,
  /** Short heading used in the question header, the review and the report. */
  title: text.max(120),
  /** The item's heading in the report when the form words it at length (its full official wording); the title otherwise. */
  heading: text.max(600).optional(),
  prompt: text,
  promptByCategory: byCategory.optional(),
  hint: text.max(300).optional(),
  hintByCategory: z.record(z.enum(memberCategories), text.max(300)).optional(),
  optional: z.boolean().default(false),
  /** "field" answers go into the report header ("Ngày sinh: …"); "section" answers get a numbered heading. */
  reportAs: z.enum(["section", "field"]).default("section"),
  /**
   * The answer is what the member commits to fix ("tự sửa"): the member's next report opens by
   * showing it and asking how it went, so self-correction is followed up rather than rewritten.
   */
  commitment: z.boolean().default(false),
  /**
   * "record": the answer is the member's pledge for the year (cam kết tu dưỡng, rèn luyện, phấn đấu);
   * "show": the question shows the pledge the member recorded this year, when there is one.
   */
  pledge: z.enum(["record", "show"]).optional(),
};

const option = z.object({ id: optionId, label: text.max(100) }).strict();

const infoStep = z.object({ ...base, kind: z.literal("info"), title: text.max(120).optional(), text, textByCategory: byCategory.optional() }).strict();

const textStep = z
  .object({
    ...question,
    kind: z.literal("text"),
    minLength: z.number().int().min(0).max(20000).default(1),
    maxLength: z.number().int().min(1).max(20000).default(3000),
  })
  .strict();

const singleStep = z.object({ ...question, kind: z.literal("single"), options: z.array(option).min(2).max(20) }).strict();

const multiStep = z
  .object({
    ...question,
    kind: z.literal("multi"),
    options: z.array(option.extend({ group: text.max(80).optional() }).strict()).min(1).max(60),
    pageSize: z.number().int().min(2).max(10).default(6),
    minSelections: z.number().int().min(0).default(1),
    maxSelections: z.number().int().min(1).optional(),
  })
  .strict();

const yesnoStep = z
  .object({
    ...question,
    kind: z.literal("yesno"),
    /**
     * The answer stands for the member's profile from here on: "holdsPost" makes later conditions on
     * `{ "profile": "holdsPost" }` follow it (the profile itself does not say whether a member holds a post).
     */
    setsProfile: z.literal("holdsPost").optional(),
  })
  .strict();
const gradeStep = z
  .object({
    ...question,
    kind: z.literal("grade"),
    /**
     * An earlier score step whose total (on 100 points) picks the band shown with the question (QĐ 366
     * Điều 11): a suggestion only; the member proposes any of the four levels.
     */
    bandFrom: stepId.optional(),
  })
  .strict();

/**
 * Self-scoring by criteria group (QĐ 366, annexes 4 and 5: 30 + 70 points). The member types each
 * group's total, or each criterion's points when the loader matched the named `sheet`.
 */
const scoreStep = z
  .object({
    ...question,
    kind: z.literal("score"),
    groups: z.array(z.object({ id: optionId, label: text.max(300), max: z.number().int().min(1).max(1000) }).strict()).min(1).max(10),
    /** The scoring sheet (`templates/scoring/<sheet>.json`) to use when an operator has supplied it. */
    sheet: kebabId.optional(),
    /**
     * The matched sheet, attached by the loader. Never written in a file: `z.custom` refuses any value
     * there, so a template cannot pass off its own criteria as the province's sheet.
     */
    scoring: z.custom<ScoringSheet>(() => false, { message: 'is set by the loader from scoring/<sheet>.json; a template names its sheet with "sheet"' }).optional(),
  })
  .strict();

const ratingItem = z
  .object({
    id: optionId,
    // May be empty only so that an unfilled manifestations27 file gets the loader's precise message.
    label: z.string().trim().max(1000),
    group: optionId.optional(),
    quotes: z.array(quoteSchema).optional(),
    /** Own-wording guidance shown under the item; never presented as a quotation. */
    help: text.max(600).optional(),
  })
  .strict();

const ratingStep = z
  .object({
    ...question,
    kind: z.literal("rating"),
    groups: z.array(z.object({ id: optionId, label: text.max(300), quotes: z.array(quoteSchema).optional() }).strict()).optional(),
    items: z.array(ratingItem).min(1).max(60),
    /** Which levels ask for a note: every level, only "có biểu hiện"/"có nguy cơ", or none. */
    noteFor: z.enum(["all", "flagged", "none"]).default("flagged"),
    noteMaxLength: z.number().int().min(10).max(5000).default(1000),
  })
  .strict();

export const stepSchema = z.discriminatedUnion("kind", [infoStep, textStep, singleStep, multiStep, yesnoStep, gradeStep, ratingStep, scoreStep]);

export const templateSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    id: kebabId,
    version: z.number().int().min(1),
    /**
     * "manifestations27" asks the loader to check the 3 × 9 structure of Resolution 4's list;
     * "review2025" the parts and sections of the 2025 year-end review forms (review-structure.ts).
     */
    kind: z.enum(["standard", "manifestations27", "review2025"]).default("standard"),
    /** The year-end forms (HD 43) this template serves; a member whose form is not among them is told so. */
    reviewForms: z.array(z.enum(reviewForms)).min(1).optional(),
    /**
     * "questions" numbers the report's items as the member saw the questions («Câu 3»); "form" prints
     * the titles as they are, when they carry the official form's own numbering («1. Về phẩm chất…»).
     */
    numbering: z.enum(["questions", "form"]).default("questions"),
    title: text.max(200),
    description: text,
    audience: z.object({ categories: z.array(z.enum(memberCategories)).min(1).optional() }).strict().default({}),
    reportTitle: text.optional(),
    reportSubtitles: z.array(z.object({ when: conditionSchema.optional(), text }).strict()).optional(),
    reportNote: text.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const p of crossProblems(t)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: p.path, message: p.message });
  });

export type Template = z.output<typeof templateSchema>;
export type Step = Template["steps"][number];
export type StepKind = Step["kind"];
export type QuestionStep = Exclude<Step, { kind: "info" }>;
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
export type Quote = z.output<typeof quoteSchema>;

function duplicates<T>(items: T[], key: (x: T) => string, path: (i: number) => Path, what: string) {
  const seen = new Map<string, number>();
  const out: { path: Path; message: string }[] = [];
  items.forEach((x, i) => {
    const k = key(x);
    const first = seen.get(k);
    if (first !== undefined) out.push({ path: path(i), message: `duplicate ${what} "${k}" (first used at position ${first + 1})` });
    else seen.set(k, i);
  });
  return out;
}

/** Values a condition may compare an answer of this step to, or undefined when any string fits (text). */
function comparableValues(step: Step): (string | boolean)[] | undefined {
  switch (step.kind) {
    case "single":
    case "multi":
      return step.options.map((o) => o.id);
    case "yesno":
      return [true, false];
    case "grade":
      return [...gradeLevels];
    case "rating":
      return [...ratingLevels];
    default:
      return undefined;
  }
}

function refProblems(steps: Step[], before: number, cond: Condition, path: Path) {
  const out: { path: Path; message: string }[] = [];
  // A malformed condition already has its own issue; walking it could misread its shape.
  if (conditionProblems(cond).length > 0) return out;
  for (const ref of answerRefs(cond, path)) {
    const at = steps.findIndex((s) => s.id === ref.stepId);
    const refPath = [...ref.path, "answer"];
    if (at < 0) out.push({ path: refPath, message: `"when" refers to unknown step "${ref.stepId}"` });
    else if (at >= before) out.push({ path: refPath, message: `"when" refers to step "${ref.stepId}", which does not come before this one` });
    else {
      const target = steps[at]!;
      if (target.kind === "info") {
        out.push({ path: refPath, message: `"when" refers to info step "${ref.stepId}", which has no answer` });
        continue;
      }
      if (target.kind === "score") {
        // A self-score must not switch questions on or off: the score is the member's own estimate, not a fact.
        out.push({ path: refPath, message: `"when" refers to score step "${ref.stepId}": conditions cannot depend on a score (to show the band, use "bandFrom" on a grade step)` });
        continue;
      }
      const allowed = comparableValues(target);
      const compared = ref.cond.equals !== undefined ? [ref.cond.equals] : (ref.cond.in ?? []);
      const bad = allowed ? compared.filter((v) => !allowed.includes(v)) : compared.filter((v) => typeof v !== "string");
      if (bad.length > 0)
        out.push({
          path: ref.path,
          message: `"when" compares step "${ref.stepId}" (${target.kind}) to ${bad.map((b) => JSON.stringify(b)).join(", ")}; possible values: ${
            allowed ? allowed.map((a) => JSON.stringify(a)).join(", ") : "any text"
          }`,
        });
    }
  }
  return out;
}

/** `bandFrom` names an earlier score step on the 100-point scale the bands of Điều 11 are written for. */
function bandProblems(steps: Step[], at: number, ref: string): { path: Path; message: string }[] {
  const path = ["steps", at, "bandFrom"];
  const from = steps.findIndex((s) => s.id === ref);
  const target = steps[from];
  if (!target) return [{ path, message: `"bandFrom" names unknown step "${ref}"` }];
  if (target.kind !== "score") return [{ path, message: `"bandFrom" names step "${ref}", which is a ${target.kind} step, not a score step` }];
  if (from >= at) return [{ path, message: `"bandFrom" names score step "${ref}", which does not come before this one` }];
  const sum = target.groups.reduce((n, g) => n + g.max, 0);
  // The thresholds (90, 70, 50) are points out of 100; scaling them would be the bot's own rule, not Điều 11's.
  if (sum !== 100)
    return [{ path, message: `"bandFrom" needs a score out of 100 (the bands of QĐ 366 Điều 11 are 90, 70 and 50 points), but the groups of "${ref}" add up to ${sum}` }];
  return [];
}

function crossProblems(t: Template): { path: Path; message: string }[] {
  const out = duplicates(t.steps, (s) => s.id, (i) => ["steps", i, "id"], "step id");
  if (!t.steps.some((s) => s.kind !== "info")) out.push({ path: ["steps"], message: "a template needs at least one question (a step other than info)" });
  t.steps.forEach((s, i) => {
    if (s.when) out.push(...refProblems(t.steps, i, s.when, ["steps", i, "when"]));
    if (s.kind === "single" || s.kind === "multi")
      out.push(...duplicates<{ id: string }>(s.options, (o) => o.id, (j) => ["steps", i, "options", j, "id"], "option id"));
    if (s.kind === "text" && s.minLength > s.maxLength) out.push({ path: ["steps", i, "minLength"], message: "minLength is larger than maxLength" });
    if (s.kind === "multi") {
      const max = s.maxSelections ?? s.options.length;
      if (max > s.options.length) out.push({ path: ["steps", i, "maxSelections"], message: "maxSelections is larger than the number of options" });
      if (s.minSelections > max) out.push({ path: ["steps", i, "minSelections"], message: "minSelections is larger than maxSelections" });
    }
    if (s.kind === "score") out.push(...duplicates(s.groups, (g) => g.id, (j) => ["steps", i, "groups", j, "id"], "group id"));
    if (s.kind === "grade" && s.bandFrom !== undefined) out.push(...bandProblems(t.steps, i, s.bandFrom));
    if (s.kind === "rating") {
      out.push(...duplicates(s.items, (o) => o.id, (j) => ["steps", i, "items", j, "id"], "item id"));
      const groups = s.groups?.map((g) => g.id);
      if (groups) out.push(...duplicates(s.groups!, (g) => g.id, (j) => ["steps", i, "groups", j, "id"], "group id"));
      s.items.forEach((it, j) => {
        if (groups && !(it.group && groups.includes(it.group)))
          out.push({ path: ["steps", i, "items", j, "group"], message: `item "${it.id}" needs a "group" among: ${groups.join(", ")}` });
        if (!groups && it.group) out.push({ path: ["steps", i, "items", j, "group"], message: `item "${it.id}" names a group but the step declares no "groups"` });
        if (t.kind !== "manifestations27" && it.label === "") out.push({ path: ["steps", i, "items", j, "label"], message: "item label is empty" });
      });
    }
  });
  t.reportSubtitles?.forEach((r, i) => {
    if (r.when) out.push(...refProblems(t.steps, t.steps.length, r.when, ["reportSubtitles", i, "when"]));
  });
  return out;
}
