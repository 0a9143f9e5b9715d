import type { DbTx } from "../../../db/client.ts";
import type { MemberCategory } from "../../domain/people.ts";
import type { Template } from "./engine/template-schema.ts";
import { exclusionOf, type Exclusion } from "./review-2025.ts";

export interface Candidate {
  personId: string;
  fullName: string;
  category: string | null;
  exempt: boolean;
  suspended: boolean;
  partyStatus: string | null;
  admittedAt: Date | null;
  holdsPost: boolean | null;
}

export interface AudienceRule {
  /** Null: every category. */
  categories: readonly string[] | null;
  includeExempt: boolean;
}

/** The cell's active members, with what decides whether a round applies to them. */
export async function activeCandidates(db: DbTx, cellId: string): Promise<Candidate[]> {
  const rows = await db.membership.findMany({
    where: { cellId, status: "active" },
    include: { person: { select: { fullName: true, category: true, partyStatus: true, admittedAt: true, holdsPost: true } } },
  });
  return rows
    .map((m) => ({
      personId: m.personId,
      fullName: m.person.fullName ?? "?",
      category: m.person.category,
      exempt: m.exempt,
      suspended: m.suspended,
      partyStatus: m.person.partyStatus,
      admittedAt: m.person.admittedAt,
      holdsPost: m.person.holdsPost,
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "vi"));
}

type AudienceTemplate = Pick<Template, "audience"> & { kind?: Template["kind"] };

/**
 * Who must answer: the chosen categories (or everyone), within the template's own audience, and
 * members exempt from party work and meetings only when the secretary chose to include them (an
 * exempt member is not graded, QĐ 294 §7.2.3). A 2025 year-end review leaves out, whatever the
 * secretary chose, those QĐ 366 Điều 5 leaves out (see `leftOut`).
 */
export function mustAnswer(candidates: Candidate[], rule: AudienceRule, template: AudienceTemplate, deadline?: Date): Candidate[] {
  const inTemplate = (c: Candidate) => !template.audience.categories || template.audience.categories.includes(c.category as MemberCategory);
  const inRound = (c: Candidate) => !rule.categories || (c.category !== null && rule.categories.includes(c.category));
  if (template.kind === "review2025") return candidates.filter((c) => inTemplate(c) && inRound(c) && exclusionOf(c, deadline) === null);
  return candidates.filter((c) => inTemplate(c) && inRound(c) && (rule.includeExempt || !c.exempt));
}

/** The members a 2025 review leaves out, each with the reason the secretary is shown (QĐ 366 Điều 5). */
export function leftOut(candidates: Candidate[], template: AudienceTemplate, deadline: Date): { candidate: Candidate; reason: Exclusion }[] {
  if (template.kind !== "review2025") return [];
  return candidates.flatMap((c) => {
    const reason = exclusionOf(c, deadline);
    return reason ? [{ candidate: c, reason }] : [];
  });
}
