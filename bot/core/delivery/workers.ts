/**
 * Who is sending the outbox. Each process that runs the outbox dispatch registers itself and
 * beats a heart every few seconds; the rows it claims carry its id. A process that died (kill -9,
 * a crash, a lost machine) stops beating, and its claims are released for another live process to
 * send, within seconds: at once when it ran on this machine and its process is gone, otherwise once
 * its heartbeat is `deadAfterMs` old. The one message it had in flight may then go out twice; no
 * other, because a process sends one message at a time (see dispatch.ts).
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../../db/client.ts";
import { releaseLeasesOf } from "./lease.ts";

export interface WorkerIdentity {
  id: string;
  host: string;
  pid: number;
}

/** This process, with a random part so that a restarted process with the same pid (a container's 1) is told apart. */
export function workerIdentity(): WorkerIdentity {
  const host = hostname();
  return { id: `${host}:${process.pid}:${randomBytes(4).toString("hex")}`, host, pid: process.pid };
}

export const defaultHeartbeatMs = 2_000;
export const defaultDeadAfterMs = 10_000;

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Registers the worker, or beats its heart (the same write). */
export async function beat(db: Db, me: WorkerIdentity, now = new Date()): Promise<void> {
  await db.outboxWorker.upsert({
    where: { id: me.id },
    create: { id: me.id, host: me.host, pid: me.pid, startedAt: now, heartbeatAt: now },
    update: { heartbeatAt: now },
  });
}

/**
 * Workers known dead: a stale heartbeat, or a process on this machine that no longer runs (or is an
 * earlier incarnation). Liveness is a matter of real time, whatever clock the business runs on.
 */
export async function deadWorkers(db: Db, me: Pick<WorkerIdentity, "id"> | null, deadAfterMs = defaultDeadAfterMs): Promise<string[]> {
  const workers = await db.outboxWorker.findMany({ where: me ? { id: { not: me.id } } : {} });
  const host = hostname();
  const staleBefore = Date.now() - deadAfterMs;
  return workers.filter((w) => w.heartbeatAt.getTime() < staleBefore || (w.host === host && (!processAlive(w.pid) || w.pid === process.pid))).map((w) => w.id);
}

/**
 * Releases what dead workers had claimed (back to pending, to be sent by whoever runs next) and
 * forgets them. Rows claimed by a claimer that never registered (an older release, a test run)
 * are released once their claim is `leaseMs` old.
 */
export async function releaseDeadClaims(db: Db, input: { me: Pick<WorkerIdentity, "id"> | null; now: Date; leaseMs: number; deadAfterMs?: number }): Promise<number> {
  const dead = await deadWorkers(db, input.me, input.deadAfterMs);
  const registered = (await db.outboxWorker.findMany({ select: { id: true } })).map((w) => w.id);
  const release = { status: "pending", claimedBy: null, claimedAt: null };
  const fromDead = dead.length
    ? (await db.outboxMessage.updateMany({ where: { status: "sending", claimedBy: { in: dead } }, data: release })).count
    : 0;
  const expired = (
    await db.outboxMessage.updateMany({
      where: { status: "sending", claimedAt: { lt: new Date(input.now.getTime() - input.leaseMs) }, claimedBy: { notIn: registered } },
      data: release,
    })
  ).count;
  if (dead.length) {
    await releaseLeasesOf(db, dead);
    await db.outboxWorker.deleteMany({ where: { id: { in: dead } } });
  }
  return fromDead + expired;
}

/** Frees the leases of workers known dead (a sender killed mid-run); true when there was one. */
export async function releaseDeadLeases(db: Db, me: Pick<WorkerIdentity, "id"> | null, deadAfterMs = defaultDeadAfterMs): Promise<boolean> {
  return (await releaseLeasesOf(db, await deadWorkers(db, me, deadAfterMs))) > 0;
}

/** Whether some claim belongs to a worker known dead (the heartbeat then asks for a run at once). */
export async function hasDeadClaims(db: Db, me: Pick<WorkerIdentity, "id"> | null, deadAfterMs = defaultDeadAfterMs): Promise<boolean> {
  const dead = await deadWorkers(db, me, deadAfterMs);
  return dead.length > 0 && (await db.outboxMessage.count({ where: { status: "sending", claimedBy: { in: dead } } })) > 0;
}

export interface WorkerPresence {
  readonly me: WorkerIdentity;
  start(): Promise<void>;
  /** Stops beating and leaves: its claims (none, once its runs finished) go back to pending. */
  stop(): Promise<void>;
}

/** Beats this process's heart, and asks for an outbox run when a dead worker's claims wait to be taken over. */
export function createWorkerPresence(input: { db: Db; me?: WorkerIdentity; heartbeatMs?: number; onDeadClaims(): void; onError(error: unknown): void }): WorkerPresence {
  const me = input.me ?? workerIdentity();
  let timer: NodeJS.Timeout | null = null;
  let beating: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await beat(input.db, me);
      if (await hasDeadClaims(input.db, me)) input.onDeadClaims();
    } catch (error) {
      input.onError(error);
    }
  };

  return {
    me,
    async start() {
      await beat(input.db, me);
      timer = setInterval(() => {
        beating = tick();
      }, input.heartbeatMs ?? defaultHeartbeatMs);
      timer.unref();
      if (await hasDeadClaims(input.db, me)) input.onDeadClaims();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await beating;
      await input.db.outboxMessage.updateMany({ where: { status: "sending", claimedBy: me.id }, data: { status: "pending", claimedBy: null, claimedAt: null } });
      await input.db.outboxWorker.deleteMany({ where: { id: me.id } });
    },
  };
}
