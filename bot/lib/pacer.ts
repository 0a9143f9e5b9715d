/** Spaces calls evenly: at most `ratePerSecond` `take()`s a second, whoever calls. */
export interface Pacer {
  take(): Promise<void>;
}

export function createPacer(
  ratePerSecond: number,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
): Pacer {
  if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be positive, got ${ratePerSecond}`);
  const interval = 1000 / ratePerSecond;
  let nextSlot = -Infinity;
  return {
    async take() {
      const now = clock.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await clock.sleep(slot - now);
    },
  };
}
