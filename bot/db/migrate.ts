/**
 * Applies the committed migrations (prisma/migrations/<name>/migration.sql) through the driver, in
 * this process: spawning the Prisma CLI at every start cost seconds and a second Node process.
 *
 * The bookkeeping is Prisma's own, row for row as `prisma migrate deploy` writes it (table
 * `_prisma_migrations`: a random id, the file's sha256 as checksum, started and finished times,
 * one applied step), so `prisma migrate status`, `migrate deploy` and `migrate dev` keep agreeing
 * with a database migrated here, and the other way round.
 *
 * Where this is stricter than the CLI: each migration runs in one transaction with its row, so a
 * failing migration leaves nothing behind (no half-applied script, no failed row to resolve), and
 * a database carrying a failed row from the CLI is refused, as the CLI refuses it (P3009).
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/** The table exactly as Prisma's schema engine creates it for SQLite. */
const migrationsTableDdl = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface CommittedMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationOutcome {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Applied earlier, but the committed file has changed since (the CLI's `migrate dev` would complain). */
  changed: string[];
  /** Recorded in the database but absent from the folder (a newer release ran on this file). */
  unknown: string[];
}

/** The folders of prisma/migrations in name order, as the CLI reads them. */
export function readMigrations(dir: string): CommittedMigration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

/** Prisma stores SQLite times as RFC 3339 text with milliseconds and an explicit offset. */
const prismaTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

/** Applies every committed migration not yet recorded in the database at `path`. */
export function applyMigrations(path: string, migrationsDir: string, now: () => Date = () => new Date()): MigrationOutcome {
  const migrations = readMigrations(migrationsDir);
  const db = new Database(path, { timeout: 5000 });
  try {
    // Prisma's table-redefining scripts switch foreign keys off around a table copy; that pragma is
    // ignored inside a transaction, so it is done here, outside, and checked before each commit.
    db.pragma("foreign_keys = OFF");
    db.exec(migrationsTableDdl);
    const outcome: MigrationOutcome = { applied: [], changed: [], unknown: [] };
    const recorded = () => db.prepare<[], Row>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all();
    const failed = recorded().filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      throw new Error(
        `The database has a failed migration (${failed.map((r) => r.migration_name).join(", ")}), left by the Prisma CLI. Fix it as Prisma's error P3009 explains (prisma migrate resolve), then start again.`,
      );
    }
    const committed = new Set(migrations.map((m) => m.name));
    for (const migration of migrations) {
      // BEGIN IMMEDIATE takes the write lock first: a second process starting at the same moment
      // waits, then sees the row this one wrote and skips the migration.
      const applied = db.transaction(() => {
        const done = recorded().filter((r) => r.migration_name === migration.name && r.finished_at !== null && r.rolled_back_at === null);
        if (done.length > 0) {
          if (!done.some((r) => r.checksum === migration.checksum)) outcome.changed.push(migration.name);
          return false;
        }
        const id = randomUUID();
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(
          id,
          migration.checksum,
          migration.name,
          prismaTime(now()),
        );
        try {
          db.exec(migration.sql);
        } catch (error) {
          throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) throw new Error(`Migration ${migration.name} would break ${violations.length} foreign key reference(s); nothing was applied.`);
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(prismaTime(now()), id);
        return true;
      }).immediate();
      if (applied) outcome.applied.push(migration.name);
    }
    outcome.unknown = [...new Set(recorded().map((r) => r.migration_name))].filter((name) => !committed.has(name));
    return outcome;
  } finally {
    db.close();
  }
}
