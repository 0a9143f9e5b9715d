/**
 * Reads a one-off meeting time the way Vietnamese cell secretaries type it in chat.
 *
 * The text is normalized (case, diacritics, spacing), cut into known tokens, and only then
 * interpreted. A word that is not a known token makes the whole text "unclear": a meeting put
 * at a guessed time is worse than asking again. Day/month order is always D/M.
 */
import { resolveClock, timeLexemes, type Period, type TimeOfDay, type TimeToken } from "./parse-vi-time.ts";
import { lexeme, normalizeVi, num, scanTokens, type Lexeme } from "./scan-vi-text.ts";
import {
  addDays,
  daysInMonth,
  isValidCivilDate,
  utcToZonedWall,
  weekdayOf,
  zonedWallToUtc,
  type CivilDate,
  type ZonedWall,
} from "./zoned.ts";

export type ParseFailureReason = "empty" | "unclear" | "invalid_date" | "past" | "missing_time" | "too_far";

/**
 * `detail` is for logs and for choosing the example to show, never for the user as is:
 * for "missing_time" it names the missing part ("time" or "date"); for "invalid_date" it is
 * "date" or "time"; for "unclear" it is the first unread word or the conflict found.
 */
export type ParseResult =
  | { ok: true; at: Date; wall: ZonedWall }
  | { ok: false; reason: ParseFailureReason; detail?: string };

export interface ParseContext {
  now: Date;
  timeZone: string;
}

/** Farther than this is almost surely a typo in the year. */
export const maxAheadDays = 731;

// Normalization, scanning and the time of day live in their own files; re-exported here because
// the meeting dialogs and monthly-rule.ts import them from this module.
export { lexeme, normalizeVi, scanTokens, type Lexeme, type ScanResult } from "./scan-vi-text.ts";
export {
  applyPeriod,
  parseViTime,
  resolveClock,
  timeLexemes,
  type ClockResult,
  type Period,
  type TimeOfDay,
  type TimeParseResult,
  type TimeToken,
} from "./parse-vi-time.ts";

// ---------------------------------------------------------------------------------------------
// Dates

type DateToken =
  | { kind: "date"; day: number; month?: number; year?: number }
  | { kind: "relative"; days: number }
  | { kind: "weekday"; weekday: number }
  | { kind: "week"; offset: number }
  | { kind: "upcoming" };

type Token = TimeToken | DateToken;

export const dayPrefix = String.raw`(?:ngay\s+(?:mung|mong)|ngay|mung|mong)`;

const weekdayWords: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/** "thứ 2".."thứ 7", "thứ Hai".."thứ Bảy", "T2".."T7", "CN", "Chủ nhật" → 0 = Sunday … 6. */
export const weekdayPattern = String.raw`thu\s*([2-7]|hai|ba|tu|nam|sau|bay)|t\s?([2-7])|chu\s*nhat|cn`;

export function weekdayFromMatch(word: string | undefined, digit: string | undefined): number {
  if (digit !== undefined) return Number(digit) - 1;
  if (word === undefined) return 0;
  return /^\d$/.test(word) ? Number(word) - 1 : (weekdayWords[word] ?? 0);
}

const weekOffsets: Record<string, number> = { nay: 0, sau: 1, "toi~": 1, "toi^": 1, "ke tiep": 1, "tiep theo": 1, "sau nua": 2, truoc: -1 };

const twoDigitYear = (y: number | undefined) => (y !== undefined && y < 100 ? 2000 + y : y);

const dateLexemes: readonly Lexeme<DateToken>[] = [
  lexeme(String.raw`(?:(?:ngay|hom|bua)\s+)?mai`, () => ({ kind: "relative", days: 1 })),
  lexeme(String.raw`(?:hom|bua)\s+nay|nay`, () => ({ kind: "relative", days: 0 })),
  lexeme(String.raw`ngay\s+(?:kia|mot)|mot`, () => ({ kind: "relative", days: 2 })),
  // "5/12", "05/12/2026", "5-12-26", "5.12.2026"; the same separator twice
  lexeme(String.raw`(?:${dayPrefix}\s+)?(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?`, (m) => ({
    kind: "date",
    day: Number(m[1]),
    month: Number(m[3]),
    year: twoDigitYear(num(m[4])),
  })),
  // "ngày 5 tháng 12 (năm 2026)"
  lexeme(String.raw`(?:${dayPrefix}\s+)?(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+(?:nam\s+)?(\d{4}))?`, (m) => ({
    kind: "date",
    day: Number(m[1]),
    month: Number(m[2]),
    year: num(m[3]),
  })),
  lexeme(String.raw`${dayPrefix}\s+(\d{1,2})`, (m) => ({ kind: "date", day: Number(m[1]) })),
  lexeme(String.raw`(?:ngay\s+)?(?:${weekdayPattern})`, (m) => ({ kind: "weekday", weekday: weekdayFromMatch(m[1], m[2]) })),
  lexeme(String.raw`tuan\s+(nay|sau\s+nua|sau|toi[~^]|ke\s+tiep|tiep\s+theo|truoc)`, (m) => ({
    kind: "week",
    offset: weekOffsets[(m[1] ?? "").replace(/\s+/g, " ")] ?? 0,
  })),
  lexeme(String.raw`(?:sap\s+)?toi\^|ke\s+tiep|tiep\s+theo`, () => ({ kind: "upcoming" })),
];

const dateTimeLexemes: readonly Lexeme<Token>[] = [...dateLexemes, ...timeLexemes];

interface Slots {
  date?: Extract<DateToken, { kind: "date" | "relative" }>;
  weekday?: number;
  week?: number;
  upcoming: boolean;
  clock?: TimeOfDay;
  period?: Period;
  /** "thu 6 toi 8h": Friday evening 20:00, or the coming Friday 08:00? */
  toiAfterWeekday: boolean;
}

type Failure = { ok: false; reason: ParseFailureReason; detail?: string };
const fail = (reason: ParseFailureReason, detail?: string): Failure => (detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });

function collectSlots(tokens: readonly Token[]): Slots | Failure {
  const slots: Slots = { upcoming: false, toiAfterWeekday: false };
  let repeated: string | undefined;
  const put = <K extends keyof Slots>(key: K, value: Slots[K]) => {
    if (slots[key] !== undefined && slots[key] !== false) repeated ??= key;
    slots[key] = value;
  };
  for (const [i, t] of tokens.entries()) {
    switch (t.kind) {
      case "date":
      case "relative":
        put("date", t);
        break;
      case "weekday":
        put("weekday", t.weekday);
        break;
      case "week":
        put("week", t.offset);
        break;
      case "upcoming":
        put("upcoming", true);
        break;
      case "clock":
        put("clock", { hour: t.hour, minute: t.minute });
        break;
      case "period":
        put("period", t.period);
        slots.toiAfterWeekday = t.ambiguousToi && tokens[i - 1]?.kind === "weekday";
        break;
      case "filler":
        break;
    }
  }
  return repeated === undefined ? slots : fail("unclear", `two_${repeated}`);
}

/** Checks what can be checked before knowing the year: 31/02 and 30/2 never exist. */
function dateStaticallyValid(d: Extract<DateToken, { kind: "date" }>): boolean {
  if (d.year !== undefined) return d.month !== undefined && isValidCivilDate({ year: d.year, month: d.month, day: d.day });
  if (d.day < 1 || d.day > 31) return false;
  if (d.month === undefined) return true;
  return d.month >= 1 && d.month <= 12 && d.day <= daysInMonth(2000, d.month); // 2000 is leap: allows 29/2
}

function isPlainDate(d: Slots["date"]): d is Extract<DateToken, { kind: "date" }> {
  return d?.kind === "date";
}

/** Dates the text could mean, nearest first; null where that reading does not exist (29/2/2027). */
function candidateDates(slots: Slots, today: CivilDate, todayWeekday: number): (CivilDate | null)[] {
  const valid = (d: CivilDate) => (isValidCivilDate(d) ? d : null);
  const { date, weekday } = slots;
  if (date?.kind === "relative") return [addDays(today, date.days)];
  if (date?.kind === "date") {
    if (date.year !== undefined && date.month !== undefined) return [valid({ year: date.year, month: date.month, day: date.day })];
    if (date.month !== undefined) return [today.year, today.year + 1].map((year) => valid({ year, month: date.month ?? 0, day: date.day }));
    const nextMonth = addDays({ ...today, day: 1 }, 31);
    return [today, nextMonth].map((m) => valid({ year: m.year, month: m.month, day: date.day }));
  }
  if (weekday === undefined) return [];
  const ahead = (weekday - todayWeekday + 7) % 7;
  if (slots.week !== undefined) {
    // Vietnamese weeks run thứ Hai → Chủ nhật.
    const monday = addDays(today, -((todayWeekday + 6) % 7));
    return [addDays(monday, 7 * slots.week + ((weekday + 6) % 7))];
  }
  // "thứ Sáu tới" said on a Friday means next week's Friday, not today.
  if (slots.upcoming) return [addDays(today, ahead === 0 ? 7 : ahead)];
  return [addDays(today, ahead), addDays(today, ahead + 7)];
}

function checkShape(slots: Slots): Failure | undefined {
  const hasDate = slots.date !== undefined || slots.weekday !== undefined;
  if ((slots.week !== undefined || slots.upcoming) && slots.weekday === undefined) return fail("unclear", "week_without_weekday");
  if ((slots.week !== undefined || slots.upcoming) && slots.date !== undefined) return fail("unclear", "week_with_date");
  if (slots.week !== undefined && slots.upcoming) return fail("unclear", "two_weeks");
  if (isPlainDate(slots.date) && !dateStaticallyValid(slots.date)) return fail("invalid_date", "date");
  if (!hasDate && !slots.clock) return fail("unclear", slots.period ? "no_date_no_time" : "nothing");
  if (!slots.clock) return fail("missing_time", "time");
  if (!hasDate) return fail("missing_time", "date");
  return undefined;
}

/**
 * Parses a meeting moment typed in Vietnamese. A date without a year (or a bare weekday) means
 * its next occurrence that is still ahead of `now`; a moment not after `now` is "past".
 */
export function parseViDateTime(text: string, { now, timeZone }: ParseContext): ParseResult {
  const norm = normalizeVi(text);
  if (!norm) return fail("empty");
  const scanned = scanTokens(norm, dateTimeLexemes);
  if (!scanned.ok) return fail("unclear", scanned.rest);
  const slots = collectSlots(scanned.tokens);
  if ("ok" in slots) return slots;
  const typedHour = slots.clock?.hour ?? 0;
  if (slots.clock) {
    const clock = resolveClock(slots.clock, slots.period);
    if (!clock.ok) return clock.reason === "invalid_time" ? fail("invalid_date", "time") : fail("unclear", clock.detail);
    slots.clock = clock.time;
  }
  const shape = checkShape(slots);
  if (shape) return shape;
  const today = utcToZonedWall(now, timeZone);
  // Both readings of "thu 6 toi 19h" give the same moment, except when today is that Friday.
  if (slots.toiAfterWeekday && (typedHour < 12 || slots.weekday === today.weekday)) return fail("unclear", "toi_ambiguous");
  return pickMoment(slots, slots.clock as TimeOfDay, today, now, timeZone);
}

function pickMoment(slots: Slots, time: TimeOfDay, today: ZonedWall, now: Date, timeZone: string): ParseResult {
  const candidates = candidateDates(slots, today, today.weekday);
  let sawPast = false;
  for (const date of candidates) {
    if (!date) continue;
    const at = zonedWallToUtc({ ...date, ...time }, timeZone);
    if (at.getTime() <= now.getTime()) {
      sawPast = true;
      continue;
    }
    if (slots.weekday !== undefined && slots.date !== undefined && weekdayOf(date) !== slots.weekday) return fail("unclear", "weekday_mismatch");
    if (at.getTime() - now.getTime() > maxAheadDays * 86_400_000) return fail("too_far");
    return { ok: true, at, wall: utcToZonedWall(at, timeZone) };
  }
  return sawPast ? fail("past") : fail("invalid_date", "date");
}