/**
 * The engine across template versions (resume, migration) and the shipped templates answered to
 * the end.
 */
import { describe, expect, it } from "vitest";
import { advance, draftStateSchema, renderReport, resume, templatesFor } from "../../../bot/core/features/reports/engine/engine.ts";
import { textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { allChoices, canBo, Chat, fixture, fixtureJson, leader, retired, templatesDir, toMulti } from "./helpers.ts";

const vi = textsFor("vi");

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
    // Numbered as the member's «Câu n/N», across the sections.
    expect(report).toMatch(/I\. Ưu điểm, kết quả đạt được\n\n\d+\. Về tư tưởng chính trị/);
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
