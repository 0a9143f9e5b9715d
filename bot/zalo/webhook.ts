/**
 * The HTTP endpoint Zalo posts updates to in webhook mode (plain node:http; put TLS in front of it).
 *
 * - Only `POST <path of ZALO_WEBHOOK_URL>`; anything else 404/405.
 * - `X-Bot-Api-Secret-Token` compared in constant time before the body is even read: missing →
 *   401, wrong → 403, and nothing is parsed, recorded or handled.
 * - A body that is not JSON, or an update of the wrong shape → 400. An empty body or JSON that is
 *   no update at all (the unconfirmed verification ping Zalo sends when the URL is saved) → 200.
 * - An update whose message id was already recorded (a replay) → 200 and ignored.
 * - Otherwise 200 as soon as the id is recorded; the update is handled in the background.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";
import { ZALO_WEBHOOK_SECRET_HEADER, isValidWebhookSecret } from "./client.ts";
import { looksLikeUpdate, parseZaloUpdate } from "./normalize.ts";
import type { ZaloUpdate } from "./types.ts";

export interface ZaloWebhookServerOptions {
  host?: string;
  port: number;
  /** e.g. "/zalo/webhook" (the path of ZALO_WEBHOOK_URL). */
  path: string;
  secret: string;
  /** Larger bodies get 413 (default 1 MiB; a text update is a few hundred bytes). */
  maxBodyBytes?: number;
  logger: Logger;
  accept(update: ZaloUpdate): Promise<"accepted" | "duplicate" | "dropped">;
}

export interface ZaloWebhookServer {
  /** The port actually listened on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startZaloWebhookServer(options: ZaloWebhookServerOptions): Promise<ZaloWebhookServer> {
  const log = options.logger.child({ platform: "zalo", component: "webhook" });
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const path = options.path || "/";

  const reply = (res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void => {
    if (res.headersSent) return;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== path) {
      req.resume();
      return reply(res, 404, { ok: false, description: "Not Found" });
    }
    if (req.method !== "POST") {
      req.resume();
      return reply(res, 405, { ok: false, description: "Method Not Allowed" }, { allow: "POST" });
    }
    const secret = req.headers[ZALO_WEBHOOK_SECRET_HEADER];
    if (secret === undefined) {
      req.resume();
      log.warn("webhook call without secret header refused");
      return reply(res, 401, { ok: false, description: "Unauthorized" });
    }
    if (!isValidWebhookSecret(secret, options.secret)) {
      req.resume();
      log.warn("webhook call with a wrong secret refused");
      return reply(res, 403, { ok: false, description: "Forbidden" });
    }
    let raw: string;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) return reply(res, 413, { ok: false, description: "Payload Too Large" }, { connection: "close" });
      throw error;
    }
    if (raw.trim() === "") return reply(res, 200, { ok: true });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      log.warn("webhook body is not JSON");
      return reply(res, 400, { ok: false, description: "Bad Request" });
    }
    const update = parseZaloUpdate(body);
    if (!update) {
      if (looksLikeUpdate(body)) {
        log.warn("webhook update of an unexpected shape");
        return reply(res, 400, { ok: false, description: "Bad Request" });
      }
      // Not an update: most likely the verification call made when the URL is saved.
      log.info("webhook call without an update acknowledged");
      return reply(res, 200, { ok: true });
    }
    const outcome = await options.accept(update);
    reply(res, 200, { ok: true, ...(outcome === "duplicate" ? { duplicate: true } : {}) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, "webhook call failed");
      // Not recorded: a redelivery (if Zalo makes one) can still be handled.
      reply(res, 500, { ok: false, description: "Internal Server Error" });
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, path }, "zalo webhook listening");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
