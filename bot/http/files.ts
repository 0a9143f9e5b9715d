/**
 * `GET /files?t=<token>`: a document for a messenger that cannot send files (Zalo), through the
 * signed link the bot gave (bot/core/documents/links.ts). The file is made again for the person the
 * link names, after their right to it is checked again; nothing is stored. An altered link is 403,
 * an expired one 410, one the person may no longer use 403: each a short page in Vietnamese and
 * English, never a hint of what the document was.
 */
import { readFileToken } from "../core/documents/links.ts";
import type { DocumentProducer } from "../core/documents/producer.ts";
import type { Translator } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { HttpServer } from "./server.ts";

export interface FileRouteDeps {
  secret: string;
  now: () => Date;
  producerOf(kind: string): DocumentProducer | undefined;
  /** The language of the person a link was made for; null when there is no such person any more. */
  translatorOf(personId: string): Promise<Translator | null>;
  logger: Logger;
}

export const filesPath = "/files";

const pages = {
  403: "Đường dẫn không hợp lệ hoặc đồng chí không còn quyền tải tài liệu này. / This link is not valid, or no longer yours to use.",
  410: "Đường dẫn đã hết hạn. Xin đồng chí mở lại tài liệu trong bot để nhận đường dẫn mới. / This link has expired: ask the bot for the document again.",
} as const;

function refuse(res: Parameters<Parameters<HttpServer["route"]>[2]>[1], status: keyof typeof pages): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(pages[status]);
}

export function registerFileRoute(http: HttpServer, deps: FileRouteDeps): void {
  const log = deps.logger.child({ component: "files" });
  http.route("GET", filesPath, async (req, res) => {
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("t") ?? "";
    const now = deps.now();
    const check = readFileToken(deps.secret, token, now);
    if (!check.ok) {
      log.info({ why: check.why }, "download refused");
      return refuse(res, check.why === "expired" ? 410 : 403);
    }
    const { k: kind, s: subjectId, p: personId } = check.link;
    const produce = deps.producerOf(kind);
    const t = produce ? await deps.translatorOf(personId) : null;
    const file = produce && t ? await produce({ personId, subjectId, t, now }) : null;
    if (!file) {
      log.info({ kind }, "download refused: no longer allowed");
      return refuse(res, 403);
    }
    log.info({ kind, bytes: file.bytes.byteLength }, "document downloaded");
    res.writeHead(200, {
      "content-type": file.mimeType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": `attachment; filename="${file.fileName}"`,
      // A document about a person: no cache between the bot and the phone keeps it.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}
