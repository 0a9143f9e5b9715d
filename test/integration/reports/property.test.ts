import fc from "fast-check";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { describe, expect, it } from "vitest";
import type { Choice } from "../../../bot/core/contract/messages.ts";
import { draftStateSchema, type DraftState } from "../../../bot/core/features/reports/engine/draft-state.ts";
import { openRound, people, shortTemplate } from "./fixtures.ts";
import { createHarness, seedCell, type TestUser, type Harness } from "../../helpers/core-harness.ts";

type Action =
  | { type: "text"; text: string; device: 0 | 1 }
  | { type: "press"; index: number; device: 0 | 1 }
  | { type: "stale"; index: number }
  | { type: "both"; a: string; b: string }
  | { type: "sticker" }
  | { type: "cancel" }
  | { type: "restart" }
  /** What a cooperative member does next: the first button on screen, or a sensible answer. */
  | { type: "sensible" };

const typed = fc.constantFrom("xong", "Một câu trả lời đủ dài.", "Ngắn", "1", "2", "Tốt", "  ", "x".repeat(3100), "có");
const device = fc.constantFrom<0 | 1>(0, 1);
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant("text" as const), text: typed, device }), weight: 5 },
  { arbitrary: fc.record({ type: fc.constant("press" as const), index: fc.nat(), device }), weight: 6 },
  { arbitrary: fc.record({ type: fc.constant("stale" as const), index: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant("both" as const), a: typed, b: typed }), weight: 2 },
  { arbitrary: fc.constant({ type: "sticker" as const }), weight: 1 },
  { arbitrary: fc.constant({ type: "cancel" as const }), weight: 1 },
  { arbitrary: fc.constant({ type: "restart" as const }), weight: 1 },
  { arbitrary: fc.constant({ type: "sensible" as const }), weight: 8 },
);

async function stored(h: Harness, personId: string) {
  const row = await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId } });
  return { row, state: row.state ? (JSON.parse(row.state) as unknown) : null };
}

const lastChoices = (m: TestUser): Choice[] => [...m.inbox()].reverse().find((x) => x.choices?.length)?.choices?.flat() ?? [];

describe("a draft in the database, under random use from two devices, restarts and /huy", () => {
  it("is always a valid draft, never loses an answer, and changes only with a new version", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 15, maxLength: 40 }), async (actions) => {
        const h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
        try {
          await seedCell(h, people);
          await openRound(h.user("bt"));
          const phone = h.user("l");
          const personId = await phone.personId();
          await h.deps.db.identity.create({ data: { personId, platform: "zalo", userId: "l2", chatId: "l2" } });
          const devices: TestUser[] = [phone, h.user("l2", "zalo")];
          await phone.command("baocao");
          await phone.choose(/^Bắt đầu/);
          const seen: Choice[] = [];
          let before = await stored(h, personId);
          for (const a of actions) {
            if (a.type === "text") await devices[a.device]!.say(a.text);
            else if (a.type === "press") {
              const pool = lastChoices(devices[a.device]!);
              const c = pool[a.index % Math.max(1, pool.length)];
              if (c) await devices[a.device]!.press(c.data);
            } else if (a.type === "stale") {
              const c = seen[a.index % Math.max(1, seen.length)];
              if (c) await phone.press(c.data);
            } else if (a.type === "both") await Promise.all([devices[0]!.say(a.a), devices[1]!.say(a.b)]);
            else if (a.type === "sticker") await phone.send({ kind: "unsupported", what: "sticker" });
            else if (a.type === "cancel") {
              await phone.command("huy");
              await phone.command("baocao");
            } else if (a.type === "sensible") {
              const last = phone.inbox().at(-1);
              const first = last?.choices?.[0]?.[0];
              if (last?.text.startsWith("Câu") && first?.label === "Xong") await phone.say("Một câu trả lời đủ dài cho câu này.");
              else if (first) await phone.press(first.data);
              else await phone.say("xong");
            } else await h.restart();
            for (const d of devices) seen.push(...lastChoices(d));

            const after = await stored(h, personId);
            const state: DraftState = draftStateSchema.parse(after.state);
            const previous = before.state ? draftStateSchema.parse(before.state) : null;
            // No answer is ever dropped, whatever arrived and in whatever order.
            for (const id of Object.keys(previous?.answers ?? {})) expect(state.answers[id]).toBeDefined();
            // Only a save changes the draft, and every save is a new version.
            if (after.row.state !== before.row.state) expect(after.row.version).toBeGreaterThan(before.row.version);
            expect(after.row.version).toBeGreaterThanOrEqual(before.row.version);
            if (after.row.status === "submitted") expect(await h.deps.db.reportVersion.count()).toBeGreaterThan(0);
            before = after;
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
