import "dotenv/config";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPacer, type Pacer } from "./lib/pacer.ts";
import { backupJob, botJobs, outboxJobName } from "../jobs/jobs.ts";
import type { Scheduler } from "../jobs/scheduler.ts";
import { createWorkerPresence } from "./core/delivery/workers.ts";
import { createCore, type Core } from "./core/kernel/app.ts";
import { allFeatures } from "./core/features/index.ts";
import type { Platform } from "./core/contract/messages.ts";
import type { MessengerAdapter } from "./core/contract/ports.ts";
import { backupSettings, ConfigError, downloadSettings, httpListener, parseConfig, type Config } from "./config.ts";
import { registerFileRoute } from "./http/files.ts";
import { absoluteSqliteUrl, createDb, migrateDatabase, type Db } from "./db/client.ts";
import { registerHealthRoutes, type HealthReporting } from "./http/health.ts";
import { createHttpServer, type HttpServer } from "./http/server.ts";
import { createI18n, isLocale } from "./i18n/index.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createTelegramAdapter } from "./telegram/start.ts";
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
  /** The HTTP listener (webhooks, health), when the configuration turns it on. */
  http: HttpServer | null;
}

/** The composition root: config → logger → database → HTTP listener → adapters → core and features → jobs. */
export async function startBot(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningBot> {
  const now = options.now ?? (() => new Date());
  const databaseUrl = absoluteSqliteUrl(config.DATABASE_URL, projectRoot);
  await migrateDatabase(databaseUrl);
  const db = await createDb(databaseUrl);
  const i18n = createI18n(join(projectRoot, "locales"));

  const listener = httpListener(config);
  // Listening before the adapters start: a messenger may call its webhook as soon as it is set.
  const http = listener ? createHttpServer(logger) : null;
  const adapters: (MessengerAdapter & HealthReporting)[] = [];
  try {
    await http?.listen(listener!.port, listener!.host);
    const adapterDeps = { db, i18n, logger, ...(http ? { http } : {}) };
    if (config.TELEGRAM_BOT_TOKEN) adapters.push(await createTelegramAdapter({ ...config, TELEGRAM_BOT_TOKEN: config.TELEGRAM_BOT_TOKEN }, adapterDeps));
    if (config.ZALO_BOT_TOKEN) {
      // Loaded only when Zalo runs: its HTTP client (undici) costs a tenth of a second at start.
      const { createZaloAdapter } = await import("./zalo/start.ts");
      adapters.push(await createZaloAdapter({ ...config, ZALO_BOT_TOKEN: config.ZALO_BOT_TOKEN }, adapterDeps));
    }
  } catch (error) {
    await http?.close();
    await db.$disconnect();
    throw error;
  }

  let scheduler: Scheduler | null = null;
  const downloads = downloadSettings(config);
  const deps: CoreDeps = {
    db,
    i18n,
    logger,
    messengers: new Map(adapters.map((a) => [a.platform, a.messenger])),
    now,
    settings: { defaultLocale: config.DEFAULT_LOCALE, defaultTimeZone: config.TZ, inviteTtlDays: config.INVITE_TTL_DAYS, ...(downloads && http ? { downloads } : {}) },
    kickOutbox: () => scheduler?.kick(outboxJobName),
  };
  const core = createCore(deps, allFeatures);
  const pacers = new Map<Platform, Pacer>([
    ["telegram", createPacer(config.TELEGRAM_SEND_RATE)],
    ["zalo", createPacer(config.ZALO_SEND_RATE)],
  ]);
  let stopping: Promise<void> | null = null;
  const startedAt = new Date();
  if (http && downloads) {
    registerFileRoute(http, {
      secret: downloads.secret,
      now,
      logger,
      producerOf: (kind) => core.documentProducer(kind),
      translatorOf: async (personId) => {
        const person = await db.person.findUnique({ where: { id: personId }, select: { locale: true } });
        return person ? i18n.translator(isLocale(person.locale) ? person.locale : config.DEFAULT_LOCALE, "zalo") : null;
      },
    });
  }
  if (http) {
    registerHealthRoutes(http, {
      database: async () => void (await db.$queryRawUnsafe("SELECT 1")),
      schedulerTickedAt: () => scheduler?.lastTickAt() ?? startedAt,
      messengers: new Map(adapters.map((a) => [a.platform, a])),
      stopping: () => stopping !== null,
    });
  }
  // This process as a sender of the outbox: if it dies, another (or its restart) takes its claims over within seconds.
  const presence = createWorkerPresence({
    db,
    onDeadClaims: () => scheduler?.kick(outboxJobName),
    onError: (err) => logger.warn({ err }, "outbox heartbeat failed"),
  });
  try {
    // People first: updates are taken before the outbox and its jobs are set up (a kick that comes
    // meanwhile is covered by the one below).
    for (const adapter of adapters) await adapter.start(core);
    await presence.start();
  } catch (error) {
    for (const adapter of adapters) await adapter.stop().catch(() => undefined);
    await presence.stop().catch(() => undefined);
    await http?.close();
    await db.$disconnect();
    throw error;
  }
  const backups = backupSettings(config);
  const jobs = botJobs({ core, deps, pacers, workerId: presence.me.id, parallelSends: config.OUTBOX_PARALLEL_SENDS, now });
  if (backups) jobs.push(backupJob({ databaseUrl, dir: resolve(projectRoot, backups.dir), keep: backups.keep, now, log: (fields, message) => logger.info(fields, message) }));
  // Loaded once people are answered: node-cron costs some 30 ms at start.
  const { createScheduler } = await import("../jobs/scheduler.ts");
  const running = createScheduler(jobs, { timeZone: config.TZ, logger, ticking: options.ticking ?? true });
  scheduler = running;
  // Reminders that fell due while the bot was down go out now, if still useful.
  running.kick(outboxJobName);

  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      for (const adapter of adapters) await adapter.stop();
      await running.stop();
      await presence.stop();
      await http?.close();
      await db.$disconnect();
      logger.info("stopped");
    })());
  return { stop, db, core, scheduler: running, http };
}

/** `npm start` (compiled: dist/main.js) and `npm run dev` (tsx). */
export async function main(): Promise<void> {
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
  // Signals are caught from the start: the bot answers people before its last parts are up, and a
  // SIGTERM in that moment must stop it cleanly, not kill it mid-write.
  let running: RunningBot | null = null;
  let signalled = false;
  const shutdown = (bot: RunningBot) =>
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  const onSignal = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, "signal received");
    const timer = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    timer.unref();
    if (running) void shutdown(running);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    running = await startBot(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, "start-up failed");
    process.stderr.write(`chibo-bot cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (signalled) void shutdown(running);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
