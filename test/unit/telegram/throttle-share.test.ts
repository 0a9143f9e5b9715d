/**
 * The Telegram budget shared by reminders and replies, on a virtual clock (no real time passes):
 * the outbox sends at its share, the overall limit is never exceeded, and a person's reply goes
 * out within two slots of being asked for, however long the fan-out.
 */
import { describe, expect, it } from "vitest";
import { createPacer } from "../../../bot/lib/pacer.ts";
import { throttle } from "../../../bot/telegram/throttle.ts";

function virtualClock() {
  let time = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    now: () => time,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ at: time + ms, resolve })),
    /** Runs every timer due up to `until`, in time order, letting the code they wake run in between. */
    async runUntil(until: number) {
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        time = Math.max(time, next.at);
        next.resolve();
      }
      time = until;
    },
  };
}

async function simulate(limit: number, share: number, parallel: number, replyEveryMs: number) {
  const clock = virtualClock();
  const calls: { at: number; kind: "reminder" | "reply"; askedAt: number }[] = [];
  const transform = throttle({ globalRate: limit, perChatGapMs: 250, clock }) as unknown as (prev: (...a: unknown[]) => Promise<unknown>, method: string, payload: unknown, signal?: AbortSignal) => Promise<unknown>;
  const call = (kind: "reminder" | "reply", chatId: string) => {
    const askedAt = clock.now();
    return transform(async () => void calls.push({ at: clock.now(), kind, askedAt }), "sendMessage", { chat_id: chatId, text: "x" });
  };
  const seconds = 20;
  const outbox = createPacer(share, clock);
  let next = 0;
  let running = true;
  // The outbox as dispatch.ts runs it: `parallel` loops, each taking its share's slot, then sending.
  const senders = Array.from({ length: parallel }, async () => {
    while (running) {
      await outbox.take();
      if (!running) return;
      await call("reminder", `member${next++}`);
    }
  });
  // People pressing buttons, one every `replyEveryMs`, each in their own chat.
  const replies: Promise<unknown>[] = [];
  for (let at = 0; at < seconds * 1000; at += replyEveryMs) {
    void clock.sleep(at).then(() => replies.push(call("reply", `person${at}`)));
  }
  await clock.runUntil(seconds * 1000);
  running = false;
  await clock.runUntil(seconds * 1000 + 5_000);
  await Promise.all([...senders, ...replies]);
  return { calls: calls.filter((c) => c.at < seconds * 1000), seconds };
}

describe("Telegram's budget, shared by reminders and replies", () => {
  it.each([
    { limit: 30, share: 25, parallel: 1 },
    { limit: 30, share: 25, parallel: 8 },
    { limit: 300, share: 250, parallel: 4 },
  ])("limit $limit/s, reminders $share/s, $parallel in flight: each keeps its share", async ({ limit, share, parallel }) => {
    // Replies at 4 a second, within the 5 a second the reminders leave of Telegram's 30.
    const { calls, seconds } = await simulate(limit, share, parallel, 250);
    const interval = 1000 / limit;
    // Never above the overall limit: consecutive calls at least one slot apart.
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(interval - 1e-6);
    const reminders = calls.filter((c) => c.kind === "reminder").length;
    const replies = calls.filter((c) => c.kind === "reply");
    expect(reminders / seconds).toBeGreaterThan(share * 0.95);
    expect(reminders / seconds).toBeLessThanOrEqual(share + 1);
    // Every reply goes out within the slots the reminders in flight had already taken, plus its own.
    expect(replies.length).toBe(seconds * 4);
    for (const r of replies) expect(r.at - r.askedAt).toBeLessThanOrEqual((parallel + 1) * interval + 1e-6);
  });

  it("when people need more than the rest of the budget, reminders give way and replies stay prompt", async () => {
    const { calls, seconds } = await simulate(30, 25, 1, 100);
    const reminders = calls.filter((c) => c.kind === "reminder").length;
    const replies = calls.filter((c) => c.kind === "reply");
    expect(replies.length).toBe(seconds * 10);
    for (const r of replies) expect(r.at - r.askedAt).toBeLessThanOrEqual((2 * 1000) / 30 + 1e-6);
    expect(reminders / seconds).toBeGreaterThan(30 - 10 - 1);
    expect((reminders + replies.length) / seconds).toBeLessThanOrEqual(30 + 1 / seconds);
  });
});
