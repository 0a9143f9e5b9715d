/**
 * The cell's regular monthly meeting ("sinh hoạt chi bộ định kỳ"): either a day of the month or
 * the nth weekday of the month, at a wall time in the cell's zone.
 *
 * Short months: a dayOfMonth rule for the 29th, 30th or 31st falls on the last day of a month
 * that is shorter (31 → 30/4, 28/2 or 29/2), so that no month is skipped: the Party's rules
 * require the cell to meet every month.
 */
import { z } from "zod";
import {
  dayPrefix,
  lexeme,
  normalizeVi,
  resolveClock,
  scanTokens,
  timeLexemes,
  weekdayFromMatch,
  weekdayPattern,
  type Lexeme,
  type Period,
  type TimeOfDay,
  type TimeToken,
} from "./parse-vi-datetime.ts";
import { daysInMonth, formatViTime, utcToZonedWall, weekdayNamesVi, weekdayOf, zonedWallToUtc } from "./zoned.ts";

const hour = z.number().int().min(0).max(23);
const minute = z.number().int().min(0).max(59);

export const monthlyRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dayOfMonth"), day: z.number().int().min(1).max(31), hour, minute }),
  z.object({
    kind: z.literal("weekdayOfMonth"),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: z.number().int().min(0).max(6),
    /** -1 = the last one of the month. A 5th is not offered: most months have none. */
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    hour,
    minute,
  }),
]);

export type MonthlyRule = z.infer<typeof monthlyRuleSchema>;

/** The day of `month` (1–12) of `year` on which the rule falls; every month has exactly one. */
export function occurrenceDay(rule: MonthlyRule, year: number, month: number): number {
  const length = daysInMonth(year, month);
  if (rule.kind === "dayOfMonth") return Math.min(rule.day, length);
  if (rule.nth === -1) return length - ((weekdayOf({ year, month, day: length }) - rule.weekday + 7) % 7);
  return 1 + ((rule.weekday - weekdayOf({ year, month, day: 1 }) + 7) % 7) + 7 * (rule.nth - 1);
}

export interface OccurrenceQuery {
  after: Date;
  count: number;
  timeZone: string;
}

/** The next `count` meetings, as UTC instants strictly after `after`, in order. */
export function nextOccurrences(rule: MonthlyRule, { after, count, timeZone }: OccurrenceQuery): Date[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const out: Date[] = [];
  let { year, month } = utcToZonedWall(after, timeZone);
  // Each month holds exactly one occurrence, so this ends after at most count + 1 months.
  while (out.length < count) {
    const day = occurrenceDay(rule, year, month);
    const at = zonedWallToUtc({ year, month, day, hour: rule.hour, minute: rule.minute }, timeZone);
    if (at.getTime() > after.getTime()) out.push(at);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}

export function nextOccurrence(rule: MonthlyRule, query: Omit<OccurrenceQuery, "count">): Date {
  const [next] = nextOccurrences(rule, { ...query, count: 1 });
  if (!next) throw new Error("unreachable: every month has an occurrence");
  return next;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese text

type Nth = Extract<MonthlyRule, { kind: "weekdayOfMonth" }>["nth"];

function nthNameVi(nth: Nth): string {
  if (nth === -1) return "cuối cùng";
  return nth === 1 ? "đầu tiên" : `thứ ${["hai", "ba", "tư"][nth - 2]}`;
}

/** "ngày 5 hằng tháng, lúc 19:30", "thứ Năm cuối cùng của tháng, lúc 14:00". */
export function describeMonthlyRuleVi(rule: MonthlyRule): string {
  const at = `lúc ${formatViTime(rule.hour, rule.minute)}`;
  if (rule.kind === "weekdayOfMonth") return `${weekdayNamesVi[rule.weekday]} ${nthNameVi(rule.nth)} của tháng, ${at}`;
  // Spelled out because "ngày 31 hằng tháng" alone hides what happens in April.
  const shortMonths = rule.day >= 29 ? ` (tháng nào không có ngày ${rule.day} thì họp ngày cuối tháng)` : "";
  return `ngày ${rule.day} hằng tháng${shortMonths}, ${at}`;
}

export type MonthlyRuleFailureReason =
  | "empty"
  | "unclear"
  | "invalid_day"
  | "invalid_time"
  | "missing_time"
  | "missing_day"
  | "nth_unsupported";

export type MonthlyRuleParseResult = { ok: true; rule: MonthlyRule } | { ok: false; reason: MonthlyRuleFailureReason; detail?: string };

type RuleToken =
  | TimeToken
  | { kind: "dayOfMonth"; day: number }
  | { kind: "weekday"; weekday: number }
  | { kind: "nth"; nth: number }
  | { kind: "monthly" };

const ofMonth = String.raw`(?:\s+(?:cua|trong))?(?:\s+(?:hang|moi))?\s+thang`;
const ordinals: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5 };

const ruleLexemes: readonly Lexeme<RuleToken>[] = [
  lexeme(String.raw`${dayPrefix}\s+(\d{1,2})(?:\s+(?:(?:cua|trong)\s+)?(?:hang|moi)\s+thang)?`, (m) => ({ kind: "dayOfMonth", day: Number(m[1]) })),
  // "ngày cuối tháng" is the 31st with the short-month rule.
  lexeme(String.raw`ngay\s+cuoi(?:\s+cung)?${ofMonth}`, () => ({ kind: "dayOfMonth", day: 31 })),
  lexeme(String.raw`(?:(?:cua|vao)\s+)?(?:tuan\s+)?cuoi(?:\s+cung)?${ofMonth}`, () => ({ kind: "nth", nth: -1 })),
  // "thứ 2 tuần đầu tháng" is read as the first Monday, as people mean it.
  lexeme(String.raw`(?:(?:cua|vao)\s+)?(?:tuan\s+)?dau(?:\s+tien)?${ofMonth}`, () => ({ kind: "nth", nth: 1 })),
  // Tried before the weekday, so "thứ Sáu thứ hai của tháng" is Friday + 2nd, not two weekdays.
  lexeme(String.raw`(?:(?:cua|vao)\s+)?(?:(?:lan|tuan)\s+)?thu\s*(nhat|hai|ba|tu|nam|[1-5])${ofMonth}`, (m) => ({
    kind: "nth",
    nth: ordinals[m[1] ?? ""] ?? Number(m[1]),
  })),
  lexeme(weekdayPattern, (m) => ({ kind: "weekday", weekday: weekdayFromMatch(m[1], m[2]) })),
  lexeme(String.raw`(?:hang|moi)\s+thang`, () => ({ kind: "monthly" })),
  ...timeLexemes,
];

interface RuleSlots {
  day?: number;
  weekday?: number;
  nth?: number;
  clock?: TimeOfDay;
  period?: Period;
}

const ruleFail = (reason: MonthlyRuleFailureReason, detail?: string): MonthlyRuleParseResult =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

function collectRuleSlots(tokens: readonly RuleToken[]): RuleSlots | undefined {
  const slots: RuleSlots = {};
  const set = <K extends keyof RuleSlots>(key: K, value: RuleSlots[K]) => {
    if (slots[key] !== undefined) return false;
    slots[key] = value;
    return true;
  };
  for (const t of tokens) {
    const fresh =
      t.kind === "dayOfMonth"
        ? set("day", t.day)
        : t.kind === "weekday"
          ? set("weekday", t.weekday)
          : t.kind === "nth"
            ? set("nth", t.nth)
            : t.kind === "clock"
              ? set("clock", { hour: t.hour, minute: t.minute })
              : t.kind === "period"
                ? set("period", t.period)
                : true;
    if (!fresh) return undefined;
  }
  return slots;
}

function dayPart(slots: RuleSlots): { ok: true; part: { kind: "dayOfMonth"; day: number } | { kind: "weekdayOfMonth"; weekday: number; nth: number } } | MonthlyRuleParseResult {
  const { day, weekday, nth } = slots;
  if (day !== undefined) {
    if (weekday !== undefined || nth !== undefined) return ruleFail("unclear", "day_and_weekday");
    return day >= 1 && day <= 31 ? { ok: true, part: { kind: "dayOfMonth", day } } : ruleFail("invalid_day");
  }
  if (weekday === undefined && nth === undefined) return ruleFail(slots.clock ? "missing_day" : "unclear");
  if (weekday === undefined || nth === undefined) return ruleFail("unclear", weekday === undefined ? "nth_without_weekday" : "weekday_without_nth");
  if (nth === 5) return ruleFail("nth_unsupported");
  return { ok: true, part: { kind: "weekdayOfMonth", weekday, nth } };
}

/**
 * "ngày 5 hằng tháng 19h30", "mùng 5 hàng tháng lúc 19:30", "thứ Năm cuối tháng 14h",
 * "thứ hai đầu tiên của tháng 8h", "thứ 2 tuần đầu tháng 8h", "thứ Sáu thứ hai của tháng 19h".
 */
export function parseViMonthlyRule(text: string): MonthlyRuleParseResult {
  const norm = normalizeVi(text);
  if (!norm) return ruleFail("empty");
  const scanned = scanTokens(norm, ruleLexemes);
  if (!scanned.ok) return ruleFail("unclear", scanned.rest);
  const slots = collectRuleSlots(scanned.tokens);
  if (!slots) return ruleFail("unclear", "repeated");
  const day = dayPart(slots);
  if (!("part" in day)) return day;
  if (!slots.clock) return ruleFail("missing_time");
  const clock = resolveClock(slots.clock, slots.period);
  if (!clock.ok) return ruleFail(clock.reason, clock.detail);
  const rule = monthlyRuleSchema.safeParse({ ...day.part, ...clock.time });
  return rule.success ? { ok: true, rule: rule.data } : ruleFail("unclear", "schema");
}
