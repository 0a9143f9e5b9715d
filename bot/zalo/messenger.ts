/**
 * The core's OutboundMessage as Zalo messages: plain text (Zalo renders no Markdown and has no
 * buttons), choices as numbered options with a line saying what to type, split at paragraph
 * boundaries under Zalo's 2,000 characters.
 */
import type { Db } from "../db/client.ts";
import type { OutboundMessage } from "../core/contract/messages.ts";
import { RecipientUnreachableError, type Messenger, type SendOptions } from "../core/contract/ports.ts";
import { splitText } from "../lib/split.ts";
import type { I18n, Locale } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { ZaloBotClient } from "./client.ts";
import { loadChoices, numberChoices, renderOptions, saveChoices, type HintTexts, type RememberedChoices } from "./choices.ts";
import { ZaloApiError } from "./errors.ts";
import { ZALO_MAX_TEXT_LENGTH } from "./types.ts";

/** Zalo's 2,000 characters; its unit is unconfirmed, so UTF-16 units are counted (never more lenient than code points). */
export const zaloTextLimit = ZALO_MAX_TEXT_LENGTH;

/**
 * Whether Zalo said the person cannot be reached. Zalo documents no "blocked" error (notes §7), so
 * this is deliberately narrow: 404 on a send (the chat or user does not exist), or 400/403 whose
 * description says blocked / not found / not allowed. Never 401 (our token), 429 or 5xx (ours to
 * retry): marking every member unreachable on a token problem would be far worse than a retry.
 */
export function isZaloUnreachable(error: unknown): boolean {
  if (!(error instanceof ZaloApiError)) return false;
  if (error.error_code === 404) return true;
  if (error.error_code === 400 || error.error_code === 403) {
    return /block|chặn|not found|not exist|không tồn tại|unfollow|forbidden|not allowed|denied|invalid (?:user|chat)/i.test(error.description);
  }
  return false;
}

export interface ZaloMessengerDeps {
  db: Db;
  i18n: I18n;
  defaultLocale: Locale;
  logger: Logger;
}

/** The subset of the client the messenger uses (a test can pass a recording double). */
export type ZaloSender = Pick<ZaloBotClient, "sendMessage">;

export type ZaloMessenger = Messenger;

export function createZaloMessenger(client: ZaloSender, deps: ZaloMessengerDeps): ZaloMessenger {
  const { db, i18n } = deps;
  const log = deps.logger.child({ platform: "zalo", component: "messenger" });
  // One send at a time per chat: the numbering of options and their order must match what is shown.
  const chains = new Map<string, Promise<unknown>>();

  const serial = <T>(chatId: string, job: () => Promise<T>): Promise<T> => {
    const previous = chains.get(chatId) ?? Promise.resolve();
    const run = previous.then(job, job);
    const settled = run.catch(() => undefined);
    chains.set(chatId, settled);
    void settled.then(() => {
      if (chains.get(chatId) === settled) chains.delete(chatId);
    });
    return run;
  };

  const hintTexts = (locale: Locale): HintTexts => ({
    byName: (labels) => i18n.t(locale, "zalo-answer-by-name", { labels }),
    one: (n) => i18n.t(locale, "zalo-answer-one", { n }),
    few: (list, last) => i18n.t(locale, "zalo-answer-few", { list, last }),
    range: (first, last) => i18n.t(locale, "zalo-answer-range", { first, last }),
  });

  async function restore(chatId: string, previous: RememberedChoices | null): Promise<void> {
    try {
      if (previous) await saveChoices(db, chatId, previous);
      else await db.choiceMemory.deleteMany({ where: { platform: "zalo", chatId } });
    } catch (err) {
      log.warn({ err }, "could not restore the options memory");
    }
  }

  async function send(chatId: string, message: OutboundMessage, options: SendOptions): Promise<void> {
    const previous = await loadChoices(db, chatId);
    const numbered = numberChoices(message.choices, { numbersAreAnswers: message.numbersAreAnswers === true });
    const blocks = [message.text.trim()];
    const locale = options.locale ?? deps.defaultLocale;
    // Files (meeting papers) live on the messenger they were sent on; Zalo's API cannot send files at all.
    const attachments = message.attachments?.length ?? 0;
    if (attachments > 0) blocks.push(i18n.t(locale, "zalo-attachments-unavailable", { count: attachments }));
    if (numbered) {
      blocks.push(renderOptions(numbered.shown, hintTexts(locale), message.numbersAreAnswers === true));
      // Saved before sending: a person answering at once must find the numbers they see.
      await saveChoices(db, chatId, numbered.memory);
    } else if (previous?.fresh) {
      await saveChoices(db, chatId, { ...previous, fresh: false });
    }
    const parts = splitText(blocks.filter(Boolean).join("\n\n"), zaloTextLimit);
    let sentParts = 0;
    try {
      for (const part of parts) {
        await client.sendMessage(chatId, part);
        sentParts++;
      }
    } catch (error) {
      if (sentParts === 0 && (numbered || previous?.fresh)) await restore(chatId, previous);
      if (isZaloUnreachable(error)) throw new RecipientUnreachableError("zalo", { cause: error });
      throw error;
    }
  }

  return {
    platform: "zalo",
    // The Zalo Bot API has no way to send a file: documents go as a signed link instead.
    sendsFiles: false,
    send: (chatId, message, options = {}) => serial(chatId, () => send(chatId, message, options)),
    // Zalo has no links that open a bot with a payload: the code is typed instead.
    inviteLink: () => undefined,
  };
}
