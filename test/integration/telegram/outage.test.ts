import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../../bot/telegram/bot.ts";
import { createTelegramMessenger } from "../../../bot/telegram/messenger.ts";

const botInfo = { id: 1, is_bot: true as const, first_name: "Chi bộ", username: "chibo_test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false };
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A Bot API that accepts connections and drops them without a word, as during an outage. */
async function deadApi(): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  server = createServer((req) => {
    calls++;
    req.socket.destroy();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, calls: () => calls };
}

describe("a Telegram outage", () => {
  it("fails a send after a bounded number of retries instead of hanging, so the outbox can retry later", async () => {
    const api = await deadApi();
    const bot = createTelegramBot({ token: "123:abc", apiRoot: api.url, botInfo, networkRetryDelaysMs: [10, 20] });
    const messenger = createTelegramMessenger(bot.api, "chibo_test_bot");
    await expect(messenger.send("42", { text: "Nhắc lịch sinh hoạt" })).rejects.toThrow();
    // The first try and two retries: no more.
    expect(api.calls()).toBe(3);
  });
});
