import type { DraftState } from "./engine/draft-state.ts";
import { resolve } from "./engine/flow.ts";
import type { MemberProfile, Template } from "./engine/template-schema.ts";

/** A question named as the member saw it: its number («Câu 8/12») and its title. */
export interface ChangedQuestion {
  n: number;
  title: string;
}

/**
 * The questions (numbered as the new version numbers them, which is how the member saw them and
 * how the secretary's copy numbers them) whose answer differs from the previous version: what the
 * secretary should read again after a report was returned or taken back.
 */
export function changedQuestions(template: Template, before: DraftState, beforeProfile: MemberProfile, after: DraftState, afterProfile: MemberProfile): ChangedQuestion[] {
  const old = resolve(template, before.answers, beforeProfile).effective;
  const now = resolve(template, after.answers, afterProfile);
  const out: ChangedQuestion[] = [];
  now.questions.forEach((q, i) => {
    if (JSON.stringify(now.effective[q.id] ?? null) !== JSON.stringify(old[q.id] ?? null)) out.push({ n: i + 1, title: q.title });
  });
  return out;
}
