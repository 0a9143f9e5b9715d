/**
 * One sender at a time across instances: two outbox runs on one database (two processes' worth:
 * different worker ids) never send at once, so the messengers' rate budgets hold; a lease whose
 * holder stopped renewing is taken over, and one whose worker is known dead at once.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { runOutbox } from "../../../bot/core/delivery/dispatch.ts";
import { takeLease } from "../../../bot/core/delivery/lease.ts";
import type { OutboxRenderer } from "../../../bot/core/delivery/outbox.ts";
import { beat, releaseDeadClaims } from "../../../bot/core/delivery/workers.ts";
import { createHarness, seedBulkMembers, seedCell, type Harness } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const note: OutboxRenderer = async () => ({ action: "send", messages: [{ text: "Thông báo" }] });

it("lets one instance send while the other finds the lease taken, and every message goes once", async () => {
  const { cellId } = await seedCell(h, [{ userId: "sec", fullName: "Trần Thị Bình", role: "secretary" }]);
  const ids = await seedBulkMembers(h, cellId, 120);
  const db = h.deps.db;
  await db.outboxMessage.createMany({ data: ids.map((personId, i) => ({ key: `n:${i}`, kind: "test.note", personId, dueAt: new Date(h.clock.now.getTime() - 1000) })) });
  // A messenger slow enough that the two runs overlap, recording how many sends are in flight.
  let inFlight = 0;
  let most = 0;
  const send = h.messenger.send.bind(h.messenger);
  h.messenger.send = async (...args) => {
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, 2));
    await send(...args);
    inFlight--;
  };
  const run = (workerId: string) => runOutbox({ core: h.deps, renderers: new Map([["test.note", note]]), pacers: new Map(), workerId }, { now: h.clock.now });
  const [a, b] = await Promise.all([run("host:1:aaaa"), run("host:2:bbbb")]);
  expect([a.sent, b.sent].sort((x, y) => x - y)).toEqual([0, 120]);
  expect(most).toBe(1);
  expect(new Set(h.messenger.sent.map((s) => s.chatId)).size).toBe(120);
  expect(h.messenger.sent).toHaveLength(120);
  // The lease was given back at the end: the next run, of either, can send at once.
  expect(await takeLease(db, { name: "outbox-sender", holder: "host:2:bbbb", ttlMs: 15_000 })).toBe(true);
});

it("is taken over when its holder stops renewing, and at once when its worker is known dead", async () => {
  const db = h.deps.db;
  const t0 = new Date();
  expect(await takeLease(db, { name: "x", holder: "one", ttlMs: 15_000, now: t0 })).toBe(true);
  expect(await takeLease(db, { name: "x", holder: "two", ttlMs: 15_000, now: new Date(t0.getTime() + 14_000) })).toBe(false);
  expect(await takeLease(db, { name: "x", holder: "one", ttlMs: 15_000, now: new Date(t0.getTime() + 14_000) })).toBe(true);
  expect(await takeLease(db, { name: "x", holder: "two", ttlMs: 15_000, now: new Date(t0.getTime() + 30_000) })).toBe(true);
  // A worker whose heartbeat stopped long ago: its sender lease goes with it.
  const dead = { id: "far-away:99:dead", host: "far-away", pid: 99 };
  await beat(db, dead, new Date(Date.now() - 60_000));
  expect(await takeLease(db, { name: "outbox-sender", holder: dead.id, ttlMs: 600_000 })).toBe(true);
  expect(await takeLease(db, { name: "outbox-sender", holder: "alive", ttlMs: 15_000 })).toBe(false);
  await releaseDeadClaims(db, { me: null, now: new Date(), leaseMs: 300_000 });
  expect(await takeLease(db, { name: "outbox-sender", holder: "alive", ttlMs: 15_000 })).toBe(true);
});

it("runs a feature's job in one instance per tick when several tick together", async () => {
  const { oncePerTick } = await import("../../../jobs/jobs.ts");
  let runs = 0;
  const job = async () => {
    runs++;
    await new Promise((r) => setTimeout(r, 5));
    return "done";
  };
  const results = await Promise.all(["host:1:a", "host:2:b", "host:3:c"].map((worker) => oncePerTick(h.deps, "meeting-rules", worker, job)));
  expect(runs).toBe(1);
  expect(results.filter((r) => r === "done")).toHaveLength(1);
  // Another job's lease is its own.
  expect(await oncePerTick(h.deps, "report-reminders", "host:2:b", job)).toBe("done");
  expect(runs).toBe(2);
});
