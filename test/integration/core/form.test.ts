import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createForm } from "../../../bot/core/kernel/dialogue/form.ts";
import { textStep } from "../../../bot/core/kernel/dialogue/steps.ts";
import type { FeatureFactory } from "../../../bot/core/kernel/feature.ts";
import { createHarness, texts, type Harness } from "../../helpers/core-harness.ts";

let failing = true;
const finished: string[] = [];

/** A two-question form whose last step fails once, as a database hiccup would. */
const probeFeature: FeatureFactory = (ctx) => {
  const check = (raw: string) => ({ ok: true as const, value: raw.trim() });
  const form = createForm(ctx, {
    flow: "probe",
    steps: { a: textStep("a", "ask-full-name", check), b: textStep("b", "ask-cell-name", check) },
    finish: async (_turn, data) => {
      if (failing) throw new Error("database unavailable");
      finished.push(`${data.a}|${data.b}`);
    },
  });
  return { name: "probe", commands: { probe: (turn) => form.start(turn, ["a", "b"], {}) }, dialogues: { probe: form.handler } };
};

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [probeFeature] });
});
afterEach(() => h.close());

describe("a feature dialogue", () => {
  it("keeps every answer when its finish fails, and finishes once it can", async () => {
    const u = h.user("1");
    await u.command("probe");
    await u.say("Nguyễn Văn An");
    expect(texts(await u.say("Khu phố 3"))).toContain("có lỗi khi xử lý");
    const kept = await h.testDb.db.dialogueState.findFirstOrThrow();
    expect(kept.step).toBe("b");
    expect(JSON.parse(kept.data)).toMatchObject({ a: "Nguyễn Văn An" });
    failing = false;
    await u.say("Khu phố 3");
    expect(finished).toEqual(["Nguyễn Văn An|Khu phố 3"]);
    expect(await h.testDb.db.dialogueState.count()).toBe(0);
  });
});
