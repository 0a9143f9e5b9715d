/**
 * A bot process reduced to its outbox: registers as a worker, beats its heart, and sends every due
 * row of kind "test.note" through the real Telegram messenger until none is left. Run as a child
 * process by test/integration/delivery/crash.test.ts, which kills it with SIGKILL mid-fan-out.
 *
 * env: DATABASE_URL, TELEGRAM_API_ROOT, TELEGRAM_RATE (calls a second, default 1000)
 */
import { pino } from "pino";
import { runOutbox } from "../../bot/core/delivery/dispatch.ts";
import type { OutboxRenderer } from "../../bot/core/delivery/outbox.ts";
import { createWorkerPresence } from "../../bot/core/delivery/workers.ts";
import { createDb } from "../../bot/db/client.ts";
import { createI18n } from "../../bot/i18n/index.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { createTelegramMessenger } from "../../bot/telegram/messenger.ts";

const botInfo = { id: 1, is_bot: true as const, first_name: "Chi bộ", username: "chibo_test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false };
const note: OutboxRenderer = async (row) => ({ action: "send", messages: [{ text: `Nhắc lịch ${row.key}` }] });

const db = await createDb(process.env.DATABASE_URL!);
const bot = createTelegramBot({ token: "123:abc", apiRoot: process.env.TELEGRAM_API_ROOT!, botInfo, globalRate: Number(process.env.TELEGRAM_RATE ?? 1000) });
const deps = {
  db,
  i18n: createI18n(new URL("../../locales", import.meta.url).pathname),
  logger: pino({ level: "silent" }),
  messengers: new Map([["telegram" as const, createTelegramMessenger(bot.api, "chibo_test_bot")]]),
  now: () => new Date(),
  settings: { defaultLocale: "vi" as const, defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 30 },
};
const presence = createWorkerPresence({ db, heartbeatMs: 500, onDeadClaims: () => undefined, onError: () => undefined });
await presence.start();
process.stdout.write(`worker ${presence.me.id}\n`);
for (;;) {
  const summary = await runOutbox({ core: deps, renderers: new Map([["test.note", note]]), pacers: new Map(), workerId: presence.me.id }, { now: new Date() });
  if (summary.claimed === 0 && (await db.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } })) === 0) break;
  if (summary.claimed === 0) await new Promise((r) => setTimeout(r, 200));
}
await presence.stop();
await db.$disconnect();
process.stdout.write("done\n");
