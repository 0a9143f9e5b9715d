import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeMonthlyRuleVi,
  monthlyRuleSchema,
  nextOccurrence,
  nextOccurrences,
  occurrenceDay,
  parseViMonthlyRule,
  type MonthlyRule,
} from "../../../bot/core/time/monthly-rule.ts";
import { daysInMonth, formatVi, utcToZonedWall, wallTimeExists, zonedWallToUtc } from "../../../bot/core/time/zoned.ts";

const HCM = "Asia/Ho_Chi_Minh";
const dates = (rule: MonthlyRule, after: string, count: number, timeZone = HCM) =>
  nextOccurrences(rule, { after: new Date(after), count, timeZone }).map((d) => formatVi(d, timeZone));

describe("monthlyRuleSchema", () => {
  it("accepts both kinds", () => {
    expect(monthlyRuleSchema.parse({ kind: "dayOfMonth", day: 5, hour: 19, minute: 30 })).toEqual({ kind: "dayOfMonth", day: 5, hour: 19, minute: 30 });
    expect(monthlyRuleSchema.parse({ kind: "weekdayOfMonth", weekday: 4, nth: -1, hour: 14, minute: 0 })).toMatchObject({ nth: -1 });
  });

  it.each([
    { kind: "dayOfMonth", day: 0, hour: 8, minute: 0 },
    { kind: "dayOfMonth", day: 32, hour: 8, minute: 0 },
    { kind: "dayOfMonth", day: 5.5, hour: 8, minute: 0 },
    { kind: "dayOfMonth", day: 5, hour: 24, minute: 0 },
    { kind: "dayOfMonth", day: 5, hour: 8, minute: 60 },
    { kind: "weekdayOfMonth", weekday: 7, nth: 1, hour: 8, minute: 0 },
    { kind: "weekdayOfMonth", weekday: 1, nth: 5, hour: 8, minute: 0 },
    { kind: "weekdayOfMonth", weekday: 1, nth: 0, hour: 8, minute: 0 },
    { kind: "weekdayOfMonth", day: 5, hour: 8, minute: 0 },
    { kind: "weekly", weekday: 1, hour: 8, minute: 0 },
  ])("rejects %j", (value) => {
    expect(monthlyRuleSchema.safeParse(value).success).toBe(false);
  });
});

describe("nextOccurrences: day of month", () => {
  const fifth: MonthlyRule = { kind: "dayOfMonth", day: 5, hour: 19, minute: 30 };

  it("gives the next months at the wall time in the zone", () => {
    expect(nextOccurrences(fifth, { after: new Date("2026-11-24T03:00:00Z"), count: 3, timeZone: HCM }).map((d) => d.toISOString())).toEqual([
      "2026-12-05T12:30:00.000Z",
      "2027-01-05T12:30:00.000Z",
      "2027-02-05T12:30:00.000Z",
    ]);
  });

  it("is strictly after `after`", () => {
    expect(dates(fifth, "2026-12-05T12:30:00Z", 1)).toEqual(["19:30 thứ Ba, 05/01/2027"]);
    expect(dates(fifth, "2026-12-05T12:29:00Z", 1)).toEqual(["19:30 thứ Bảy, 05/12/2026"]);
  });

  it("starts from the zone's month, not UTC's", () => {
    const first: MonthlyRule = { kind: "dayOfMonth", day: 1, hour: 8, minute: 0 };
    // 01:00 on 1/12 in HCM, still 30/11 in UTC
    expect(dates(first, "2026-11-30T18:00:00Z", 1)).toEqual(["08:00 thứ Ba, 01/12/2026"]);
  });

  it("falls on the last day of shorter months for 31 (non-leap year)", () => {
    const rule: MonthlyRule = { kind: "dayOfMonth", day: 31, hour: 8, minute: 0 };
    expect(dates(rule, "2026-12-31T12:00:00Z", 12).map((s) => s.slice(-10))).toEqual([
      "31/01/2027",
      "28/02/2027",
      "31/03/2027",
      "30/04/2027",
      "31/05/2027",
      "30/06/2027",
      "31/07/2027",
      "31/08/2027",
      "30/09/2027",
      "31/10/2027",
      "30/11/2027",
      "31/12/2027",
    ]);
  });

  it("falls on 29/2 in a leap year and 28/2 otherwise, for days 29, 30 and 31", () => {
    for (const day of [29, 30, 31]) {
      const rule: MonthlyRule = { kind: "dayOfMonth", day, hour: 8, minute: 0 };
      expect(occurrenceDay(rule, 2028, 2)).toBe(29);
      expect(occurrenceDay(rule, 2027, 2)).toBe(28);
      expect(occurrenceDay(rule, 2100, 2)).toBe(28);
      expect(occurrenceDay(rule, 2000, 2)).toBe(29);
      expect(occurrenceDay(rule, 2027, 4)).toBe(Math.min(day, 30));
    }
    expect(dates({ kind: "dayOfMonth", day: 30, hour: 8, minute: 0 }, "2028-01-31T00:00:00Z", 2)).toEqual([
      "08:00 thứ Ba, 29/02/2028",
      "08:00 thứ Năm, 30/03/2028",
    ]);
  });

  it("returns nothing for count 0 and refuses a bad count", () => {
    expect(nextOccurrences(fifth, { after: new Date(), count: 0, timeZone: HCM })).toEqual([]);
    expect(() => nextOccurrences(fifth, { after: new Date(), count: -1, timeZone: HCM })).toThrow(RangeError);
    expect(() => nextOccurrences(fifth, { after: new Date(), count: 1.5, timeZone: HCM })).toThrow(RangeError);
  });
});

describe("nextOccurrences: weekday of month", () => {
  it("finds the last Thursday (checked against the real calendar)", () => {
    const rule: MonthlyRule = { kind: "weekdayOfMonth", weekday: 4, nth: -1, hour: 14, minute: 0 };
    expect(dates(rule, "2026-11-01T00:00:00Z", 6)).toEqual([
      "14:00 thứ Năm, 26/11/2026",
      "14:00 thứ Năm, 31/12/2026",
      "14:00 thứ Năm, 28/01/2027",
      "14:00 thứ Năm, 25/02/2027",
      "14:00 thứ Năm, 25/03/2027",
      "14:00 thứ Năm, 29/04/2027",
    ]);
  });

  it("finds the first Monday", () => {
    const rule: MonthlyRule = { kind: "weekdayOfMonth", weekday: 1, nth: 1, hour: 8, minute: 0 };
    expect(dates(rule, "2026-11-24T03:00:00Z", 4)).toEqual([
      "08:00 thứ Hai, 07/12/2026",
      "08:00 thứ Hai, 04/01/2027",
      "08:00 thứ Hai, 01/02/2027",
      "08:00 thứ Hai, 01/03/2027",
    ]);
  });

  it("finds the second Friday and the fourth Sunday", () => {
    expect(dates({ kind: "weekdayOfMonth", weekday: 5, nth: 2, hour: 19, minute: 0 }, "2026-11-24T03:00:00Z", 3)).toEqual([
      "19:00 thứ Sáu, 11/12/2026",
      "19:00 thứ Sáu, 08/01/2027",
      "19:00 thứ Sáu, 12/02/2027",
    ]);
    // February 2026 starts on a Sunday: its fourth Sunday is the 22nd.
    expect(occurrenceDay({ kind: "weekdayOfMonth", weekday: 0, nth: 4, hour: 8, minute: 0 }, 2026, 2)).toBe(22);
  });

  it("moves a meeting in a DST gap forward by an hour", () => {
    const rule: MonthlyRule = { kind: "weekdayOfMonth", weekday: 0, nth: -1, hour: 2, minute: 30 };
    const [march] = nextOccurrences(rule, { after: new Date("2027-03-01T00:00:00Z"), count: 1, timeZone: "Europe/Berlin" });
    expect(march?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(nextOccurrence(rule, { after: new Date("2027-03-01T00:00:00Z"), timeZone: "Europe/Berlin" })).toEqual(march);
  });
});

describe("nextOccurrences: property", () => {
  const zones = [HCM, "UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];
  const time = { hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) };
  const ruleArb: fc.Arbitrary<MonthlyRule> = fc.oneof(
    fc.record({ kind: fc.constant("dayOfMonth" as const), day: fc.integer({ min: 1, max: 31 }), ...time }),
    fc.record({
      kind: fc.constant("weekdayOfMonth" as const),
      weekday: fc.integer({ min: 0, max: 6 }),
      nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
      ...time,
    }),
  );

  const fallsOnRuleDay = (rule: MonthlyRule, w: ReturnType<typeof utcToZonedWall>) => {
    const length = daysInMonth(w.year, w.month);
    if (rule.kind === "dayOfMonth") return w.day === Math.min(rule.day, length);
    if (w.weekday !== rule.weekday) return false;
    return rule.nth === -1 ? w.day + 7 > length : Math.ceil(w.day / 7) === rule.nth;
  };

  it("every result is after `after`, increasing, one a month, on the rule's day at its wall time", () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(...zones),
        (rule, afterMs, count, timeZone) => {
          expect(monthlyRuleSchema.safeParse(rule).success).toBe(true);
          const after = new Date(afterMs);
          const out = nextOccurrences(rule, { after, count, timeZone });
          expect(out).toHaveLength(count);
          let previous = after.getTime();
          let previousMonth: number | undefined;
          for (const at of out) {
            expect(at.getTime()).toBeGreaterThan(previous);
            previous = at.getTime();
            const w = utcToZonedWall(at, timeZone);
            const expected = { year: w.year, month: w.month, day: w.day, hour: rule.hour, minute: rule.minute };
            expect(fallsOnRuleDay(rule, w)).toBe(true);
            if (wallTimeExists(expected, timeZone)) expect([w.hour, w.minute]).toEqual([rule.hour, rule.minute]);
            else expect(at).toEqual(zonedWallToUtc(expected, timeZone));
            const monthIndex = w.year * 12 + w.month;
            if (previousMonth !== undefined) expect(monthIndex).toBe(previousMonth + 1);
            previousMonth = monthIndex;
          }
          // Nothing was skipped: the occurrence a month before the first one is not after `after`.
          const first = utcToZonedWall(out[0] as Date, timeZone);
          const [py, pm] = first.month === 1 ? [first.year - 1, 12] : [first.year, first.month - 1];
          const before = zonedWallToUtc({ year: py, month: pm, day: occurrenceDay(rule, py, pm), hour: rule.hour, minute: rule.minute }, timeZone);
          expect(before.getTime()).toBeLessThanOrEqual(after.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("describeMonthlyRuleVi reads back through parseViMonthlyRule", () => {
    const roundTrippable = ruleArb.filter((r) => r.kind === "weekdayOfMonth" || r.day <= 28);
    fc.assert(
      fc.property(roundTrippable, (rule) => {
        expect(parseViMonthlyRule(describeMonthlyRuleVi(rule))).toEqual({ ok: true, rule });
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseViMonthlyRule", () => {
  const day = (d: number, hour: number, minute: number): MonthlyRule => ({ kind: "dayOfMonth", day: d, hour, minute });
  const wd = (weekday: number, nth: 1 | 2 | 3 | 4 | -1, hour: number, minute: number): MonthlyRule => ({ kind: "weekdayOfMonth", weekday, nth, hour, minute });

  it.each<[string, MonthlyRule]>([
    ["ngày 5 hằng tháng 19h30", day(5, 19, 30)],
    ["mùng 5 hàng tháng lúc 19:30", day(5, 19, 30)],
    ["ngay 5 hang thang 19h30", day(5, 19, 30)],
    ["Ngày 5 mỗi tháng, lúc 7h30 tối", day(5, 19, 30)],
    ["hằng tháng vào ngày 5 lúc 19h", day(5, 19, 0)],
    ["19h30 ngày 20 hằng tháng", day(20, 19, 30)],
    ["ngày 31 hằng tháng 8h", day(31, 8, 0)],
    ["ngày cuối tháng 8h", day(31, 8, 0)],
    ["thứ Năm cuối tháng 14h", wd(4, -1, 14, 0)],
    ["thu nam cuoi thang 14h", wd(4, -1, 14, 0)],
    ["thứ 5 cuối cùng của tháng 14:00", wd(4, -1, 14, 0)],
    ["chủ nhật tuần cuối tháng 8h", wd(0, -1, 8, 0)],
    ["thứ hai đầu tiên của tháng 8h", wd(1, 1, 8, 0)],
    ["thu hai dau tien cua thang 8h", wd(1, 1, 8, 0)],
    ["thứ 2 tuần đầu tháng 8h", wd(1, 1, 8, 0)],
    ["T2 đầu tháng 8h", wd(1, 1, 8, 0)],
    ["thứ Sáu thứ hai của tháng 19h", wd(5, 2, 19, 0)],
    ["thu sau thu hai cua thang 19h", wd(5, 2, 19, 0)],
    ["thứ Năm thứ hai hằng tháng 19h", wd(4, 2, 19, 0)],
    ["thứ hai thứ ba của tháng 8h", wd(1, 3, 8, 0)],
    ["thứ 7 tuần thứ 4 của tháng 8h sáng", wd(6, 4, 8, 0)],
    ["CN thứ nhất trong tháng 8h", wd(0, 1, 8, 0)],
  ])("%s", (text, rule) => {
    expect(parseViMonthlyRule(text)).toEqual({ ok: true, rule });
  });

  it.each([
    ["", "empty"],
    ["họp chi bộ", "unclear"],
    ["thứ năm 14h", "unclear"],
    ["thứ hai của tháng 8h", "unclear"],
    ["ngày 5 thứ năm cuối tháng 8h", "unclear"],
    ["ngày 5 hằng tháng 8h 9h", "unclear"],
    ["ngày 5 hằng tháng 19h sáng", "unclear"],
    ["ngày 0 hằng tháng 8h", "invalid_day"],
    ["ngày 32 hằng tháng 8h", "invalid_day"],
    ["ngày 5 hằng tháng 25h", "invalid_time"],
    ["ngày 5 hằng tháng 19h75", "invalid_time"],
    ["ngày 5 hằng tháng", "missing_time"],
    ["thứ Năm cuối tháng", "missing_time"],
    ["19h30", "missing_day"],
    ["thứ năm thứ năm của tháng 8h", "nth_unsupported"],
  ])("%j → %s", (text, reason) => {
    expect(parseViMonthlyRule(text)).toMatchObject({ ok: false, reason });
  });
});

describe("describeMonthlyRuleVi", () => {
  it.each<[MonthlyRule, string]>([
    [{ kind: "dayOfMonth", day: 5, hour: 19, minute: 30 }, "ngày 5 hằng tháng, lúc 19:30"],
    [{ kind: "weekdayOfMonth", weekday: 4, nth: -1, hour: 14, minute: 0 }, "thứ Năm cuối cùng của tháng, lúc 14:00"],
    [{ kind: "weekdayOfMonth", weekday: 1, nth: 1, hour: 8, minute: 0 }, "thứ Hai đầu tiên của tháng, lúc 08:00"],
    [{ kind: "weekdayOfMonth", weekday: 5, nth: 2, hour: 19, minute: 0 }, "thứ Sáu thứ hai của tháng, lúc 19:00"],
    [{ kind: "weekdayOfMonth", weekday: 0, nth: 4, hour: 7, minute: 5 }, "Chủ nhật thứ tư của tháng, lúc 07:05"],
    [{ kind: "dayOfMonth", day: 31, hour: 8, minute: 0 }, "ngày 31 hằng tháng (tháng nào không có ngày 31 thì họp ngày cuối tháng), lúc 08:00"],
  ])("%j → %s", (rule, text) => {
    expect(describeMonthlyRuleVi(rule)).toBe(text);
  });
});
