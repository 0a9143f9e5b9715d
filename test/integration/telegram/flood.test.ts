import type { Update } from "grammy/types";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../../../bot/core/contract/messages.ts";
import type { EventSink } from "../../../bot/core/contract/ports.ts";
import { createTelegramBot, installTelegramHandlers } from "../../../bot/telegram/bot.ts";
import { i18n } from "../../helpers/core-harness.ts";

const botInfo = { id: 1, is_bot: true as const, first_name: "Chi bộ", username: "chibo_test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false };
let updateId = 1;
const text = (userId: number, body: string): Update => ({
  update_id: updateId++,
  message: { message_id: updateId, date: 0, from: { id: userId, is_bot: false, first_name: "U" }, chat: { id: userId, type: "private", first_name: "U" }, text: body },
});

/** A core that holds every event of one sender until released, as a slow answer would. */
class SlowSink implements EventSink {
  readonly handled: InboundEvent[] = [];
  private release!: () => void;
  readonly released = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly slowUser: string) {}
  async handle(event: InboundEvent) {
    this.handled.push(event);
    if (event.userId === this.slowUser) await this.released;
  }
  commands() {
    return [];
  }
  async localeOf() {
    return "vi" as const;
  }
  open() {
    this.release();
  }
}

describe("one Telegram sender flooding the bot", () => {
  it("keeps a few of their updates, drops the rest with one polite word, and answers someone else at once", async () => {
    const bot = createTelegramBot({ token: "123:abc", botInfo });
    const calls: { method: string; payload: Record<string, unknown> }[] = [];
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: true } as never;
    });
    const sink = new SlowSink("7");
    installTelegramHandlers(bot, { core: sink, i18n, logger: pino({ level: "silent" }), defaultLocale: "vi", maxQueuedPerSender: 3 });

    const flood = Array.from({ length: 40 }, (_, i) => bot.handleUpdate(text(7, `tin ${i}`)));
    // Someone else is answered while the flood is still held.
    await bot.handleUpdate(text(8, "/start"));
    expect(sink.handled.filter((e) => e.userId === "8")).toHaveLength(1);
    // Of the flood, the first in line is being handled and two wait behind it: no more.
    expect(sink.handled.filter((e) => e.userId === "7")).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    const tooFast = calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).includes("gửi nhanh quá"));
    expect(tooFast).toHaveLength(1);
    expect(tooFast[0]!.payload.chat_id).toBe(7);
    sink.open();
    await Promise.all(flood);
    expect(sink.handled.filter((e) => e.userId === "7")).toHaveLength(3);

    // The burst is over: a new flood earns one more word, a calm sender none.
    await bot.handleUpdate(text(7, "lại đây"));
    expect(sink.handled.filter((e) => e.userId === "7")).toHaveLength(4);
  });
});
