/**
 * The secretary's copy of a report: numbered as the member saw the questions, in parts of one phone
 * screen, and the decision always says whose report it decides.
 */
import { describe, expect, it } from "vitest";
import { changedQuestions } from "../../../bot/core/features/reports/changes.ts";
import { engineTextsFrom } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { screenLimit } from "../../../bot/core/features/reports/engine/engine-view.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import type { RoundRecord } from "../../../bot/core/features/reports/records.ts";
import { submittedReport } from "../../../bot/core/features/reports/views.ts";
import { i18n } from "../../helpers/core-harness.ts";
import { canBo, Chat } from "./helpers.ts";

const t = i18n.translator("vi");

/** Question 1 goes into the header, question 3 may be skipped. */
const template = templateSchema.parse({
  id: "ban-sao",
  version: 1,
  title: "Bản thử",
  description: "Mẫu thử bản sao gửi bí thư.",
  steps: [
    { id: "ngay-sinh", kind: "text", title: "Ngày sinh", prompt: "Ngày sinh?", reportAs: "field" },
    { id: "uu-diem", kind: "text", title: "Ưu điểm", prompt: "Ưu điểm?" },
    { id: "khach-quan", kind: "text", title: "Nguyên nhân khách quan", prompt: "Có không?", optional: true },
    { id: "chu-quan", kind: "text", title: "Nguyên nhân chủ quan", prompt: "Vì sao?" },
    { id: "cam-ket", kind: "text", title: "Cam kết", prompt: "Cam kết gì?" },
  ],
});

const round: RoundRecord = {
  id: "r1",
  cellId: "c1",
  templateId: "ban-sao",
  title: "Bản thử",
  deadline: new Date("2026-12-20T10:00:00Z"),
  categories: null,
  includeExempt: false,
  meetingId: null,
  reminderOffsets: "[]",
  status: "open",
  createdById: "p0",
  createdAt: new Date("2026-11-24T02:00:00Z"),
  closedAt: null,
};

function answered(cause: string, commitment: string) {
  const chat = new Chat(template, canBo);
  for (const [label, text] of [["ngay-sinh", "05/3/1968"], ["uu-diem", "Hoàn thành nhiệm vụ được giao."]] as const) {
    expect(chat.state.stepId).toBe(label);
    chat.text(text);
    chat.press("Xong");
  }
  chat.press("Bỏ qua");
  chat.text(cause);
  chat.press("Xong");
  chat.text(commitment);
  chat.press("Xong");
  expect(chat.state.phase).toBe("review");
  return chat.state;
}

function copy(state: ReturnType<typeof answered>, changes: Parameters<typeof submittedReport>[1]["changes"]) {
  return submittedReport(t, {
    template,
    state,
    profile: canBo,
    texts: engineTextsFrom(t),
    author: "Nguyễn Văn A",
    cell: { name: "Chi bộ 1", timeZone: "Asia/Ho_Chi_Minh" },
    round,
    version: { id: "v2", number: 2, status: "submitted", proxy: false, submittedAt: new Date("2026-11-25T02:00:00Z"), returnComment: null },
    enteredBy: null,
    changes,
    canDecide: true,
  });
}

describe("the secretary's copy", () => {
  it("numbers the items as the member saw them, and so does the change note", () => {
    const before = answered("Còn nể nang.", "Góp ý thẳng thắn mỗi tháng.");
    const after = answered("Còn nể nang, ngại va chạm.", "Góp ý thẳng thắn mỗi tháng.");
    const questions = changedQuestions(template, before, canBo, after, canBo);
    expect(questions).toEqual([{ n: 4, title: "Nguyên nhân chủ quan" }]);
    const text = copy(after, { previous: 1, questions })
      .map((m) => m.text)
      .join("\n\n");
    expect(text).toContain("Thay đổi so với lần 1: câu 4 «Nguyên nhân chủ quan».");
    expect(text).toContain("Ngày sinh: 05/3/1968");
    expect(text).toContain("2. Ưu điểm\nHoàn thành nhiệm vụ được giao.");
    expect(text).toContain("3. Nguyên nhân khách quan: (bỏ qua)");
    expect(text).toContain("4. Nguyên nhân chủ quan\nCòn nể nang, ngại va chạm.");
    expect(text).toContain("5. Cam kết");
  });

  it("comes in parts of one screen, and a decision in a part of its own still names whose report it is", () => {
    const paragraph = "Một đoạn trả lời dài, viết cẩn thận, có việc làm cụ thể và kết quả. ".repeat(6).trim();
    const state = answered(`${paragraph}\n\n${paragraph}`, `${paragraph} ${paragraph} ${paragraph}`.slice(0, 940));
    const out = copy(state, null);
    expect(out.length).toBeGreaterThan(2);
    for (const m of out) expect(m.text.length).toBeLessThanOrEqual(screenLimit);
    const last = out.at(-1)!;
    expect(last.text).toBe("Bản của đồng chí Nguyễn Văn A (nộp lần 2): đồng chí chọn «Tiếp nhận», hoặc «Trả lại để bổ sung» rồi ghi nhận xét.");
    expect(last.choices!.flat().map((c) => c.label)).toEqual(["Tiếp nhận", "Trả lại để bổ sung", "📄 Tải bản Word"]);
    expect(out.slice(0, -1).every((m) => !m.choices)).toBe(true);
  });

  it("puts the decision under the last part when it fits there", () => {
    const out = copy(answered("Còn nể nang.", "Góp ý thẳng thắn mỗi tháng."), null);
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toMatch(/5\. Cam kết\nGóp ý thẳng thắn mỗi tháng\.\n\nBản của đồng chí Nguyễn Văn A \(nộp lần 2\)/);
  });
});
