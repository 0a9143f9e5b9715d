import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../bot/logger.ts";

export interface Job {
  name: string;
  /** node-cron expression, in `timeZone`. */
  cron: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Runs a job now (once more after the current run, if one is under way). */
  run(name: string): Promise<void>;
  /** Runs every job once, in order. */
  runAll(): Promise<void>;
  /** Asks for a run of `name` soon: several kicks within a moment make one run. */
  kick(name: string): void;
  /** Stops the ticks and waits for runs under way. */
  stop(): Promise<void>;
  /** When a cron tick last fired (the scheduler's creation counts as one): read by /readyz. */
  lastTickAt(): Date;
}

/**
 * Wires plain job functions to node-cron. A job never overlaps itself: a tick or kick during a
 * run asks for one more run after it. With `ticking: false` nothing runs by itself (tests drive
 * the jobs with `run`).
 */
export function createScheduler(jobs: Job[], options: { timeZone: string; logger: Logger; ticking: boolean }): Scheduler {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const byName = new Map(jobs.map((j) => [j.name, j]));
  let stopped = false;
  let lastTick = new Date();

  function run(name: string): Promise<void> {
    const job = byName.get(name);
    if (!job) return Promise.reject(new Error(`No job named ${name}`));
    const current = running.get(name);
    if (current) {
      again.add(name);
      return current;
    }
    const promise = (async () => {
      do {
        again.delete(name);
        const started = Date.now();
        try {
          await job.run();
          options.logger.debug({ job: name, ms: Date.now() - started }, "job done");
        } catch (err) {
          options.logger.error({ err, job: name }, "job failed");
        }
      } while (again.has(name) && !stopped);
    })().finally(() => running.delete(name));
    running.set(name, promise);
    return promise;
  }

  const tasks: ScheduledTask[] = options.ticking
    ? jobs.map((job) =>
        cron.schedule(
          job.cron,
          () => {
            lastTick = new Date();
            void run(job.name);
          },
          { name: job.name, timezone: options.timeZone },
        ),
      )
    : [];

  return {
    run,
    async runAll() {
      for (const job of jobs) await run(job.name);
    },
    kick(name) {
      if (stopped || !options.ticking || timers.has(name)) return;
      timers.set(
        name,
        setTimeout(() => {
          timers.delete(name);
          void run(name);
        }, 250),
      );
    },
    async stop() {
      stopped = true;
      for (const task of tasks) await task.stop();
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
    lastTickAt: () => lastTick,
  };
}

export const validCron = (expression: string) => cron.validate(expression);
