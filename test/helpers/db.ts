import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "../../bot/db/client.ts";

export interface TestDb {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** A fresh, migrated SQLite file of its own: a copy of the template made in global setup. */
export async function createTestDb(): Promise<TestDb> {
  const path = join(tmpdir(), `chibo-${randomUUID()}.db`);
  copyFileSync(inject("templateDbPath"), path);
  const url = `file:${path}`;
  const db = await createDb(url);
  return {
    db,
    url,
    close: async () => {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    },
  };
}
