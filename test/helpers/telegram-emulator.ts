import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer } from "node:net";
import testApi from "telegram-test-api";

// The package is CommonJS with `exports.default`; depending on the loader's interop the class is
// the import itself or its `default`.
type TelegramServerClass = typeof testApi.default;
const TelegramServer: TelegramServerClass = (testApi as unknown as { default?: TelegramServerClass }).default ?? (testApi as unknown as TelegramServerClass);
type TelegramServerInstance = InstanceType<TelegramServerClass>;

export const testToken = "123456789:AAH-chibo-test-token-abcdefghijklmnopq";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The emulator answers getUpdates at once, even when empty. A real Bot API server holds the
 * request (long polling); this small proxy in front of it does the same, so the bot's polling
 * loop behaves as in production instead of spinning.
 */
async function startLongPollProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createHttpServer((req, res) => {
    forward(req, res).catch(() => {
      // The emulator went away (end of a test): answer like a dead server would.
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  async function forward(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const isGetUpdates = /\/getUpdates$/.test(req.url ?? "");
    const deadline = Date.now() + 1000;
    let aborted = false;
    // The response's close (not the request's, which fires once the body is read) tells that the bot hung up.
    res.on("close", () => {
      aborted = !res.writableEnded;
    });
    for (;;) {
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method ?? "POST",
        headers: { "content-type": req.headers["content-type"] ?? "application/json" },
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await upstream.text();
      const empty = isGetUpdates && upstream.ok && /"result":\[\]/.test(text);
      if (!empty || Date.now() > deadline || aborted) {
        if (!aborted) res.writeHead(upstream.status, { "content-type": "application/json" }).end(text);
        return;
      }
      await sleep(25);
    }
  }
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface BotMessage {
  messageId: number;
  text: string;
  buttons: { text: string; callback_data: string }[][];
}

export interface EmulatedUser {
  userId: number;
  command(text: string): Promise<void>;
  say(text: string): Promise<void>;
  sticker(): Promise<void>;
  press(message: BotMessage, label: string | RegExp): Promise<void>;
  pressData(messageId: number, data: string): Promise<void>;
  /** Waits until the bot sent this user a message matching `pattern`, after the last one already seen. */
  expectMessage(pattern: string | RegExp, timeoutMs?: number): Promise<BotMessage>;
  /** Every message the bot sent this user so far. */
  messages(): BotMessage[];
}

export interface Emulator {
  server: TelegramServerInstance;
  apiRoot: string;
  user(userId: number, firstName: string): EmulatedUser;
  close(): Promise<void>;
}

export async function startTelegramEmulator(): Promise<Emulator> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  const proxy = await startLongPollProxy(server.config.apiURL);

  // A message the bot edits (a checklist toggled in place) is, for the user, a new thing to read:
  // every send and every text edit is recorded as an event, in order.
  const events: { chatId: string; messageId: number }[] = [];
  const originalAdd = server.addBotMessage.bind(server);
  server.addBotMessage = (raw: Parameters<typeof originalAdd>[0], token: string) => {
    const result = originalAdd(raw, token);
    events.push({ chatId: String(result.chat.id), messageId: result.message_id });
    return result;
  };
  const originalEdit = server.editMessageText.bind(server);
  server.editMessageText = (raw: Parameters<typeof originalEdit>[0]) => {
    originalEdit(raw);
    const edited = raw as { chat_id?: unknown; message_id?: unknown };
    events.push({ chatId: String(edited.chat_id), messageId: Number(edited.message_id) });
  };

  function botMessagesFor(chatId: number): BotMessage[] {
    return events
      .filter((e) => e.chatId === String(chatId))
      .flatMap((e) => {
        const m = server.storage.botMessages.find((b) => b.messageId === e.messageId && String(b.message.chat_id) === e.chatId);
        if (!m) return [];
        const markup = m.message.reply_markup as { inline_keyboard?: BotMessage["buttons"] } | undefined;
        return [{ messageId: m.messageId, text: String(m.message.text ?? ""), buttons: markup?.inline_keyboard ?? [] }];
      });
  }

  const user = (userId: number, firstName: string): EmulatedUser => {
    const client = server.getClient(testToken, { userId, chatId: userId, firstName, userName: `u${userId}` });
    let seen = 0;
    const self: EmulatedUser = {
      userId,
      async command(text) {
        await client.sendCommand(client.makeCommand(text));
      },
      async say(text) {
        await client.sendMessage(client.makeMessage(text));
      },
      async sticker() {
        const message = client.makeMessage("", { sticker: { file_id: "x" } } as never) as Record<string, unknown>;
        delete message.text;
        await client.sendMessage(message as never);
      },
      async press(message, label) {
        const button = message.buttons.flat().find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
        if (!button) throw new Error(`No button ${String(label)} on "${message.text.slice(0, 60)}": ${JSON.stringify(message.buttons)}`);
        await self.pressData(message.messageId, button.callback_data);
      },
      async pressData(messageId, data) {
        await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: messageId } }));
      },
      async expectMessage(pattern, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const all = botMessagesFor(userId);
          const index = all.findIndex((m, i) => i >= seen && (typeof pattern === "string" ? m.text.includes(pattern) : pattern.test(m.text)));
          if (index >= 0) {
            seen = index + 1;
            return all[index]!;
          }
          if (Date.now() > deadline) {
            throw new Error(`User ${userId} got no message matching ${String(pattern)}; got:\n${all.slice(seen).map((m) => m.text).join("\n---\n")}\nUpdates from this user: ${JSON.stringify(server.storage.userMessages.slice(-3).map((u) => ({ id: u.updateId, read: u.isRead, text: "message" in u ? (u.message as { text?: string }).text : "callback" })))}`);
          }
          await sleep(20);
        }
      },
      messages: () => botMessagesFor(userId),
    };
    return self;
  };

  return {
    server,
    apiRoot: proxy.url,
    user,
    close: async () => {
      await proxy.close();
      await server.stop();
    },
  };
}
