/**
 * bench:dialogue — many members answering template 1 ("Giữ trọn lời thề đảng viên") through the real
 * stack: createCore with the reports feature, a recording fake messenger, a real SQLite file
 * migrated with the committed migrations. Every input (a piece of an answer, «xong», a button) is
 * timed from `core.handle` to its return, the reply included.
 *
 * In the same run, interleaved sample by sample so both see the same file and cache: a bare
 * database transaction writing the same answer row (the draft's state, same size). The target is
 * an answer costing at most 2× that transaction at p50.
 *
 *   npm run bench:dialogue                  # 100 members (BENCH_MEMBERS)
 *
 * Prints figures; the last line is one JSON object.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createCore } from "../../bot/core/kernel/app.ts";
import { reportsFeature } from "../../bot/core/features/reports/index.ts";
import type { InboundInput, OutboundMessage, Platform } from "../../bot/core/contract/messages.ts";
import type { Messenger } from "../../bot/core/contract/ports.ts";
import { createDb, migrateDatabase, type Db } from "../../bot/db/client.ts";
import { createI18n } from "../../bot/i18n/index.ts";
import { type CoreDeps } from "../../bot/core/deps.ts";
import { membershipFeature } from "../../bot/core/features/membership/index.ts";

const members = Number(process.env.BENCH_MEMBERS ?? 100);
const warmupMembers = Math.min(10, Math.max(1, Math.floor(members / 10)));
const log = (line: string) => process.stdout.write(`${line}\n`);

/** Keeps only each chat's last message: enough to find the next button, nothing piles up. */
class LastMessageMessenger implements Messenger {
  readonly platform: Platform = "telegram";
  readonly sendsFiles = true;
  readonly last = new Map<string, OutboundMessage>();
  sent = 0;
  async send(chatId: string, message: OutboundMessage) {
    this.sent++;
    this.last.set(chatId, message);
  }
  inviteLink() {
    return undefined;
  }
  button(chatId: string, label: string | RegExp): string {
    const choice = this.last
      .get(chatId)
      ?.choices?.flat()
      .find((c) => (typeof label === "string" ? c.label === label : label.test(c.label)));
    if (!choice) throw new Error(`no button ${String(label)} for ${chatId}: ${JSON.stringify(this.last.get(chatId))}`);
    return choice.data;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function seed(db: Db, now: Date) {
  const cell = await db.cell.create({ data: { name: "Chi bộ Đo tốc độ", createdAt: now } });
  const person = (userId: string, fullName: string, role: string) =>
    db.person.create({
      data: {
        fullName,
        partyStatus: "official",
        category: "cong_nhan",
        activeCellId: cell.id,
        identities: { create: { platform: "telegram", userId, chatId: userId } },
        memberships: { create: { cellId: cell.id, status: "active", role, decidedAt: now } },
      },
    });
  await person("sec", "Trần Thị Bình", "secretary");
  for (let i = 0; i < members; i++) await person(`m${i}`, `Đảng viên ${i}`, "member");
}

async function main() {
  const path = join(tmpdir(), `chibo-bench-dialogue-${randomUUID()}.db`);
  const url = `file:${path}`;
  await migrateDatabase(url);
  const db = await createDb(url);
  const now = new Date("2026-11-24T02:00:00Z");
  const messenger = new LastMessageMessenger();
  const deps: CoreDeps = {
    db,
    i18n: createI18n(join(import.meta.dirname, "../../locales")),
    logger: pino({ level: "silent" }),
    messengers: new Map([["telegram", messenger]]),
    now: () => now,
    settings: { defaultLocale: "vi", defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 30 },
  };
  const core = createCore(deps, [reportsFeature, membershipFeature]);
  const send = (userId: string, input: InboundInput) => core.handle({ platform: "telegram", userId, chatId: userId, input });
  const press = (userId: string, label: string | RegExp) => send(userId, { kind: "choice", data: messenger.button(userId, label) });

  try {
    await seed(db, now);
    // The secretary opens the round through her dialogue, as in the chat.
    await send("sec", { kind: "command", command: "dotbaocao", args: "" });
    await press("sec", "Giữ trọn lời thề đảng viên");
    await press("sec", /^Dùng tên/);
    await send("sec", { kind: "text", text: "17h ngày 20/12" });
    await press("sec", /^Tất cả đảng viên/);
    await press("sec", "Mở đợt và báo cho đảng viên");
    const drafts = await db.reportDraft.findMany({ select: { id: true, person: { select: { identities: { select: { userId: true } } } } } });
    const draftOf = new Map(drafts.map((d) => [d.person.identities[0]!.userId, d.id]));

    const real: number[] = [];
    const bare: number[] = [];
    /** A sticker mid-dialogue: handled, explained, nothing saved. What the core costs before any answer is. */
    const idle: number[] = [];
    let measuring = false;

    /** One answer through the whole stack, then the bare write of the same row for comparison. */
    async function answer(userId: string, input: InboundInput) {
      const started = performance.now();
      await send(userId, input);
      const took = performance.now() - started;
      const draftId = draftOf.get(userId)!;
      const row = await db.reportDraft.findUniqueOrThrow({ where: { id: draftId }, select: { state: true } });
      const t0 = performance.now();
      // The version is left alone: the bare write must not look like a change to the draft's next save.
      await db.$transaction([db.reportDraft.update({ where: { id: draftId }, data: { state: row.state, updatedAt: now } })]);
      const bareTook = performance.now() - t0;
      if (measuring) {
        real.push(took);
        bare.push(bareTook);
      }
    }

    const users = Array.from({ length: members }, (_, i) => `m${i}`);
    async function everyone(fn: (userId: string) => Promise<void>, who: string[]) {
      for (const u of who) await fn(u);
    }
    /** A text question: two messages, then «xong» (the multi-message answer the issue describes). */
    const textAnswer = (who: string[]) =>
      everyone(async (u) => {
        await answer(u, { kind: "text", text: "Tôi chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước và nội quy nơi làm việc," });
        await answer(u, { kind: "text", text: "hoàn thành tốt những nhiệm vụ chi bộ phân công trong năm qua." });
        await answer(u, { kind: "text", text: "xong" });
      }, who);
    const buttonAnswer = (who: string[], label: string | RegExp) => everyone((u) => answer(u, { kind: "choice", data: messenger.button(u, label) }), who);

    async function fillIn(who: string[]) {
      await everyone((u) => send(u, { kind: "choice", data: `bc:go:${draftOf.get(u)!}` }), who);
      await buttonAnswer(who, "Không"); // holds a post?
      await everyone(async (u) => {
        const started = performance.now();
        await send(u, { kind: "unsupported", what: "sticker" });
        if (measuring) idle.push(performance.now() - started);
      }, who);
      for (let q = 0; q < 4; q++) await textAnswer(who); // the four duties
      await buttonAnswer(who, "Bỏ qua"); // shortcomings checklist (optional)
      await textAnswer(who); // shortcomings
      await textAnswer(who); // subjective causes
      await buttonAnswer(who, "Bỏ qua"); // objective causes (optional)
      await textAnswer(who); // remedies
      await buttonAnswer(who, "Trong 6 tháng");
      await textAnswer(who); // the journey
      await buttonAnswer(who, "Nộp");
      await buttonAnswer(who, "Xác nhận nộp");
    }

    // Warm-up: JIT, prepared statements, the SQLite page cache.
    await fillIn(users.slice(0, warmupMembers));
    measuring = true;
    const measured = users.slice(warmupMembers);
    const wall = performance.now();
    await fillIn(measured);
    const wallMs = performance.now() - wall;

    const submitted = await db.reportVersion.count();
    if (submitted !== members) throw new Error(`expected ${members} submitted reports, found ${submitted}`);

    const sortedReal = [...real].sort((a, b) => a - b);
    const sortedBare = [...bare].sort((a, b) => a - b);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const answersPerSec = real.length / (sum(real) / 1000);
    const result = {
      answersPerSec: Math.round(answersPerSec),
      p50Ms: round2(percentile(sortedReal, 50)),
      p99Ms: round2(percentile(sortedReal, 99)),
      baselineP50Ms: round2(percentile(sortedBare, 50)),
      ratioP50: round2(percentile(sortedReal, 50) / percentile(sortedBare, 50)),
    };
    log(`members: ${members} (${warmupMembers} for warm-up), answers measured: ${real.length}, messages sent: ${messenger.sent}, wall time ${Math.round(wallMs)} ms`);
    log(`whole stack per answer: ${result.answersPerSec} answers/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
    log(
      `bare transaction writing the same row: ${Math.round(bare.length / (sum(bare) / 1000))} writes/s, p50 ${result.baselineP50Ms} ms, p99 ${round2(percentile(sortedBare, 99))} ms`,
    );
    const idleP50 = percentile([...idle].sort((a, b) => a - b), 50);
    log(`a message that saves nothing (a sticker mid-dialogue: person, dialogue, draft from memory, reply): p50 ${round2(idleP50)} ms = ${round2(idleP50 / result.baselineP50Ms)}× the bare write`);
    log(`ratio at p50: ${result.ratioP50} (target ≤ 2)`);
    log(JSON.stringify(result));
  } finally {
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  }
}

await main();
