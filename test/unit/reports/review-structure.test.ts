/**
 * A committee may supply its own year-end form (Mẫu 2A) as a template of kind "review2025": the
 * loader checks it follows the 2025 forms' order, and refuses it with what is out of place.
 */
import { describe, expect, it } from "vitest";
import { review2025Problems } from "../../../bot/core/features/reports/engine/review-structure.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";

const A = "A. NỘI DUNG KIỂM ĐIỂM";
const B = "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI";
const text = (id: string, section: string, part = A) => ({ id, kind: "text", part, section, title: id, prompt: "Đồng chí trả lời." });
const score = { id: "diem", kind: "score", part: B, section: "I. Đánh giá theo các nhóm tiêu chí", title: "Điểm", prompt: "Chấm điểm.", groups: [{ id: "chung", label: "Chung", max: 30 }, { id: "ket-qua", label: "Kết quả", max: 70 }] };
const grade = { id: "de-xuat", kind: "grade", bandFrom: "diem", part: B, section: "II. Đề xuất xếp loại mức chất lượng", title: "Mức đề xuất", prompt: "Đề xuất mức nào?" };

function template(steps: unknown[], extra: Record<string, unknown> = {}) {
  return templateSchema.parse({ id: "mau-2a", version: 1, kind: "review2025", reviewForms: ["2A"], numbering: "form", title: "Mẫu 2A", description: "Do cấp ủy cung cấp.", steps, ...extra });
}

const ordered = [text("uu", "I. Ưu điểm"), text("han-che", "II. Hạn chế"), text("khac-phuc", "III. Khắc phục"), text("phuong-huong", "VI. Phương hướng"), score, grade];

describe("the structure of a 2025 review template", () => {
  it("accepts the form's order, IV and V being «(nếu có)»", () => {
    expect(review2025Problems(template(ordered))).toEqual([]);
  });

  it("names a section out of order, a missing one, and a missing score", () => {
    const swapped = template([ordered[1], ordered[0], ...ordered.slice(2)]);
    expect(review2025Problems(swapped).map((p) => p.message).join("\n")).toMatch(/part A has sections II\. I\. III\. VI\./);
    const noThree = template([ordered[0], ordered[1], ordered[3], score, grade]);
    expect(review2025Problems(noThree).map((p) => p.message).join("\n")).toContain("missing: III.");
    const noScore = template([...ordered.slice(0, 4), { ...grade, bandFrom: undefined }]);
    expect(review2025Problems(noScore).map((p) => p.message).join("\n")).toContain('section B.I needs a "score" step');
  });

  it("requires the forms it serves and the form's own numbering", () => {
    const messages = review2025Problems(template(ordered, { reviewForms: undefined, numbering: "questions" })).map((p) => p.message);
    expect(messages.join("\n")).toContain('"reviewForms"');
    expect(messages.join("\n")).toContain('"numbering": "form"');
  });

  it("checks each form on the steps that apply to it", () => {
    const onlyFor2B = template([{ ...ordered[0], when: { profile: "form", equals: "2B" } }, ...ordered.slice(1)], { reviewForms: ["2A", "2B"] });
    expect(review2025Problems(onlyFor2B).map((p) => p.message).join("\n")).toMatch(/form 2A: part A has sections II\. III\. VI\.; the form has I\. II\. III\. IV\. V\. VI\. \(missing: I\.\)/);
  });
});
