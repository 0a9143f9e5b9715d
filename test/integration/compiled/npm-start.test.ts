import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeZaloApi, textUpdate } from "../../helpers/fake-zalo-api.ts";
import { startTelegramEmulator, testToken, type Emulator } from "../../helpers/telegram-emulator.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const startCommand = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/);
let emulator: Emulator | null = null;
const dbPath = join(tmpdir(), `chibo-compiled-${randomUUID()}.db`);
afterEach(async () => {
  await emulator?.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
});

const freePort = () =>
  new Promise<number>((r) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });

/** The production artifact itself: the bundle in dist/, run with `npm start`'s command line. */
describe("the compiled bot", () => {
  it("builds, answers /start through the emulator, reports ready and stops cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const build = spawnSync(process.execPath, ["build.mjs", "--if-stale"], { cwd: root, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    emulator = await startTelegramEmulator();
    const port = await freePort();
    const child = spawn(process.execPath, startCommand.slice(1), {
      cwd: root,
      env: { ...process.env, TELEGRAM_BOT_TOKEN: testToken, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: `file:${dbPath}`, HTTP_HOST: "127.0.0.1", HTTP_PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      const user = emulator.user(4242, "Người thử");
      await user.command("/start");
      await user.expectMessage("Xin chào đồng chí", 20_000);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ ok: true, checks: { database: "ok", scheduler: "ok", telegram: "ok" } });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
  });

  it("runs Zalo too, whose client is loaded only then", { timeout: 60_000 }, async () => {
    const fake = await startFakeZaloApi();
    try {
      const child = spawn(process.execPath, startCommand.slice(1), {
        cwd: root,
        env: { ...process.env, TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.baseUrl, DATABASE_URL: `file:${dbPath}`, LOG_LEVEL: "warn" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      try {
        fake.pushUpdate(textUpdate("start", { userId: "b".repeat(20), displayName: "Người thử" }));
        const deadline = Date.now() + 20_000;
        while (!fake.sent.some((m) => m.chat_id === "b".repeat(20)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(fake.sent.some((m) => m.chat_id === "b".repeat(20))).toBe(true);
      } finally {
        child.kill("SIGTERM");
      }
      expect(await exited).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
