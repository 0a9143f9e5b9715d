/**
 * Conversions between UTC instants and wall-clock times in an IANA time zone, using only
 * `Intl.DateTimeFormat` (no date library, never the process TZ), plus the Vietnamese formats.
 *
 * DST: a wall time that does not exist (spring-forward gap) is moved forward by the length of
 * the gap (Berlin 02:30 on the switch day → 03:30 CEST); a wall time that occurs twice
 * (fall-back overlap) resolves to the earlier instant. This is Temporal's "compatible" choice,
 * which is also what a person means by "02:30" on those nights more often than not.
 */

/** A calendar date with no time zone (month 1–12). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time in some zone, to the minute. */
export interface WallDateTime extends CivilDate {
  hour: number;
  minute: number;
}

/** `weekday`: 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export interface ZonedWall extends WallDateTime {
  weekday: number;
}

export const defaultTimeZone = "Asia/Ho_Chi_Minh";

const dayMs = 86_400_000;

/** Vietnamese weekday names, indexed by `weekday` (0 = Sunday). */
export const weekdayNamesVi = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"] as const;

// Date.UTC maps years 0–99 to 1900–1999; going through setUTCFullYear avoids that trap.
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

export function isValidCivilDate({ year, month, day }: CivilDate): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function weekdayOf({ year, month, day }: CivilDate): number {
  return new Date(utcMs(year, month, day)).getUTCDay();
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(utcMs(date.year, date.month, date.day) + days * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / dayMs);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface PreciseWall extends WallDateTime {
  second: number;
}

function preciseWall(ms: number, timeZone: string): PreciseWall {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const num = (k: string) => Number(parts[k]);
  const yearOfEra = num("year");
  return {
    year: parts.era === "BC" || parts.era === "B" ? 1 - yearOfEra : yearOfEra,
    month: num("month"),
    day: num("day"),
    // Some ICU versions still print midnight as "24" despite h23.
    hour: num("hour") % 24,
    minute: num("minute"),
    second: num("second"),
  };
}

/** The zone's offset from UTC at that instant, in ms (east positive), to the second. */
function offsetMs(ms: number, timeZone: string): number {
  const w = preciseWall(ms, timeZone);
  const flooredMs = Math.floor(ms / 1000) * 1000;
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - flooredMs;
}

export function utcToZonedWall(date: Date, timeZone: string): ZonedWall {
  const { year, month, day, hour, minute } = preciseWall(date.getTime(), timeZone);
  return { year, month, day, hour, minute, weekday: weekdayOf({ year, month, day }) };
}

function sameWall(a: WallDateTime, b: WallDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

function assertValidWall(wall: WallDateTime): void {
  const timeOk = Number.isInteger(wall.hour) && Number.isInteger(wall.minute) && wall.hour >= 0 && wall.hour <= 23 && wall.minute >= 0 && wall.minute <= 59;
  if (!isValidCivilDate(wall) || !timeOk) throw new RangeError(`Invalid wall time ${JSON.stringify(wall)}`);
}

/**
 * The UTC instant at which clocks in `timeZone` show `wall`. Gaps move forward, overlaps take
 * the earlier instant (see the module comment). Throws RangeError on an impossible date such as
 * 31/02: callers validate what users type before they get here.
 */
export function zonedWallToUtc(wall: WallDateTime, timeZone: string): Date {
  assertValidWall(wall);
  const asUtc = utcMs(wall.year, wall.month, wall.day, wall.hour, wall.minute);
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = offsetMs(asUtc - dayMs, timeZone);
  const offsetAfter = offsetMs(asUtc + dayMs, timeZone);
  const matches = [asUtc - offsetBefore, asUtc - offsetAfter].filter((ms) => sameWall(preciseWall(ms, timeZone), wall));
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap, the pre-transition offset lands past the gap by exactly its length.
  return new Date(asUtc - offsetBefore);
}

/** True when the wall time occurs in the zone (false inside a DST gap). */
export function wallTimeExists(wall: WallDateTime, timeZone: string): boolean {
  return sameWall(utcToZonedWall(zonedWallToUtc(wall, timeZone), timeZone), wall);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "19:30", "08:05". */
export function formatViTime(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** "thứ Năm, 05/12/2026" in the zone. */
export function formatViDate(date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return `${weekdayNamesVi[w.weekday]}, ${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

/** "19:30 thứ Năm, 05/12/2026" in the zone. */
export function formatVi(date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return `${formatViTime(w.hour, w.minute)} ${formatViDate(date, timeZone)}`;
}
