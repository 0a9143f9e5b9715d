/**
 * The month a roll-up is about, read in the committee's time zone: a meeting at 23:30 on the last
 * evening of the month counts in that month, whatever the server's zone. On the wire (buttons,
 * document subjects) a month is six digits, "202611".
 */
import { utcToZonedWall, zonedWallToUtc } from "../../../time/zoned.ts";

export interface Month {
  year: number;
  /** 1–12. */
  month: number;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "202611": six digits, short enough for a button and a file link. */
export const monthCode = (m: Month) => `${m.year}${pad2(m.month)}`;
/** "2026-11": for outbox keys and payloads, where people read them in logs. */
export const monthKey = (m: Month) => `${m.year}-${pad2(m.month)}`;
/** "11/2026": as people write it. */
export const monthLabel = (m: Month) => `${pad2(m.month)}/${m.year}`;

/** A month written by `monthCode` or `monthKey`; null for anything else (a forged button). */
export function parseMonth(text: string): Month | null {
  const match = /^(\d{4})-?(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 2000 && year <= 2999 && month >= 1 && month <= 12 ? { year, month } : null;
}

export function monthOf(instant: Date, timeZone: string): Month {
  const w = utcToZonedWall(instant, timeZone);
  return { year: w.year, month: w.month };
}

export function shiftMonth(m: Month, delta: number): Month {
  const index = m.year * 12 + (m.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const compareMonths = (a: Month, b: Month) => a.year * 12 + a.month - (b.year * 12 + b.month);

/** The first instant of the month in the zone. */
export function monthStart(m: Month, timeZone: string): Date {
  return zonedWallToUtc({ year: m.year, month: m.month, day: 1, hour: 0, minute: 0 }, timeZone);
}

/** [from, to): the month's instants in the zone. */
export function monthRange(m: Month, timeZone: string): { from: Date; to: Date } {
  return { from: monthStart(m, timeZone), to: monthStart(shiftMonth(m, 1), timeZone) };
}
