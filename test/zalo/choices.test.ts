import { describe, expect, it } from "vitest";
import { answerHint, cleanLabel, maxBatchOptions, numberChoices, renderOptions, type HintTexts, type RememberedChoices } from "../../bot/zalo/choices.ts";

const vi: HintTexts = {
  one: (n) => `Trả lời ${n}.`,
  few: (list, last) => `Trả lời ${list} hoặc ${last}.`,
  range: (first, last) => `Trả lời một số từ ${first} đến ${last}.`,
};

const request = (id: string) => [[{ label: "Duyệt", data: `ap:${id}` }, { label: "Từ chối", data: `rj:${id}` }]];

describe("numbering", () => {
  it("starts at 1 and continues over several messages until the person writes", () => {
    const first = numberChoices(request("a"), null)!;
    expect(first.shown.map((c) => c.n)).toEqual([1, 2]);
    const second = numberChoices(request("b"), first.memory)!;
    expect(second.shown).toEqual([
      { n: 3, label: "Duyệt", data: "ap:b" },
      { n: 4, label: "Từ chối", data: "rj:b" },
    ]);
    // Both messages stay answerable: the memory holds all four.
    expect(second.memory.items.map((c) => c.data)).toEqual(["ap:a", "rj:a", "ap:b", "rj:b"]);
    expect(second.memory).toMatchObject({ sealed: false, fresh: true });
  });

  it("starts a new batch at 1 once the person has written", () => {
    const first = numberChoices(request("a"), null)!;
    const sealed: RememberedChoices = { ...first.memory, sealed: true };
    const next = numberChoices(request("b"), sealed)!;
    expect(next.shown.map((c) => c.n)).toEqual([1, 2]);
    expect(next.memory.items.map((c) => c.data)).toEqual(["ap:b", "rj:b"]);
  });

  it("never lets a batch grow without bound", () => {
    const many = Array.from({ length: maxBatchOptions - 1 }, (_, i) => [{ label: `L${i}`, data: `d${i}` }]);
    const full = numberChoices(many, null)!;
    const next = numberChoices(request("z"), full.memory)!;
    expect(next.shown.map((c) => c.n)).toEqual([1, 2]);
  });

  it("returns nothing for a message without choices", () => {
    expect(numberChoices(undefined, null)).toBeNull();
    expect(numberChoices([[]], null)).toBeNull();
  });

  it("keeps labels that carry their own number from being numbered twice", () => {
    expect(cleanLabel("1. Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(cleanLabel("12) Lê Văn Bảo")).toBe("Lê Văn Bảo");
    expect(cleanLabel("Tạo mã mới\n(mã cũ hết hiệu lực)")).toBe("Tạo mã mới (mã cũ hết hiệu lực)");
    expect(cleanLabel("2026")).toBe("2026");
  });
});

describe("the line under the options", () => {
  it("reads naturally for one, a few and many options", () => {
    expect(answerHint([1], vi)).toBe("Trả lời 1.");
    expect(answerHint([1, 2], vi)).toBe("Trả lời 1 hoặc 2.");
    expect(answerHint([3, 4, 5], vi)).toBe("Trả lời 3, 4 hoặc 5.");
    expect(answerHint([1, 2, 3, 4, 5, 6, 7, 8], vi)).toBe("Trả lời một số từ 1 đến 8.");
  });

  it("renders one line per option, then the hint", () => {
    const { shown } = numberChoices(request("a"), null)!;
    expect(renderOptions(shown, vi)).toBe("1. Duyệt\n2. Từ chối\nTrả lời 1 hoặc 2.");
  });
});
