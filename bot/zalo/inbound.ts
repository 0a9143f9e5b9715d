/**
 * What happens to a Zalo update once it has arrived, by polling or by webhook:
 *
 * 1. its message id is recorded in InboundDedup at once. getUpdates has no offset and the server
 *    forgets an update once returned, and a webhook may be replayed: an id already recorded is
 *    never handled again, not even after a crash or a restart;
 * 2. updates of one person are handled one after the other, in the order received (those of
 *    different people concurrently);
 * 3. the text is read against the options last shown in the chat and the commands the core
 *    knows (normalize.ts), the options of the chat are sealed (the person answered), and the
 *    event goes to the core.
 */
import type { EventSink } from "../core/contract/ports.ts";
import type { Db } from "../db/client.ts";
import type { I18n, Locale } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import { loadChoices } from "./choices.ts";
import type { ZaloMessenger } from "./messenger.ts";
import { commandTable, normalizeZaloUpdate } from "./normalize.ts";
import type { ZaloUpdate } from "./types.ts";
import { isUniqueViolation } from "../db/errors.ts";

const platform = "zalo";
/** Ids older than this are forgotten: a replay after a month is not expected. */
const dedupRetentionMs = 30 * 24 * 3600_000;
const pruneEvery = 500;

/** Records a message id; true the first time, false when it was already recorded. */
export async function recordInbound(db: Db, messageId: string): Promise<boolean> {
  try {
    await db.inboundDedup.create({ data: { platform, messageId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function pruneInbound(db: Db, now: Date): Promise<number> {
  const { count } = await db.inboundDedup.deleteMany({ where: { platform, receivedAt: { lt: new Date(now.getTime() - dedupRetentionMs) } } });
  return count;
}

export interface ZaloInboundDeps {
  db: Db;
  sink: EventSink;
  messenger: ZaloMessenger;
  i18n: I18n;
  defaultLocale: Locale;
  logger: Logger;
  /** The bot's own Zalo id (getMe), to drop its own messages if Zalo echoes them. */
  botId?: string;
}

export interface ZaloInbound {
  /**
   * Takes one update: resolves once its id is recorded ("accepted"; handling goes on in the
   * background) or found already recorded ("duplicate", nothing else happens). Rejects when the id
   * could not be recorded; the update is then not handled.
   */
  accept(update: ZaloUpdate): Promise<"accepted" | "duplicate">;
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
        await deps.messenger.sealChoices(message.chat.id);
        const locale = await deps.sink.localeOf(platform, message.from.id);
        const numbers = normalized.numbers.join(", ");
        await deps.messenger.send(message.chat.id, { text: deps.i18n.t(locale, "zalo-ambiguous-option", { label: normalized.label, numbers }) });
        return;
      }
      case "event":
        log.debug({ event_name: update.event_name, input: normalized.event.input.kind }, "zalo update");
        await deps.messenger.sealChoices(message.chat.id);
        await deps.sink.handle(normalized.event);
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
      if (chains.get(key) === run) chains.delete(key);
    });
  }

  return {
    accept(update) {
      // Recording starts now; handling waits its turn behind the same person's earlier updates.
      const isNew = recordInbound(db, update.message.message_id);
      enqueue(update.message.from.id, async () => {
        if (!(await isNew.catch(() => false))) return;
        await handle(update);
      });
      return isNew.then((fresh) => {
        if (fresh && ++recorded % pruneEvery === 0) {
          pruneInbound(db, new Date()).catch((err: unknown) => log.warn({ err }, "could not prune old message ids"));
        }
        if (!fresh) log.info({ event_name: update.event_name }, "zalo update already handled; ignored");
        return fresh ? "accepted" : "duplicate";
      });
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
