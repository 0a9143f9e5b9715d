import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { EventSink } from "../core/contract/ports.ts";
import type { I18n, Locale } from "../i18n/index.ts";
import { createFloodGate } from "../lib/flood-gate.ts";
import type { Logger } from "../logger.ts";
import { readPressed } from "./keyboard.ts";
import { normalizeTelegramUpdate } from "./normalize.ts";
import { retryNetworkErrors } from "./network-retry.ts";
import { throttle } from "./throttle.ts";

export interface TelegramBotOptions {
  token: string;
  /** A self-hosted Bot API server or an emulator; Telegram's own when absent. */
  apiRoot?: string;
  /** Known bot identity: skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Messages a second over all chats; Telegram's own limit is about 30. */
  globalRate?: number;
  /** Waits before each retry of a call that got no answer at all; then it fails (default 0.5 s, 2 s). */
  networkRetryDelaysMs?: readonly number[];
}

/** A grammY bot whose API calls wait out 429s and stay within Telegram's rate limits. */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  // About 30 messages a second overall. In one private chat Telegram tolerates short bursts over
  // one a second, so replies are only spaced (a quarter second), never held for long: a person
  // pressing through a menu is not made to wait, and a 429 that still comes is waited out below.
  bot.api.config.use(throttle({ globalRate: options.globalRate ?? 30, perChatGapMs: 250 }));
  // 429s and 5xx: waited out a few times (not beyond a minute), then the error surfaces and the
  // outbox retries later. Network failures: a bounded retry of our own (auto-retry's is endless).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  bot.api.config.use(retryNetworkErrors(options.networkRetryDelaysMs ?? [500, 2000]));
  return bot;
}


export interface TelegramHandlerDeps {
  core: EventSink;
  i18n: I18n;
  logger: Logger;
  defaultLocale: Locale;
  /** Updates of one sender that may wait or run at once; beyond, they are dropped (default 8). */
  maxQueuedPerSender?: number;
}

/** Routes every private message and button press to the core; nothing else is handled here. */
export function installTelegramHandlers(bot: Bot, deps: TelegramHandlerDeps): void {
  const gate = createFloodGate({ maxQueued: deps.maxQueuedPerSender ?? 8 });
  // Before the per-person order below: a flood from one account takes a few of the runner's places
  // and is dropped beyond them, so everyone else's updates are still fetched and answered at once.
  // Nothing saved is touched by a dropped update; its sender is told once per burst.
  bot.use(async (ctx, next) => {
    const sender = ctx.from?.id.toString();
    if (sender === undefined) return next();
    const verdict = gate.enter(sender);
    if (verdict === "pass") {
      try {
        return await next();
      } finally {
        gate.leave(sender);
      }
    }
    if (ctx.callbackQuery) void ctx.answerCallbackQuery().catch(() => undefined);
    if (verdict === "refuse-first" && ctx.chat?.type === "private") void tellTooFast(ctx.chat.id, sender);
  });
  async function tellTooFast(chatId: number, sender: string): Promise<void> {
    try {
      const locale = await deps.core.localeOf("telegram", sender);
      await bot.api.sendMessage(chatId, deps.i18n.t(locale, "too-fast"));
    } catch (err) {
      deps.logger.debug({ err }, "could not tell a flooding sender to slow down");
    }
  }
  // Updates run concurrently, but one person's updates in order: a throttled chat never holds up
  // the others, and two quick taps by one person never race.
  bot.use(sequentialize((ctx) => ctx.from?.id.toString()));
  bot.on(["message", "callback_query:data"], async (ctx) => {
    const log = deps.logger.child({ platform: "telegram", update_id: ctx.update.update_id });
    const normalized = normalizeTelegramUpdate(ctx.update);
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) await ctx.answerCallbackQuery().catch((err) => log.debug({ err }, "answerCallbackQuery failed"));
    if (!normalized) {
      log.warn("update not understood; ignored");
      return;
    }
    if (!normalized.private) {
      if (normalized.isCommand) await ctx.reply(deps.i18n.t(deps.defaultLocale, "private-chat-only"));
      return;
    }
    log.debug({ input: normalized.event.input.kind }, "update");
    // Cleared before handling: a reply that replaces the pressed message brings its own keyboard.
    // Buttons of lists and menus stay usable; buttons of a question or a decision are spent once pressed.
    if (data !== undefined && !readPressed(data).keep) {
      await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch((err) => log.debug({ err }, "could not clear keyboard"));
    }
    await deps.core.handle(normalized.event);
  });
  bot.catch((err) => {
    deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "telegram update failed");
  });
}

/** The commands the core lists in a menu, in its order. */
export function menuCommands(sink: Pick<EventSink, "commands">): string[] {
  return sink
    .commands()
    .filter((c) => c.menuRank !== undefined)
    .sort((a, b) => a.menuRank! - b.menuRank!)
    .map((c) => c.name);
}

/**
 * Sets the command menu in Vietnamese (and English for English-language clients). Not essential:
 * a server that lacks the method (an emulator) only earns a warning.
 */
export async function setCommandMenu(api: Api, sink: Pick<EventSink, "commands">, i18n: I18n, logger: Logger): Promise<void> {
  const names = menuCommands(sink);
  const commands = (locale: Locale) => names.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
  try {
    await api.setMyCommands(commands("vi"));
    await api.setMyCommands(commands("en"), { language_code: "en" });
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "could not set the command menu; continuing");
  }
}
