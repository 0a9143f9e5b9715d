/**
 * The bot's periodic work as plain jobs: the outbox dispatch every minute, and each feature's own
 * jobs (keeping a rule's next meetings scheduled). Every job is safe to run twice; with several
 * instances on one database, the outbox has one sender (its lease) and a feature's job runs in one
 * instance per tick.
 */
import type { Platform } from "../bot/core/contract/messages.ts";
import type { CoreDeps } from "../bot/core/deps.ts";
import { runOutbox } from "../bot/core/delivery/dispatch.ts";
import { takeLease } from "../bot/core/delivery/lease.ts";
import type { Core } from "../bot/core/kernel/app.ts";
import { backupDatabase, pruneBackups } from "../bot/db/backup.ts";
import type { Pacer } from "../bot/lib/pacer.ts";
import type { Job } from "./scheduler.ts";

export const outboxJobName = "outbox";
export const backupJobName = "backup";
/** 02:45 in the bot's zone: after midnight's work, before anyone is up, outside the quiet-hours edge. */
export const backupCron = "45 2 * * *";

/** The nightly copy of the database into `dir`, keeping the newest `keep`. */
export function backupJob(input: { databaseUrl: string; dir: string; keep: number; now: () => Date; log: (fields: Record<string, unknown>, message: string) => void }): Job {
  return {
    name: backupJobName,
    cron: backupCron,
    run: async () => {
      const result = await backupDatabase(input.databaseUrl, input.dir, input.now());
      const pruned = pruneBackups(input.dir, input.keep);
      input.log({ bytes: result.bytes, ms: result.ms, pruned: pruned.length }, "nightly backup written");
    },
  };
}

export function botJobs(input: { core: Core; deps: CoreDeps; pacers: ReadonlyMap<Platform, Pacer>; workerId: string; parallelSends: number; now: () => Date }): Job[] {
  const { core, deps, pacers, workerId, now } = input;
  return [
    {
      name: outboxJobName,
      cron: "* * * * *",
      run: () => runOutbox({ core: deps, renderers: core.outboxRenderers(), pacers, workerId }, { now: now(), concurrency: input.parallelSends }),
    },
    ...core.jobs().map((job) => ({ name: job.name, cron: job.cron, run: () => oncePerTick(deps, job.name, workerId, () => job.run(now())) })),
  ];
}

/**
 * Several instances tick together: a feature's job runs in the one that takes its lease first.
 * The lease outlives the run by most of a minute and is not given back, so the others, ticking
 * the same minute, skip it; no job here runs more often than once a minute. (Every job is also
 * safe to run twice: this only saves the work.)
 */
export const jobLeaseMs = 50_000;

export async function oncePerTick<T>(deps: Pick<CoreDeps, "db">, name: string, workerId: string, run: () => Promise<T>): Promise<T | null> {
  if (!(await takeLease(deps.db, { name: `job:${name}`, holder: `${workerId}:${Date.now()}`, ttlMs: jobLeaseMs }))) return null;
  return run();
}
