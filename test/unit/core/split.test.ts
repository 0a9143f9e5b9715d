import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitText } from "../../../bot/lib/split.ts";

describe("splitText", () => {
  it("keeps short text whole", () => expect(splitText("xin chào", 10)).toEqual(["xin chào"]));
  it("prefers a paragraph break, then a line break, then a space", () => {
    expect(splitText("aaaa bbbb\n\ncccc", 12)).toEqual(["aaaa bbbb", "cccc"]);
    expect(splitText("aaaa\nbbbb cccc", 12)).toEqual(["aaaa", "bbbb cccc"]);
    expect(splitText("aaaa bbbb cccc", 10)).toEqual(["aaaa bbbb", "cccc"]);
  });
  it("cuts inside a word only when the word alone is longer than the limit", () => {
    expect(splitText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });
  it("never exceeds the limit and never loses a word", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(..."abcdeghiklmnopqrstuvxyàáảãạăâđêôơưếệồộờựữ"), minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 80 }), fc.array(fc.constantFrom(" ", "\n", "\n\n"), { minLength: 80, maxLength: 80 }), fc.integer({ min: 12, max: 60 }), (words, seps, limit) => {
        const text = words.map((w, i) => w + (i < words.length - 1 ? seps[i] : "")).join("");
        const parts = splitText(text, limit);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
        expect(parts.join(" ").split(/\s+/).filter(Boolean)).toEqual(words);
      }),
    );
  });
});
