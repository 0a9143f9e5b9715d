import { describe, expect, it } from "vitest";
import { decodeChoice, encodeChoice, templateTag } from "../../../bot/core/features/reports/engine/choice-data.ts";
import { advance, draftStateSchema, renderReport, resume, templatesFor } from "../../../bot/core/features/reports/engine/engine.ts";
import { fmt, textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { allChoices, canBo, Chat, fixture, fixtureJson, leader, retired, templatesDir } from "./helpers.ts";

const vi = textsFor("vi");

/** Answers mo-ta … nghi-huu for a can_bo member with "Không" to co-viec; ends on the multi step. */
function toMulti(chat: Chat) {
  chat.text("Mười ký tự trở lên");
  chat.press("Xong");
  chat.press("Loại B");
  chat.press("Không");
  chat.text("Hà Nội");
  chat.press("Xong");
  return chat;
}

function toEnd(chat: Chat) {
  toMulti(chat);
  chat.press(/Mặt 1$/);
  chat.press("Xong");
  chat.press("Không có"); // X
  chat.press("Không có"); // Y
  chat.press("Hoàn thành tốt nhiệm vụ");
  chat.press("Bỏ qua"); // ghi-chu
  return chat;
}

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
    expect(chat.last).toContain(fmt(vi.pendingText, { count: "Đang viết dở".length }));
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
  it("paginates with group headings, toggles, enforces min and max, and saves in option order", () => {
    const chat = toMulti(new Chat(fixture()));
    expect(chat.state.stepId).toBe("mat");
    expect(chat.last).toContain("Trang 1/3");
    expect(chat.last).toContain("【Nhóm X】");
    expect(allChoices(chat.outputs).some((c) => c.label.includes("Mặt 4"))).toBe(false);
    chat.press("Xong");
    expect(chat.last).toContain(fmt(vi.errTooFew, { min: 1, count: 0 }));
    chat.press("Trang sau ›");
    expect(chat.last).toContain("Trang 2/3");
    expect(chat.last).toContain("【Nhóm Y】");
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

  it("asks to use the buttons when text arrives", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.text("mặt 1");
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

describe("review, edit and submission", () => {
  it("reviews every answer, edits one and comes back to the review", () => {
    const chat = toEnd(new Chat(fixture()));
    expect(chat.state.phase).toBe("review");
    expect(chat.state.stepId).toBeNull();
    expect(chat.last).toContain("1. Mô tả\nMười ký tự trở lên");
    expect(chat.last).toContain("2. Loại\nLoại B");
    expect(chat.last).toContain("8. Ghi chú\n(bỏ qua)");
    chat.press("Sửa câu 2");
    expect(chat.state.editing).toBe(true);
    expect(allChoices(chat.outputs).map((c) => c.label)).toContain("✓ Loại B");
    chat.press(/Loại C/);
    expect(chat.state.phase).toBe("review");
    expect(chat.state.answers["loai"]).toEqual({ kind: "single", option: "c" });
    expect(chat.state.editing).toBe(false);
  });

  it("after an edit that opens a new question, asks it before returning to the review", () => {
    const chat = toEnd(new Chat(fixture()));
    chat.press("Sửa câu 3");
    chat.press(/^Có$/);
    expect(chat.state.stepId).toBe("chi-tiet");
    chat.text("Chi tiết mới");
    chat.press("Xong");
    expect(chat.state.phase).toBe("review");
    expect(chat.last).toContain("4. Chi tiết\nChi tiết mới");
  });

  it("Back while editing returns to the review unchanged", () => {
    const chat = toEnd(new Chat(fixture()));
    const answers = structuredClone(chat.state.answers);
    chat.press("Sửa câu 1");
    chat.press("« Quay lại");
    expect(chat.state.phase).toBe("review");
    expect(chat.state.answers).toEqual(answers);
  });

  it("Back out of an edit that opened a new question goes to that question, not to an incomplete review", () => {
    const chat = toEnd(new Chat(fixture()));
    chat.press("Sửa câu 3");
    chat.press(/^Có$/); // saved at once: chi-tiet now applies and is unanswered
    expect(chat.state.stepId).toBe("chi-tiet");
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("co-viec");
    chat.press("« Quay lại");
    // A review with a required question missing is no place to stand: resume (and any input) would move the draft.
    expect(chat.state.phase).toBe("answering");
    expect(chat.state.stepId).toBe("chi-tiet");
    expect(chat.state.editing).toBe(true);
    const resumed = resume([chat.template], JSON.parse(JSON.stringify(chat.state)), chat.profile);
    expect(resumed.ok && resumed.state).toEqual(chat.state);
    // Back again returns to the edited question, where the member can still undo the change.
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("co-viec");
    chat.press(/Không$/);
    expect(chat.state.phase).toBe("review");
    expect(chat.state.answers["co-viec"]).toEqual({ kind: "yesno", value: false });
  });

  it("submits only after confirmation, and later buttons change nothing", () => {
    const chat = toEnd(new Chat(fixture()));
    const reviewButtons = allChoices(chat.outputs);
    chat.press("Nộp");
    expect(chat.state.phase).toBe("confirm_submit");
    chat.press("Xem lại");
    expect(chat.state.phase).toBe("review");
    chat.press("Nộp");
    chat.text("ừm");
    expect(chat.state.phase).toBe("confirm_submit");
    chat.press("Xác nhận nộp");
    expect(chat.event).toBe("submitted");
    expect(chat.state.phase).toBe("submitted");
    const after = structuredClone(chat.state);
    for (const c of [...reviewButtons, ...chat.seen]) {
      chat.send({ kind: "choice", data: c.data });
      expect(chat.state).toEqual(after);
      expect(chat.event).toBeUndefined();
    }
    expect(chat.last).toContain(fmt(vi.alreadySubmitted, { title: "Mẫu thử" }));
  });

  it("renders the finished report with a heading per step and without skipped steps", () => {
    const chat = toEnd(new Chat(fixture()));
    const text = renderReport(chat.template, chat.state, { ...canBo, fullName: "Nguyễn Văn A", cellName: "Chi bộ 1", dateText: "01/12/2025" });
    expect(text).toContain("MẪU THỬ");
    expect(text).toContain("Họ và tên: Nguyễn Văn A");
    expect(text).toContain("Chi bộ: Chi bộ 1");
    expect(text).toContain("1. Mô tả\nMười ký tự trở lên");
    expect(text).toContain("5. Các mặt\n- Mặt 1");
    expect(text).toContain("6. Tự soi\n- Mục X: Không có\n- Mục Y: Không có");
    expect(text).toContain("7. Xếp loại\nHoàn thành tốt nhiệm vụ");
    expect(text).not.toContain("Ghi chú");
  });
});

describe("template versions and resume", () => {
  const v2Json = {
    ...fixtureJson,
    version: 2,
    steps: fixtureJson.steps
      .filter((s) => s.id !== "loai")
      .flatMap((s): unknown[] =>
        s.id === "mo-ta"
          ? [s, { id: "moi", kind: "text", title: "Câu mới", prompt: "Câu mới?" }]
          : s.id === "mat"
            ? [{ ...s, options: s.options!.filter((o) => o.id !== "m1") }]
            : [s],
      ),
  };

  it("keeps answers to steps that still exist and continues at the first unanswered step", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.press(/Mặt 1$/);
    chat.press(/Mặt 2$/);
    chat.press("Xong");
    const stored = JSON.parse(JSON.stringify(chat.state));
    const v2 = templateSchema.parse(v2Json);
    const r = resume([fixture(), v2], stored, canBo);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template.version).toBe(2);
    expect(r.state.templateVersion).toBe(2);
    expect(r.state.answers["mo-ta"]).toEqual(stored.answers["mo-ta"]);
    expect(r.state.answers["co-viec"]).toEqual(stored.answers["co-viec"]);
    expect(r.state.answers["loai"]).toBeUndefined();
    expect(r.state.obsolete["loai@v1"]).toEqual({ kind: "single", option: "b" });
    // m1 vanished: the multi answer no longer fits, so it is kept aside and the remaining choice comes back as a draft.
    expect(r.state.obsolete["mat@v1"]).toEqual({ kind: "multi", options: ["m1", "m2"] });
    expect(r.state.stepId).toBe("moi");
    expect(r.outputs.map((o) => o.text).join("\n")).toContain("phiên bản 2");
    const chat2 = Object.assign(Object.create(Chat.prototype), { ...chat, template: v2, state: r.state, outputs: r.outputs, seen: [] }) as Chat;
    chat2.text("Trả lời câu mới");
    chat2.press("Xong");
    expect(chat2.state.stepId).toBe("mat");
    expect(chat2.state.buffers["mat"]).toMatchObject({ selected: ["m2"] });
  });

  it("advance migrates a draft of an older version too, without losing the text being typed", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("Loại A");
    chat.text("Đang viết");
    const v2 = templateSchema.parse(v2Json);
    const r = advance(v2, chat.state, { kind: "text", text: "thêm" }, canBo);
    expect(r.state.templateVersion).toBe(2);
    expect(r.state.stepId).toBe("moi");
    const text = r.outputs.map((o) => o.text).join("\n");
    expect(text).toContain(vi.textNotSaved);
    expect(r.outputs.some((o) => o.text === "thêm")).toBe(true);
  });

  it("resumes the same version where the member was", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    const r = resume([fixture()], JSON.parse(JSON.stringify(chat.state)), canBo);
    expect(r.ok && r.state).toEqual(chat.state);
    expect(r.outputs.map((o) => o.text).join("\n")).toContain("Câu 2/8");
  });

  it("never throws on a broken or unknown draft", () => {
    const templates = [fixture()];
    for (const bad of [null, undefined, 42, "x", [], {}, { templateId: 5 }, { templateId: "mau-thu", answers: "no" }, { templateId: "khong-co" }]) {
      const r = resume(templates, bad, canBo);
      expect(Array.isArray(r.outputs)).toBe(true);
      if (r.ok) expect(draftStateSchema.safeParse(r.state).success).toBe(true);
    }
    expect(resume(templates, { templateId: "khong-co", templateVersion: 1 }, canBo)).toMatchObject({ ok: false, reason: "template_missing" });
    expect(resume(templates, null, canBo)).toMatchObject({ ok: false, reason: "invalid_state" });
  });

  it("salvages the readable answers of a draft that fails the schema", () => {
    const broken = { templateId: "mau-thu", templateVersion: 1, answers: { "mo-ta": { kind: "text", text: "Đã có từ trước" }, loai: { kind: "??" } }, phase: "???" };
    const r = resume([fixture()], broken, canBo);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.answers["mo-ta"]).toEqual({ kind: "text", text: "Đã có từ trước" });
    expect(r.state.stepId).toBe("loai");
  });

  it("moves on when the current question no longer applies to the member's profile", () => {
    const chat = toMulti(new Chat(fixture(), leader)); // for a leader, "Hà Nội" answered chuc-vu
    expect(chat.state.stepId).toBe("nghi-huu");
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("chuc-vu");
    const r = advance(chat.template, chat.state, { kind: "text", text: "Bí thư" }, canBo);
    expect(r.state.stepId).toBe("nghi-huu");
    expect(r.outputs.map((o) => o.text).join("\n")).toContain(vi.stepMoved);
    expect(r.state.answers["chuc-vu"]).toEqual(chat.state.answers["chuc-vu"]);
  });

  it("lists the newest version of the templates meant for the member", () => {
    const v2 = templateSchema.parse(v2Json);
    const only = templateSchema.parse({ ...fixtureJson, id: "chi-huu-tri", audience: { categories: ["huu_tri"] } });
    expect(templatesFor([fixture(), v2, only], canBo).map((t) => `${t.id}@${t.version}`)).toEqual(["mau-thu@2"]);
    expect(templatesFor([fixture(), only], retired).map((t) => t.id)).toEqual(["mau-thu", "chi-huu-tri"]);
  });
});

describe("shipped templates", () => {
  const { templates } = loadTemplatesFromDir(templatesDir);
  const byId = (id: string) => templates.find((t) => t.id === id)!;

  it("giu-tron-loi-the asks about promises only of members holding a post, with wording for retirees", () => {
    const member = new Chat(byId("giu-tron-loi-the"), canBo);
    const boss = new Chat(byId("giu-tron-loi-the"), leader);
    const total = (c: Chat) => Number(/Câu 1\/(\d+)/.exec(c.last)?.[1]);
    expect(total(boss)).toBeGreaterThan(total(member));
    expect(boss.last).toContain("lời hứa");
    expect(member.last).toContain("Trích nguyên văn Điều 2 Điều lệ Đảng, nhiệm vụ thứ nhất");
    expect(new Chat(byId("giu-tron-loi-the"), retired).last).toContain("Từ khi nghỉ hưu");
  });

  it("kiem-diem-cuoi-nam picks form 2A, 2B or 2C from the profile", () => {
    const t = byId("kiem-diem-cuoi-nam");
    const form = (p: typeof canBo) => /Mẫu (2[ABC])/.exec(new Chat(t, p).last)?.[1];
    expect(form(canBo)).toBe("2A");
    expect(form({ category: "hoc_sinh", holdsPost: false })).toBe("2A");
    expect(form(leader)).toBe("2B");
    expect(form(retired)).toBe("2C");
    expect(form({ category: "lao_dong_tu_do", holdsPost: false })).toBe("2C");
  });

  it("kiem-diem-cuoi-nam can be filled in to the end and renders with section I and the grade", () => {
    const chat = new Chat(byId("kiem-diem-cuoi-nam"), retired);
    for (let guard = 0; chat.state.phase === "answering" && guard < 100; guard++) {
      const labels = allChoices(chat.outputs).map((c) => c.label);
      if (labels.includes("Hoàn thành nhiệm vụ")) chat.press("Hoàn thành nhiệm vụ");
      else if (labels.includes("Bỏ qua")) chat.press("Bỏ qua");
      else if (labels.includes("Không")) chat.press("Không");
      else if (labels.includes("Không có biểu hiện")) chat.press("Không có biểu hiện");
      else {
        chat.text("Nội dung trả lời đủ dài cho câu hỏi này.");
        chat.press("Xong");
      }
    }
    expect(chat.state.phase).toBe("review");
    const report = renderReport(chat.template, chat.state, { ...retired, fullName: "Trần Thị B" });
    expect(report).toContain("(Bố cục tham khảo Mẫu 2C");
    expect(report).toContain("Ngày sinh: Nội dung");
    expect(report).toContain("I. Ưu điểm, kết quả đạt được\n\n1. Về tư tưởng chính trị");
    expect(report).toContain("Hoàn thành nhiệm vụ");
    expect(report).not.toContain("Chức vụ Đảng");
  });

  it("27-bieu-hien rates the three groups and asks for remedies only when something is flagged", () => {
    const chat = new Chat(byId("27-bieu-hien"), canBo);
    expect(chat.last).toContain("Nhóm 1. Suy thoái về tư tưởng chính trị");
    chat.press("Không có");
    expect(chat.last).toContain("Nhóm 2. Suy thoái về đạo đức, lối sống");
    expect(chat.last).not.toContain("Trích nguyên văn");
    chat.press("Không có");
    chat.press("Không có");
    expect(chat.state.stepId).toBe("tu-soi-tu-sua");
  });
});
