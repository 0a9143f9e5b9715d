/**
 * The score step (QĐ 366: group I 30 points, group II 70) and the band shown with a proposed grade
 * (Điều 11): numbers typed one at a time and refused outside their bounds without losing any, the
 * points per criterion when an operator's scoring sheet is loaded, and a grade that stays the
 * member's proposal whatever the band.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../bot/core/contract/messages.ts";
import type { ReportDocument } from "../../../bot/core/documents/models.ts";
import { renderReportDocx } from "../../../bot/core/documents/word/report.ts";
import { readZipEntry } from "../../../bot/core/documents/word/combine.ts";
import { advance, renderReport, resume } from "../../../bot/core/features/reports/engine/engine.ts";
import { engineTextsFor, textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { reportModel } from "../../../bot/core/features/reports/engine/report.ts";
import { bandOf, parsePoints } from "../../../bot/core/features/reports/engine/scoring.ts";
import { attachSheets, parseSheetText } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { templateSchema, type MemberProfile, type Template } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { i18n } from "../../helpers/core-harness.ts";
import { allChoices, canBo, Chat, leader, retired } from "./helpers.ts";

const groups = [
  { id: "chung", label: "1. Nhóm tiêu chí chung", max: 30 },
  { id: "ket-qua", label: "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", max: 70 },
];

const scoreJson = {
  id: "cham-diem-thu",
  version: 1,
  title: "Chấm điểm thử",
  description: "Mẫu thử chấm điểm.",
  steps: [
    { id: "viec", kind: "text", title: "Việc đã làm", prompt: "Việc đã làm?" },
    { id: "diem", kind: "score", title: "Tự chấm điểm", prompt: "Đồng chí tự chấm điểm theo từng nhóm tiêu chí.", sheet: "bang-diem-thu", groups },
    { id: "de-xuat", kind: "grade", title: "Mức chất lượng", prompt: "Đồng chí đề xuất mức nào?", bandFrom: "diem" },
  ],
};
const template = templateSchema.parse(scoreJson);

/** A sheet given here, as an operator would write one; the project ships none. */
const sheetText = JSON.stringify({
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
    {
      id: "ket-qua",
      criteria: [
        { id: "k1", label: "Tiêu chí kết quả thứ nhất", max: 40 },
        { id: "k2", label: "Tiêu chí kết quả thứ hai", max: 30 },
      ],
    },
  ],
});

function withSheet(t: Template): Template {
  const loaded = parseSheetText(sheetText, "scoring/bang-diem-thu.json").sheet!;
  const { templates, errors } = attachSheets([t], [loaded]);
  expect(errors).toEqual([]);
  return templates[0]!;
}

function toScore(profile: MemberProfile = canBo, t: Template = template, locale: "vi" | "en" = "vi") {
  const chat = new Chat(t, profile, locale);
  chat.text("Đã làm nhiều việc.");
  chat.press(locale === "vi" ? "Xong" : "Done");
  return chat;
}

/** The text with every verbatim quotation («…» after «Trích nguyên văn …:» or «Verbatim from …:») taken out. */
const ownWords = (text: string) => text.replace(/(?:Trích nguyên văn|Verbatim from) [^\n]*:\n«[^»]*»/gu, "");

describe("the score step", () => {
  it("asks each group's total in turn, then shows and commits the total", () => {
    const chat = toScore();
    expect(chat.last).toContain("Câu 2/3 · Tự chấm điểm");
    expect(chat.last).toContain("Nhóm 1/2: 1. Nhóm tiêu chí chung (từ 0 đến 30 điểm)");
    chat.text("25");
    expect(chat.last).toContain("Nhóm 2/2: 2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (từ 0 đến 70 điểm)");
    expect(chat.state.answers.diem).toBeUndefined();
    chat.text("60");
    expect(chat.state.answers.diem).toEqual({ kind: "score", groups: { chung: 25, "ket-qua": 60 } });
    expect(chat.outputs[0]!.text).toBe("Đã lưu điểm tự chấm:\n1. Nhóm tiêu chí chung: 25/30\n2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70\nTổng điểm: 85/100");
    expect(chat.last).toContain("Câu 3/3 · Mức chất lượng");
    expect(chat.state.buffers.diem).toBeUndefined();
  });

  it.each([
    ["31", "Điểm ở mục này từ 0 đến 30; «31» nằm ngoài khoảng đó nên chưa được ghi"],
    ["-2", "Điểm ở mục này từ 0 đến 30; «-2» nằm ngoài khoảng đó"],
    ["hai mươi", "«hai mươi» không phải là một số điểm. Đồng chí gõ một số từ 0 đến 30"],
    ["25,55", "Điểm lẻ chỉ lấy đến một chữ số thập phân (ví dụ 25,5); «25,55» chưa được ghi"],
  ])("refuses %s with the bounds, and asks the same group again", (typed, message) => {
    const chat = toScore();
    const before = chat.state;
    chat.text(typed);
    expect(chat.outputs[0]!.text).toContain(message);
    expect(chat.last).toContain("Nhóm 1/2: 1. Nhóm tiêu chí chung");
    expect(chat.state).toEqual(before);
  });

  it("loses nothing typed when a later number is refused", () => {
    const chat = toScore();
    chat.text("25");
    chat.text("71");
    expect(chat.outputs[0]!.text).toContain("từ 0 đến 70; «71» nằm ngoài khoảng đó");
    expect(chat.state.buffers.diem).toEqual({ kind: "score", index: 1, groups: { chung: 25 }, criteria: {} });
    chat.text("70");
    expect(chat.state.answers.diem).toEqual({ kind: "score", groups: { chung: 25, "ket-qua": 70 } });
  });

  it("takes decimals with a comma or a point, one place, with or without «điểm», and writes them in the member's language", () => {
    const chat = toScore();
    chat.text("24,5");
    chat.text("60.5 điểm");
    expect(chat.state.answers.diem).toEqual({ kind: "score", groups: { chung: 24.5, "ket-qua": 60.5 } });
    expect(chat.outputs[0]!.text).toContain("1. Nhóm tiêu chí chung: 24,5/30");
    expect(chat.outputs[0]!.text).toContain("Tổng điểm: 85/100");
    const en = toScore(canBo, template, "en");
    en.text("24,5");
    en.text("60");
    expect(en.outputs[0]!.text).toContain("Total: 84.5/100");
    expect(parsePoints("0,1")).toEqual({ value: 0.1 });
    expect(parsePoints("25,50")).toEqual({ value: 25.5 });
    expect(parsePoints("1e3")).toBeNull();
  });

  it("goes back inside the step with «Quay lại», offers the number typed, and leaves the step from its first group", () => {
    const chat = toScore();
    chat.text("25,5");
    chat.press("« Quay lại");
    expect(chat.last).toContain("Nhóm 1/2");
    expect(chat.last).toContain("Đã nhập: 25,5 điểm.");
    chat.press("Giữ 25,5 điểm");
    expect(chat.last).toContain("Nhóm 2/2");
    chat.press("« Quay lại");
    chat.text("20");
    expect(chat.last).toContain("Nhóm 2/2");
    chat.press("« Quay lại");
    chat.press("« Quay lại");
    expect(chat.last).toContain("Câu 1/3 · Việc đã làm");
    // The numbers typed are still there when the member comes back.
    expect(chat.state.buffers.diem).toMatchObject({ groups: { chung: 20 } });
  });

  it("refuses a «Giữ» choice of another group", () => {
    const chat = toScore();
    chat.text("25");
    chat.press("« Quay lại");
    const keepFirst = chat.choice("Giữ 25 điểm");
    chat.press("Giữ 25 điểm");
    const before = chat.state;
    chat.send({ kind: "choice", data: keepFirst.data });
    expect(chat.outputs[0]!.text).toBe(textsFor("vi").errStale);
    expect(chat.state).toEqual(before);
  });

  it("shows one line in the review, the groups and total on «Xem câu», and keeps the saved numbers when edited", () => {
    const chat = toScore();
    chat.text("25");
    chat.text("60");
    chat.press("Hoàn thành tốt nhiệm vụ");
    expect(chat.last).toContain("2. Tự chấm điểm: 85/100 (25/30; 60/70)");
    expect(chat.last).toContain("3. Đề xuất xếp loại: Hoàn thành tốt nhiệm vụ");
    chat.press("Sửa câu 2");
    expect(chat.last).toContain("Đã nhập: 25 điểm.");
    chat.press("Giữ 25 điểm");
    chat.text("65");
    expect(chat.last).toContain("Đã lưu câu 2:\n2. Tự chấm điểm: 90/100 (25/30; 65/70)");
    // The proposal is the member's and stays as chosen, whatever the new band.
    expect(chat.state.answers["de-xuat"]).toEqual({ kind: "grade", grade: "tot" });
  });

  it("is skipped like any optional question, and then no band is shown", () => {
    const t = templateSchema.parse({ ...scoreJson, steps: scoreJson.steps.map((s) => (s.kind === "score" ? { ...s, optional: true } : s)) });
    const chat = toScore(canBo, t);
    chat.press("Bỏ qua");
    expect(chat.last).toContain("Câu 3/3 · Mức chất lượng");
    expect(chat.last).not.toContain("khung điểm của mức");
    expect(chat.last).toContain(textsFor("vi").bandPropose);
  });

  it("survives a restart in the middle of the step", () => {
    const chat = toScore();
    chat.text("25");
    const stored = JSON.parse(JSON.stringify(chat.state)) as unknown;
    const r = resume([template], stored, canBo);
    expect(r.ok && r.outputs.map((o) => o.text).join("\n")).toContain("Nhóm 2/2");
    if (!r.ok) return;
    const next = advance(template, r.state, { kind: "text", text: "55" }, canBo);
    expect(next.state.answers.diem).toEqual({ kind: "score", groups: { chung: 25, "ket-qua": 55 } });
  });

  it("asks again, on a newer version with a lower maximum, only the group now out of bounds", () => {
    const chat = toScore();
    chat.text("25");
    chat.text("65");
    // A band needs 100 points: the grade step goes in this version, whose groups add up to 90.
    const v2NoBand = templateSchema.parse({
      ...scoreJson,
      version: 2,
      steps: scoreJson.steps.slice(0, 2).map((s) => (s.kind === "score" ? { ...s, groups: [groups[0], { ...groups[1], max: 60 }] } : s)),
    });
    const r = resume([v2NoBand], chat.state, canBo);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.obsolete["diem@v1"]).toEqual({ kind: "score", groups: { chung: 25, "ket-qua": 65 } });
    const text = r.outputs.map((o) => o.text).join("\n");
    expect(text).toContain("Đã nhập: 25 điểm.");
    const kept = advance(v2NoBand, r.state, { kind: "choice", data: allChoices(r.outputs).find((c) => c.label === "Giữ 25 điểm")!.data }, canBo);
    expect(kept.outputs.map((o) => o.text).join("\n")).toContain("Nhóm 2/2: 2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (từ 0 đến 60 điểm)");
    expect(kept.outputs.map((o) => o.text).join("\n")).not.toContain("Đã nhập: 65");
  });
});

describe("the score step with an operator's scoring sheet", () => {
  const sheeted = withSheet(template);

  it("asks each criterion's points within its own maximum, and sums them per group", () => {
    const chat = toScore(canBo, sheeted);
    expect(chat.last).toContain("Bảng điểm: Bảng điểm thử của tỉnh");
    expect(chat.last).toContain("Tiêu chí 1/4 · 1. Nhóm tiêu chí chung\nTiêu chí chung thứ nhất (từ 0 đến 10 điểm)");
    chat.text("11");
    expect(chat.outputs[0]!.text).toContain("từ 0 đến 10; «11» nằm ngoài khoảng đó");
    chat.text("8");
    chat.text("15,5");
    expect(chat.last).toContain("Tiêu chí 3/4 · 2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ\nTiêu chí kết quả thứ nhất (từ 0 đến 40 điểm)");
    chat.press("« Quay lại");
    expect(chat.last).toContain("Đã nhập: 15,5 điểm.");
    chat.press("Giữ 15,5 điểm");
    chat.text("35");
    chat.text("25");
    expect(chat.state.answers.diem).toEqual({ kind: "score", groups: { chung: 23.5, "ket-qua": 60 }, criteria: { c1: 8, c2: 15.5, k1: 35, k2: 25 } });
    expect(chat.outputs[0]!.text).toBe(
      [
        "Đã lưu điểm tự chấm:",
        "1. Nhóm tiêu chí chung: 23,5/30",
        "- Tiêu chí chung thứ nhất: 8/10",
        "- Tiêu chí chung thứ hai: 15,5/20",
        "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70",
        "- Tiêu chí kết quả thứ nhất: 35/40",
        "- Tiêu chí kết quả thứ hai: 25/30",
        "Tổng điểm: 83,5/100",
      ].join("\n"),
    );
    expect(chat.last).toContain("khung điểm của mức «Hoàn thành tốt nhiệm vụ» (từ 70 đến dưới 90 điểm)");
  });

  it("keeps group totals entered before the sheet arrived", () => {
    const chat = toScore();
    chat.text("25");
    chat.text("60");
    const report = renderReport(sheeted, chat.state, { ...canBo, fullName: "A" });
    expect(report).toContain("1. Nhóm tiêu chí chung: 25/30\n2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70\nTổng điểm: 85/100");
  });
});

describe("the band shown with the proposed grade (QĐ 366 Điều 11)", () => {
  const cases = [
    { first: "28", second: "67", total: 95, band: "Hoàn thành xuất sắc nhiệm vụ", range: "từ 90 điểm trở lên", quote: "1.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý; đảng viên", choose: "Hoàn thành nhiệm vụ" },
    { first: "20", second: "60", total: 80, band: "Hoàn thành tốt nhiệm vụ", range: "từ 70 đến dưới 90 điểm", quote: "2.2. Đối với cá nhân", choose: "Hoàn thành xuất sắc nhiệm vụ" },
    { first: "15", second: "45", total: 60, band: "Hoàn thành nhiệm vụ", range: "từ 50 đến dưới 70 điểm", quote: "3.2. Đối với cá nhân", choose: "Hoàn thành tốt nhiệm vụ" },
    { first: "10", second: "30", total: 40, band: "Không hoàn thành nhiệm vụ", range: "dưới 50 điểm", quote: "- Có trên 50% số nhiệm vụ trong năm bị đánh giá không hoàn thành.", choose: "Hoàn thành nhiệm vụ" },
  ];

  it.each(cases)("$total points: the band «$band» with its conditions quoted, and the proposal kept as chosen", ({ first, second, total, band, range, quote, choose }) => {
    const chat = toScore(retired);
    chat.text(first);
    chat.text(second);
    const screen = chat.last;
    expect(screen).toContain(`Tổng điểm tự chấm của đồng chí là ${total}/100. Theo Quy định 366-QĐ/TW, Điều 11, tổng điểm này nằm trong khung điểm của mức «${band}» (${range}).`);
    expect(screen).toContain(`Trích nguyên văn Quy định 366-QĐ/TW, Điều 11:\n«`);
    expect(screen).toContain(quote);
    expect(screen).toContain("chi bộ thẩm định, đề xuất và cấp có thẩm quyền quyết định");
    // The band comes first, before the question and its four choices, which keep their order.
    expect(screen.indexOf("khung điểm của mức")).toBeLessThan(screen.indexOf("Đồng chí đề xuất mức nào?"));
    expect(allChoices(chat.outputs).slice(0, 4).map((c) => c.label)).toEqual(["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]);
    chat.press(choose);
    expect(chat.state.phase).toBe("review");
    const report = renderReport(template, chat.state, { ...retired, fullName: "Lê Văn A" });
    expect(report).toContain(`Đề xuất xếp loại: ${choose}`);
    expect(report).toContain(`Tổng điểm: ${total}/100`);
  });

  it("quotes only the band's own conditions", () => {
    const chat = toScore();
    chat.text("20");
    chat.text("60");
    expect(chat.last).toContain("2.2. Đối với cá nhân");
    expect(chat.last).not.toMatch(/1\.2\.|3\.2\.|4\.2\./);
  });

  it("for a member holding a post (form 2A), names the band but quotes no condition it has not read", () => {
    const chat = toScore(leader);
    chat.text("28");
    chat.text("67");
    expect(chat.last).toContain("khung điểm của mức «Hoàn thành xuất sắc nhiệm vụ»");
    expect(chat.last).toContain(textsFor("vi").bandLeaders);
    expect(chat.last).not.toContain("Trích nguyên văn");
  });

  it("puts the bands where Điều 11 does: 90, 70 and 50 belong to the higher band", () => {
    expect([100, 90, 89.9, 70, 69.9, 50, 49.9, 0].map(bandOf)).toEqual(["xuat_sac", "xuat_sac", "tot", "tot", "hoan_thanh", "hoan_thanh", "khong_hoan_thanh", "khong_hoan_thanh"]);
  });

  it("never tells the member «được xếp loại», in either language, on screen or in the report", () => {
    const seen: OutboundMessage[] = [];
    for (const locale of ["vi", "en"] as const)
      for (const c of cases) {
        const chat = toScore(canBo, template, locale);
        seen.push(...chat.outputs);
        chat.text(c.first);
        seen.push(...chat.outputs);
        chat.text(c.second);
        seen.push(...chat.outputs);
        chat.send({ kind: "choice", data: allChoices(chat.outputs)[1]!.data });
        seen.push(...chat.outputs, { text: renderReport(template, chat.state, { ...canBo, fullName: "A" }, locale) });
      }
    const all = seen.map((o) => o.text).join("\n");
    expect(all).toContain("Trích nguyên văn");
    expect(all).toContain("Verbatim from");
    expect(ownWords(all)).not.toMatch(/được xếp loại|you are graded|you have been graded/iu);
    expect(all).not.toMatch(/đồng chí được xếp loại/iu);
  });
});

describe("the score and the proposed grade in the submitted report and the Word file", () => {
  const chat = toScore();
  chat.text("25");
  chat.text("60");
  chat.press("Hoàn thành tốt nhiệm vụ");
  const member = { ...canBo, fullName: "Lê Văn Long", cellName: "Chi bộ 3" };

  it("prints the group lines, the total and the proposal", () => {
    const report = renderReport(template, chat.state, member);
    expect(report).toContain("2. Tự chấm điểm\n1. Nhóm tiêu chí chung: 25/30\n2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70\nTổng điểm: 85/100");
    expect(report).toContain("3. Mức chất lượng\nĐề xuất xếp loại: Hoàn thành tốt nhiệm vụ");
  });

  it("gives the Word file the same lines", async () => {
    const m = reportModel(template, chat.state, member);
    const doc: ReportDocument = {
      header: { committee: "Đảng bộ xã A", cell: "Chi bộ 3", placeAndDate: "Xã A, ngày 01 tháng 12 năm 2026" },
      title: m.title,
      subtitles: m.subtitles,
      fields: m.fields,
      sections: m.sections.map((s) => ({ part: s.part, heading: s.heading, items: s.items.map(({ n, title, answer }) => ({ n, title, answer })) })),
      numbered: m.numbered,
      note: m.note,
      signature: { role: "NGƯỜI TỰ KIỂM ĐIỂM", name: member.fullName },
      labels: { noAnswer: "(Không trả lời)" },
    };
    const file = await renderReportDocx(doc);
    const xml = new TextDecoder().decode(readZipEntry(file.bytes, "word/document.xml"));
    for (const line of ["1. Nhóm tiêu chí chung: 25/30", "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70", "Tổng điểm: 85/100", "Đề xuất xếp loại: Hoàn thành tốt nhiệm vụ"]) expect(xml).toContain(line);
  });
});

describe("the score texts", () => {
  const root = join(import.meta.dirname, "../../..");

  it("has every band text in both languages", () => {
    const keys = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"].flatMap((g) => [`report-band-range-${g}`, `report-band-quote-${g}`]);
    for (const locale of ["vi", "en"] as const) expect(keys.filter((k) => !i18n.has(locale, k))).toEqual([]);
    // The quotations are the official Vietnamese text in both languages: a translation would not be verbatim.
    expect(textsFor("en").bandQuotes).toEqual(textsFor("vi").bandQuotes);
  });

  it("says «được xếp loại» in no locale text except the verbatim quotations of Điều 11", () => {
    for (const locale of readdirSync(join(root, "locales")))
      for (const file of readdirSync(join(root, "locales", locale))) {
        const messages = readFileSync(join(root, "locales", locale, file), "utf8").split(/\n(?=[a-z][\w-]*\s*=)/);
        const offending = messages.filter((m) => !m.startsWith("report-band-quote-") && /được xếp loại/iu.test(m));
        expect(offending, `${locale}/${file}`).toEqual([]);
      }
  });

  // The domain note lives beside the repository (a workspace file): the check runs where it is present.
  const notePath = join(root, "../shared/domain/texts-2025.md");
  it.skipIf(!existsSync(notePath))("quotes Điều 11 word for word as the domain note has it", () => {
    const flat = readFileSync(notePath, "utf8").replace(/^> ?/gmu, "");
    for (const quote of Object.values(textsFor("vi").bandQuotes)) for (const line of quote.split("\n")) expect(flat).toContain(line);
  });

  it("tells a Zalo member to type the number, «điểm» after it being accepted too", () => {
    const zalo = engineTextsFor(i18n, "vi", "zalo");
    expect(zalo.scoreHowTo).toContain("«25»");
    expect(zalo.scoreHowTo).toContain("«điểm»");
    expect(parsePoints("25 điểm")).toEqual({ value: 25 });
    expect(parsePoints("25,5 ĐIỂM")).toEqual({ value: 25.5 });
    expect(engineTextsFor(i18n, "en", "zalo").scoreHowTo).toContain("«25»");
    expect(parsePoints("25.5 points")).toEqual({ value: 25.5 });
  });
});
