import type { DraftState } from "./engine/draft-state.ts";
import { resolve } from "./engine/flow.ts";
import type { MemberProfile, Template } from "./engine/template-schema.ts";

/**
 * The question numbers (as the new version numbers them) whose answer differs from the previous
 * version: what the secretary should read again after a report was returned or taken back.
 */
export function changedQuestions(template: Template, before: DraftState, beforeProfile: MemberProfile, after: DraftState, afterProfile: MemberProfile): number[] {
  const old = resolve(template, before.answers, beforeProfile).effective;
  const now = resolve(template, after.answers, afterProfile);
  const out: number[] = [];
  now.questions.forEach((q, i) => {
    if (JSON.stringify(now.effective[q.id] ?? null) !== JSON.stringify(old[q.id] ?? null)) out.push(i + 1);
  });
  return out;
}
