import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checklistStep } from "../../../bot/core/kernel/dialogue/checklist.ts";
import { choiceStep, textStep } from "../../../bot/core/kernel/dialogue/steps.ts";
import type { FeatureFactory } from "../../../bot/core/kernel/feature.ts";
import { createHarness, texts, type Harness } from "../../helpers/core-harness.ts";

let failing = true;
const finished: string[] = [];

/** A two-question form whose last step fails once, as a database hiccup would. */
const probeFeature: FeatureFactory = (ctx) => {
  const check = (raw: string) => ({ ok: true as const, value: raw.trim() });
  const form = ctx.form({
    flow: "probe",
    resumedBy: ["probe"],
    steps: { a: textStep("a", "ask-full-name", check), b: textStep("b", "ask-cell-name", check) },
    finish: async (_turn, data) => {
      if (failing) throw new Error("database unavailable");
      finished.push(`${data.a}|${data.b}`);
    },
  });
  return { name: "probe", commands: [{ name: "probe", run: (turn) => form.start(turn, ["a", "b"], {}) }], dialogues: [form] };
};

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [probeFeature] });
});
afterEach(() => h.close());

describe("a feature dialogue", () => {
  it("is shown again where it stands when the command that began it is typed again; another command stops it", async () => {
    const u = h.user("2");
    await u.command("probe");
    await u.say("Nguyễn Văn An");
    const again = await u.command("probe");
    expect(texts(again)).not.toContain("Đã dừng");
    expect(texts(again)).toContain("Tên chi bộ là gì?");
    expect(JSON.parse((await h.testDb.db.dialogueState.findFirstOrThrow()).data)).toMatchObject({ a: "Nguyễn Văn An" });
    expect(texts(await u.command("hoso"))).toContain("Đã dừng việc đang làm dở");
  });

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

/** A form with the step kinds the features use: options from the database, a checklist, a step that may not apply, a finish that sends back. */
const allowed = new Set(["a1", "a2"]);
const kinds: string[] = [];
const stepsFeature: FeatureFactory = (ctx) => {
  const form = ctx.form({
    flow: "kinds",
    steps: {
      pick: choiceStep("pick", "ask-which-cell", async () => [...allowed].map((value) => ({ value, label: value.toUpperCase() }))),
      never: { ...textStep("never", "ask-full-name", (raw) => ({ ok: true, value: raw })), applies: () => false },
      boxes: checklistStep({
        id: "boxes",
        title: () => "Chọn",
        items: () => [
          { key: "x", label: "X" },
          { key: "y", label: "Y" },
        ],
        states: ["off", "on"],
        mark: { off: "☐", on: "☑" },
        doneLabel: () => "Xong",
        refuseDone: (states) => (Object.values(states).includes("on") ? null : "report-categories-none"),
      }),
    },
    finish: async (turn, data) => {
      if (data.pick === "a2" && !kinds.length) {
        kinds.push("reasked");
        return { reask: "pick", reason: "Chọn lại." };
      }
      kinds.push(`${data.pick}|${data.boxes}`);
      await turn.reply({ text: "done" });
      return undefined;
    },
  });
  return { name: "kinds", commands: [{ name: "kinds", run: (turn) => form.start(turn, ["pick", "never", "boxes"], {}) }], dialogues: [form] };
};

describe("the dialogue runner", () => {
  let k: Harness;
  beforeEach(async () => {
    k = await createHarness({ features: [stepsFeature] });
    kinds.length = 0;
  });
  afterEach(() => k.close());

  it("refuses a picked value that is not among the options offered now, as it refuses a typed one", async () => {
    const u = k.user("7");
    await u.command("kinds");
    const forged = await u.press("d:pick:another-cells-id");
    expect(texts(forged)).toContain("Lựa chọn này không hợp lệ");
    expect(texts(await u.say("không có"))).toContain("chọn một trong các lựa chọn");
    expect((await k.testDb.db.dialogueState.findFirstOrThrow()).step).toBe("pick");
    // An option the step offered once but no longer does is refused too.
    allowed.delete("a1");
    expect(texts(await u.press("d:pick:a1"))).toContain("Lựa chọn này không hợp lệ");
    allowed.add("a1");
  });

  it("skips a step that does not apply, toggles a checklist in place, refuses «Xong» with nothing chosen, and finishes once", async () => {
    const u = k.user("8");
    await u.command("kinds");
    const boxes = await u.pressLabel("A1");
    expect(boxes.at(-1)!.choices!.flat().map((c) => c.label)).toEqual(["☐ X", "☐ Y", "Xong"]);
    expect(texts(await u.pressLabel("Xong"))).toContain("chọn ít nhất một");
    const toggled = await u.pressLabel("☐ Y");
    expect(toggled.at(-1)!.choices!.flat().map((c) => c.label)).toEqual(["☐ X", "☑ Y", "Xong"]);
    // Redrawn in place of the message whose button was pressed.
    expect(k.messenger.sent.at(-1)!.options?.replaceRef).toMatch(/^msg-/);
    expect(JSON.parse((await k.testDb.db.dialogueState.findFirstOrThrow()).data).boxes).toBe('{"x":"off","y":"on"}');
    expect(texts(await u.pressLabel("Xong"))).toContain("done");
    expect(kinds).toEqual(['a1|{"x":"off","y":"on"}']);
    expect(await u.press("d:boxes:_done")).toHaveLength(1);
    expect(kinds).toHaveLength(1);
  });

  it("lets the finish send the person back to a question, with every answer kept", async () => {
    const u = k.user("9");
    await u.command("kinds");
    await u.pressLabel("A2");
    await u.pressLabel("☐ X");
    const back = await u.pressLabel("Xong");
    expect(texts(back)).toContain("Chọn lại.");
    const dialogue = await k.testDb.db.dialogueState.findFirstOrThrow();
    expect(dialogue.step).toBe("pick");
    expect(JSON.parse(dialogue.data)).toMatchObject({ pick: "a2", boxes: '{"x":"on","y":"off"}' });
  });
});
