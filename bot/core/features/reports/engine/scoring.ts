/**
 * Self-scoring (QĐ 366-QĐ/TW): the operator's scoring sheets, the points a member types, the total
 * and the band it falls in (Điều 11). Points per criterion are set by each province (HD 43 §1), so
 * the bot ships no sheet: a cell's operator puts one in `templates/scoring/`, and without one the
 * member enters each group's total. The band is only ever a suggestion: the member proposes a
 * grade, the cell and the higher level decide (Điều 12).
 */
import { z } from "zod";
import type { GradeLevel } from "./grades.ts";

// Same rules as step and option ids (template-schema.ts): they travel inside 64-byte button data.
const entryId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,23}$/, "must be 1-24 characters: a-z, 0-9, '-' or '_', starting with a letter or digit");
const text = z.string().trim().min(1);

/** Points are counted in tenths: a member may type one decimal («25,5»), never more. */
export const tenths = (points: number): number => Math.round(points * 10);
export const hasOneDecimalAtMost = (points: number): boolean => Math.abs(points * 10 - tenths(points)) < 1e-9;
/** A sum of points without floating-point dust (0.1 + 0.2 is 0.3 here). */
export const sumPoints = (points: number[]): number => points.reduce((s, p) => s + tenths(p), 0) / 10;

const criterionMax = z
  .number()
  .positive()
  .max(1000)
  .refine(hasOneDecimalAtMost, "a criterion's maximum has at most one decimal place (e.g. 2.5)");

export const scoringSheetSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    /** The name a score step gives in its "sheet" field. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single '-')").max(60),
    version: z.number().int().min(1),
    title: text.max(200),
    groups: z
      .array(
        z
          .object({
            $comment: z.string().optional(),
            id: entryId,
            criteria: z.array(z.object({ id: entryId, label: text.max(600), max: criterionMax }).strict()).min(1).max(40),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict()
  .superRefine((sheet, ctx) => {
    const seen = new Map<string, string>();
    sheet.groups.forEach((g, i) => {
      if (sheet.groups.findIndex((x) => x.id === g.id) !== i) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["groups", i, "id"], message: `duplicate group id "${g.id}"` });
      g.criteria.forEach((c, j) => {
        // Criteria are stored flat in the answer ({ criteria: { id: points } }), so an id is unique in the whole sheet.
        const first = seen.get(c.id);
        if (first !== undefined)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["groups", i, "criteria", j, "id"], message: `duplicate criterion id "${c.id}" (first used in group "${first}")` });
        else seen.set(c.id, g.id);
      });
    });
  });

export type ScoringSheet = z.output<typeof scoringSheetSchema>;

/** What a score step needs to know of itself (its groups and the sheet the loader matched to it). */
export interface ScoreShape {
  groups: { id: string; label: string; max: number }[];
  scoring?: ScoringSheet;
}

/** One number the member types: a group's total (no sheet) or one criterion's points (with a sheet). */
export interface ScoreEntry {
  kind: "group" | "criterion";
  id: string;
  label: string;
  max: number;
  /** The group the entry belongs to (itself for a group entry). */
  group: { id: string; label: string; max: number };
}

/** The numbers the member types, in order: each criterion of the sheet, or each group without one. */
export function scoreEntries(step: ScoreShape): ScoreEntry[] {
  if (!step.scoring) return step.groups.map((g) => ({ kind: "group", id: g.id, label: g.label, max: g.max, group: g }));
  const sheet = step.scoring;
  return step.groups.flatMap((g) =>
    (sheet.groups.find((sg) => sg.id === g.id)?.criteria ?? []).map((c) => ({ kind: "criterion" as const, id: c.id, label: c.label, max: c.max, group: g })),
  );
}

export const scoreMax = (step: ScoreShape): number => step.groups.reduce((s, g) => s + g.max, 0);

export const inBounds = (points: number, max: number): boolean => points >= 0 && points <= max && hasOneDecimalAtMost(points);

/**
 * Why a sheet cannot serve a score step, or [] when it fits: the same group ids, and each group's
 * criteria maxima adding up to the group's maximum, so the totals the member reaches are the form's.
 */
export function sheetMismatches(step: ScoreShape, sheet: ScoringSheet): { group?: number; message: string }[] {
  const out: { group?: number; message: string }[] = [];
  const stepIds = step.groups.map((g) => g.id);
  const missing = stepIds.filter((id) => !sheet.groups.some((g) => g.id === id));
  if (missing.length > 0) out.push({ message: `the sheet has no group ${missing.map((m) => `"${m}"`).join(", ")} (the step's groups are ${stepIds.map((m) => `"${m}"`).join(", ")})` });
  sheet.groups.forEach((g, i) => {
    const own = step.groups.find((x) => x.id === g.id);
    if (!own) {
      out.push({ group: i, message: `group "${g.id}" is not a group of the step (its groups are ${stepIds.map((m) => `"${m}"`).join(", ")})` });
      return;
    }
    const sum = sumPoints(g.criteria.map((c) => c.max));
    if (sum !== own.max) out.push({ group: i, message: `group "${g.id}": the criteria's maxima add up to ${sum}, but the step gives this group ${own.max} points` });
  });
  return out;
}

/**
 * Reads typed points: «25», «25,5», «25.5», with or without «điểm» after. `value` only when the
 * text is a number with at most one decimal; `decimals` when it has more.
 */
export function parsePoints(input: string): { value: number } | { decimals: true } | { negative: true } | null {
  const folded = input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .trim()
    .replace(/\s*(?:diem|points?|pts?)\.?$/u, "")
    .trim();
  const m = /^([+-]?)(\d{1,4})(?:[.,](\d+))?$/.exec(folded);
  if (!m) return null;
  const value = Number(`${m[2]}.${m[3] ?? "0"}`);
  if (m[1] === "-" && value !== 0) return { negative: true };
  if ((m[3] ?? "").replace(/0+$/, "").length > 1) return { decimals: true };
  return { value: tenths(value) / 10 };
}

/** Points as the member's language writes them: «25», «25,5» (the decimal mark comes from the locale). */
export function formatPoints(points: number, decimalMark: string): string {
  const t = tenths(points);
  return t % 10 === 0 ? String(t / 10) : (t / 10).toFixed(1).replace(".", decimalMark);
}

/**
 * The band a total on the 100-point scale falls in (QĐ 366-QĐ/TW Điều 11, ✅ in the domain note
 * §3.2): from 90 up, from 70 to under 90, from 50 to under 70, under 50.
 */
export function bandOf(total: number): GradeLevel {
  if (total >= 90) return "xuat_sac";
  if (total >= 70) return "tot";
  if (total >= 50) return "hoan_thanh";
  return "khong_hoan_thanh";
}
