/**
 * The committed PostgreSQL migrations (prisma/migrations-postgresql), applied in this process
 * through `pg`, with Prisma's own bookkeeping as migrate.ts keeps it for SQLite: `prisma migrate
 * deploy` cannot run through the pg adapter (an open Prisma bug: "Column type 'name' could not be
 * deserialized"). Each migration and its row commit together (PostgreSQL's DDL is transactional),
 * and an advisory lock lets several instances start at once: one migrates, the others wait and
 * find nothing left to do.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { readMigrations, type MigrationOutcome } from "./migrate.ts";

/** The table as Prisma's schema engine creates it for PostgreSQL. */
const migrationsTableDdl = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any fixed number: the key of the advisory lock that serialises migrations across instances. */
const migrationLockKey = 72_640_117;

export async function applyPgMigrations(url: string, migrationsDir: string): Promise<MigrationOutcome> {
  const migrations = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    await client.query(migrationsTableDdl);
    const recorded = async () =>
      (await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)).rows;
    const rows = await recorded();
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      throw new Error(`The database has a failed migration (${failed.map((r) => r.migration_name).join(", ")}), left by the Prisma CLI. Fix it as Prisma's error P3009 explains (prisma migrate resolve), then start again.`);
    }
    const outcome: MigrationOutcome = { applied: [], changed: [], unknown: [] };
    for (const migration of migrations) {
      const done = rows.filter((r) => r.migration_name === migration.name && r.finished_at !== null && r.rolled_back_at === null);
      if (done.length > 0) {
        if (!done.some((r) => r.checksum === migration.checksum)) outcome.changed.push(migration.name);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`, [randomUUID(), migration.checksum, migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      outcome.applied.push(migration.name);
    }
    const committed = new Set(migrations.map((m) => m.name));
    outcome.unknown = [...new Set((await recorded()).map((r) => r.migration_name))].filter((name) => !committed.has(name));
    return outcome;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]).catch(() => undefined);
    await client.end();
  }
}
