/**
 * `/files?t=<token>`: a document for a messenger that cannot send files (Zalo), through the signed
 * link the bot gave (bot/core/documents/links.ts). GET shows a page with a download button; its
 * POST makes the file again for the person the link names, after their right to it is checked
 * again; nothing is stored. An altered link is 403, an expired one 410, one the person may no
 * longer use 403: each a short text in Vietnamese and English, never a hint of what it was.
 */
import { readFileToken } from "../core/documents/links.ts";
import type { DocumentProducer } from "../core/documents/producer.ts";
import type { Translator } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { IncomingMessage } from "node:http";
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

/**
 * The page a link opens: the file comes only from its button (a POST), so a messenger's link
 * preview, which fetches with GET, never makes or carries a member's document.
 */
function confirmPage(token: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Tải tài liệu</title></head>
<body style="font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em;font-size:18px">
<p>Tài liệu của chi bộ dành cho đồng chí. Xin bấm nút dưới đây để tải về.<br><small>A document of your Party cell: press the button to download it.</small></p>
<form method="post" action="${filesPath}?t=${token}"><button type="submit" style="font-size:20px;padding:.6em 1.2em">Tải về / Download</button></form>
</body></html>`;
}

export function registerFileRoute(http: HttpServer, deps: FileRouteDeps): void {
  const log = deps.logger.child({ component: "files" });
  const check = (req: IncomingMessage) => {
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("t") ?? "";
    return { token, result: readFileToken(deps.secret, token, deps.now()) };
  };

  http.route("GET", filesPath, async (req, res) => {
    const { token, result } = check(req);
    if (!result.ok) return refuse(res, result.why === "expired" ? 410 : 403);
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      "referrer-policy": "no-referrer",
    });
    // The token is checked above: letters, digits, "-", "_" and "." only, safe in the page as it is.
    res.end(confirmPage(token));
  });

  http.route("POST", filesPath, async (req, res) => {
    req.resume();
    const { result } = check(req);
    if (!result.ok) {
      log.info({ why: result.why }, "download refused");
      return refuse(res, result.why === "expired" ? 410 : 403);
    }
    const { k: kind, s: subjectId, p: personId } = result.link;
    const produce = deps.producerOf(kind);
    const t = produce ? await deps.translatorOf(personId) : null;
    const file = produce && t ? await produce({ personId, subjectId, t, now: deps.now() }) : null;
    if (!file) {
      log.info({ kind }, "download refused: no longer allowed");
      return refuse(res, 403);
    }
    log.info({ kind, bytes: file.bytes.byteLength }, "document downloaded");
    res.writeHead(200, {
      "content-type": file.mimeType,
      "content-length": String(file.bytes.byteLength),
      // Producers make ASCII names; anything else is not written into a header.
      "content-disposition": `attachment; filename="${/^[A-Za-z0-9._-]{1,150}$/.test(file.fileName) ? file.fileName : "document"}"`,
      // A document about a person: no cache between the bot and the phone keeps it.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}
