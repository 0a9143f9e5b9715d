/**
 * The inbox shared by several instances, on SQLite and on PostgreSQL: an update left unhandled is
 * replayed once however many instances replay at the same time; a young one is left to the
 * instance that recorded it (and never replayed once that one marked it handled); a replay that
 * stopped midway gives its row up after a while. Each "instance" has its own connection.
 * PostgreSQL is the machine's (or TEST_POSTGRES_URL); without one those tests fail.
 */
import { afterEach, describe, expect, it } from "vitest";
import { takeLease } from "../../../bot/core/delivery/lease.ts";
import { createDb, type Db, type DbKind } from "../../../bot/db/client.ts";
import { createInbox, defaultReplayTiming, type InboxRow } from "../../../bot/db/inbox.ts";
import { createPgTestDb, createTestDb, type TestDb } from "../../helpers/db.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const grace = defaultReplayTiming.graceMs;
const minute = 60_000;

async function twoHandles(kind: DbKind): Promise<[Db, Db]> {
  const testDb: TestDb = kind === "postgresql" ? await createPgTestDb() : await createTestDb();
  cleanups.push(() => testDb.close());
  const other = await createDb(testDb.url);
  cleanups.push(() => other.$disconnect());
  return [testDb.db, other];
}

/** `n` updates recorded `ageMs` ago and never handled: what a stopped instance leaves. */
async function leftUnhandled(db: Db, n: number, ageMs: number): Promise<string[]> {
  const receivedAt = new Date(Date.now() - ageMs);
  const ids = Array.from({ length: n }, (_, i) => String(1000 + i));
  await db.inboundDedup.createMany({ data: ids.map((messageId) => ({ platform: "telegram", messageId, payload: `{"update_id":${messageId}}`, receivedAt })) });
  return ids;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(["sqlite", "postgresql"] as const)("the inbox on %s", (kind) => {
  it("replays each row once when two instances replay at the same time", async () => {
    const [a, b] = await twoHandles(kind);
    const ids = await leftUnhandled(a, 30, 2 * minute);
    const handled: string[] = [];
    // Slow enough handling that the two replays overlap.
    const take = (who: string) => async (row: InboxRow) => {
      handled.push(row.id);
      await pause(2);
      await createInbox(who === "a" ? a : b, "telegram").markHandled(row.id, new Date());
    };
    const [byA, byB] = await Promise.all([createInbox(a, "telegram").replay(take("a"), { holder: "a" }), createInbox(b, "telegram").replay(take("b"), { holder: "b" })]);
    expect(handled.sort()).toEqual(ids);
    expect((byA ?? 0) + (byB ?? 0)).toBe(ids.length);
    expect(await a.inboundDedup.count({ where: { OR: [{ handledAt: null }, { payload: { not: null } }] } })).toBe(0);
    // Nothing is left for a later replay.
    expect(await createInbox(a, "telegram").replay(take("a"), { holder: "a" })).toBe(0);
    expect(handled).toHaveLength(ids.length);
  });

  it("gives a row to exactly one of two claimers claiming it at the same time", async () => {
    const [a, b] = await twoHandles(kind);
    const ids = await leftUnhandled(a, 40, 2 * minute);
    const now = new Date();
    const inboxA = createInbox(a, "telegram");
    const inboxB = createInbox(b, "telegram");
    // Every row claimed by both at once, half of them with the other instance asking first.
    const won = await Promise.all(ids.map((id, i) => Promise.all(i % 2 ? [inboxA.claim(id, now), inboxB.claim(id, now)] : [inboxB.claim(id, now), inboxA.claim(id, now)])));
    expect(won.map((pair) => pair.filter(Boolean).length)).toEqual(ids.map(() => 1));
    expect(await a.inboundDedup.count({ where: { handledAt: now } })).toBe(ids.length);
  });

  it("leaves a young row to the instance that recorded it, and never replays one it marked handled", async () => {
    const [a, b] = await twoHandles(kind);
    const live = createInbox(a, "telegram");
    const replayer = createInbox(b, "telegram");
    const t0 = new Date();
    expect(await live.record("7001", '{"update_id":7001}')).toBe(true);
    expect(await live.record("7002", '{"update_id":7002}')).toBe(true);
    // Within the grace, the recorder may be handling them: no replay takes them.
    expect(await replayer.waiting(new Date(t0.getTime() + grace / 2))).toEqual([]);
    expect(await replayer.claim("7001", new Date(t0.getTime() + grace / 2))).toBe(false);
    // Past it, a replay lists both; meanwhile the recorder finishes one, which can then not be claimed.
    const later = new Date(t0.getTime() + grace + 1000);
    expect((await replayer.waiting(later)).map((r) => r.id)).toEqual(["7001", "7002"]);
    await live.markHandled("7001", new Date());
    expect(await replayer.claim("7001", later)).toBe(false);
    expect(await replayer.claim("7002", later)).toBe(true);
    expect(await replayer.waiting(later)).toEqual([]);
  });

  it("replays again a row whose replayer stopped midway, once its claim has lapsed", async () => {
    const [a, b] = await twoHandles(kind);
    await leftUnhandled(a, 1, 2 * minute);
    const now = new Date();
    const first = createInbox(a, "telegram");
    const second = createInbox(b, "telegram");
    expect(await first.claim("1000", now)).toBe(true);
    // The first replayer dies before handling it: its claim holds for a while, then lapses.
    expect(await second.waiting(new Date(now.getTime() + 5 * minute))).toEqual([]);
    const lapsed = new Date(now.getTime() + 11 * minute);
    expect((await second.waiting(lapsed)).map((r) => r.id)).toEqual(["1000"]);
    expect(await second.claim("1000", lapsed)).toBe(true);
    expect(await first.claim("1000", lapsed)).toBe(false);
  });

  it("lets one instance replay a platform at a time", async () => {
    const [a, b] = await twoHandles(kind);
    await leftUnhandled(a, 3, 2 * minute);
    expect(await takeLease(b, { name: "inbox-replay:telegram", holder: "b", ttlMs: minute })).toBe(true);
    const handled: string[] = [];
    expect(await createInbox(a, "telegram").replay(async (row) => void handled.push(row.id), { holder: "a" })).toBeNull();
    expect(handled).toEqual([]);
    // Another platform's replay is not held up by it.
    expect(await createInbox(a, "zalo").replay(async () => undefined, { holder: "a" })).toBe(0);
  });
});
