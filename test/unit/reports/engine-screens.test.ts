/**
 * The member's screens fit a phone and say only what helps (issue 10): the compact review, hints
 * behind «Gợi ý», typed text shown again, one way on after Back, the multiple choice where the
 * options are the list and several numbers can be typed at once.
 */
import { describe, expect, it } from "vitest";
import { actions } from "../../../bot/core/features/reports/engine/choice-data.ts";
import { fmt, textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { screenLimit } from "../../../bot/core/features/reports/engine/engine-view.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { allChoices, Chat, fixture, fixtureJson, toMulti } from "./helpers.ts";

const vi = textsFor("vi");
const labels = (chat: Chat) => allChoices(chat.outputs).map((c) => c.label);

/** Answers the fixture to its review, the first answer as given. */
function toReview(chat: Chat, answer = "Mười ký tự trở lên") {
  chat.text(answer);
  chat.press("Xong");
  chat.press("Loại B");
  chat.press("Không");
  chat.text("Hà Nội");
  chat.press("Xong");
  chat.press(/Mặt 1$/);
  chat.press("Xong");
  chat.press("Không có");
  chat.press("Không có");
  chat.press("Hoàn thành tốt nhiệm vụ");
  chat.press("Bỏ qua");
  return chat;
}

const longAnswer = "Một câu trả lời dài hơn một dòng của bản xem lại, để thấy nó được cắt gọn.";
const long = fixture({ steps: fixtureJson.steps.map((s) => (s.id === "mo-ta" ? { ...s, maxLength: 3000 } : s)) as never });

describe("the review before submitting", () => {
  it("is one compact message: a line per answer, clipped, with «Xem câu N» for a clipped one", () => {
    const chat = toReview(new Chat(long), longAnswer);
    expect(chat.outputs).toHaveLength(1);
    const text = chat.outputs[0]!.text;
    expect(text).toContain("1. Mô tả: Một câu trả lời dài hơn một dòng của bản xem…");
    expect(text).not.toContain(longAnswer);
    expect(text).toContain("5. Các mặt: Mặt 1");
    expect(text).toContain("8. Ghi chú: (bỏ qua)");
    expect(labels(chat)).toContain("Xem câu 1");
    expect(labels(chat)).not.toContain("Xem câu 2");
    chat.press("Xem câu 1");
    expect(chat.last).toContain(`Câu 1/8 · Mô tả\n\n${longAnswer}`);
    expect(labels(chat)).toEqual(["Sửa câu 1", "Xem lại cả bản", "Nộp", "Lưu, làm tiếp sau"]);
    chat.press("Xem lại cả bản");
    expect(chat.last).toContain("Xem lại bản «Mẫu thử» trước khi nộp");
  });

  it("after an edit shows the changed line only, not every answer again", () => {
    const chat = toReview(new Chat(fixture()));
    chat.press("Sửa câu 2");
    chat.press(/Loại C/);
    expect(chat.outputs).toHaveLength(1);
    expect(chat.last).toContain(`${fmt(vi.edited, { n: 2 })}\n2. Loại: Loại C`);
    expect(chat.last).not.toContain("1. Mô tả");
    expect(labels(chat)).toEqual(expect.arrayContaining(["Sửa câu 1", "Xem lại cả bản", "Nộp"]));
  });

  it("answers stray text and Back from an edit with what to do, not with the whole list", () => {
    const chat = toReview(new Chat(fixture()));
    chat.text("ừm");
    expect(chat.last).toBe(vi.reviewHowTo);
    chat.press("Sửa câu 1");
    chat.press("« Quay lại");
    expect(chat.state.phase).toBe("review");
    expect(chat.last).toBe(vi.reviewHowTo);
  });

  it("refuses «Xem câu N» for a question that does not apply", () => {
    const chat = toReview(new Chat(fixture()));
    const view = allChoices(chat.outputs).find((c) => c.label === "Sửa câu 4")!.data.replace(`:${actions.edit}:`, `:${actions.view}:`).replace(/:[^:]+$/, ":chi-tiet");
    const before = structuredClone(chat.state);
    chat.send({ kind: "choice", data: view });
    expect(chat.last).toContain(vi.errStale);
    expect(chat.state).toEqual(before);
  });
});

describe("hints", () => {
  const quote = "Một đoạn trích rất dài. ".repeat(30);
  const template = templateSchema.parse({
    ...fixtureJson,
    steps: [
      { id: "dai", kind: "text", title: "Câu dài", prompt: "Đồng chí trả lời.", quotes: [{ text: quote, source: "Văn bản thử" }], hint: "Gợi ý ngắn cho câu dài." },
      { id: "ngan", kind: "text", title: "Câu ngắn", prompt: "Đồng chí trả lời.", hint: "Gợi ý ngắn." },
    ],
  });

  it("wait behind «Gợi ý» in a long question, and come with the question's own choices", () => {
    const chat = new Chat(template);
    expect(chat.last).not.toContain("Gợi ý ngắn cho câu dài.");
    const hint = chat.choice(vi.hintButton);
    chat.text("Đang viết");
    const before = structuredClone(chat.state);
    chat.send({ kind: "choice", data: hint.data });
    expect(chat.outputs).toHaveLength(1);
    expect(chat.last).toBe(fmt(vi.hint, { hint: "Gợi ý ngắn cho câu dài." }));
    expect(labels(chat)).toEqual(["Xong", "Lưu, làm tiếp sau"]);
    expect(chat.state).toEqual(before);
  });

  it("stay in a short question, which then has no «Gợi ý»; a «Gợi ý» where there is no hint changes nothing", () => {
    const chat = new Chat(template);
    chat.text("Câu trả lời");
    chat.press("Xong");
    expect(chat.last).toContain(fmt(vi.hint, { hint: "Gợi ý ngắn." }));
    expect(labels(chat)).not.toContain(vi.hintButton);
    const other = new Chat(fixture());
    other.text("Mười ký tự trở lên");
    other.press("Xong");
    const before = structuredClone(other.state);
    other.send({ kind: "choice", data: other.choice("Loại A").data.replace(/:o:a$/, ":g") });
    expect(other.last).toContain(vi.errStale);
    expect(other.state).toEqual(before);
  });

  it("keep every screen of the shipped kind within a phone screen", () => {
    const chat = new Chat(template);
    for (const o of chat.outputs) expect(o.text.length).toBeLessThanOrEqual(screenLimit);
  });
});

describe("typed text not yet finished", () => {
  it("is shown again (its start) when the question is shown again, not only counted", () => {
    const chat = new Chat(long);
    const typed = `Đang viết ${"rất ".repeat(60)}dài`;
    chat.text(typed);
    chat.send({ kind: "unsupported", what: "sticker" });
    expect(chat.last).toContain(fmt(vi.pendingText, { text: `${typed.slice(0, 199).trimEnd()}…` }));
  });
});

describe("Back to a saved answer", () => {
  it("offers «Giữ nguyên» alone while nothing new is typed, and «Xong» once something is", () => {
    const chat = new Chat(fixture());
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("« Quay lại");
    expect(labels(chat)).toContain("Giữ nguyên");
    expect(labels(chat)).not.toContain("Xong");
    chat.text("Câu trả lời mới hơn");
    expect(labels(chat)).toEqual(expect.arrayContaining(["Xong", "Giữ nguyên"]));
  });

  it("on a multiple choice, «Xong» comes back with the first change", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.press(/Mặt 1$/);
    chat.press("Xong");
    chat.press("« Quay lại");
    expect(chat.state.stepId).toBe("mat");
    expect(labels(chat)).toContain("Giữ nguyên");
    expect(labels(chat)).not.toContain("Xong");
    chat.press("☐ Mặt 2");
    expect(labels(chat)).toContain("Xong");
  });
});

describe("the multiple choice", () => {
  it("is the list: its options tick lines (toggle), the text does not list them again, and nothing counts zero", () => {
    const chat = toMulti(new Chat(fixture()));
    const page = chat.outputs.at(-1)!;
    expect(page.text).not.toContain("Mặt 1");
    expect(page.text).not.toContain("đã chọn 0");
    const ticks = allChoices(chat.outputs).filter((c) => /^[☐☑]/.test(c.label));
    expect(ticks.map((c) => c.label)).toEqual(["☐ Mặt 1", "☐ Mặt 2", "☐ Mặt 3"]);
    expect(ticks.every((c) => c.toggle === true)).toBe(true);
    expect(allChoices(chat.outputs).filter((c) => c.toggle).length).toBe(3);
  });

  it("ticks several lines of the page shown from typed numbers («1, 3»), and refuses a number not on it", () => {
    const chat = toMulti(new Chat(fixture()));
    chat.text("1, 3");
    expect(chat.state.buffers["mat"]).toMatchObject({ selected: ["m1", "m3"] });
    expect(chat.last).toContain(fmt(vi.selectedCount, { count: 2 }));
    chat.press("Trang sau ›");
    // Numbers count on the page shown: "2" here is «Mặt 5».
    chat.text("2 và 3");
    expect(chat.state.buffers["mat"]).toMatchObject({ selected: ["m1", "m3", "m5", "m6"] });
    const before = structuredClone(chat.state);
    chat.text("1, 4");
    expect(chat.last).toContain(fmt(vi.errNotItem, { text: "4" }));
    expect(chat.state).toEqual(before);
    // Past the maximum (4) as a whole: nothing changes.
    chat.text("1");
    expect(chat.last).toContain(fmt(vi.errTooMany, { max: 4 }));
    expect(chat.state).toEqual(before);
    // A typed number unticks as a tap does; a label ticks too.
    chat.text("2");
    chat.text("mặt 4");
    expect(chat.state.buffers["mat"]).toMatchObject({ selected: ["m1", "m3", "m4", "m6"] });
    chat.text("xong");
    expect(chat.state.answers["mat"]).toEqual({ kind: "multi", options: ["m1", "m3", "m4", "m6"] });
  });
});
