/**
 * The reports' rows as the feature reads them: the statuses of drafts and versions, the draft row
 * an answer needs, a round, and the engine's state stored in a draft.
 */
import { reopen } from "./engine/engine.ts";
import { salvage } from "./engine/engine-migrate.ts";
import type { DraftState } from "./engine/draft-state.ts";

export const draftStatus = {
  notStarted: "not_started",
  drafting: "drafting",
  submitted: "submitted",
  returned: "returned",
  accepted: "accepted",
  /** Left out of a year-end review by QĐ 366 Điều 5 (exempt, suspended, admitted less than 6 months ago). */
  excluded: "excluded",
} as const;
export type DraftStatus = (typeof draftStatus)[keyof typeof draftStatus];

export const versionStatus = { submitted: "submitted", withdrawn: "withdrawn", returned: "returned", accepted: "accepted" } as const;
export type VersionStatus = (typeof versionStatus)[keyof typeof versionStatus];

/** Drafts the member can still change. */
export const editableStatuses: readonly string[] = [draftStatus.notStarted, draftStatus.drafting, draftStatus.returned];

/** What an answer needs of a draft: one row, no joins (this runs on every message). */
export interface DraftRow {
  id: string;
  roundId: string;
  personId: string;
  status: string;
  state: string | null;
  followUpText: string | null;
  /** Carried onto a 2025 review when it starts: issues raised for the member, their pledge, the form followed. */
  raisedText: string | null;
  pledgeText: string | null;
  reviewForm: string | null;
  version: number;
}

export interface RoundRecord {
  id: string;
  cellId: string;
  templateId: string;
  title: string;
  deadline: Date;
  categories: string | null;
  includeExempt: boolean;
  meetingId: string | null;
  reminderOffsets: string;
  status: string;
  createdById: string;
  createdAt: Date;
  closedAt: Date | null;
}

/** A stored draft state, salvaged where it no longer fits the schema; undefined when unreadable. */
export function parseState(stateJson: string | null): DraftState | undefined {
  if (!stateJson) return undefined;
  try {
    return salvage(JSON.parse(stateJson));
  } catch {
    return undefined;
  }
}

/** A submitted draft opened for changes again, every answer kept. */
export function reopened(stateJson: string | null): string | null {
  const state = parseState(stateJson);
  return state ? JSON.stringify(reopen(state)) : stateJson;
}
