/**
 * A job run every so often until stopped: never two runs at once (a run still going when the next
 * is due makes that one skip), and the timer does not keep the process alive.
 */
export interface Repeating {
  /** No further runs; resolves once a run under way has finished. */
  stop(): Promise<void>;
}

export function repeat(job: () => Promise<unknown>, options: { everyMs: number; onError(error: unknown): void }): Repeating {
  if (!(options.everyMs > 0)) throw new RangeError(`everyMs must be positive, got ${options.everyMs}`);
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = Promise.resolve()
      .then(job)
      .then(() => undefined, options.onError)
      .finally(() => (running = null));
  }, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
