/**
 * Issue 10, meetings: button labels that fit a phone and never cut a date, and the monthly rule
 * worded in the reader's language.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { MeetingRecord } from "../../../bot/core/features/meetings/model.ts";
import { adminPanel, buttonLabelMax, clipAtWord, describeMonthlyRule, meetingLabel, proxyList } from "../../../bot/core/features/meetings/views.ts";
import { describeMonthlyRuleVi, type MonthlyRule } from "../../../bot/core/time/monthly-rule.ts";
import { i18n } from "../../helpers/core-harness.ts";

const vi = i18n.translator("vi");
const en = i18n.translator("en");
const tz = "Asia/Ho_Chi_Minh";
const longTitle = "Diễn đàn: Vai trò của chi bộ trong giáo dục, quản lý đảng viên";

const meeting = (over: Partial<MeetingRecord> = {}): MeetingRecord => ({
  id: "meeting0001",
  cellId: "cell00001",
  ruleId: null,
  kind: "dien_dan",
  title: longTitle,
  topic: null,
  startsAt: new Date("2026-12-04T12:30:00Z"), // 19:30, Friday 04/12 in Hà Nội
  place: null,
  agenda: null,
  preparation: null,
  documents: "[]",
  status: "scheduled",
  version: 1,
  notes: null,
  attendanceRecordedAt: null,
  ...over,
});

describe("a meeting's button label", () => {
  it("puts the date first, whole, and cuts the title at a word", () => {
    expect(meetingLabel(vi, meeting(), tz)).toBe("T6 04/12 19:30 · Diễn đàn: Vai trò của…");
    expect(meetingLabel(en, meeting(), tz)).toBe("Fri 04/12 19:30 · Diễn đàn: Vai trò…");
    expect(meetingLabel(vi, meeting({ title: "Chi bộ họp" }), tz)).toBe("T6 04/12 19:30 · Chi bộ họp");
  });

  it.each([
    ["a long title", longTitle],
    ["one long word", "x".repeat(120)],
    ["a title with long words", "Sinhhoạtchuyênđềvềhọctậpvàlàmtheotưtưởng đạo đức phong cách"],
    ["no title (the regular meeting)", null],
  ])("fits a phone with %s, on every day of the year, the date never cut", (_what, title) => {
    for (let day = 0; day < 366; day += 7) {
      const startsAt = new Date(Date.UTC(2026, 0, 1 + day, 12, 30));
      for (const t of [vi, en]) {
        const label = meetingLabel(t, meeting({ title, kind: title ? "dien_dan" : "dinh_ky", startsAt }), tz);
        expect(label.length).toBeLessThanOrEqual(buttonLabelMax);
        expect(label).toMatch(/^\S+ \d{2}\/\d{2} \d{2}:\d{2} · \S/);
      }
    }
  });

  it("shows the panel's meetings and the attendance to record with the date whole", () => {
    const panel = adminPanel(vi, {
      cell: { id: "cell00001", name: "Chi bộ Khu phố 3", timeZone: tz } as never,
      rule: null,
      upcoming: [meeting()],
      recent: [meeting({ id: "meeting0000", startsAt: new Date("2026-11-20T12:30:00Z") })],
    });
    const labels = panel.choices!.flat().map((c) => c.label);
    expect(labels).toContain("T6 04/12 19:30 · Diễn đàn: Vai trò của…");
    expect(labels).toContain("Điểm danh T6 20/11 · Diễn đàn: Vai trò…");
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(buttonLabelMax);
  });

  it("keeps a member's answer whole when the name is long", () => {
    const list = proxyList(vi, "meeting0001", 0, { lines: [{ name: "Nguyễn Thị Phương Thảo Ngọc Anh Bảo Châu Minh Khai", answer: "absent", membershipId: "membership1" }], total: 1 });
    const label = list.choices![0]![0]!.label;
    expect(label).toBe("Nguyễn Thị Phương Thảo Ngọc… — xin vắng");
    expect(label.length).toBeLessThanOrEqual(buttonLabelMax);
  });

  it("clips only what does not fit", () => {
    expect(clipAtWord("Họp chi bộ", 20)).toBe("Họp chi bộ");
    expect(clipAtWord("Họp chi bộ tháng mười hai", 12)).toBe("Họp chi bộ…");
    expect(clipAtWord("Họp, chi bộ", 6)).toBe("Họp…");
  });
});

const rules: MonthlyRule[] = [
  ...Array.from({ length: 31 }, (_, i): MonthlyRule => ({ kind: "dayOfMonth", day: i + 1, hour: 19, minute: 30 })),
  ...[0, 1, 2, 3, 4, 5, 6].flatMap((weekday) => ([1, 2, 3, 4, -1] as const).map((nth): MonthlyRule => ({ kind: "weekdayOfMonth", weekday, nth, hour: 7, minute: 5 }))),
];

describe("the monthly rule, in the reader's language", () => {
  it("reads in Vietnamese exactly as before", () => {
    for (const rule of rules) expect(describeMonthlyRule(vi, rule)).toBe(describeMonthlyRuleVi(rule));
  });

  it.each<[MonthlyRule, string]>([
    [{ kind: "dayOfMonth", day: 5, hour: 19, minute: 30 }, "the 5th of every month, at 19:30"],
    [{ kind: "dayOfMonth", day: 1, hour: 8, minute: 0 }, "the 1st of every month, at 08:00"],
    [{ kind: "dayOfMonth", day: 22, hour: 8, minute: 0 }, "the 22nd of every month, at 08:00"],
    [{ kind: "dayOfMonth", day: 23, hour: 8, minute: 0 }, "the 23rd of every month, at 08:00"],
    [{ kind: "dayOfMonth", day: 31, hour: 8, minute: 0 }, "the 31st of every month (the last day in months that have no such day), at 08:00"],
    [{ kind: "weekdayOfMonth", weekday: 4, nth: -1, hour: 14, minute: 0 }, "the last Thursday of the month, at 14:00"],
    [{ kind: "weekdayOfMonth", weekday: 1, nth: 1, hour: 8, minute: 0 }, "the first Monday of the month, at 08:00"],
    [{ kind: "weekdayOfMonth", weekday: 0, nth: 4, hour: 7, minute: 5 }, "the fourth Sunday of the month, at 07:05"],
  ])("in English: %j → %s", (rule, text) => {
    expect(describeMonthlyRule(en, rule)).toBe(text);
  });

  it("has no Vietnamese in English, for any rule", () => {
    for (const rule of rules) expect(describeMonthlyRule(en, rule)).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]|hằng|tháng|ngày|thứ/iu);
  });
});

/** The keys of one .ftl file with the variables each names. */
function keysOf(locale: string, file: string): [string, Record<string, string>][] {
  const out: [string, Record<string, string>][] = [];
  for (const line of readFileSync(join(import.meta.dirname, "../../../locales", locale, file), "utf8").split("\n")) {
    const start = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
    if (start) out.push([start[1]!, {}]);
    for (const m of line.matchAll(/\$([a-zA-Z_][\w-]*)/g)) if (m[1] !== "platform" && out.length) out.at(-1)![1][m[1]!] = "1";
  }
  return out;
}

/** What Zalo cannot do: buttons to press, files sent to the bot, links that open something. */
const notOnZalo = { vi: /\bbấm\b|\bnhấn\b|\bnút\b|\bchạm\b|đường link|mở link|gửi tệp/iu, en: /\bpress|\bbuttons?\b|\btap\b|send a file|invite link/i };

describe("the meetings and membership texts, read on Zalo", () => {
  it.each(["vi", "en"] as const)("%s: speak of nothing Zalo lacks, and on Telegram still of files", (locale) => {
    const zalo = i18n.translator(locale, "zalo");
    const offenders = ["meetings.ftl", "membership.ftl"].flatMap((file) => keysOf(locale, file).filter(([key, params]) => notOnZalo[locale].test(zalo(key, params))).map(([key]) => key));
    expect(offenders).toEqual([]);
    const telegram = i18n.translator(locale, "telegram");
    expect(telegram("ask-meeting-documents", { count: 0 })).toMatch(locale === "vi" ? /gửi tệp/ : /send a file/);
    expect(zalo("ask-meeting-documents", { count: 0 })).toMatch(locale === "vi" ? /bắt đầu bằng http/ : /starting with http/);
    expect(zalo("attendance-legend")).toContain("«2, 5»");
  });

  it("says nothing of «đã có 0» documents", () => {
    expect(vi("ask-meeting-documents", { count: 0 })).toMatch(/^Tài liệu để đảng viên đọc trước: /);
    expect(vi("ask-meeting-documents", { count: 2 })).toMatch(/^Tài liệu để đảng viên đọc trước \(đã có 2\): /);
  });
});
