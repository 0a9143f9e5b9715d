/** The roll-up's rules on their own: months in a zone, and how a cell's month is measured and ordered. */
import { describe, expect, it } from "vitest";
import { assessCell, documentsState, nudgeOrder } from "../../../bot/core/features/committees/rollup/assess.ts";
import { rollupButtons } from "../../../bot/core/features/committees/rollup/buttons.ts";
import { parseRollupSubject, rollupSubject } from "../../../bot/core/features/committees/rollup/document.ts";
import type { CellFacts, MeetingFact } from "../../../bot/core/features/committees/rollup/model.ts";
import { monthOf, monthRange, parseMonth, shiftMonth } from "../../../bot/core/features/committees/rollup/month.ts";

const tz = "Asia/Ho_Chi_Minh";
const at = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

function meeting(m: Partial<MeetingFact> & { startsAt: Date }): MeetingFact {
  return { id: "m", kind: "dinh_ky", endedAt: null, held: true, hasDocuments: false, documentsSentAt: null, attendance: { present: 1, excused: 0, absent: 0 }, ...m };
}

function cell(name: string, facts: Partial<CellFacts> = {}): CellFacts {
  return { id: name, name, members: 3, inCharge: null, meetings: [], rounds: [], absences: [], ...facts };
}

describe("months", () => {
  it("begin and end at midnight in the committee's zone, across years", () => {
    expect(monthRange({ year: 2026, month: 12 }, tz)).toEqual({ from: new Date("2026-11-30T17:00:00Z"), to: new Date("2026-12-31T17:00:00Z") });
    expect(monthOf(new Date("2026-11-30T17:30:00Z"), tz)).toEqual({ year: 2026, month: 12 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
  });

  it("are read back from the wire only when they can be", () => {
    expect(parseMonth("202611")).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("2026-11")).toEqual({ year: 2026, month: 11 });
    for (const bad of ["202613", "202600", "1999-12", "20261", "2026-1a"]) expect(parseMonth(bad), bad).toBeNull();
    expect(rollupButtons.summary.decode(["ckabcdefgh12", "202613", "a"])).toBeNull();
    expect(rollupButtons.summary.decode(["ckabcdefgh12", "202611", "x"])).toBeNull();
    expect(rollupButtons.digestDay.decode(["ckabcdefgh12", "29"])).toBeNull();
    expect(rollupButtons.digestDay.decode(["ckabcdefgh12", "28"])).toEqual({ committeeId: "ckabcdefgh12", day: 28 });
  });

  it("name a sheet's subject compactly, and only a well-formed one is read", () => {
    expect(rollupSubject("ckabcdefgh12", { year: 2026, month: 11 }, "m")).toBe("ckabcdefgh12.202611.m");
    expect(parseRollupSubject("ckabcdefgh12.202611")).toEqual({ committeeId: "ckabcdefgh12", month: { year: 2026, month: 11 }, scope: "a" });
    expect(parseRollupSubject("ckabcdefgh12.202611.x")).toBeNull();
    expect(parseRollupSubject("../x.202611")).toBeNull();
  });
});

describe("a cell's month", () => {
  const now = at("2026-11-20 12:00");

  it("is short under 90 minutes (HD 42), not at 90", () => {
    const start = at("2026-11-05 19:30");
    expect(assessCell(cell("a", { meetings: [meeting({ startsAt: start, endedAt: at("2026-11-05 21:00") })] }), now)).toMatchObject({ minutes: 90, short: false, issues: [] });
    expect(assessCell(cell("a", { meetings: [meeting({ startsAt: start, endedAt: at("2026-11-05 20:59") })] }), now)).toMatchObject({ minutes: 89, short: true, issues: ["short"] });
    expect(assessCell(cell("a", { meetings: [meeting({ startsAt: start })] }), now)).toMatchObject({ minutes: null, short: false });
  });

  it("had its documents on time when the first message went a full day before", () => {
    const startsAt = at("2026-11-05 19:30");
    expect(documentsState(meeting({ startsAt, hasDocuments: true, documentsSentAt: at("2026-11-04 19:30") }))).toBe("on-time");
    expect(documentsState(meeting({ startsAt, hasDocuments: true, documentsSentAt: at("2026-11-04 19:31") }))).toBe("late");
    expect(documentsState(meeting({ startsAt, hasDocuments: true, documentsSentAt: null }))).toBe("late");
    expect(documentsState(meeting({ startsAt, hasDocuments: false, documentsSentAt: null }))).toBe("none");
  });

  it("is not yet a nudge while its meeting is ahead, and is one once it passed unrecorded", () => {
    const ahead = cell("a", { meetings: [meeting({ startsAt: at("2026-11-25 19:30"), held: false })] });
    expect(assessCell(ahead, now)).toMatchObject({ state: "upcoming", issues: [], score: 0 });
    expect(assessCell(ahead, at("2026-11-26 08:00"))).toMatchObject({ state: "unrecorded", issues: ["not-held"] });
    expect(assessCell(cell("b"), now)).toMatchObject({ state: "none", issues: ["not-held"] });
  });

  it("weighs several members at the threshold and several overdue rounds more than one, and orders equal ones by name", () => {
    const held = [meeting({ startsAt: at("2026-11-05 19:30") })];
    const round = (id: string, missing: number) => ({ id, title: id, deadline: at("2026-11-10 17:00"), open: true, committeeRoundId: null, counts: { submitted: 0, accepted: 0, returned: 0, missing } });
    const two = cell("Đông", { meetings: held, absences: [1, 2].map((i) => ({ personId: `p${i}`, name: `P${i}`, months: 3 })) });
    const one = cell("Bắc", { meetings: held, absences: [{ personId: "p", name: "P", months: 3 }, { personId: "q", name: "Q", months: 2 }] });
    const rounds = cell("Cẩm", { meetings: held, rounds: [round("r1", 2), round("r2", 1)] });
    const none = cell("Ái");
    const order = nudgeOrder([two, one, rounds, none, cell("Yên", { meetings: held })].map((c) => assessCell(c, now)));
    expect(order.map((a) => [a.cell.name, a.score])).toEqual([
      ["Đông", 6],
      ["Ái", 4],
      ["Cẩm", 4],
      ["Bắc", 3],
    ]);
    expect(order[3]!.warning.map((w) => w.name)).toEqual(["Q"]);
  });
});
