/* global process */
/**
 * The yardstick of bench:start: a bare grammY bot, one handler, long polling, plain JavaScript.
 * env: TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT
 */
import { Bot } from "grammy";

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on("message", (ctx) => ctx.reply("Xin chào"));
process.once("SIGTERM", () => void bot.stop().then(() => process.exit(0)));
await bot.start();
