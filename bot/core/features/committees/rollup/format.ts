/** Short wordings the roll-up's screens, digest and sheet share: dates, marks and findings. */
import type { Translator } from "../../../../i18n/index.ts";
import { utcToZonedWall } from "../../../time/zoned.ts";
import type { CellAssessment, Issue } from "./assess.ts";
import { attendancePercent } from "./model.ts";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "05/11": the day of a month everyone on the screen already knows. */
export function shortDay(date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return `${pad2(w.day)}/${pad2(w.month)}`;
}

/** "19:30 05/11/2026". */
export function moment(date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)} ${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

/** One finding in a few words, for a nudge line or a sheet's cell. */
export function issueText(t: Translator, a: CellAssessment, issue: Issue): string {
  switch (issue) {
    case "not-held":
      return t("rollup-issue-not-held");
    case "threshold":
      return t("rollup-issue-threshold", { count: a.removal.length });
    case "short":
      return t("rollup-issue-short", { minutes: a.minutes ?? 0 });
    case "reports-overdue":
      return t("rollup-issue-reports-overdue", { count: a.overdue.reduce((n, r) => n + r.counts.missing, 0) });
    case "documents-late":
      return t("rollup-issue-documents-late");
  }
}

export const issuesText = (t: Translator, a: CellAssessment) => a.issues.map((i) => issueText(t, a, i)).join("; ");

/** A cell's month in a line of marks: «✅ 05/11 · 👥 92% · ⏱ 75′ · 📝3». */
export function marks(t: Translator, a: CellAssessment, timeZone: string): string {
  const parts: string[] = [];
  if (a.state === "held" && a.meeting) parts.push(t("rollup-mark-held", { day: shortDay(a.meeting.startsAt, timeZone) }));
  else if (a.state === "upcoming" && a.meeting) parts.push(t("rollup-mark-upcoming", { day: shortDay(a.meeting.startsAt, timeZone) }));
  else parts.push(t("rollup-mark-not-held"));
  const percent = attendancePercent(a.attendance);
  if (percent !== null) parts.push(t("rollup-mark-percent", { percent }));
  if (a.short) parts.push(t("rollup-mark-short", { minutes: a.minutes ?? 0 }));
  if (a.documents === "late") parts.push(t("rollup-mark-documents"));
  if (a.removal.length > 0) parts.push(t("rollup-mark-removal", { count: a.removal.length }));
  if (a.warning.length > 0) parts.push(t("rollup-mark-warning", { count: a.warning.length }));
  const overdue = a.overdue.reduce((n, r) => n + r.counts.missing, 0);
  if (overdue > 0) parts.push(t("rollup-mark-overdue", { count: overdue }));
  return parts.join(" · ");
}
