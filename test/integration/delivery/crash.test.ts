import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../helpers/db.ts";

const workerScript = fileURLToPath(new URL("../../helpers/outbox-worker-process.ts", import.meta.url));
const fanOut = 300;
const killAfter = 100;

let testDb: TestDb;
let server: Server;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await testDb?.close();
});

function startWorker(url: string, apiRoot: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", workerScript], { env: { ...process.env, DATABASE_URL: url, TELEGRAM_API_ROOT: apiRoot }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}
const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe("a scheduler killed in the middle of a fan-out", () => {
  it("is taken over at once by its restart, and costs at most one duplicate: the message in flight", { timeout: 120_000 }, async () => {
    testDb = await createTestDb();
    const { db } = testDb;
    const due = new Date(Date.now() - 60_000);
    for (let i = 0; i < fanOut; i++) {
      const person = await db.person.create({ data: { locale: "vi", identities: { create: { platform: "telegram", userId: String(1000 + i), chatId: String(1000 + i) } } } });
      await db.outboxMessage.create({ data: { key: `note:${i}`, kind: "test.note", personId: person.id, dueAt: due } });
    }

    const received = new Map<string, number>();
    let requests = 0;
    let victim: ChildProcess | null = null;
    let killedAt = 0;
    let firstAfterKill = 0;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { chat_id?: string | number };
        requests++;
        if (victim && requests === killAfter + 1) {
          // Message 101 is in flight: the process dies before it hears the answer.
          victim.kill("SIGKILL");
          killedAt = performance.now();
          victim = null;
        } else if (killedAt && !firstAfterKill) firstAfterKill = performance.now();
        const chat = String(body.chat_id);
        received.set(chat, (received.get(chat) ?? 0) + 1);
        res.setHeader("content-type", "application/json");
        setTimeout(() => res.end(JSON.stringify({ ok: true, result: { message_id: requests, date: 0, chat: { id: Number(chat), type: "private" }, text: "x" } })), 3);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const first = startWorker(testDb.url, apiRoot);
    victim = first;
    expect(await exited(first)).toBeNull(); // killed by the signal
    const inFlight = await db.outboxMessage.count({ where: { status: "sending" } });
    expect(inFlight).toBeLessThanOrEqual(20); // one small batch was claimed, no more

    const second = startWorker(testDb.url, apiRoot);
    expect(await exited(second)).toBe(0);

    expect(received.size).toBe(fanOut);
    const duplicated = [...received.values()].filter((n) => n > 1).length;
    expect(duplicated).toBeLessThanOrEqual(1);
    expect(await db.outboxMessage.count({ where: { status: "sent" } })).toBe(fanOut);
    // The dead process's claims did not wait out a five-minute lease.
    expect(firstAfterKill - killedAt).toBeLessThan(60_000);
    expect(await db.outboxWorker.count()).toBe(0);
  });
});
