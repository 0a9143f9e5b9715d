/**
 * Claims of due outbox rows, on both databases: two claimers on two connections of one database,
 * claiming at the same time in a loop, never claim one row twice and together claim every row. On
 * PostgreSQL they also never hold each other up (FOR UPDATE SKIP LOCKED): every claim is a full
 * batch while rows remain, and a claim held open in a transaction does not block the other
 * claimer. PostgreSQL is the machine's (or TEST_POSTGRES_URL); without one these tests fail.
 */
import { afterEach, describe, expect, it } from "vitest";
import { claimDue } from "../../../bot/core/delivery/claim.ts";
import { createDb, kindOf, type Db, type DbKind } from "../../../bot/db/client.ts";
import { createPgTestDb, createTestDb, type TestDb } from "../../helpers/db.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const now = new Date("2026-11-02T01:00:00Z");

/** A fresh database of the kind, and a second handle on it: two instances' worth of connections. */
async function twoHandles(kind: DbKind): Promise<[Db, Db]> {
  const testDb: TestDb = kind === "postgresql" ? await createPgTestDb() : await createTestDb();
  cleanups.push(() => testDb.close());
  const other = await createDb(testDb.url);
  cleanups.push(() => other.$disconnect());
  return [testDb.db, other];
}

/** `n` rows due before `now`, one a second, earliest first by key. */
async function seedDue(db: Db, n: number): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => ({ key: `n:${String(i).padStart(5, "0")}`, kind: "test.note", personId: `p${i}`, dueAt: new Date(now.getTime() - (n - i) * 1000) }));
  for (let i = 0; i < rows.length; i += 500) await db.outboxMessage.createMany({ data: rows.slice(i, i + 500) });
}

/** Claims batch after batch until a claim comes back empty; the size of each claim. */
async function claimAll(db: Db, claimer: string, limit: number): Promise<number[]> {
  const sizes: number[] = [];
  for (;;) {
    const size = await claimDue(db, kindOf(db), { claimer, now, claimedAt: new Date(), limit });
    if (size === 0) return sizes;
    sizes.push(size);
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(["sqlite", "postgresql"] as const)("claiming due outbox rows on %s", (kind) => {
  it("claims the earliest due rows, never one not yet due, and none twice", async () => {
    const [db] = await twoHandles(kind);
    expect(kindOf(db)).toBe(kind);
    await seedDue(db, 5);
    await db.outboxMessage.create({ data: { key: "later", kind: "test.note", personId: "p9", dueAt: new Date(now.getTime() + 60_000) } });
    expect(await claimDue(db, kind, { claimer: "A", now, claimedAt: now, limit: 3 })).toBe(3);
    expect(await claimDue(db, kind, { claimer: "B", now, claimedAt: now, limit: 3 })).toBe(2);
    expect(await claimDue(db, kind, { claimer: "C", now, claimedAt: now, limit: 3 })).toBe(0);
    const rows = await db.outboxMessage.findMany({ orderBy: { key: "asc" }, select: { key: true, status: true, claimedBy: true, attempts: true } });
    expect(rows.map((r) => [r.key, r.status, r.claimedBy, r.attempts])).toEqual([
      ["later", "pending", null, 0],
      ["n:00000", "sending", "A", 1],
      ["n:00001", "sending", "A", 1],
      ["n:00002", "sending", "A", 1],
      ["n:00003", "sending", "B", 1],
      ["n:00004", "sending", "B", 1],
    ]);
  });

  it("gives each row to one of two claimers claiming at the same time, and every row to one", { timeout: 60_000 }, async () => {
    const [a, b] = await twoHandles(kind);
    const total = 2_000;
    const limit = 10;
    await seedDue(a, total);
    const [byA, byB] = await Promise.all([claimAll(a, "A", limit), claimAll(b, "B", limit)]);
    expect(sum(byA) + sum(byB)).toBe(total);
    // A row claimed twice would count in both sums, carry one claimer, and have two attempts.
    expect(await a.outboxMessage.count({ where: { status: "sending", claimedBy: "A" } })).toBe(sum(byA));
    expect(await a.outboxMessage.count({ where: { status: "sending", claimedBy: "B" } })).toBe(sum(byB));
    expect(await a.outboxMessage.count({ where: { attempts: { not: 1 } } })).toBe(0);
    if (kind === "postgresql") {
      // Side by side, not one after the other, and neither ever came back short while rows remained.
      expect(byA.length).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
      expect([...byA, ...byB].every((size) => size === limit)).toBe(true);
    }
  });
});

describe("claiming on PostgreSQL", () => {
  it("skips the rows another claimer holds in an open transaction instead of waiting for it", async () => {
    const [a, b] = await twoHandles("postgresql");
    await seedDue(a, 20);
    let claimedInTx!: (n: number) => void;
    const claimedA = new Promise<number>((r) => (claimedInTx = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const transaction = a.$transaction(
      async (tx) => {
        claimedInTx(await claimDue(tx, "postgresql", { claimer: "A", now, claimedAt: now, limit: 5 }));
        await held;
      },
      { timeout: 20_000 },
    );
    try {
      expect(await claimedA).toBe(5);
      const claimB = claimDue(b, "postgresql", { claimer: "B", now, claimedAt: now, limit: 5 });
      const outcome = await Promise.race([claimB, new Promise<"blocked">((r) => setTimeout(() => r("blocked"), 3_000))]);
      expect(outcome).toBe(5);
    } finally {
      release();
      await transaction;
    }
    const rows = await a.outboxMessage.findMany({ orderBy: { key: "asc" }, select: { claimedBy: true } });
    // A took the five earliest; B, not seeing them claimed yet, the next five rather than waiting.
    expect(rows.map((r) => r.claimedBy)).toEqual([...Array(5).fill("A"), ...Array(5).fill("B"), ...Array(10).fill(null)]);
  });
});
