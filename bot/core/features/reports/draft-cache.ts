import type { DraftRow } from "./records.ts";

/**
 * The drafts this process saved last, so that an answer costs one write instead of a read and a
 * write. It can never make a save wrong: every save is conditional on the version it was computed
 * from, so a draft changed meanwhile by anyone else (another process, a decision, a submission)
 * fails the save, is read afresh and the answer is applied again. At worst an input that changes
 * nothing (a sticker) is answered from a state another process has since moved on from.
 */
export interface DraftCache {
  get(id: string): DraftRow | undefined;
  remember(row: DraftRow): DraftRow;
  forget(id: string): void;
}

export function createDraftCache(limit = 5000): DraftCache {
  const rows = new Map<string, DraftRow>();
  return {
    get: (id) => rows.get(id),
    remember(row) {
      // Re-inserting moves the draft to the end, so the oldest untouched drafts go first.
      rows.delete(row.id);
      rows.set(row.id, row);
      if (rows.size > limit) rows.delete(rows.keys().next().value!);
      return row;
    },
    forget: (id) => void rows.delete(id),
  };
}
