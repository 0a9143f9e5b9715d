/**
 * Reads a time of day typed in Vietnamese ("19h30", "7h30 tối", "lúc 19:30"): the clock and period
 * tokens, the 12-hour → 24-hour reading of a period, and `parseViTime` for dialogs that ask only the
 * time. The tokens are shared with parse-vi-datetime.ts and monthly-rule.ts.
 */
import { lexeme, normalizeVi, num, scanTokens, type Lexeme } from "./scan-vi-text.ts";

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export type TimeParseResult =
  | ({ ok: true } & TimeOfDay)
  | { ok: false; reason: "empty" | "unclear" | "invalid_time"; detail?: string };

// ---------------------------------------------------------------------------------------------
// Tokens, shared with the date parser and the monthly rule

export type Period = "sang" | "trua" | "chieu" | "toi" | "dem";

export type TimeToken =
  | { kind: "clock"; hour: number; minute: number }
  | { kind: "period"; period: Period; ambiguousToi: boolean }
  | { kind: "filler" };

export const timeLexemes: readonly Lexeme<TimeToken>[] = [
  lexeme(String.raw`(\d{1,2}):(\d{2})`, (m) => ({ kind: "clock", hour: Number(m[1]), minute: Number(m[2]) })),
  // "19 giờ", "19 giờ 30 (phút)", "7 giờ rưỡi"
  lexeme(String.raw`(\d{1,2})\s*gio(?:\s*(\d{1,2})(?:\s*phut)?|\s*(ruoi))?`, (m) => clockOf(m)),
  // "19h", "19h30", "19g30", "19h 30p", "7h rưỡi"; a spaced bare number after "h" is too loose
  lexeme(String.raw`(\d{1,2})\s*[hg](?:(\d{1,2})(?:\s*(?:phut|p))?|\s+(\d{1,2})\s*(?:phut|p)|\s*(ruoi))?`, (m) =>
    clockOf([m[0], m[1], m[2] ?? m[3], m[4]]),
  ),
  lexeme(String.raw`(?:buoi\s+)?(sang|trua|chieu|toi~?|dem)`, (m) => {
    const word = m[1] ?? "";
    return { kind: "period", period: word.replace("~", "") as Period, ambiguousToi: word === "toi~" };
  }),
  lexeme(String.raw`vao\s+luc|vao|luc`, () => ({ kind: "filler" })),
];

function clockOf(m: readonly (string | undefined)[]): TimeToken {
  return { kind: "clock", hour: Number(m[1]), minute: m[3] ? 30 : (num(m[2]) ?? 0) };
}

/**
 * Turns a 12-hour reading into 24-hour. Returns undefined when the pair contradicts itself
 * ("19h sáng") or is ambiguous ("12h tối", "12h đêm": which day's midnight?).
 */
export function applyPeriod(hour: number, period: Period): number | undefined {
  switch (period) {
    case "sang":
      return hour <= 11 ? hour : undefined;
    case "trua":
      if (hour >= 10 && hour <= 14) return hour;
      return hour === 1 || hour === 2 ? hour + 12 : undefined;
    case "chieu":
      if (hour >= 1 && hour <= 11) return hour + 12;
      return hour >= 12 ? hour : undefined;
    case "toi":
      if (hour >= 1 && hour <= 11) return hour + 12;
      return hour >= 13 ? hour : undefined;
    case "dem":
      if (hour >= 6 && hour <= 11) return hour + 12;
      return hour <= 5 || hour >= 18 ? hour : undefined;
  }
}

export type ClockResult = { ok: true; time: TimeOfDay } | { ok: false; reason: "unclear" | "invalid_time"; detail: string };

/** Validates the typed clock (24-hour unless a period says otherwise) and applies the period. */
export function resolveClock(clock: TimeOfDay, period: Period | undefined): ClockResult {
  if (clock.hour > 23) return { ok: false, reason: "invalid_time", detail: "hour" };
  if (clock.minute > 59) return { ok: false, reason: "invalid_time", detail: "minute" };
  if (!period) return { ok: true, time: { hour: clock.hour, minute: clock.minute } };
  const hour = applyPeriod(clock.hour, period);
  if (hour === undefined) return { ok: false, reason: "unclear", detail: "period_conflict" };
  return { ok: true, time: { hour, minute: clock.minute } };
}

/** "19h30", "7h30 tối", "lúc 19:30" → {hour, minute}; for dialogs that ask only the time. */
export function parseViTime(text: string): TimeParseResult {
  const norm = normalizeVi(text);
  if (!norm) return { ok: false, reason: "empty" };
  const scanned = scanTokens(norm, timeLexemes);
  if (!scanned.ok) return { ok: false, reason: "unclear", detail: scanned.rest };
  const clocks = scanned.tokens.filter((t) => t.kind === "clock");
  const periods = scanned.tokens.filter((t) => t.kind === "period");
  const [clock] = clocks;
  if (!clock || clocks.length > 1 || periods.length > 1) return { ok: false, reason: "unclear" };
  const resolved = resolveClock(clock, periods[0]?.period);
  return resolved.ok ? { ok: true, ...resolved.time } : resolved;
}
