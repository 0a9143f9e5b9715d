/**
 * A self-score and a proposed grade through the whole core: the member types the points in chat,
 * a number out of bounds is refused and asked again, the band is shown, and the secretary receives
 * the report with the group lines, the total and «Đề xuất xếp loại: …».
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { createHarness, seedCell, textOf, type Harness, type TestUser } from "../../helpers/core-harness.ts";
import { openRound, people, submit } from "./fixtures.ts";

const scoreTemplate = templateSchema.parse({
  id: "tu-cham-diem",
  version: 1,
  title: "Tự chấm điểm cuối năm",
  description: "Bản thử chấm điểm.",
  steps: [
    { id: "viec", kind: "text", title: "Việc đã làm", prompt: "Đồng chí đã làm được những việc gì?", minLength: 5 },
    {
      id: "diem",
      kind: "score",
      title: "Tự chấm điểm",
      prompt: "Đồng chí tự chấm điểm theo từng nhóm tiêu chí.",
      groups: [
        { id: "chung", label: "1. Nhóm tiêu chí chung", max: 30 },
        { id: "ket-qua", label: "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", max: 70 },
      ],
    },
    { id: "de-xuat", kind: "grade", title: "Mức chất lượng", prompt: "Đồng chí đề xuất mức nào?", bandFrom: "diem" },
  ],
});

describe("a self-score in chat", () => {
  let h: Harness;
  let long: TestUser;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [scoreTemplate] })] });
    await seedCell(h, people);
    await openRound(h.user("bt"), { template: /Tự chấm điểm cuối năm/ });
    await h.runOutbox();
    long = h.user("l");
  });
  afterEach(() => h.close());

  it("takes the points, refuses what is out of bounds, shows the band, and reaches the secretary as a proposal", async () => {
    await long.choose("Bắt đầu");
    await long.say("Hoàn thành các việc chi bộ giao.");
    expect(textOf(await long.say("xong"))).toContain("Nhóm 1/2: 1. Nhóm tiêu chí chung (từ 0 đến 30 điểm)");
    const refused = await long.say("35");
    expect(textOf(refused)).toContain("Điểm ở mục này từ 0 đến 30; «35» nằm ngoài khoảng đó nên chưa được ghi.");
    expect(textOf(refused)).toContain("Nhóm 1/2");
    await long.say("25,5");
    const band = await long.say("59,5");
    expect(textOf(band)).toContain("Tổng điểm: 85/100");
    expect(textOf(band)).toContain("khung điểm của mức «Hoàn thành tốt nhiệm vụ» (từ 70 đến dưới 90 điểm)");
    expect(textOf(band)).toContain("Trích nguyên văn Quy định 366-QĐ/TW, Điều 11:\n«2.2.");
    const review = await long.choose("Hoàn thành xuất sắc nhiệm vụ");
    expect(textOf(review)).toContain("2. Tự chấm điểm: 85/100 (25,5/30; 59,5/70)");
    await submit(long);
    await h.runOutbox();
    const report = h.user("bt").inbox().find((m) => m.text.includes("Báo cáo của đồng chí Lê Văn Long"));
    expect(report?.text).toContain("1. Nhóm tiêu chí chung: 25,5/30\n2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 59,5/70\nTổng điểm: 85/100");
    expect(report?.text).toContain("Đề xuất xếp loại: Hoàn thành xuất sắc nhiệm vụ");
    expect(h.user("bt").all()).not.toMatch(/được xếp loại/u);
  });
});
