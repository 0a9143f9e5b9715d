/**
 * What the committee's action screens read: its rounds, a round's counts per cell, how many a
 * notice would reach. Counts only: a committee never reads the texts of members' reports.
 */
import type { DbTx } from "../../../../db/client.ts";
import { sql } from "../../../../db/sql.ts";
import { draftStatus } from "../../reports/records.ts";
import { pageSize } from "../queries.ts";
import type { NoticeAudience } from "./services/notices.ts";

export interface DraftCounts {
  /** Submitted and waiting for the cell's decision. */
  submitted: number;
  accepted: number;
  returned: number;
  /** Not begun, or begun and not submitted. */
  missing: number;
}

const noDrafts = (): DraftCounts => ({ submitted: 0, accepted: 0, returned: 0, missing: 0 });
const missingStatuses: readonly string[] = [draftStatus.notStarted, draftStatus.drafting];

/** Adds one group of drafts to the counts; statuses outside the four (a draft excluded from a review) are not counted. */
function add(into: DraftCounts, status: string, n: number): void {
  if (status === draftStatus.submitted) into.submitted += n;
  else if (status === draftStatus.accepted) into.accepted += n;
  else if (status === draftStatus.returned) into.returned += n;
  else if (missingStatuses.includes(status)) into.missing += n;
}

export interface CommitteeRoundRow {
  id: string;
  title: string;
  deadline: Date;
  cells: number;
}

/** One page of the committee's rounds, newest first, with how many cells each reached. */
export async function committeeRoundPage(db: DbTx, committeeId: string, page: number): Promise<{ total: number; rows: CommitteeRoundRow[] }> {
  const [total, rows] = await Promise.all([
    db.committeeRound.count({ where: { committeeId } }),
    db.committeeRound.findMany({
      where: { committeeId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: page * pageSize,
      take: pageSize,
      select: { id: true, title: true, deadline: true, _count: { select: { rounds: true } } },
    }),
  ]);
  return { total, rows: rows.map((r) => ({ id: r.id, title: r.title, deadline: r.deadline, cells: r._count.rounds })) };
}

export interface CellProgress {
  cellName: string;
  open: boolean;
  counts: DraftCounts;
}

/** A committee round with its committee, or null. */
export async function committeeRoundById(db: DbTx, committeeRoundId: string) {
  return db.committeeRound.findUnique({ where: { id: committeeRoundId }, include: { committee: true } });
}

/** The counts of every cell's drafts in a committee round (the totals), and one page of cells by name. */
export async function roundProgress(db: DbTx, committeeRoundId: string, page: number): Promise<{ cells: number; totals: DraftCounts; rows: CellProgress[] }> {
  const where = { committeeRoundId };
  const [cells, rounds, grouped] = await Promise.all([
    db.reportRound.count({ where }),
    db.reportRound.findMany({
      where,
      orderBy: [{ cell: { name: "asc" } }, { id: "asc" }],
      skip: page * pageSize,
      take: pageSize,
      select: { id: true, status: true, cell: { select: { name: true } } },
    }),
    // Grouped by round and status over the whole committee round: a few rows per cell, never one per member.
    db.reportDraft.groupBy({ by: ["roundId", "status"], where: { round: where }, _count: { _all: true } }),
  ]);
  const byRound = new Map<string, DraftCounts>();
  const totals = noDrafts();
  for (const g of grouped) {
    const counts = byRound.get(g.roundId) ?? noDrafts();
    add(counts, g.status, g._count._all);
    add(totals, g.status, g._count._all);
    byRound.set(g.roundId, counts);
  }
  const rows: CellProgress[] = rounds.map((r) => ({ cellName: r.cell.name, open: r.status === "open", counts: byRound.get(r.id) ?? noDrafts() }));
  return { cells, totals, rows };
}

/** How many people a notice to this audience would reach now (each once, whatever cells they are in). */
export async function noticeReach(db: DbTx, committeeId: string, audience: NoticeAudience): Promise<number> {
  const roles = audience === "secretaries" ? sql`AND m.role IN ('secretary', 'deputy')` : sql``;
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(DISTINCT m.person_id) AS n FROM membership m JOIN cell c ON c.id = m.cell_id WHERE c.committee_id = ${committeeId} AND m.status = 'active' ${roles}`;
  return Number(rows[0]?.n ?? 0);
}

export async function linkedCellCount(db: DbTx, committeeId: string): Promise<number> {
  return db.cell.count({ where: { committeeId } });
}

/** Whether the cell is linked to the committee now (a picked cell is checked like a typed one). */
export async function isLinkedCell(db: DbTx, committeeId: string, cellId: string): Promise<boolean> {
  return (await db.cell.findUnique({ where: { id: cellId }, select: { committeeId: true } }))?.committeeId === committeeId;
}

/** The names of the chosen cells that are linked to the committee, by name. */
export async function linkedCellNames(db: DbTx, committeeId: string, cellIds: string[]): Promise<string[]> {
  const cells = await db.cell.findMany({ where: { id: { in: cellIds }, committeeId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { name: true } });
  return cells.map((c) => c.name);
}

/** A cell with its committee, for the member picker of an issue. */
export async function cellWithCommittee(db: DbTx, cellId: string) {
  return db.cell.findUnique({ where: { id: cellId }, select: { id: true, name: true, committeeId: true } });
}

/** The person's name when they are an active member of the cell. */
export async function activeMemberName(db: DbTx, cellId: string, personId: string): Promise<string | null | undefined> {
  const m = await db.membership.findUnique({ where: { cellId_personId: { cellId, personId } }, select: { status: true, person: { select: { fullName: true } } } });
  return m?.status === "active" ? m.person.fullName : undefined;
}

/** A notice as the outbox sends it, with its committee's name. */
export async function noticeForSending(db: DbTx, noticeId: string) {
  return db.committeeNotice.findUnique({ where: { id: noticeId }, select: { committeeId: true, audience: true, text: true, committee: { select: { name: true } } } });
}

/** The person's active membership in the cell, with the cell's committee now; null otherwise. */
export async function membershipUnder(db: DbTx, cellId: string, personId: string) {
  const m = await db.membership.findUnique({ where: { cellId_personId: { cellId, personId } }, select: { status: true, role: true, cell: { select: { committeeId: true } } } });
  return m?.status === "active" ? { role: m.role, committeeId: m.cell.committeeId } : null;
}

/** A cell's round opened by a committee, for the notice to the cell's secretary and deputy. */
export async function cellRoundForNotice(db: DbTx, roundId: string) {
  return db.reportRound.findUnique({
    where: { id: roundId },
    select: { id: true, title: true, deadline: true, status: true, cellId: true, cell: { select: { name: true, timeZone: true } }, committeeRound: { select: { committee: { select: { name: true } } } }, _count: { select: { drafts: true } } },
  });
}
