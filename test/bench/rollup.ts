/**
 * bench:rollup — a committee's monthly roll-up at district scale, on SQLite: one committee of 300
 * cells and 15,000 members (BENCH_CELLS, BENCH_MEMBERS) with a year of monthly meetings and their
 * attendance (about 165,000 rows), the documents' announcements in the outbox (one per member and
 * meeting), three report rounds per cell (45,000 drafts); and 50 more committees (BENCH_COMMITTEES)
 * whose digest is due today. Measures, through the feature's own code:
 *  - the month's roll-up of the whole committee (what «📊 Tổng hợp tháng» and the digest compute):
 *    the first run, then the median of BENCH_RUNS;
 *  - a page of the cell list (10 cells) and one cell's card;
 *  - planning the digest for every committee due today in one pass, and the same again (nothing).
 * Prints figures; the last line is one JSON object.
 *
 *   npm run bench:rollup
 *   BENCH_CELLS=600 BENCH_MEMBERS=30000 npm run bench:rollup
 *   BENCH_KEEP_DB=1 npm run bench:rollup        # keep the database file to look into
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rollupSummary } from "../../bot/core/features/committees/rollup/compute.ts";
import { digestKind, planDigests } from "../../bot/core/features/committees/rollup/digest.ts";
import { createDb, migrateDatabase, type Db } from "../../bot/db/client.ts";

const cells = Number(process.env.BENCH_CELLS ?? 300);
const members = Number(process.env.BENCH_MEMBERS ?? 15_000);
const digestCommittees = Number(process.env.BENCH_COMMITTEES ?? 50);
const officersEach = 5;
const runs = Number(process.env.BENCH_RUNS ?? 9);
const timeZone = "Asia/Ho_Chi_Minh";
const log = (line: string) => process.stdout.write(`${line}\n`);
export const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
export const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const ms = (n: number) => Math.round(n * 10) / 10;

/** The roll-up is read on 3 December, for November; the digest day is the 3rd. */
const now = local("2026-12-03 10:00");
const month = { year: 2026, month: 11 };

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

export async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Everything in bulk: createMany for the entities, INSERT … SELECT for the year's records (SQLite). */

/**
 * One cell's regular meeting of 2026 as the benches seed it: the 5th at 19:30; when held, ended after
 * 120 minutes (70 in one cell in ten, `c` being the cell's number) and attendance recorded 3 hours
 * after the start; documents in one cell in three.
 */
export function regularMeeting(input: { id: string; cellId: string; c: number; month: number; held: boolean; createdById: string }) {
  const startsAt = local(`2026-${pad(input.month, 2)}-05 19:30`);
  return {
    id: input.id,
    cellId: input.cellId,
    kind: "dinh_ky",
    occurrence: `2026-${pad(input.month, 2)}`,
    startsAt,
    endedAt: input.held ? new Date(startsAt.getTime() + (input.c % 10 === 3 ? 70 : 120) * 60_000) : null,
    attendanceRecordedAt: input.held ? new Date(startsAt.getTime() + 3 * 3_600_000) : null,
    documents: input.c % 3 === 0 ? JSON.stringify([{ kind: "link", ref: "https://example.org/tai-lieu.pdf", name: "Tài liệu" }]) : "[]",
    createdById: input.createdById,
  };
}

async function seed(db: Db): Promise<{ committeeId: string; cellIds: string[] }> {
  const perCell = Math.ceil(members / cells);
  const personIds = Array.from({ length: members }, (_, i) => `p${pad(i, 8)}`);
  const cellIds = Array.from({ length: cells }, (_, i) => `c${pad(i, 7)}`);
  for (let i = 0; i < members; i += 5000) {
    await db.person.createMany({ data: personIds.slice(i, i + 5000).map((id, j) => ({ id, fullName: `Đảng viên ${i + j + 1}`, partyStatus: "official", category: "can_bo" })) });
  }
  const committee = await db.committee.create({ data: { name: "Đảng ủy quận Bench", code: "BENCHCODE1", timeZone, createdById: personIds[0]!, createdAt: now } });
  await db.committeeOfficer.create({ data: { committeeId: committee.id, personId: personIds[0]!, role: "secretary", appointedById: personIds[0]!, appointedAt: now } });
  await db.cell.createMany({ data: cellIds.map((id, i) => ({ id, name: `Chi bộ khu phố ${i + 1}`, committeeId: committee.id, timeZone })) });
  for (let i = 0; i < members; i += 5000) {
    await db.membership.createMany({
      data: personIds.slice(i, i + 5000).map((personId, j) => ({ cellId: cellIds[Math.floor((i + j) / perCell)]!, personId, status: "active", role: (i + j) % perCell === 0 ? "secretary" : "member", decidedAt: now })),
    });
  }
  // The regular meeting on the 5th at 19:30 every month; held (attendance recorded) up to November.
  // One cell in ten met under 90 minutes, one in three sent documents, one in twenty never recorded.
  const meetings = cellIds.flatMap((cellId, c) =>
    Array.from({ length: 12 }, (_, k) => regularMeeting({ id: `m${cellId}-${pad(k + 1, 2)}`, cellId, c, month: k + 1, held: k + 1 < 12 && !(k + 1 === 11 && c % 20 === 7), createdById: personIds[0]! })),
  );
  for (let i = 0; i < meetings.length; i += 2000) await db.meeting.createMany({ data: meetings.slice(i, i + 2000) });
  const recordedAt = now.toISOString();
  // Absent without a valid reason in about 4% of member-months, excused in 5%; and a few members
  // who stay away: one in 97 in March, June and September (three months), one in 89 in October and
  // November (two).
  await db.$executeRawUnsafe(
    `INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id, recorded_at)
     SELECT a.meeting_id, a.person_id,
       CASE WHEN a.p % 97 = 5 AND a.m % 3 = 0 THEN 'absent'
            WHEN a.p % 89 = 7 AND a.m >= 10 THEN 'absent'
            WHEN (a.p * 7 + a.m * 13) % 100 < 4 THEN 'absent'
            WHEN (a.p * 7 + a.m * 13) % 100 < 9 THEN 'excused'
            ELSE 'present' END,
       ?, ?
     FROM (SELECT m.id AS meeting_id, ms.person_id, CAST(substr(ms.person_id, 2) AS INTEGER) AS p, CAST(substr(m.id, -2) AS INTEGER) AS m
           FROM meeting m JOIN membership ms ON ms.cell_id = m.cell_id
           WHERE m.attendance_recorded_at IS NOT NULL) a`,
    personIds[0],
    recordedAt,
  );
  // Each member's announcement of each meeting (the documents go with it): late for one cell in six.
  await db.$executeRawUnsafe(
    `INSERT INTO outbox_message (id, key, kind, person_id, cell_id, subject_id, payload, due_at, status, sent_at, created_at)
     SELECT 'ma:' || m.id || ':' || ms.person_id, 'ma:' || m.id || ':' || ms.person_id, 'meeting-announce', ms.person_id, m.cell_id, m.id, '{}',
       strftime('%Y-%m-%dT%H:%M:%fZ', m.starts_at, CASE WHEN CAST(substr(m.cell_id, 2) AS INTEGER) % 6 = 0 THEN '-3 hours' ELSE '-3 days' END), 'sent',
       strftime('%Y-%m-%dT%H:%M:%fZ', m.starts_at, CASE WHEN CAST(substr(m.cell_id, 2) AS INTEGER) % 6 = 0 THEN '-3 hours' ELSE '-3 days' END), ?
     FROM meeting m JOIN membership ms ON ms.cell_id = m.cell_id`,
    recordedAt,
  );
  // Three rounds per cell: two closed earlier in the year, one due 20 November, still open. Every
  // fifth member has not started a report in one cell in ten; elsewhere all are in.
  const rounds = cellIds.flatMap((cellId) => [
    { id: `r${cellId}-1`, cellId, title: "Tự kiểm tra quý I", deadline: local("2026-03-31 17:00"), createdAt: local("2026-03-01 08:00"), status: "closed", closedAt: local("2026-04-01 08:00") },
    { id: `r${cellId}-2`, cellId, title: "Kiểm điểm giữa năm", deadline: local("2026-06-30 17:00"), createdAt: local("2026-06-01 08:00"), status: "closed", closedAt: local("2026-07-01 08:00") },
    { id: `r${cellId}-3`, cellId, title: "Tự kiểm tra quý IV", deadline: local("2026-11-20 17:00"), createdAt: local("2026-11-01 08:00"), status: "open", closedAt: null },
  ]);
  await db.reportRound.createMany({ data: rounds.map((r) => ({ ...r, templateId: "tu-kiem-tra", createdById: personIds[0]! })) });
  await db.$executeRawUnsafe(
    `INSERT INTO report_draft (id, round_id, person_id, status, created_at, updated_at)
     SELECT r.id || ':' || ms.person_id, r.id, ms.person_id,
       CASE WHEN CAST(substr(r.cell_id, 2) AS INTEGER) % 10 = 4 AND CAST(substr(ms.person_id, 2) AS INTEGER) % 5 = 0 THEN 'not_started'
            ELSE CASE CAST(substr(ms.person_id, 2) AS INTEGER) % 7 WHEN 1 THEN 'submitted' WHEN 2 THEN 'returned' ELSE 'accepted' END END, ?, ?
     FROM report_round r JOIN membership ms ON ms.cell_id = r.cell_id`,
    recordedAt,
    recordedAt,
  );
  return { committeeId: committee.id, cellIds };
}

/** Small committees whose digest is due on the 3rd, each with a few officers (people of the big one's cells). */
async function seedDigestCommittees(db: Db): Promise<void> {
  for (let i = 0; i < digestCommittees; i++) {
    const committee = await db.committee.create({ data: { name: `Đảng ủy phường ${i + 1}`, code: `DIGEST${pad(i, 4)}`, timeZone, digestDay: 3, createdById: "p00000000", createdAt: now } });
    await db.committeeOfficer.createMany({
      data: Array.from({ length: officersEach }, (_, j) => ({ committeeId: committee.id, personId: `p${pad(i * officersEach + j + 1, 8)}`, role: j === 0 ? "secretary" : "member", appointedById: "p00000000", appointedAt: now })),
    });
  }
  // Committees on another day are left alone.
  await db.committee.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ name: `Đảng ủy xã ${i + 1}`, code: `OTHER${pad(i, 5)}`, timeZone, digestDay: 10, createdById: "p00000000", createdAt: now })) });
}

async function main() {
  const path = join(tmpdir(), `chibo-rollup-${randomUUID()}.db`);
  const url = `file:${path}`;
  try {
    await migrateDatabase(url);
    const db = await createDb(url);
    try {
      const seeded = await timed(() => seed(db));
      await seedDigestCommittees(db);
      const counts = { attendance: await db.attendance.count(), outbox: await db.outboxMessage.count(), drafts: await db.reportDraft.count(), meetings: await db.meeting.count() };
      log(`seeded ${members} members in ${cells} cells: ${counts.meetings} meetings, ${counts.attendance} attendance rows, ${counts.outbox} outbox rows, ${counts.drafts} drafts in ${(seeded.ms / 1000).toFixed(1)} s`);
      const { committeeId, cellIds } = seeded.value;
      const query = { committeeId, timeZone, month, now };

      const first = await timed(() => rollupSummary(db, query));
      const { summary } = first.value;
      log(
        `roll-up ${month.year}-${pad(month.month, 2)}: held ${summary.held}/${summary.cells}, present ${summary.attendance.present}, excused ${summary.attendance.excused}, absent ${summary.attendance.absent}, ` +
          `short ${summary.short}, documents late ${summary.documentsLate}, members at 3 months ${summary.removal}, at 2 ${summary.warning}, cells to nudge ${summary.nudges.length}`,
      );
      const rollupMs = await median(() => rollupSummary(db, query));
      log(`roll-up of the whole committee: first ${ms(first.ms)} ms, median of ${runs} ${ms(rollupMs)} ms`);
      const pageMs = await median(() => rollupSummary(db, { ...query, cellIds: cellIds.slice(100, 110) }));
      const cardMs = await median(() => rollupSummary(db, { ...query, cellIds: [cellIds[7]!] }));
      log(`a list page (10 cells): ${ms(pageMs)} ms; a cell's card: ${ms(cardMs)} ms`);

      const planned = await timed(() => planDigests(db, now));
      const again = await timed(() => planDigests(db, now));
      const rows = await db.outboxMessage.count({ where: { kind: digestKind } });
      log(`digest planned for ${digestCommittees} committees in one pass: ${planned.value} rows in ${ms(planned.ms)} ms; again: ${again.value} rows in ${ms(again.ms)} ms (${rows} stored)`);

      log(
        JSON.stringify({
          bench: "rollup",
          database: "sqlite",
          cells,
          members,
          ...counts,
          rollupFirstMs: ms(first.ms),
          rollupMedianMs: ms(rollupMs),
          listPageMs: ms(pageMs),
          cardMs: ms(cardMs),
          held: summary.held,
          atThreeMonths: summary.removal,
          atTwoMonths: summary.warning,
          nudges: summary.nudges.length,
          digestCommittees,
          digestRows: planned.value,
          digestPlanMs: ms(planned.ms),
          digestReplanRows: again.value,
          digestReplanMs: ms(again.ms),
        }),
      );
    } finally {
      await db.$disconnect();
    }
  } finally {
    // BENCH_KEEP_DB=1 leaves the database for a closer look (EXPLAIN QUERY PLAN).
    if (process.env.BENCH_KEEP_DB === "1") log(`database kept: ${path}`);
    else for (const s of ["", "-wal", "-shm"]) rmSync(path + s, { force: true });
  }
}

// Run as a script; imported (bench:scale takes its helpers), it only lends them.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
