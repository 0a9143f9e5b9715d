/**
 * What happens to a Zalo update once it has arrived, by polling or by webhook:
 *
 * 1. a sender with too many updates already waiting is refused at once (told once per burst), so a
 *    flood from one account never holds up everyone else;
 * 2. the update is written to the inbox (inbox.ts) before anything else: a replay of a message id
 *    already there is ignored, and one written but not handled (a crash) is replayed later, by this
 *    instance or another;
 * 3. updates of one person are handled one after the other, in the order received (those of
 *    different people concurrently);
 * 4. the text is read against the options last shown in the chat and the commands the core
 *    knows (normalize.ts), and the event goes to the core (several, for "2, 5" on a list); then
 *    the inbox forgets the update's text.
 */
import { randomUUID } from "node:crypto";
import type { EventSink } from "../core/contract/ports.ts";
import type { Db } from "../db/client.ts";
import type { ReplayTiming } from "../db/inbox.ts";
import type { I18n, Locale } from "../i18n/index.ts";
import { createFloodGate } from "../lib/flood-gate.ts";
import type { Logger } from "../logger.ts";
import { loadChoices } from "./choices.ts";
import { markHandled, pruneInbound, recordInbound, replayInbound } from "./inbox.ts";
import type { ZaloMessenger } from "./messenger.ts";
import { commandTable, normalizeZaloUpdate } from "./normalize.ts";
import type { ZaloUpdate } from "./types.ts";

const platform = "zalo";
const pruneEvery = 500;

export interface ZaloInboundDeps {
  db: Db;
  sink: EventSink;
  messenger: ZaloMessenger;
  i18n: I18n;
  defaultLocale: Locale;
  logger: Logger;
  /** The bot's own Zalo id (getMe), to drop its own messages if Zalo echoes them. */
  botId?: string;
  /** Updates of one sender that may wait or run at once; beyond, they are dropped (default 8). */
  maxQueuedPerSender?: number;
  /** When updates left by a stopped instance are replayed (tests shorten it). */
  replay?: ReplayTiming;
}

export interface ZaloInbound {
  /**
   * Takes one update: resolves once its id is recorded ("accepted"; handling goes on in the
   * background) or found already recorded ("duplicate", nothing else happens). Rejects when the id
   * could not be recorded; the update is then not handled.
   */
  accept(update: ZaloUpdate): Promise<"accepted" | "duplicate" | "dropped">;
  /**
   * Handles what the inbox holds but was never handled (this process or another stopped in
   * between), each update claimed first so that no other instance handles it too; how many.
   */
  resume(): Promise<number>;
  /** Resolves when every accepted update has been handled. */
  drain(): Promise<void>;
}

export function createZaloInbound(deps: ZaloInboundDeps): ZaloInbound {
  const { db } = deps;
  const log = deps.logger.child({ platform });
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let recorded = 0;
  const commands = commandTable(deps.sink.commands());
  const gate = createFloodGate({ maxQueued: deps.maxQueuedPerSender ?? 8 });
  const holder = `zalo:${randomUUID()}`;

  async function handle(update: ZaloUpdate): Promise<void> {
    const { message } = update;
    const memory = await loadChoices(db, message.chat.id);
    const normalized = normalizeZaloUpdate(update, { commands, memory, ...(deps.botId ? { botId: deps.botId } : {}) });
    switch (normalized.kind) {
      case "ignored":
        log.debug({ reason: normalized.reason }, "zalo update ignored");
        return;
      case "group":
        if (normalized.isCommand) await deps.messenger.send(normalized.chatId, { text: deps.i18n.t(deps.defaultLocale, "private-chat-only") });
        return;
      case "ambiguous": {
        const locale = await deps.sink.localeOf(platform, message.from.id);
        const numbers = normalized.numbers.join(", ");
        await deps.messenger.send(message.chat.id, { text: deps.i18n.t(locale, "zalo-ambiguous-option", { label: normalized.label, numbers }) });
        return;
      }
      case "event":
        log.debug({ event_name: update.event_name, input: normalized.event.input.kind }, "zalo update");
        await deps.sink.handle(normalized.event);
        return;
      case "events":
        log.debug({ event_name: update.event_name, count: normalized.events.length }, "zalo update with several options");
        for (const event of normalized.events) await deps.sink.handle(event);
        return;
    }
  }

  function enqueue(key: string, job: () => Promise<void>): void {
    const previous = chains.get(key) ?? Promise.resolve();
    const run = previous.then(job).catch((err: unknown) => {
      log.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, "zalo update failed");
    });
    chains.set(key, run);
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      gate.leave(key);
      if (chains.get(key) === run) chains.delete(key);
    });
  }

  /** Handles one update from the inbox; it is marked handled even when handling failed, so it is never retried into a loop. */
  async function handleRecorded(update: ZaloUpdate): Promise<void> {
    try {
      await handle(update);
    } finally {
      await markHandled(db, update.message.message_id, new Date());
    }
  }

  async function tellTooFast(update: ZaloUpdate): Promise<void> {
    try {
      const locale = await deps.sink.localeOf(platform, update.message.from.id);
      await deps.messenger.send(update.message.chat.id, { text: deps.i18n.t(locale, "too-fast") }, { locale });
    } catch (err) {
      log.debug({ err: err instanceof Error ? err.message : String(err) }, "could not tell a flooding sender to slow down");
    }
  }

  return {
    accept(update) {
      const sender = update.message.from.id;
      const verdict = gate.enter(sender);
      if (verdict !== "pass") {
        if (verdict === "refuse-first") void tellTooFast(update);
        return Promise.resolve("dropped");
      }
      // Writing starts now; handling waits its turn behind the same person's earlier updates.
      const isNew = recordInbound(db, update);
      enqueue(sender, async () => {
        if (!(await isNew.catch(() => false))) return;
        await handleRecorded(update);
      });
      return isNew.then((fresh) => {
        if (fresh && ++recorded % pruneEvery === 0) {
          pruneInbound(db, new Date()).catch((err: unknown) => log.warn({ err }, "could not prune old message ids"));
        }
        if (!fresh) log.info({ event_name: update.event_name }, "zalo update already handled; ignored");
        return fresh ? "accepted" : "duplicate";
      });
    },
    async resume() {
      const replayed = await replayInbound(
        db,
        (update) => {
          const sender = update.message.from.id;
          // Taken whatever the flood cap says: these were accepted before a stop.
          gate.admit(sender);
          enqueue(sender, () => handleRecorded(update));
        },
        { holder, ...(deps.replay ? { timing: deps.replay } : {}) },
      );
      if (replayed) log.info({ count: replayed }, "zalo updates left unhandled by a stop handled now");
      return replayed ?? 0;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
