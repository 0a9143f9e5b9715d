import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { parseConfig } from "../../bot/config.ts";
import type { Db } from "../../bot/db/client.ts";
import { startBot, type RunningBot } from "../../bot/main.ts";
import { startTelegramEmulator, testToken, type BotMessage, type Emulator } from "./telegram-emulator.ts";

/**
 * End-to-end scenarios are written once against `E2EWorld` and run on every messenger in
 * `e2ePlatforms`: the same scenario code, parametrised by platform.
 */
export type E2EPlatformName = "telegram" | "zalo";
export const e2ePlatforms: E2EPlatformName[] = ["telegram"];

/** A message as the user saw it: its text and the labels of the options offered with it. */
export interface SeenMessage {
  text: string;
  options: string[];
  /** Platform-specific handle used to choose an option of this message. */
  ref: unknown;
}

export interface E2EUser {
  /** A command as the user types it, without "/": `command("thanhvien")`, `command("thamgia", "ABCD…")`. */
  command(name: string, args?: string): Promise<void>;
  /** Opens an invite: the deep link on Telegram; typing the code where there are no links. */
  openInvite(code: string): Promise<void>;
  say(text: string): Promise<void>;
  sendSticker(): Promise<void>;
  /** Picks an option of a message: presses the button on Telegram, types its number on Zalo. */
  choose(message: SeenMessage, label: string | RegExp): Promise<void>;
  /** Waits for the next message (after those already seen) whose text matches. */
  expectMessage(pattern: string | RegExp, timeoutMs?: number): Promise<SeenMessage>;
}

export interface E2EWorld {
  platform: E2EPlatformName;
  user(n: number, firstName: string): E2EUser;
  /** The clock the bot reads; tests move it forward. */
  clock: { now: Date; advance(ms: number): void };
  /** Runs the scheduler's jobs (outbox dispatch, rule expansion) at the current clock. */
  runJobs(): Promise<void>;
  /** Stops the bot and starts a new bot process on the same database. */
  restartBot(): Promise<void>;
  db(): Db;
  close(): Promise<void>;
}

/** Where an invite code is, in the text of the invite message. */
export const inviteCodeIn = (text: string) => /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? null;

function telegramUser(emulator: Emulator, n: number, firstName: string): E2EUser {
  const u = emulator.user(n, firstName);
  const seen = (m: BotMessage): SeenMessage => ({ text: m.text, options: m.buttons.flat().map((b) => b.text), ref: m });
  return {
    command: (name, args) => u.command(`/${name}${args ? ` ${args}` : ""}`),
    openInvite: (code) => u.command(`/start ${code.replaceAll("-", "")}`),
    say: (text) => u.say(text),
    sendSticker: () => u.sticker(),
    choose: (message, label) => u.press(message.ref as BotMessage, label),
    expectMessage: async (pattern, timeoutMs) => seen(await u.expectMessage(pattern, timeoutMs)),
  };
}

export async function startE2E(platform: E2EPlatformName, options: { start?: Date } = {}): Promise<E2EWorld> {
  if (platform !== "telegram") throw new Error(`No e2e driver for ${platform} yet`);
  const emulator = await startTelegramEmulator();
  const dbPath = join(tmpdir(), `chibo-e2e-${randomUUID()}.db`);
  const clock = {
    now: options.start ?? new Date("2026-11-24T02:00:00Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: testToken,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: `file:${dbPath}`,
    LOG_LEVEL: "silent",
    TELEGRAM_SEND_RATE: "200",
  });
  const logger = pino({ level: process.env.E2E_LOG ?? "silent" });
  const boot = () => startBot(config, logger, { now: () => clock.now, ticking: false });
  let bot: RunningBot = await boot();
  return {
    platform,
    user: (n, firstName) => telegramUser(emulator, n, firstName),
    clock,
    runJobs: () => bot.scheduler.runAll(),
    async restartBot() {
      await bot.stop();
      bot = await boot();
    },
    db: () => bot.db,
    async close() {
      await bot.stop();
      await emulator.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
    },
  };
}
