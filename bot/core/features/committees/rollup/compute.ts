/** The roll-up as the screens, the digest and the sheet use it: read, measured, summed up. */
import type { DbTx } from "../../../../db/client.ts";
import type { OfficerPost } from "../access.ts";
import { assessCell, summarize, type CellAssessment, type RollupSummary } from "./assess.ts";
import type { Scope } from "./buttons.ts";
import { chargedCellIds, readRollup, type RollupQuery } from "./queries.ts";

export async function assessRollup(db: DbTx, q: RollupQuery): Promise<CellAssessment[]> {
  return (await readRollup(db, q)).map((cell) => assessCell(cell, q.now));
}

export async function rollupSummary(db: DbTx, q: RollupQuery): Promise<{ cells: CellAssessment[]; summary: RollupSummary }> {
  const cells = await assessRollup(db, q);
  return { cells, summary: summarize(cells) };
}

/** The cells a scope stands for: undefined for all the committee's, else those the officer is in charge of. */
export async function scopeCellIds(db: DbTx, post: OfficerPost, scope: Scope): Promise<string[] | undefined> {
  return scope === "m" ? chargedCellIds(db, post.id) : undefined;
}
