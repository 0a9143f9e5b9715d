/**
 * Zod schemas and inferred types for the Zalo Bot Platform HTTP API
 * (`https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>`), per /work/shared/notes/zalo-bot-api.md.
 *
 * Every schema is `.passthrough()`: unknown extra fields are kept, never rejected, because the API
 * adds fields without notice (e.g. `error_code: 0` on success, `display_name` on getMe,
 * `verification` on setWebhook are all seen only in some sources).
 */
import { z } from "zod";

/** Most text the API accepts in one `text` or `caption` (docs: "1-2000 characters"). See `maxTextLength` note in client.ts. */
export const ZALO_MAX_TEXT_LENGTH = 2000;

/**
 * Ids are strings on this API (user/chat ids are 20 hex chars, bot ids are numeric strings too large
 * for a JS number). We still accept a number and turn it into a string so that a future change to
 * numeric ids does not drop updates; precision is whatever JSON.parse left.
 */
export const zaloIdSchema = z.union([z.string(), z.number()]).transform((v) => String(v));

/**
 * `error_code` is a number today; the notes (S9) advise comparing with `Number(...)` in case it
 * becomes a string, so both are accepted here.
 */
const errorCodeSchema = z.union([z.number(), z.string()]);

/** The envelope of every response: `{ ok, result?, description?, error_code? }`. Errors come back with HTTP 200 and `ok: false`. */
export const zaloEnvelopeSchema = z
  .object({
    ok: z.boolean(),
    result: z.unknown().optional(),
    description: z.string().optional(),
    error_code: errorCodeSchema.optional(),
  })
  .passthrough();
export type ZaloEnvelope = z.infer<typeof zaloEnvelopeSchema>;

// ---------------------------------------------------------------------------------------------
// Method results
// ---------------------------------------------------------------------------------------------

/** getMe → `{id, account_name, account_type, can_join_groups}`; `display_name` seen in one fixture only. */
export const zaloBotInfoSchema = z
  .object({
    id: zaloIdSchema,
    account_name: z.string().optional(),
    account_type: z.string().optional(),
    can_join_groups: z.boolean().optional(),
    display_name: z.string().optional(),
  })
  .passthrough();
export type ZaloBotInfo = z.infer<typeof zaloBotInfoSchema>;

/** sendMessage / sendPhoto / sendSticker → `{message_id, date}` (date in milliseconds). */
export const zaloSentMessageSchema = z
  .object({
    message_id: zaloIdSchema,
    date: z.number().optional(),
  })
  .passthrough();
export type ZaloSentMessage = z.infer<typeof zaloSentMessageSchema>;

/** setWebhook / deleteWebhook / getWebhookInfo → `{url, updated_at}` (deleteWebhook: `url: ""`). */
export const zaloWebhookInfoSchema = z
  .object({
    url: z.string(),
    updated_at: z.number().optional(),
  })
  .passthrough();
export type ZaloWebhookInfo = z.infer<typeof zaloWebhookInfoSchema>;

/** sendChatAction answers `{"ok": true}` with no `result`; anything there is tolerated and ignored. */
export const zaloChatActionResultSchema = z.unknown();

// ---------------------------------------------------------------------------------------------
// Updates
// ---------------------------------------------------------------------------------------------

/** The event names documented (S1/S2) plus `message.voice.received` from later docs (S5, S9). Other values are tolerated. */
export const ZALO_EVENT_NAMES = [
  "message.text.received",
  "message.image.received",
  "message.sticker.received",
  "message.voice.received",
  "message.unsupported.received",
] as const;
export type ZaloKnownEventName = (typeof ZALO_EVENT_NAMES)[number];

export const zaloUserSchema = z
  .object({
    id: zaloIdSchema,
    /** Documented on the Webhook page. */
    display_name: z.string().optional(),
    /** Read by older OpenClaw code. */
    name: z.string().optional(),
    /** Shown in the getUpdates sample of S4. */
    first_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  })
  .passthrough();
export type ZaloUser = z.infer<typeof zaloUserSchema>;

export const zaloChatSchema = z
  .object({
    id: zaloIdSchema,
    /** `"PRIVATE"` or `"GROUP"` (groups are beta); kept as a plain string so new values do not reject updates. */
    chat_type: z.string().optional(),
  })
  .passthrough();
export type ZaloChat = z.infer<typeof zaloChatSchema>;

export const zaloMessageSchema = z
  .object({
    message_id: zaloIdSchema,
    /** Milliseconds since the epoch (Telegram uses seconds). */
    date: z.number().optional(),
    from: zaloUserSchema,
    chat: zaloChatSchema,
    text: z.string().optional(),
    /** Image events: what the live API sends (S15). */
    photo_url: z.string().optional(),
    /** Image events: what the docs say. Read `photo_url ?? photo` (see `getPhotoUrl`). */
    photo: z.string().optional(),
    caption: z.string().optional(),
    /** Seen `"CHAT_PHOTO"` on images; other values unknown. */
    message_type: z.string().optional(),
    /** Sticker id. */
    sticker: z.string().optional(),
    /** Sticker image URL. */
    url: z.string().optional(),
    /** Voice events (`.aac`), later docs only. */
    voice_url: z.string().optional(),
  })
  .passthrough();
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

export const zaloUpdateSchema = z
  .object({
    /** Missing in one docs sample (S4); real payloads carry it. Unknown names are kept. */
    event_name: z.string().optional(),
    message: zaloMessageSchema,
  })
  .passthrough();
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

/**
 * getUpdates `result`: ONE update object per call (docs, S6, S8). Defensive forms from S8/S9:
 * an array of updates, or an empty object / null meaning "no update".
 */
export const zaloGetUpdatesResultSchema = z.union([
  zaloUpdateSchema,
  z.array(zaloUpdateSchema),
  z.object({}).strict(),
  z.null(),
  z.undefined(),
]);
export type ZaloGetUpdatesResult = z.infer<typeof zaloGetUpdatesResultSchema>;

/** The kinds our events are emitted under. `photo`, `text`, `sticker` are the SDK's `messageTypes`; `voice` and `unsupported` are ours. */
export const ZALO_MESSAGE_TYPES = ["text", "photo", "sticker", "voice", "unsupported"] as const;
export type ZaloMessageType = (typeof ZALO_MESSAGE_TYPES)[number];

/** Second argument of the `message` event and of the typed events, like the SDK's `{ type }` metadata. */
export interface ZaloMessageMetadata {
  type: ZaloMessageType;
  event_name: string | undefined;
}

/** The image URL of an image message: `photo_url` (live API) first, then `photo` (docs). */
export function getPhotoUrl(message: Pick<ZaloMessage, "photo_url" | "photo">): string | undefined {
  return message.photo_url || message.photo || undefined;
}

/** The sender's shown name: `display_name` (docs), then `name` (older code), then `first_name` (S4 sample). */
export function getDisplayName(user: Pick<ZaloUser, "display_name" | "name" | "first_name">): string | undefined {
  return user.display_name || user.name || user.first_name || undefined;
}

/**
 * Which kind a message is. The event name decides when known; for an unknown or missing event name
 * the fields decide; anything else is `unsupported`.
 */
export function getMessageType(update: Pick<ZaloUpdate, "event_name" | "message">): ZaloMessageType {
  switch (update.event_name) {
    case "message.text.received":
      return "text";
    case "message.image.received":
      return "photo";
    case "message.sticker.received":
      return "sticker";
    case "message.voice.received":
      return "voice";
    case "message.unsupported.received":
      return "unsupported";
    default:
      break;
  }
  const m = update.message;
  if (typeof m.text === "string") return "text";
  if (getPhotoUrl(m)) return "photo";
  if (m.sticker) return "sticker";
  if (m.voice_url) return "voice";
  return "unsupported";
}

/**
 * Webhook bodies: the docs show `{ok: true, result: {event_name, message}}`, implementers (and the
 * official SDK README) see the bare `{event_name, message}`. Unconfirmed which is live, so accept both.
 */
export function unwrapUpdate(body: unknown): unknown {
  if (body && typeof body === "object" && (body as { ok?: unknown }).ok === true && "result" in body) {
    return (body as { result: unknown }).result;
  }
  return body;
}
