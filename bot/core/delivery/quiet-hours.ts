import { addDays, utcToZonedWall, zonedWallToUtc } from "../time/zoned.ts";

export interface QuietHours {
  /** "HH:MM" wall-clock time in `timeZone` when quiet begins (e.g. "21:30"). */
  start: string;
  /** "HH:MM" when it ends (e.g. "06:30"); may be on the next day. */
  end: string;
  timeZone: string;
}

const minutesOf = (hhmm: string) => {
  const [h = "0", m = "0"] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
};

/**
 * If `at` falls in the quiet hours, the moment they end; otherwise null. Nobody is woken at night
 * by a reminder: one due then waits for the morning.
 */
export function quietUntil(at: Date, quiet: QuietHours): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const wall = utcToZonedWall(at, quiet.timeZone);
  const now = wall.hour * 60 + wall.minute;
  const overnight = start > end;
  const inside = overnight ? now >= start || now < end : now >= start && now < end;
  if (!inside) return null;
  const day = overnight && now >= start ? addDays(wall, 1) : { year: wall.year, month: wall.month, day: wall.day };
  return zonedWallToUtc({ ...day, hour: Math.floor(end / 60), minute: end % 60 }, quiet.timeZone);
}

/**
 * When messages planned now will really go out, for a confirmation that must not say "sent" at
 * night: null outside the quiet hours, else the end of the quiet hours as the cell's wall clock.
 */
export function heldUntil(cell: { quietStart: string; quietEnd: string; timeZone: string }, now: Date): { time: string; start: string; end: string } | null {
  const until = quietUntil(now, { start: cell.quietStart, end: cell.quietEnd, timeZone: cell.timeZone });
  if (!until) return null;
  const wall = utcToZonedWall(until, cell.timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { time: `${pad(wall.hour)}:${pad(wall.minute)}`, start: cell.quietStart, end: cell.quietEnd };
}
