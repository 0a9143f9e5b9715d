/**
 * bench:reminders — one reminder round to 10,000 members in 500 cells, through the real outbox
 * job, the real Telegram messenger (grammY with its throttler and auto-retry) and a fake Bot API on
 * loopback that enforces an overall rate limit and answers 429 beyond it. Then the time to find due
 * rows in an outbox of 1,000,000 rows. Prints figures; the last line is one JSON object.
 *
 *   npm run bench:reminders                 # limit 300 msg/s (BENCH_LIMIT), 500 cells × 20 members
 *   BENCH_LIMIT=30 npm run bench:reminders  # Telegram's real overall limit: about 6 minutes
 *   BENCH_PARALLEL=8 npm run bench:reminders # eight messages in flight (OUTBOX_PARALLEL_SENDS)
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { createCore } from "../../bot/core/kernel/app.ts";
import { meetingsFeature } from "../../bot/core/features/meetings/index.ts";
import { planMeeting } from "../../bot/core/features/meetings/planning.ts";
import { createDb, migrateDatabase } from "../../bot/db/client.ts";
import { createI18n } from "../../bot/i18n/index.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { createTelegramMessenger } from "../../bot/telegram/messenger.ts";
import { runOutbox } from "../../bot/core/delivery/dispatch.ts";
import { createPacer } from "../../bot/lib/pacer.ts";
import { type CoreDeps } from "../../bot/core/deps.ts";
import { membershipFeature } from "../../bot/core/features/membership/index.ts";

const limit = Number(process.env.BENCH_LIMIT ?? 300);
const cells = Number(process.env.BENCH_CELLS ?? 500);
const perCell = Number(process.env.BENCH_MEMBERS ?? 20);
const outboxRows = Number(process.env.BENCH_OUTBOX_ROWS ?? 1_000_000);
/** Messages in flight at once: the product's default is one (at most one duplicate per crash). */
const parallel = Number(process.env.BENCH_PARALLEL ?? 1);
const token = "123456789:AAH-bench-token-abcdefghijklmnopqrstu";
const log = (line: string) => process.stdout.write(`${line}\n`);

/** A Bot API that accepts `limit` sendMessage calls in any sliding second and answers 429 beyond. */
async function startFakeBotApi() {
  const window: number[] = [];
  const received = new Map<string, number>();
  let rejected = 0;
  let messageId = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? "";
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { chat_id?: number | string; text?: string };
      res.setHeader("content-type", "application/json");
      if (method !== "sendMessage") return void res.end(JSON.stringify({ ok: true, result: true }));
      const now = performance.now();
      while (window.length && now - window[0]! >= 1000) window.shift();
      if (window.length >= limit) {
        rejected++;
        res.statusCode = 429;
        return void res.end(JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }));
      }
      window.push(now);
      const key = String(body.chat_id);
      received.set(key, (received.get(key) ?? 0) + 1);
      res.end(JSON.stringify({ ok: true, result: { message_id: messageId++, date: 0, chat: { id: Number(body.chat_id), type: "private" }, text: body.text } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, received, rejected: () => rejected, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function seed(deps: CoreDeps, startsAt: Date) {
  const { db } = deps;
  const now = deps.now();
  const persons = [];
  for (let c = 0; c < cells; c++) {
    const cellId = `cell${c}`;
    await db.cell.create({ data: { id: cellId, name: `Chi bộ ${c}` } });
    const rows = Array.from({ length: perCell }, (_, i) => ({ id: `p${c}-${i}`, fullName: `Đảng viên ${c}-${i}`, partyStatus: "official", category: "huu_tri" }));
    persons.push(...rows);
    await db.person.createMany({ data: rows });
    await db.identity.createMany({ data: rows.map((p, i) => ({ personId: p.id, platform: "telegram", userId: String(1_000_000 + c * perCell + i), chatId: String(1_000_000 + c * perCell + i) })) });
    await db.membership.createMany({ data: rows.map((p, i) => ({ cellId, personId: p.id, status: "active", role: i === 0 ? "secretary" : "member" })) });
    const meeting = await db.meeting.create({ data: { cellId, kind: "dinh_ky", startsAt, place: "Nhà văn hóa", createdById: rows[0]!.id } });
    await planMeeting(db, meeting.id, now);
  }
  return persons.length;
}

/** The dispatcher's own due query, timed on an outbox of `rows` rows of which only a few are due. */
async function dueScan(rows: number): Promise<{ ms: number; due: number }> {
  const path = join(tmpdir(), `chibo-bench-outbox-${randomUUID()}.db`);
  await migrateDatabase(`file:${path}`);
  const raw = new Database(path);
  const insert = raw.prepare("INSERT INTO outbox_message (id, key, kind, person_id, payload, due_at, status, attempts, created_at) VALUES (?, ?, 'meeting-reminder', 'p', '{}', ?, ?, 0, ?)");
  const now = Date.UTC(2026, 11, 1);
  const created = new Date(now).toISOString();
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) {
      // 60% already sent, 39.99% pending in the future, 0.01% due now.
      const r = i % 10_000;
      const status = r < 6000 ? "sent" : "pending";
      const due = r === 9999 ? now - 60_000 : status === "sent" ? now - (i % 1000) * 60_000 : now + (1 + (i % 5000)) * 60_000;
      // Stored as Prisma stores DateTime on SQLite: ISO text.
      insert.run(`o${i}`, `k${i}`, new Date(due).toISOString(), status, created);
    }
  })();
  raw.pragma("journal_mode = WAL");
  raw.exec("ANALYZE");
  raw.close();
  const db = await createDb(`file:${path}`);
  const query = () => db.outboxMessage.findMany({ where: { status: "pending", dueAt: { lte: new Date(now) } }, orderBy: { dueAt: "asc" }, take: 500, select: { id: true } });
  await query(); // warm up
  const times: number[] = [];
  let due = 0;
  for (let i = 0; i < 25; i++) {
    const t0 = performance.now();
    due = (await query()).length;
    times.push(performance.now() - t0);
  }
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, due };
}

async function main() {
  const api = await startFakeBotApi();
  const dbPath = join(tmpdir(), `chibo-bench-${randomUUID()}.db`);
  await migrateDatabase(`file:${dbPath}`);
  const db = await createDb(`file:${dbPath}`);
  const clock = { now: new Date("2026-11-30T02:00:00Z") };
  const bot = createTelegramBot({ token, apiRoot: api.url, globalRate: limit, botInfo: { id: 1, is_bot: true, first_name: "Bench", username: "bench_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } });
  const deps: CoreDeps = {
    db,
    i18n: createI18n(join(import.meta.dirname, "../../locales")),
    logger: pino({ level: "silent" }),
    messengers: new Map([["telegram", createTelegramMessenger(bot.api, "bench_bot")]]),
    now: () => clock.now,
    settings: { defaultLocale: "vi", defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 30 },
  };
  const core = createCore(deps, [meetingsFeature, membershipFeature]);
  const startsAt = new Date("2026-12-05T12:30:00Z");
  log(`seeding ${cells} cells × ${perCell} members …`);
  const members = await seed(deps, startsAt);
  // The 3-day reminder round is due at 2/12 12:30Z.
  const due = new Date(startsAt.getTime() - 3 * 86_400_000);
  const expected = await db.outboxMessage.count({ where: { kind: "meeting-reminder", dueAt: due } });
  log(`fan-out of ${expected} reminders at an enforced limit of ${limit} msg/s …`);
  const t0 = performance.now();
  const summary = await runOutbox(
    { core: deps, renderers: core.outboxRenderers(), pacers: new Map([["telegram", createPacer(limit * 0.95)]]), workerId: "bench" },
    { now: due, concurrency: parallel },
  );
  const seconds = (performance.now() - t0) / 1000;
  const unique = api.received.size;
  const duplicates = [...api.received.values()].reduce((n, c) => n + (c - 1), 0);
  const lost = expected - unique;
  const achieved = unique / seconds;
  log(`sent ${summary.sent} in ${seconds.toFixed(1)} s: ${achieved.toFixed(1)} msg/s = ${((achieved / limit) * 100).toFixed(1)}% of the limit; 429s: ${api.rejected()}; duplicates: ${duplicates}; lost: ${lost}`);
  await db.$disconnect();
  await api.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });

  log(`due-row scan, outbox of ${outboxRows / 10} rows …`);
  const small = await dueScan(outboxRows / 10);
  log(`  ${small.ms.toFixed(2)} ms (p50), ${small.due} due`);
  log(`due-row scan, outbox of ${outboxRows} rows …`);
  const big = await dueScan(outboxRows);
  log(`  ${big.ms.toFixed(2)} ms (p50), ${big.due} due`);
  log(
    JSON.stringify({
      members,
      limitPerSec: limit,
      parallelSends: parallel,
      achievedFraction: Number((achieved / limit).toFixed(3)),
      rate429: api.rejected(),
      duplicates,
      lost,
      dueScanMs: Number(big.ms.toFixed(2)),
      dueScanMsAt100k: Number(small.ms.toFixed(2)),
    }),
  );
}

await main();
