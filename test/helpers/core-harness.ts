import { join } from "node:path";
import { pino } from "pino";
import { createCore, type Core } from "../../bot/core/kernel/app.ts";
import type { FeatureFactory } from "../../bot/core/kernel/feature.ts";
import type { Choice, InboundInput, OutboundMessage, Platform } from "../../bot/core/contract/messages.ts";
import { RecipientUnreachableError, type Messenger, type SendOptions } from "../../bot/core/contract/ports.ts";
import { createI18n, type I18n } from "../../bot/i18n/index.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { type CoreDeps } from "../../bot/core/deps.ts";
import { membershipFeature } from "../../bot/core/features/membership/index.ts";

export const i18n: I18n = createI18n(join(import.meta.dirname, "../../locales"));

/** A messenger that records what each chat would see. */
export class RecordingMessenger implements Messenger {
  readonly sent: { chatId: string; message: OutboundMessage; options?: SendOptions }[] = [];
  readonly blocked = new Set<string>();
  constructor(readonly platform: Platform = "telegram") {}
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

export interface Harness {
  core: Core;
  deps: CoreDeps;
  testDb: TestDb;
  messenger: RecordingMessenger;
  clock: { now: Date };
  user(id: string): TestUser;
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
  inbox(): OutboundMessage[];
  lastText(): string;
}

export async function createHarness(options: { inviteTtlDays?: number; features?: FeatureFactory[] } = {}): Promise<Harness> {
  const testDb = await createTestDb();
  const messenger = new RecordingMessenger();
  const clock = { now: new Date("2026-11-24T02:00:00Z") };
  const deps: CoreDeps = {
    db: testDb.db,
    i18n,
    logger: pino({ level: "silent" }),
    messengers: new Map([["telegram", messenger]]),
    now: () => clock.now,
    settings: { defaultLocale: "vi", defaultTimeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: options.inviteTtlDays ?? 30 },
  };
  const core = createCore(deps, [...(options.features ?? []), membershipFeature]);
  const user = (id: string): TestUser => {
    const u: TestUser = {
      id,
      async send(input) {
        const before = messenger.inbox(id).length;
        // A press names the message that carried the button, as messengers do.
        const pressed = input.kind === "choice" ? { pressedMessageRef: `msg-${before}` } : {};
        await core.handle({ platform: "telegram", userId: id, chatId: id, displayName: `User ${id}`, input, ...pressed });
        return messenger.inbox(id).slice(before);
      },
      say: (text) => u.send({ kind: "text", text }),
      command: (command, args = "") => u.send({ kind: "command", command, args }),
      press: (data) => u.send({ kind: "choice", data }),
      async pressLabel(label) {
        const withChoices = [...messenger.inbox(id)].reverse().find((m) => m.choices?.length);
        const choice = withChoices?.choices?.flat().find((c: Choice) => (typeof label === "string" ? c.label === label : label.test(c.label)));
        if (!choice) throw new Error(`No button ${String(label)} in the last keyboard of ${id}: ${JSON.stringify(withChoices?.choices)}`);
        return u.press(choice.data);
      },
      inbox: () => messenger.inbox(id),
      lastText: () => messenger.inbox(id).at(-1)?.text ?? "",
    };
    return u;
  };
  return { core, deps, testDb, messenger, clock, user, close: () => testDb.close() };
}

export const texts = (messages: OutboundMessage[]) => messages.map((m) => m.text).join("\n---\n");
export const labels = (message: OutboundMessage | undefined) => message?.choices?.flat().map((c) => c.label) ?? [];
