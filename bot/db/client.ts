import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations, type MigrationOutcome } from "./migrate.ts";

export type Db = PrismaClient;
export type { Prisma } from "./generated/client.ts";
import type { Prisma as PrismaNs } from "./generated/client.ts";
/** The database or a transaction of it: what a read or a check inside a service's transaction takes. */
export type DbTx = Db | PrismaNs.TransactionClient;

/** The project folder: relative paths in the configuration are read from here, wherever the bot is started. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The committed migrations, the ones `prisma migrate deploy` would apply. */
export const migrationsDir = resolve(projectRoot, "prisma/migrations");

/** PostgreSQL (`postgresql://` or `postgres://`) rather than the embedded SQLite file. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Which database a handle speaks to: SQL written by hand is portable, or has one variant per kind. */
export type DbKind = "sqlite" | "postgresql";

/** The kind of each handle `createDb` opened, read from its URL there and nowhere else. */
const kinds = new WeakMap<Db, DbKind>();

/** The kind of a database handle opened by `createDb`. */
export function kindOf(db: Db): DbKind {
  const kind = kinds.get(db);
  // Every handle comes from createDb; guessing would silently run the wrong variant.
  if (!kind) throw new Error("This database handle was not opened by createDb: whether it is SQLite or PostgreSQL is unknown.");
  return kind;
}

/** `file:./data/x.db` → an absolute `file:` URL, so the CLI and the app open the same file wherever they run from. */
export function absoluteSqliteUrl(url: string, cwd = process.cwd()): string {
  // A PostgreSQL URL names a server, not a path: as it is.
  if (isPostgresUrl(url)) return url;
  const path = url.replace(/^file:/, "");
  return `file:${isAbsolute(path) ? path : resolve(cwd, path)}`;
}

const sqlitePath = (url: string) => url.replace(/^file:/, "");

/**
 * The database holds phone numbers and report texts: its folder is the owner's alone (700) when
 * the bot makes it, and the file and its companions (-wal, -shm, -journal) are 600, including files
 * an earlier release left readable by everyone. SQLite gives a new -wal or -shm file the main
 * file's permissions, so the main file is made 600 before anything else opens it.
 */
export function protectDatabaseFiles(url: string): void {
  const path = sqlitePath(url);
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
  }
}

/** The committed PostgreSQL migrations: migration SQL is per database kind. */
export const pgMigrationsDir = resolve(projectRoot, "prisma/migrations-postgresql");

/** Creates the database file's folder (SQLite) and applies every pending committed migration, in this process. */
export async function migrateDatabase(url: string): Promise<MigrationOutcome> {
  try {
    if (isPostgresUrl(url)) {
      const { applyPgMigrations } = await import("./migrate-pg.ts");
      return await applyPgMigrations(url, pgMigrationsDir);
    }
    protectDatabaseFiles(url);
    return applyMigrations(sqlitePath(url), migrationsDir);
  } catch (error) {
    throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Opens the database through the driver adapter (see ../shared/notes/prisma-offline.md). Nothing is
 * queried here: Prisma loads its query compiler (WebAssembly, a tenth of a second) at the first
 * query, which main.ts lets come after the messengers are listening.
 */
export async function createDb(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([import("./generated-pg/client.ts"), import("@prisma/adapter-pg")]);
    // One schema, two generated clients with the same models and methods (prisma/derive-postgresql.mjs):
    // the code is written against the SQLite client's types, which the PostgreSQL client matches.
    const db = new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    kinds.set(db, "postgresql");
    return db;
  }
  if (url.startsWith("file:")) {
    // WAL keeps readers from blocking the writer; it is a property of the file, kept once set.
    const raw = new Database(sqlitePath(url), { timeout: 5000 });
    try {
      raw.pragma("journal_mode = WAL");
    } finally {
      raw.close();
    }
    // Closing checkpointed the WAL; whatever companions remain are the owner's alone.
    protectDatabaseFiles(url);
  }
  // A busy timeout lets a second process (a second scheduler, a CLI) wait instead of failing.
  // Foreign keys need no pragma: better-sqlite3 is built with them on for every connection.
  const db = new PrismaClient({ adapter: withPageCache(new PrismaBetterSQLite3({ url, timeout: 5000 })) });
  kinds.set(db, "sqlite");
  return db;
}

/**
 * SQLite's page cache for the bot's one connection. better-sqlite3 builds SQLite with 16 MB; a
 * fan-out to 20,000 members fills it all, which was half of the memory the process gained while
 * sending (bench:audience). 4 MB holds the hot pages (the due index, the open meeting, the
 * recipients of a batch); the rest is a read from the OS's cache away.
 */
export const sqlitePageCacheKiB = 4_000;

function withPageCache(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  // The connection is opened at the first query (not at start); the pragma goes with it.
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeRaw({ sql: `PRAGMA cache_size = -${sqlitePageCacheKiB}`, args: [], argTypes: [] });
    return adapter;
  };
  return factory;
}
