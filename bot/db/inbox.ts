/**
 * An inbox of updates received by webhook (table inbound_dedup, keyed by platform and the
 * messenger's id of the update): written before the delivery is acknowledged, so a redelivery of
 * the same update is recognised and ignored, and an update acknowledged but not yet handled when
 * the process stopped is handled at the next start. The payload is kept only until then.
 * Telegram's webhook uses it as it is; Zalo's polling and webhook through bot/zalo/inbox.ts.
 */
import type { Db } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

/** Ids older than this are forgotten: a redelivery after a month is not expected. */
const retentionMs = 30 * 24 * 3600_000;

export interface Inbox {
  /** True the first time an id is written; false when it was already there (a redelivery). */
  record(id: string, payload: string): Promise<boolean>;
  /** Handled, or refused for good: the payload is dropped, the id kept against redeliveries. */
  markHandled(id: string, now: Date): Promise<void>;
  /** Written but never handled, oldest first. */
  unhandled(): Promise<{ id: string; payload: string }[]>;
  prune(now: Date): Promise<number>;
}

export function createInbox(db: Db, platform: string): Inbox {
  return {
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
    async unhandled() {
      const rows = await db.inboundDedup.findMany({ where: { platform, handledAt: null, payload: { not: null } }, orderBy: [{ receivedAt: "asc" }, { messageId: "asc" }] });
      return rows.map((r) => ({ id: r.messageId, payload: r.payload! }));
    },
    async prune(now) {
      const { count } = await db.inboundDedup.deleteMany({
        where: { platform, receivedAt: { lt: new Date(now.getTime() - retentionMs) }, NOT: { handledAt: null, payload: { not: null } } },
      });
      return count;
    },
  };
}
