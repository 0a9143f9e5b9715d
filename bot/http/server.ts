/**
 * The bot's one HTTP listener (plain node:http; put TLS in front of it): the messengers' webhooks
 * and the health checks. main.ts owns it; adapters add their routes when they start, so one port
 * serves Telegram and Zalo together.
 *
 * - A path nobody registered → 404; a registered path with another method → 405 with Allow.
 * - A handler that throws → 500, and the error is logged without the request.
 * - Slow or idle clients are cut off (headers 15 s, whole request 30 s).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";

export type Method = "GET" | "POST";
export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface HttpServer {
  /** Serves `method path` with `handler`; replaces an earlier handler of the same route. */
  route(method: Method, path: string, handler: Handler): void;
  /** Stops serving a route (its path then answers 404). */
  unroute(method: Method, path: string): void;
  listen(port: number, host?: string): Promise<number>;
  /** The port listened on (useful with port 0); undefined before `listen`. */
  port(): number | undefined;
  /** Stops accepting connections and waits for the requests under way. */
  close(): Promise<void>;
}

export function reply(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export class BodyTooLarge extends Error {}

/** The request's body as text; rejects with BodyTooLarge past `limit` bytes, without reading further. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!done) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

const errorSummary = (err: unknown) => (err instanceof Error ? { name: err.name, message: err.message } : String(err));

export function createHttpServer(logger: Logger): HttpServer {
  const log = logger.child({ component: "http" });
  const routes = new Map<string, Map<Method, Handler>>();
  let listening: number | undefined;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const byMethod = routes.get(path);
    const handler = byMethod?.get(req.method as Method);
    if (!byMethod || !handler) {
      req.resume();
      if (!byMethod) return reply(res, 404, { ok: false, description: "Not Found" });
      return reply(res, 405, { ok: false, description: "Method Not Allowed" }, { allow: [...byMethod.keys()].join(", ") });
    }
    handler(req, res).catch((err: unknown) => {
      log.error({ err: errorSummary(err), path }, "http request failed");
      reply(res, 500, { ok: false, description: "Internal Server Error" });
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  return {
    route(method, path, handler) {
      const byMethod = routes.get(path) ?? new Map<Method, Handler>();
      byMethod.set(method, handler);
      routes.set(path, byMethod);
    },
    unroute(method, path) {
      routes.get(path)?.delete(method);
      if (routes.get(path)?.size === 0) routes.delete(path);
    },
    async listen(port, host = "0.0.0.0") {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      listening = (server.address() as AddressInfo).port;
      log.info({ port: listening, host }, "http listening");
      return listening;
    },
    port: () => listening,
    close: () =>
      new Promise<void>((resolve) => {
        if (listening === undefined) return resolve();
        listening = undefined;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
