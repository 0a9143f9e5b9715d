/**
 * bench:audience — how memory and time grow with the size of one cell, when the bot plans and
 * sends one meeting's reminders. Measured through the real compiled bot process (dist/main.js, run
 * with `npm start`'s command line) in Telegram webhook mode, against a fake Bot API on loopback
 * that answers everything at once and enforces no rate limit.
 *
 * For each audience size N (BENCH_SIZES):
 *  1. A new SQLite database, migrated, seeded in one transaction: one cell (one reminder offset,
 *     120 min; the secretary's summary at 120 min too; no quiet hours), its secretary, N active
 *     members, one meeting with nothing planned yet, and one pending join request.
 *  2. The compiled bot starts; its resident memory (VmRSS) is sampled every 25 ms until it exits.
 *     Idle RSS: the median over the last second of BENCH_IDLE_MS (3 s) after /readyz says ok.
 *  3. The secretary presses «Duyệt» on the join request (a callback_query posted to the webhook,
 *     its data made by the membership feature's own button declaration). Approval re-plans the
 *     cell's meetings. Planning time: from posting the update until the outbox holds a reminder
 *     for every invited member (N members, the secretary, the newcomer), read from the database
 *     file every 10 ms.
 *  4. The reminders fall due at the scheduler's next minute tick at least BENCH_LEAD_S (20 s, plus
 *     1 s per 2,000 members) after the approval: the meeting's start is set just before the press,
 *     as the bot reads it only when it plans. The fan-out runs until every invited member got one
 *     reminder and the secretary the summary (or a timeout scaled with N: BENCH_MIN_RATE msg/s).
 *     msg/s = reminders / (last reminder − first reminder). Peak RSS above idle: over planning
 *     and fan-out (the wait for the tick included).
 *
 * The bot runs with TELEGRAM_SEND_RATE=1000 and TELEGRAM_RATE_LIMIT=2000, so the fan-out shows the
 * bot's own cost per message, not Telegram's limit. Each size takes about a minute (the scheduler
 * ticks once a minute) plus its fan-out.
 *
 *   npm run bench:audience                     # 5,000 and 20,000 members
 *   BENCH_SIZES=500 npm run bench:audience     # quick look
 *   BENCH_MIN_RATE=10 npm run bench:audience   # wait longer for a slow fan-out before giving up
 *   BENCH_NODE_FLAGS=--trace-gc BENCH_BOT_LOG=/tmp/bot.log npm run bench:audience
 *                                              # extra node flags for the bot; its output to a file
 *
 * Prints figures; the last line of stdout is one JSON object with every figure of every size.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { buttons as meetingButtons } from "../../bot/core/features/meetings/buttons.ts";
import { meetingOutboxKinds } from "../../bot/core/features/meetings/model.ts";
import { buttons as membershipButtons } from "../../bot/core/features/membership/buttons.ts";
import { migrateDatabase } from "../../bot/db/client.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sizes = (process.env.BENCH_SIZES ?? "5000,20000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const idleMs = Number(process.env.BENCH_IDLE_MS ?? 3000);
const leadMs = Number(process.env.BENCH_LEAD_S ?? 20) * 1000;
/** The fan-out is given up (partial figures) when slower than this on average, or silent for 60 s. */
const minRate = Number(process.env.BENCH_MIN_RATE ?? 25);
const sampleEveryMs = 25;
const pollEveryMs = 10;
const token = "123456789:AAH-chibo-bench-token-abcdefghijklmnop";
const webhookSecret = "bench-webhook-secret-0123456789";
const webhookUrl = "https://bot.example.org/telegram/hook";
/** What `npm start` runs once the build is done: `node <flags> dist/main.js`, read from package.json. */
/** `npm start`'s command line; BENCH_NODE_FLAGS (e.g. "--trace-gc") go in front of the script. */
const startArgs = ((command) => [...command.slice(0, -1), ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []), command.at(-1)!])(
  (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/).slice(1),
);
const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mib = (kib: number) => Number((kib / 1024).toFixed(1));
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

// ---------------------------------------------------------------------------------------------
// Seeding

const familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const middleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân"];
const givenNames = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến"];
const vietnameseName = (i: number) => `${familyNames[i % familyNames.length]} ${middleNames[Math.floor(i / 16) % middleNames.length]} ${givenNames[Math.floor(i / 160) % givenNames.length]}`;

/** DateTime as Prisma's better-sqlite3 adapter writes it (ISO 8601, "+00:00"): rows compare as text. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const pad = (i: number) => String(i).padStart(8, "0");

interface Seeded {
  cellId: string;
  meetingId: string;
  secretary: { personId: string; userId: number };
  pending: { membershipId: string; personId: string; userId: number };
  /** Chats that must each get one reminder: the N members, the secretary and the newcomer. */
  invitedChats: Set<string>;
}

/** One cell of `members` active members, its secretary, a meeting with nothing planned, a pending request. */
function seed(path: string, members: number): Seeded {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  const now = sqlDate(new Date());
  const cellId = "cellbench0001";
  const meetingId = "mtgbench0001";
  const secretary = { personId: "pesecretary1", userId: 100 };
  const pending = { membershipId: "mbpending001", personId: "pepending001", userId: 200 };
  const invitedChats = new Set<string>([String(secretary.userId), String(pending.userId)]);
  const person = db.prepare("INSERT INTO person (id, full_name, party_status, category, locale, active_cell_id, created_at, updated_at) VALUES (?, ?, 'official', 'huu_tri', 'vi', ?, ?, ?)");
  const identity = db.prepare("INSERT INTO identity (id, person_id, platform, user_id, chat_id, created_at) VALUES (?, ?, 'telegram', ?, ?, ?)");
  const membership = db.prepare("INSERT INTO membership (id, cell_id, person_id, status, role, requested_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    db.prepare("INSERT INTO cell (id, name, time_zone, created_at, reminder_offsets, summary_offset, quiet_start, quiet_end) VALUES (?, 'Chi bộ Khu phố 3', 'Asia/Ho_Chi_Minh', ?, '[120]', 120, '00:00', '00:00')").run(cellId, now);
    person.run(secretary.personId, "Trần Thị Bí Thư", cellId, now, now);
    identity.run("idsecretary1", secretary.personId, String(secretary.userId), String(secretary.userId), now);
    membership.run("mbsecretary1", cellId, secretary.personId, "active", "secretary", now, now);
    for (let i = 0; i < members; i++) {
      const chat = String(1_000_000 + i);
      person.run(`pe${pad(i)}`, vietnameseName(i), cellId, now, now);
      identity.run(`id${pad(i)}`, `pe${pad(i)}`, chat, chat, now);
      membership.run(`mb${pad(i)}`, cellId, `pe${pad(i)}`, "active", "member", now, now);
      invitedChats.add(chat);
    }
    person.run(pending.personId, "Lê Văn Mới", null, now, now);
    identity.run("idpending001", pending.personId, String(pending.userId), String(pending.userId), now);
    membership.run(pending.membershipId, cellId, pending.personId, "pending", "member", now, null);
    // Its start is set just before the approval (see retime); until then it is a week away.
    db.prepare("INSERT INTO meeting (id, cell_id, kind, starts_at, place, status, version, created_by_id, created_at, updated_at) VALUES (?, ?, 'dinh_ky', ?, 'Nhà văn hóa khu phố 3', 'scheduled', 1, ?, ?, ?)").run(
      meetingId,
      cellId,
      sqlDate(new Date(Date.now() + 7 * 86_400_000)),
      secretary.personId,
      now,
      now,
    );
  })();
  db.close();
  return { cellId, meetingId, secretary, pending, invitedChats };
}

/** Moves the meeting so that its 120-minute reminder falls due 1 s before a minute tick, at least `lead` ms from now. */
function retime(path: string, meetingId: string, lead: number): Date {
  const dueAt = new Date(Math.ceil((Date.now() + lead + 1000) / 60_000) * 60_000 - 1000);
  const db = new Database(path);
  db.prepare("UPDATE meeting SET starts_at = ? WHERE id = ?").run(sqlDate(new Date(dueAt.getTime() + 120 * 60_000)), meetingId);
  db.close();
  return dueAt;
}

// ---------------------------------------------------------------------------------------------
// The fake Bot API

const botInfo = { id: 1, is_bot: true, first_name: "Chi bộ", username: "chibo_bench_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };

interface SecretaryMessage {
  at: number;
  text: string;
  buttons: string[];
}

/**
 * Answers ok to every call at once. Counts each sendMessage that carries the meeting's «attend»
 * button (a reminder) per chat, with the time of the first and last; keeps every message to the
 * secretary (approval notices, the summary); notes the time of every message.
 */
async function startFakeBotApi(meetingId: string, secretaryChat: string) {
  const reminderButton = meetingButtons.attend.data({ meetingId });
  const summaryButton = meetingButtons.proxyList.data({ meetingId });
  const reminders = new Map<string, number>();
  const secretary: SecretaryMessage[] = [];
  const reminderTimes = { first: 0, last: 0 };
  const sendTimes: number[] = [];
  let others = 0;
  let messageId = 0;
  const answer = (res: ServerResponse, result: unknown): void => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1] ?? "";
      if (method === "getMe") return answer(res, botInfo);
      if (method === "getUpdates") return void setTimeout(() => answer(res, []), 500);
      if (method !== "sendMessage") return answer(res, true);
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id?: number | string; text?: string; reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } };
      const chat = String(body.chat_id);
      const text = body.text ?? "";
      const buttons = (body.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
      sendTimes.push(at);
      if (buttons.includes(reminderButton)) {
        reminders.set(chat, (reminders.get(chat) ?? 0) + 1);
        if (reminderTimes.first === 0) reminderTimes.first = at;
        reminderTimes.last = at;
      } else if (chat === secretaryChat) {
        secretary.push({ at, text, buttons });
      } else {
        others++;
      }
      answer(res, { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: "private" }, text });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));

  /**
   * The summary, once its last part (the one with its button) is out: that part and the messages
   * without buttons the secretary got since `since` (the approval's notices come before it).
   */
  function summary(since: number): { chars: number; parts: number } | null {
    if (!secretary.some((m) => m.buttons.includes(summaryButton))) return null;
    const parts = secretary.filter((m) => m.at >= since && (m.buttons.length === 0 || m.buttons.includes(summaryButton)));
    return { chars: parts.reduce((n, m) => n + m.text.length, 0), parts: parts.length };
  }

  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reminders,
    reminderTimes,
    sendTimes,
    secretary,
    summary,
    others: () => others,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The bot process and its memory

const freePort = () =>
  new Promise<number>((r) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => r(port));
    });
  });

type Phase = "start" | "idle" | "planning" | "fanout" | "stop";

/** VmRSS of `pid` every 25 ms, each sample tagged with the phase the bench is in. */
function sampleRss(pid: number) {
  const samples: { at: number; kib: number; phase: Phase }[] = [];
  let phase: Phase = "start";
  const timer = setInterval(() => {
    try {
      const kib = Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
      if (kib > 0) samples.push({ at: performance.now(), kib, phase });
    } catch {
      clearInterval(timer); // the process is gone
    }
  }, sampleEveryMs);
  return {
    setPhase: (p: Phase) => (phase = p),
    stop: () => clearInterval(timer),
    /** Median of the samples of the last `ms` milliseconds. */
    recentMedianKib(ms: number): number {
      const since = performance.now() - ms;
      const values = samples.filter((s) => s.at >= since).map((s) => s.kib).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] ?? 0;
    },
    peakKib: (...phases: Phase[]) => samples.filter((s) => phases.includes(s.phase)).reduce((max, s) => Math.max(max, s.kib), 0),
    count: () => samples.length,
  };
}

function spawnBot(env: Record<string, string>) {
  const child = spawn(process.execPath, startArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  /** Log lines of warn and above (LOG_LEVEL=warn), and whatever else the process printed. */
  const output: string[] = [];
  // BENCH_BOT_LOG=<file>: everything the bot printed, for a closer look (e.g. with NODE_OPTIONS=--trace-gc).
  const collect = (c: Buffer) => {
    if (process.env.BENCH_BOT_LOG) appendFileSync(process.env.BENCH_BOT_LOG, c);
    output.push(...c.toString("utf8").split("\n").filter((l) => l.trim() !== ""));
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((r) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      r(exitCode);
    }),
  );
  /** Errors (pino level 50 and 60) logged so far, shortened. */
  const errors = () => output.filter((l) => /"level":(50|60)/.test(l)).map(shortLine);
  return { child, output, errors, exited, running: () => exitCode === undefined };
}

async function stopBot(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), 30_000)))]);
  clearTimeout(timer);
  if (code !== "timeout") return code;
  child.kill("SIGKILL");
  return exited;
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs: number, alive: () => boolean = () => true): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    if (!alive()) return false;
    await sleep(everyMs);
  }
  return check();
}

/** A short form of a pino JSON line: level and message (and the error's message). */
function shortLine(line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } | string };
    const err = typeof entry.err === "string" ? entry.err : entry.err?.message;
    return `[${entry.level ?? "?"}] ${entry.msg ?? ""}${err ? `: ${err.replace(/\s+/g, " ").trim().slice(0, 300)}` : ""}`;
  } catch {
    return line.slice(0, 300);
  }
}

// ---------------------------------------------------------------------------------------------
// One audience size

interface SizeResult {
  members: number;
  reminders: number;
  idleRssMiB: number;
  peakRssAboveIdleMiB: number | null;
  planningPeakAboveIdleMiB: number | null;
  fanoutPeakAboveIdleMiB: number | null;
  webhookMs: number;
  planningMs: number | null;
  planningError: string | null;
  planningMsPer10k: number | null;
  sent: number;
  /** From the minute tick the reminders were due at to the first one arriving. */
  tickToFirstReminderMs: number | null;
  fanoutSeconds: number | null;
  msgPerSec: number | null;
  longestPauseMs: number | null;
  /** Seconds into the fan-out when it began. */
  longestPauseAtS: number | null;
  duplicates: number;
  lost: number;
  summaryChars: number | null;
  summaryParts: number | null;
  otherMessages: { secretary: number; others: number };
  outbox: Record<string, number>;
  timedOut: boolean;
  botErrors: number;
  exitCode: number | null;
  totalSeconds: number;
}

async function runSize(members: number): Promise<SizeResult> {
  const began = performance.now();
  const dbPath = join(tmpdir(), `chibo-bench-audience-${randomUUID()}.db`);
  const databaseUrl = `file:${dbPath}`;
  log(`\n== ${members.toLocaleString("en")} members ==`);
  await migrateDatabase(databaseUrl);
  const seeded = seed(dbPath, members);
  const expected = seeded.invitedChats.size;
  log(`seeded in ${((performance.now() - began) / 1000).toFixed(1)} s: ${members} members + the secretary + 1 pending request`);

  const api = await startFakeBotApi(seeded.meetingId, String(seeded.secretary.userId));
  const port = await freePort();
  const bot = spawnBot({
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_MODE: "webhook",
    TELEGRAM_WEBHOOK_URL: webhookUrl,
    TELEGRAM_WEBHOOK_SECRET: webhookSecret,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: String(port),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
    TELEGRAM_SEND_RATE: "1000",
    // The overall limit of the Bot API client (new; ignored by a bot that does not know it yet).
    TELEGRAM_RATE_LIMIT: "2000",
    ZALO_BOT_TOKEN: "",
    BACKUP_DIR: "",
  });
  const rss = sampleRss(bot.child.pid!);
  const reader = { db: null as Database.Database | null };
  let timedOut = false;
  let webhookMs = 0;
  let planningMs: number | null = null;
  let exitCode: number | null = null;
  try {
    const base = `http://127.0.0.1:${port}`;
    const ready = await waitUntil(
      async () => {
        const res = await fetch(`${base}/readyz`).catch(() => null);
        return res?.status === 200 && ((await res.json()) as { ok?: boolean }).ok === true;
      },
      60_000,
      50,
      bot.running,
    );
    if (!ready) throw new Error(`the bot did not become ready:\n${bot.output.slice(-20).join("\n")}`);
    rss.setPhase("idle");
    await sleep(idleMs);
    const idleKib = rss.recentMedianKib(Math.min(1000, idleMs));
    log(`ready; idle RSS ${mib(idleKib)} MiB`);

    // The reminders fall due at a minute tick at least the lead after the press.
    const dueAt = retime(dbPath, seeded.meetingId, leadMs + members / 2);
    reader.db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const count = reader.db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM outbox_message WHERE subject_id = ? AND kind = ?");
    const planned = () => count.get(seeded.meetingId, meetingOutboxKinds.reminder)!.n;

    rss.setPhase("planning");
    const press = {
      update_id: 700_000_001,
      callback_query: {
        id: "7000000001",
        from: { id: seeded.secretary.userId, is_bot: false, first_name: "Bí thư", language_code: "vi" },
        chat_instance: "-7000000001",
        data: membershipButtons.approve.data({ membershipId: seeded.pending.membershipId }),
        message: {
          message_id: 41,
          date: Math.floor(Date.now() / 1000) - 60,
          from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
          chat: { id: seeded.secretary.userId, type: "private", first_name: "Bí thư" },
          text: "Lê Văn Mới xin vào Chi bộ Khu phố 3.",
        },
      },
    };
    const t0 = performance.now();
    const res = await fetch(`${base}/telegram/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": webhookSecret }, body: JSON.stringify(press) });
    webhookMs = performance.now() - t0;
    const ack = await res.text();
    if (res.status !== 200) throw new Error(`the webhook answered ${res.status} ${ack}`);
    const planTimeoutMs = Math.max(30_000, dueAt.getTime() - Date.now() + 60_000);
    // Given up at once when the bot logs an error meanwhile (a failed re-planning is rolled back whole).
    const errorsBefore = bot.errors().length;
    const planningAlive = () => bot.running() && bot.errors().length === errorsBefore;
    if (await waitUntil(() => planned() >= expected, planTimeoutMs, pollEveryMs, planningAlive)) planningMs = performance.now() - t0;
    const planningError = planningMs === null ? (bot.errors()[errorsBefore] ?? (bot.running() ? "timed out" : "the bot exited")) : null;
    const plannedAt = performance.now();
    const plannedRows = planned();
    log(
      planningMs !== null
        ? `approval → ${plannedRows} reminders planned in ${planningMs.toFixed(0)} ms (webhook answered in ${webhookMs.toFixed(1)} ms); peak RSS ${mib(rss.peakKib("planning"))} MiB`
        : `planning failed: ${plannedRows} of ${expected} reminders after ${((plannedAt - t0) / 1000).toFixed(1)} s: ${planningError}`,
    );

    // The fan-out: until every invited member has a reminder and the secretary the summary.
    rss.setPhase("fanout");
    const fanoutTimeoutMs = Math.max(0, dueAt.getTime() - Date.now()) + 65_000 + (expected / minRate) * 1000;
    if (planningMs !== null) {
      log(`fan-out: reminders due at the tick in ${((dueAt.getTime() + 1000 - Date.now()) / 1000).toFixed(0)} s; giving up after ${(fanoutTimeoutMs / 1000).toFixed(0)} s or 60 s without a message`);
      const deadline = performance.now() + fanoutTimeoutMs;
      let done = false;
      while (performance.now() < deadline && bot.running()) {
        done = api.reminders.size >= expected && api.summary(plannedAt) !== null;
        if (done) break;
        const lastSend = api.sendTimes[api.sendTimes.length - 1] ?? 0;
        if (api.reminderTimes.first > 0 && performance.now() - lastSend > 60_000) break;
        await sleep(100);
      }
      timedOut = !done;
      // Anything that still comes (a duplicate) comes within a moment.
      await sleep(500);
    } else {
      timedOut = true;
    }
    rss.setPhase("stop");
    const outbox = Object.fromEntries(
      reader.db
        .prepare<[string], { status: string; n: number }>("SELECT status, count(*) AS n FROM outbox_message WHERE subject_id = ? GROUP BY status")
        .all(seeded.meetingId)
        .map((r) => [r.status, r.n]),
    );
    reader.db.close();
    reader.db = null;
    exitCode = await stopBot(bot.child, bot.exited);
    rss.stop();

    const counts = [...api.reminders.values()];
    const sent = api.reminders.size;
    const duplicates = counts.reduce((n, c) => n + c - 1, 0);
    const lost = [...seeded.invitedChats].filter((c) => !api.reminders.has(c)).length;
    const fanoutSeconds = sent > 1 ? (api.reminderTimes.last - api.reminderTimes.first) / 1000 : null;
    const msgPerSec = fanoutSeconds ? counts.reduce((n, c) => n + c, 0) / fanoutSeconds : null;
    // The longest silence of the Bot API during the fan-out (the summary sent meanwhile included), and when.
    let longestPauseMs: number | null = null;
    let longestPauseAtS: number | null = null;
    for (let i = 1; i < api.sendTimes.length; i++) {
      const at = api.sendTimes[i]!;
      const gap = at - api.sendTimes[i - 1]!;
      if (api.reminderTimes.first > 0 && at > api.reminderTimes.first && at <= api.reminderTimes.last + 60_000 && gap > (longestPauseMs ?? 0)) {
        longestPauseMs = gap;
        longestPauseAtS = (api.sendTimes[i - 1]! - api.reminderTimes.first) / 1000;
      }
    }
    const summary = api.summary(plannedAt);
    const tickToFirstReminderMs = api.reminderTimes.first > 0 ? performance.timeOrigin + api.reminderTimes.first - (dueAt.getTime() + 1000) : null;
    const above = (kib: number) => (kib > 0 ? mib(kib - idleKib) : null);
    const botErrors = bot.errors().length;
    const result: SizeResult = {
      members,
      reminders: expected,
      idleRssMiB: mib(idleKib),
      peakRssAboveIdleMiB: above(rss.peakKib("planning", "fanout")),
      planningPeakAboveIdleMiB: above(rss.peakKib("planning")),
      fanoutPeakAboveIdleMiB: above(rss.peakKib("fanout")),
      webhookMs: round(webhookMs),
      planningMs: planningMs === null ? null : Math.round(planningMs),
      planningError,
      planningMsPer10k: planningMs === null ? null : Math.round((planningMs / expected) * 10_000),
      sent,
      tickToFirstReminderMs: tickToFirstReminderMs === null ? null : Math.round(tickToFirstReminderMs),
      fanoutSeconds: fanoutSeconds === null ? null : round(fanoutSeconds),
      msgPerSec: msgPerSec === null ? null : round(msgPerSec),
      longestPauseMs: longestPauseMs === null ? null : Math.round(longestPauseMs),
      longestPauseAtS: longestPauseAtS === null ? null : round(longestPauseAtS),
      duplicates,
      lost,
      summaryChars: summary?.chars ?? null,
      summaryParts: summary?.parts ?? null,
      otherMessages: { secretary: api.secretary.length - (summary?.parts ?? 0), others: api.others() },
      outbox,
      timedOut,
      botErrors,
      exitCode,
      totalSeconds: round((performance.now() - began) / 1000),
    };
    log(
      `reminders: ${sent} of ${expected} chats in ${result.fanoutSeconds ?? "-"} s = ${result.msgPerSec ?? "-"} msg/s (first ${result.tickToFirstReminderMs ?? "-"} ms after the tick); longest pause ${result.longestPauseMs ?? "-"} ms${result.longestPauseAtS === null ? "" : ` at ${result.longestPauseAtS} s`}; duplicates ${duplicates}; lost ${lost}${timedOut ? " (gave up: partial figures, the lost ones were not sent yet)" : ""}`,
    );
    log(
      `summary to the secretary: ${summary ? `${summary.chars} characters in ${summary.parts} message(s)` : "not sent"}; other messages: ${result.otherMessages.secretary} to the secretary, ${result.otherMessages.others} to others`,
    );
    log(`RSS: idle ${result.idleRssMiB} MiB; peak above idle ${result.peakRssAboveIdleMiB ?? "-"} MiB (planning ${result.planningPeakAboveIdleMiB ?? "-"}, fan-out ${result.fanoutPeakAboveIdleMiB ?? "-"}); ${rss.count()} samples`);
    log(`outbox rows of the meeting: ${JSON.stringify(outbox)}; bot exited with ${exitCode}`);
    if (bot.output.length > 0) {
      log(`the bot logged ${bot.output.length} line(s) at warn or above (${botErrors} errors), e.g.:`);
      for (const line of [...new Set(bot.output.map(shortLine))].slice(0, 8)) log(`  ${line}`);
    }
    return result;
  } finally {
    reader.db?.close();
    if (bot.running()) exitCode = await stopBot(bot.child, bot.exited);
    rss.stop();
    await api.close();
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
  }
}

async function main() {
  if (sizes.length === 0) throw new Error("BENCH_SIZES must be a comma-separated list of member counts, e.g. 5000,20000");
  const build = spawnSync(process.execPath, ["build.mjs", "--if-stale"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  log(`compiled bot: ${["node", ...startArgs].join(" ")}; sizes ${sizes.join(", ")}; no rate limit at the fake Bot API`);
  // A size that fails (the bot does not start, …) is reported as such and the next one still runs.
  const results: (SizeResult | { members: number; error: string })[] = [];
  for (const members of sizes) {
    try {
      results.push(await runSize(members));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`failed: ${message}`);
      results.push({ members, error: message.split("\n")[0]! });
    }
  }
  log("");
  log(JSON.stringify({ bench: "audience", sizes: results }));
}

await main();
