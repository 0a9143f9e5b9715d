import { GrammyError, InputFile, type Api } from "grammy";
import { toInlineKeyboard } from "./keyboard.ts";
import { RecipientUnreachableError, type Messenger } from "../core/contract/ports.ts";
import { splitText } from "../lib/split.ts";

export const telegramTextLimit = 4096;

/** 403 "bot was blocked by the user", "user is deactivated", 400 "chat not found": no retry will help. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  return error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description));
}

/** Sends core messages as Telegram messages: choices become an inline keyboard under the last part. */
export function createTelegramMessenger(api: Api, botUsername: string, onAttachmentError?: (error: unknown) => void): Messenger {
  return {
    platform: "telegram",
    sendsFiles: true,
    async send(chatId, message, options) {
      const parts = splitText(message.text, telegramTextLimit);
      const keyboard = toInlineKeyboard(message);
      try {
        let edited = false;
        if (options?.replaceRef && parts.length === 1) {
          edited = await api
            .editMessageText(chatId, Number(options.replaceRef), parts[0]!, keyboard ? { reply_markup: keyboard } : {})
            .then(() => true)
            // "message is not modified" or a message too old to edit: send it anew instead.
            .catch((error) => (isUnreachable(error) ? Promise.reject(error) : false));
          if (!edited) await api.sendMessage(chatId, parts[0]!, keyboard ? { reply_markup: keyboard } : {});
        } else {
          for (const [i, part] of parts.entries()) {
            await api.sendMessage(chatId, part, i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {});
          }
        }
        // The text is out: a document that fails must not make the caller send the text again. An
        // edited message (a checklist ticked again) already carried its documents the first time.
        for (const file of edited ? [] : (message.attachments ?? [])) {
          if (file.platform !== "telegram") continue;
          await api.sendDocument(chatId, file.fileRef).catch((error) => {
            if (isUnreachable(error)) throw error;
            onAttachmentError?.(error);
          });
        }
        // A document made for the reader is what they asked for: its failure is the caller's to see.
        if (message.file) await api.sendDocument(chatId, new InputFile(message.file.bytes, message.file.fileName));
      } catch (error) {
        if (isUnreachable(error)) throw new RecipientUnreachableError("telegram", { cause: error });
        throw error;
      }
    },
    inviteLink: (code) => `https://t.me/${botUsername}?start=${code}`,
  };
}
