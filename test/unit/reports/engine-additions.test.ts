import { describe, expect, it } from "vitest";
import { current, progress, renderReport, reopen, start } from "../../../bot/core/features/reports/engine/engine.ts";
import { engineTextKeys, engineTextsFrom, gradeKey, levelKey, textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { gradeLevels, ratingLevels, templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { i18n } from "../../helpers/core-harness.ts";
import { canBo, Chat, fixtureJson } from "./helpers.ts";

describe("engine texts from the Fluent files", () => {
  it("has every engine text, grade and level in both languages", () => {
    const keys = [...Object.values(engineTextKeys).map(([key]) => key), ...gradeLevels.map(gradeKey), ...ratingLevels.map(levelKey)];
    for (const locale of ["vi", "en"] as const) expect(keys.filter((k) => !i18n.has(locale, k))).toEqual([]);
  });

  it("keeps the engine's placeholders for the engine to fill, and reads each language", () => {
    const vi = engineTextsFrom(i18n.translator("vi"));
    expect(vi.questionNumber).toBe("Câu {n}/{total}");
    expect(vi.errTooShort).toContain("{count}");
    expect(vi.grades.tot).toBe("Hoàn thành tốt nhiệm vụ");
    expect(engineTextsFrom(i18n.translator("en")).questionNumber).toBe("Question {n}/{total}");
    expect(textsFor("vi")).toEqual(vi);
  });
});

/** The fixture with the bot's post question in front: a yes/no that stands for the profile's holdsPost. */
const withPostQuestion = templateSchema.parse({
  ...fixtureJson,
  steps: [{ id: "giu-chuc-vu", kind: "yesno", title: "Giữ chức vụ", prompt: "Có giữ chức vụ không?", setsProfile: "holdsPost" }, ...fixtureJson.steps],
});

describe("a yes/no step that stands for the profile (setsProfile)", () => {
  it("switches the questions for members holding a post on and off as it is answered and edited", () => {
    const chat = new Chat(withPostQuestion, canBo);
    expect(chat.last).toContain("Câu 1/9 · Giữ chức vụ");
    chat.press("Có");
    // "chuc-vu" (holders of a post only) now counts.
    expect(chat.last).toContain("Câu 2/10 · Mô tả");
    expect(progress(withPostQuestion, chat.state, canBo)).toEqual({ answered: 1, total: 10 });
    chat.press("« Quay lại");
    chat.press("Không");
    expect(chat.last).toContain("Câu 2/9 · Mô tả");
  });

  it("also decides the report's subtitles", () => {
    const template = templateSchema.parse({
      ...withPostQuestion,
      reportSubtitles: [{ when: { profile: "holdsPost", equals: true }, text: "(Đảng viên giữ chức vụ)" }],
    });
    const chat = new Chat(template, canBo);
    chat.press("Có");
    expect(renderReport(template, chat.state, { ...canBo, fullName: "A" })).toContain("(Đảng viên giữ chức vụ)");
    const no = new Chat(template, canBo);
    no.press("Không");
    expect(renderReport(template, no.state, { ...canBo, fullName: "A" })).not.toContain("(Đảng viên giữ chức vụ)");
  });

  it("is refused on other step kinds", () => {
    const bad = { ...fixtureJson, steps: [{ id: "x", kind: "text", title: "X", prompt: "X?", setsProfile: "holdsPost" }] };
    expect(templateSchema.safeParse(bad).success).toBe(false);
  });
});

describe("commitment steps", () => {
  it("are marked in the schema, false by default", () => {
    const t = templateSchema.parse({ ...fixtureJson, steps: [...fixtureJson.steps, { id: "cam-ket", kind: "text", title: "Cam kết", prompt: "?", commitment: true }] });
    expect(t.steps.find((s) => s.id === "cam-ket")).toMatchObject({ commitment: true });
    expect(t.steps.find((s) => s.id === "mo-ta")).toMatchObject({ commitment: false });
  });
});

describe("reopen and current", () => {
  it("reopens a submitted draft at the review with every answer, and shows where a draft stands without changing it", () => {
    const template = templateSchema.parse(fixtureJson);
    const first = start(template, canBo);
    expect(current(template, first.state, canBo).at(-1)!.text).toContain("Câu 1/8 · Mô tả");
    const submitted = { ...first.state, phase: "submitted" as const, stepId: null, answers: { "mo-ta": { kind: "text" as const, text: "Mười ký tự trở lên" } } };
    const reopened = reopen(submitted);
    expect(reopened).toMatchObject({ phase: "review", stepId: null, editing: false, answers: submitted.answers });
    expect(current(template, reopened, canBo).at(-1)!.text).toContain("«Nộp»");
  });
});
