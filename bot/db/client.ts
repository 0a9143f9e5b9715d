import { execFile } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;
export type { Prisma } from "./generated/client.ts";
import type { Prisma as PrismaNs } from "./generated/client.ts";
/** The database or a transaction of it: what a read or a check inside a service's transaction takes. */
export type DbTx = Db | PrismaNs.TransactionClient;

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const execFileAsync = promisify(execFile);

/** `file:./data/x.db` → an absolute `file:` URL, so the CLI and the app open the same file wherever they run from. */
export function absoluteSqliteUrl(url: string, cwd = process.cwd()): string {
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

/** Creates the database file's folder and applies every pending committed migration. */
export async function migrateDatabase(url: string): Promise<void> {
  protectDatabaseFiles(url);
  try {
    await execFileAsync(process.execPath, [resolve(projectRoot, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`Database migration failed: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

/** Opens the database through the driver adapter (see ../shared/notes/prisma-offline.md). */
export async function createDb(url: string): Promise<Db> {
  // A busy timeout lets a second process (a second scheduler, a CLI) wait instead of failing.
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  // WAL keeps readers from blocking the writer; it is a property of the file, kept once set.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  // WAL mode has just made -wal and -shm; make sure they are the owner's alone whatever made them.
  if (url.startsWith("file:")) protectDatabaseFiles(url);
  return db;
}
