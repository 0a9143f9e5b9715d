/**
 * Measures each cell's month against the rules (HD 42, QĐ 294 §8.1, the rounds' deadlines) and
 * orders the cells that need a nudge first. Pure: facts in, findings out.
 */
import {
  addCounts,
  documentsLeadMs,
  minMeetingMinutes,
  noDrafts,
  removalMonths,
  type AbsenceFact,
  type AttendanceCounts,
  type CellFacts,
  type DraftCounts,
  type MeetingFact,
  type RoundFact,
} from "./model.ts";

/** held: attendance recorded; upcoming: still ahead this month; unrecorded: its time passed with no attendance; none: nothing scheduled. */
export type MeetingState = "held" | "upcoming" | "unrecorded" | "none";
/** none: the meeting had no documents on the bot; late: they went out less than a day before, or never. */
export type DocumentsState = "none" | "on-time" | "late";
export type Issue = "not-held" | "threshold" | "short" | "reports-overdue" | "documents-late";

/** How much each finding weighs when ordering the nudges: a meeting not held first, late documents last. */
const weights: Record<Issue, number> = { "not-held": 4, threshold: 3, short: 2, "reports-overdue": 2, "documents-late": 1 };

export interface CellAssessment {
  cell: CellFacts;
  state: MeetingState;
  /** The meeting the state speaks of: the first held, the next ahead, or the last that passed unrecorded. */
  meeting: MeetingFact | null;
  /** Length of the shortest held meeting whose end was recorded, in minutes. */
  minutes: number | null;
  short: boolean;
  documents: DocumentsState;
  attendance: AttendanceCounts;
  /** At the removal threshold (three months), and at the warning (two). */
  removal: AbsenceFact[];
  warning: AbsenceFact[];
  /** Rounds past their deadline with reports still missing. */
  overdue: RoundFact[];
  issues: Issue[];
  score: number;
}

export const meetingMinutes = (m: MeetingFact) => (m.endedAt ? Math.round((m.endedAt.getTime() - m.startsAt.getTime()) / 60_000) : null);

export function documentsState(m: MeetingFact): DocumentsState {
  if (!m.hasDocuments) return "none";
  const lead = m.documentsSentAt ? m.startsAt.getTime() - m.documentsSentAt.getTime() : -1;
  return lead >= documentsLeadMs ? "on-time" : "late";
}

function meetingState(meetings: MeetingFact[], now: Date): { state: MeetingState; meeting: MeetingFact | null } {
  const held = meetings.find((m) => m.held);
  if (held) return { state: "held", meeting: held };
  const ahead = meetings.find((m) => m.startsAt > now);
  if (ahead) return { state: "upcoming", meeting: ahead };
  const passed = meetings.at(-1);
  return passed ? { state: "unrecorded", meeting: passed } : { state: "none", meeting: null };
}

export function assessCell(cell: CellFacts, now: Date): CellAssessment {
  const held = cell.meetings.filter((m) => m.held);
  const { state, meeting } = meetingState(cell.meetings, now);
  const lengths = held.map(meetingMinutes).filter((n): n is number => n !== null);
  const minutes = lengths.length > 0 ? Math.min(...lengths) : null;
  const short = minutes !== null && minutes < minMeetingMinutes;
  const docs = held.map(documentsState);
  const documents: DocumentsState = docs.includes("late") ? "late" : docs.includes("on-time") ? "on-time" : "none";
  const attendance = held.reduce((sum, m) => addCounts(sum, { ...m.attendance }), { present: 0, excused: 0, absent: 0 });
  const removal = cell.absences.filter((a) => a.months >= removalMonths);
  const warning = cell.absences.filter((a) => a.months < removalMonths);
  const overdue = cell.rounds.filter((r) => r.deadline <= now && r.counts.missing > 0);
  const issues: Issue[] = [];
  if (state === "unrecorded" || state === "none") issues.push("not-held");
  if (removal.length > 0) issues.push("threshold");
  if (short) issues.push("short");
  if (overdue.length > 0) issues.push("reports-overdue");
  if (documents === "late") issues.push("documents-late");
  // Several members at the threshold, or several overdue rounds, weigh more than one.
  const score = issues.reduce((s, i) => s + weights[i], 0) + Math.max(0, removal.length - 1) * weights.threshold + Math.max(0, overdue.length - 1) * weights["reports-overdue"];
  return { cell, state, meeting, minutes, short, documents, attendance, removal, warning, overdue, issues, score };
}

/** The cells with something to nudge, worst first; equal ones by name. */
export function nudgeOrder(cells: CellAssessment[]): CellAssessment[] {
  return cells.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || a.cell.name.localeCompare(b.cell.name, "vi"));
}

export interface RoundGroup {
  /** The committee's own round, or null for the cells' own rounds taken together. */
  committeeRoundId: string | null;
  title: string | null;
  deadline: Date | null;
  rounds: number;
  cells: number;
  /** Cells where every report is in (submitted or accepted). */
  complete: number;
  counts: DraftCounts;
}

export interface RollupSummary {
  cells: number;
  held: number;
  upcoming: number;
  attendance: AttendanceCounts;
  short: number;
  documentsLate: number;
  removal: number;
  warning: number;
  rounds: RoundGroup[];
  nudges: CellAssessment[];
}

function roundGroups(cells: CellAssessment[]): RoundGroup[] {
  const groups = new Map<string, RoundGroup & { cellIds: Set<string>; incomplete: Set<string> }>();
  for (const { cell } of cells) {
    for (const r of cell.rounds) {
      const key = r.committeeRoundId ?? "";
      const g = groups.get(key) ?? { committeeRoundId: r.committeeRoundId, title: r.committeeRoundId ? r.title : null, deadline: r.committeeRoundId ? r.deadline : null, rounds: 0, cells: 0, complete: 0, counts: noDrafts(), cellIds: new Set(), incomplete: new Set() };
      g.rounds++;
      g.cellIds.add(cell.id);
      if (r.counts.missing + r.counts.returned > 0) g.incomplete.add(cell.id);
      addCounts(g.counts, r.counts);
      groups.set(key, g);
    }
  }
  return [...groups.values()]
    .map(({ cellIds, incomplete, ...g }) => ({ ...g, cells: cellIds.size, complete: cellIds.size - incomplete.size }))
    .sort((a, b) => (a.committeeRoundId === null ? 1 : 0) - (b.committeeRoundId === null ? 1 : 0) || (a.deadline?.getTime() ?? 0) - (b.deadline?.getTime() ?? 0));
}

export function summarize(cells: CellAssessment[]): RollupSummary {
  return {
    cells: cells.length,
    held: cells.filter((c) => c.state === "held").length,
    upcoming: cells.filter((c) => c.state === "upcoming").length,
    attendance: cells.reduce((sum, c) => addCounts(sum, { ...c.attendance }), { present: 0, excused: 0, absent: 0 }),
    short: cells.filter((c) => c.short).length,
    documentsLate: cells.filter((c) => c.documents === "late").length,
    removal: cells.reduce((n, c) => n + c.removal.length, 0),
    warning: cells.reduce((n, c) => n + c.warning.length, 0),
    rounds: roundGroups(cells),
    nudges: nudgeOrder(cells),
  };
}
