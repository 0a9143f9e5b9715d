/**
 * The Zalo inbox (table inbound_dedup): every update is written here, with its message id, before
 * it is handled. getUpdates has no offset and the server forgets an update once returned, and a
 * webhook may be replayed: an id already written is never handled again, and an update written but
 * not handled (a crash in between) is handled at the next start. The payload is kept only until then.
 */
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { parseZaloUpdate } from "./normalize.ts";
import type { ZaloUpdate } from "./types.ts";

const platform = "zalo";
/** Ids older than this are forgotten: a replay after a month is not expected. */
const retentionMs = 30 * 24 * 3600_000;

/** Writes an update to the inbox; true the first time, false when its message id was already there. */
export async function recordInbound(db: Db, update: ZaloUpdate): Promise<boolean> {
  try {
    await db.inboundDedup.create({ data: { platform, messageId: update.message.message_id, payload: JSON.stringify(update) } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The update has been handled (or refused for good): its text is no longer kept. */
export async function markHandled(db: Db, messageId: string, now: Date): Promise<void> {
  await db.inboundDedup.updateMany({ where: { platform, messageId }, data: { handledAt: now, payload: null } });
}

/** Updates written but never handled (the process stopped in between), oldest first. */
export async function unhandledInbound(db: Db): Promise<ZaloUpdate[]> {
  const rows = await db.inboundDedup.findMany({ where: { platform, handledAt: null, payload: { not: null } }, orderBy: { receivedAt: "asc" } });
  return rows.flatMap((row) => {
    let raw: unknown;
    try {
      raw = JSON.parse(row.payload ?? "null");
    } catch {
      return [];
    }
    const update = parseZaloUpdate(raw);
    return update ? [update] : [];
  });
}

export async function pruneInbound(db: Db, now: Date): Promise<number> {
  const { count } = await db.inboundDedup.deleteMany({ where: { platform, receivedAt: { lt: new Date(now.getTime() - retentionMs) }, NOT: { handledAt: null, payload: { not: null } } } });
  return count;
}
