import { describe, expect, it } from "vitest";
import { repeat } from "../../../bot/lib/repeat.ts";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("repeat", () => {
  it("runs the job again and again, never two runs at once, and stop waits for the run under way", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let finished = 0;
    const repeating = repeat(
      async () => {
        runs++;
        most = Math.max(most, ++running);
        await pause(25);
        running--;
        finished++;
      },
      { everyMs: 5, onError: () => undefined },
    );
    await pause(120);
    await repeating.stop();
    expect(runs).toBeGreaterThan(1);
    expect(most).toBe(1);
    expect(finished).toBe(runs);
    await pause(30);
    expect(runs).toBe(finished);
  });

  it("reports a failed run and goes on", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const repeating = repeat(
      async () => {
        if (++runs === 1) throw new Error("database away");
      },
      { everyMs: 5, onError: (error) => errors.push(error) },
    );
    await pause(50);
    await repeating.stop();
    expect(errors).toHaveLength(1);
    expect(runs).toBeGreaterThan(1);
  });
});
