/**
 * The cell's own year-end review draft (Mẫu 01 of HD 43), assembled from a 2025 review round for
 * the secretary to edit and send to members at least 3 working days before the review meeting
 * (HD 43 §2.1): how many reviewed and who was left out, the shortcomings and the shares in the
 * collective's shortcomings as each member wrote them (quoted with names, nothing summarised or
 * invented), how last time's faults stand, the self-scores and proposed grades. The cell's own text
 * is left as dotted lines.
 */
import type { Db } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { CollectiveReviewDocument, NamedQuote } from "../../documents/models.ts";
import { documentHeader } from "../../documents/header.ts";
import { isCellAdmin } from "../../domain/members.ts";
import { deriveForDraft, profileOf } from "./derive.ts";
import { answerText } from "./engine/engine-view.ts";
import { engineTextsFrom } from "./engine/engine-texts.ts";
import { resolve } from "./engine/flow.ts";
import { reviewParts } from "./engine/review-structure.ts";
import { gradeLevels, type Step, type Template } from "./engine/template-schema.ts";
import { templateAt } from "./reading.ts";
import { draftStatus, parseState, versionStatus } from "./records.ts";
import { roundYear } from "./review-2025.ts";
import type { TemplateStore } from "./template-store.ts";

const numeral = (step: Step) => /^([IVX]+)\.\s/.exec(step.section ?? "")?.[1] ?? null;

interface MemberReview {
  name: string;
  /** Text answers of part A by section numeral, in the form's order. */
  sections: Map<string, string[]>;
  /** Carried faults' statuses (option ids: da, dang, chua). */
  carried: string[];
  raised: boolean;
  score: { groups: Record<string, number>; labels: Record<string, string>; total: number } | null;
  proposed: string | null;
}

function readReview(template: Template, state: ReturnType<typeof parseState>, profile: ReturnType<typeof profileOf>, t: Translator, name: string): MemberReview | null {
  if (!state) return null;
  const texts = engineTextsFrom(t);
  const r = resolve(template, state.answers, profile);
  const out: MemberReview = { name, sections: new Map(), carried: [], raised: false, score: null, proposed: null };
  for (const step of r.questions) {
    const a = r.effective[step.id];
    if (!a || a.kind === "skipped") continue;
    if (step.part === reviewParts.a) {
      const n = numeral(step);
      if (n === "III" && a.kind === "single") out.carried.push(a.option);
      if (n === "IV") out.raised = true;
      if (n && a.kind === "text") out.sections.set(n, [...(out.sections.get(n) ?? []), answerText(texts, step, a)]);
    }
    if (step.kind === "score" && a.kind === "score") {
      const total = Object.values(a.groups).reduce((x, y) => x + y, 0);
      out.score = { groups: a.groups, labels: Object.fromEntries(step.groups.map((g) => [g.id, `${g.label} (/${g.max})`])), total };
    }
    if (step.kind === "grade" && a.kind === "grade") out.proposed = a.grade;
  }
  return out;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(".", ","));

export async function collectiveReviewDocument(db: Db, store: TemplateStore, request: { personId: string; roundId: string; t: Translator; now: Date }): Promise<CollectiveReviewDocument | null> {
  const { t } = request;
  const round = await db.reportRound.findUnique({ where: { id: request.roundId }, include: { cell: { include: { committee: { select: { name: true } } } } } });
  if (!round || !(await isCellAdmin(db, request.personId, round.cellId))) return null;
  if (store.latest(round.templateId)?.kind !== "review2025") return null;
  const drafts = await db.reportDraft.findMany({
    where: { roundId: round.id },
    include: {
      person: { select: { fullName: true, category: true } },
      versions: { where: { status: { in: [versionStatus.accepted, versionStatus.submitted] } }, orderBy: { number: "desc" }, take: 1 },
    },
  });
  // Why each was left out is on the audit line that left them out (the draft keeps only the status).
  const excluded = await db.auditLog.findMany({ where: { action: "report.excluded", cellId: round.cellId }, select: { targetPersonId: true, details: true } });
  const reasonOf = new Map<string | null, string>();
  for (const e of excluded) {
    const details = JSON.parse(e.details) as { roundId?: string; reason?: string };
    if (details.roundId === round.id) reasonOf.set(e.targetPersonId, details.reason ?? "");
  }

  const reviews: MemberReview[] = [];
  for (const d of drafts) {
    const v = d.versions[0];
    if (!v) continue;
    const base = templateAt(store.all(), v.templateId, v.templateVersion);
    if (!base) continue;
    const review = readReview(deriveForDraft(base, d, t), parseState(v.state), profileOf(d.person.category, { reviewForm: d.reviewForm }), t, d.person.fullName ?? "?");
    if (review) reviews.push(review);
  }
  reviews.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const name = (d: (typeof drafts)[number]) => d.person.fullName ?? "?";
  const leftOut = drafts.filter((d) => d.status === draftStatus.excluded).map((d) => `${name(d)} (${t(`report-exclusion-${reasonOf.get(d.personId) ?? "exempt"}`)})`);
  const missing = drafts.filter((d) => d.status !== draftStatus.excluded && d.versions.length === 0).map(name).sort((a, b) => a.localeCompare(b, "vi"));

  const quotes = (n: string, which: "first" | "all"): NamedQuote[] =>
    reviews.flatMap((r) => {
      const answers = r.sections.get(n) ?? [];
      const picked = which === "first" ? answers.slice(0, 1) : answers;
      return picked.map((text) => ({ name: r.name, text }));
    });
  const carried = { da: 0, dang: 0, chua: 0 } as Record<string, number>;
  for (const r of reviews) for (const c of r.carried) carried[c] = (carried[c] ?? 0) + 1;
  const proposed = Object.fromEntries(gradeLevels.map((g) => [g, reviews.filter((r) => r.proposed === g).length]));
  const year = roundYear(round.deadline, round.cell.timeZone);
  const scored = reviews.filter((r) => r.score);
  const groupIds = scored[0] ? Object.keys(scored[0].score!.labels) : [];

  return {
    header: documentHeader(t, round.cell, request.now),
    title: t("review-col-title"),
    subtitle: t("review-col-subtitle", { year: String(year) }),
    note: t("review-col-note"),
    facts: [
      t("review-col-fact-reviewed", { reviewed: reviews.length, total: drafts.length - leftOut.length }),
      ...(missing.length ? [t("review-col-fact-missing", { names: missing.join(", ") })] : []),
      ...(leftOut.length ? [t("review-col-fact-left-out", { names: leftOut.join("; ") })] : []),
    ],
    parts: [
      {
        heading: t("review-col-part-a"),
        sections: [
          { heading: t("review-col-a1"), lines: [], quotes: [], blank: true },
          { heading: t("review-col-a2"), lines: [t("review-col-a2-lead")], quotes: quotes("II", "first"), blank: true },
          { heading: t("review-col-a3"), lines: reviews.some((r) => r.carried.length) ? [t("review-col-a3-counts", { da: carried.da ?? 0, dang: carried.dang ?? 0, chua: carried.chua ?? 0 })] : [], quotes: [], blank: true },
          { heading: t("review-col-a4"), lines: reviews.some((r) => r.raised) ? [t("review-col-a4-names", { names: reviews.filter((r) => r.raised).map((r) => r.name).join(", ") })] : [], quotes: [], blank: true },
          { heading: t("review-col-a5"), lines: [], quotes: quotes("V", "all"), blank: true },
          { heading: t("review-col-a6"), lines: [], quotes: [], blank: true },
        ],
      },
      {
        heading: t("review-col-part-b"),
        sections: [
          { heading: t("review-col-b1"), lines: [], quotes: [], blank: true },
          {
            heading: t("review-col-b2"),
            lines: [t("review-col-b2-counts", { xuat_sac: proposed.xuat_sac ?? 0, tot: proposed.tot ?? 0, hoan_thanh: proposed.hoan_thanh ?? 0, khong_hoan_thanh: proposed.khong_hoan_thanh ?? 0 })],
            quotes: [],
            blank: true,
          },
        ],
      },
    ],
    scores: scored.length
      ? {
          labels: { name: t("doc-col-name"), groups: groupIds.map((g) => scored[0]!.score!.labels[g]!), total: t("review-col-total"), proposed: t("review-col-proposed") },
          rows: scored.map((r) => ({ name: r.name, groups: groupIds.map((g) => fmt(r.score!.groups[g] ?? 0)), total: fmt(r.score!.total), proposed: r.proposed ? t(`report-grade-${r.proposed}`) : "" })),
        }
      : null,
    signature: { role: t("review-col-signature"), name: null },
    labels: { nothing: t("report-doc-no-answer") },
  };
}
