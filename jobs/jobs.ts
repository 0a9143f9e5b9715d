/**
 * The bot's periodic work as plain jobs: the outbox dispatch every minute, and each feature's own
 * jobs (keeping a rule's next meetings scheduled). Every job is safe to run twice.
 */
import type { Platform } from "../bot/core/contract/messages.ts";
import type { CoreDeps } from "../bot/core/deps.ts";
import { runOutbox } from "../bot/core/delivery/dispatch.ts";
import type { Core } from "../bot/core/kernel/app.ts";
import type { Pacer } from "../bot/lib/pacer.ts";
import type { Job } from "./scheduler.ts";

export const outboxJobName = "outbox";

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
