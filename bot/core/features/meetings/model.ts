/** What a meeting is: its kinds, the answers and attendance states, and the stored shapes. No I/O. */
import { z } from "zod";
import type { CellRecord } from "../../domain/cells.ts";

export const meetingKinds = ["dinh_ky", "dinh_ky_bo_sung", "chuyen_de", "dien_dan", "bat_thuong"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
/** Kinds a secretary schedules one by one; "dinh_ky" comes from the monthly rule. */
export const oneOffKinds = ["dinh_ky_bo_sung", "chuyen_de", "dien_dan", "bat_thuong"] as const;

export const absenceReasons = ["om_dau", "cong_tac", "gia_dinh", "khac"] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

/** In the order a tap on the attendance checklist cycles through them. */
export const attendanceStatuses = ["present", "absent", "excused"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export type Answer = "attend" | "absent";

/** One invited member's answer, as the summary and the attendance checklist start from. */
export interface AnswerLine {
  personId: string;
  membershipId: string;
  name: string;
  answer: Answer | null;
  /** The reason of an absence, worded in the reader's language. */
  reason: string | null;
  /** No account of theirs can be reached by the bot. */
  unreachable: boolean;
}

export interface MeetingDocument {
  kind: "link" | "file";
  /** A URL for links; the messenger's file id for files. */
  ref: string;
  name: string;
  platform?: string;
}

export interface MeetingRecord {
  id: string;
  cellId: string;
  ruleId: string | null;
  kind: string;
  title: string | null;
  topic: string | null;
  startsAt: Date;
  place: string | null;
  agenda: string | null;
  preparation: string | null;
  documents: string;
  status: string;
  version: number;
  notes: string | null;
  attendanceRecordedAt: Date | null;
}

export interface MeetingWithCell extends MeetingRecord {
  cell: CellRecord;
}

/** A one-off meeting as the new-meeting dialogue describes it. */
export interface MeetingDraft {
  kind: MeetingKind;
  title: string | null;
  topic: string | null;
  startsAt: Date;
  place: string | null;
  agenda: string | null;
  preparation: string | null;
  documents: MeetingDocument[];
}

export type MeetingChange = { startsAt: Date } | { place: string | null } | { cancelled: true };

/** What members are told about a change: the announcement's wording. */
export type MeetingChangeKind = "new" | "moved" | "place" | "cancelled";

export function parseDocuments(json: string): MeetingDocument[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as MeetingDocument[]) : [];
  } catch {
    return [];
  }
}

/** Outbox kinds of the meetings feature. */
export const meetingOutboxKinds = {
  announce: "meeting-announce",
  reminder: "meeting-reminder",
  summary: "meeting-summary",
  attendancePrompt: "meeting-attendance-prompt",
  notes: "meeting-notes",
  absenceWarning: "meeting-absence-warning",
} as const;

const offsetsSchema = z.array(z.number().int().positive().max(60 * 24 * 30)).max(6);

/** The cell's reminder offsets in minutes, latest first; a damaged setting falls back to the defaults. */
export function reminderOffsets(json: string): number[] {
  try {
    const parsed = offsetsSchema.safeParse(JSON.parse(json));
    if (parsed.success) return [...new Set(parsed.data)].sort((a, b) => b - a);
  } catch {
    // fall through to the defaults
  }
  return [4320, 1440, 120];
}
