import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxAheadDays, normalizeVi, parseViDateTime, parseViTime, type ParseResult } from "../../../bot/core/time/parse-vi-datetime.ts";
import { utcToZonedWall } from "../../../bot/core/time/zoned.ts";

const HCM = "Asia/Ho_Chi_Minh";
/** 10:00 thứ Ba, 24/11/2026 in Hồ Chí Minh City. */
const NOW = new Date("2026-11-24T03:00:00Z");

const parse = (text: string, now = NOW, timeZone = HCM) => parseViDateTime(text, { now, timeZone });
const at = (r: ParseResult) => (r.ok ? r.at.toISOString() : `${r.reason}${r.detail ? `:${r.detail}` : ""}`);

describe("parseViDateTime: accepted formats (now = 10:00 Tuesday 24/11/2026, UTC+7)", () => {
  const cases: [string, string][] = [
    // numeric dates, D/M always
    ["5/12 19h30", "2026-12-05T12:30:00.000Z"],
    ["05/12/2026 19:30", "2026-12-05T12:30:00.000Z"],
    ["19:30 05/12/2026", "2026-12-05T12:30:00.000Z"],
    ["19h 5/12", "2026-12-05T12:00:00.000Z"],
    ["19g30 5-12-2026", "2026-12-05T12:30:00.000Z"],
    ["5.12.2026 7h30 tối", "2026-12-05T12:30:00.000Z"],
    ["5.12.2026 7h30 sáng", "2026-12-05T00:30:00.000Z"],
    ["5/12 3h chiều", "2026-12-05T08:00:00.000Z"],
    ["5/12 3h30 chieu", "2026-12-05T08:30:00.000Z"],
    ["12h trưa 5/12", "2026-12-05T05:00:00.000Z"],
    ["1h trưa 5/12", "2026-12-05T06:00:00.000Z"],
    ["5/12 15h chiều", "2026-12-05T08:00:00.000Z"],
    ["5/12 9h đêm", "2026-12-05T14:00:00.000Z"],
    ["5/12/26 8h", "2026-12-05T01:00:00.000Z"],
    ["12/5 8h", "2027-05-12T01:00:00.000Z"],
    ["19h30 - 5/12", "2026-12-05T12:30:00.000Z"],
    ["19h30p 5/12", "2026-12-05T12:30:00.000Z"],
    ["19h 30p 5/12", "2026-12-05T12:30:00.000Z"],
    ["19h05 5/12.", "2026-12-05T12:05:00.000Z"],
    // words
    ["ngày 5 tháng 12 lúc 19h30", "2026-12-05T12:30:00.000Z"],
    ["ngày 5 tháng 12 năm 2026 lúc 19h30", "2026-12-05T12:30:00.000Z"],
    ["mùng 5 tháng 12 vào lúc 19 giờ 30 phút", "2026-12-05T12:30:00.000Z"],
    ["ngày 5/12 lúc 7 giờ rưỡi tối", "2026-12-05T12:30:00.000Z"],
    ["ngày 31 19h", "2026-12-31T12:00:00.000Z"],
    ["ngày 25 19h", "2026-11-25T12:00:00.000Z"],
    // weekdays; Vietnamese weeks run Monday → Sunday
    ["thứ 6 tuần sau 14h", "2026-12-04T07:00:00.000Z"],
    ["thứ Sáu tuần này 14:00", "2026-11-27T07:00:00.000Z"],
    ["T6 tuần sau 14h", "2026-12-04T07:00:00.000Z"],
    ["t7 tuần này 8h", "2026-11-28T01:00:00.000Z"],
    ["CN tuần sau 8h", "2026-12-06T01:00:00.000Z"],
    ["CN tuần này 8h", "2026-11-29T01:00:00.000Z"],
    ["chủ nhật tuần sau nữa 8h", "2026-12-13T01:00:00.000Z"],
    ["thứ hai tuần tới 8h", "2026-11-30T01:00:00.000Z"],
    ["tuần sau thứ 4 lúc 8h", "2026-12-02T01:00:00.000Z"],
    ["thứ 5 19h", "2026-11-26T12:00:00.000Z"],
    ["thứ 3 11h", "2026-11-24T04:00:00.000Z"],
    ["thứ 3 9h", "2026-12-01T02:00:00.000Z"],
    ["thứ Sáu tới 8h", "2026-11-27T01:00:00.000Z"],
    ["thứ Ba tới 11h", "2026-12-01T04:00:00.000Z"],
    ["thứ Bảy, 05/12/2026 19:30", "2026-12-05T12:30:00.000Z"],
    // relative days
    ["mai 19h", "2026-11-25T12:00:00.000Z"],
    ["ngày mai 19h30", "2026-11-25T12:30:00.000Z"],
    ["hôm nay 20h", "2026-11-24T13:00:00.000Z"],
    ["ngày kia 8h", "2026-11-26T01:00:00.000Z"],
    ["ngày mốt 8h", "2026-11-26T01:00:00.000Z"],
    ["tối mai 7h30", "2026-11-25T12:30:00.000Z"],
    ["8h sáng mai", "2026-11-25T01:00:00.000Z"],
    ["7 giờ rưỡi tối nay", "2026-11-24T12:30:00.000Z"],
    // without diacritics, any case, extra spaces
    ["thu 6 tuan sau 14h", "2026-12-04T07:00:00.000Z"],
    ["thu sau tuan nay 14:00", "2026-11-27T07:00:00.000Z"],
    ["chu nhat tuan sau 8h", "2026-12-06T01:00:00.000Z"],
    ["ngay mai 19h30", "2026-11-25T12:30:00.000Z"],
    ["hom nay 20h", "2026-11-24T13:00:00.000Z"],
    ["ngay kia 8h", "2026-11-26T01:00:00.000Z"],
    ["7h30 toi mai", "2026-11-25T12:30:00.000Z"],
    ["thu 6 toi 19h", "2026-11-27T12:00:00.000Z"],
    ["ngay 5 thang 12 luc 19h30", "2026-12-05T12:30:00.000Z"],
    ["  THỨ   SÁU  TUẦN NÀY   14H ", "2026-11-27T07:00:00.000Z"],
    ["MAI 19H30", "2026-11-25T12:30:00.000Z"],
    ["thứ 6 tuần sau 14h".normalize("NFD"), "2026-12-04T07:00:00.000Z"],
    ["Ngày  5,  tháng 12,  19h30", "2026-12-05T12:30:00.000Z"],
  ];

  it.each(cases)("%s → %s", (text, expected) => {
    expect(at(parse(text))).toBe(expected);
  });

  it("returns the wall time in the zone with the instant", () => {
    const r = parse("5/12 19h30");
    expect(r).toEqual({ ok: true, at: new Date("2026-12-05T12:30:00Z"), wall: { year: 2026, month: 12, day: 5, hour: 19, minute: 30, weekday: 6 } });
  });
});

describe("parseViDateTime: year-less dates mean the next occurrence", () => {
  it("rolls over the year boundary: '5/1 8h' typed on 20/12 is next January", () => {
    const dec20 = new Date("2026-12-20T03:00:00Z");
    expect(at(parse("5/1 8h", dec20))).toBe("2027-01-05T01:00:00.000Z");
    expect(at(parse("ngày 5 tháng 1 lúc 8h", dec20))).toBe("2027-01-05T01:00:00.000Z");
    expect(at(parse("31/12 8h", dec20))).toBe("2026-12-31T01:00:00.000Z");
  });

  it("counts today when the time is still ahead, and otherwise next year", () => {
    expect(at(parse("24/11 11h"))).toBe("2026-11-24T04:00:00.000Z");
    expect(at(parse("24/11 9h"))).toBe("2027-11-24T02:00:00.000Z");
  });

  it("reads 'today' on the zone's calendar, not UTC's", () => {
    const earlyMorningHcm = new Date("2026-11-24T18:00:00Z"); // 01:00 on 25/11 in HCM
    expect(at(parse("hôm nay 20h", earlyMorningHcm))).toBe("2026-11-25T13:00:00.000Z");
    expect(at(parse("mai 8h", earlyMorningHcm))).toBe("2026-11-26T01:00:00.000Z");
  });

  it("uses the given zone", () => {
    expect(at(parse("mai 19h", NOW, "Europe/Berlin"))).toBe("2026-11-25T18:00:00.000Z");
    expect(at(parse("5/7 19h", NOW, "Europe/Berlin"))).toBe("2027-07-05T17:00:00.000Z");
  });

  it("finds 29/2 only in a year that has it", () => {
    expect(at(parse("29/2 8h", new Date("2027-06-01T00:00:00Z")))).toBe("2028-02-29T01:00:00.000Z");
    expect(at(parse("29/2 8h"))).toBe("invalid_date:date");
  });

  it("takes a day with no month as this month or the next", () => {
    expect(at(parse("ngày 24 8h"))).toBe("2026-12-24T01:00:00.000Z");
    expect(at(parse("ngày 31 8h", new Date("2027-04-02T00:00:00Z")))).toBe("2027-05-31T01:00:00.000Z");
  });
});

describe("parseViDateTime: rejections", () => {
  const cases: [string, string][] = [
    ["", "empty"],
    ["   ", "empty"],
    ["...", "empty"],
    // unclear: words we cannot read, or parts that contradict
    ["họp 5/12 8h", "unclear:hop"],
    ["5/12 8h nhé", "unclear:nhe"],
    ["abc", "unclear:abc"],
    ["19", "unclear:19"],
    ["19h 30 5/12", "unclear:30"],
    ["mai 5/12 8h", "unclear:two_date"],
    ["8h 9h 5/12", "unclear:two_clock"],
    ["thứ 5 thứ 6 8h", "unclear:two_weekday"],
    ["19h sáng 5/12", "unclear:period_conflict"],
    ["12h tối 5/12", "unclear:period_conflict"],
    ["tuần sau 8h", "unclear:week_without_weekday"],
    ["thứ 6 tuần sau 5/12 8h", "unclear:week_with_date"],
    ["thứ 5, 05/12/2026 19:30", "unclear:weekday_mismatch"],
    ["thứ 5 mai 8h", "unclear:weekday_mismatch"],
    ["thu 6 toi 8h", "unclear:toi_ambiguous"],
    ["tôi 19h mai", "unclear:toi"],
    ["tối", "unclear:no_date_no_time"],
    ["5/12/2026/1 8h", "unclear:5/12/2026/1"],
    ["5/12-2026 8h", "unclear:5/12-2026"],
    // invalid dates and times
    ["31/02 8h", "invalid_date:date"],
    ["30/2", "invalid_date:date"],
    ["30/2 8h", "invalid_date:date"],
    ["31/4 8h", "invalid_date:date"],
    ["0/12 8h", "invalid_date:date"],
    ["5/13 8h", "invalid_date:date"],
    ["29/2/2027 8h", "invalid_date:date"],
    ["ngày 32 8h", "invalid_date:date"],
    ["25h 5/12", "invalid_date:time"],
    ["24h 5/12", "invalid_date:time"],
    ["19h75 5/12", "invalid_date:time"],
    ["19:60 5/12", "invalid_date:time"],
    // a part missing
    ["5/12", "missing_time:time"],
    ["mai", "missing_time:time"],
    ["tối mai", "missing_time:time"],
    ["thứ 6 tuần sau", "missing_time:time"],
    ["19h30", "missing_time:date"],
    ["lúc 7h tối", "missing_time:date"],
    // past
    ["hôm nay 8h", "past"],
    ["hôm nay 10h", "past"],
    ["24/11/2026 9h", "past"],
    ["1/1/2020 8h", "past"],
    ["thứ 2 tuần này 8h", "past"],
    ["thứ 6 tuần trước 8h", "past"],
    // too far
    ["5/12/2028 8h", "too_far"],
    ["1/1/2099 8h", "too_far"],
  ];

  it.each(cases)("%j → %s", (text, expected) => {
    expect(at(parse(text))).toBe(expected);
  });

  it("accepts up to about two years ahead", () => {
    expect(maxAheadDays).toBe(731);
    expect(at(parse("20/11/2028 8h"))).toBe("2028-11-20T01:00:00.000Z");
  });

  it("a moment just one minute ahead is fine", () => {
    expect(at(parse("hôm nay 10:01"))).toBe("2026-11-24T03:01:00.000Z");
  });
});

describe("parseViDateTime: properties", () => {
  const pad = (n: number) => String(n).padStart(2, "0");

  it("reads back any future moment written with a year, in several styles", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 * 24 * 60 }), fc.integer({ min: 0, max: 3 }), (minutesAhead, style) => {
        const target = new Date(NOW.getTime() + minutesAhead * 60_000);
        const w = utcToZonedWall(target, HCM);
        const texts = [
          `${w.day}/${w.month}/${w.year} ${w.hour}h${pad(w.minute)}`,
          `${pad(w.hour)}:${pad(w.minute)} ${pad(w.day)}/${pad(w.month)}/${w.year}`,
          `ngày ${w.day} tháng ${w.month} năm ${w.year} lúc ${w.hour} giờ ${w.minute}`,
          `${w.hour}g${pad(w.minute)} ${w.day}-${w.month}-${w.year % 100}`,
        ];
        const r = parse(texts[style] ?? "");
        expect(r.ok && r.at.getTime()).toBe(Math.floor(target.getTime() / 60_000) * 60_000);
      }),
      { numRuns: 300 },
    );
  });

  it("reads back any moment within the coming year written without one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 364 * 24 * 60 }), (minutesAhead) => {
        const target = new Date(NOW.getTime() + minutesAhead * 60_000);
        const w = utcToZonedWall(target, HCM);
        const r = parse(`${w.day}/${w.month} ${w.hour}h${pad(w.minute)}`);
        expect(r.ok && r.at.getTime()).toBe(target.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = parse(text);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseViTime", () => {
  it.each([
    ["19h30", 19, 30],
    ["19:30", 19, 30],
    ["19g", 19, 0],
    ["lúc 8h", 8, 0],
    ["7h30 tối", 19, 30],
    ["7 giờ rưỡi", 7, 30],
    ["12h trưa", 12, 0],
    ["2 giờ chiều", 14, 0],
    ["vao luc 8h sang", 8, 0],
  ])("%s → %i:%i", (text, hour, minute) => {
    expect(parseViTime(text)).toEqual({ ok: true, hour, minute });
  });

  it.each([
    ["", "empty"],
    ["25h", "invalid_time"],
    ["19h75", "invalid_time"],
    ["abc", "unclear"],
    ["mai 19h", "unclear"],
    ["19h sáng", "unclear"],
    ["8h 9h", "unclear"],
    ["tối", "unclear"],
  ])("%j → %s", (text, reason) => {
    expect(parseViTime(text)).toMatchObject({ ok: false, reason });
  });
});

describe("normalizeVi", () => {
  it("lowercases, strips diacritics and extra spaces, and keeps tối apart from tới", () => {
    expect(normalizeVi("  Thứ   Năm, ĐÊM  ")).toBe("thu nam dem");
    expect(normalizeVi("tối tới toi")).toBe("toi toi^ toi~");
  });
});
