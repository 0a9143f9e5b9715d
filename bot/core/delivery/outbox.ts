import type { DbTx } from "../../db/client.ts";
import type { Translator } from "../../i18n/index.ts";
import type { OutboundMessage } from "../contract/messages.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { type CoreDeps } from "../deps.ts";

/**
 * The persisted outbox: every planned notification is a row with a unique key. Features plan
 * rows; `jobs/outbox.ts` sends the due ones. Planning the same key twice stores it once, so a
 * planner can simply be run again whenever something changed.
 */

export interface PlannedMessage {
  /** What the message is, e.g. `remind:<meeting>:<version>:<person>:<offset>`. */
  key: string;
  /** Selects the renderer (see `OutboxRenderer`). */
  kind: string;
  personId: string;
  cellId?: string | null;
  /** The meeting or round it is about, so its rows can be superseded together. */
  subjectId?: string | null;
  /** Ids and numbers only: never report contents or phone numbers. */
  payload?: Record<string, unknown>;
  dueAt: Date;
}

/** The stored columns of a planned message (also for writing it inside a caller's transaction). */
export const outboxRowData = (m: PlannedMessage) => ({
  key: m.key,
  kind: m.kind,
  personId: m.personId,
  cellId: m.cellId ?? null,
  subjectId: m.subjectId ?? null,
  payload: JSON.stringify(m.payload ?? {}),
  dueAt: m.dueAt,
});

const chunk = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Stores the rows whose keys are not stored yet; returns how many were added. */
export async function planMessages(db: DbTx, messages: PlannedMessage[]): Promise<number> {
  let added = 0;
  for (const part of chunk(messages, 400)) {
    const existing = await db.outboxMessage.findMany({ where: { key: { in: part.map((m) => m.key) } }, select: { key: true } });
    const known = new Set(existing.map((e) => e.key));
    const fresh = part.filter((m) => !known.has(m.key));
    const rows = fresh.map(outboxRowData);
    try {
      added += (await db.outboxMessage.createMany({ data: rows })).count;
    } catch (error) {
      // Another planner stored some of them meanwhile: add the rest one by one.
      if (!isUniqueViolation(error)) throw error;
      for (const row of rows) {
        try {
          await db.outboxMessage.create({ data: row });
          added++;
        } catch (inner) {
          if (!isUniqueViolation(inner)) throw inner;
        }
      }
    }
  }
  return added;
}

/**
 * Marks the pending rows of a subject as superseded, except the keys to keep: after a meeting is
 * moved or cancelled, what was planned for the old time must never go out.
 */
export async function supersede(db: DbTx, subjectId: string, options: { keep?: Iterable<string>; kinds?: string[] } = {}): Promise<number> {
  const keep = [...(options.keep ?? [])];
  const { count } = await db.outboxMessage.updateMany({
    where: {
      subjectId,
      status: "pending",
      ...(keep.length ? { key: { notIn: keep } } : {}),
      ...(options.kinds ? { kind: { in: options.kinds } } : {}),
    },
    data: { status: "superseded" },
  });
  return count;
}

/** The outcome of rendering one due row. */
export type RenderOutcome =
  | { action: "send"; messages: OutboundMessage[] }
  /** Not useful any more (the meeting passed, the member left): recorded, never sent. */
  | { action: "skip"; reason: string }
  /** Not yet: try again at `until`. */
  | { action: "defer"; until: Date; reason: string };

export interface OutboxRow {
  id: string;
  key: string;
  kind: string;
  personId: string;
  cellId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  dueAt: Date;
  /** When it was due before quiet hours held it back, if they did. */
  deferredFrom?: Date | null;
}

export interface RenderContext {
  deps: CoreDeps;
  /** The recipient's language. */
  t: Translator;
  now: Date;
  /** Memoises lookups shared by the rows of one run (a fan-out reads one meeting for every member). */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** Turns a due row into messages with the data as it is now (a reminder shows the meeting's current place). */
export type OutboxRenderer = (row: OutboxRow, ctx: RenderContext) => Promise<RenderOutcome>;

/**
 * The cell's quiet hours changed: what they held back is due again when it was first due, so the
 * next run applies the new hours (a reminder held till 06:30 goes at 05:30 if quiet now ends then).
 */
export async function requeueQuietDeferrals(db: DbTx, cellId: string): Promise<number> {
  return db.$executeRaw`UPDATE outbox_message SET due_at = deferred_from, deferred_from = NULL WHERE cell_id = ${cellId} AND status = 'pending' AND deferred_from IS NOT NULL`;
}
