import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Choice, OutboundMessage } from "../../../bot/core/contract/messages.ts";
import { advance, draftStateSchema, resume, start, type DraftState, type EngineInput } from "../../../bot/core/features/reports/engine/engine.ts";
import { textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { memberCategories, type MemberProfile, type Template } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { allChoices, fixture, templatesDir } from "./helpers.ts";

const templates: Template[] = [fixture(), ...loadTemplatesFromDir(templatesDir).templates];

const typed = fc.oneof(
  fc.constantFrom("xong", "Xong.", "có", "không", "1", "2", "3", "Loại A", "Hoàn thành nhiệm vụ", "có nguy cơ", "", "   ", "x".repeat(3100)),
  fc.constantFrom("25,5", "29.5 điểm", "70", "71", "-1", "2,25", "0"),
  fc.constantFrom("Một câu trả lời đủ dài để qua mức tối thiểu.", "Ngắn", "05/3/1968"),
  fc.string({ maxLength: 40 }),
);

type Action =
  | { type: "text"; text: string }
  | { type: "press"; index: number }
  | { type: "stale"; index: number }
  | { type: "unsupported" }
  | { type: "garbage"; data: string }
  | { type: "restart"; viaResume: boolean }
  /** A sensible answer to whatever is on screen, so runs get deep into the flow (review, submission). */
  | { type: "answer" };

const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant("text" as const), text: typed }), weight: 4 },
  { arbitrary: fc.record({ type: fc.constant("press" as const), index: fc.nat() }), weight: 6 },
  { arbitrary: fc.record({ type: fc.constant("stale" as const), index: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant("unsupported" as const) }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant("garbage" as const), data: fc.string({ maxLength: 70 }) }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant("restart" as const), viaResume: fc.boolean() }), weight: 2 },
  { arbitrary: fc.constant({ type: "answer" as const }), weight: 8 },
);

/** What a cooperative member would send next, judging by the buttons on screen. */
function sensible(outputs: OutboundMessage[]): EngineInput {
  const choices = allChoices(outputs);
  const firstRow = outputs.at(-1)?.choices?.[0] ?? [];
  const box = choices.find((c) => c.label.startsWith("☐"));
  const multi = choices.some((c) => /^[☐☑]/.test(c.label));
  const acked = outputs.some((o) => o.text.startsWith("Đã ghi nhận"));
  // A score step asks for typed points, one group or criterion at a time.
  if (outputs.some((o) => o.text.includes(textsFor("vi").scoreHowTo))) return { kind: "text", text: "10" };
  if (multi) return choices.some((c) => c.label.startsWith("☑")) || !box ? { kind: "text", text: "xong" } : { kind: "choice", data: box.data };
  if (firstRow[0]?.label === "Xong" && !acked) return { kind: "text", text: "Câu trả lời đủ dài cho mọi câu hỏi." };
  const first = firstRow[0] ?? choices[0];
  return first ? { kind: "choice", data: first.data } : { kind: "text", text: "xong" };
}

const profile: fc.Arbitrary<MemberProfile> = fc.record({ category: fc.constantFrom(...memberCategories), holdsPost: fc.boolean() });

function checkOutputs(outputs: OutboundMessage[]) {
  expect(outputs.length).toBeGreaterThan(0);
  for (const o of outputs) {
    expect(o.text.length).toBeGreaterThan(0);
    expect(o.text.length).toBeLessThanOrEqual(4096);
  }
  for (const c of allChoices(outputs)) expect(Buffer.byteLength(c.data, "utf8")).toBeLessThanOrEqual(64);
}

const refusals = [textsFor("vi").errStale, textsFor("vi").errUnsupported];

describe("engine properties", () => {
  it("never loses a saved answer, never changes another step's answer, always yields a valid state", () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), profile, fc.array(action, { minLength: 20, maxLength: 150 }), (template, member, actions) => {
        const first = start(template, member);
        let state: DraftState = first.state;
        let outputs = first.outputs;
        const seen: Choice[] = [...allChoices(outputs)];
        checkOutputs(outputs);
        for (const a of actions) {
          const before = state;
          if (a.type === "restart") {
            state = JSON.parse(JSON.stringify(state)) as DraftState;
            if (a.viaResume) {
              const r = resume(templates, state, member);
              expect(r.ok).toBe(true);
              if (r.ok) {
                expect(r.state).toEqual(before);
                outputs = r.outputs;
              }
            }
            expect(state).toEqual(before);
            continue;
          }
          let input: EngineInput;
          if (a.type === "answer") input = sensible(outputs);
          else if (a.type === "text") input = { kind: "text", text: a.text };
          else if (a.type === "unsupported") input = { kind: "unsupported", what: "photo" };
          else if (a.type === "garbage") input = { kind: "choice", data: a.data };
          else {
            const pool = a.type === "press" ? allChoices(outputs) : seen;
            const c = pool[a.index % Math.max(1, pool.length)];
            if (!c) continue;
            input = { kind: "choice", data: c.data };
          }
          const r = advance(template, state, input, member);
          checkOutputs(r.outputs);
          expect(draftStateSchema.safeParse(r.state).success).toBe(true);
          for (const [id, answer] of Object.entries(before.answers)) {
            expect(r.state.answers[id]).toBeDefined();
            if (id !== before.stepId) expect(r.state.answers[id]).toEqual(answer);
          }
          if (refusals.some((t) => r.outputs.some((o) => o.text === t))) expect(r.state).toEqual(before);
          if (before.phase === "submitted") expect(r.state).toEqual(before);
          if (r.event === "submitted") expect(r.state.phase).toBe("submitted");
          if (r.state.phase === "submitted" && before.phase !== "submitted") expect(r.event).toBe("submitted");
          state = r.state;
          outputs = r.outputs;
          seen.push(...allChoices(outputs));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reaches the review when a member answers every question it is asked", () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), profile, (template, member) => {
        let r = start(template, member);
        for (let i = 0; i < 400 && r.state.phase === "answering"; i++) r = advance(template, r.state, sensible(r.outputs), member);
        expect(r.state.phase).toBe("review");
      }),
      { numRuns: 60 },
    );
  });
});
