/**
 * `when` conditions: their shape check (used by the template schema, so an operator's typo is
 * reported with a path) and their evaluation over answers and the member profile.
 */

export const memberCategories = ["can_bo", "huu_tri", "cong_nhan", "lao_dong_tu_do", "hoc_sinh", "khac"] as const;
export type MemberCategory = (typeof memberCategories)[number];

/** The year-end review forms of Hướng dẫn 43-HD/BTCTW (2025). */
export const reviewForms = ["2A", "2B", "2C"] as const;
export type ReviewForm = (typeof reviewForms)[number];

export interface MemberProfile {
  category: MemberCategory;
  holdsPost: boolean;
  /** The form the secretary chose for this member's review, overriding the one the profile implies. */
  reviewForm?: ReviewForm | null;
}

/**
 * The form a member's year-end review follows (HD 43 §2.1 b): 2A for those holding a leadership or
 * management post, 2B for those working in the political system without one (the «cán bộ» category),
 * 2C for members outside it (retirees, students, workers, the self-employed, others); or the
 * secretary's choice.
 */
export function formOf(profile: MemberProfile): ReviewForm {
  if (profile.reviewForm) return profile.reviewForm;
  if (profile.holdsPost) return "2A";
  return profile.category === "can_bo" ? "2B" : "2C";
}

export type Condition =
  | { answer: string; equals?: string | boolean; in?: string[]; notEmpty?: true }
  | { profile: "category" | "holdsPost" | "form"; equals?: string | boolean; in?: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Path = (string | number)[];
export interface Problem {
  path: Path;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string");

function onlyKeys(v: Record<string, unknown>, allowed: string[], path: Path): Problem[] {
  return Object.keys(v)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: [...path, k], message: `unknown key "${k}" in condition (allowed here: ${allowed.join(", ")})` }));
}

function exactlyOne(v: Record<string, unknown>, keys: string[], path: Path): Problem[] {
  const present = keys.filter((k) => k in v);
  return present.length === 1 ? [] : [{ path, message: `a condition needs exactly one of ${keys.join(", ")}` }];
}

/** Shape problems of a condition; deep, so nested all/any/not report their own paths. */
export function conditionProblems(v: unknown, path: Path = []): Problem[] {
  if (!isObject(v)) return [{ path, message: "a condition must be an object" }];
  if ("all" in v || "any" in v) {
    const key = "all" in v ? "all" : "any";
    const list = v[key];
    const own = onlyKeys(v, [key], path);
    if (!Array.isArray(list) || list.length === 0) return [...own, { path: [...path, key], message: `"${key}" needs a non-empty list of conditions` }];
    return [...own, ...list.flatMap((c, i) => conditionProblems(c, [...path, key, i]))];
  }
  if ("not" in v) return [...onlyKeys(v, ["not"], path), ...conditionProblems(v.not, [...path, "not"])];
  if ("answer" in v) {
    const out = [...onlyKeys(v, ["answer", "equals", "in", "notEmpty"], path), ...exactlyOne(v, ["equals", "in", "notEmpty"], path)];
    if (typeof v.answer !== "string" || v.answer === "") out.push({ path: [...path, "answer"], message: '"answer" must be a step id' });
    if ("equals" in v && typeof v.equals !== "string" && typeof v.equals !== "boolean")
      out.push({ path: [...path, "equals"], message: '"equals" must be a string or true/false' });
    if ("in" in v && !isStringList(v.in)) out.push({ path: [...path, "in"], message: '"in" must be a non-empty list of strings' });
    if ("notEmpty" in v && v.notEmpty !== true) out.push({ path: [...path, "notEmpty"], message: '"notEmpty" must be true' });
    return out;
  }
  if ("profile" in v) {
    const out = [...onlyKeys(v, ["profile", "equals", "in"], path), ...exactlyOne(v, ["equals", "in"], path)];
    if (v.profile === "holdsPost") {
      if ("in" in v) out.push({ path: [...path, "in"], message: 'use "equals": true/false with "holdsPost"' });
      if ("equals" in v && typeof v.equals !== "boolean") out.push({ path: [...path, "equals"], message: '"holdsPost" compares to true or false' });
    } else if (v.profile === "category") {
      const known = (x: unknown) => typeof x === "string" && (memberCategories as readonly string[]).includes(x);
      if ("equals" in v && !known(v.equals))
        out.push({ path: [...path, "equals"], message: `unknown member category (known: ${memberCategories.join(", ")})` });
      if ("in" in v && !(isStringList(v.in) && v.in.every(known)))
        out.push({ path: [...path, "in"], message: `"in" must list member categories (${memberCategories.join(", ")})` });
    } else if (v.profile === "form") {
      const known = (x: unknown) => typeof x === "string" && (reviewForms as readonly string[]).includes(x);
      if ("equals" in v && !known(v.equals)) out.push({ path: [...path, "equals"], message: `unknown form (known: ${reviewForms.join(", ")})` });
      if ("in" in v && !(isStringList(v.in) && v.in.every(known))) out.push({ path: [...path, "in"], message: `"in" must list forms (${reviewForms.join(", ")})` });
    } else {
      out.push({ path: [...path, "profile"], message: '"profile" must be "category", "holdsPost" or "form"' });
    }
    return out;
  }
  return [{ path, message: "a condition needs one of: answer, profile, all, any, not" }];
}

/** Every `answer` reference inside a condition, with its path, for the order check. */
export function answerRefs(c: Condition, path: Path = []): { stepId: string; cond: Extract<Condition, { answer: string }>; path: Path }[] {
  if ("all" in c) return c.all.flatMap((x, i) => answerRefs(x, [...path, "all", i]));
  if ("any" in c) return c.any.flatMap((x, i) => answerRefs(x, [...path, "any", i]));
  if ("not" in c) return answerRefs(c.not, [...path, "not"]);
  if ("answer" in c) return [{ stepId: c.answer, cond: c, path }];
  return [];
}

/**
 * What an answer "is" for comparisons: the scalar values it holds. A multi answer holds each
 * chosen option; a rating holds each level given; skipped holds nothing.
 */
export type AnswerValues = (string | boolean)[] | undefined;

export function evaluate(c: Condition, valuesOf: (stepId: string) => AnswerValues, profile: MemberProfile): boolean {
  if ("all" in c) return c.all.every((x) => evaluate(x, valuesOf, profile));
  if ("any" in c) return c.any.some((x) => evaluate(x, valuesOf, profile));
  if ("not" in c) return !evaluate(c.not, valuesOf, profile);
  const values: (string | boolean)[] =
    "answer" in c ? (valuesOf(c.answer) ?? []) : c.profile === "category" ? [profile.category] : c.profile === "form" ? [formOf(profile)] : [profile.holdsPost];
  if ("notEmpty" in c && c.notEmpty) return values.some((v) => v !== "");
  if (c.equals !== undefined) return values.includes(c.equals);
  if (c.in !== undefined) return values.some((v) => typeof v === "string" && c.in!.includes(v));
  return false;
}
