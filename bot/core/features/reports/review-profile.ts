/**
 * The profile questions a 2025 year-end review needs before it starts, asked once in the
 * registration style and kept on the person: whether they hold a leadership or management post
 * (with the category it decides the form, HD 43), and, for a probationary member, when they were
 * admitted (QĐ 366 Điều 5 leaves members admitted less than 6 months ago out). Then the review opens.
 */
import type { Db } from "../../../db/client.ts";
import { audit } from "../../domain/audit.ts";
import { parseAdmissionMonth } from "../../domain/validation.ts";
import { choiceStep, labelled, textStep, type StepDef } from "../../kernel/dialogue/steps.ts";
import type { FeatureContext, Turn } from "../../kernel/feature.ts";

export const reviewProfileFlow = "review-profile";

const steps: Record<string, StepDef> = {
  holdsPost: choiceStep("holdsPost", "report-profile-holds-post", labelled(["yes", "no"], (v) => `report-profile-holds-post-${v}`)),
  admittedAt: textStep("admittedAt", "report-profile-admitted-at", (raw, c) => (parseAdmissionMonth(raw, c.now) ? { ok: true, value: raw.trim() } : { ok: false, reason: "report-profile-admitted-at-invalid" })),
};

/** Stores the answers on the person (audited: the field's name, never its value). */
async function saveAnswers(db: Db, input: { personId: string; actorId: string; holdsPost?: boolean; admittedAt?: Date; now: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const data = { ...(input.holdsPost !== undefined ? { holdsPost: input.holdsPost } : {}), ...(input.admittedAt ? { admittedAt: input.admittedAt } : {}) };
    await tx.person.update({ where: { id: input.personId }, data });
    for (const field of Object.keys(data)) {
      await audit(tx, { actorPersonId: input.actorId, targetPersonId: input.personId, action: "person.profile_changed", details: { field }, at: input.now });
    }
  });
}

export function createReviewProfileForm(ctx: FeatureContext, reopen: (turn: Turn, draftId: string, proxy: boolean) => Promise<void>): ReturnType<FeatureContext["form"]> {
  return ctx.form({
    flow: reviewProfileFlow,
    steps,
    finish: async (turn, data) => {
      const personId = data.authorId ?? turn.person.id;
      await saveAnswers(ctx.deps.db, {
        personId,
        actorId: turn.person.id,
        ...(data.holdsPost ? { holdsPost: data.holdsPost === "yes" } : {}),
        ...(data.admittedAt ? { admittedAt: parseAdmissionMonth(data.admittedAt, ctx.deps.now()) ?? undefined } : {}),
        now: ctx.deps.now(),
      });
      await reopen(turn, data.draftId ?? "", data.proxy === "1");
    },
  });
}
