import { randomUUID } from "node:crypto";
import type { Platform } from "../contract/messages.ts";
import { kindOf } from "../../db/client.ts";
import { claimDue } from "./claim.ts";
import { type OutboxRenderer, type OutboxRow } from "./outbox.ts";
import { planUnreachableNotice as planNotice } from "./unreachable.ts";
import { releaseLease, takeLease } from "./lease.ts";
import { releaseDeadClaims, releaseDeadLeases } from "./workers.ts";
import { RecipientUnreachableError } from "../contract/ports.ts";
import { quietUntil } from "./quiet-hours.ts";
import { findRecipients, markUnreachable, type Recipient } from "./recipients.ts";
import type { Pacer } from "../../lib/pacer.ts";
import { type CoreDeps } from "../deps.ts";

export interface OutboxJobDeps {
  core: CoreDeps;
  renderers: ReadonlyMap<string, OutboxRenderer>;
  /** Spaces sends per messenger, below its rate limit. */
  pacers: ReadonlyMap<Platform, Pacer>;
  /**
   * Who claims the rows: this process's registered worker id (workers.ts), so that its claims are
   * taken over within seconds if it dies. An id that is not registered is trusted for `leaseMs`.
   */
  workerId?: string;
}

export interface OutboxRunOptions {
  now: Date;
  /** Rows claimed at a time: few, so that a process that dies holds few rows. */
  batchSize?: number;
  /** A claim by an unregistered claimer older than this is taken to belong to a process that died. */
  leaseMs?: number;
  /**
   * Messages in flight at once. One by default: a crash can then duplicate at most the one message
   * in flight. More sends faster over a slow network, at the price of as many duplicates per crash.
   */
  concurrency?: number;
  /** Attempts before a row is given up as failed. */
  maxAttempts?: number;
}

export interface OutboxSummary {
  claimed: number;
  sent: number;
  skipped: number;
  deferred: number;
  retried: number;
  failed: number;
}


const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000);

/**
 * Sends every due outbox row once. Rows are claimed in small batches before sending (so a second
 * scheduler skips them) and marked sent one by one right after their message went out, so a crash
 * in the middle of a fan-out leaves the rest pending, and nothing already sent is sent again. A
 * dead process's claims are released at the start of the next run (workers.ts), within seconds.
 * The one message in flight at the moment of a crash is then sent again: a duplicate reminder is
 * better than a lost one, and with one message in flight at a time there is at most one.
 */
export async function runOutbox(deps: OutboxJobDeps, options: OutboxRunOptions): Promise<OutboxSummary> {
  const { db } = deps.core;
  const now = options.now;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 300_000;
  // The run's own clock: the injected time it started at, moved on by the real time it has taken,
  // so that claims made late in a long fan-out are dated when they were made.
  const started = performance.now();
  const clockNow = () => new Date(now.getTime() + (performance.now() - started));
  const concurrency = options.concurrency ?? 1;
  const maxAttempts = options.maxAttempts ?? 6;
  const summary: OutboxSummary = { claimed: 0, sent: 0, skipped: 0, deferred: 0, retried: 0, failed: 0 };
  const log = deps.core.logger.child({ job: "outbox" });
  const dbKind = kindOf(db);

  const claimer = deps.workerId ?? `run:${randomUUID()}`;
  const me = deps.workerId ? { id: deps.workerId } : null;
  // One sender at a time across instances: the rate budgets are per bot, not per process. Another
  // instance sending now will find what is due; a dead one's lease goes with its worker. On the
  // run's clock, like the claims: the time it was started at, moved on by the time it takes.
  const lease = { name: senderLease, holder: claimer, ttlMs: senderLeaseTtlMs };
  let held = await takeLease(db, { ...lease, now: clockNow() });
  if (!held && (await releaseDeadLeases(db, me))) held = await takeLease(db, { ...lease, now: clockNow() });
  if (!held) {
    log.debug("another instance is sending");
    return summary;
  }
  // Only the sender takes claims over: a run that is not sending leaves a live sender's rows alone.
  const released = await releaseDeadClaims(db, { me, now, leaseMs });
  if (released > 0) log.warn({ released }, "took over the claims of a scheduler that stopped");
  try {

    // What renderers read for the rows of one claimed batch, forgotten with the batch: memory is
    // bounded by the batch, not by the size of the fan-out (a meeting of 20,000 members).
    let memoStore = new Map<string, Promise<unknown>>();
    const memo = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      if (!memoStore.has(key)) memoStore.set(key, load());
      return memoStore.get(key) as Promise<T>;
    };
    let batch: readonly OutboxRow[] = [];
    const cellOf = (cellId: string) => memo(`outbox-cell:${cellId}`, () => db.cell.findUnique({ where: { id: cellId }, select: { timeZone: true, quietStart: true, quietEnd: true } }));

    // The two writes every message makes, as plain standard SQL: through the query builder they cost
    // more than the database work itself and capped a fan-out below the messenger's rate limit.
    const renewClaim = async (id: string, token: string) =>
      (await db.$executeRaw`UPDATE outbox_message SET claimed_at = ${clockNow()} WHERE id = ${id} AND claimed_by = ${token} AND status = 'sending'`) === 1;
    const markSent = (id: string, token: string) =>
      db.$executeRaw`UPDATE outbox_message SET status = 'sent', sent_at = ${new Date()}, last_error = NULL WHERE id = ${id} AND claimed_by = ${token}`;

    const finish = (id: string, token: string, data: Record<string, unknown>) => db.outboxMessage.updateMany({ where: { id, claimedBy: token }, data });

    async function processRow(row: OutboxRow, token: string, recipients: Map<string, Recipient>): Promise<void> {
      const rowLog = log.child({ outboxId: row.id, kind: row.kind });
      const renderer = deps.renderers.get(row.kind);
      if (!renderer) {
        rowLog.error("no renderer for outbox kind");
        summary.failed++;
        return void (await finish(row.id, token, { status: "failed", lastError: "unknown kind" }));
      }
      if (row.cellId) {
        const cell = await cellOf(row.cellId);
        const until = cell && quietUntil(now, { start: cell.quietStart, end: cell.quietEnd, timeZone: cell.timeZone });
        if (until) {
          summary.deferred++;
          return void (await finish(row.id, token, { status: "pending", dueAt: until, deferredFrom: row.deferredFrom ?? row.dueAt, claimedBy: null, claimedAt: null, attempts: { decrement: 1 } }));
        }
      }
      const recipient = recipients.get(row.personId);
      if (!recipient) {
        summary.failed++;
        await finish(row.id, token, { status: "failed", lastError: "unreachable" });
        return planUnreachableNotice(row);
      }
      const outcome = await renderer(row, { deps: deps.core, t: recipient.t, now, memo, batch });
      if (outcome.action === "skip") {
        summary.skipped++;
        return void (await finish(row.id, token, { status: "skipped", lastError: outcome.reason }));
      }
      if (outcome.action === "defer") {
        summary.deferred++;
        return void (await finish(row.id, token, { status: "pending", dueAt: outcome.until, claimedBy: null, claimedAt: null, attempts: { decrement: 1 } }));
      }
      try {
        for (const message of outcome.messages) {
          await deps.pacers.get(recipient.platform)?.take();
          // Send only while the claim is still ours: if another scheduler took the row over (our
          // claim looked expired to it), it sends, and we do not.
          if (!(await renewClaim(row.id, token))) return;
          await recipient.messenger.send(recipient.chatId, message, { locale: recipient.locale });
        }
        summary.sent++;
        await markSent(row.id, token);
      } catch (error) {
        if (error instanceof RecipientUnreachableError) {
          summary.failed++;
          await markUnreachable(deps.core, recipient.identityId);
          await finish(row.id, token, { status: "failed", lastError: "unreachable" });
          return planUnreachableNotice(row);
        }
        const attempts = (await db.outboxMessage.findUnique({ where: { id: row.id }, select: { attempts: true } }))?.attempts ?? maxAttempts;
        const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
        if (attempts >= maxAttempts) {
          summary.failed++;
          rowLog.error({ err: message, attempts }, "outbox message failed for good");
          await finish(row.id, token, { status: "failed", lastError: message });
        } else {
          summary.retried++;
          rowLog.warn({ err: message, attempts }, "outbox message failed; will retry");
          await finish(row.id, token, { status: "pending", lastError: message, dueAt: new Date(now.getTime() + backoffMs(attempts)), claimedBy: null, claimedAt: null });
        }
      }
    }

    const planUnreachableNotice = (row: OutboxRow) => planNotice(db, row, now);

    for (;;) {
      const token = claimer;
      const claimedNow = await claimDue(db, dbKind, { claimer: token, now, claimedAt: clockNow(), limit: batchSize });
      if (claimedNow === 0) break;
      const claimed = await db.outboxMessage.findMany({ where: { claimedBy: token, status: "sending" }, orderBy: { dueAt: "asc" } });
      summary.claimed += claimed.length;
      if (claimed.length === 0) break;
      const rows: OutboxRow[] = claimed.map((c) => ({ ...c, payload: safeJson(c.payload) }));
      const recipients = await findRecipients(deps.core, rows.map((r) => r.personId));
      batch = rows;
      memoStore = new Map();
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
          while (next < rows.length) {
            const row = rows[next++]!;
            try {
              await processRow(row, token, recipients);
            } catch (error) {
              // A database error on one row must not stop the others; the claim expires and it is retried.
              log.error({ err: error, outboxId: row.id }, "outbox row failed unexpectedly");
            }
          }
        }),
      );
      if (claimedNow < batchSize) break;
      // Renewed batch by batch; lost only if this process stalled past its lease (then it stops).
      if (!(await takeLease(db, { ...lease, now: clockNow() }))) {
        log.warn("sender lease lost; another instance goes on");
        break;
      }
    }
  } finally {
    await releaseLease(db, lease).catch((err: unknown) => log.warn({ err }, "could not release the sender lease"));
  }
  if (summary.claimed > 0) log.info(summary, "outbox run");
  return summary;
}

/** The lease of the outbox's sender, and how long a holder keeps it without renewing. */
export const senderLease = "outbox-sender";
export const senderLeaseTtlMs = 15_000;

function safeJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
