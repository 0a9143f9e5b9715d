/**
 * Backups of the live database: `npm run backup` and the optional nightly job (BACKUP_DIR).
 *
 * SQLite's online backup (through better-sqlite3) copies a consistent snapshot while the bot keeps
 * writing, including what is still in the -wal file, which copying the .db file alone would miss. The copy is written under a temporary name, checked, made
 * the owner's alone (600, it holds phone numbers and reports) and only then given its dated name, so
 * a file named like a backup is always a whole one.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { config as loadDotenv } from "dotenv";
import { ConfigError, parseBackupConfig } from "../config.ts";
import { absoluteSqliteUrl, projectRoot } from "./client.ts";

const backupName = /^chibo-\d{8}T\d{6}Z\.db$/;

/** chibo-20261130T193000Z.db: sorts by time, and says it is UTC. */
export function backupFileName(at: Date): string {
  return `chibo-${at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z")}.db`;
}

export interface BackupResult {
  path: string;
  bytes: number;
  ms: number;
}

/** Copies the database at `url` into `dir` as a dated file; returns where. */
export async function backupDatabase(url: string, dir: string, at: Date = new Date()): Promise<BackupResult> {
  const started = performance.now();
  const source = url.replace(/^file:/, "");
  if (!existsSync(source)) throw new Error(`No database at ${source} to back up.`);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, backupFileName(at));
  if (existsSync(path)) throw new Error(`${path} already exists.`);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    // All pages in one step, inside one read transaction: the copy is a snapshot of one moment,
    // and writes meanwhile (which go to the WAL, unblocked) cannot make it start over and over, as
    // they would with the default of 100 pages a step.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  chmodSync(partial, 0o600);
  const copy = new Database(partial);
  try {
    // The copy carries the live file's WAL mode; a backup is better one self-contained file.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup failed its integrity check (${String(check)}); nothing was kept.`);
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, path);
  return { path, bytes: statSync(path).size, ms: Math.round(performance.now() - started) };
}

/** Deletes the oldest dated backups in `dir` beyond the newest `keep`; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((n) => backupName.test(n))
    .sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

/**
 * `npm run backup [folder]`: one backup now, into the folder given, else BACKUP_DIR, else
 * ./backups. Needs no messenger token: it touches only the database.
 */
export async function backupCommand(argv: string[] = process.argv.slice(2)): Promise<void> {
  loadDotenv({ path: join(projectRoot, ".env") });
  let config;
  try {
    config = parseBackupConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const dir = argv[0] ? resolve(argv[0]) : resolve(projectRoot, config.BACKUP_DIR ?? "backups");
  try {
    const result = await backupDatabase(absoluteSqliteUrl(config.DATABASE_URL, projectRoot), dir);
    process.stdout.write(`backup written: ${result.path} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.ms} ms)\n`);
  } catch (error) {
    process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
