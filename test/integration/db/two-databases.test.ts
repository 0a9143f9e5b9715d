/**
 * The SQLite and the PostgreSQL migrations make the same schema: every table, column, nullability,
 * primary key and index name the same, so a migration added for one database and forgotten for
 * the other fails here. (Column types differ by design: TEXT/DATETIME against text/timestamp.)
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { createPgTestDb, createTestDb, type TestDb } from "../../helpers/db.ts";

const dbs: TestDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
});

type Shape = { columns: string[]; indexes: string[] };

function sqliteShape(path: string): Shape {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all();
    const columns: string[] = [];
    const indexes: string[] = [];
    for (const { name } of tables) {
      for (const c of db.prepare<[], { name: string; notnull: number; pk: number }>(`PRAGMA table_info("${name}")`).all()) columns.push(`${name}.${c.name} ${c.notnull || c.pk ? "not null" : "null"}${c.pk ? " pk" : ""}`);
      for (const i of db.prepare<[], { name: string; origin: string }>(`PRAGMA index_list("${name}")`).all()) if (i.origin === "c") indexes.push(i.name);
    }
    return { columns: columns.sort(), indexes: indexes.sort() };
  } finally {
    db.close();
  }
}

async function pgShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pks = new Set(
      (
        await client.query<{ col: string }>(`SELECT tc.table_name || '.' || kcu.column_name AS col FROM information_schema.table_constraints tc
          JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
          WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'`)
      ).rows.map((r) => r.col),
    );
    const columns = (
      await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      )
    ).rows.map((c) => `${c.table_name}.${c.column_name} ${c.is_nullable === "YES" ? "null" : "not null"}${pks.has(`${c.table_name}.${c.column_name}`) ? " pk" : ""}`);
    const indexes = (await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND tablename <> '_prisma_migrations'`)).rows.map((r) => r.indexname);
    return { columns: columns.sort(), indexes: indexes.sort() };
  } finally {
    await client.end();
  }
}

it("both migration folders make the same tables, columns, keys and indexes", async () => {
  const sqlite = await createTestDb();
  const postgres = await createPgTestDb();
  dbs.push(sqlite, postgres);
  const a = sqliteShape(sqlite.url.replace(/^file:/, ""));
  const b = await pgShape(postgres.url);
  expect(a.columns.length).toBeGreaterThan(100);
  expect(b.columns).toEqual(a.columns);
  expect(b.indexes).toEqual(a.indexes);
});
