/** What the committee's screens read: counts and pages, never a whole audience at once. */
import type { DbTx } from "../../../db/client.ts";

export const pageSize = 10;

export interface CellRow {
  id: string;
  name: string;
  members: number;
  inCharge: string | null;
}

export async function committeeSummary(db: DbTx, committeeId: string): Promise<{ cells: number; pendingLinks: number; officers: number; parentName: string | null }> {
  const [cells, pendingLinks, officers, committee] = await Promise.all([
    db.cell.count({ where: { committeeId } }),
    db.committeeLink.count({ where: { committeeId, status: "pending" } }),
    db.committeeOfficer.count({ where: { committeeId, status: "active" } }),
    db.committee.findUnique({ where: { id: committeeId }, select: { parent: { select: { name: true } } } }),
  ]);
  return { cells, pendingLinks, officers, parentName: committee?.parent?.name ?? null };
}

/** One page of the committee's cells by name, with their active member counts and officer in charge. */
export async function cellPage(db: DbTx, committeeId: string, page: number): Promise<{ total: number; rows: CellRow[] }> {
  const [total, cells] = await Promise.all([
    db.cell.count({ where: { committeeId } }),
    db.cell.findMany({
      where: { committeeId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: page * pageSize,
      take: pageSize,
      select: { id: true, name: true, charge: { select: { officer: { select: { person: { select: { fullName: true } } } } } } },
    }),
  ]);
  const counts = await db.membership.groupBy({ by: ["cellId"], where: { cellId: { in: cells.map((c) => c.id) }, status: "active" }, _count: { _all: true } });
  const byCell = new Map(counts.map((c) => [c.cellId, c._count._all]));
  return { total, rows: cells.map((c) => ({ id: c.id, name: c.name, members: byCell.get(c.id) ?? 0, inCharge: c.charge?.officer.person.fullName ?? null })) };
}

export interface OfficerRow {
  id: string;
  personId: string;
  role: string;
  name: string | null;
  cellsInCharge: number;
}

const roleOrder: Record<string, number> = { secretary: 0, deputy: 1, member: 2 };

export async function officerList(db: DbTx, committeeId: string): Promise<OfficerRow[]> {
  const rows = await db.committeeOfficer.findMany({
    where: { committeeId, status: "active" },
    select: { id: true, personId: true, role: true, person: { select: { fullName: true } }, _count: { select: { charges: true } } },
    orderBy: { appointedAt: "asc" },
  });
  return rows
    .map((r) => ({ id: r.id, personId: r.personId, role: r.role, name: r.person.fullName, cellsInCharge: r._count.charges }))
    .sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9));
}

export async function officerCard(db: DbTx, officerId: string) {
  return db.committeeOfficer.findUnique({
    where: { id: officerId },
    include: { person: { select: { fullName: true } }, committee: true, charges: { select: { cell: { select: { id: true, name: true } } } } },
  });
}

/** A page of a cell's active members, for appointing one of them. */
export async function memberPage(db: DbTx, cellId: string, page: number): Promise<{ total: number; rows: { personId: string; name: string | null }[] }> {
  const where = { cellId, status: "active" };
  const [total, rows] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({ where, orderBy: { id: "asc" }, skip: page * pageSize, take: pageSize, select: { personId: true, person: { select: { fullName: true } } } }),
  ]);
  return { total, rows: rows.map((r) => ({ personId: r.personId, name: r.person.fullName })) };
}
