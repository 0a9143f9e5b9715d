/**
 * Score steps and `bandFrom` in template files, and the operators' scoring sheets in `scoring/`:
 * loaded with the templates' discipline (strict, file and line in every message, a broken file
 * refused while the rest loads), matched to the score steps that name them.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { attachSheets, loadTemplatesFromDir, parseSheetText, parseTemplateText } from "../../../bot/core/features/reports/engine/template-loader.ts";
import type { Template } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { createTemplateStore } from "../../../bot/core/features/reports/template-store.ts";
import { templatesDir } from "./helpers.ts";

const groups = [
  { id: "chung", label: "1. Nhóm tiêu chí chung", max: 30 },
  { id: "ket-qua", label: "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", max: 70 },
];
const scoreStep = { id: "diem", kind: "score", title: "Tự chấm điểm", prompt: "Đồng chí tự chấm điểm.", sheet: "bang-diem-thu", groups };
const gradeStep = { id: "de-xuat", kind: "grade", title: "Mức chất lượng", prompt: "Đồng chí đề xuất mức nào?", bandFrom: "diem" };
const templateJson = {
  id: "cham-diem-thu",
  version: 1,
  title: "Chấm điểm thử",
  description: "Mẫu thử chấm điểm.",
  steps: [{ id: "viec", kind: "text", title: "Việc đã làm", prompt: "Việc đã làm?" }, scoreStep, gradeStep],
};
const sheetJson = {
  id: "bang-diem-thu",
  version: 1,
  title: "Bảng điểm thử của tỉnh",
  groups: [
    {
      id: "chung",
      criteria: [
        { id: "c1", label: "Tiêu chí chung thứ nhất", max: 10 },
        { id: "c2", label: "Tiêu chí chung thứ hai", max: 20 },
      ],
    },
    { id: "ket-qua", criteria: [{ id: "k1", label: "Tiêu chí kết quả", max: 70 }] },
  ],
};

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const messages = (json: unknown) =>
  parseTemplateText(pretty(json), "t.json")
    .errors.map((e) => e.message)
    .join("\n");
const withSteps = (steps: unknown[]) => ({ ...templateJson, steps });

function dirWith(templates: Record<string, string>, sheets: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "report-scoring-"));
  for (const [name, text] of Object.entries(templates)) writeFileSync(join(dir, name), text);
  if (Object.keys(sheets).length > 0) mkdirSync(join(dir, "scoring"));
  for (const [name, text] of Object.entries(sheets)) writeFileSync(join(dir, "scoring", name), text);
  return dir;
}

const scoreOf = (t: Template | undefined) => t?.steps.find((s) => s.kind === "score");

describe("a score step and bandFrom in a template file", () => {
  it("loads", () => {
    const { template, errors } = parseTemplateText(pretty(templateJson), "t.json");
    expect(errors).toEqual([]);
    expect(scoreOf(template)).toMatchObject({ kind: "score", groups, sheet: "bang-diem-thu" });
  });

  it("refuses a condition on a score, with the way to show the band instead", () => {
    const text = pretty(withSteps([scoreStep, { id: "sau", kind: "text", title: "Sau", prompt: "Sau?", when: { answer: "diem", notEmpty: true } }]));
    const [e] = parseTemplateText(text, "t.json").errors;
    expect(e!.message).toBe('steps[1] (id "sau").when.answer: "when" refers to score step "diem": conditions cannot depend on a score (to show the band, use "bandFrom" on a grade step)');
    expect(e!.line).toBe(lineOf(text, '"answer": "diem"'));
    expect(messages({ ...withSteps([scoreStep]), reportSubtitles: [{ when: { answer: "diem", in: ["x"] }, text: "T" }] })).toContain('refers to score step "diem"');
  });

  it.each([
    ["an unknown step", [scoreStep, { ...gradeStep, bandFrom: "khong-co" }], '"bandFrom" names unknown step "khong-co"'],
    ["a step that is not a score", [templateJson.steps[0], scoreStep, { ...gradeStep, bandFrom: "viec" }], '"bandFrom" names step "viec", which is a text step, not a score step'],
    ["a later score step", [gradeStep, scoreStep], '"bandFrom" names score step "diem", which does not come before this one'],
    [
      "a score not out of 100",
      [{ ...scoreStep, groups: [groups[0], { ...groups[1], max: 60 }] }, gradeStep],
      '"bandFrom" needs a score out of 100 (the bands of QĐ 366 Điều 11 are 90, 70 and 50 points), but the groups of "diem" add up to 90',
    ],
  ])("refuses bandFrom naming %s", (_what, steps, message) => {
    const text = pretty(withSteps(steps));
    const errors = parseTemplateText(text, "t.json").errors;
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(message)]);
    expect(errors[0]!.line).toBe(lineOf(text, '"bandFrom"'));
  });

  it("refuses duplicate groups, a fractional maximum, and criteria written into the template", () => {
    expect(messages(withSteps([{ ...scoreStep, groups: [groups[0], { ...groups[1], id: "chung" }] }]))).toContain('duplicate group id "chung"');
    expect(messages(withSteps([{ ...scoreStep, groups: [{ ...groups[0], max: 29.5 }, groups[1]] }]))).toContain("Expected integer");
    const smuggled = messages(withSteps([{ ...scoreStep, scoring: sheetJson }]));
    expect(smuggled).toContain('steps[0] (id "diem").scoring: is set by the loader from scoring/<sheet>.json; a template names its sheet with "sheet"');
  });
});

describe("scoring sheets", () => {
  it("are matched to the score step that names them", () => {
    const dir = dirWith({ "t.json": pretty(templateJson) }, { "bang-diem-thu.json": pretty(sheetJson) });
    const { templates, errors } = loadTemplatesFromDir(dir);
    expect(errors).toEqual([]);
    expect(scoreOf(templates[0])).toMatchObject({ scoring: { id: "bang-diem-thu", title: "Bảng điểm thử của tỉnh" } });
  });

  it("are optional: without the folder, or without the named sheet, the step asks for group totals", () => {
    for (const dir of [dirWith({ "t.json": pretty(templateJson) }), dirWith({ "t.json": pretty(templateJson) }, { "notes.txt": "x" })]) {
      const { templates, errors } = loadTemplatesFromDir(dir);
      expect(errors).toEqual([]);
      expect(scoreOf(templates[0])).toMatchObject({ kind: "score" });
      expect(scoreOf(templates[0])).not.toHaveProperty("scoring");
    }
  });

  it("refuses a broken file with its file and line, and the template still loads without it", () => {
    const broken = pretty(sheetJson).replace('"version": 1,', '"version": 1');
    const { templates, errors } = loadTemplatesFromDir(dirWith({ "t.json": pretty(templateJson) }, { "bang-diem-thu.json": broken }));
    expect(templates).toHaveLength(1);
    expect(scoreOf(templates[0])).not.toHaveProperty("scoring");
    expect(errors).toEqual([{ file: "scoring/bang-diem-thu.json", line: 4, message: expect.stringContaining("invalid JSON at line 4") }]);
  });

  it("is strict: a misspelt key or a bad value is named with its path and line", () => {
    const text = pretty({ ...sheetJson, groups: [{ ...sheetJson.groups[0], criteria: [{ id: "c1", label: "X", maxx: 10 }] }, sheetJson.groups[1]] });
    const { errors } = parseSheetText(text, "scoring/s.json");
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('groups[0] (id "chung").criteria[0] (id "c1"): Unrecognized key(s) in object: \'maxx\''), expect.stringContaining("max: Required")]),
    );
    expect(errors.find((e) => e.message.includes("maxx"))!.line).toBe(lineOf(text, '"maxx"'));
    const decimals = parseSheetText(pretty({ ...sheetJson, groups: [{ id: "chung", criteria: [{ id: "c1", label: "X", max: 2.25 }] }] }), "s.json").errors;
    expect(decimals[0]!.message).toContain("at most one decimal place");
  });

  it("refuses the same criterion id twice in one sheet", () => {
    const text = pretty({ ...sheetJson, groups: [sheetJson.groups[0], { id: "ket-qua", criteria: [{ id: "c1", label: "Trùng", max: 70 }] }] });
    const { errors } = parseSheetText(text, "s.json");
    expect(errors.map((e) => e.message)).toEqual(['groups[1] (id "ket-qua").criteria[0] (id "c1").id: duplicate criterion id "c1" (first used in group "chung")']);
  });

  it("refuses a sheet whose criteria do not add up to the group's maximum, precisely, and the step asks for totals", () => {
    const sheet = { ...sheetJson, groups: [{ id: "chung", criteria: [{ id: "c1", label: "X", max: 10 }, { id: "c2", label: "Y", max: 18.5 }] }, sheetJson.groups[1]] };
    const text = pretty(sheet);
    const { templates, errors } = loadTemplatesFromDir(dirWith({ "t.json": pretty(templateJson) }, { "bang-diem-thu.json": text }));
    expect(errors).toEqual([
      {
        file: "scoring/bang-diem-thu.json",
        line: lineOf(text, '"id": "chung"') - 1,
        message:
          'scoring sheet "bang-diem-thu" (version 1) does not fit template "cham-diem-thu" version 1, score step "diem": group "chung": the criteria\'s maxima add up to 28.5, but the step gives this group 30 points; the step asks for group totals until this is fixed',
      },
    ]);
    expect(templates).toHaveLength(1);
    expect(scoreOf(templates[0])).not.toHaveProperty("scoring");
  });

  it("refuses a sheet whose groups are not the step's", () => {
    const sheet = { ...sheetJson, groups: [sheetJson.groups[0], { ...sheetJson.groups[1], id: "ket_qua" }] };
    const { errors } = loadTemplatesFromDir(dirWith({ "t.json": pretty(templateJson) }, { "bang-diem-thu.json": pretty(sheet) }));
    expect(errors.map((e) => e.message.replace(/^.*score step "diem": /, ""))).toEqual([
      'the sheet has no group "ket-qua" (the step\'s groups are "chung", "ket-qua"); the step asks for group totals until this is fixed',
      'group "ket_qua" is not a group of the step (its groups are "chung", "ket-qua"); the step asks for group totals until this is fixed',
    ]);
  });

  it("reports a sheet no step names, a version defined twice, and uses the newest version", () => {
    const v2 = { ...sheetJson, version: 2, title: "Bảng điểm thử, bản 2" };
    const { templates, errors } = loadTemplatesFromDir(
      dirWith({ "t.json": pretty(templateJson) }, { "a.json": pretty(sheetJson), "b.json": pretty(v2), "c.json": pretty(v2), "d.json": pretty({ ...sheetJson, id: "bang-diem-khac" }) }),
    );
    expect(scoreOf(templates[0])).toMatchObject({ scoring: { title: "Bảng điểm thử, bản 2" } });
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      ["scoring/c.json", 'scoring sheet "bang-diem-thu" version 2 is already defined in scoring/b.json; raise "version" or change "id"'],
      ["scoring/d.json", 'scoring sheet "bang-diem-khac" is named by no template\'s score step ("sheet": "bang-diem-khac"), so it is not used'],
    ]);
  });

  it("are picked up by the template store when a file is added, without a restart", () => {
    const dir = dirWith({ "t.json": pretty(templateJson) });
    const store = createTemplateStore({ dir, logger: pino({ level: "silent" }) });
    expect(scoreOf(store.latest("cham-diem-thu"))).not.toHaveProperty("scoring");
    mkdirSync(join(dir, "scoring"));
    writeFileSync(join(dir, "scoring", "bang-diem-thu.json"), pretty(sheetJson));
    store.refresh();
    expect(scoreOf(store.latest("cham-diem-thu"))).toMatchObject({ scoring: { id: "bang-diem-thu" } });
  });
});

describe("the shipped files", () => {
  const scoringDir = join(templatesDir, "scoring");

  it("ship no scoring sheet: points per criterion are the province's", () => {
    expect(readdirSync(scoringDir).filter((n) => n.endsWith(".json"))).toEqual([]);
  });

  it("ship an example sheet that fits the 2025 review's score step once renamed", () => {
    const { sheet, errors } = parseSheetText(readFileSync(join(scoringDir, "vi-du.example.json.txt"), "utf8"), "scoring/vi-du.example.json.txt");
    expect(errors).toEqual([]);
    const review = loadTemplatesFromDir(templatesDir).templates.find((t) => t.id === "kiem-diem-2025")!;
    const step = scoreOf(review)!;
    expect(step).toMatchObject({ sheet: sheet!.sheet.id });
    expect(step).not.toHaveProperty("scoring");
    const matched = attachSheets([review], [sheet!]);
    expect(matched.errors).toEqual([]);
    expect(scoreOf(matched.templates[0])).toMatchObject({ scoring: { id: "kiem-diem-2025" } });
  });
});
