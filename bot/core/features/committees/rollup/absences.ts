/**
 * Members nearing removal (QĐ 294 §8.1): who has, this calendar year, months with an absence
 * without a valid reason. Counted per member by the database; only those past the warning come back.
 */
import type { DbTx } from "../../../../db/client.ts";
import { joinSql, sql, type Sql } from "../../../../db/sql.ts";
import { collator, groupInto } from "./collate.ts";
import { warningMonths, type AbsenceFact } from "./model.ts";
import { monthStart, shiftMonth, type Month } from "./month.ts";

/**
 * The month number (1–M) of a meeting's start, as SQL: a CASE over the months' first instants in
 * the committee's zone, so the database counts distinct months per member whatever the zone, with
 * no zone support of its own (SQLite has none). The month numbers are our own integers, written
 * into the SQL text; the instants go as parameters.
 */
function monthNumberSql(upTo: Month, timeZone: string): Sql {
  const whens = [];
  for (let m = 1; m < upTo.month; m++) {
    whens.push(sql([`WHEN m.starts_at < `, ` THEN ${m} `], monthStart({ year: upTo.year, month: m + 1 }, timeZone)));
  }
  return whens.length === 0 ? sql`1` : sql([`CASE `, ` ELSE ${upTo.month} END`], joinSql(whens, ""));
}

/**
 * Members still active in the cells who have, this calendar year up to the end of the month,
 * `warningMonths` or more months with an absence without a valid reason (any meeting that was not
 * cancelled, as the cell's own /chuyencan counts). The absences are grouped first and only the
 * few members past the warning are joined to their membership and name: joining every absence
 * row doubled the time on 15,000 members (bench:rollup).
 */
export async function absenceMonths(db: DbTx, q: { timeZone: string; month: Month; cellIds: readonly string[] }): Promise<Map<string, AbsenceFact[]>> {
  const yearStart = monthStart({ year: q.month.year, month: 1 }, q.timeZone);
  const end = monthStart(shiftMonth(q.month, 1), q.timeZone);
  const rows = await db.$queryRaw<{ cell_id: string; person_id: string; full_name: string | null; months: number | bigint | string }[]>`
    SELECT x.cell_id, x.person_id, p.full_name, x.months
    FROM (
      SELECT y.cell_id, y.person_id, COUNT(DISTINCT y.month) AS months
      FROM (
        SELECT m.cell_id, a.person_id, ${monthNumberSql(q.month, q.timeZone)} AS month
        FROM meeting m JOIN attendance a ON a.meeting_id = m.id
        WHERE m.cell_id IN (${joinSql([...q.cellIds])}) AND m.status = 'scheduled' AND m.starts_at >= ${yearStart} AND m.starts_at < ${end} AND a.status = 'absent'
      ) y
      GROUP BY y.cell_id, y.person_id
      HAVING COUNT(DISTINCT y.month) >= ${warningMonths}
    ) x
    JOIN membership ms ON ms.cell_id = x.cell_id AND ms.person_id = x.person_id
    JOIN person p ON p.id = x.person_id
    WHERE ms.status = 'active'`;
  const byCell = new Map<string, AbsenceFact[]>();
  for (const r of rows) groupInto(byCell, r.cell_id, { personId: r.person_id, name: r.full_name, months: Number(r.months) });
  for (const list of byCell.values()) list.sort((a, b) => b.months - a.months || collator.compare(a.name ?? "", b.name ?? ""));
  return byCell;
}
