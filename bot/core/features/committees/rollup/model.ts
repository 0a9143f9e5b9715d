/**
 * What a committee's roll-up is made of: per cell, the facts read from the database (counts and
 * dates, never a member's report) and the rules they are measured against. No I/O.
 */

/** Kinds that stand for the cell's monthly meeting (Điều lệ Điều 24: once a month). */
export const regularKinds = ["dinh_ky", "dinh_ky_bo_sung"] as const;

/** HD 42-HD/BTCTW (2025): a regular meeting lasts at least 90 minutes. */
export const minMeetingMinutes = 90;

/** HD 42-HD/BTCTW (2025): the meeting's documents reach members at least one day before. */
export const documentsLeadMs = 24 * 3_600_000;

/**
 * QĐ 294-QĐ/TW §8.1: a member who skips meetings three months in a year without a valid reason is
 * proposed for removal; two months is the warning the cell's secretary already gets.
 */
export const removalMonths = 3;
export const warningMonths = 2;

export interface AttendanceCounts {
  present: number;
  excused: number;
  /** Absent without a valid reason. */
  absent: number;
}

export interface MeetingFact {
  id: string;
  kind: string;
  startsAt: Date;
  endedAt: Date | null;
  /** Attendance was recorded: the bot's measure of a meeting that took place. */
  held: boolean;
  hasDocuments: boolean;
  /** When the first announcement or reminder went out: the documents travel with it. */
  documentsSentAt: Date | null;
  attendance: AttendanceCounts;
}

/** Statuses of the drafts of one round, counted. Never what anyone wrote. */
export interface DraftCounts {
  /** Waiting for the secretary's decision. */
  submitted: number;
  accepted: number;
  returned: number;
  /** Not started or not finished. */
  missing: number;
}

export interface RoundFact {
  id: string;
  title: string;
  deadline: Date;
  open: boolean;
  /** The round the committee opened for several cells, when this is the cell's part of one. */
  committeeRoundId: string | null;
  counts: DraftCounts;
}

export interface AbsenceFact {
  personId: string;
  name: string | null;
  /** Months of the year so far with an absence without a valid reason. */
  months: number;
}

export interface CellFacts {
  id: string;
  name: string;
  /** Active members on the bot. */
  members: number;
  /** The committee officer in charge of the cell (ủy viên phụ trách). */
  inCharge: string | null;
  meetings: MeetingFact[];
  rounds: RoundFact[];
  /** Members with at least `warningMonths` months of unexcused absence this year. */
  absences: AbsenceFact[];
}

export const noDrafts = (): DraftCounts => ({ submitted: 0, accepted: 0, returned: 0, missing: 0 });
export const draftTotal = (c: DraftCounts) => c.submitted + c.accepted + c.returned + c.missing;

export function addCounts<T extends object>(into: T, more: T): T {
  for (const key of Object.keys(into) as (keyof T)[]) (into[key] as number) += more[key] as number;
  return into;
}

/** Present out of everyone recorded, in whole percent; null when nobody was recorded. */
export function attendancePercent(c: AttendanceCounts): number | null {
  const total = c.present + c.excused + c.absent;
  return total === 0 ? null : Math.round((c.present * 100) / total);
}
