import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locate } from "../../../bot/core/features/reports/engine/json-positions.ts";
import { loadTemplatesFromDir, parseTemplateText } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { fixtureJson, templatesDir } from "./helpers.ts";

const good = JSON.stringify(fixtureJson, null, 2);

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "report-templates-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("shipped templates", () => {
  it("all load with zero errors", () => {
    const { templates, errors } = loadTemplatesFromDir(templatesDir);
    expect(errors).toEqual([]);
    expect(templates.map((t) => t.id).sort()).toEqual(["27-bieu-hien", "cam-ket-dau-nam", "giu-tron-loi-the", "kiem-diem-2025", "kiem-diem-cuoi-nam"]);
  });

  it("do not load the example file, whose extension is not .json", () => {
    expect(readdirSync(templatesDir)).toContain("27-bieu-hien-day-du.example.json.txt");
  });

  it("present as quotations only the verbatim texts of the domain note", () => {
    const { templates } = loadTemplatesFromDir(templatesDir);
    const quotes = templates.flatMap((t) =>
      t.steps.flatMap((s) => [...(s.quotes ?? []), ...(s.kind === "rating" ? s.items.flatMap((i) => i.quotes ?? []) : [])]),
    );
    // Điều 2 duties 1 and 2 (opening), group 1 items 1-3 and group 3 items 1-5 of Resolution 04: nothing else.
    expect(quotes).toHaveLength(2 + 3 + 5);
    expect(quotes.map((q) => q.source).sort()).toEqual([
      "Điều 2 Điều lệ Đảng, nhiệm vụ thứ nhất",
      "Điều 2 Điều lệ Đảng, nhiệm vụ thứ hai (đoạn đầu)",
      ...[1, 2, 3].map((n) => `Nghị quyết 04-NQ/TW, nhóm 1, biểu hiện ${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `Nghị quyết 04-NQ/TW, nhóm 3, biểu hiện ${n}`),
    ].sort());
  });
});

describe("broken JSON", () => {
  it("names the file and the line of a missing comma", () => {
    const text = good.replace('"version": 1,', '"version": 1');
    const { errors, template } = parseTemplateText(text, "x.json");
    expect(template).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "x.json", line: lineOf(text, '"title": "Mẫu thử"') });
    expect(errors[0]!.message).toContain("missing comma");
  });

  it("names the line of a trailing comma and of an unterminated string", () => {
    const trailing = good.replace('"Loại C"\n        }', '"Loại C"\n        },');
    const a = parseTemplateText(trailing, "a.json").errors[0]!;
    expect(a.message).toContain("trailing comma");
    expect(a.line).toBe(lineOf(trailing, '"Loại C"') + 2);
    const open = good.replace('"Chọn loại."', '"Chọn loại.');
    const b = parseTemplateText(open, "b.json").errors[0]!;
    expect(b.line).toBe(lineOf(open, '"Chọn loại.'));
    expect(b.message).toContain("unterminated string");
  });

  it("locates a stray character after the value and accepts a BOM", () => {
    const text = `${good}\n}`;
    expect(parseTemplateText(text, "c.json").errors[0]!.line).toBe(text.split("\n").length);
    expect(parseTemplateText(`\uFEFF${good}`, "d.json").errors).toEqual([]);
  });

  it("the scanner agrees with JSON.parse on the shipped files", () => {
    // Templates, examples and the scoring/ folder's files alike.
    const files = readdirSync(templatesDir, { recursive: true, encoding: "utf8" }).filter((n) => /\.json(\.txt)?$/.test(n));
    expect(files).toContain(join("scoring", "vi-du.example.json.txt"));
    for (const name of files) expect(locate(readFileSync(join(templatesDir, name), "utf8")).ok, name).toBe(true);
  });
});

describe("schema violations", () => {
  it("name the file, the key path with the step id, and the line of an unknown key", () => {
    const text = good.replace('"prompt": "Chọn loại."', '"promt": "Chọn loại."');
    const { errors } = parseTemplateText(text, "loai.json");
    const unknown = errors.find((e) => e.message.includes("promt"))!;
    expect(unknown.file).toBe("loai.json");
    expect(unknown.line).toBe(lineOf(text, '"promt"'));
    expect(unknown.message).toContain('steps[2] (id "loai")');
    const missing = errors.find((e) => e.message.includes("prompt"))!;
    expect(missing.message).toMatch(/steps\[2\] \(id "loai"\)\.prompt: Required/);
    expect(missing.line).toBe(lineOf(text, '"id": "loai"') - 1);
  });

  it("report a bad value at its own line", () => {
    const text = good.replace('"minLength": 10', '"minLength": "mười"');
    const e = parseTemplateText(text, "m.json").errors[0]!;
    expect(e.line).toBe(lineOf(text, '"minLength": "mười"'));
    expect(e.message).toContain("steps[1] (id \"mo-ta\").minLength");
  });

  it("refuse duplicate step ids", () => {
    const text = good.replace('"id": "ghi-chu"', '"id": "mo-ta"');
    const e = parseTemplateText(text, "dup.json").errors[0]!;
    expect(e.message).toContain('duplicate step id "mo-ta"');
    expect(e.line).toBe(lineOf(text, '"id": "mo-ta"\n') || text.split("\n").lastIndexOf('      "id": "mo-ta",') + 1);
  });

  it("refuse an unknown kind, a bad id and an unknown member category", () => {
    const bad = (a: string, b: string) => parseTemplateText(good.replace(a, b), "k.json").errors.map((e) => e.message).join("\n");
    expect(bad('"kind": "yesno"', '"kind": "maybe"')).toContain("Invalid discriminator value");
    expect(bad('"id": "mau-thu"', '"id": "Mẫu Thử"')).toContain("kebab-case");
    expect(bad('"hoc_sinh"', '"sinh_vien"')).toContain("must list member categories");
  });
});

describe("when conditions", () => {
  const withWhen = (stepId: string, when: unknown) =>
    JSON.stringify({ ...fixtureJson, steps: fixtureJson.steps.map((s) => (s.id === stepId ? { ...s, when } : s)) }, null, 2);

  it("refuse a reference to a later step", () => {
    const text = withWhen("loai", { answer: "co-viec", equals: true });
    const e = parseTemplateText(text, "w.json").errors[0]!;
    expect(e.message).toContain('refers to step "co-viec", which does not come before this one');
    expect(e.line).toBe(lineOf(text, '"answer": "co-viec"'));
  });

  it("refuse a reference to an unknown step, to itself and to an info step", () => {
    const msg = (id: string, when: unknown) => parseTemplateText(withWhen(id, when), "w.json").errors.map((e) => e.message).join("\n");
    expect(msg("loai", { answer: "khong-co", equals: "a" })).toContain('unknown step "khong-co"');
    expect(msg("loai", { answer: "loai", equals: "a" })).toContain("does not come before");
    expect(msg("loai", { answer: "gioi-thieu", notEmpty: true })).toContain("info step");
  });

  it("refuse a comparison to a value the step cannot have, and a malformed condition", () => {
    const msg = (when: unknown) => parseTemplateText(withWhen("chi-tiet", when), "w.json").errors.map((e) => e.message).join("\n");
    expect(msg({ answer: "co-viec", equals: "yes" })).toContain('possible values: true, false');
    expect(msg({ answer: "loai", in: ["a", "z"] })).toContain('"z"');
    expect(msg({ answer: "loai", equals: "a", in: ["b"] })).toContain("exactly one of");
    expect(msg({ all: [] })).toContain("non-empty list");
    expect(msg({ profile: "age", equals: 3 })).toContain('"profile" must be');
    expect(msg({ any: [{ not: { profile: "holdsPost", in: ["x"] } }] })).toContain("holdsPost");
  });
});

describe("manifestations27", () => {
  const example = readFileSync(join(templatesDir, "27-bieu-hien-day-du.example.json.txt"), "utf8");

  it("refuses the unfilled example with the missing items of each group", () => {
    const { errors } = parseTemplateText(example, "27-bieu-hien-day-du.json");
    expect(errors).toHaveLength(3);
    expect(errors[0]!.message).toContain('group 1 "Nhóm 1. Suy thoái về tư tưởng chính trị": items 1, 2, 3, 4, 5, 6, 7, 8, 9 have no text');
    expect(errors[1]!.message).toContain("group 2");
    expect(errors[2]!.message).toContain("group 3");
    expect(errors[0]!.line).toBe(lineOf(example, '"id": "n1-1"') + 2);
  });

  it("reports precisely which items are still empty or absent", () => {
    const t = JSON.parse(example);
    const items = t.steps[0].items as { id: string; group: string; label: string }[];
    for (const it of items) it.label = `Nội dung ${it.id}`;
    items.find((i) => i.id === "n2-3")!.label = "";
    items.find((i) => i.id === "n2-5")!.label = "";
    t.steps[0].items = items.filter((i) => i.id !== "n3-8" && i.id !== "n3-9");
    const { errors } = parseTemplateText(JSON.stringify(t, null, 2), "p.json");
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining("group 2 \"Nhóm 2. Suy thoái về đạo đức, lối sống\": items 3, 5 have no text"),
      expect.stringContaining("group 3 \"Nhóm 3. Biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ\": items 8, 9 are missing (only 7 of 9)"),
    ]);
  });

  it("accepts the example once every item is filled in", () => {
    const t = JSON.parse(example);
    for (const it of t.steps[0].items) it.label = `Nội dung ${it.id}`;
    const { errors, template } = parseTemplateText(JSON.stringify(t), "full.json");
    expect(errors).toEqual([]);
    expect(template?.kind).toBe("manifestations27");
  });

  it("reports a missing group", () => {
    const t = JSON.parse(example);
    t.steps[0].groups = t.steps[0].groups.slice(0, 2);
    t.steps[0].items = t.steps[0].items.filter((i: { group: string }) => i.group !== "nhom-3").map((i: object) => ({ ...i, label: "x" }));
    expect(parseTemplateText(JSON.stringify(t), "g.json").errors[0]!.message).toContain("exactly 3 groups are needed, found 2; group(s) 3 missing");
  });

  it("refuses an empty item label in an ordinary template", () => {
    const text = good.replace('"label": "Mục Y"', '"label": ""');
    expect(parseTemplateText(text, "e.json").errors[0]!.message).toContain("item label is empty");
  });
});

describe("loading a directory", () => {
  it("loads the good files and reports each broken one", () => {
    const dir = dirWith({
      "a-good.json": good,
      "b-syntax.json": good.replace('"version": 1,', '"version": 1'),
      "c-schema.json": good.replace('"title": "Mẫu thử"', '"title": 5'),
      "d-same-id.json": good,
      "notes.txt": "not a template",
    });
    copyFileSync(join(templatesDir, "27-bieu-hien-day-du.example.json.txt"), join(dir, "e-27.json"));
    const { templates, errors } = loadTemplatesFromDir(dir);
    expect(templates.map((t) => t.id)).toEqual(["mau-thu"]);
    expect([...new Set(errors.map((e) => e.file))]).toEqual(["b-syntax.json", "c-schema.json", "d-same-id.json", "e-27.json"]);
    expect(errors.find((e) => e.file === "d-same-id.json")!.message).toContain("already defined in a-good.json");
    expect(errors.filter((e) => e.file === "e-27.json")).toHaveLength(3);
    for (const e of errors) expect(e.line).toBeGreaterThan(0);
  });

  it("reports an unreadable directory instead of throwing", () => {
    const { templates, errors } = loadTemplatesFromDir(join(tmpdir(), "khong-ton-tai-" + Date.now()));
    expect(templates).toEqual([]);
    expect(errors[0]!.message).toContain("cannot read the template directory");
  });
});
