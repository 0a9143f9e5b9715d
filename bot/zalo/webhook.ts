/**
 * The route Zalo posts updates to in webhook mode, on the bot's HTTP listener (bot/http/).
 *
 * - Only `POST <path of ZALO_WEBHOOK_URL>`; anything else 404/405.
 * - `X-Bot-Api-Secret-Token` compared in constant time before the body is even read: missing →
 *   401, wrong → 403, and nothing is parsed, recorded or handled.
 * - A body that is not JSON, or an update of the wrong shape → 400. An empty body or JSON that is
 *   no update at all (the unconfirmed verification ping Zalo sends when the URL is saved) → 200.
 * - An update whose message id was already recorded (a replay) → 200 and ignored.
 * - Otherwise 200 as soon as the id is recorded; the update is handled in the background.
 */
import { createHttpServer, type Handler } from "../http/server.ts";
import { webhookHandler } from "../http/webhook.ts";
import type { Logger } from "../logger.ts";
import { ZALO_WEBHOOK_SECRET_HEADER } from "./client.ts";
import { looksLikeUpdate, parseZaloUpdate } from "./normalize.ts";
import type { ZaloUpdate } from "./types.ts";

export interface ZaloWebhookOptions {
  secret: string;
  /** Larger bodies get 413 (default 1 MiB; a text update is a few hundred bytes). */
  maxBodyBytes?: number;
  logger: Logger;
  accept(update: ZaloUpdate): Promise<"accepted" | "duplicate" | "dropped">;
}

/** The handler of Zalo's webhook route. */
export function zaloWebhookHandler(options: ZaloWebhookOptions): Handler {
  const log = options.logger.child({ platform: "zalo", component: "webhook" });
  return webhookHandler({
    secretHeader: ZALO_WEBHOOK_SECRET_HEADER,
    secret: options.secret,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    logger: log,
    async onBody(raw) {
      if (raw.trim() === "") return { status: 200, body: { ok: true } };
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        log.warn("webhook body is not JSON");
        return { status: 400, body: { ok: false, description: "Bad Request" } };
      }
      const update = parseZaloUpdate(body);
      if (!update) {
        if (looksLikeUpdate(body)) {
          log.warn("webhook update of an unexpected shape");
          return { status: 400, body: { ok: false, description: "Bad Request" } };
        }
        // Not an update: most likely the verification call made when the URL is saved.
        log.info("webhook call without an update acknowledged");
        return { status: 200, body: { ok: true } };
      }
      // Not recorded if this throws (→ 500): a redelivery, if Zalo makes one, can still be handled.
      const outcome = await options.accept(update);
      return { status: 200, body: { ok: true, ...(outcome === "duplicate" ? { duplicate: true } : {}) } };
    },
  });
}

export interface ZaloWebhookServerOptions extends ZaloWebhookOptions {
  host?: string;
  port: number;
  /** e.g. "/zalo/webhook" (the path of ZALO_WEBHOOK_URL). */
  path: string;
}

export interface ZaloWebhookServer {
  /** The port actually listened on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/** A listener of its own serving only Zalo's route: for an adapter run without main.ts's listener (tests, tools). */
export async function startZaloWebhookServer(options: ZaloWebhookServerOptions): Promise<ZaloWebhookServer> {
  const server = createHttpServer(options.logger);
  server.route("POST", options.path || "/", zaloWebhookHandler(options));
  const port = await server.listen(options.port, options.host ?? "0.0.0.0");
  return { port, close: () => server.close() };
}
