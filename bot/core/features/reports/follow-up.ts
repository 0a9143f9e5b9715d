/**
 * The follow-up of "tự sửa": what a member committed to fix in their previous report in this cell,
 * so the next report asks how it went instead of starting from nothing.
 */
import type { Db } from "../../../db/client.ts";
import type { DraftState } from "./engine/draft-state.ts";
import { answerText } from "./engine/engine-view.ts";
import type { EngineTexts } from "./engine/engine-texts.ts";
import type { Template } from "./engine/template-schema.ts";
import { parseState, versionStatus } from "./records.ts";

/** The commitment answers of a submitted report, as text; null when it made none. */
export function commitmentsOf(templates: Template[], state: DraftState, texts: EngineTexts): string | null {
  // The version it was answered on first (its step ids), else any version of the same template.
  const candidates = templates.filter((t) => t.id === state.templateId).sort((a, b) => (a.version === state.templateVersion ? -1 : b.version === state.templateVersion ? 1 : b.version - a.version));
  const steps = new Map<string, Template["steps"][number]>();
  for (const t of candidates) for (const s of t.steps) if (!steps.has(s.id)) steps.set(s.id, s);
  const parts: string[] = [];
  for (const [id, answer] of Object.entries(state.answers)) {
    const step = steps.get(id);
    if (!step || step.kind === "info" || !step.commitment || answer.kind === "skipped") continue;
    const text = answerText(texts, step, answer).trim();
    if (text) parts.push(text);
  }
  return parts.length > 0 ? parts.join("\n\n") : null;
}

/** The member's most recent report in this cell from another round that is still on record (not withdrawn). */
export async function previousCommitment(
  db: Db,
  input: { personId: string; cellId: string; roundId: string; templates: Template[]; texts: EngineTexts },
): Promise<{ text: string; versionId: string } | null> {
  const previous = await db.reportVersion.findMany({
    where: {
      status: { in: [versionStatus.accepted, versionStatus.submitted, versionStatus.returned] },
      draft: { personId: input.personId, roundId: { not: input.roundId }, round: { cellId: input.cellId } },
    },
    orderBy: { submittedAt: "desc" },
    take: 3,
    select: { id: true, state: true },
  });
  for (const v of previous) {
    const state = parseState(v.state);
    const text = state ? commitmentsOf(input.templates, state, input.texts) : null;
    if (text) return { text, versionId: v.id };
  }
  return null;
}
