/**
 * The same bot on PostgreSQL: the committed PostgreSQL migrations applied in-process (and again,
 * doing nothing; and by two starts at once), then the features on it as on SQLite: a cell's
 * meeting planned for a large audience and sent, re-planned after a move, the summary, a report
 * submitted, accepted and downloaded as a Word file. Needs the machine's PostgreSQL (or
 * TEST_POSTGRES_URL); without one it fails and says so.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { meetingOutboxKinds as kinds } from "../../../bot/core/features/meetings/model.ts";
import { planMeeting } from "../../../bot/core/features/meetings/planning.ts";
import { changeMeeting } from "../../../bot/core/features/meetings/services/meetings.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { migrateDatabase, pgMigrationsDir } from "../../../bot/db/client.ts";
import { readMigrations } from "../../../bot/db/migrate.ts";
import { createHarness, seedBulkMembers, seedCell, textOf, type Harness } from "../../helpers/core-harness.ts";
import { createPgTestDb, type TestDb } from "../../helpers/db.ts";
import { startFakeZaloApi, textUpdate } from "../../helpers/fake-zalo-api.ts";
import { longSubmitted, shortTemplate } from "../reports/fixtures.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const startCommand = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/);

let h: Harness | null = null;
let extra: TestDb | null = null;
afterEach(async () => {
  await h?.close();
  await extra?.close();
  h = null;
  extra = null;
});

describe("PostgreSQL", () => {
  it("is migrated in-process with Prisma's bookkeeping, once, also when two starts race", async () => {
    extra = await createPgTestDb();
    const committed = readMigrations(pgMigrationsDir);
    const [a, b] = await Promise.all([migrateDatabase(extra.url), migrateDatabase(extra.url)]);
    expect([...a.applied, ...b.applied]).toEqual([]);
    const client = new pg.Client({ connectionString: extra.url });
    await client.connect();
    try {
      const rows = (await client.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
      expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.finished_at !== null])).toEqual(committed.map((m) => [m.name, m.checksum, 1, true]));
      const tables = (await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).rows.map((r) => r.table_name);
      expect(tables).toEqual(expect.arrayContaining(["cell", "membership", "meeting", "outbox_message", "report_version", "_prisma_migrations"]));
    } finally {
      await client.end();
    }
  });

  it("plans, supersedes and sends a large cell's reminders, and summarises the answers", async () => {
    h = await createHarness({ features: [meetingsFeature], postgres: true });
    const { cellId, personIds } = await seedCell(h, [{ userId: "sec", fullName: "Trần Thị Bình", role: "secretary" }]);
    const ids = await seedBulkMembers(h, cellId, 1_200);
    const db = h.deps.db;
    const startsAt = new Date("2026-12-05T12:30:00Z");
    const meeting = await db.meeting.create({ data: { cellId, kind: "dinh_ky", startsAt, createdById: personIds.get("sec")! } });
    expect(await planMeeting(db, meeting.id, h.clock.now)).toBe(1_201 * 3 + 2);
    expect(await planMeeting(db, meeting.id, h.clock.now)).toBe(0);
    await changeMeeting(db, { actorId: personIds.get("sec")!, meetingId: meeting.id, change: { startsAt: new Date(startsAt.getTime() + 3_600_000) }, now: h.clock.now });
    expect(await db.outboxMessage.count({ where: { subjectId: meeting.id, kind: kinds.reminder, status: "superseded" } })).toBe(1_201 * 3);
    expect(await db.outboxMessage.count({ where: { subjectId: meeting.id, kind: kinds.reminder, status: "pending" } })).toBe(1_201 * 3);
    // The announcements go out now; everyone gets exactly one.
    const sent = await h.runOutbox();
    expect(sent.sent).toBe(1_201);
    expect(new Set(h.messenger.sent.map((s) => s.chatId)).size).toBe(1_201);
    await h.user("u7").press(`mt:a:${meeting.id}`);
    const summary = await h.user("sec").press(`mt:st:${meeting.id}`);
    expect(textOf(summary)).toContain("Tham dự (1): Đảng viên 8");
    expect(textOf(summary)).toContain("Chưa trả lời (1.200)");
    expect(ids).toHaveLength(1_200);
  });

  it("takes a report from submission to acceptance, and makes its Word file", async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], postgres: true });
    const { bt } = await longSubmitted(h);
    const version = await h.deps.db.reportVersion.findFirstOrThrow();
    expect(textOf(await bt.press(`bc:ac:${version.id}`))).toContain("Đã tiếp nhận");
    const got = await bt.press(`bc:dl:${version.id}`);
    const file = got.find((m) => m.file)!.file!;
    const xml = await (await JSZip.loadAsync(file.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain("Luôn hoàn thành nhiệm vụ được giao.");
    expect((await h.deps.db.reportVersion.findFirstOrThrow()).status).toBe("accepted");
  });

  it("runs the compiled bot: migrates a new database at start, answers, stops cleanly", { timeout: 60_000 }, async () => {
    extra = await createPgTestDb();
    // An empty database of its own: the bot migrates it at start.
    const empty = new URL(extra.url);
    const client = new pg.Client({ connectionString: extra.url });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.end();
    const build = spawnSync(process.execPath, ["build.mjs", "--if-stale"], { cwd: root, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    const fake = await startFakeZaloApi();
    try {
      const child = spawn(process.execPath, startCommand.slice(1), {
        cwd: root,
        env: { ...process.env, TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.baseUrl, DATABASE_URL: empty.toString(), LOG_LEVEL: "warn" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let errors = "";
      child.stderr.on("data", (c: Buffer) => (errors += c.toString()));
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      try {
        fake.pushUpdate(textUpdate("start", { userId: "c".repeat(20), displayName: "Người thử" }));
        const deadline = Date.now() + 30_000;
        while (!fake.sent.some((m) => m.chat_id === "c".repeat(20)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(fake.sent.some((m) => m.chat_id === "c".repeat(20)), errors).toBe(true);
      } finally {
        child.kill("SIGTERM");
      }
      expect(await exited, errors).toBe(0);
    } finally {
      await fake.close();
    }
    const check = new pg.Client({ connectionString: extra.url });
    await check.connect();
    const people = await check.query("SELECT count(*)::int AS n FROM person");
    await check.end();
    expect(people.rows[0].n).toBe(1);
  });
});
