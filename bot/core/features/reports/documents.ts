/**
 * The reports' documents: one member's report as a Word file (its author, the cell's secretary and
 * deputy), every accepted report of a round in one Word file, and the round's status as a
 * spreadsheet (the secretary and deputy). Who may have what is `mayRead` and the admin check,
 * as for reading in chat.
 */
import { isCellAdmin } from "../../domain/members.ts";
import type { Db } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import { safeFileName } from "../../documents/file-name.ts";
import { documentHeader } from "../../documents/header.ts";
import type { ReportDocument, RoundStatusSheet } from "../../documents/models.ts";
import type { DocumentProducer } from "../../documents/producer.ts";
import { reportModel } from "./engine/report.ts";
import { engineTextsFrom } from "./engine/engine-texts.ts";
import { deriveForDraft, profileOf } from "./derive.ts";
import { roundYear } from "./review-2025.ts";
import { collectiveReviewDocument } from "./collective-review.ts";
import { loadVersion, mayRead, templateAt, type LoadedVersion } from "./reading.ts";
import { parseState, versionStatus } from "./records.ts";
import type { TemplateStore } from "./template-store.ts";
import { formatDay } from "./views.ts";

export const reportDocumentKinds = { report: "report", round: "round-reports", status: "round-status", collective: "review-collective" } as const;

/** A submitted version as the Word model; null when its state or template cannot be read. */
function reportDocument(store: TemplateStore, t: Translator, v: LoadedVersion): ReportDocument | null {
  const state = parseState(v.state);
  const base = templateAt(store.all(), v.templateId, v.templateVersion);
  if (!state || !base) return null;
  const template = deriveForDraft(base, v.draft, t);
  const cell = v.draft.round.cell;
  const author = v.draft.person.fullName ?? "?";
  const model = reportModel(template, state, { ...profileOf(v.draft.person.category, { reviewForm: v.draft.reviewForm }), fullName: author, cellName: cell.name, dateText: formatDay(v.submittedAt, cell.timeZone), year: roundYear(v.draft.round.deadline, cell.timeZone) }, engineTextsFrom(t));
  return {
    header: documentHeader(t, cell, v.submittedAt),
    title: model.title,
    subtitles: model.subtitles,
    fields: model.fields,
    sections: model.sections.map((s) => ({ part: s.part, heading: s.heading, items: s.items.map(({ n, title, answer }) => ({ n, title, answer })) })),
    numbered: model.numbered,
    note: model.note,
    signature: { role: t("report-doc-signature"), name: author },
    labels: { noAnswer: t("report-doc-no-answer") },
  };
}

export function reportDocumentProducers(db: Db, store: TemplateStore): Record<string, DocumentProducer> {
  return {
    [reportDocumentKinds.report]: async ({ personId, subjectId, t }) => {
      const v = await loadVersion(db, subjectId);
      if (!v || !(await mayRead(db, personId, v))) return null;
      const doc = reportDocument(store, t, v);
      if (!doc) return null;
      const { renderReportDocx } = await import("../../documents/word/report.ts");
      return renderReportDocx(doc);
    },

    [reportDocumentKinds.round]: async ({ personId, subjectId, t }) => {
      const round = await db.reportRound.findUnique({ where: { id: subjectId }, select: { id: true, title: true, cellId: true } });
      if (!round || !(await isCellAdmin(db, personId, round.cellId))) return null;
      const accepted = await acceptedVersionIds(db, round.id);
      const docs: ReportDocument[] = [];
      for (const id of accepted) {
        const v = await loadVersion(db, id);
        const doc = v && reportDocument(store, t, v);
        if (doc) docs.push(doc);
      }
      if (docs.length === 0) return null;
      const { renderReportsDocx } = await import("../../documents/word/report.ts");
      return renderReportsDocx(docs, safeFileName([t("report-doc-round-file"), round.title], "docx"));
    },

    [reportDocumentKinds.collective]: async ({ personId, subjectId, t, now }) => {
      const doc = await collectiveReviewDocument(db, store, { personId, roundId: subjectId, t, now });
      if (!doc) return null;
      const { renderCollectiveReviewDocx } = await import("../../documents/word/collective-review.ts");
      return renderCollectiveReviewDocx(doc);
    },

    [reportDocumentKinds.status]: async ({ personId, subjectId, t }) => {
      const round = await db.reportRound.findUnique({ where: { id: subjectId }, include: { cell: true } });
      if (!round || !(await isCellAdmin(db, personId, round.cellId))) return null;
      const drafts = await db.reportDraft.findMany({
        where: { roundId: round.id },
        select: { status: true, person: { select: { fullName: true } }, versions: { orderBy: { number: "desc" }, select: { number: true, submittedAt: true, decidedById: true, decidedAt: true } } },
      });
      const deciders = new Map(
        (await db.person.findMany({ where: { id: { in: [...new Set(drafts.flatMap((d) => d.versions.map((v) => v.decidedById).filter((x): x is string => !!x)))] } }, select: { id: true, fullName: true } })).map((p) => [p.id, p.fullName]),
      );
      const sheet: RoundStatusSheet = {
        title: t("report-doc-status-title", { title: round.title, cell: round.cell.name }),
        labels: {
          number: t("doc-col-number"),
          name: t("doc-col-name"),
          status: t("report-doc-col-status"),
          submittedAt: t("report-doc-col-submitted"),
          versions: t("report-doc-col-versions"),
          decidedBy: t("report-doc-col-decided-by"),
          decidedAt: t("report-doc-col-decided-at"),
        },
        rows: drafts
          .map((d) => {
            const last = d.versions[0];
            return {
              name: d.person.fullName ?? "?",
              status: t(`report-doc-status-${d.status}`),
              submittedAt: last?.submittedAt ?? null,
              versions: d.versions.length,
              decidedBy: last?.decidedById ? (deciders.get(last.decidedById) ?? "?") : null,
              decidedAt: last?.decidedAt ?? null,
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name, "vi")),
        timeZone: round.cell.timeZone,
      };
      const { renderRoundStatusXlsx } = await import("../../documents/excel/round-status.ts");
      return renderRoundStatusXlsx(sheet, safeFileName([t("report-doc-status-file"), round.title], "xlsx"));
    },
  };
}

/** The accepted version of each draft of the round (a draft has at most one accepted). */
export async function acceptedVersionIds(db: Db, roundId: string): Promise<string[]> {
  const rows = await db.reportVersion.findMany({ where: { status: versionStatus.accepted, draft: { roundId } }, select: { id: true, draft: { select: { person: { select: { fullName: true } } } } } });
  return rows.sort((a, b) => (a.draft.person.fullName ?? "").localeCompare(b.draft.person.fullName ?? "", "vi")).map((r) => r.id);
}
