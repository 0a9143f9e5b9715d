/**
 * Proof with real processes on PostgreSQL: two bot processes share one database and a Bot API that
 * enforces its rate limit. A fan-out of 2,000 messages; the process that is sending is killed with
 * SIGKILL midway. Nothing is lost, at most one message goes twice (the one in flight), the limit is
 * never exceeded (one sender at a time: each process alone is paced just under it), and the
 * survivor finishes. Needs the machine's PostgreSQL (or TEST_POSTGRES_URL) and fails without it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { createPgTestDb, type TestDb } from "../../helpers/db.ts";

const workerScript = fileURLToPath(new URL("../../helpers/outbox-worker-process.ts", import.meta.url));
const fanOut = 2_000;
const killAfter = 600;
/** The Bot API's limit, and each process's own pace just under it. */
const limit = 300;
const pace = 280;

let testDb: TestDb | null = null;
let server: Server | null = null;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await testDb?.close();
});

it("two processes, one killed mid-fan-out: 0 lost, at most 1 duplicate, the limit kept, the survivor finishes", { timeout: 120_000 }, async () => {
  testDb = await createPgTestDb();
  const { db } = testDb;
  const due = new Date(Date.now() - 60_000);
  const ids = Array.from({ length: fanOut }, (_, i) => `p${String(i).padStart(6, "0")}x`);
  await db.person.createMany({ data: ids.map((id) => ({ id, locale: "vi" })) });
  await db.identity.createMany({ data: ids.map((id, i) => ({ personId: id, platform: "telegram", userId: String(10_000 + i), chatId: String(10_000 + i) })) });
  await db.outboxMessage.createMany({ data: ids.map((personId, i) => ({ key: `note:${i}`, kind: "test.note", personId, dueAt: due })) });

  const workers = new Map<string, ChildProcess>();
  const received = new Map<string, number>();
  const window: number[] = [];
  let requests = 0;
  let refused = 0;
  let killed: string | null = null;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { chat_id?: string | number };
      res.setHeader("content-type", "application/json");
      const now = performance.now();
      while (window.length && now - window[0]! >= 1000) window.shift();
      if (window.length >= limit) {
        refused++;
        res.statusCode = 429;
        return void res.end(JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }));
      }
      window.push(now);
      requests++;
      if (requests === killAfter + 1 && !killed) {
        // This message is in flight: the process sending it dies before it hears the answer.
        const holder = (await db.lease.findUnique({ where: { name: "outbox-sender" } }))?.holder ?? "";
        killed = holder;
        workers.get(holder)?.kill("SIGKILL");
      }
      const chat = String(body.chat_id);
      received.set(chat, (received.get(chat) ?? 0) + 1);
      res.end(JSON.stringify({ ok: true, result: { message_id: requests, date: 0, chat: { id: Number(chat), type: "private" }, text: "x" } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const start = () =>
    new Promise<ChildProcess>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
        env: { ...process.env, DATABASE_URL: testDb!.url, TELEGRAM_API_ROOT: apiRoot, TELEGRAM_RATE: String(pace) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      child.stdout!.on("data", (c: Buffer) => {
        const id = /worker (\S+)/.exec(c.toString())?.[1];
        if (id) {
          workers.set(id, child);
          resolve(child);
        }
      });
    });
  const [a, b] = await Promise.all([start(), start()]);
  const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
  const codes = await Promise.all([exited(a), exited(b)]);

  expect(killed).not.toBeNull();
  // One was killed (no exit code), the other finished the fan-out and exited cleanly.
  expect(codes.sort()).toEqual([0, null]);
  expect(received.size).toBe(fanOut);
  expect([...received.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(1);
  expect(refused).toBe(0);
  expect(await db.outboxMessage.count({ where: { status: "sent" } })).toBe(fanOut);
});
