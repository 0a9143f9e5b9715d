/**
 * Handing a document to the person who asked for it, whatever their messenger: the file itself
 * where the messenger takes files (Telegram), a signed link that expires where it does not (Zalo),
 * and where no link can be made (no public URL configured), a plain word of why and what to do.
 */
import type { CoreDeps } from "../deps.ts";
import { utcToZonedWall } from "../time/zoned.ts";
import { makeFileToken } from "../documents/links.ts";
import type { DocumentProducer } from "../documents/producer.ts";
import type { Turn } from "./turn.ts";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** «04:30 ngày 02/12/2026»: wall time in the bot's zone, as the link's expiry is read by a person. */
function expiryText(turn: Turn, at: Date, timeZone: string): string {
  const w = utcToZonedWall(at, timeZone);
  return turn.t("document-expiry", { time: `${pad2(w.hour)}:${pad2(w.minute)}`, date: `${pad2(w.day)}/${pad2(w.month)}/${w.year}` });
}

export type DocumentOffer = (turn: Turn, kind: string, subjectId: string) => Promise<void>;

export function createDocumentOffer(deps: CoreDeps, producerOf: (kind: string) => DocumentProducer | undefined): DocumentOffer {
  return async (turn, kind, subjectId) => {
    const produce = producerOf(kind);
    if (!produce) throw new Error(`No producer for document kind ${kind}`);
    const now = deps.now();
    const messenger = deps.messengers.get(turn.event.platform);
    const downloads = deps.settings.downloads;
    if (!messenger?.sendsFiles && !downloads) return turn.reply({ text: turn.t("document-no-link") });
    // Made here even for a link: the person's right to it is checked now, and the name shown is the file's.
    const started = performance.now();
    const file = await produce({ personId: turn.person.id, subjectId, t: turn.t, now });
    if (!file) return turn.reply({ text: turn.t("document-not-allowed") });
    turn.log.info({ kind, bytes: file.bytes.byteLength, ms: Math.round(performance.now() - started) }, "document made");
    if (messenger?.sendsFiles) return turn.reply({ text: turn.t("document-ready", { name: file.fileName }), file });
    const { publicUrl, secret, ttlHours } = downloads!;
    const expires = new Date(now.getTime() + ttlHours * 3_600_000);
    const token = makeFileToken(secret, { k: kind, s: subjectId, p: turn.person.id, e: Math.floor(expires.getTime() / 1000) });
    await turn.reply({ text: turn.t("document-link", { name: file.fileName, url: `${publicUrl}/files?t=${token}`, expiry: expiryText(turn, expires, deps.settings.defaultTimeZone) }) });
  };
}
