import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitText } from "../../../bot/lib/split.ts";

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("splitText", () => {
  it("returns short text whole", () => {
    expect(splitText("Câu trả lời ngắn.", 100)).toEqual(["Câu trả lời ngắn."]);
    expect(splitText("", 100)).toEqual([]);
  });

  it("splits at paragraph boundaries first", () => {
    const text = "Đoạn một dài vừa phải.\n\nĐoạn hai dài vừa phải.\n\nĐoạn ba.";
    expect(splitText(text, 50)).toEqual(["Đoạn một dài vừa phải.\n\nĐoạn hai dài vừa phải.", "Đoạn ba."]);
  });

  it("then at line breaks inside a long paragraph", () => {
    const text = "- dòng thứ nhất\n- dòng thứ hai\n- dòng thứ ba";
    expect(splitText(text, 32)).toEqual(["- dòng thứ nhất\n- dòng thứ hai", "- dòng thứ ba"]);
  });

  it("then between words, never inside one", () => {
    const text = "Đảng viên tự soi tự sửa thường xuyên";
    const parts = splitText(text, 12);
    expect(parts).toEqual(["Đảng viên tự", "soi tự sửa", "thường xuyên"]);
  });

  it("cuts a single word longer than the limit, without splitting a surrogate pair", () => {
    const parts = splitText("😀".repeat(5), 3);
    expect(parts.every((p) => p.length <= 3)).toBe(true);
    expect(parts.join("")).toBe("😀".repeat(5));
  });

  it("refuses a meaningless limit", () => {
    expect(() => splitText("abc", 0)).toThrow(RangeError);
  });

  it("keeps every word, in order, within the limit (property)", () => {
    const word = fc.stringMatching(/^[a-zA-Zàáảãạăâđêôơư]{1,12}$/);
    const sep = fc.constantFrom(" ", "  ", "\n", "\n\n", "\n\n\n", " \n ");
    const text = fc.array(fc.tuple(word, sep), { maxLength: 80 }).map((xs) => xs.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 12, max: 200 }), (t, limit) => {
        const parts = splitText(t, limit);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(limit);
          expect(p.trim()).toBe(p);
          expect(p).not.toBe("");
        }
        // No word is cut: the words of the parts are exactly the words of the text.
        expect(parts.flatMap(words)).toEqual(words(t));
      }),
      { numRuns: 300 },
    );
  });

  it("never exceeds the limit even with long words (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (t, limit) => {
        const parts = splitText(t, limit);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
        expect(parts.join("").replace(/\s+/g, "")).toBe(t.replace(/\s+/g, ""));
      }),
      { numRuns: 300 },
    );
  });
});
