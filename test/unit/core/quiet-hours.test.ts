import { describe, expect, it } from "vitest";
import { parseOffsets } from "../../../bot/core/features/meetings/steps.ts";
import { quietUntil } from "../../../bot/core/delivery/quiet-hours.ts";

const hanoi = { start: "21:30", end: "06:30", timeZone: "Asia/Ho_Chi_Minh" };

describe("quietUntil", () => {
  it.each([
    ["2026-12-01T14:29:00Z", null], // 21:29
    ["2026-12-01T14:30:00Z", "2026-12-01T23:30:00.000Z"], // 21:30 → 06:30 next day
    ["2026-12-01T20:00:00Z", "2026-12-01T23:30:00.000Z"], // 03:00 → 06:30 the same day
    ["2026-12-01T23:30:00Z", null], // 06:30
  ])("at %s → %s", (at, until) => {
    expect(quietUntil(new Date(at), hanoi)?.toISOString() ?? null).toBe(until);
  });
  it("handles quiet hours within one day, and none when start equals end", () => {
    const lunch = { start: "12:00", end: "13:30", timeZone: "Asia/Ho_Chi_Minh" };
    expect(quietUntil(new Date("2026-12-01T05:15:00Z"), lunch)?.toISOString()).toBe("2026-12-01T06:30:00.000Z");
    expect(quietUntil(new Date("2026-12-01T07:00:00Z"), lunch)).toBeNull();
    expect(quietUntil(new Date("2026-12-01T05:15:00Z"), { ...lunch, end: "12:00" })).toBeNull();
  });
});

describe("parseOffsets", () => {
  it.each([
    ["3 ngày, 1 ngày, 2 giờ", [4320, 1440, 120]],
    ["2 giờ; 3 ngày", [4320, 120]],
    ["1 ngay va 30 phut", [1440, 30]],
    ["2h, 2 tiếng", [120]],
  ])("reads %j", (text, minutes) => expect(parseOffsets(text)).toEqual(minutes));
  it.each(["", "ngày mai", "5 phút", "40 ngày", "1 ngày, 2 ngày, 3 ngày, 4 ngày, 5 ngày, 6 ngày, 7 ngày"])("refuses %j", (text) => expect(parseOffsets(text)).toBeNull());
});
