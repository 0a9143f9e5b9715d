/**
 * The core with the reports feature on a real SQLite file, driven like test/helpers/core-harness.ts
 * (whose RecordingMessenger and locales it reuses) plus what reports need: the outbox job, a
 * restart on the same database, a seeded cell, and every log line kept for the privacy checks.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { runOutbox, type OutboxSummary } from "../../../bot/core/delivery/dispatch.ts";
import { createCore, type Core } from "../../../bot/core/kernel/app.ts";
import { createReportsFeature, type ReportsOptions } from "../../../bot/core/features/reports/index.ts";
import type { Choice, InboundInput, OutboundMessage, Platform } from "../../../bot/core/contract/messages.ts";
import { createDb } from "../../../bot/db/client.ts";
import { i18n, RecordingMessenger } from "../../helpers/core-harness.ts";
import { createTestDb, type TestDb } from "../../helpers/db.ts";
import { type CoreDeps } from "../../../bot/core/deps.ts";
import { membershipFeature } from "../../../bot/core/features/membership/index.ts";

export interface ReportsHarness {
  testDb: TestDb;
  deps: CoreDeps;
  core: Core;
  messenger: RecordingMessenger;
  zalo: RecordingMessenger;
  clock: { now: Date; advance(ms: number): void };
  logs: string[];
  user(id: string, platform?: Platform): Member;
  runOutbox(): Promise<OutboxSummary>;
  /** A new core (a new bot process) on the same database file; optionally with other templates. */
  restart(options?: ReportsOptions): Promise<void>;
  close(): Promise<void>;
}

export interface Member {
  id: string;
  send(input: InboundInput): Promise<OutboundMessage[]>;
  say(text: string): Promise<OutboundMessage[]>;
  command(name: string, args?: string): Promise<OutboundMessage[]>;
  press(data: string): Promise<OutboundMessage[]>;
  /** Presses the button with this label in the latest message (of all received) that has it. */
  choose(label: string | RegExp): Promise<OutboundMessage[]>;
  inbox(): OutboundMessage[];
  /** Every text received, joined. */
  all(): string;
  lastText(): string;
  /** The person's id in the database. */
  personId(): Promise<string>;
}

export async function createReportsHarness(options: ReportsOptions = {}): Promise<ReportsHarness> {
  const testDb = await createTestDb();
  const messenger = new RecordingMessenger("telegram");
  const zalo = new RecordingMessenger("zalo");
  const clock = {
    now: new Date("2026-11-24T02:00:00Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  let db = testDb.db;
  const makeDeps = (): CoreDeps => ({
    db,
    i18n,
    logger: pino({ level: "trace" }, sink),
    messengers: new Map<Platform, RecordingMessenger>([
      ["telegram", messenger],
      ["zalo", zalo],
    ]),
    now: () => clock.now,
    settings: { defaultLocale: "vi", defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 30 },
  });
  let feature = createReportsFeature(options);
  const h: ReportsHarness = {
    testDb,
    deps: makeDeps(),
    core: undefined as unknown as Core,
    messenger,
    zalo,
    clock,
    logs,
    user(id, platform = "telegram") {
      const box = platform === "telegram" ? messenger : zalo;
      const m: Member = {
        id,
        async send(input) {
          const before = box.inbox(id).length;
          await h.core.handle({ platform, userId: id, chatId: id, displayName: `User ${id}`, input });
          return box.inbox(id).slice(before);
        },
        say: (text) => m.send({ kind: "text", text }),
        command: (command, args = "") => m.send({ kind: "command", command, args }),
        press: (data) => m.send({ kind: "choice", data }),
        async choose(label) {
          const matches = (c: Choice) => (typeof label === "string" ? c.label === label : label.test(c.label));
          const message = [...box.inbox(id)].reverse().find((msg) => msg.choices?.flat().some(matches));
          const choice = message?.choices?.flat().find(matches);
          if (!choice) throw new Error(`No button ${String(label)} for ${id}; last: ${JSON.stringify(box.inbox(id).at(-1))}`);
          return m.press(choice.data);
        },
        inbox: () => box.inbox(id),
        all: () => box.inbox(id).map((x) => x.text).join("\n---\n"),
        lastText: () => box.inbox(id).at(-1)?.text ?? "",
        async personId() {
          const identity = await db.identity.findUniqueOrThrow({ where: { platform_userId: { platform, userId: id } } });
          return identity.personId;
        },
      };
      return m;
    },
    runOutbox: () => runOutbox({ core: h.deps, renderers: h.core.outboxRenderers(), pacers: new Map() }, { now: clock.now }),
    async restart(next) {
      if (next) feature = createReportsFeature(next);
      await db.$disconnect();
      db = await createDb(testDb.url);
      h.deps = makeDeps();
      h.core = createCore(h.deps, [feature, membershipFeature]);
    },
    async close() {
      await db.$disconnect();
      await testDb.close();
    },
  };
  h.core = createCore(h.deps, [feature, membershipFeature]);
  return h;
}

export interface SeededMember {
  userId: string;
  fullName: string;
  category?: string;
  role?: "secretary" | "deputy" | "committee" | "member";
  exempt?: boolean;
  locale?: string;
}

/** A cell with its people already admitted (the membership flows have their own tests). */
export async function seedCell(h: ReportsHarness, people: SeededMember[], name = "Chi bộ Khu phố 3"): Promise<{ cellId: string; personIds: Map<string, string> }> {
  const db = h.deps.db;
  const cell = await db.cell.create({ data: { name, timeZone: "Asia/Ho_Chi_Minh" } });
  const personIds = new Map<string, string>();
  for (const p of people) {
    const person = await db.person.create({
      data: {
        fullName: p.fullName,
        partyStatus: "official",
        category: p.category ?? "can_bo",
        locale: p.locale ?? "vi",
        activeCellId: cell.id,
        identities: { create: { platform: "telegram", userId: p.userId, chatId: p.userId } },
      },
    });
    await db.membership.create({ data: { cellId: cell.id, personId: person.id, status: "active", role: p.role ?? "member", exempt: p.exempt ?? false, decidedAt: h.clock.now } });
    personIds.set(p.userId, person.id);
  }
  return { cellId: cell.id, personIds };
}

export const textOf = (messages: OutboundMessage[]) => messages.map((m) => m.text).join("\n---\n");
export const labelsOf = (messages: OutboundMessage[]) => messages.flatMap((m) => m.choices?.flat().map((c) => c.label) ?? []);
