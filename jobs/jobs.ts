/**
 * The bot's periodic work as plain jobs: the outbox dispatch every minute, and each feature's own
 * jobs (keeping a rule's next meetings scheduled). Every job is safe to run twice.
 */
import type { Platform } from "../bot/core/contract/messages.ts";
import type { CoreDeps } from "../bot/core/deps.ts";
import { runOutbox } from "../bot/core/delivery/dispatch.ts";
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
    ...core.jobs().map((job) => ({ name: job.name, cron: job.cron, run: () => job.run(now()) })),
  ];
}
