/**
 * «📊 Tải bảng Excel»: the roll-up of a month as a workbook. The subject names the committee, the
 * month and the scope ("<committee>.202611", "….m" for the officer's own cells); the post is checked
 * again whenever the file is made, so a download link stops working when the post ends.
 */
import type { Db } from "../../../../db/client.ts";
import type { Translator } from "../../../../i18n/index.ts";
import { DomainError } from "../../../domain/errors.ts";
import { excelWallTime } from "../../../documents/excel/shared.ts";
import { safeFileName } from "../../../documents/file-name.ts";
import type { DocumentProducer } from "../../../documents/producer.ts";
import { requirePost, type OfficerPost } from "../access.ts";
import { meetingMinutes, type CellAssessment } from "./assess.ts";
import type { Scope } from "./buttons.ts";
import { assessRollup, scopeCellIds } from "./compute.ts";
import { issuesText } from "./format.ts";
import { attendancePercent } from "./model.ts";
import { monthCode, monthLabel, parseMonth, type Month } from "./month.ts";
import type { RollupTable, TableValue } from "./sheet.ts";

export const rollupDocumentKind = "committee-rollup";

export const rollupSubject = (committeeId: string, month: Month, scope: Scope) => `${committeeId}.${monthCode(month)}${scope === "m" ? ".m" : ""}`;

export function parseRollupSubject(subject: string): { committeeId: string; month: Month; scope: Scope } | null {
  const match = /^([a-z0-9]{8,40})\.(\d{6})(\.m)?$/i.exec(subject);
  const month = match ? parseMonth(match[2]!) : null;
  return match && month ? { committeeId: match[1]!, month, scope: match[3] ? "m" : "a" } : null;
}

/** The post, or null when the person has none (a producer answers "not yours" with null). */
async function postOrNull(db: Db, personId: string, committeeId: string): Promise<OfficerPost | null> {
  try {
    return await requirePost(db, personId, committeeId);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

function cellsTable(t: Translator, title: string, cells: CellAssessment[], timeZone: string): RollupTable {
  const wall = (d: Date | null | undefined): TableValue => (d ? excelWallTime(d, timeZone) : null);
  return {
    title,
    tab: t("rollup-sheet-cells"),
    headings: ["doc-col-number", "rollup-col-cell", "rollup-col-in-charge", "rollup-col-members", "rollup-col-state", "rollup-col-meeting", "rollup-col-minutes", "rollup-col-documents", "rollup-col-present", "rollup-col-excused", "rollup-col-absent", "rollup-col-percent", "rollup-col-removal", "rollup-col-warning", "rollup-col-overdue", "rollup-col-issues"].map((k) => t(k)),
    rows: cells.map((a, i) => [
      i + 1,
      a.cell.name,
      a.cell.inCharge ?? "",
      a.cell.members,
      t(`rollup-state-${a.state}`),
      wall(a.meeting?.startsAt),
      a.state === "held" && a.meeting ? meetingMinutes(a.meeting) : null,
      a.state === "held" ? t(`rollup-documents-${a.documents}`) : "",
      a.attendance.present,
      a.attendance.excused,
      a.attendance.absent,
      attendancePercent(a.attendance),
      [...a.removal].map((x) => `${x.name ?? "?"} (${x.months})`).join(", "),
      [...a.warning].map((x) => `${x.name ?? "?"} (${x.months})`).join(", "),
      a.overdue.reduce((n, r) => n + r.counts.missing, 0),
      issuesText(t, a),
    ]),
  };
}

function roundsTable(t: Translator, title: string, cells: CellAssessment[], timeZone: string): RollupTable {
  return {
    title,
    tab: t("rollup-sheet-rounds"),
    headings: ["doc-col-number", "rollup-col-cell", "rollup-col-round", "rollup-col-deadline", "rollup-col-round-status", "rollup-col-submitted", "rollup-col-accepted", "rollup-col-returned", "rollup-col-missing"].map((k) => t(k)),
    rows: cells
      .flatMap((a) => a.cell.rounds.map((r) => ({ cell: a.cell.name, r })))
      .map(({ cell, r }, i) => [i + 1, cell, r.title, excelWallTime(r.deadline, timeZone), t(r.open ? "rollup-round-open" : "rollup-round-closed"), r.counts.submitted, r.counts.accepted, r.counts.returned, r.counts.missing]),
  };
}

export function rollupDocumentProducer(db: Db): DocumentProducer {
  return async ({ personId, subjectId, t, now }) => {
    const subject = parseRollupSubject(subjectId);
    if (!subject) return null;
    const post = await postOrNull(db, personId, subject.committeeId);
    if (!post) return null;
    const { committee } = post;
    const cellIds = await scopeCellIds(db, post, subject.scope);
    const cells = await assessRollup(db, { committeeId: committee.id, timeZone: committee.timeZone, month: subject.month, now, ...(cellIds ? { cellIds } : {}) });
    const title = t("rollup-sheet-title", { month: monthLabel(subject.month), committee: committee.name });
    const { renderRollupXlsx } = await import("./sheet.ts");
    return renderRollupXlsx(title, [cellsTable(t, title, cells, committee.timeZone), roundsTable(t, title, cells, committee.timeZone)], safeFileName([t("rollup-sheet-file"), committee.name, monthLabel(subject.month)], "xlsx"));
  };
}
