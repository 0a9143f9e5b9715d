import { describe, expect, it } from "vitest";
import { answerHint, cleanLabel, numberChoices, renderOptions, type HintTexts } from "../../bot/zalo/choices.ts";

const vi: HintTexts = {
  byName: (labels) => `Hoặc gõ: ${labels}.`,
  one: (n) => `Trả lời ${n}.`,
  few: (list, last) => `Trả lời ${list} hoặc ${last}.`,
  range: (first, last) => `Trả lời một số từ ${first} đến ${last}.`,
};

const request = (id: string) => [[{ label: "Duyệt", data: `ap:${id}` }, { label: "Từ chối", data: `rj:${id}` }]];

describe("numbering", () => {
  it("starts at 1 for every message, and the latest message's options are what a number answers", () => {
    const first = numberChoices(request("a"))!;
    expect(first.shown.map((c) => c.n)).toEqual([1, 2]);
    const second = numberChoices(request("b"))!;
    expect(second.shown).toEqual([
      { n: 1, label: "Duyệt", data: "ap:b" },
      { n: 2, label: "Từ chối", data: "rj:b" },
    ]);
    expect(second.memory).toEqual({ fresh: true, items: second.shown });
  });

  it("remembers which options tick a line of a list", () => {
    const list = numberChoices([[{ label: "☐ A", data: "d:x:a", toggle: true }], [{ label: "Xong", data: "d:x:_done" }]])!;
    expect(list.shown).toEqual([
      { n: 1, label: "☐ A", data: "d:x:a", toggle: true },
      { n: 2, label: "Xong", data: "d:x:_done" },
    ]);
  });

  it("returns nothing for a message without choices", () => {
    expect(numberChoices(undefined)).toBeNull();
    expect(numberChoices([[]])).toBeNull();
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
    const { shown } = numberChoices(request("a"))!;
    expect(renderOptions(shown, vi)).toBe("1. Duyệt\n2. Từ chối\nTrả lời 1 hoặc 2.");
  });
});

describe("options of a question whose answer is a number", () => {
  it("are shown by name, and remembered as such", () => {
    const numbered = numberChoices([[{ label: "Quay lại", data: "b" }], [{ label: "Lưu, làm tiếp sau", data: "z" }]], { numbersAreAnswers: true })!;
    expect(numbered.memory.numbersAreAnswers).toBe(true);
    expect(renderOptions(numbered.shown, vi, true)).toBe("Hoặc gõ: «Quay lại», «Lưu, làm tiếp sau».");
  });
});
