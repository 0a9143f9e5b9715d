/** The review before submitting: editing one answer from it, Back out of an edit, submission and the report. */
import { describe, expect, it } from "vitest";
import { renderReport, resume } from "../../../bot/core/features/reports/engine/engine.ts";
import { fmt, textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { allChoices, canBo, Chat, fixture, toEnd } from "./helpers.ts";

const vi = textsFor("vi");

describe("review, edit and submission", () => {
  it("reviews every answer, edits one and comes back to the review", () => {
    const chat = toEnd(new Chat(fixture()));
    expect(chat.state.phase).toBe("review");
    expect(chat.state.stepId).toBeNull();
    expect(chat.last).toContain("1. Mô tả: Mười ký tự trở lên");
    expect(chat.last).toContain("2. Loại: Loại B");
    expect(chat.last).toContain("8. Ghi chú: (bỏ qua)");
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
    expect(chat.last).toContain("4. Chi tiết: Chi tiết mới");
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

  it("renders the finished report numbered as the member saw it, a skipped step on one line", () => {
    const chat = toEnd(new Chat(fixture()));
    const text = renderReport(chat.template, chat.state, { ...canBo, fullName: "Nguyễn Văn A", cellName: "Chi bộ 1", dateText: "01/12/2025" });
    expect(text).toContain("MẪU THỬ");
    expect(text).toContain("Họ và tên: Nguyễn Văn A");
    expect(text).toContain("Chi bộ: Chi bộ 1");
    expect(text).toContain("1. Mô tả\nMười ký tự trở lên");
    expect(text).toContain("5. Các mặt\n- Mặt 1");
    expect(text).toContain("6. Tự soi\n- Mục X: Không có\n- Mục Y: Không có");
    expect(text).toContain("7. Xếp loại\nHoàn thành tốt nhiệm vụ");
    expect(text).toContain("8. Ghi chú: (bỏ qua)");
    expect(text).not.toContain("Không có. Ghi chú");
  });
});
