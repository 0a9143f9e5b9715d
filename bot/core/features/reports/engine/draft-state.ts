/**
 * The saved draft of one member's report. Plain JSON so the DB layer can store it as is and a
 * restart (parse of the stored text) resumes exactly where the member was.
 */
import { z } from "zod";
import { gradeLevels, ratingLevels } from "./template-schema.ts";

const rated = z.object({ level: z.enum(ratingLevels), note: z.string().optional() }).strict();
/** Points as typed: checked against each group's or criterion's maximum by the step, not here (a template may change). */
const points = z.record(z.number().finite());

export const answerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }).strict(),
  z.object({ kind: z.literal("single"), option: z.string() }).strict(),
  z.object({ kind: z.literal("multi"), options: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal("yesno"), value: z.boolean() }).strict(),
  z.object({ kind: z.literal("grade"), grade: z.enum(gradeLevels) }).strict(),
  z.object({ kind: z.literal("rating"), items: z.record(rated) }).strict(),
  /** Group totals (the sums of the criteria when a scoring sheet was used); the total is computed, never stored. */
  z.object({ kind: z.literal("score"), groups: points, criteria: points.optional() }).strict(),
  z.object({ kind: z.literal("skipped") }).strict(),
]);
export type Answer = z.infer<typeof answerSchema>;
export type Rated = z.infer<typeof rated>;

/** Work in progress on one step, kept per step so leaving a step half-done never throws it away. */
export const bufferSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), parts: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal("multi"), selected: z.array(z.string()), page: z.number().int().min(0) }).strict(),
  z
    .object({
      kind: z.literal("rating"),
      index: z.number().int().min(0),
      items: z.record(rated),
      /** The item whose note is being written, or null while a level is being chosen. */
      noteFor: z.string().nullable(),
      noteParts: z.array(z.string()),
    })
    .strict(),
  /** The number being typed (`index` into the step's entries) and those typed so far, by group or by criterion. */
  z.object({ kind: z.literal("score"), index: z.number().int().min(0), groups: points, criteria: points }).strict(),
]);
export type StepBuffer = z.infer<typeof bufferSchema>;

export const phases = ["answering", "review", "confirm_submit", "submitted"] as const;
export type Phase = (typeof phases)[number];

export const draftStateSchema = z
  .object({
    templateId: z.string().min(1),
    templateVersion: z.number().int().min(1),
    phase: z.enum(phases),
    /** The question on screen while answering; null in the other phases. */
    stepId: z.string().nullable(),
    answers: z.record(answerSchema),
    buffers: z.record(bufferSchema),
    /** Steps to return to with "Quay lại", most recent last. */
    history: z.array(z.string()),
    /** True while changing one answer from the review: the flow then returns to the review. */
    editing: z.boolean(),
    /** Answers whose step a newer template version removed or changed; kept, never shown, never lost. */
    obsolete: z.record(answerSchema),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.phase === "answering") !== (s.stepId !== null))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["stepId"], message: "stepId is set exactly while answering" });
  });

export type DraftState = z.infer<typeof draftStateSchema>;
