/**
 * An inbox of updates received (table inbound_dedup, keyed by platform and the messenger's id of
 * the update): written before the delivery is acknowledged, so a redelivery of the same update is
 * recognised and ignored, and an update acknowledged but never handled (the process stopped in
 * between) is handled later by a replay. The payload is kept only until the update is handled.
 * Telegram's webhook uses it as it is; Zalo's polling and webhook through bot/zalo/inbox.ts.
 *
 * Several instances share the table, so a replay takes only what nobody is handling:
 * - a row never handled is replayed once it is `graceMs` old: the instance that recorded it handles
 *   it at once, and would be done by then unless it stopped;
 * - each row is claimed before it is handled, by one conditional update that only one of several
 *   replayers wins, and that fails for a row the instance that recorded it has marked handled;
 * - one instance replays a platform at a time (a lease), so one person's waiting updates stay in order.
 * The table has no claim column: a claim is `handled_at` set while the payload is still there (the
 * payload goes when handling ends). A claim `claimTtlMs` old belongs to a replayer that stopped
 * midway: its row is replayed again, as an update is after any stop.
 */
// The lease table's primitives (one holder at a time, renewed, taken over when it lapses) are
// the outbox sender's; the inbox uses them as they are rather than a second copy.
import { releaseLease, takeLease } from "../core/delivery/lease.ts";
import type { Db, Prisma } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

/** Ids older than this are forgotten: a redelivery after a month is not expected. */
const retentionMs = 30 * 24 * 3600_000;

/** How a replay waits for live handling, and how often a running instance looks for what was left. */
export interface ReplayTiming {
  /** A row younger than this may still be handled by the instance that recorded it. */
  graceMs: number;
  /** Replays after the first one at start: what an instance that stopped left is taken within about graceMs + everyMs. */
  everyMs: number;
}
export const defaultReplayTiming: ReplayTiming = { graceMs: 60_000, everyMs: 30_000 };

/** A replay's claim this old belongs to a replayer that stopped before finishing the row. */
const claimTtlMs = 10 * 60_000;
/** The replay lease lapses this long after its holder last renewed it (once per row). */
const replayLeaseTtlMs = 60_000;

export interface InboxRow {
  id: string;
  payload: string;
}

export interface ReplayOptions {
  /** This instance, as the holder of the replay lease. */
  holder: string;
  now?: () => Date;
}

export interface Inbox {
  /** True the first time an id is written; false when it was already there (a redelivery). */
  record(id: string, payload: string): Promise<boolean>;
  /** Handled, or refused for good: the payload is dropped, the id kept against redeliveries. */
  markHandled(id: string, now: Date): Promise<void>;
  /** What a replay may take at `now`, oldest first: rows past the grace never handled, and lapsed claims. */
  waiting(now: Date): Promise<InboxRow[]>;
  /** Takes a waiting row for this caller: true for exactly one caller, false once it was taken or handled. */
  claim(id: string, now: Date): Promise<boolean>;
  /**
   * Claims each waiting row, oldest first, and gives it to `take`, under the platform's replay
   * lease. The number of rows claimed, or null when another instance is replaying.
   */
  replay(take: (row: InboxRow) => Promise<void>, options: ReplayOptions): Promise<number | null>;
  prune(now: Date): Promise<number>;
}

export function createInbox(db: Db, platform: string, timing: Pick<ReplayTiming, "graceMs"> = defaultReplayTiming): Inbox {
  const waitingAt = (now: Date): Prisma.InboundDedupWhereInput => ({
    platform,
    payload: { not: null },
    OR: [{ handledAt: null, receivedAt: { lt: new Date(now.getTime() - timing.graceMs) } }, { handledAt: { lt: new Date(now.getTime() - claimTtlMs) } }],
  });

  const inbox: Inbox = {
    async record(id, payload) {
      try {
        await db.inboundDedup.create({ data: { platform, messageId: id, payload } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async markHandled(id, now) {
      await db.inboundDedup.updateMany({ where: { platform, messageId: id }, data: { handledAt: now, payload: null } });
    },
    async waiting(now) {
      const rows = await db.inboundDedup.findMany({ where: waitingAt(now), orderBy: [{ receivedAt: "asc" }, { messageId: "asc" }], select: { messageId: true, payload: true } });
      return rows.map((r) => ({ id: r.messageId, payload: r.payload! }));
    },
    async claim(id, now) {
      // The same conditions as `waiting`, checked again in the update itself: on PostgreSQL a second
      // claimer waits for the first one's row lock, then finds the row no longer waiting.
      const { count } = await db.inboundDedup.updateMany({ where: { ...waitingAt(now), messageId: id }, data: { handledAt: now } });
      return count === 1;
    },
    async replay(take, options) {
      const clock = options.now ?? (() => new Date());
      const lease = { name: `inbox-replay:${platform}`, holder: options.holder, ttlMs: replayLeaseTtlMs };
      if (!(await takeLease(db, { ...lease, now: clock() }))) return null;
      let claimed = 0;
      try {
        for (const row of await inbox.waiting(clock())) {
          // Renewed row by row; a replay that stalled past it stops, and the claims still hold.
          if (!(await takeLease(db, { ...lease, now: clock() }))) break;
          if (!(await inbox.claim(row.id, clock()))) continue;
          claimed++;
          await take(row);
        }
      } finally {
        await releaseLease(db, lease);
      }
      return claimed;
    },
    async prune(now) {
      const { count } = await db.inboundDedup.deleteMany({
        where: { platform, receivedAt: { lt: new Date(now.getTime() - retentionMs) }, NOT: { handledAt: null, payload: { not: null } } },
      });
      return count;
    },
  };
  return inbox;
}
