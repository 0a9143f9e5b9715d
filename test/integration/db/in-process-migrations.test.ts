import { randomUUID } from "node:crypto";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrateDatabase, migrationsDir } from "../../../bot/db/client.ts";
import { applyMigrations, readMigrations } from "../../../bot/db/migrate.ts";
import { prismaCli } from "../../helpers/prisma-cli.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = join(tmpdir(), `chibo-mig-${randomUUID()}`);
  mkdirSync(dir);
  dirs.push(dir);
  return dir;
}

/** Every table, index and trigger as SQLite itself describes it, apart from the bookkeeping. */
function schemaOf(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all()
      .map((r) => `${r.type} ${r.name}: ${(r.sql ?? "").replace(/\s+/g, " ")}`);
  } finally {
    db.close();
  }
}

function migrationRows(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`).all();
  } finally {
    db.close();
  }
}

describe("migrations applied in-process", () => {
  it("leave a database the Prisma CLI reports up to date, with the CLI-migrated template's schema", { timeout: 60_000 }, async () => {
    const path = join(tempDir(), "chibo.db");
    const outcome = await migrateDatabase(`file:${path}`);
    const committed = readMigrations(migrationsDir);
    expect(outcome.applied).toEqual(committed.map((m) => m.name));

    const status = await prismaCli(`file:${path}`, ["migrate", "status"]);
    expect(status.stdout + status.stderr).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);

    expect(schemaOf(path)).toEqual(schemaOf(inject("templateDbPath")));
    const rows = migrationRows(path);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.logs, r.rolled_back_at])).toEqual(
      committed.map((m) => [m.name, m.checksum, 1, null, null]),
    );
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    }
    // The CLI's own rows (the template) look the same apart from ids and times.
    const cliRows = migrationRows(inject("templateDbPath"));
    expect(cliRows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count]));
  });

  it("apply nothing twice, and take over a database the CLI migrated", async () => {
    const dir = tempDir();
    const path = join(dir, "chibo.db");
    cpSync(inject("templateDbPath"), path);
    expect((await migrateDatabase(`file:${path}`)).applied).toEqual([]);
    expect((await migrateDatabase(`file:${path}`)).applied).toEqual([]);
    expect(migrationRows(path)).toHaveLength(readMigrations(migrationsDir).length);
  });

  it("apply only the new ones, which the CLI then sees as applied", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const migrations = join(dir, "migrations");
    cpSync(migrationsDir, migrations, { recursive: true });
    const path = join(dir, "chibo.db");
    cpSync(inject("templateDbPath"), path);
    mkdirSync(join(migrations, "29990101000000_extra"));
    writeFileSync(join(migrations, "29990101000000_extra", "migration.sql"), 'CREATE TABLE "extra" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    expect(applyMigrations(path, migrations).applied).toEqual(["29990101000000_extra"]);
    expect(schemaOf(path)).toContain('table extra: CREATE TABLE "extra" ("id" TEXT NOT NULL PRIMARY KEY)');
    // Against the committed folder, the database now knows one migration more than the code.
    expect(applyMigrations(path, migrationsDir).unknown).toEqual(["29990101000000_extra"]);
  });

  it("leave nothing behind when a migration fails, and refuse a failed row the CLI left", () => {
    const dir = tempDir();
    const migrations = join(dir, "migrations");
    cpSync(migrationsDir, migrations, { recursive: true });
    const path = join(dir, "chibo.db");
    cpSync(inject("templateDbPath"), path);
    mkdirSync(join(migrations, "29990101000000_broken"));
    writeFileSync(join(migrations, "29990101000000_broken", "migration.sql"), 'CREATE TABLE "half" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    expect(() => applyMigrations(path, migrations)).toThrow(/29990101000000_broken failed/);
    expect(schemaOf(path).some((s) => s.includes("half"))).toBe(false);
    expect(migrationRows(path).map((r) => r.migration_name)).not.toContain("29990101000000_broken");

    const db = new Database(path);
    db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', 'z_failed', '2026-01-01T00:00:00.000+00:00', 0)`).run();
    db.close();
    expect(() => applyMigrations(path, migrationsDir)).toThrow(/P3009/);
  });
});
