import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { parseConfig } from "../../bot/config.ts";
import type { Db } from "../../bot/db/client.ts";
import { startBot, type RunningBot } from "../../bot/main.ts";
import { startFakeZaloApi, stickerUpdate, textUpdate, type FakeZaloApi, type FakeZaloSent } from "./fake-zalo-api.ts";
import { startTelegramEmulator, testToken, type BotMessage, type Emulator } from "./telegram-emulator.ts";

/**
 * End-to-end scenarios are written once against `E2EWorld` and run on every messenger in
 * `e2ePlatforms`: the same scenario code, parametrised by platform.
 */
export type E2EPlatformName = "telegram" | "zalo";
export const e2ePlatforms: E2EPlatformName[] = ["telegram", "zalo"];

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
  /** A user on a given messenger; several messengers run when the world is started with `platforms`. */
  userOn(platform: E2EPlatformName, n: number, firstName: string): E2EUser;
  /** The clock the bot reads; tests move it forward. */
  clock: { now: Date; advance(ms: number): void };
  /** Runs the scheduler's jobs (outbox dispatch, rule expansion) at the current clock. */
  runJobs(): Promise<void>;
  /** Stops the bot and starts a new bot process on the same database. */
  restartBot(): Promise<void>;
  db(): Db;
  close(): Promise<void>;
}

/**
 * The longest messages the scenarios received, per messenger (text and options as the reader sees
 * them), printed when a world closes: the figure the UX issue asks for ("one phone screen").
 */
export const longest = new Map<E2EPlatformName, { length: number; start: string }[]>();
function measure(platform: E2EPlatformName, shown: string): void {
  const list = longest.get(platform) ?? [];
  list.push({ length: shown.length, start: shown.slice(0, 50).replace(/\n/g, " ") });
  list.sort((a, b) => b.length - a.length);
  longest.set(platform, list.slice(0, 3));
}

/** Where an invite code is, in the text of the invite message. */
export const inviteCodeIn = (text: string) => /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? null;

function telegramUser(emulator: Emulator, n: number, firstName: string): E2EUser {
  const u = emulator.user(n, firstName);
  const seen = (m: BotMessage): SeenMessage => {
    measure("telegram", m.text);
    return { text: m.text, options: m.buttons.flat().map((b) => b.text), ref: m };
  };
  return {
    command: (name, args) => u.command(`/${name}${args ? ` ${args}` : ""}`),
    openInvite: (code) => u.command(`/start ${code.replaceAll("-", "")}`),
    say: (text) => u.say(text),
    sendSticker: () => u.sticker(),
    choose: (message, label) => u.press(message.ref as BotMessage, label),
    expectMessage: async (pattern, timeoutMs) => seen(await u.expectMessage(pattern, timeoutMs)),
  };
}

/** The Zalo id of test user `n`: 20 hex characters, as Zalo's user ids are. */
export const zaloUserId = (n: number) => n.toString(16).padStart(20, "0");

/**
 * A Zalo message as its reader sees it: the text, and the numbered options under it ("1. Duyệt",
 * "2. Từ chối", then "Trả lời 1 hoặc 2."), read back from the plain text the bot sent.
 */
export function readZaloText(full: string): { text: string; options: { n: number; label: string }[] } {
  const blocks = full.split("\n\n");
  const lines = (blocks.at(-1) ?? "").split("\n");
  const hint = lines.at(-1) ?? "";
  const optionLines = lines.slice(0, -1);
  const isOptions = /^(Trả lời|Reply)\b/.test(hint) && optionLines.length > 0 && optionLines.every((l) => /^\d+\. \S/.test(l));
  if (!isOptions) return { text: full, options: [] };
  const options = optionLines.map((l) => {
    const m = /^(\d+)\. (.*)$/.exec(l)!;
    return { n: Number(m[1]), label: m[2]! };
  });
  return { text: blocks.slice(0, -1).join("\n\n"), options };
}

interface ZaloSeen {
  text: string;
  options: { n: number; label: string }[];
}

function zaloUser(fake: FakeZaloApi, n: number, firstName: string): E2EUser {
  const userId = zaloUserId(n);
  let seen = 0;
  const type = (text: string) => fake.pushUpdate(textUpdate(text, { userId, displayName: firstName }));
  /** What this user got, one entry per message; a part holding only the options joins the part before it. */
  const inbox = (): ZaloSeen[] => {
    const out: ZaloSeen[] = [];
    for (const sent of fake.sent.filter((m: FakeZaloSent) => m.chat_id === userId && m.text !== undefined)) {
      const read = readZaloText(sent.text!);
      const previous = out.at(-1);
      if (read.text.trim() === "" && read.options.length > 0 && previous && previous.options.length === 0) previous.options = read.options;
      else out.push(read);
    }
    return out;
  };
  const asSeen = (m: ZaloSeen): SeenMessage => {
    // As read on the phone: the text and the numbered options under it.
    measure("zalo", [m.text, ...m.options.map((o) => `${o.n}. ${o.label}`)].join("\n"));
    return { text: m.text, options: m.options.map((o) => o.label), ref: m };
  };
  return {
    // Typed as a person would: the bare word ("thanhvien"), with "/" when it takes a code.
    command: async (name, args) => type(args ? `/${name} ${args}` : name),
    openInvite: async (code) => type(code),
    say: async (text) => type(text),
    sendSticker: async () => fake.pushUpdate(stickerUpdate("0e078a2fb66a5f34067b", { userId })),
    async choose(message, label) {
      const { options, text } = message.ref as ZaloSeen;
      const option = options.find((o) => (typeof label === "string" ? o.label === label : label.test(o.label)));
      if (!option) throw new Error(`No option ${String(label)} under "${text.slice(0, 60)}": ${JSON.stringify(options)}`);
      type(String(option.n));
    },
    async expectMessage(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const all = inbox();
        const index = all.findIndex((m, i) => i >= seen && (typeof pattern === "string" ? m.text.includes(pattern) : pattern.test(m.text)));
        if (index >= 0) {
          seen = index + 1;
          return asSeen(all[index]!);
        }
        if (Date.now() > deadline) {
          throw new Error(`Zalo user ${n} got no message matching ${String(pattern)}; got:\n${all.slice(seen).map((m) => m.text).join("\n---\n")}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

export async function startE2E(platform: E2EPlatformName, options: { start?: Date; platforms?: E2EPlatformName[] } = {}): Promise<E2EWorld> {
  const running = new Set<E2EPlatformName>([platform, ...(options.platforms ?? [])]);
  const emulator: Emulator | null = running.has("telegram") ? await startTelegramEmulator() : null;
  const fakeZalo: FakeZaloApi | null = running.has("zalo") ? await startFakeZaloApi() : null;
  const dbPath = join(tmpdir(), `chibo-e2e-${randomUUID()}.db`);
  const clock = {
    now: options.start ?? new Date("2026-11-24T02:00:00Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const config = parseConfig({
    ...(emulator ? { TELEGRAM_BOT_TOKEN: testToken, TELEGRAM_API_ROOT: emulator.apiRoot, TELEGRAM_RATE_LIMIT: "300", TELEGRAM_SEND_RATE: "200" } : {}),
    ...(fakeZalo ? { ZALO_BOT_TOKEN: fakeZalo.token, ZALO_API_ROOT: fakeZalo.baseUrl, ZALO_SEND_RATE: "200" } : {}),
    DATABASE_URL: `file:${dbPath}`,
    LOG_LEVEL: "silent",
  });
  const logger = pino({ level: process.env.E2E_LOG ?? "silent" });
  const boot = () => startBot(config, logger, { now: () => clock.now, ticking: false });
  let bot: RunningBot = await boot();
  const userOn = (on: E2EPlatformName, n: number, firstName: string): E2EUser => {
    if (on === "telegram" && emulator) return telegramUser(emulator, n, firstName);
    if (on === "zalo" && fakeZalo) return zaloUser(fakeZalo, n, firstName);
    throw new Error(`This world does not run ${on}; start it with platforms: ["${on}"]`);
  };
  return {
    platform,
    user: (n, firstName) => userOn(platform, n, firstName),
    userOn,
    clock,
    runJobs: () => bot.scheduler.runAll(),
    async restartBot() {
      await bot.stop();
      bot = await boot();
    },
    db: () => bot.db,
    async close() {
      for (const [on, list] of longest) process.stdout.write(`longest messages on ${on}: ${list.map((l) => `${l.length} «${l.start}…»`).join("; ")}\n`);
      await bot.stop();
      await emulator?.close();
      await fakeZalo?.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
    },
  };
}
