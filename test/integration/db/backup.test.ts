import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../bot/config.ts";
import { backupDatabase, backupFileName, pruneBackups } from "../../../bot/db/backup.ts";
import { createDb, migrateDatabase } from "../../../bot/db/client.ts";
import { startBot } from "../../../bot/main.ts";
import { backupJob } from "../../../jobs/jobs.ts";
import { startFakeBotApi } from "../../helpers/fake-bot-api.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = join(tmpdir(), `chibo-backup-${randomUUID()}`);
  mkdirSync(dir);
  dirs.push(dir);
  return dir;
}
const modeOf = (path: string) => statSync(path).mode & 0o777;

/**
 * Another process recording attendance, one audited row per transaction, as fast as it can, until
 * told to stop: the bot at work while the backup is taken.
 */
const writerScript = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 5000 });
const insert = db.prepare("INSERT INTO audit_log (id, cell_id, action, details, at) VALUES (?, ?, 'attendance.recorded', ?, ?)");
let n = 0, stop = false;
process.stdin.on("data", () => (stop = true));
(function loop() {
  for (let i = 0; i < 20 && !stop; i++, n++) insert.run("a" + n, process.argv[2], JSON.stringify({ seq: n, status: "present", note: "x".repeat(200) }), Date.now());
  if (n % 100 === 0) process.stdout.write("at " + n + "\\n");
  if (stop) { db.close(); process.stdout.write("done " + n + "\\n", () => process.exit(0)); return; }
  setImmediate(loop);
})();
`;

describe("a backup", () => {
  it("taken while another process writes is whole, and the bot starts on it once restored", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const path = join(dir, "data", "chibo.db");
    const url = `file:${path}`;
    await migrateDatabase(url);
    const db = await createDb(url);
    const cell = await db.cell.create({ data: { name: "Chi bộ Sao lưu" } });
    await db.$disconnect();

    const writer = spawn(process.execPath, ["-e", writerScript, path, cell.id], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    writer.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const written = () => Number([...out.matchAll(/at (\d+)/g)].at(-1)?.[1] ?? 0);
    while (written() < 500) await new Promise((r) => setTimeout(r, 5));
    const before = written();
    const result = await backupDatabase(url, join(dir, "backups"), new Date("2026-12-01T19:45:00Z"));
    writer.stdin.write("stop\n");
    await new Promise((r) => writer.once("exit", r));
    const total = Number(/done (\d+)/.exec(out)![1]);

    expect(result.path).toBe(join(dir, "backups", "chibo-20261201T194500Z.db"));
    expect(modeOf(result.path)).toBe(0o600);
    expect(modeOf(join(dir, "backups"))).toBe(0o700);
    expect(readdirSync(join(dir, "backups"))).toEqual(["chibo-20261201T194500Z.db"]);
    // A snapshot: every row up to some moment, none after it, each one complete.
    const copy = new Database(result.path, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const rows = copy.prepare<[], { id: string; details: string }>("SELECT id, details FROM audit_log WHERE action = 'attendance.recorded'").all();
    copy.close();
    const seqs = rows.map((r) => (JSON.parse(r.details) as { seq: number; note: string }).seq).sort((a, b) => a - b);
    expect(seqs.length).toBeGreaterThanOrEqual(before);
    expect(seqs.length).toBeLessThanOrEqual(total);
    expect(seqs).toEqual(seqs.map((_, i) => i));
    expect(rows.every((r) => (JSON.parse(r.details) as { note: string }).note.length === 200)).toBe(true);

    // Restore as the README says: bot stopped, the backup copied over the file, the old WAL gone.
    copyFileSync(result.path, path);
    for (const suffix of ["-wal", "-shm"]) rmSync(path + suffix, { force: true });
    chmodSync(path, 0o600);
    const api = await startFakeBotApi();
    try {
      const config = parseConfig({
        TELEGRAM_BOT_TOKEN: "123456789:AAH-chibo-test-token-abcdefghijklmnopq",
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg",
        TELEGRAM_WEBHOOK_SECRET: "webhook-secret-0123456789abcdef",
        HTTP_HOST: "127.0.0.1",
        HTTP_PORT: "0",
        DATABASE_URL: url,
      });
      const bot = await startBot(config, pino({ level: "silent" }), { ticking: false });
      try {
        expect(await bot.db.auditLog.count({ where: { action: "attendance.recorded", cellId: cell.id } })).toBe(seqs.length);
        const ready = await fetch(`http://127.0.0.1:${bot.http!.port()}/readyz`);
        expect(ready.status).toBe(200);
      } finally {
        await bot.stop();
      }
    } finally {
      await api.close();
    }
    expect(modeOf(path)).toBe(0o600);
  });

  it("never leaves a half-written file under a backup's name, and refuses a missing database", async () => {
    const dir = tempDir();
    await expect(backupDatabase(`file:${join(dir, "none.db")}`, join(dir, "b"))).rejects.toThrow(/No database/);
    expect(existsSync(join(dir, "b"))).toBe(false);
  });

  it("keeps the newest BACKUP_KEEP when run as the nightly job, and nothing else in the folder is touched", async () => {
    const dir = tempDir();
    const path = join(dir, "chibo.db");
    await migrateDatabase(`file:${path}`);
    const backups = join(dir, "backups");
    mkdirSync(backups);
    for (const day of ["2026-11-01", "2026-11-02", "2026-11-03"]) writeFileSync(join(backups, backupFileName(new Date(`${day}T19:45:00Z`))), "old");
    writeFileSync(join(backups, "notes.txt"), "mine");
    const lines: string[] = [];
    const job = backupJob({ databaseUrl: `file:${path}`, dir: backups, keep: 2, now: () => new Date("2026-11-04T19:45:00Z"), log: (_f, m) => lines.push(m) });
    await job.run();
    expect(readdirSync(backups).sort()).toEqual(["chibo-20261103T194500Z.db", "chibo-20261104T194500Z.db", "notes.txt"]);
    expect(lines).toEqual(["nightly backup written"]);
    expect(pruneBackups(backups, 1)).toEqual(["chibo-20261103T194500Z.db"]);
  });
});
