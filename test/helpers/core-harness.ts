/**
 * The one core test harness: the platform-neutral core with the features under test (membership
 * always) on a real SQLite file, driven the way adapters drive it. Messengers record what each chat
 * would see; the clock is the test's; the outbox runs on demand; a restart is a new core (a new bot
 * process) on the same database file.
 */
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { Choice, InboundInput, OutboundMessage, Platform } from "../../bot/core/contract/messages.ts";
import { RecipientUnreachableError, type Messenger, type SendOptions } from "../../bot/core/contract/ports.ts";
import { runOutbox, type OutboxSummary } from "../../bot/core/delivery/dispatch.ts";
import type { CoreDeps } from "../../bot/core/deps.ts";
import { membershipFeature } from "../../bot/core/features/membership/index.ts";
import { createCore, type Core } from "../../bot/core/kernel/app.ts";
import type { FeatureFactory } from "../../bot/core/kernel/feature.ts";
import { createDb } from "../../bot/db/client.ts";
import { createI18n, type I18n } from "../../bot/i18n/index.ts";
import { createPgTestDb, createTestDb, type TestDb } from "./db.ts";

export const i18n: I18n = createI18n(join(import.meta.dirname, "../../locales"));

/** A messenger that records what each chat would see. */
export class RecordingMessenger implements Messenger {
  readonly sent: { chatId: string; message: OutboundMessage; options?: SendOptions }[] = [];
  readonly blocked = new Set<string>();
  constructor(readonly platform: Platform = "telegram") {}
  get sendsFiles() {
    return this.platform === "telegram";
  }
  async send(chatId: string, message: OutboundMessage, options?: SendOptions) {
    if (this.blocked.has(chatId)) throw new RecipientUnreachableError(this.platform);
    this.sent.push({ chatId, message, ...(options ? { options } : {}) });
  }
  inviteLink(code: string) {
    return `https://t.me/test_bot?start=${code}`;
  }
  inbox(chatId: string) {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => s.message);
  }
}

export interface HarnessOptions {
  /** The features under test; membership is always there, registered last as in the bot. */
  features?: FeatureFactory[];
  inviteTtlDays?: number;
  /** Keep every log line (at trace level), for the checks that logs never carry report texts. */
  captureLogs?: boolean;
  /** On a fresh PostgreSQL database instead of a SQLite file. */
  postgres?: boolean;
  /** Download links for documents on Zalo (PUBLIC_URL, DOWNLOAD_SECRET). */
  downloads?: { publicUrl: string; secret: string; ttlHours: number };
}

export interface Harness {
  core: Core;
  deps: CoreDeps;
  testDb: TestDb;
  /** The Telegram chats. */
  messenger: RecordingMessenger;
  /** The Zalo chats. */
  zalo: RecordingMessenger;
  clock: { now: Date; advance(ms: number): void };
  /** Every log line, when `captureLogs` is set. */
  logs: string[];
  user(id: string, platform?: Platform): TestUser;
  runOutbox(): Promise<OutboxSummary>;
  /** A new core (a new bot process) on the same database file, with the same or other features. */
  restart(features?: FeatureFactory[]): Promise<void>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  /** Sends input and returns the messages this user received in answer. */
  send(input: InboundInput): Promise<OutboundMessage[]>;
  say(text: string): Promise<OutboundMessage[]>;
  command(name: string, args?: string): Promise<OutboundMessage[]>;
  press(data: string): Promise<OutboundMessage[]>;
  /** Presses the button whose label matches, among the choices of the last message that has buttons. */
  pressLabel(label: string | RegExp): Promise<OutboundMessage[]>;
  /** Presses the button with this label in the latest message (of all received) that has it. */
  choose(label: string | RegExp): Promise<OutboundMessage[]>;
  inbox(): OutboundMessage[];
  /** Every text received, joined. */
  all(): string;
  lastText(): string;
  /** The person's id in the database. */
  personId(): Promise<string>;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  // TEST_DATABASE=postgresql runs every harness test on PostgreSQL.
  const testDb = (options.postgres ?? process.env.TEST_DATABASE === "postgresql") ? await createPgTestDb() : await createTestDb();
  const messenger = new RecordingMessenger("telegram");
  const zalo = new RecordingMessenger("zalo");
  const clock = {
    now: new Date("2026-11-24T02:00:00Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const logs: string[] = [];
  const logger = options.captureLogs
    ? pino({ level: "trace" }, new Writable({ write: (chunk, _encoding, done) => void (logs.push(String(chunk)), done()) }))
    : pino({ level: "silent" });
  let features = [...(options.features ?? []), membershipFeature];
  let db = testDb.db;
  const makeDeps = (): CoreDeps => ({
    db,
    i18n,
    logger,
    messengers: new Map<Platform, RecordingMessenger>([
      ["telegram", messenger],
      ["zalo", zalo],
    ]),
    now: () => clock.now,
    settings: { defaultLocale: "vi", defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: options.inviteTtlDays ?? 30, ...(options.downloads ? { downloads: options.downloads } : {}) },
  });

  const h: Harness = {
    testDb,
    deps: makeDeps(),
    core: undefined as unknown as Core,
    messenger,
    zalo,
    clock,
    logs,
    user(id, platform = "telegram") {
      const box = platform === "telegram" ? messenger : zalo;
      const u: TestUser = {
        id,
        async send(input) {
          const before = box.inbox(id).length;
          // A press names the message that carried the button, as messengers do.
          const pressed = input.kind === "choice" ? { pressedMessageRef: `msg-${before}` } : {};
          await h.core.handle({ platform, userId: id, chatId: id, displayName: `User ${id}`, input, ...pressed });
          return box.inbox(id).slice(before);
        },
        say: (text) => u.send({ kind: "text", text }),
        command: (command, args = "") => u.send({ kind: "command", command, args }),
        press: (data) => u.send({ kind: "choice", data }),
        async pressLabel(label) {
          const withChoices = [...box.inbox(id)].reverse().find((m) => m.choices?.length);
          const choice = withChoices?.choices?.flat().find((c: Choice) => (typeof label === "string" ? c.label === label : label.test(c.label)));
          if (!choice) throw new Error(`No button ${String(label)} in the last keyboard of ${id}: ${JSON.stringify(withChoices?.choices)}`);
          return u.press(choice.data);
        },
        async choose(label) {
          const matches = (c: Choice) => (typeof label === "string" ? c.label === label : label.test(c.label));
          const message = [...box.inbox(id)].reverse().find((msg) => msg.choices?.flat().some(matches));
          const choice = message?.choices?.flat().find(matches);
          if (!choice) throw new Error(`No button ${String(label)} for ${id}; last: ${JSON.stringify(box.inbox(id).at(-1))}`);
          return u.press(choice.data);
        },
        inbox: () => box.inbox(id),
        all: () => box.inbox(id).map((x) => x.text).join("\n---\n"),
        lastText: () => box.inbox(id).at(-1)?.text ?? "",
        async personId() {
          const identity = await db.identity.findUniqueOrThrow({ where: { platform_userId: { platform, userId: id } } });
          return identity.personId;
        },
      };
      return u;
    },
    runOutbox: () => runOutbox({ core: h.deps, renderers: h.core.outboxRenderers(), pacers: new Map() }, { now: clock.now }),
    async restart(next) {
      if (next) features = [...next, membershipFeature];
      await db.$disconnect();
      db = await createDb(testDb.url);
      h.deps = makeDeps();
      h.core = createCore(h.deps, features);
    },
    async close() {
      await db.$disconnect();
      await testDb.close();
    },
  };
  h.core = createCore(h.deps, features);
  return h;
}

/** A secretary creates a cell through the dialogue, as on the phone; returns the invite code shown at the end. */
export async function walkCreateCell(sec: TestUser, name = "Khu phố 3", fullName = "Trần Thị Bình"): Promise<string> {
  await sec.command("taochibo");
  await sec.say(name);
  await sec.pressLabel("Bỏ qua");
  await sec.say(fullName);
  await sec.pressLabel("Đảng viên chính thức");
  await sec.pressLabel("Hưu trí");
  const out = await sec.pressLabel("Bỏ qua");
  const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(texts(out))?.[1];
  if (!code) throw new Error(`no invite code in: ${texts(out)}`);
  return code;
}

/** A member opens the invite, answers the profile questions and sends the request. */
export async function walkJoin(member: TestUser, code: string, fullName: string, phone?: string): Promise<OutboundMessage[]> {
  await member.command("start", code.replaceAll("-", ""));
  await member.say(fullName);
  await member.pressLabel("Đảng viên chính thức");
  await member.pressLabel("Công nhân");
  await (phone ? member.say(phone) : member.pressLabel("Bỏ qua"));
  return member.pressLabel("Gửi yêu cầu");
}

export interface SeededMember {
  userId: string;
  fullName: string;
  category?: string;
  role?: "secretary" | "deputy" | "committee" | "member";
  exempt?: boolean;
  locale?: string;
}

/** A cell with its people already admitted, for tests of what comes after (the membership flows have their own tests). */
export async function seedCell(h: Harness, people: SeededMember[], name = "Chi bộ Khu phố 3"): Promise<{ cellId: string; personIds: Map<string, string> }> {
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

/**
 * `count` more active members in a cell, added in bulk (thousands in a second): ids `p000000x`…,
 * names `${namePrefix} 1`…, Telegram accounts `u0`…; `unreachable(i)` marks an account blocked.
 */
export async function seedBulkMembers(h: Harness, cellId: string, count: number, options: { namePrefix?: string; category?: string; unreachable?: (i: number) => boolean } = {}): Promise<string[]> {
  const db = h.deps.db;
  const ids = Array.from({ length: count }, (_, i) => `p${String(i).padStart(6, "0")}x`);
  await db.person.createMany({ data: ids.map((id, i) => ({ id, fullName: `${options.namePrefix ?? "Đảng viên"} ${i + 1}`, partyStatus: "official", category: options.category ?? "can_bo", activeCellId: cellId })) });
  await db.identity.createMany({ data: ids.map((id, i) => ({ personId: id, platform: "telegram", userId: `u${i}`, chatId: `u${i}`, unreachable: options.unreachable?.(i) ?? false })) });
  await db.membership.createMany({ data: ids.map((id) => ({ cellId, personId: id, status: "active", decidedAt: h.clock.now })) });
  return ids;
}

export const texts = (messages: OutboundMessage[]) => messages.map((m) => m.text).join("\n---\n");
export const textOf = texts;
export const labels = (message: OutboundMessage | undefined) => message?.choices?.flat().map((c) => c.label) ?? [];
export const labelsOf = (messages: OutboundMessage[]) => messages.flatMap((m) => m.choices?.flat().map((c) => c.label) ?? []);
