/**
 * The same bot on PostgreSQL: the committed PostgreSQL migrations applied in-process (and again,
 * doing nothing; and by two starts at once), then the features on it as on SQLite: a cell's
 * meeting planned for a large audience and sent, re-planned after a move, the summary, a report
 * submitted, accepted and downloaded as a Word file. Needs the machine's PostgreSQL (or
 * TEST_POSTGRES_URL); without one it fails and says so.
 */
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
import { longSubmitted, shortTemplate } from "../reports/fixtures.ts";

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
});
