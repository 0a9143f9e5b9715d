/**
 * The Word renderers, checked on the file they produce: each .docx is unzipped and its
 * word/document.xml and word/styles.xml read back, as a reader's program would, so the tests hold
 * what is in the file rather than what we meant to put there.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { docxMime, type MinutesDocument, type ReportDocument } from "../../../bot/core/documents/models.ts";
import { joinSections, readZipEntry } from "../../../bot/core/documents/word/combine.ts";
import { asciiSlug, safeFileName } from "../../../bot/core/documents/file-name.ts";
import { BODY_SIZE, FONT, PAGE } from "../../../bot/core/documents/word/layout.ts";
import { renderMinutesDocx } from "../../../bot/core/documents/word/minutes.ts";
import { renderReportDocx, renderReportsDocx } from "../../../bot/core/documents/word/report.ts";

// ---- reading a .docx back ----

async function unzipDocx(bytes: Uint8Array): Promise<{ document: string; styles: string; files: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} missing from the .docx`);
    return file.async("string");
  };
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml"), files: Object.keys(zip.files) };
}

const entities: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e.startsWith("#x") || e.startsWith("#X") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(parseInt(e.slice(1), 10)) : (entities[e] ?? ""),
  );
}

/** The text as a reader sees it: a line per paragraph, tabs as "\t", line breaks as "\n". */
function plainText(xml: string): string {
  let out = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += unescapeXml(m[1]);
    else if (m[0] === "<w:tab/>") out += "\t";
    else out += "\n";
  }
  return out;
}

/** Every paragraph's XML, in order (paragraphs never nest; those in table cells are included). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>.*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
}

/** The one paragraph whose text is exactly `text`, to check how it is set. */
function paragraphOf(xml: string, text: string): string {
  const found = paragraphs(xml).filter((p) => plainText(p).replace(/\n$/, "") === text);
  if (found.length !== 1) throw new Error(`expected one paragraph «${text}», found ${found.length}`);
  return found[0]!;
}

/** Fails, saying which, unless every part occurs after the one before it. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) {
      const anywhere = text.indexOf(part);
      throw new Error(anywhere < 0 ? `missing: «${part}»` : `out of order: «${part}» is at ${anywhere}, before ${from}`);
    }
    from = at + part.length;
  }
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

// ---- samples, with full Vietnamese diacritics ----

function sampleReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    header: { committee: "Đảng bộ phường Tân Định", cell: "Chi bộ Khu phố 3", placeAndDate: "Khu phố 3, ngày 05 tháng 12 năm 2026" },
    title: "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân",
    subtitles: ["Năm 2026", "(Đảng viên không làm việc trong hệ thống chính trị)"],
    fields: [
      ["Họ và tên", "Nguyễn Văn Ân"],
      ["Ngày sinh", "12/03/1958"],
      ["Nơi làm việc", "Đi làm ca đêm ở Bình Dương"],
    ],
    sections: [
      { heading: null, items: [{ n: 1, title: "Tự nhận xét chung", answer: "Chấp hành tốt chủ trương của Đảng, chính sách và pháp luật của Nhà nước." }] },
      {
        heading: "A. NỘI DUNG KIỂM ĐIỂM",
        items: [
          {
            n: 2,
            title: "Liên hệ các biểu hiện suy thoái",
            answer: "Không có biểu hiện suy thoái về tư tưởng chính trị.\n\n- Giữ gìn phẩm chất đạo đức, lối sống giản dị.\n- Thường xuyên học tập nghị quyết.\nĐã khắc phục hạn chế năm trước.",
          },
          { n: 3, title: "Việc thực hiện chức trách, nhiệm vụ được giao", answer: "" },
        ],
      },
      { heading: "B. TỰ ĐÁNH GIÁ, XẾP LOẠI", items: [{ n: 5, title: "Tự xếp loại chất lượng", answer: "Hoàn thành tốt nhiệm vụ." }] },
    ],
    note: "Đảng viên nộp bản kiểm điểm cho bí thư chi bộ trước ngày 15/12.",
    signature: { role: "Người tự kiểm điểm", name: "Nguyễn Văn Ân" },
    labels: { noAnswer: "(Chưa trả lời)" },
    ...overrides,
  };
}

function sampleMinutes(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    header: { committee: "Đảng bộ phường Tân Định", cell: "Chi bộ Khu phố 3", placeAndDate: "Khu phố 3, ngày 05 tháng 12 năm 2026" },
    title: "Biên bản",
    subtitle: "Sinh hoạt chi bộ định kỳ tháng 12/2026",
    facts: [
      ["Thời gian bắt đầu", "19 giờ 30, ngày 05/12/2026"],
      ["Địa điểm", "Nhà văn hoá khu phố 3"],
      ["Chủ trì", "Nguyễn Văn Ân"],
      ["Thư ký", "Lê Thị Bích Ngọc"],
      ["Thời gian kết thúc", ""],
    ],
    attendance: {
      invited: 7,
      present: ["Nguyễn Văn Ân", "Lê Thị Bích Ngọc", "Phạm Đức Dũng"],
      excused: [
        { name: "Trần Thị Bình", reason: "Đi làm ca đêm ở Bình Dương" },
        { name: "Võ Quốc Huy", reason: null },
      ],
      absent: ["Đỗ Minh Khoa", "Hồ Thị Ửng"],
    },
    agenda: "Đánh giá kết quả tháng 11.\n- Phổ biến nghị quyết của Đảng bộ.\n- Liên hệ các biểu hiện suy thoái.",
    documentsSent: [
      { name: "Dự thảo nghị quyết tháng 12", sentAt: "ngày 01/12/2026" },
      { name: "Báo cáo tài chính", sentAt: null },
    ],
    resolution: "Chi bộ thống nhất giao đồng chí Phạm Đức Dũng theo dõi công tác vệ sinh môi trường.",
    blankSections: ["Ý kiến thảo luận", "Biểu quyết"],
    labels: {
      attendance: "Tổng số đảng viên được triệu tập",
      present: "Có mặt",
      excused: "Vắng có lý do",
      absent: "Vắng không lý do",
      agenda: "Nội dung sinh hoạt",
      documents: "Tài liệu đã gửi trước",
      resolution: "Nghị quyết",
      blank: "(Phần này ghi tay trong cuộc họp)",
      chair: "Chủ trì",
      recorder: "Thư ký",
      nobody: "Không có",
    },
    signatures: { chair: "Nguyễn Văn Ân", recorder: null },
    ...overrides,
  };
}

/** The dotted line to fill by hand: a tab to the right margin with a dot leader. */
const dotLeader = /<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/;

// ---- the tests ----

describe("file names", () => {
  it("drops Vietnamese diacritics, đ and Đ included, and keeps letters, digits and hyphens", () => {
    expect(asciiSlug("Nguyễn Văn Ân")).toBe("Nguyen-Van-An");
    expect(asciiSlug("Đặng Thị Đào")).toBe("Dang-Thi-Dao");
    expect(asciiSlug("tháng 12/2026, (dự thảo)")).toBe("thang-12-2026-du-thao");
    // Decomposed input (typed with combining marks) gives the same name.
    expect(asciiSlug("Nguyễn Văn Ân".normalize("NFD"))).toBe("Nguyen-Van-An");
  });
  it("joins the parts and adds the extension", () => {
    expect(safeFileName(["bao cao", "Nguyễn Văn Ân"], "docx")).toBe("bao-cao-Nguyen-Van-An.docx");
    expect(safeFileName(["", "  ", "Ân"], "xlsx")).toBe("An.xlsx");
  });
  it("never gives an empty name, and cuts a long one at a hyphen", () => {
    expect(safeFileName(["???", "…"], "docx")).toBe("document.docx");
    expect(safeFileName([], "docx", "bien ban")).toBe("bien-ban.docx");
    const long = safeFileName(["Nguyễn Văn Ân ".repeat(20)], "docx");
    expect(long.length).toBeLessThanOrEqual(105);
    expect(long).toMatch(/^[A-Za-z0-9-]+[A-Za-z0-9]\.docx$/);
  });
});

describe("renderReportDocx", () => {
  it("is a .docx named after the title and the member", async () => {
    const file = await renderReportDocx(sampleReport());
    expect(file.mimeType).toBe(docxMime);
    expect(file.fileName).toBe("ban-kiem-diem-tu-danh-gia-xep-loai-ca-nhan-Nguyen-Van-An.docx");
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // "PK": a zip
    const { files } = await unzipDocx(file.bytes);
    expect(files).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]));
  });

  it("prints the header, title, fields, sections, items and answers in order, diacritics intact", async () => {
    const doc = sampleReport();
    const { document } = await unzipDocx((await renderReportDocx(doc)).bytes);
    const text = plainText(document);
    expectInOrder(text, [
      "ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH\n",
      "CHI BỘ KHU PHỐ 3\n",
      "*\n",
      "ĐẢNG CỘNG SẢN VIỆT NAM\n",
      "Khu phố 3, ngày 05 tháng 12 năm 2026\n",
      "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN\n",
      "Năm 2026\n",
      "(Đảng viên không làm việc trong hệ thống chính trị)\n",
      "Họ và tên: Nguyễn Văn Ân\n",
      "Ngày sinh: 12/03/1958\n",
      "Nơi làm việc: Đi làm ca đêm ở Bình Dương\n",
      "1. Tự nhận xét chung\n",
      "Chấp hành tốt chủ trương của Đảng, chính sách và pháp luật của Nhà nước.\n",
      "A. NỘI DUNG KIỂM ĐIỂM\n",
      "2. Liên hệ các biểu hiện suy thoái\n",
      "Không có biểu hiện suy thoái về tư tưởng chính trị.\n",
      "-\tGiữ gìn phẩm chất đạo đức, lối sống giản dị.\n",
      "-\tThường xuyên học tập nghị quyết.\n",
      "Đã khắc phục hạn chế năm trước.\n",
      "3. Việc thực hiện chức trách, nhiệm vụ được giao\n",
      "(Chưa trả lời)\n",
      "B. TỰ ĐÁNH GIÁ, XẾP LOẠI\n",
      "5. Tự xếp loại chất lượng\n",
      "Hoàn thành tốt nhiệm vụ.\n",
      "Đảng viên nộp bản kiểm điểm cho bí thư chi bộ trước ngày 15/12.\n",
      "NGƯỜI TỰ KIỂM ĐIỂM\n",
      "Nguyễn Văn Ân\n",
    ]);
    // The blank line between answer paragraphs makes no empty paragraph of its own.
    expect(text).not.toContain("Không có biểu hiện suy thoái về tư tưởng chính trị.\n\n");
  });

  it("sets the header block as a borderless two-column table", async () => {
    const { document } = await unzipDocx((await renderReportDocx(sampleReport())).bytes);
    const header = document.slice(document.indexOf("<w:tbl>"), document.indexOf("</w:tbl>"));
    expect(count(header, "<w:gridCol ")).toBe(2);
    expect(header).toContain('<w:top w:val="none"');
    expect(header).toContain('<w:insideV w:val="none"');
    expectInOrder(plainText(header), ["ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 3", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Khu phố 3, ngày 05 tháng 12 năm 2026"]);
  });

  it("formats each part as the form does", async () => {
    const { document } = await unzipDocx((await renderReportDocx(sampleReport())).bytes);
    const bold = "<w:b/>";
    const italic = "<w:i/>";
    expect(paragraphOf(document, "ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH")).not.toContain(bold);
    expect(paragraphOf(document, "CHI BỘ KHU PHỐ 3")).toContain(bold);
    expect(paragraphOf(document, "*")).toContain('<w:jc w:val="center"/>');
    const party = paragraphOf(document, "ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(party).toContain(bold);
    expect(party).toContain('<w:u w:val="single"/>');
    expect(paragraphOf(document, "Khu phố 3, ngày 05 tháng 12 năm 2026")).toContain(italic);
    const title = paragraphOf(document, "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN");
    expect(title).toContain(bold);
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(paragraphOf(document, "(Đảng viên không làm việc trong hệ thống chính trị)")).toContain(italic);
    expect(paragraphOf(document, "Năm 2026")).not.toContain(italic);
    expect(paragraphOf(document, "A. NỘI DUNG KIỂM ĐIỂM")).toContain(bold);
    expect(paragraphOf(document, "2. Liên hệ các biểu hiện suy thoái")).toContain(bold);
    expect(paragraphOf(document, "Không có biểu hiện suy thoái về tư tưởng chính trị.")).not.toContain(bold);
    const listLine = paragraphOf(document, "-\tThường xuyên học tập nghị quyết.");
    expect(listLine).toMatch(/<w:ind w:left="\d+" w:hanging="\d+"\/>/);
    expect(paragraphOf(document, "(Chưa trả lời)")).toContain(italic);
    expect(paragraphOf(document, "Đảng viên nộp bản kiểm điểm cho bí thư chi bộ trước ngày 15/12.")).toContain(italic);
    expect(paragraphOf(document, "NGƯỜI TỰ KIỂM ĐIỂM")).toContain(bold);
    expect(paragraphs(document).filter((p) => plainText(p) === "Nguyễn Văn Ân\n").some((p) => p.includes(bold))).toBe(true);
  });

  it("puts the signature in the right half, under room to sign", async () => {
    const { document } = await unzipDocx((await renderReportDocx(sampleReport())).bytes);
    const tables = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    const cells = [...tables[1]!.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    expect(plainText(cells[0]!).trim()).toBe("");
    expect(plainText(cells[1]!)).toMatch(/^NGƯỜI TỰ KIỂM ĐIỂM\n\n{3,}Nguyễn Văn Ân\n$/);
  });

  it("uses Times New Roman at 14 pt on A4 paper", async () => {
    const { document, styles } = await unzipDocx((await renderReportDocx(sampleReport())).bytes);
    const defaults = styles.slice(styles.indexOf("<w:docDefaults>"), styles.indexOf("</w:docDefaults>"));
    expect(FONT).toBe("Times New Roman");
    expect(BODY_SIZE).toBe(28);
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
    // No run picks another font.
    expect(document.match(/w:ascii="([^"]+)"/g) ?? []).toEqual([]);
    expect(PAGE).toEqual({ width: 11906, height: 16838 });
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });

  it("leaves the committee out when there is none", async () => {
    const { document } = await unzipDocx((await renderReportDocx(sampleReport({ header: { committee: null, cell: "Chi bộ Ấp Đông", placeAndDate: "ngày 05 tháng 12 năm 2026" } }))).bytes);
    const header = plainText(document.slice(document.indexOf("<w:tbl>"), document.indexOf("</w:tbl>")));
    expect(header).toBe("CHI BỘ ẤP ĐÔNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nngày 05 tháng 12 năm 2026\n");
  });

  it("keeps XML-special characters, drops the characters XML forbids, and composes decomposed Vietnamese", async () => {
    const tricky = `Điểm <b>&amp; "trích dẫn" 'đơn' > 3 & < 5`;
    const doc = sampleReport({
      title: `Báo cáo <${"&"}> "x"`,
      fields: [[`Ghi chú <&>`, tricky]],
      sections: [{ heading: `A & B <c>`, items: [{ n: 1, title: `Câu "1" & <2>`, answer: `${tricky}\nDòng\u0001 có ký tự\u0008 điều khiển\u000bdòng mới\r\n${"Nguyễn Văn Ân".normalize("NFD")}` }] }],
    });
    const { document } = await unzipDocx((await renderReportDocx(doc)).bytes);
    const text = plainText(document);
    expectInOrder(text, [
      `BÁO CÁO <&> "X"\n`,
      `Ghi chú <&>: ${tricky}\n`,
      `A & B <c>\n`,
      `1. Câu "1" & <2>\n`,
      `${tricky}\n`,
      "Dòng có ký tự điều khiển\n",
      "dòng mới\n",
      "Nguyễn Văn Ân\n",
    ]);
    for (const control of ["\u0001", "\u0008", "\u000b"]) expect(document.includes(control)).toBe(false);
    expect(document).not.toContain("<b>");
  });

  it("prints a text's line breaks where a single line is expected", async () => {
    const { document } = await unzipDocx((await renderReportDocx(sampleReport({ fields: [["Địa chỉ", "Số 5, hẻm 12\nKhu phố 3"]] }))).bytes);
    expect(paragraphOf(document, "Địa chỉ: Số 5, hẻm 12\nKhu phố 3")).toContain("<w:br/>");
  });

  it("leaves a dotted line for an empty field", async () => {
    const { document } = await unzipDocx((await renderReportDocx(sampleReport({ fields: [["Chức vụ", ""]] }))).bytes);
    expect(paragraphOf(document, "Chức vụ: \t")).toMatch(dotLeader);
  });
});

describe("renderReportsDocx", () => {
  const members = ["Nguyễn Văn Ân", "Trần Thị Bình", "Lê Đức Cường"];
  const docs = members.map((name, i) =>
    sampleReport({
      title: i === 1 ? "Bản kiểm điểm cá nhân" : "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân",
      fields: [["Họ và tên", name]],
      signature: { role: "Người tự kiểm điểm", name },
    }),
  );

  it("puts every report in one file, each in a section of its own starting on a new page", async () => {
    const file = await renderReportsDocx(docs, "bao-cao-Chi-bo-Khu-pho-3.docx");
    expect(file).toMatchObject({ fileName: "bao-cao-Chi-bo-Khu-pho-3.docx", mimeType: docxMime });
    const { document } = await unzipDocx(file.bytes);
    expect(count(document, "<w:sectPr>")).toBe(3);
    expect(count(document, '<w:type w:val="nextPage"/>')).toBe(3);
    expect(count(document, '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')).toBe(3);
    const text = plainText(document);
    expectInOrder(
      text,
      members.flatMap((name, i) => [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        i === 1 ? "BẢN KIỂM ĐIỂM CÁ NHÂN" : "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
        `Họ và tên: ${name}`,
        "5. Tự xếp loại chất lượng",
        `\n${name}\n`,
      ]),
    );
    // A section break sits between two reports, not inside one: each ends with its signature.
    const parts = document.split("<w:sectPr>");
    expect(parts).toHaveLength(4);
    for (const [i, name] of members.entries()) expect(plainText(parts[i]!).trimEnd().endsWith(name)).toBe(true);
  });

  it("holds exactly what the reports rendered one by one hold, with the same styles", async () => {
    const singles = await Promise.all(docs.map(async (d) => unzipDocx((await renderReportDocx(d)).bytes)));
    const combined = await unzipDocx((await renderReportsDocx(docs, "x.docx")).bytes);
    // Each section break is one empty paragraph between two reports.
    expect(plainText(combined.document)).toBe(singles.map((s) => plainText(s.document)).join("\n"));
    expect(combined.styles).toBe(singles[0]!.styles);
    expect(combined.document.slice(0, combined.document.indexOf("<w:body>"))).toBe(singles[0]!.document.slice(0, singles[0]!.document.indexOf("<w:body>")));
  });

  it("is not fooled by markup typed in an answer", async () => {
    const sneaky = sampleReport({ sections: [{ heading: null, items: [{ n: 1, title: "<w:body>", answer: "</w:body><w:sectPr> & </w:document>" }] }] });
    const { document } = await unzipDocx((await renderReportsDocx([sneaky, sampleReport()], "x.docx")).bytes);
    expect(count(document, "<w:sectPr>")).toBe(2);
    expectInOrder(plainText(document), ["1. <w:body>\n", "</w:body><w:sectPr> & </w:document>\n", "Họ và tên: Nguyễn Văn Ân"]);
  });

  it("refuses an empty round rather than make an empty file", async () => {
    await expect(renderReportsDocx([], "x.docx")).rejects.toThrow(RangeError);
  });
});

describe("combining documents", () => {
  it("reads an entry of a zip, deflated or stored", async () => {
    const zip = new JSZip();
    zip.file("a.txt", "không nén: Nguyễn Văn Ân", { compression: "STORE" });
    zip.file("word/document.xml", "<x>Đi làm ca đêm ở Bình Dương</x>".repeat(50), { compression: "DEFLATE" });
    zip.file("c.txt", "", { comment: "a comment" });
    const bytes = await zip.generateAsync({ type: "uint8array", comment: "zip comment" });
    const text = (path: string) => new TextDecoder().decode(readZipEntry(bytes, path));
    expect(text("a.txt")).toBe("không nén: Nguyễn Văn Ân");
    expect(text("word/document.xml")).toBe("<x>Đi làm ca đêm ở Bình Dương</x>".repeat(50));
    expect(text("c.txt")).toBe("");
    expect(() => readZipEntry(bytes, "missing.xml")).toThrow(/not found/);
    expect(() => readZipEntry(new TextEncoder().encode("not a zip at all, just some text"), "a.txt")).toThrow(/not a zip/);
  });

  it("joins one-section bodies into sections, and refuses any other shape", () => {
    const one = (text: string) => `<?xml?><w:document x="1"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:body></w:document>`;
    expect(joinSections([one("a"), one("b")])).toBe(
      '<?xml?><w:document x="1"><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:body></w:document>',
    );
    expect(joinSections([one("a")])).toBe(one("a"));
    expect(() => joinSections([])).toThrow(RangeError);
    expect(() => joinSections([one("a"), joinSections([one("b"), one("c")])])).toThrow(/document 2/);
    expect(() => joinSections(["<w:document><w:body></w:body></w:document>"])).toThrow(/document 1/);
  });
});

describe("renderMinutesDocx", () => {
  it("is a .docx named after the title and the meeting", async () => {
    const file = await renderMinutesDocx(sampleMinutes());
    expect(file.mimeType).toBe(docxMime);
    expect(file.fileName).toBe("bien-ban-Sinh-hoat-chi-bo-dinh-ky-thang-12-2026.docx");
  });

  it("prints every part in order, with counts, names and reasons", async () => {
    const { document } = await unzipDocx((await renderMinutesDocx(sampleMinutes())).bytes);
    const text = plainText(document);
    expectInOrder(text, [
      "ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH\n",
      "CHI BỘ KHU PHỐ 3\n",
      "ĐẢNG CỘNG SẢN VIỆT NAM\n",
      "Khu phố 3, ngày 05 tháng 12 năm 2026\n",
      "BIÊN BẢN\n",
      "Sinh hoạt chi bộ định kỳ tháng 12/2026\n",
      "Thời gian bắt đầu: 19 giờ 30, ngày 05/12/2026\n",
      "Địa điểm: Nhà văn hoá khu phố 3\n",
      "Chủ trì: Nguyễn Văn Ân\n",
      "Thư ký: Lê Thị Bích Ngọc\n",
      "Thời gian kết thúc: \t\n",
      "Tổng số đảng viên được triệu tập: 7\n",
      "Có mặt: 3\n",
      "Nguyễn Văn Ân, Lê Thị Bích Ngọc, Phạm Đức Dũng\n",
      "Vắng có lý do: 2\n",
      "Trần Thị Bình (Đi làm ca đêm ở Bình Dương); Võ Quốc Huy\n",
      "Vắng không lý do: 2\n",
      "Đỗ Minh Khoa, Hồ Thị Ửng\n",
      "Nội dung sinh hoạt\n",
      "Đánh giá kết quả tháng 11.\n",
      "-\tPhổ biến nghị quyết của Đảng bộ.\n",
      "-\tLiên hệ các biểu hiện suy thoái.\n",
      "Tài liệu đã gửi trước\n",
      "-\tDự thảo nghị quyết tháng 12 (ngày 01/12/2026)\n",
      "-\tBáo cáo tài chính\n",
      "Nghị quyết\n",
      "Chi bộ thống nhất giao đồng chí Phạm Đức Dũng theo dõi công tác vệ sinh môi trường.\n",
      "Ý kiến thảo luận\n",
      "(Phần này ghi tay trong cuộc họp)\n",
      "Biểu quyết\n",
      "(Phần này ghi tay trong cuộc họp)\n",
      "THƯ KÝ\n",
      "CHỦ TRÌ\n",
      "Nguyễn Văn Ân\n",
    ]);
    expect(paragraphOf(document, "BIÊN BẢN")).toContain("<w:b/>");
    expect(paragraphOf(document, "Sinh hoạt chi bộ định kỳ tháng 12/2026")).toContain("<w:b/>");
    expect(paragraphOf(document, "Thời gian kết thúc: \t")).toMatch(dotLeader);
    expect(paragraphOf(document, "Ý kiến thảo luận")).toContain("<w:b/>");
  });

  it("leaves dotted lines under each blank section, with the hint in italic", async () => {
    const { document } = await unzipDocx((await renderMinutesDocx(sampleMinutes())).bytes);
    const all = paragraphs(document);
    for (const heading of ["Ý kiến thảo luận", "Biểu quyết"]) {
      const at = all.findIndex((p) => plainText(p) === `${heading}\n`);
      expect(at).toBeGreaterThan(0);
      expect(all[at + 1]).toContain("<w:i/>");
      expect(plainText(all[at + 1]!)).toBe("(Phần này ghi tay trong cuộc họp)\n");
      const lines = all.slice(at + 2).findIndex((p) => !dotLeader.test(p));
      expect(lines).toBeGreaterThanOrEqual(3);
    }
  });

  it("says nobody for an empty group, and leaves dotted lines for what was not entered", async () => {
    const doc = sampleMinutes({
      attendance: { invited: 3, present: ["Nguyễn Văn Ân", "Lê Thị Bích Ngọc", "Phạm Đức Dũng"], excused: [], absent: [] },
      agenda: null,
      documentsSent: [],
      resolution: null,
      blankSections: [],
    });
    const { document } = await unzipDocx((await renderMinutesDocx(doc)).bytes);
    const text = plainText(document);
    expectInOrder(text, [
      "Tổng số đảng viên được triệu tập: 3\n",
      "Có mặt: 3\n",
      "Vắng có lý do: Không có\n",
      "Vắng không lý do: Không có\n",
      "Nội dung sinh hoạt\n\t\n\t\n\t\n",
      "Tài liệu đã gửi trước\nKhông có\n",
      "Nghị quyết\n\t\n\t\n\t\n",
    ]);
    expect(text).not.toContain("(Phần này ghi tay trong cuộc họp)");
  });

  it("signs with the names known and a dotted line for the others", async () => {
    const { document } = await unzipDocx((await renderMinutesDocx(sampleMinutes({ signatures: { chair: null, recorder: "Lê Thị Bích Ngọc" } }))).bytes);
    const tables = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    const cells = [...tables.at(-1)!.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    expect(plainText(cells[0]!)).toMatch(/^THƯ KÝ\n\n+Lê Thị Bích Ngọc\n$/);
    expect(plainText(cells[1]!)).toMatch(/^CHỦ TRÌ\n\n+\t\n$/);
    expect(cells[1]).toMatch(/w:leader="dot"/);
  });
});
