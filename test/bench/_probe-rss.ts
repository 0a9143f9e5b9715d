import { randomUUID } from "node:crypto";
import pg from "pg";
import { planMeeting } from "../../bot/core/features/meetings/planning.ts";
import { createDb, migrateDatabase, type Db } from "../../bot/db/client.ts";

const members = Number(process.env.BENCH_MEMBERS ?? 100_000);
const cells = Number(process.env.BENCH_CELLS ?? 2_000);
const kind = process.env.KIND ?? "postgresql";
const log = (line: string) => process.stdout.write(`${line}\n`);
const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const mem = () => { const m = process.memoryUsage(); return { rss: mib(m.rss), heapTotal: mib(m.heapTotal), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) }; };

async function seed(db: Db) {
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
  return cellIds;
}

async function run(url: string) {
  await migrateDatabase(url);
  log(`after migrate ${JSON.stringify(mem())}`);
  const db = await createDb(url);
  try {
    await db.cell.count();
    log(`after first query ${JSON.stringify(mem())}`);
    const cellIds = process.env.SKIP_SEED ? [] : await seed(db);
    log(`after seed ${JSON.stringify(mem())}`);
    if (process.env.GC) { global.gc?.(); await new Promise((r) => setTimeout(r, 100)); global.gc?.(); log(`after gc ${JSON.stringify(mem())}`);
      await db.cell.count(); global.gc?.(); log(`after a query + gc ${JSON.stringify(mem())}`);
      await new Promise((r) => setTimeout(r, 2000)); global.gc?.(); log(`after 2 s + gc ${JSON.stringify(mem())}`);
      await db.$transaction((tx) => tx.cell.count()); global.gc?.(); log(`after a tx + gc ${JSON.stringify(mem())}`);
      if (process.env.SNAP) { const { writeHeapSnapshot } = await import("node:v8"); log(writeHeapSnapshot("/tmp/probe.heapsnapshot")); }
    }
    const now = new Date();
    const t = performance.now();
    let planned = 0;
    const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
    const sample = setInterval(() => { const m = mem(); for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], m[k]); }, 20);
    let n = 0;
    for (const cellId of cellIds.slice(0, Number(process.env.PLAN_CELLS ?? cells))) {
      planned += await db.$transaction((tx) => planMeeting(tx, `m${cellId}`, now));
      if (++n % 250 === 0) { log(`${n} ${JSON.stringify(mem())}`); if (process.env.MIDGC) { global.gc?.(); log(`  gc ${JSON.stringify(mem())}`); } }
    }
    clearInterval(sample);
    log(`planned ${planned} in ${((performance.now() - t) / 1000).toFixed(1)} s; peak ${JSON.stringify(peak)}`);
    log(`after ${JSON.stringify(mem())}`);
    global.gc?.();
    log(`after gc ${JSON.stringify(mem())}`);
  } finally {
    await db.$disconnect();
  }
}

if (kind === "sqlite") {
  await run(`file:/tmp/probe-${randomUUID()}.db`);
} else {
  const adminUrl = "postgresql://postgres@127.0.0.1:5432/test";
  const name = `chibo_probe_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl); url.pathname = `/${name}`;
  try { await run(url.toString()); } finally { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); }
}
