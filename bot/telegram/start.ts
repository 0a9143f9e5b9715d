import { run, type RunnerHandle } from "@grammyjs/runner";
import { BotError, HttpError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { Config } from "../config.ts";
import type { EventSink, MessengerAdapter } from "../core/contract/ports.ts";
import type { Db } from "../db/client.ts";
import { randomUUID } from "node:crypto";
import { createInbox, defaultReplayTiming, type ReplayTiming } from "../db/inbox.ts";
import { createCallHealth, type CallHealth, type CallState, type HealthReporting } from "../http/health.ts";
import type { HttpServer } from "../http/server.ts";
import { webhookHandler } from "../http/webhook.ts";
import type { I18n } from "../i18n/index.ts";
import { repeat, type Repeating } from "../lib/repeat.ts";
import type { Logger } from "../logger.ts";
import { createTelegramBot, installTelegramHandlers, setCommandMenu } from "./bot.ts";
import { createTelegramMessenger } from "./messenger.ts";

export interface TelegramAdapterDeps {
  i18n: I18n;
  logger: Logger;
  /** Webhook mode: the inbox that makes a redelivered update harmless. */
  db?: Db;
  /** Webhook mode: the listener its route is added to. */
  http?: HttpServer;
  /** Webhook mode: when updates left by a stopped instance are replayed (tests shorten it). */
  replay?: ReplayTiming;
}

/** The header Telegram puts setWebhook's secret_token in (lower-cased by Node). */
const secretHeader = "x-telegram-bot-api-secret-token";
const allowedUpdates = ["message", "callback_query"] as const;

/**
 * How a Bot API answer bears on the bot's health. A refusal about one message (400, 403: a user
 * who blocked the bot) still means Telegram answered; 401 and 404 mean the token is no good.
 */
function stateOf(errorCode: number): CallState {
  if (errorCode === 401 || errorCode === 404) return "failing";
  if (errorCode === 429 || errorCode >= 500) return "backing-off";
  return "ok";
}

function trackHealth(bot: Bot, health: CallHealth): void {
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      health.record(result.ok ? "ok" : stateOf(result.error_code));
      return result;
    } catch (error) {
      // A poll cut short by stopping says nothing about Telegram.
      if (!signal?.aborted) health.record(error instanceof HttpError ? "backing-off" : "failing");
      throw error;
    }
  });
}

/**
 * The envelope of a webhook delivery. What it carries (a message, a button press) is parsed by the
 * same code as a polled update, in ./normalize.ts; anything else in it is ignored there.
 */
const updateEnvelope = z.object({ update_id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).passthrough();

/**
 * A webhook body, or the same text kept in the inbox, read back as an update: one check for both,
 * so a stored update is exactly what was accepted. Null when it is not JSON or not an update.
 */
function parseUpdate(raw: string): Update | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  // The envelope's check is all zod can say of an update; the rest is grammY's type.
  return updateEnvelope.safeParse(body).success ? (body as Update) : null;
}

/**
 * Connects to Telegram (getMe) and returns the adapter. `start` takes updates by long polling (the
 * default), or with TELEGRAM_MODE=webhook on a route of the bot's HTTP listener registered with
 * setWebhook: each update is written to the inbox before it is acknowledged, so a redelivery is
 * ignored and one acknowledged just before a crash is handled at the next start.
 */
export async function createTelegramAdapter(config: Config & { TELEGRAM_BOT_TOKEN: string }, deps: TelegramAdapterDeps): Promise<MessengerAdapter & HealthReporting> {
  const bot = createTelegramBot({ token: config.TELEGRAM_BOT_TOKEN, globalRate: config.TELEGRAM_RATE_LIMIT, ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) });
  const health = createCallHealth();
  trackHealth(bot, health);
  try {
    await bot.init();
  } catch (error) {
    throw new Error("Telegram refused the bot token or could not be reached (getMe failed). Check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.", { cause: error });
  }
  const log = deps.logger.child({ platform: "telegram" });
  let runner: RunnerHandle | null = null;
  let webhookPath: string | null = null;
  const inFlight = new Set<Promise<void>>();
  let menuSet: Promise<void> = Promise.resolve();
  let replaying: Repeating | null = null;

  async function startWebhook(): Promise<void> {
    const { db, http } = deps;
    if (!db || !http) throw new Error("Telegram webhook mode needs the database and the HTTP listener.");
    const timing = deps.replay ?? defaultReplayTiming;
    const inbox = createInbox(db, "telegram", timing);
    const handle = (id: string, update: Update) => {
      const done = bot
        .handleUpdate(update)
        .catch((err: unknown) => (err instanceof BotError ? bot.errorHandler(err) : log.error({ err }, "telegram update failed")))
        .then(() => inbox.markHandled(id, new Date()))
        .catch((err: unknown) => log.error({ err, update_id: update.update_id }, "could not mark a telegram update handled"))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
      return done;
    };
    await inbox.prune(new Date()).catch((err: unknown) => log.warn({ err }, "could not prune old update ids"));
    // Updates acknowledged but never handled, by this process before it stopped or by another
    // instance that stopped: each claimed, then handled in order, one after the other.
    const holder = `telegram:${randomUUID()}`;
    const replay = async () => {
      const replayed = await inbox.replay(
        async (row) => {
          const update = parseUpdate(row.payload);
          if (update) await handle(row.id, update);
          else await inbox.markHandled(row.id, new Date());
        },
        { holder },
      );
      if (replayed) log.info({ count: replayed }, "telegram updates left unhandled by a stop handled now");
    };
    // What was left before this start goes before anything new.
    await replay();
    const url = new URL(config.TELEGRAM_WEBHOOK_URL!);
    webhookPath = url.pathname;
    http.route(
      "POST",
      webhookPath,
      webhookHandler({
        secretHeader,
        secret: config.TELEGRAM_WEBHOOK_SECRET!,
        logger: log.child({ component: "webhook" }),
        async onBody(raw) {
          const body = parseUpdate(raw);
          if (!body) {
            log.warn("webhook body is not an update");
            return { status: 400, body: { ok: false, description: "Bad Request" } };
          }
          const id = String(body.update_id);
          // Not recorded if this throws (→ 500): Telegram delivers it again later.
          if (!(await inbox.record(id, raw))) return { status: 200, body: { ok: true, duplicate: true } };
          // Acknowledged at once, handled in the background: Telegram waits for nobody's reply.
          void handle(id, body);
          return { status: 200, body: { ok: true } };
        },
      }),
    );
    try {
      await bot.api.setWebhook(url.toString(), { secret_token: config.TELEGRAM_WEBHOOK_SECRET!, allowed_updates: [...allowedUpdates] });
    } catch (error) {
      http.unroute("POST", webhookPath);
      webhookPath = null;
      throw new Error("Telegram refused the webhook (setWebhook failed). TELEGRAM_WEBHOOK_URL must be a public https URL.", { cause: error });
    }
    log.info({ bot: bot.botInfo.username, path: webhookPath }, "telegram webhook registered");
    // Then now and again, for what another instance leaves when it stops while this one runs.
    replaying = repeat(replay, { everyMs: timing.everyMs, onError: (err) => log.error({ err }, "could not replay the telegram inbox") });
  }

  return {
    platform: "telegram",
    messenger: createTelegramMessenger(bot.api, bot.botInfo.username, (err) => deps.logger.warn({ err }, "telegram: a document could not be sent")),
    health: () => health.state(),
    async start(sink: EventSink) {
      installTelegramHandlers(bot, { core: sink, i18n: deps.i18n, logger: deps.logger, defaultLocale: config.DEFAULT_LOCALE });
      if (config.TELEGRAM_MODE === "webhook") {
        await startWebhook();
      } else {
        // Long polling fails while a webhook is set (for instance by an earlier deployment).
        await bot.api.deleteWebhook();
        runner = run(bot, { runner: { fetch: { allowed_updates: [...allowedUpdates] } } });
        log.info({ bot: bot.botInfo.username }, "telegram long polling started");
      }
      // A convenience, set once updates already flow: two round trips to Telegram nobody waits for.
      // It never throws (a failure is a warning).
      menuSet = setCommandMenu(bot.api, sink, deps.i18n, deps.logger);
    },
    async stop() {
      // The webhook stays set: Telegram keeps what arrives meanwhile and delivers it after a restart.
      if (webhookPath) deps.http?.unroute("POST", webhookPath);
      webhookPath = null;
      await replaying?.stop();
      replaying = null;
      // Resolves once every update being handled has finished: nothing is left half-written.
      if (runner?.isRunning()) await runner.stop();
      while (inFlight.size > 0) await Promise.all(inFlight);
      await menuSet;
    },
  };
}
