import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBotApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface FakeBotApi {
  apiRoot: string;
  calls: FakeBotApiCall[];
  /** Calls of one method, in order. */
  of(method: string): FakeBotApiCall[];
  /** From now on, `method` answers this error (e.g. 401 for a revoked token); null goes back to answering ok. */
  failWith(method: string, error: { error_code: number; description: string; parameters?: Record<string, unknown> } | null): void;
  close(): Promise<void>;
}

export const fakeBotInfo = { id: 1, is_bot: true, first_name: "Chi bộ", username: "chibo_test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };

/**
 * A minimal Telegram Bot API on loopback for webhook mode: it records every call and answers what
 * the bot asks (getMe, setWebhook, setMyCommands, sendMessage…). It never has updates to give
 * (getUpdates answers an empty list): tests post them to the bot's webhook, as Telegram would.
 */
export async function startFakeBotApi(): Promise<FakeBotApi> {
  const calls: FakeBotApiCall[] = [];
  const failures = new Map<string, { error_code: number; description: string; parameters?: Record<string, unknown> }>();
  let messageId = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1] ?? "";
      const text = Buffer.concat(chunks).toString("utf8");
      const payload = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      calls.push({ method, payload });
      res.setHeader("content-type", "application/json");
      const failure = failures.get(method);
      if (failure) return void res.end(JSON.stringify({ ok: false, ...failure }));
      // Never an update, after a short wait: long polling that stays quiet.
      if (method === "getUpdates") return void setTimeout(() => res.end(JSON.stringify({ ok: true, result: [] })), 200);
      const result =
        method === "getMe"
          ? fakeBotInfo
          : method === "sendMessage"
            ? { message_id: ++messageId, date: 0, chat: { id: Number(payload.chat_id), type: "private" }, text: payload.text }
            : true;
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    failWith(method, error) {
      if (error) failures.set(method, error);
      else failures.delete(method);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A private text message from user `userId`, as Telegram delivers it. */
export function telegramText(updateId: number, userId: number, text: string) {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), from: { id: userId, is_bot: false, first_name: "Người dùng" }, chat: { id: userId, type: "private", first_name: "Người dùng" }, text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}) },
  };
}
