/**
 * The Zalo inbox: the shared inbox of bot/db/inbox.ts (table inbound_dedup) for Zalo updates.
 * getUpdates has no offset and the server forgets an update once returned, and a webhook may be
 * replayed: an id already written is never handled again, and an update written but not handled
 * (a crash in between) is replayed. Here only what is Zalo's: the update's id, and
 * reading a stored update back through the same check as a fresh one.
 */
import type { Db } from "../db/client.ts";
import { createInbox, type ReplayOptions, type ReplayTiming } from "../db/inbox.ts";
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

/**
 * Gives each update waiting in the inbox to `take`, claimed first (see bot/db/inbox.ts: one
 * instance replays at a time, and each update is claimed by one). A stored update that no longer
 * reads as one is marked handled: it would never read better. Null when another instance replays.
 */
export function replayInbound(db: Db, take: (update: ZaloUpdate) => void, options: ReplayOptions & { timing?: ReplayTiming }): Promise<number | null> {
  const inbox = createInbox(db, "zalo", options.timing);
  return inbox.replay(async (row) => {
    const update = parseStored(row.payload);
    if (update) take(update);
    else await inbox.markHandled(row.id, new Date());
  }, options);
}

function parseStored(payload: string): ZaloUpdate | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  return parseZaloUpdate(raw);
}

export function pruneInbound(db: Db, now: Date): Promise<number> {
  return inboxOf(db).prune(now);
}
