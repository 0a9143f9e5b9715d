import type { DbTx } from "../../db/client.ts";
import type { Translator } from "../../i18n/index.ts";
import type { OutboundMessage } from "../contract/messages.ts";
import { randomUUID } from "node:crypto";
import { joinSql, sql, type Sql } from "../../db/sql.ts";
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

/**
 * Rows a statement inserts at once: 9 parameters each stays far below SQLite's and PostgreSQL's
 * parameter limits, and a page of a fan-out costs one round trip.
 */
const insertChunk = 500;

/**
 * Stores the rows whose keys are not stored yet; returns how many were added. One multi-row
 * `INSERT … ON CONFLICT (key)` per chunk (standard on SQLite ≥ 3.24 and PostgreSQL): no lookup of
 * existing keys first, and a row another planner stored meanwhile is kept as it is. A row that was
 * superseded is planned again (a meeting moved away and back to its first time is reminded then),
 * while one sent, skipped or failed stays what it was.
 */
export async function planMessages(db: DbTx, messages: Iterable<PlannedMessage>): Promise<number> {
  let added = 0;
  let part: PlannedMessage[] = [];
  const flush = async () => {
    if (part.length === 0) return;
    const createdAt = new Date();
    const values = part.map((m) => {
      const r = outboxRowData(m);
      return sql`(${randomUUID()}, ${r.key}, ${r.kind}, ${r.personId}, ${r.cellId}, ${r.subjectId}, ${r.payload}, ${r.dueAt}, ${createdAt})`;
    });
    added += await db.$executeRaw`INSERT INTO outbox_message (id, key, kind, person_id, cell_id, subject_id, payload, due_at, created_at) VALUES ${joinSql(values)} ON CONFLICT (key) DO UPDATE SET status = 'pending', due_at = excluded.due_at, payload = excluded.payload, attempts = 0, last_error = NULL, claimed_by = NULL, claimed_at = NULL, deferred_from = NULL WHERE outbox_message.status = 'superseded'`;
    part = [];
  };
  for (const message of messages) {
    part.push(message);
    if (part.length >= insertChunk) await flush();
  }
  await flush();
  return added;
}

/** One message to each of an audience, planned by the database itself (see `planFanOut`). */
export interface FanOut {
  /** A query of one column, `person_id`: who gets it. Its rows never pass through this process. */
  audience: Sql;
  /** Each row's key is `keyPrefix` + person id + `keySuffix`. */
  keyPrefix: string;
  keySuffix?: string;
  kind: string;
  cellId?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
  dueAt: Date;
}

/**
 * Plans one message to each person of an audience in a single `INSERT … SELECT`, so a fan-out to
 * 20,000 members costs the database's insert time and no memory here (bench:audience). Rows whose
 * key exists are left as they are, or planned again if superseded, as `planMessages` does. The key doubles as the id: it is unique
 * and needs no generator that SQLite and PostgreSQL would spell differently.
 */
export async function planFanOut(db: DbTx, f: FanOut): Promise<number> {
  const suffix = f.keySuffix ?? "";
  const key = sql`${f.keyPrefix} || a.person_id || ${suffix}`;
  return db.$executeRaw`INSERT INTO outbox_message (id, key, kind, person_id, cell_id, subject_id, payload, due_at, created_at)
    SELECT ${key}, ${key}, ${f.kind}, a.person_id, ${f.cellId ?? null}, ${f.subjectId ?? null}, ${JSON.stringify(f.payload ?? {})}, ${f.dueAt}, ${new Date()}
    FROM (${f.audience}) a WHERE true
    ON CONFLICT (key) DO UPDATE SET status = 'pending', due_at = excluded.due_at, payload = excluded.payload, attempts = 0, last_error = NULL, claimed_by = NULL, claimed_at = NULL, deferred_from = NULL WHERE outbox_message.status = 'superseded'`;
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
  /**
   * Memoises lookups shared by the rows of one claimed batch (a fan-out reads its meeting once per
   * batch, not once per member). Forgotten with the batch, so keep per-person lookups to the
   * batch's people (`batch`) and memory never grows with the audience.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The rows claimed together with this one (a few dozen at most). */
  batch: readonly OutboxRow[];
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
