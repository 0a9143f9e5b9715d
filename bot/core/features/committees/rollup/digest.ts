/**
 * The monthly digest: on the day a committee chose, every active officer gets the previous month's
 * roll-up. One job plans the rows of every committee due today in one statement per time zone
 * (practically one), the database choosing the officers; the summary itself is computed when the
 * row is sent, so it shows the month as it stands then.
 */
import type { Db } from "../../../../db/client.ts";
import { joinSql } from "../../../../db/sql.ts";
import type { OutboxRenderer } from "../../../delivery/outbox.ts";
import { addDays, utcToZonedWall, zonedWallToUtc } from "../../../time/zoned.ts";
import { rollupSummary } from "./compute.ts";
import { digestMessage } from "./digest-views.ts";
import { monthKey, monthOf, parseMonth, shiftMonth, type Month } from "./month.ts";

export const digestKind = "committee-digest";
export const digestKeyPrefix = "committee-digest:";
/** Digests go out in the morning (the zone's wall clock); planned later in the evening, the next morning. */
const morning = { hour: 7, minute: 30 };
const eveningHour = 20;

/** `committee-digest:<committee>:<YYYY-MM>:<person>`: one per officer and month, however often the job runs. */
export const digestKey = (committeeId: string, month: Month, personId: string) => `${digestKeyPrefix}${committeeId}:${monthKey(month)}:${personId}`;

interface ZoneDay {
  day: number;
  month: Month;
  dueAt: Date;
}

function zoneDay(now: Date, timeZone: string): ZoneDay {
  const w = utcToZonedWall(now, timeZone);
  const date = w.hour >= eveningHour ? addDays(w, 1) : { year: w.year, month: w.month, day: w.day };
  return { day: w.day, month: shiftMonth({ year: w.year, month: w.month }, -1), dueAt: zonedWallToUtc({ ...date, ...morning }, timeZone) };
}

/**
 * Plans the digest of every committee whose day is today in its zone, to each of its active
 * officers; returns how many rows were added. Safe to run again (hourly, by two instances): a key
 * planned once is left as it is.
 */
export async function planDigests(db: Db, now: Date): Promise<number> {
  const zones = await db.committee.findMany({ where: { digestDay: { not: null } }, distinct: ["timeZone"], select: { timeZone: true } });
  // Zones that share today's date and morning plan together: one statement for all their committees.
  const groups = new Map<string, ZoneDay & { zones: string[] }>();
  for (const { timeZone } of zones) {
    const z = zoneDay(now, timeZone);
    const key = `${z.day}:${monthKey(z.month)}:${z.dueAt.getTime()}`;
    const group = groups.get(key) ?? { ...z, zones: [] };
    group.zones.push(timeZone);
    groups.set(key, group);
  }
  let added = 0;
  for (const g of groups.values()) {
    const middle = `:${monthKey(g.month)}:`;
    added += await db.$executeRaw`INSERT INTO outbox_message (id, key, kind, person_id, cell_id, subject_id, payload, due_at, created_at)
      SELECT d.key, d.key, ${digestKind}, d.person_id, NULL, d.committee_id, ${JSON.stringify({ month: monthKey(g.month) })}, ${g.dueAt}, ${now}
      FROM (SELECT ${digestKeyPrefix} || c.id || ${middle} || o.person_id AS key, o.person_id, c.id AS committee_id
            FROM committee c JOIN committee_officer o ON o.committee_id = c.id
            WHERE c.digest_day = ${g.day} AND c.time_zone IN (${joinSql(g.zones)}) AND o.status = 'active') d
      WHERE true
      ON CONFLICT (key) DO NOTHING`;
  }
  return added;
}

/** The digest with the month's figures as they are when it goes out; none for someone whose post ended. */
export const renderDigest: OutboxRenderer = async (row, ctx) => {
  const { db } = ctx.deps;
  const month = typeof row.payload.month === "string" ? parseMonth(row.payload.month) : null;
  if (!month || !row.subjectId) return { action: "skip", reason: "malformed digest" };
  const committeeId = row.subjectId;
  const post = await db.committeeOfficer.findUnique({ where: { committeeId_personId: { committeeId, personId: row.personId } }, include: { committee: true } });
  if (!post || post.status !== "active") return { action: "skip", reason: "no longer an officer" };
  const { committee } = post;
  // Every officer of a committee gets the same figures: computed once per batch.
  const { summary } = await ctx.memo(`rollup:${committeeId}:${monthKey(month)}`, () => rollupSummary(db, { committeeId, timeZone: committee.timeZone, month, now: ctx.now }));
  const screen = { committeeId, committeeName: committee.name, timeZone: committee.timeZone, month, current: monthOf(ctx.now, committee.timeZone), scope: "a" as const, hasCharges: false };
  return { action: "send", messages: [digestMessage(ctx.t, screen, summary)] };
};
