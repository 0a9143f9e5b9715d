import type { Config } from "../config.ts";
import type { EventSink, MessengerAdapter } from "../core/contract/ports.ts";
import type { Db } from "../db/client.ts";
import { defaultReplayTiming, type ReplayTiming } from "../db/inbox.ts";
import { createCallHealth, type CallHealth, type HealthReporting } from "../http/health.ts";
import type { HttpServer } from "../http/server.ts";
import type { I18n } from "../i18n/index.ts";
import { repeat, type Repeating } from "../lib/repeat.ts";
import type { Logger } from "../logger.ts";
import { ZaloBotClient, type ZaloBotClientOptions } from "./client.ts";
import { ZaloApiError } from "./errors.ts";
import { createZaloInbound, type ZaloInbound } from "./inbound.ts";
import { pruneInbound } from "./inbox.ts";
import { createZaloMessenger } from "./messenger.ts";
import { parseZaloUpdate } from "./normalize.ts";
import { startZaloWebhookServer, zaloWebhookHandler, type ZaloWebhookServer } from "./webhook.ts";

export interface ZaloAdapterDeps {
  db: Db;
  i18n: I18n;
  logger: Logger;
  /** The bot's HTTP listener, which the webhook's route is added to; without it the adapter listens on its own. */
  http?: HttpServer;
}

export interface ZaloAdapterOptions {
  /** Where its own webhook listener listens, without `deps.http` (default 0.0.0.0 and ZALO_WEBHOOK_PORT; tests use 127.0.0.1 and 0). */
  webhookHost?: string;
  webhookPort?: number;
  /** Extra client options (tests: retry delays). */
  client?: Omit<ZaloBotClientOptions, "baseUrl" | "baseApiUrl" | "logger">;
  /** When updates left by a stopped instance are replayed (tests shorten it). */
  replay?: ReplayTiming;
}

export interface ZaloAdapter extends MessengerAdapter, HealthReporting {
  /** The port the webhook server listens on, once started in webhook mode. */
  webhookPort(): number | undefined;
}

type ZaloConfig = Config & { ZALO_BOT_TOKEN: string };

/**
 * Connects to Zalo (getMe) and returns the adapter. `start` takes updates by long polling (after
 * deleting any webhook, which would make getUpdates fail) or, with ZALO_MODE=webhook, by a route of
 * the bot's HTTP listener registered with setWebhook.
 */
export async function createZaloAdapter(config: ZaloConfig, deps: ZaloAdapterDeps, options: ZaloAdapterOptions = {}): Promise<ZaloAdapter> {
  const log = deps.logger.child({ platform: "zalo" });
  const client = new ZaloBotClient(config.ZALO_BOT_TOKEN, {
    ...options.client,
    ...(config.ZALO_API_ROOT ? { baseUrl: config.ZALO_API_ROOT } : {}),
    logger: log,
    polling: { timeout: 30, ...(typeof options.client?.polling === "object" ? options.client.polling : {}) },
  });
  let botId: string;
  try {
    botId = (await client.getMe()).id;
  } catch (error) {
    await client.close();
    // The client's errors never carry the token.
    throw new Error("Zalo refused the bot token or could not be reached (getMe failed). Check ZALO_BOT_TOKEN and ZALO_API_ROOT.", { cause: error });
  }
  const health = createCallHealth();
  trackHealth(client, health);
  const messenger = createZaloMessenger(client, { db: deps.db, i18n: deps.i18n, defaultLocale: config.DEFAULT_LOCALE, logger: deps.logger });
  let inbound: ZaloInbound | null = null;
  let webhook: ZaloWebhookServer | null = null;
  let routedPath: string | null = null;
  let started = false;
  let replaying: Repeating | null = null;

  async function closeWebhook(): Promise<void> {
    if (routedPath) deps.http?.unroute("POST", routedPath);
    routedPath = null;
    await webhook?.close();
    webhook = null;
  }

  async function deleteWebhookIfSet(): Promise<void> {
    try {
      const info = await client.getWebhookInfo();
      if (info.url) {
        await client.deleteWebhook();
        log.info("zalo webhook deleted for long polling");
      }
    } catch (error) {
      // Some deployments answer 404 to getWebhookInfo (OpenClaw tolerates it): delete blindly.
      if (!(error instanceof ZaloApiError && error.error_code === 404)) throw error;
      await client.deleteWebhook();
    }
  }

  return {
    platform: "zalo",
    messenger,
    webhookPort: () => webhook?.port ?? (routedPath ? deps.http?.port() : undefined),
    health: () => health.state(),
    async start(sink: EventSink) {
      if (started) return;
      started = true;
      const timing = options.replay ?? defaultReplayTiming;
      const taking = createZaloInbound({ db: deps.db, sink, messenger, i18n: deps.i18n, defaultLocale: config.DEFAULT_LOCALE, logger: deps.logger, botId, replay: timing });
      inbound = taking;
      await pruneInbound(deps.db, new Date()).catch((err: unknown) => log.warn({ err }, "could not prune old message ids"));
      // What arrived before the last stop but was never handled goes first; then now and again, for
      // what another instance leaves when it stops while this one runs.
      const resume = () => taking.resume();
      await resume();
      replaying = repeat(resume, { everyMs: timing.everyMs, onError: (err) => log.error({ err }, "could not replay the zalo inbox") });
      const accept = taking.accept;
      if (config.ZALO_MODE === "webhook") {
        const url = new URL(config.ZALO_WEBHOOK_URL!);
        const route = { secret: config.ZALO_WEBHOOK_SECRET!, logger: deps.logger, accept };
        if (deps.http) {
          routedPath = url.pathname || "/";
          deps.http.route("POST", routedPath, zaloWebhookHandler(route));
        } else {
          webhook = await startZaloWebhookServer({ ...route, host: options.webhookHost ?? "0.0.0.0", port: options.webhookPort ?? config.ZALO_WEBHOOK_PORT, path: url.pathname });
        }
        try {
          await client.setWebHook(url.toString(), { secret_token: config.ZALO_WEBHOOK_SECRET! });
        } catch (error) {
          await closeWebhook();
          await replaying.stop();
          throw new Error("Zalo refused the webhook (setWebhook failed). ZALO_WEBHOOK_URL must be a public https URL.", { cause: error });
        }
        log.info({ path: url.pathname }, "zalo webhook registered");
        return;
      }
      await deleteWebhookIfSet();
      client.on("update", (raw) => {
        const update = parseZaloUpdate(raw);
        if (!update) {
          log.warn("zalo update of an unexpected shape ignored");
          return;
        }
        accept(update).catch((err: unknown) => log.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, "could not record a zalo update; not handled"));
      });
      await client.startPolling();
      log.info("zalo long polling started");
    },
    async stop() {
      await closeWebhook();
      await client.stopPolling();
      await replaying?.stop();
      // Resolves once every update being handled has finished. The client stays open: the
      // scheduler may still send while it winds down; the process exit closes the sockets.
      await inbound?.drain();
    },
  };
}

/** Methods whose outcome tells whether Zalo answers the bot: the poll and every send. */
const trackedMethods = ["getUpdates", "sendMessage", "sendPhoto", "sendSticker", "sendChatAction"] as const;

/**
 * Records each call's outcome. The client has no hook for it, so its methods are wrapped on this
 * one instance (the poller calls getUpdates through the instance too). A refusal about one chat
 * (400, 404) still means Zalo answered; 401 means the token is no good; 403 (Zalo's "internal
 * server error"), 429, 5xx and network failures are passing ones the poller and outbox back off from.
 */
function trackHealth(client: ZaloBotClient, health: CallHealth): void {
  for (const name of trackedMethods) {
    const original = client[name].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        const result = await original(...args);
        health.record("ok");
        return result;
      } catch (error) {
        if (error instanceof ZaloApiError) health.record(error.error_code === 401 ? "failing" : [403, 429].includes(error.error_code) || error.error_code >= 500 ? "backing-off" : "ok");
        else if (!(error instanceof ZaloBotClient.errors.ZaloAbortError || error instanceof ZaloBotClient.errors.ZaloValidationError)) health.record("backing-off");
        throw error;
      }
    };
  }
}
