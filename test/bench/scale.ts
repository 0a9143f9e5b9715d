/**
 * bench:scale — a province on one database: members in cells (default 100,000 in 2,000), on SQLite
 * and on PostgreSQL (the machine's, or TEST_POSTGRES_URL). For each database:
 *  - planning a month's meetings: one meeting per cell, its reminders planned (planMeeting), all cells;
 *  - the due scan in a large outbox (BENCH_OUTBOX_ROWS, default 10,000,000 rows, most of them sent);
 *  - RSS of this process while planning.
 * Prints figures; the last line is one JSON object.
 *
 *   npm run bench:scale
 *   BENCH_MEMBERS=20000 BENCH_CELLS=400 BENCH_OUTBOX_ROWS=1000000 npm run bench:scale   # quicker
 *   BENCH_DATABASES=sqlite npm run bench:scale
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { planMeeting } from "../../bot/core/features/meetings/planning.ts";
import { createDb, migrateDatabase, type Db } from "../../bot/db/client.ts";

const members = Number(process.env.BENCH_MEMBERS ?? 100_000);
const cells = Number(process.env.BENCH_CELLS ?? 2_000);
const outboxRows = Number(process.env.BENCH_OUTBOX_ROWS ?? 10_000_000);
const databases = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const log = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function seed(db: Db, kind: string) {
  const started = performance.now();
  const perCell = Math.ceil(members / cells);
  const cellIds = Array.from({ length: cells }, (_, i) => `c${String(i).padStart(7, "0")}`);
  for (let i = 0; i < cells; i += 1000) await db.cell.createMany({ data: cellIds.slice(i, i + 1000).map((id) => ({ id, name: `Chi bộ ${id}`, quietStart: "00:00", quietEnd: "00:00" })) });
  for (let i = 0; i < members; i += 5000) {
    const ids = Array.from({ length: Math.min(5000, members - i) }, (_, j) => `p${String(i + j).padStart(8, "0")}`);
    await db.person.createMany({ data: ids.map((id) => ({ id, fullName: `Đảng viên ${id}` })) });
    await db.identity.createMany({ data: ids.map((id) => ({ personId: id, platform: "telegram", userId: id, chatId: id })) });
    await db.membership.createMany({ data: ids.map((id, j) => ({ cellId: cellIds[Math.floor((i + j) / perCell)]!, personId: id, status: "active", role: (i + j) % perCell === 0 ? "secretary" : "member" })) });
  }
  const startsAt = new Date(Date.now() + 20 * 86_400_000);
  for (let i = 0; i < cells; i += 1000) await db.meeting.createMany({ data: cellIds.slice(i, i + 1000).map((cellId) => ({ id: `m${cellId}`, cellId, kind: "dinh_ky", startsAt, createdById: "p00000000" })) });
  log(`${kind}: seeded ${members} members in ${cells} cells in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return cellIds;
}

/** Fills the outbox up to `outboxRows` rows with sent history, by the database itself (fast on both kinds). */
async function fillOutbox(db: Db, kind: string) {
  const started = performance.now();
  const existing = await db.outboxMessage.count();
  const missing = Math.max(0, outboxRows - existing);
  const past = new Date(Date.now() - 30 * 86_400_000);
  for (let done = 0; done < missing; done += 1_000_000) {
    const n = Math.min(1_000_000, missing - done);
    if (kind === "sqlite")
      await db.$executeRawUnsafe(
        `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n}) INSERT INTO outbox_message (id, key, kind, person_id, payload, due_at, status, created_at) SELECT 'h${done}-' || i, 'h${done}-' || i, 'meeting-reminder', 'p' || printf('%08d', i % ${members}), '{}', ?, 'sent', ? FROM s`,
        past,
        past,
      );
    else
      await db.$executeRawUnsafe(
        `INSERT INTO outbox_message (id, key, kind, person_id, payload, due_at, status, created_at) SELECT 'h${done}-' || i, 'h${done}-' || i, 'meeting-reminder', 'p' || lpad((i % ${members})::text, 8, '0'), '{}', $1, 'sent', $2 FROM generate_series(1, ${n}) i`,
        past,
        past,
      );
  }
  log(`${kind}: outbox filled to ${existing + missing} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function measure(kind: string, url: string) {
  await migrateDatabase(url);
  const db = await createDb(url);
  try {
    const cellIds = await seed(db, kind);
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const now = new Date();
    const started = performance.now();
    let planned = 0;
    for (const cellId of cellIds) {
      planned += await db.$transaction((tx) => planMeeting(tx, `m${cellId}`, now));
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const planningMs = performance.now() - started;
    clearInterval(sample);
    log(`${kind}: planned ${planned} rows for ${cells} meetings in ${(planningMs / 1000).toFixed(2)} s (${((planningMs / members) * 10_000).toFixed(0)} ms per 10,000 members); RSS +${mib(peak - rss0)} MiB`);
    await fillOutbox(db, kind);
    // The scheduler's query: the next due rows, by the (status, due_at) index.
    const scans: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await db.outboxMessage.findMany({ where: { status: "pending", dueAt: { lte: new Date(now.getTime() + 21 * 86_400_000) } }, orderBy: { dueAt: "asc" }, take: 20, select: { id: true } });
      scans.push(performance.now() - t);
    }
    scans.sort((a, b) => a - b);
    const scanMs = scans[Math.floor(scans.length / 2)]!;
    log(`${kind}: due scan in an outbox of ${outboxRows} rows: ${scanMs.toFixed(2)} ms (p50)`);
    return { database: kind, members, cells, plannedRows: planned, planningMs: Math.round(planningMs), planningMsPer10k: Math.round((planningMs / members) * 10_000), planningRssMiB: mib(peak - rss0), outboxRows, dueScanMs: Math.round(scanMs * 100) / 100 };
  } finally {
    await db.$disconnect();
  }
}

const results = [];
for (const kind of databases) {
  if (kind === "sqlite") {
    const path = join(tmpdir(), `chibo-scale-${randomUUID()}.db`);
    try {
      results.push(await measure("sqlite", `file:${path}`));
    } finally {
      for (const s of ["", "-wal", "-shm"]) rmSync(path + s, { force: true });
    }
  } else {
    const name = `chibo_scale_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      results.push(await measure("postgresql", url.toString()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}
log(JSON.stringify({ bench: "scale", results }));
