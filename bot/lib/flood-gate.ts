/**
 * A cap on how many updates of one sender may wait or run at once. Checked before the sender's
 * updates are put in order, so a flood from one account fills its own few places and nobody
 * else's: beyond the cap, updates are dropped (the first dropped one of a burst is reported so the
 * sender can be told once), and memory holds one small entry per sender with work in progress.
 */
export interface FloodGate {
  /**
   * "pass": handle it (call `leave` when done). "refuse-first": drop it, and tell the sender (once
   * per burst). "refuse": drop it silently.
   */
  enter(key: string): "pass" | "refuse-first" | "refuse";
  /** Counts work that must be done whatever the cap says (accepted before a restart); `leave` when done. */
  admit(key: string): void;
  leave(key: string): void;
  /** Senders with work in progress (for tests and metrics). */
  size(): number;
}

export function createFloodGate(options: { maxQueued: number }): FloodGate {
  if (!(options.maxQueued >= 1)) throw new RangeError(`maxQueued must be at least 1, got ${options.maxQueued}`);
  const entries = new Map<string, { queued: number; told: boolean }>();
  return {
    enter(key) {
      const entry = entries.get(key) ?? { queued: 0, told: false };
      if (entry.queued >= options.maxQueued) {
        if (entry.told) return "refuse";
        entry.told = true;
        return "refuse-first";
      }
      entry.queued += 1;
      entries.set(key, entry);
      return "pass";
    },
    admit(key) {
      const entry = entries.get(key) ?? { queued: 0, told: false };
      entry.queued += 1;
      entries.set(key, entry);
    },
    leave(key) {
      const entry = entries.get(key);
      if (!entry) return;
      entry.queued -= 1;
      // The burst is over once the backlog drained: the next flood earns one more notice.
      if (entry.queued <= 0) entries.delete(key);
    },
    size: () => entries.size,
  };
}
