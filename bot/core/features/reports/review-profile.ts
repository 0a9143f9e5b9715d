/**
 * The profile questions a 2025 year-end review needs before it starts, asked once in the
 * registration style and kept on the person: whether they hold a leadership or management post
 * (with the category it decides the form, HD 43), and, for a probationary member, when they were
 * admitted (QĐ 366 Điều 5 leaves members admitted less than 6 months ago out). Then the review opens.
 */
import { editProfile, profilePatch } from "../../domain/people.ts";
import { checkAdmissionMonth } from "../../domain/validation.ts";
import { choiceStep, labelled, textStep, type StepDef } from "../../kernel/dialogue/steps.ts";
import type { FeatureContext, Turn } from "../../kernel/feature.ts";

export const reviewProfileFlow = "review-profile";

const steps: Record<string, StepDef> = {
  holdsPost: choiceStep("holdsPost", "report-profile-holds-post", labelled(["yes", "no"], (v) => `report-profile-holds-post-${v}`)),
  admittedAt: textStep("admittedAt", "report-profile-admitted-at", (raw, c) => checkAdmissionMonth(raw, c.now)),
};

export function createReviewProfileForm(ctx: FeatureContext, reopen: (turn: Turn, draftId: string, proxy: boolean) => Promise<void>): ReturnType<FeatureContext["form"]> {
  return ctx.form({
    flow: reviewProfileFlow,
    steps,
    finish: async (turn, data) => {
      // The author's profile: the turn's person, or the member whose review the secretary enters.
      await editProfile(ctx.deps.db, { personId: data.authorId ?? turn.person.id, actorId: turn.person.id, patch: profilePatch(data), now: ctx.deps.now() });
      await reopen(turn, data.draftId ?? "", data.proxy === "1");
    },
  });
}
