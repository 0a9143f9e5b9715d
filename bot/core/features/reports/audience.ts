import type { DbTx } from "../../../db/client.ts";
import type { MemberCategory } from "../../domain/people.ts";
import type { Template } from "./engine/template-schema.ts";

export interface Candidate {
  personId: string;
  fullName: string;
  category: string | null;
  exempt: boolean;
}

export interface AudienceRule {
  /** Null: every category. */
  categories: readonly string[] | null;
  includeExempt: boolean;
}

/** The cell's active members, with what decides whether a round applies to them. */
export async function activeCandidates(db: DbTx, cellId: string): Promise<Candidate[]> {
  const rows = await db.membership.findMany({ where: { cellId, status: "active" }, include: { person: { select: { fullName: true, category: true } } } });
  return rows
    .map((m) => ({ personId: m.personId, fullName: m.person.fullName ?? "?", category: m.person.category, exempt: m.exempt }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "vi"));
}

/**
 * Who must answer: the chosen categories (or everyone), within the template's own audience, and
 * members exempt from party work and meetings only when the secretary chose to include them (an
 * exempt member is not graded, QĐ 294 §7.2.3).
 */
export function mustAnswer(candidates: Candidate[], rule: AudienceRule, template: Pick<Template, "audience">): Candidate[] {
  const inTemplate = (c: Candidate) => !template.audience.categories || template.audience.categories.includes(c.category as MemberCategory);
  const inRound = (c: Candidate) => !rule.categories || (c.category !== null && rule.categories.includes(c.category));
  return candidates.filter((c) => inTemplate(c) && inRound(c) && (rule.includeExempt || !c.exempt));
}
