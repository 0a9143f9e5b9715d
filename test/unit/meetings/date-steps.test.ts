import { describe, expect, it } from "vitest";
import type { StepAnswer, StepContext } from "../../../bot/core/kernel/dialogue/steps.ts";
import { dateStep, timeStep } from "../../../bot/core/features/meetings/steps.ts";
import { i18n } from "../../helpers/core-harness.ts";

// 09:00 on Tuesday 24/11/2026 in Hà Nội.
const now = new Date("2026-11-24T02:00:00Z");
const context = (data: Record<string, string | null> = {}): StepContext => ({ t: i18n.translator("vi"), data: { timeZone: "Asia/Ho_Chi_Minh", ...data }, now, personId: "p1" });
const date = dateStep("date", "ask-meeting-date");
const time = timeStep("time", "ask-meeting-time", "date");
const typed = (text: string): StepAnswer => ({ kind: "text", text });
const picked = (value: string): StepAnswer => ({ kind: "pick", value });

describe("the date step", () => {
  it("accepts the days it offers, as the same value the typed day gives", async () => {
    const prompt = await date.prompt(context());
    const first = prompt.choices![0]![0]!.data;
    expect(first).toBe("d:date:day:2026-11-25");
    expect(await date.accept(picked("day:2026-11-25"), context())).toEqual({ ok: true, value: "day:2026-11-25" });
    expect(await date.accept(typed("25/11/2026"), context())).toEqual({ ok: true, value: "day:2026-11-25" });
  });

  it.each([
    ["years ahead", "day:2999-12-31", "31/12/2999", "invalid-datetime-too-far"],
    ["just past the limit", "day:2028-11-25", "25/11/2028", "invalid-datetime-too-far"],
    ["in the past", "day:2020-01-01", "1/1/2020", "invalid-datetime-past"],
    ["yesterday", "day:2026-11-23", "23/11/2026", "invalid-datetime-past"],
    ["a day that does not exist", "day:2026-02-30", "30/2/2026", "invalid-datetime-impossible"],
    ["a month that does not exist", "day:2027-13-01", "1/13/2027", "invalid-datetime-impossible"],
  ])("refuses a forged day %s with the words the typed day gets", async (_what, value, text, reason) => {
    const fromButton = await date.accept(picked(value), context());
    const fromKeyboard = await date.accept(typed(text), context());
    expect(fromButton).toEqual({ ok: false, reason });
    expect(fromKeyboard).toEqual(fromButton);
  });

  it("refuses a pick that is no day at all as it refuses words it cannot read", async () => {
    expect(await date.accept(picked("day:soon"), context())).toEqual({ ok: false, reason: "invalid-datetime-unclear" });
    expect(await date.accept(picked("2026-11-25"), context())).toEqual({ ok: false, reason: "invalid-datetime-unclear" });
    expect(await date.accept(typed("soon"), context())).toEqual({ ok: false, reason: "invalid-datetime-unclear" });
  });

  it("still takes a full moment typed at once", async () => {
    expect(await date.accept(typed("5/12 19h30"), context())).toEqual({ ok: true, value: "at:2026-12-05T12:30:00.000Z" });
    expect(await date.accept(typed("5/12/2999 19h30"), context())).toEqual({ ok: false, reason: "invalid-datetime-too-far" });
  });
});

describe("the time step", () => {
  it("makes a moment of the day chosen before, picked or typed alike", async () => {
    const c = context({ date: "day:2026-12-05" });
    expect(await time.accept(picked("19:30"), c)).toEqual({ ok: true, value: "at:2026-12-05T12:30:00.000Z" });
    expect(await time.accept(typed("19h30"), c)).toEqual({ ok: true, value: "at:2026-12-05T12:30:00.000Z" });
  });

  it("refuses a forged time with the words the typed one gets", async () => {
    const c = context({ date: "day:2026-12-05" });
    expect(await time.accept(picked("25:99"), c)).toEqual({ ok: false, reason: "invalid-datetime-impossible" });
    expect(await time.accept(typed("25:99"), c)).toEqual({ ok: false, reason: "invalid-datetime-impossible" });
    expect(await time.accept(picked("soon"), c)).toEqual({ ok: false, reason: "invalid-time-unclear" });
  });

  it("refuses a moment earlier today", async () => {
    const c = context({ date: "day:2026-11-24" });
    expect(await time.accept(picked("07:30"), c)).toEqual({ ok: false, reason: "invalid-datetime-past" });
    expect(await time.accept(picked("19:30"), c)).toEqual({ ok: true, value: "at:2026-11-24T12:30:00.000Z" });
  });
});
