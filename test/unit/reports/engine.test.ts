import { describe, expect, it } from "vitest";
import { decodeChoice, encodeChoice, templateTag } from "../../../bot/core/features/reports/engine/choice-data.ts";
import { advance, draftStateSchema } from "../../../bot/core/features/reports/engine/engine.ts";
import { fmt, textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { allChoices, canBo, Chat, fixture, leader, retired, toEnd, toMulti } from "./helpers.ts";

const vi = textsFor("vi");

describe("start", () => {
  it("shows the intro, the info steps and the first question numbered over the applicable steps", () => {
    const chat = new Chat(fixture());
    expect(chat.state.phase).toBe("answering");
    expect(chat.state.stepId).toBe("mo-ta");
    expect(chat.state.templateVersion).toBe(1);
    expect(chat.outputs[0]!.text).toContain("Mẫu thử");
    expect(chat.last).toContain("Lời giới thiệu.");
    // mo-ta, loai, co-viec, nghi-huu, mat, tu-soi, xep-loai, ghi-chu (chi-tiet, chuc-vu, khac-phuc do not apply yet)
    expect(chat.last).toContain("Câu 1/8 · Mô tả");
    expect(chat.last).toContain("Gợi ý: Viết ngắn.");
    expect(draftStateSchema.safeParse(chat.state).success).toBe(true);
  });

  it("counts a profile-conditional step only for members it applies to", () => {
    expect(new Chat(fixture(), leader).last).toContain("Câu 1/9");
    expect(new Chat(fixture(), { category: "hoc_sinh", holdsPost: false }).last).toContain("Câu 1/7");
  });

  it("uses the English texts for locale en", () => {
    const chat = new Chat(fixture(), canBo, "en");
    expect(chat.last).toContain("Question 1/8");
    expect(allChoices(chat.outputs).map((c) => c.label)).toContain("Done");
  });
});

describe("free text", () => {
  it("gathers several messages until Xong, explains a too-short answer and keeps what was typed", () => {
    const chat = new Chat(fixture());
    chat.text("Ngắn");
    expect(chat.state.buffers["mo-ta"]).toEqual({ kind: "text", parts: ["Ngắn"] });
    expect(chat.last).toContain("Đã ghi nhận (4 ký tự)");
    chat.text("xong");
    expect(chat.last).toContain(fmt(vi.errTooShort, { count: 4, min: 10 }));
    expect(chat.last).toContain("Câu 1/8");
    expect(chat.state.stepId).toBe("mo-ta");
    expect(chat.state.answers).toEqual({});
    chat.text("thêm một đoạn");
    chat.press("Xong");
    expect(chat.event).toBe("answered");
    expect(chat.state.answers["mo-ta"]).toEqual({ kind: "text", text: "Ngắn\n\nthêm một đoạn" });
    expect(chat.state.buffers["mo-ta"]).toBeUndefined();
    expect(chat.state.stepId).toBe("loai");
  });

  it("refuses a piece that makes the answer too long, hands it back and keeps the earlier pieces", () => {
    const chat = new Chat(fixture());
    chat.text("Phần đầu tiên");
    const long = "x".repeat(45);
    chat.text(long);
    expect(chat.last).toContain("quá mức tối đa 50");
    expect(chat.outputs.some((o) => o.text === long)).toBe(true);
    expect(chat.state.buffers["mo-ta"]).toEqual({ kind: "text", parts: ["Phần đầu tiên"] });
    expect(chat.last).toContain("Câu 1/8");
  });

  it('accepts "Xong." in any case and refuses an empty required answer', () => {
    const chat = new Chat(fixture());
    chat.text("XONG.");
    expect(chat.last).toContain(vi.errEmpty);
    expect(chat.state.stepId).toBe("mo-ta");
  });

  it("keeps unfinished text when the member goes back and returns", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("Loại A");
    chat.press("Không");
    chat.text("Đang viết dở");
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("co-viec");
    chat.press(/Không$/);
    expect(chat.state.stepId).toBe("nghi-huu");
    expect(chat.last).toContain(fmt(vi.pendingText, { text: "Đang viết dở" }));
    chat.press("Xong");
    expect(chat.state.answers["nghi-huu"]).toEqual({ kind: "text", text: "Đang viết dở" });
  });

  it("shows the category wording of a prompt", () => {
    const chat = new Chat(fixture(), retired);
    toMulti(chat);
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("nghi-huu");
    expect(chat.last).toContain("Nơi cư trú sau khi nghỉ hưu?");
    expect(chat.last).toContain("Giữ nguyên");
  });
});

describe("choices", () => {
  it("re-asks a single choice with the reason when the typed text matches nothing, and accepts a number or a label", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    const before = structuredClone(chat.state);
    chat.text("loại Z");
    expect(chat.last).toContain(fmt(vi.errNotOption, { text: "loại Z" }));
    expect(chat.last).toContain("Câu 2/8 · Loại");
    expect(chat.state).toEqual(before);
    chat.text("2");
    expect(chat.state.answers["loai"]).toEqual({ kind: "single", option: "b" });
    chat.press("« Quay lại");
    chat.text("loai c");
    expect(chat.state.answers["loai"]).toEqual({ kind: "single", option: "c" });
  });

  it("follows a condition on an earlier answer, and drops the dependent step when the answer changes", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("Loại A");
    chat.text("có");
    expect(chat.state.stepId).toBe("chi-tiet");
    expect(chat.last).toContain("Câu 4/9");
    chat.text("Việc cụ thể");
    chat.press("Xong");
    chat.press("« Quay lại");
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("co-viec");
    chat.text("không");
    expect(chat.state.stepId).toBe("nghi-huu");
    expect(chat.last).toContain("Câu 4/8");
    // The answer to the step that no longer applies is kept, only hidden.
    expect(chat.state.answers["chi-tiet"]).toEqual({ kind: "text", text: "Việc cụ thể" });
  });

  it("asks yes/no again for an unclear typed answer", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("Loại A");
    chat.text("có lẽ");
    expect(chat.last).toContain(vi.errYesNo);
    expect(chat.state.stepId).toBe("co-viec");
  });

  it("offers Skip only on optional steps", () => {
    const chat = new Chat(fixture(), leader);
    expect(() => chat.choice("Bỏ qua")).toThrow();
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("Loại A");
    chat.press("Không");
    expect(chat.state.stepId).toBe("chuc-vu");
    chat.text("Chưa chắc");
    chat.press("Bỏ qua");
    expect(chat.event).toBe("answered");
    expect(chat.state.answers["chuc-vu"]).toEqual({ kind: "skipped" });
    // What was typed before skipping stays in the draft.
    expect(chat.state.buffers["chuc-vu"]).toEqual({ kind: "text", parts: ["Chưa chắc"] });
    expect(chat.state.stepId).toBe("nghi-huu");
  });

  it("records a grade among the four levels", () => {
    const chat = toEnd(new Chat(fixture()));
    expect(chat.state.answers["xep-loai"]).toEqual({ kind: "grade", grade: "tot" });
  });
});

describe("multi-choice checklist", () => {
  it("paginates with the page's groups, toggles, enforces min and max, and saves in option order", () => {
    const chat = toMulti(new Chat(fixture()));
    expect(chat.state.stepId).toBe("mat");
    expect(chat.last).toContain("Trang 1/3 · Nhóm X");
    expect(allChoices(chat.outputs).some((c) => c.label.includes("Mặt 4"))).toBe(false);
    chat.press("Xong");
    expect(chat.last).toContain(fmt(vi.errTooFew, { min: 1 }));
    chat.press("Trang sau ›");
    expect(chat.last).toContain("Trang 2/3 · Nhóm Y");
    chat.press("☐ Mặt 5");
    chat.press("☐ Mặt 4");
    chat.press("☐ Mặt 6");
    chat.press("‹ Trang trước");
    chat.press("☐ Mặt 2");
    chat.press("☐ Mặt 1");
    expect(chat.last).toContain(fmt(vi.errTooMany, { max: 4 }));
    chat.press("☑ Mặt 2");
    expect(chat.state.buffers["mat"]).toMatchObject({ selected: ["m4", "m5", "m6"] });
    chat.text("xong");
    expect(chat.state.answers["mat"]).toEqual({ kind: "multi", options: ["m4", "m5", "m6"] });
    expect(chat.state.buffers["mat"]).toBeUndefined();
  });

  it("asks to choose among the options when typed text names none", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.text("mặt nào cũng được");
    expect(chat.last).toContain(vi.errUseButtons);
    expect(chat.state.stepId).toBe("mat");
  });
});

describe("rating", () => {
  it("rates item by item, asks a note for a flagged level, gathers it over messages and opens the conditional step", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.press(/Mặt 1$/);
    chat.press("Xong");
    expect(chat.last).toContain("Mục 1/2");
    expect(chat.last).toContain("Trích nguyên văn Văn bản thử:\n«Trích dẫn X.»");
    const staleX = chat.choice("Không có");
    chat.press("Có nguy cơ");
    expect(chat.last).toContain("Không ghi chú");
    chat.text("Đôi khi");
    chat.text("còn chậm");
    chat.text("xong");
    expect(chat.last).toContain("Mục 2/2");
    const before = structuredClone(chat.state);
    chat.send({ kind: "choice", data: staleX.data });
    expect(chat.last).toContain(vi.errStale);
    expect(chat.state).toEqual(before);
    chat.press("Không có");
    expect(chat.state.answers["tu-soi"]).toEqual({
      kind: "rating",
      items: { x: { level: "risk", note: "Đôi khi\ncòn chậm" }, y: { level: "none" } },
    });
    expect(chat.state.stepId).toBe("khac-phuc");
  });

  it("goes back inside the step before leaving it", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.press(/Mặt 1$/);
    chat.press("Xong");
    chat.press("Có biểu hiện");
    chat.press("Không ghi chú");
    chat.press("« Quay lại");
    expect(chat.last).toContain("Mục 1/2");
    expect(chat.last).toContain("Đã đánh giá: Có biểu hiện");
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("mat");
    chat.press("Giữ nguyên");
    expect(chat.state.stepId).toBe("tu-soi");
    expect(chat.last).toContain("Mục 1/2");
  });
});

describe("navigation, stale buttons and pausing", () => {
  it("shows no Back on the first question, and says so if a Back for it arrives anyway", () => {
    const chat = new Chat(fixture());
    expect(() => chat.choice("« Quay lại")).toThrow();
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("« Quay lại");
    expect(() => chat.choice("« Quay lại")).toThrow();
    chat.send({ kind: "choice", data: encodeChoice(templateTag("mau-thu"), "mo-ta", "b") });
    expect(chat.last).toContain(vi.errAtFirst);
    expect(chat.state.stepId).toBe("mo-ta");
  });

  it("answers a button from an earlier question politely and changes nothing", () => {
    const chat = new Chat(fixture());
    const oldDone = chat.choice("Xong");
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    const before = structuredClone(chat.state);
    chat.send({ kind: "choice", data: oldDone.data });
    expect(chat.last).toContain(vi.errStale);
    expect(chat.last).toContain("Câu 2/8 · Loại");
    expect(chat.state).toEqual(before);
    expect(chat.event).toBeUndefined();
  });

  it("ignores buttons of another template and garbage data", () => {
    const chat = new Chat(fixture());
    const before = structuredClone(chat.state);
    chat.send({ kind: "choice", data: "rp:zzzz:mo-ta:d" });
    chat.send({ kind: "choice", data: "something else" });
    expect(chat.state).toEqual(before);
    expect(chat.last).toContain(vi.errStale);
  });

  it("pauses without changing anything and emits the event", () => {
    const chat = new Chat(fixture());
    chat.text("Đang viết");
    const before = structuredClone(chat.state);
    chat.press("Lưu, làm tiếp sau");
    expect(chat.event).toBe("paused");
    expect(chat.state).toEqual(before);
    expect(chat.last).toContain(vi.paused);
  });

  it("explains unsupported input and repeats the question", () => {
    const chat = new Chat(fixture());
    const before = structuredClone(chat.state);
    chat.send({ kind: "unsupported", what: "sticker" });
    expect(chat.last).toContain(vi.errUnsupported);
    expect(chat.last).toContain("Câu 1/8");
    expect(chat.state).toEqual(before);
  });

  it("refuses a draft of another template", () => {
    const chat = new Chat(fixture());
    const other = fixture({ id: "mau-khac" });
    const r = advance(other, chat.state, { kind: "text", text: "x" }, canBo);
    expect(r.state).toBe(chat.state);
    expect(r.outputs[0]!.text).toBe(vi.errWrongDraft);
  });

  it("encodes the step id in every button", () => {
    const chat = new Chat(fixture());
    for (const c of allChoices(chat.outputs)) expect(decodeChoice(c.data)?.step).toBe("mo-ta");
  });
});
