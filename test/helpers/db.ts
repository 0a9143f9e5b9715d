import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import pg from "pg";
import { createDb, migrateDatabase, type Db } from "../../bot/db/client.ts";

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

/**
 * The PostgreSQL server tests use: the machine's own (127.0.0.1:5432, trust auth, database `test`),
 * or TEST_POSTGRES_URL. Where none answers, the test fails saying so: it never passes silently.
 */
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** A fresh PostgreSQL database of its own, migrated in-process, dropped on close. */
export async function createPgTestDb(): Promise<TestDb> {
  const name = `chibo_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`No PostgreSQL server answers at ${postgresAdminUrl.replace(/:[^:@/]*@/, ":…@")} (set TEST_POSTGRES_URL): the PostgreSQL tests need one.`, { cause: error });
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const db = await createDb(url.toString());
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: postgresAdminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
