/**
 * The Zalo inbox: the shared inbox of bot/db/inbox.ts (table inbound_dedup) for Zalo updates.
 * getUpdates has no offset and the server forgets an update once returned, and a webhook may be
 * replayed: an id already written is never handled again, and an update written but not handled
 * (a crash in between) is handled at the next start. Here only what is Zalo's: the update's id, and
 * reading a stored update back through the same check as a fresh one.
 */
import type { Db } from "../db/client.ts";
import { createInbox } from "../db/inbox.ts";
import { parseZaloUpdate } from "./normalize.ts";
import type { ZaloUpdate } from "./types.ts";

const inboxOf = (db: Db) => createInbox(db, "zalo");

/** Writes an update to the inbox; true the first time, false when its message id was already there. */
export function recordInbound(db: Db, update: ZaloUpdate): Promise<boolean> {
  return inboxOf(db).record(update.message.message_id, JSON.stringify(update));
}

/** The update has been handled (or refused for good): its text is no longer kept. */
export function markHandled(db: Db, messageId: string, now: Date): Promise<void> {
  return inboxOf(db).markHandled(messageId, now);
}

/** Updates written but never handled (the process stopped in between), oldest first. */
export async function unhandledInbound(db: Db): Promise<ZaloUpdate[]> {
  return (await inboxOf(db).unhandled()).flatMap((row) => {
    let raw: unknown;
    try {
      raw = JSON.parse(row.payload);
    } catch {
      return [];
    }
    const update = parseZaloUpdate(raw);
    return update ? [update] : [];
  });
}

export function pruneInbound(db: Db, now: Date): Promise<number> {
  return inboxOf(db).prune(now);
}
