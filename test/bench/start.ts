/**
 * bench:start — how fast chibo-bot starts and how much memory it holds idle, against a bare grammY
 * bot (one handler, long polling) measured in the same run on the same machine.
 *
 * Both run as child processes against a minimal fake Bot API on loopback that holds getUpdates the
 * way Telegram does. "Time to first poll" is from spawning the process to its first getUpdates
 * arriving; "idle RSS" is the process's resident memory after it has sat polling for a while.
 * chibo-bot runs compiled, as `npm start` runs it (node dist/main.js, after the build), on a new
 * database (created and migrated at start) and again on that migrated database. One more start goes
 * through `npm start` itself, to show what npm and the staleness check add.
 *
 *   npm run bench:start                 # 5 rounds (BENCH_ROUNDS), 5 s idle (BENCH_IDLE_MS)
 *
 * Prints figures; the last line is one JSON object: medians, and the ratios as the median of each
 * round's ratio. Targets: time ≤ 2×, RSS ≤ 1.5× the bare bot's.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const idleMs = Number(process.env.BENCH_IDLE_MS ?? 5000);
const token = "123456789:AAH-chibo-bench-token-abcdefghijklmnop";
const log = (line: string) => process.stdout.write(`${line}\n`);
/** What `npm start` runs once the build is done: `node <flags> dist/main.js`, read from package.json. */
const startArgs = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/).slice(1);

/** Answers what a bot asks at start; holds getUpdates 30 s like the real server; notes the first one. */
async function startFakeBotApi() {
  let waiting: (() => void) | null = null;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1];
      const ok = (result: unknown) => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
      };
      if (method === "getMe") return ok({ id: 1, is_bot: true, first_name: "Chi bộ", username: "chibo_bench_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
      if (method === "getUpdates") {
        waiting?.();
        waiting = null;
        const timer = setTimeout(() => ok([]), 30_000);
        res.on("close", () => clearTimeout(timer));
        return;
      }
      ok(true);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextPoll: () => new Promise<void>((r) => (waiting = r)),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function measure(api: Awaited<ReturnType<typeof startFakeBotApi>>, command: string, args: string[], env: Record<string, string>, options: { rss: boolean }) {
  const polled = api.nextPoll();
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const failed = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited with ${code} before polling:\n${stderr}`))));
  await Promise.race([polled, failed]);
  const firstPollMs = performance.now() - started;
  failed.catch(() => undefined);
  let rss = NaN;
  if (options.rss) {
    await new Promise((r) => setTimeout(r, idleMs));
    rss = rssMiB(child.pid!);
  }
  await stopChild(child);
  return { firstPollMs, rss };
}

async function main() {
  const build = spawnSync(process.execPath, ["build.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  log(build.stdout.trim());
  const api = await startFakeBotApi();
  const dir = mkdtempSync(join(tmpdir(), "chibo-bench-start-"));
  const env = { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: "info" };
  const bare: { firstPollMs: number; rss: number }[] = [];
  const fresh: typeof bare = [];
  const migrated: typeof bare = [];
  try {
    for (let i = 0; i < rounds; i++) {
      bare.push(await measure(api, process.execPath, ["test/bench/bare-bot.mjs"], env, { rss: true }));
      const database = { DATABASE_URL: `file:${join(dir, `round-${i}`, "chibo.db")}` };
      fresh.push(await measure(api, process.execPath, startArgs, { ...env, ...database }, { rss: true }));
      migrated.push(await measure(api, process.execPath, startArgs, { ...env, ...database }, { rss: true }));
      log(
        `round ${i + 1}: bare ${bare[i]!.firstPollMs.toFixed(0)} ms ${bare[i]!.rss.toFixed(1)} MiB; ` +
          `chibo-bot new db ${fresh[i]!.firstPollMs.toFixed(0)} ms ${fresh[i]!.rss.toFixed(1)} MiB; ` +
          `migrated db ${migrated[i]!.firstPollMs.toFixed(0)} ms ${migrated[i]!.rss.toFixed(1)} MiB`,
      );
    }
    const npmCli = process.env.npm_execpath;
    const viaNpm = npmCli
      ? await measure(api, process.execPath, [npmCli, "start", "--silent"], { ...env, DATABASE_URL: `file:${join(dir, "round-0", "chibo.db")}` }, { rss: false })
      : null;
    const b = { ms: median(bare.map((r) => r.firstPollMs)), rss: median(bare.map((r) => r.rss)) };
    const f = { ms: median(fresh.map((r) => r.firstPollMs)), rss: median(fresh.map((r) => r.rss)) };
    const m = { ms: median(migrated.map((r) => r.firstPollMs)), rss: median(migrated.map((r) => r.rss)) };
    log(`medians of ${rounds}: bare grammY ${b.ms.toFixed(0)} ms, ${b.rss.toFixed(1)} MiB; chibo-bot ${m.ms.toFixed(0)} ms, ${m.rss.toFixed(1)} MiB (new database: ${f.ms.toFixed(0)} ms)`);
    if (viaNpm) log(`through npm start (npm itself and the build check included): ${viaNpm.firstPollMs.toFixed(0)} ms`);
    const r2 = (n: number) => Number(n.toFixed(2));
    // Each round's ratio to the bare bot measured just before it, then the median: load that comes
    // and goes on the machine touches both sides of a round alike.
    const pairwise = (runs: typeof bare, key: "firstPollMs" | "rss") => median(runs.map((r, i) => r[key] / bare[i]![key]));
    log(
      JSON.stringify({
        bench: "start",
        rounds,
        idleMs,
        bareFirstPollMs: Math.round(b.ms),
        bareIdleRssMiB: r2(b.rss),
        chiboFirstPollMs: Math.round(m.ms),
        chiboFirstPollMsNewDb: Math.round(f.ms),
        chiboIdleRssMiB: r2(m.rss),
        chiboViaNpmStartMs: viaNpm ? Math.round(viaNpm.firstPollMs) : null,
        firstPollRatio: r2(pairwise(migrated, "firstPollMs")),
        firstPollRatioNewDb: r2(pairwise(fresh, "firstPollMs")),
        idleRssRatio: r2(pairwise(migrated, "rss")),
        targets: { firstPollRatio: 2, idleRssRatio: 1.5 },
      }),
    );
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
