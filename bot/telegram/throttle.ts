import type { Transformer } from "grammy";
import { createPacer } from "../lib/pacer.ts";

export interface ThrottleOptions {
  /** Calls a second over all chats (Telegram allows about 30 messages a second). */
  globalRate: number;
  /** Least time between two calls to one chat; Telegram tolerates short bursts over one a second. */
  perChatGapMs: number;
  /** Time, for tests that run it on a virtual clock. */
  clock?: { now: () => number; sleep: (ms: number) => Promise<void> };
}

/**
 * Spaces Bot API calls that address a chat: evenly over all chats, and a little apart within one.
 * A few lines instead of a general-purpose limiter, because that one cost more CPU per message
 * than everything else in a reminder fan-out. A 429 that still comes is handled by auto-retry.
 */
export function throttle(options: ThrottleOptions): Transformer {
  const clock = options.clock ?? { now: () => performance.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
  const global = createPacer(options.globalRate, clock);
  const nextByChat = new Map<string, number>();
  return async (prev, method, payload, signal) => {
    const chatId = payload && typeof payload === "object" && "chat_id" in payload ? String((payload as { chat_id: unknown }).chat_id) : null;
    if (chatId === null) return prev(method, payload, signal);
    const now = clock.now();
    const slot = Math.max(now, nextByChat.get(chatId) ?? 0);
    nextByChat.set(chatId, slot + options.perChatGapMs);
    // Entries in the past mean nothing: dropped now and then, so a fan-out to 20,000 chats does not
    // leave 20,000 behind (at most rate × gap entries are ever in the future).
    if (nextByChat.size > 5_000) {
      for (const [key, at] of nextByChat) if (at < now) nextByChat.delete(key);
    }
    if (slot > now) await clock.sleep(slot - now);
    await global.take();
    return prev(method, payload, signal);
  };
}
