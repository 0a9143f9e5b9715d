import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatVi,
  formatViDate,
  formatViTime,
  isLeapYear,
  isValidCivilDate,
  isValidTimeZone,
  utcToZonedWall,
  wallTimeExists,
  weekdayOf,
  zonedWallToUtc,
} from "../../../bot/core/time/zoned.ts";

const HCM = "Asia/Ho_Chi_Minh";
const iso = (d: Date) => d.toISOString();

describe("zonedWallToUtc / utcToZonedWall in Asia/Ho_Chi_Minh (UTC+7, no DST)", () => {
  it("converts a wall time to the UTC instant 7 hours earlier", () => {
    expect(iso(zonedWallToUtc({ year: 2026, month: 12, day: 5, hour: 19, minute: 30 }, HCM))).toBe("2026-12-05T12:30:00.000Z");
    expect(iso(zonedWallToUtc({ year: 2026, month: 12, day: 5, hour: 3, minute: 0 }, HCM))).toBe("2026-12-04T20:00:00.000Z");
  });

  it("reads the wall time and weekday back", () => {
    expect(utcToZonedWall(new Date("2026-12-05T12:30:00Z"), HCM)).toEqual({ year: 2026, month: 12, day: 5, hour: 19, minute: 30, weekday: 6 });
  });

  it("crosses the year boundary by the zone's clock, not UTC's", () => {
    expect(utcToZonedWall(new Date("2026-12-31T17:00:00Z"), HCM)).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, weekday: 5 });
    expect(iso(zonedWallToUtc({ year: 2027, month: 1, day: 1, hour: 0, minute: 0 }, HCM))).toBe("2026-12-31T17:00:00.000Z");
  });

  it("drops seconds when reading a wall time", () => {
    expect(utcToZonedWall(new Date("2026-12-05T12:30:59.999Z"), HCM)).toMatchObject({ hour: 19, minute: 30 });
  });

  it("does not depend on the process TZ", () => {
    const before = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(iso(zonedWallToUtc({ year: 2026, month: 6, day: 1, hour: 8, minute: 0 }, HCM))).toBe("2026-06-01T01:00:00.000Z");
    } finally {
      process.env.TZ = before;
    }
  });

  it("throws on a wall time that cannot be, so callers validate first", () => {
    expect(() => zonedWallToUtc({ year: 2026, month: 2, day: 31, hour: 8, minute: 0 }, HCM)).toThrow(RangeError);
    expect(() => zonedWallToUtc({ year: 2026, month: 2, day: 1, hour: 24, minute: 0 }, HCM)).toThrow(RangeError);
    expect(() => zonedWallToUtc({ year: 2026, month: 2, day: 1, hour: 8, minute: 60 }, HCM)).toThrow(RangeError);
  });
});

describe("zones with DST and odd offsets", () => {
  const BERLIN = "Europe/Berlin";

  it("uses CET in winter and CEST in summer", () => {
    expect(iso(zonedWallToUtc({ year: 2026, month: 1, day: 15, hour: 12, minute: 0 }, BERLIN))).toBe("2026-01-15T11:00:00.000Z");
    expect(iso(zonedWallToUtc({ year: 2026, month: 7, day: 15, hour: 12, minute: 0 }, BERLIN))).toBe("2026-07-15T10:00:00.000Z");
    expect(utcToZonedWall(new Date("2026-07-15T10:00:00Z"), BERLIN)).toMatchObject({ hour: 12, minute: 0 });
  });

  it("moves a wall time in the spring-forward gap forward by the gap (02:30 → 03:30 CEST)", () => {
    const wall = { year: 2026, month: 3, day: 29, hour: 2, minute: 30 };
    const at = zonedWallToUtc(wall, BERLIN);
    expect(iso(at)).toBe("2026-03-29T01:30:00.000Z");
    expect(utcToZonedWall(at, BERLIN)).toMatchObject({ day: 29, hour: 3, minute: 30 });
    expect(wallTimeExists(wall, BERLIN)).toBe(false);
    expect(iso(zonedWallToUtc({ ...wall, hour: 1, minute: 59 }, BERLIN))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(zonedWallToUtc({ ...wall, hour: 3, minute: 0 }, BERLIN))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("takes the earlier instant for a wall time that happens twice (fall back)", () => {
    const wall = { year: 2026, month: 10, day: 25, hour: 2, minute: 30 };
    expect(iso(zonedWallToUtc(wall, BERLIN))).toBe("2026-10-25T00:30:00.000Z");
    expect(utcToZonedWall(new Date("2026-10-25T00:30:00Z"), BERLIN)).toMatchObject({ hour: 2, minute: 30 });
    expect(utcToZonedWall(new Date("2026-10-25T01:30:00Z"), BERLIN)).toMatchObject({ hour: 2, minute: 30 });
    expect(wallTimeExists(wall, BERLIN)).toBe(true);
    expect(iso(zonedWallToUtc({ ...wall, hour: 3, minute: 0 }, BERLIN))).toBe("2026-10-25T02:00:00.000Z");
  });

  it("handles America/New_York and the southern hemisphere the same way", () => {
    expect(iso(zonedWallToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(zonedWallToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(zonedWallToUtc({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, "Australia/Sydney"))).toBe("2026-04-04T15:30:00.000Z");
    expect(iso(zonedWallToUtc({ year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, "Australia/Sydney"))).toBe("2026-10-03T16:30:00.000Z");
  });

  it("handles half-hour offsets", () => {
    expect(iso(zonedWallToUtc({ year: 2026, month: 12, day: 5, hour: 19, minute: 30 }, "Asia/Kolkata"))).toBe("2026-12-05T14:00:00.000Z");
  });

  it("round-trips any instant through its wall time (property)", () => {
    const zones = [HCM, BERLIN, "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const wall = utcToZonedWall(new Date(ms), zone);
          const back = zonedWallToUtc(wall, zone);
          expect(utcToZonedWall(back, zone)).toEqual(wall);
          // The earlier instant of an overlap, so never later than the minute we started from.
          expect(back.getTime()).toBeLessThanOrEqual(Math.floor(ms / 60_000) * 60_000);
          if (zone === HCM) expect(back.getTime()).toBe(Math.floor(ms / 60_000) * 60_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("calendar helpers", () => {
  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2024, 2026, 2028, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(isValidCivilDate({ year: 2026, month: 2, day: 29 })).toBe(false);
    expect(isValidCivilDate({ year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isValidCivilDate({ year: 2026, month: 13, day: 1 })).toBe(false);
  });

  it("adds days and counts them across years", () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(daysBetween({ year: 2026, month: 11, day: 24 }, { year: 2027, month: 11, day: 24 })).toBe(365);
  });

  it("gives weekdays with 0 = Sunday", () => {
    expect(weekdayOf({ year: 2026, month: 11, day: 29 })).toBe(0);
    expect(weekdayOf({ year: 2026, month: 11, day: 26 })).toBe(4);
  });

  it("recognizes IANA zone names", () => {
    expect(isValidTimeZone(HCM)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("Vietnamese formatting", () => {
  it("formats time, weekday and date in the zone", () => {
    expect(formatVi(new Date("2026-12-05T12:30:00Z"), HCM)).toBe("19:30 thứ Bảy, 05/12/2026");
    expect(formatVi(new Date("2026-12-03T12:30:00Z"), HCM)).toBe("19:30 thứ Năm, 03/12/2026");
    expect(formatViDate(new Date("2026-12-31T17:30:00Z"), HCM)).toBe("thứ Sáu, 01/01/2027");
    expect(formatVi(new Date("2026-12-05T12:30:00Z"), "Europe/Berlin")).toBe("13:30 thứ Bảy, 05/12/2026");
  });

  it("names every weekday", () => {
    const names = Array.from({ length: 7 }, (_, i) => formatViDate(new Date(Date.UTC(2026, 10, 29 + i, 5)), HCM).split(",")[0]);
    expect(names).toEqual(["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"]);
  });

  it("pads hours and minutes", () => {
    expect(formatViTime(8, 5)).toBe("08:05");
    expect(formatVi(new Date("2026-01-04T01:05:00Z"), HCM)).toBe("08:05 Chủ nhật, 04/01/2026");
  });
});
