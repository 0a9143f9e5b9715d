import "dotenv/config";
import { run } from "@grammyjs/runner";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCore } from "./core/app.ts";
import type { Platform } from "./core/messages.ts";
import type { Messenger } from "./core/ports.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import { absoluteSqliteUrl, createDb, migrateDatabase, type Db } from "./db/client.ts";
import { createI18n } from "./i18n/index.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createTelegramBot, installTelegramHandlers, setCommandMenu } from "./telegram/bot.ts";
import { createTelegramMessenger } from "./telegram/messenger.ts";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface RunningBot {
  /** Stops taking updates, lets in-flight ones finish, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
  db: Db;
}

/** The composition root: config → logger → database → core → adapters. */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const databaseUrl = absoluteSqliteUrl(config.DATABASE_URL, projectRoot);
  await migrateDatabase(databaseUrl);
  const db = await createDb(databaseUrl);
  const i18n = createI18n(join(projectRoot, "locales"));

  const bot = createTelegramBot({ token: config.TELEGRAM_BOT_TOKEN, ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) });
  try {
    await bot.init();
  } catch (error) {
    await db.$disconnect();
    throw new Error("Telegram refused the bot token or could not be reached (getMe failed). Check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.", {
      cause: error,
    });
  }
  const messengers = new Map<Platform, Messenger>([["telegram", createTelegramMessenger(bot.api, bot.botInfo.username)]]);
  const core = createCore({
    db,
    i18n,
    logger,
    messengers,
    now: () => new Date(),
    settings: { defaultLocale: config.DEFAULT_LOCALE, defaultTimeZone: config.TZ, inviteTtlDays: config.INVITE_TTL_DAYS },
  });
  installTelegramHandlers(bot, { core, i18n, logger, defaultLocale: config.DEFAULT_LOCALE });
  await setCommandMenu(bot.api, i18n, logger);

  // Long polling fails while a webhook is set (for instance by an earlier deployment).
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
  logger.info({ bot: bot.botInfo.username }, "telegram long polling started");

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      // Resolves once every update being handled has finished: nothing is left half-written.
      if (runner.isRunning()) await runner.stop();
      await db.$disconnect();
      logger.info("stopped");
    })());
  return { stop, db };
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
