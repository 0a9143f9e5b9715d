/**
 * bench:scale — a province on one database: members in cells (default 100,000 in 2,000), the cells
 * under committees (default 7, BENCH_COMMITTEES), on SQLite and on PostgreSQL (the machine's, or
 * TEST_POSTGRES_URL). For each database:
 *  - planning a month's meetings: one meeting per cell, its reminders planned (planMeeting), all
 *    cells; and this process's memory while planning (RSS, and the V8 heap and memory outside it);
 *  - the due scan in a large outbox (BENCH_OUTBOX_ROWS, default 10,000,000 rows, most of them sent);
 *  - the committees' monthly roll-up (November, read on 3 December) over the months before it
 *    (BENCH_ROLLUP_MONTHS, default 3: meetings held with attendance, the documents' announcements
 *    in the outbox for one cell in three) and two report rounds per cell (one closed in November,
 *    one open): one committee, then every committee one after another (first run and median of
 *    BENCH_RUNS, default 9).
 * Each database is seeded by one child process and measured by another, started fresh: the
 * measuring process holds what a bot holds, not the seed's 100,000 members. (Seeded in the same
 * process, Prisma's debug history, which keeps the arguments of its last 100 calls whether or not
 * DEBUG is set, held about 400 MiB of the seed's createMany batches, and the planning's
 * short-lived objects then piled up to +200 MiB before V8 collected them, on either database.)
 * PostgreSQL is analysed after the seed and after the outbox is filled, as autovacuum would.
 * Prints figures; the last line is one JSON object.
 *
 *   npm run bench:scale
 *   BENCH_MEMBERS=20000 BENCH_CELLS=400 BENCH_OUTBOX_ROWS=1000000 npm run bench:scale   # quicker
 *   BENCH_DATABASES=sqlite npm run bench:scale
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { rollupSummary } from "../../bot/core/features/committees/rollup/compute.ts";
import type { RollupSummary } from "../../bot/core/features/committees/rollup/assess.ts";
import { planMeeting } from "../../bot/core/features/meetings/planning.ts";
import { createDb, kindOf, migrateDatabase, type Db } from "../../bot/db/client.ts";
import { sql } from "../../bot/db/sql.ts";
import { local, median, ms, pad, regularMeeting, timed } from "./rollup.ts";

const members = Number(process.env.BENCH_MEMBERS ?? 100_000);
const cells = Number(process.env.BENCH_CELLS ?? 2_000);
const committees = Number(process.env.BENCH_COMMITTEES ?? 7);
const rollupMonths = Math.min(11, Math.max(1, Number(process.env.BENCH_ROLLUP_MONTHS ?? 3)));
const outboxRows = Number(process.env.BENCH_OUTBOX_ROWS ?? 10_000_000);
const databases = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const timeZone = "Asia/Ho_Chi_Minh";
const log = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const seconds = (fromMs: number) => ((performance.now() - fromMs) / 1000).toFixed(1);

const perCell = Math.ceil(members / cells);
const cellsPerCommittee = Math.ceil(cells / committees);
const cellIdOf = (i: number) => `c${pad(i, 7)}`;
const committeeIdOf = (k: number) => `k${pad(k, 3)}`;
/** The roll-up of November 2026, read on 3 December; meetings from September (3 months) on. */
const rollupNow = local("2026-12-03 10:00");
const rollupMonth = { year: 2026, month: 11 };
const heldMonths = Array.from({ length: rollupMonths }, (_, i) => rollupMonth.month - rollupMonths + 1 + i);

// ---------------------------------------------------------------------------------------------
// Seeding (child process "seed"): createMany for the entities, INSERT … SELECT for the records.

async function seedMembers(db: Db, kind: string) {
  const started = performance.now();
  const cellIds = Array.from({ length: cells }, (_, i) => cellIdOf(i));
  const founder = "p00000000";
  await db.committee.createMany({
    data: Array.from({ length: committees }, (_, k) => ({ id: committeeIdOf(k), name: `Đảng ủy ${k + 1}`, code: `SCALE${pad(k, 5)}`, timeZone, createdById: founder, createdAt: rollupNow })),
  });
  for (let i = 0; i < cells; i += 1000) {
    await db.cell.createMany({ data: cellIds.slice(i, i + 1000).map((id, j) => ({ id, name: `Chi bộ ${id}`, committeeId: committeeIdOf(Math.floor((i + j) / cellsPerCommittee)), quietStart: "00:00", quietEnd: "00:00" })) });
  }
  for (let i = 0; i < members; i += 5000) {
    const ids = Array.from({ length: Math.min(5000, members - i) }, (_, j) => `p${pad(i + j, 8)}`);
    await db.person.createMany({ data: ids.map((id) => ({ id, fullName: `Đảng viên ${id}` })) });
    await db.identity.createMany({ data: ids.map((id) => ({ personId: id, platform: "telegram", userId: id, chatId: id })) });
    await db.membership.createMany({ data: ids.map((id, j) => ({ cellId: cellIds[Math.floor((i + j) / perCell)]!, personId: id, status: "active", role: (i + j) % perCell === 0 ? "secretary" : "member" })) });
  }
  // Each committee: three officers (secretaries of its first cells), each in charge of a third of its cells.
  const officers = Array.from({ length: committees }, (_, k) =>
    Array.from({ length: 3 }, (_, j) => ({ id: `o${pad(k, 3)}-${j}`, committeeId: committeeIdOf(k), personId: `p${pad(Math.min(members - 1, (k * cellsPerCommittee + j) * perCell), 8)}`, role: j === 0 ? "secretary" : "member", appointedById: founder, appointedAt: rollupNow })),
  ).flat();
  await db.committeeOfficer.createMany({ data: officers });
  await db.committeeCharge.createMany({ data: cellIds.map((cellId, i) => ({ cellId, officerId: `o${pad(Math.floor(i / cellsPerCommittee), 3)}-${i % 3}`, assignedById: founder, assignedAt: rollupNow })) });
  const startsAt = new Date(Date.now() + 20 * 86_400_000);
  for (let i = 0; i < cells; i += 1000) await db.meeting.createMany({ data: cellIds.slice(i, i + 1000).map((cellId) => ({ id: `m${cellId}`, cellId, kind: "dinh_ky", startsAt, createdById: founder })) });
  log(`${kind}: seeded ${members} members in ${cells} cells under ${committees} committees in ${seconds(started)} s`);
}

/**
 * What the roll-up reads, as bench:rollup seeds it but portable (parameters, no date functions):
 * the regular meeting on the 5th at 19:30 of each month, held (attendance recorded) except in one
 * cell in twenty in November; under 90 minutes in one cell in ten; documents in one cell in three,
 * announced to every member 3 days ahead (3 hours in one cell in six). Absent without a valid
 * reason in about 4% of member-months, excused in 5%; one member in 89 misses every month, one in
 * 97 the last two. Two rounds per cell: one closed in November, one open until 20 December; every
 * fifth member has not started in one cell in ten.
 */
async function seedRollup(db: Db, kind: string) {
  const started = performance.now();
  const founder = "p00000000";
  const recordedAt = rollupNow;
  const meetings = Array.from({ length: cells }, (_, c) =>
    heldMonths.map((m) => regularMeeting({ id: `h${cellIdOf(c)}-${pad(m, 2)}`, cellId: cellIdOf(c), c, month: m, held: !(m === rollupMonth.month && c % 20 === 7), createdById: founder })),
  ).flat();
  for (let i = 0; i < meetings.length; i += 1000) await db.meeting.createMany({ data: meetings.slice(i, i + 1000) });
  const p = sql`CAST(substr(ms.person_id, 2) AS INTEGER)`;
  const c = sql`CAST(substr(m.cell_id, 2) AS INTEGER)`;
  await db.$executeRaw`
    INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id, recorded_at)
    SELECT a.meeting_id, a.person_id,
      CASE WHEN a.p % 89 = 7 THEN 'absent'
           WHEN a.p % 97 = 5 AND a.mon >= ${rollupMonth.month - 1} THEN 'absent'
           WHEN (a.p * 7 + a.mon * 13) % 100 < 4 THEN 'absent'
           WHEN (a.p * 7 + a.mon * 13) % 100 < 9 THEN 'excused'
           ELSE 'present' END,
      ${founder}, ${recordedAt}
    FROM (SELECT m.id AS meeting_id, ms.person_id, ${p} AS p, CAST(substr(m.occurrence, 6) AS INTEGER) AS mon
          FROM meeting m JOIN membership ms ON ms.cell_id = m.cell_id
          WHERE m.attendance_recorded_at IS NOT NULL) a`;
  for (const m of heldMonths) {
    const startsAt = local(`2026-${pad(m, 2)}-05 19:30`).getTime();
    for (const [late, at] of [
      [sql`${c} % 6 = 0`, new Date(startsAt - 3 * 3_600_000)],
      [sql`${c} % 6 <> 0`, new Date(startsAt - 3 * 86_400_000)],
    ] as const) {
      await db.$executeRaw`
        INSERT INTO outbox_message (id, key, kind, person_id, cell_id, subject_id, payload, due_at, status, sent_at, created_at)
        SELECT 'ma:' || m.id || ':' || ms.person_id, 'ma:' || m.id || ':' || ms.person_id, 'meeting-announce', ms.person_id, m.cell_id, m.id, '{}', ${at}, 'sent', ${at}, ${at}
        FROM meeting m JOIN membership ms ON ms.cell_id = m.cell_id
        WHERE m.occurrence = ${`2026-${pad(m, 2)}`} AND m.documents <> '[]' AND ${late}`;
    }
  }
  // The open round was opened by the committee for all its cells.
  await db.committeeRound.createMany({
    data: Array.from({ length: committees }, (_, k) => ({ id: `kr${pad(k, 3)}`, committeeId: committeeIdOf(k), templateId: "tu-kiem-tra", title: "Kiểm điểm cuối năm", deadline: local("2026-12-20 17:00"), createdById: founder, createdAt: local("2026-11-25 08:00") })),
  });
  const rounds = Array.from({ length: cells }, (_, i) => [
    { id: `r${cellIdOf(i)}-1`, cellId: cellIdOf(i), title: "Tự kiểm tra quý IV", deadline: local("2026-11-20 17:00"), createdAt: local("2026-11-01 08:00"), status: "closed", closedAt: local("2026-11-21 08:00"), committeeRoundId: null },
    { id: `r${cellIdOf(i)}-2`, cellId: cellIdOf(i), title: "Kiểm điểm cuối năm", deadline: local("2026-12-20 17:00"), createdAt: local("2026-11-25 08:00"), status: "open", closedAt: null, committeeRoundId: `kr${pad(Math.floor(i / cellsPerCommittee), 3)}` },
  ]).flat();
  for (let i = 0; i < rounds.length; i += 1000) await db.reportRound.createMany({ data: rounds.slice(i, i + 1000).map((r) => ({ ...r, templateId: "tu-kiem-tra", createdById: founder })) });
  const rc = sql`CAST(substr(r.cell_id, 2) AS INTEGER)`;
  await db.$executeRaw`
    INSERT INTO report_draft (id, round_id, person_id, status, created_at, updated_at)
    SELECT r.id || ':' || ms.person_id, r.id, ms.person_id,
      CASE WHEN ${rc} % 10 = 4 AND ${p} % 5 = 0 THEN 'not_started'
           WHEN r.status = 'open' AND ${p} % 3 = 0 THEN 'drafting'
           WHEN ${p} % 7 = 1 THEN 'submitted' WHEN ${p} % 7 = 2 THEN 'returned' ELSE 'accepted' END,
      ${recordedAt}, ${recordedAt}
    FROM report_round r JOIN membership ms ON ms.cell_id = r.cell_id`;
  // Autovacuum analyses tables this changed within a minute; the measurement starts from there.
  if (kindOf(db) === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  const counts = { meetings: meetings.length, attendance: await db.attendance.count(), drafts: await db.reportDraft.count(), announcements: await db.outboxMessage.count({ where: { kind: "meeting-announce" } }) };
  log(`${kind}: seeded the roll-up's ${rollupMonths} months: ${counts.meetings} meetings, ${counts.attendance} attendance rows, ${counts.announcements} announcements, ${rounds.length} rounds, ${counts.drafts} drafts in ${seconds(started)} s`);
}

async function seed(kind: string, url: string) {
  await migrateDatabase(url);
  const db = await createDb(url);
  try {
    await seedMembers(db, kind);
    await seedRollup(db, kind);
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring (child process "measure", started after the seed, with --expose-gc).

type MemoryPart = "rss" | "heapUsed" | "external" | "arrayBuffers";
const memoryParts: MemoryPart[] = ["rss", "heapUsed", "external", "arrayBuffers"];
const memory = (): Record<MemoryPart, number> => {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
};
const showMemory = (m: Record<MemoryPart, number>) => memoryParts.map((k) => `${k} ${mib(m[k])}`).join(", ");

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
  // As autovacuum would after millions of new rows (and it does not, after the planning's 300,000).
  if (kind === "postgresql") await db.$executeRawUnsafe("ANALYZE outbox_message");
  log(`${kind}: outbox filled to ${existing + missing} rows in ${seconds(started)} s`);
}

async function measurePlanning(db: Db, kind: string) {
  const cellIds = (await db.cell.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  // The baseline is what stays: a full collection first (the measuring process runs with --expose-gc).
  global.gc?.();
  const before = memory();
  const peak = { ...before };
  const note = () => {
    const now = memory();
    for (const k of memoryParts) peak[k] = Math.max(peak[k], now[k]);
  };
  const sample = setInterval(note, 20);
  const now = new Date();
  const started = performance.now();
  let planned = 0;
  for (const cellId of cellIds) {
    planned += await db.$transaction((tx) => planMeeting(tx, `m${cellId}`, now));
    note();
  }
  const planningMs = performance.now() - started;
  clearInterval(sample);
  const after = memory();
  global.gc?.();
  const collected = memory();
  const grew = (k: MemoryPart) => mib(peak[k] - before[k]);
  log(`${kind}: planned ${planned} rows for ${cellIds.length} meetings in ${(planningMs / 1000).toFixed(2)} s (${((planningMs / members) * 10_000).toFixed(0)} ms per 10,000 members)`);
  log(`${kind}: memory (MiB) before planning: ${showMemory(before)}; peak while planning: ${showMemory(peak)}; after: ${showMemory(after)}; after a full GC: ${showMemory(collected)}`);
  log(`${kind}: RSS while planning +${grew("rss")} MiB (heap used +${grew("heapUsed")}, external +${grew("external")}, array buffers +${grew("arrayBuffers")})`);
  return {
    plannedRows: planned,
    planningMs: Math.round(planningMs),
    planningMsPer10k: Math.round((planningMs / members) * 10_000),
    baselineRssMiB: mib(before.rss),
    planningRssMiB: grew("rss"),
    planningHeapUsedMiB: grew("heapUsed"),
    planningExternalMiB: grew("external"),
    planningArrayBuffersMiB: grew("arrayBuffers"),
    afterPlanningGcRssMiB: mib(collected.rss),
  };
}

async function measureDueScan(db: Db, kind: string) {
  // The scheduler's query: the next due rows, by the (status, due_at) index.
  const until = new Date(Date.now() + 21 * 86_400_000);
  const scanMs = await median(() => db.outboxMessage.findMany({ where: { status: "pending", dueAt: { lte: until } }, orderBy: { dueAt: "asc" }, take: 20, select: { id: true } }));
  log(`${kind}: due scan in an outbox of ${outboxRows} rows: ${scanMs.toFixed(2)} ms (p50)`);
  return { outboxRows, dueScanMs: Math.round(scanMs * 100) / 100 };
}

const describe = (s: RollupSummary) =>
  `held ${s.held}/${s.cells}, present ${s.attendance.present}, excused ${s.attendance.excused}, absent ${s.attendance.absent}, short ${s.short}, documents late ${s.documentsLate}, ` +
  `members at 3 months ${s.removal}, at 2 ${s.warning}, cells to nudge ${s.nudges.length}`;

async function measureRollup(db: Db, kind: string) {
  const ids = (await db.committee.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  const query = (committeeId: string) => ({ committeeId, timeZone, month: rollupMonth, now: rollupNow });
  const one = await timed(() => rollupSummary(db, query(ids[0]!)));
  log(`${kind}: roll-up 2026-11 of committee ${ids[0]}: ${describe(one.value.summary)}`);
  const oneMs = await median(() => rollupSummary(db, query(ids[0]!)));
  const everyCommittee = async () => {
    const out = [];
    for (const id of ids) out.push((await rollupSummary(db, query(id))).summary);
    return out;
  };
  const all = await timed(everyCommittee);
  const allMs = await median(everyCommittee);
  const held = all.value.reduce((n, s) => n + s.held, 0);
  const total = all.value.reduce((n, s) => n + s.cells, 0);
  log(`${kind}: roll-up of one committee (${one.value.summary.cells} cells): first ${ms(one.ms)} ms, median ${ms(oneMs)} ms; of all ${ids.length} committees (${total} cells, ${held} held) one after another: first ${ms(all.ms)} ms, median ${ms(allMs)} ms`);
  return { committees: ids.length, committeeCells: one.value.summary.cells, rollupMonths, rollupOneFirstMs: ms(one.ms), rollupOneMedianMs: ms(oneMs), rollupAllFirstMs: ms(all.ms), rollupAllMedianMs: ms(allMs), rollupHeld: held };
}

async function measure(kind: string, url: string) {
  const db = await createDb(url);
  try {
    const planning = await measurePlanning(db, kind);
    await fillOutbox(db, kind);
    const scan = await measureDueScan(db, kind);
    const rollup = await measureRollup(db, kind);
    const counts = { attendanceRows: await db.attendance.count(), draftRows: await db.reportDraft.count() };
    return { database: kind, members, cells, ...planning, ...scan, ...rollup, ...counts };
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// The run: per database, a fresh database, a child that seeds it and a child that measures it.

const resultPrefix = "RESULT ";

/** Runs this file in a child process; its lines are printed as they come, its result returned. */
function child(args: string[], nodeFlags: string[] = []): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeFlags, "--import", "tsx", fileURLToPath(import.meta.url), ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let result: unknown;
    createInterface({ input: proc.stdout }).on("line", (line) => {
      if (line.startsWith(resultPrefix)) result = JSON.parse(line.slice(resultPrefix.length));
      else log(line);
    });
    proc.on("error", reject);
    proc.on("close", (code) => (code === 0 ? resolve(result) : reject(new Error(`bench:scale ${args[0]} (${args[1]}) exited with ${code}`))));
  });
}

async function run(kind: string, url: string) {
  await child(["seed", kind, url]);
  return child(["measure", kind, url], ["--expose-gc"]);
}

async function main() {
  const results = [];
  for (const kind of databases) {
    if (kind === "sqlite") {
      const path = join(tmpdir(), `chibo-scale-${randomUUID()}.db`);
      try {
        results.push(await run("sqlite", `file:${path}`));
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
        results.push(await run("postgresql", url.toString()));
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  }
  log(JSON.stringify({ bench: "scale", results }));
}

const [mode, kind, url] = process.argv.slice(2);
if (mode === "seed" && kind && url) await seed(kind, url);
else if (mode === "measure" && kind && url) log(resultPrefix + JSON.stringify(await measure(kind, url)));
else await main();
