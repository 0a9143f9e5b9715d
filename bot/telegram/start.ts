import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Config } from "../config.ts";
import type { MessengerAdapter } from "../core/contract/ports.ts";
import type { I18n } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import { createTelegramBot, installTelegramHandlers, setCommandMenu } from "./bot.ts";
import { createTelegramMessenger } from "./messenger.ts";

/** Connects to Telegram (getMe) and returns the adapter; long polling starts with `start`. */
export async function createTelegramAdapter(config: Config & { TELEGRAM_BOT_TOKEN: string }, deps: { i18n: I18n; logger: Logger }): Promise<MessengerAdapter> {
  const bot = createTelegramBot({ token: config.TELEGRAM_BOT_TOKEN, ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) });
  try {
    await bot.init();
  } catch (error) {
    throw new Error("Telegram refused the bot token or could not be reached (getMe failed). Check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.", { cause: error });
  }
  let runner: RunnerHandle | null = null;
  return {
    platform: "telegram",
    messenger: createTelegramMessenger(bot.api, bot.botInfo.username, (err) => deps.logger.warn({ err }, "telegram: a document could not be sent")),
    async start(sink) {
      installTelegramHandlers(bot, { core: sink, i18n: deps.i18n, logger: deps.logger, defaultLocale: config.DEFAULT_LOCALE });
      await setCommandMenu(bot.api, sink, deps.i18n, deps.logger);
      // Long polling fails while a webhook is set (for instance by an earlier deployment).
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
      deps.logger.info({ bot: bot.botInfo.username }, "telegram long polling started");
    },
    async stop() {
      // Resolves once every update being handled has finished: nothing is left half-written.
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
