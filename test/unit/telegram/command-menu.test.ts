import type { Api } from "grammy";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFeatures } from "../../../bot/core/features/index.ts";
import { createCore, type Core } from "../../../bot/core/kernel/app.ts";
import { menuCommands, setCommandMenu } from "../../../bot/telegram/bot.ts";
import { i18n, RecordingMessenger } from "../../helpers/core-harness.ts";
import { createTestDb, type TestDb } from "../../helpers/db.ts";

let testDb: TestDb;
let core: Core;
beforeAll(async () => {
  testDb = await createTestDb();
  core = createCore(
    {
      db: testDb.db,
      i18n,
      logger: pino({ level: "silent" }),
      messengers: new Map([["telegram", new RecordingMessenger()]]),
      now: () => new Date("2026-11-30T02:00:00Z"),
      settings: { defaultLocale: "vi", defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 30 },
    },
    allFeatures,
  );
});
afterAll(() => testDb.close());

describe("the Telegram command menu", () => {
  it("is the core's list of commands, every one of them, in the core's order, described in both languages", async () => {
    const sent: { commands: { command: string; description: string }[]; language?: string }[] = [];
    const api = { setMyCommands: async (commands: { command: string; description: string }[], options?: { language_code?: string }) => void sent.push({ commands, ...(options?.language_code ? { language: options.language_code } : {}) }) };
    await setCommandMenu(api as unknown as Api, core, i18n, pino({ level: "silent" }));

    const coreCommands = core.commands().map((c) => c.name);
    const listed = sent[0]!.commands.map((c) => c.command);
    // Every command the core understands is offered, none twice, and nothing the core does not know.
    expect([...listed].sort()).toEqual([...coreCommands].sort());
    expect(listed).toEqual(menuCommands(core));
    expect(listed.slice(0, 3)).toEqual(["start", "menu", "lich"]);
    expect(listed.at(-1)).toBe("huy");
    for (const name of listed) expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
    expect(sent.map((s) => s.language)).toEqual([undefined, "en"]);
    for (const s of sent) for (const c of s.commands) expect(c.description.length).toBeGreaterThan(2);
  });

  it("names only commands the core answers", async () => {
    const messenger = new RecordingMessenger();
    const answering = createCore({ ...coreDeps(), messengers: new Map([["telegram", messenger]]) }, allFeatures);
    for (const name of menuCommands(core)) {
      await answering.handle({ platform: "telegram", userId: "menu-user", chatId: "menu-user", input: { kind: "command", command: name, args: "" } });
    }
    expect(messenger.sent.map((s) => s.message.text).filter((t) => t.includes("Không có lệnh"))).toEqual([]);
  });
});

function coreDeps() {
  return {
    db: testDb.db,
    i18n,
    logger: pino({ level: "silent" }),
    messengers: new Map([["telegram", new RecordingMessenger()]]),
    now: () => new Date("2026-11-30T02:00:00Z"),
    settings: { defaultLocale: "vi" as const, defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 30 },
  };
}
