import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createPacer } from "../../../bot/lib/pacer.ts";
import { createScheduler } from "../../../jobs/scheduler.ts";

describe("createPacer", () => {
  it("spaces takes evenly at the rate, whoever calls", async () => {
    let now = 0;
    const slept: number[] = [];
    const pacer = createPacer(4, {
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    await Promise.all([pacer.take(), pacer.take(), pacer.take()]);
    expect(slept).toEqual([250, 500]);
    now = 10_000; // idle for a while: no burst credit is kept
    await pacer.take();
    await pacer.take();
    expect(slept).toEqual([250, 500, 250]);
  });
  it("refuses a rate that is not positive", () => {
    expect(() => createPacer(0)).toThrow(RangeError);
  });
});

describe("createScheduler", () => {
  const logger = pino({ level: "silent" });

  it("never overlaps a job with itself, and runs it once more if asked during a run", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const scheduler = createScheduler(
      [
        {
          name: "j",
          cron: "* * * * *",
          run: async () => {
            running++;
            runs++;
            maxRunning = Math.max(maxRunning, running);
            if (runs === 1) await gate;
            running--;
          },
        },
      ],
      { timeZone: "Asia/Ho_Chi_Minh", logger, ticking: false },
    );
    const first = scheduler.run("j");
    const second = scheduler.run("j");
    const third = scheduler.run("j");
    release();
    await Promise.all([first, second, third]);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
    await scheduler.stop();
  });

  it("keeps going after a job fails, and refuses an unknown job", async () => {
    let runs = 0;
    const scheduler = createScheduler(
      [
        {
          name: "bad",
          cron: "* * * * *",
          run: async () => {
            runs++;
            throw new Error("boom");
          },
        },
      ],
      { timeZone: "Asia/Ho_Chi_Minh", logger, ticking: false },
    );
    await scheduler.run("bad");
    await scheduler.run("bad");
    expect(runs).toBe(2);
    await expect(scheduler.run("nope")).rejects.toThrow(/No job named nope/);
    await scheduler.stop();
  });
});
