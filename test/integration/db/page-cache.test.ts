/** The bot's SQLite connection keeps a small page cache: a fan-out must not fill 16 MB of it (bench:audience). */
import { afterEach, expect, it } from "vitest";
import { createDb, sqlitePageCacheKiB, type Db } from "../../../bot/db/client.ts";
import { createTestDb, type TestDb } from "../../helpers/db.ts";

let testDb: TestDb | null = null;
let db: Db | null = null;
afterEach(async () => {
  await db?.$disconnect();
  await testDb?.close();
});

it("sets the page cache of the connection it opens", async () => {
  testDb = await createTestDb();
  db = await createDb(testDb.url);
  const [row] = await db.$queryRawUnsafe<{ cache_size: bigint | number }[]>("PRAGMA cache_size");
  expect(Number(row!.cache_size)).toBe(-sqlitePageCacheKiB);
});
