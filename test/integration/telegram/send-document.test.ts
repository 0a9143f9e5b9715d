/**
 * A document the bot made reaches Telegram as a real upload: sendDocument with the bytes and the
 * file name, after the text, through the same client (throttle, retries) as every message.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createTelegramBot } from "../../../bot/telegram/bot.ts";
import { createTelegramMessenger } from "../../../bot/telegram/messenger.ts";

const botInfo = { id: 1, is_bot: true as const, first_name: "Chi bộ", username: "chibo_test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false };
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

it("sends the text, then the file as a multipart upload with its name and bytes", async () => {
  const calls: { method: string; contentType: string; body: Buffer }[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      calls.push({ method: req.url!.split("/").pop()!, contentType: req.headers["content-type"] ?? "", body: Buffer.concat(chunks) });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, result: { message_id: calls.length, date: 0, chat: { id: 42, type: "private" } } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const bot = createTelegramBot({ token: "123:abc", apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, botInfo });
  const messenger = createTelegramMessenger(bot.api, "chibo_test_bot");
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from("nội dung báo cáo")]);
  await messenger.send("42", { text: "📄 bao-cao-Le-Van-Long.docx", file: { fileName: "bao-cao-Le-Van-Long.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes } });
  expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendDocument"]);
  const upload = calls[1]!;
  expect(upload.contentType).toMatch(/^multipart\/form-data/);
  expect(upload.body.includes(Buffer.from("filename=bao-cao-Le-Van-Long.docx"))).toBe(true);
  expect(upload.body.includes(Buffer.from(bytes))).toBe(true);
  expect(upload.body.includes(Buffer.from('name="chat_id"\r\n\r\n42\r\n'))).toBe(true);
});
