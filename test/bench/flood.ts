/**
 * bench:flood — how long an unrelated person waits for /start while one Telegram account floods
 * the bot, through the real bot process code (startBot), grammY's runner and a Telegram Bot API
 * emulator on loopback. Prints figures; the last line is one JSON object.
 *
 *   npm run bench:flood                # 700 messages from one account (BENCH_FLOOD)
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { parseConfig } from "../../bot/config.ts";
import { startBot } from "../../bot/main.ts";
import { startTelegramEmulator, testToken } from "../helpers/telegram-emulator.ts";

const floodSize = Number(process.env.BENCH_FLOOD ?? 700);
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const emulator = await startTelegramEmulator();
  const dbPath = join(tmpdir(), `chibo-flood-${randomUUID()}.db`);
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: testToken, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: `file:${dbPath}`, LOG_LEVEL: "silent" });
  const bot = await startBot(config, pino({ level: "silent" }), { ticking: false });
  try {
    const timeStart = async (n: number) => {
      const user = emulator.user(n, "Người khác");
      const started = performance.now();
      await user.command("/start");
      await user.expectMessage("Xin chào đồng chí", 120_000);
      return performance.now() - started;
    };
    const quietMs = await timeStart(9001);
    log(`/start without a flood: ${quietMs.toFixed(0)} ms`);

    const flooder = emulator.user(9999, "Kẻ gửi dồn");
    const sending = performance.now();
    // As fast as the emulator takes them: many at once, so they pile up faster than any answer.
    for (let i = 0; i < floodSize; i += 50) await Promise.all(Array.from({ length: Math.min(50, floodSize - i) }, (_, k) => flooder.say(`tin thứ ${i + k}`)));
    log(`${floodSize} messages from one account put in the emulator in ${(performance.now() - sending).toFixed(0)} ms`);
    const floodMs = await timeStart(9002);
    log(`/start of another person during the flood: ${floodMs.toFixed(0)} ms`);
    // What the flooder saw: the answers to what was kept, and one word to slow down.
    await new Promise((r) => setTimeout(r, 3000));
    const seen = flooder.messages();
    const tooFast = seen.filter((m) => m.text.includes("gửi nhanh quá")).length;
    log(`the flooding account got ${seen.length} answers, ${tooFast} of them asking to slow down`);
    log(
      JSON.stringify({
        bench: "flood",
        floodMessages: floodSize,
        otherUserStartMsQuiet: Math.round(quietMs),
        otherUserStartMsUnderFlood: Math.round(floodMs),
        ratio: Number((floodMs / quietMs).toFixed(2)),
        flooderAnswers: seen.length,
        flooderToldToSlowDown: tooFast,
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      }),
    );
  } finally {
    await bot.stop();
    await emulator.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  }
}

await main();
