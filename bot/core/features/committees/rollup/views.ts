/**
 * The roll-up's screens, one phone screen each: the month's summary, the list of cells, a cell's
 * card. Pure: findings in, text and choices out. Statuses, counts, dates and (for officers) names;
 * never what anyone wrote in a report.
 */
import type { Translator } from "../../../../i18n/index.ts";
import type { Choice, OutboundMessage } from "../../../contract/messages.ts";
import { buttons as committeeButtons } from "../buttons.ts";
import { pageNav } from "../views.ts";
import { documentsState, meetingMinutes, type CellAssessment, type RollupSummary } from "./assess.ts";
import { rollupButtons, type Scope } from "./buttons.ts";
import { issuesText, marks, moment, shortDay } from "./format.ts";
import { attendancePercent, draftTotal, type AbsenceFact, type AttendanceCounts, type DraftCounts } from "./model.ts";
import { compareMonths, monthCode, monthLabel, shiftMonth, type Month } from "./month.ts";

/** Cells a list page shows; nudges the summary shows; names a card lists per threshold. */
export const listPageSize = 10;
export const summaryNudges = 5;
const summaryRounds = 3;
const cardNames = 8;
const cardMeetings = 3;
const cardRounds = 4;

const row = (c: Choice): Choice[] => [c];

/** Where a screen stands: whose committee, which month, which cells. */
export interface RollupScreen {
  committeeId: string;
  committeeName: string;
  timeZone: string;
  month: Month;
  /** The committee's current month: no «Tháng sau ›» past it. */
  current: Month;
  scope: Scope;
  /** The officer is in charge of cells: the «Chi bộ tôi phụ trách» filter is offered. */
  hasCharges: boolean;
}

const ids = (s: RollupScreen) => ({ committeeId: s.committeeId, month: monthCode(s.month), scope: s.scope });

function attendanceLine(t: Translator, key: string, c: AttendanceCounts): string {
  const percent = attendancePercent(c);
  return percent === null ? t(`${key}-none`) : t(key, { present: c.present, excused: c.excused, absent: c.absent, percent });
}

const done = (c: DraftCounts) => c.submitted + c.accepted;

/** The month's summary as text: the screen's and the digest's. */
export function summaryText(t: Translator, s: RollupScreen, sum: RollupSummary): string {
  const lines = [t("rollup-title", { month: monthLabel(s.month), committee: s.committeeName })];
  if (s.scope === "m") lines.push(t("rollup-scope-mine"));
  if (sum.cells === 0) {
    lines.push(t(s.scope === "m" ? "rollup-empty-mine" : "rollup-empty"));
    return lines.join("\n");
  }
  lines.push(t("rollup-meetings", { held: sum.held, cells: sum.cells, upcoming: sum.upcoming }));
  lines.push(attendanceLine(t, "rollup-attendance", sum.attendance));
  lines.push(t("rollup-quality", { short: sum.short, late: sum.documentsLate }));
  lines.push(t("rollup-absences", { removal: sum.removal, warning: sum.warning }));
  if (sum.rounds.length === 0) lines.push(t("rollup-rounds-none"));
  else {
    lines.push(t("rollup-rounds-title"));
    for (const g of sum.rounds.slice(0, summaryRounds)) {
      const counts = { done: done(g.counts), total: draftTotal(g.counts), returned: g.counts.returned, missing: g.counts.missing, cells: g.cells };
      lines.push(
        g.committeeRoundId
          ? t("rollup-round-committee", { ...counts, title: g.title ?? "", deadline: g.deadline ? shortDay(g.deadline, s.timeZone) : "-", complete: g.complete })
          : t("rollup-round-own", { ...counts, rounds: g.rounds }),
      );
    }
    if (sum.rounds.length > summaryRounds) lines.push(t("rollup-rounds-more", { count: sum.rounds.length - summaryRounds }));
  }
  if (sum.nudges.length === 0) lines.push(t("rollup-nudges-none"));
  else {
    lines.push(t("rollup-nudges-title"));
    sum.nudges.slice(0, summaryNudges).forEach((a, i) => lines.push(t("rollup-nudge-line", { n: i + 1, cell: a.cell.name, issues: issuesText(t, a) })));
    if (sum.nudges.length > summaryNudges) lines.push(t("rollup-nudges-more", { count: sum.nudges.length - summaryNudges }));
  }
  return lines.join("\n");
}

export function summaryView(t: Translator, s: RollupScreen, sum: RollupSummary): OutboundMessage {
  const nav: Choice[] = [rollupButtons.summary.choice(t("rollup-button-previous"), { ...ids(s), month: monthCode(shiftMonth(s.month, -1)) })];
  if (compareMonths(s.month, s.current) < 0) nav.push(rollupButtons.summary.choice(t("rollup-button-next"), { ...ids(s), month: monthCode(shiftMonth(s.month, 1)) }));
  const choices: Choice[][] = [
    ...sum.nudges.slice(0, summaryNudges).map((a, i) => row(rollupButtons.cell.choice(`${i + 1}. ${a.cell.name}`, { cellId: a.cell.id, month: monthCode(s.month), scope: s.scope, page: "0" }))),
    nav,
  ];
  if (sum.cells > 0) choices.push(row(rollupButtons.list.choice(t("rollup-button-list"), { ...ids(s), page: "0" })));
  if (s.hasCharges) choices.push(row(rollupButtons.summary.choice(t(s.scope === "m" ? "rollup-button-all" : "rollup-button-mine"), { ...ids(s), scope: s.scope === "m" ? "a" : "m" })));
  if (sum.cells > 0) choices.push(row(rollupButtons.sheet.choice(t("rollup-button-sheet"), ids(s))));
  choices.push(row(committeeButtons.home.choice(t("committee-button-back"), { committeeId: s.committeeId })));
  return { text: summaryText(t, s, sum), choices };
}

export function listView(t: Translator, s: RollupScreen, page: number, total: number, cells: CellAssessment[]): OutboundMessage {
  const first = page * listPageSize;
  const lines = [
    t("rollup-list-title", { month: monthLabel(s.month), from: first + 1, to: first + cells.length, total }),
    ...cells.map((a, i) => t("rollup-list-line", { n: first + i + 1, cell: a.cell.name, marks: marks(t, a, s.timeZone) })),
    t("rollup-list-legend"),
  ];
  const nav = pageNav(t, page, Math.max(1, Math.ceil(total / listPageSize)), (p, label) => rollupButtons.list.choice(label, { ...ids(s), page: String(p) }));
  return {
    text: lines.join("\n"),
    choices: [
      ...cells.map((a, i) => row(rollupButtons.cell.choice(`${first + i + 1}. ${a.cell.name}`, { cellId: a.cell.id, month: monthCode(s.month), scope: s.scope, page: String(page) }))),
      ...(nav.length > 0 ? [nav] : []),
      row(rollupButtons.summary.choice(t("rollup-button-summary"), ids(s))),
    ],
  };
}

function absenceLines(t: Translator, year: number, removal: AbsenceFact[], warning: AbsenceFact[]): string[] {
  if (removal.length + warning.length === 0) return [];
  const all = [...removal.map((a) => ({ a, key: "rollup-card-absence-removal" })), ...warning.map((a) => ({ a, key: "rollup-card-absence-warning" }))];
  const lines = [t("rollup-card-absences-title", { year: String(year) }), ...all.slice(0, cardNames).map(({ a, key }) => t(key, { name: a.name ?? "?", months: a.months }))];
  if (all.length > cardNames) lines.push(t("rollup-card-absences-more", { count: all.length - cardNames }));
  return lines;
}

function meetingLines(t: Translator, a: CellAssessment, timeZone: string): string[] {
  if (a.state !== "held") {
    const when = a.meeting ? moment(a.meeting.startsAt, timeZone) : "";
    return [t(`rollup-card-meeting-${a.state}`, { when })];
  }
  const lines: string[] = [];
  for (const m of a.cell.meetings.filter((x) => x.held).slice(0, cardMeetings)) {
    lines.push(t("rollup-card-meeting-held", { when: moment(m.startsAt, timeZone), kind: t(`meeting-kind-${m.kind}`) }));
    const minutes = meetingMinutes(m);
    lines.push(minutes === null ? t("rollup-card-length-unknown") : t(a.short && minutes === a.minutes ? "rollup-card-length-short" : "rollup-card-length", { minutes }));
    const docs = documentsState(m);
    if (docs === "none") lines.push(t("rollup-card-documents-none"));
    else if (!m.documentsSentAt) lines.push(t("rollup-card-documents-never"));
    else lines.push(t(docs === "late" ? "rollup-card-documents-late" : "rollup-card-documents-on-time", { when: moment(m.documentsSentAt, timeZone) }));
  }
  return lines;
}

export function cardView(t: Translator, s: RollupScreen, page: number, a: CellAssessment): OutboundMessage {
  const tz = s.timeZone;
  const lines = [
    t("rollup-card-title", { cell: a.cell.name, month: monthLabel(s.month) }),
    t("rollup-card-people", { name: a.cell.inCharge ?? "-", count: a.cell.members }),
    ...meetingLines(t, a, tz),
    attendanceLine(t, "rollup-card-attendance", a.attendance),
    ...absenceLines(t, s.month.year, a.removal, a.warning),
  ];
  if (a.cell.rounds.length === 0) lines.push(t("rollup-card-rounds-none"));
  else {
    lines.push(t("rollup-rounds-title"));
    for (const r of a.cell.rounds.slice(0, cardRounds)) {
      lines.push(
        t("rollup-card-round", {
          title: r.title,
          deadline: shortDay(r.deadline, tz),
          open: r.open ? "yes" : "no",
          done: done(r.counts),
          total: draftTotal(r.counts),
          accepted: r.counts.accepted,
          returned: r.counts.returned,
          missing: r.counts.missing,
        }),
      );
    }
    if (a.cell.rounds.length > cardRounds) lines.push(t("rollup-rounds-more", { count: a.cell.rounds.length - cardRounds }));
  }
  lines.push(a.issues.length > 0 ? t("rollup-card-issues", { issues: issuesText(t, a) }) : t("rollup-card-ok"));
  return {
    text: lines.join("\n"),
    choices: [
      row(rollupButtons.list.choice(t("rollup-button-to-list"), { ...ids(s), page: String(page) })),
      row(rollupButtons.summary.choice(t("rollup-button-summary"), ids(s))),
    ],
  };
}
