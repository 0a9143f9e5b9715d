import "dotenv/config";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPacer, type Pacer } from "./lib/pacer.ts";
import { botJobs, outboxJobName } from "../jobs/jobs.ts";
import { createScheduler, type Scheduler } from "../jobs/scheduler.ts";
import { createWorkerPresence } from "./core/delivery/workers.ts";
import { createCore, type Core } from "./core/kernel/app.ts";
import { allFeatures } from "./core/features/index.ts";
import type { Platform } from "./core/contract/messages.ts";
import type { MessengerAdapter } from "./core/contract/ports.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import { absoluteSqliteUrl, createDb, migrateDatabase, type Db } from "./db/client.ts";
import { createI18n } from "./i18n/index.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createTelegramAdapter } from "./telegram/start.ts";
import { createZaloAdapter } from "./zalo/start.ts";
import { type CoreDeps } from "./core/deps.ts";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface StartOptions {
  /** The clock everything reads (tests move it). */
  now?: () => Date;
  /** False: no cron ticks; jobs run only through `scheduler.run` (tests). */
  ticking?: boolean;
}

export interface RunningBot {
  /** Stops taking updates, lets in-flight ones and running jobs finish, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
  db: Db;
  core: Core;
  scheduler: Scheduler;
}

/** The composition root: config → logger → database → adapters → core and features → jobs. */
export async function startBot(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningBot> {
  const now = options.now ?? (() => new Date());
  const databaseUrl = absoluteSqliteUrl(config.DATABASE_URL, projectRoot);
  await migrateDatabase(databaseUrl);
  const db = await createDb(databaseUrl);
  const i18n = createI18n(join(projectRoot, "locales"));

  const adapters: MessengerAdapter[] = [];
  try {
    if (config.TELEGRAM_BOT_TOKEN) adapters.push(await createTelegramAdapter({ ...config, TELEGRAM_BOT_TOKEN: config.TELEGRAM_BOT_TOKEN }, { i18n, logger }));
    if (config.ZALO_BOT_TOKEN) adapters.push(await createZaloAdapter({ ...config, ZALO_BOT_TOKEN: config.ZALO_BOT_TOKEN }, { db, i18n, logger }));
  } catch (error) {
    await db.$disconnect();
    throw error;
  }

  let scheduler: Scheduler | null = null;
  const deps: CoreDeps = {
    db,
    i18n,
    logger,
    messengers: new Map(adapters.map((a) => [a.platform, a.messenger])),
    now,
    settings: { defaultLocale: config.DEFAULT_LOCALE, defaultTimeZone: config.TZ, inviteTtlDays: config.INVITE_TTL_DAYS },
    kickOutbox: () => scheduler?.kick(outboxJobName),
  };
  const core = createCore(deps, allFeatures);
  const pacers = new Map<Platform, Pacer>([
    ["telegram", createPacer(config.TELEGRAM_SEND_RATE)],
    ["zalo", createPacer(config.ZALO_SEND_RATE)],
  ]);
  // This process as a sender of the outbox: if it dies, another (or its restart) takes its claims over within seconds.
  const presence = createWorkerPresence({
    db,
    onDeadClaims: () => scheduler?.kick(outboxJobName),
    onError: (err) => logger.warn({ err }, "outbox heartbeat failed"),
  });
  await presence.start();
  scheduler = createScheduler(botJobs({ core, deps, pacers, workerId: presence.me.id, parallelSends: config.OUTBOX_PARALLEL_SENDS, now }), {
    timeZone: config.TZ,
    logger,
    ticking: options.ticking ?? true,
  });

  for (const adapter of adapters) await adapter.start(core);
  // Reminders that fell due while the bot was down go out now, if still useful.
  scheduler.kick(outboxJobName);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      for (const adapter of adapters) await adapter.stop();
      await scheduler!.stop();
      await presence.stop();
      await db.$disconnect();
      logger.info("stopped");
    })());
  return { stop, db, core, scheduler };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`chibo-bot cannot start.\n${error.message}\nSee README.md, section "Configuration".\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, { pretty: process.stdout.isTTY });
  let running: RunningBot;
  try {
    running = await startBot(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, "start-up failed");
    process.stderr.write(`chibo-bot cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const onSignal = (signal: string) => {
    logger.info({ signal }, "signal received");
    const timer = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    timer.unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
