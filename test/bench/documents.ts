/**
 * bench:documents — the Word renderers on one report round of a cell: BENCH_REPORTS (50) reports
 * of 12 sections with 2–3 questions each, answers of 300–800 characters of Vietnamese with some
 * list lines, made the same way on every run (a seeded generator). Measured:
 *  1. loading the renderer module (docx with it), as the bot does lazily on the first document;
 *  2. every report as its own file, one after the other (the first one apart: it pays for warm-up);
 *  3. all reports in one file, each starting on a new page (made report by report and joined, see
 *     bot/core/documents/word/combine.ts; run with --max-old-space-size to see the heap it needs).
 * Prints times (total and per report) and sizes; the last line of stdout is one JSON object.
 *
 *   npx tsx test/bench/documents.ts
 *   BENCH_REPORTS=200 npx tsx test/bench/documents.ts
 */
import type { ReportDocument } from "../../bot/core/documents/models.ts";

const reports = Number(process.env.BENCH_REPORTS ?? 50);
const log = (line: string) => process.stdout.write(`${line}\n`);

/** mulberry32: the same "random" round on every run, so two runs compare. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(2026);
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const sentences = [
  "Luôn chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
  "Giữ gìn phẩm chất đạo đức, lối sống giản dị, gần gũi với nhân dân nơi cư trú.",
  "Tham gia đầy đủ các buổi sinh hoạt chi bộ và đóng đảng phí đúng quy định.",
  "Không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
  "Đi làm ca đêm ở Bình Dương nên có tháng chưa dự sinh hoạt đầy đủ, đã báo cáo xin phép.",
  "Tích cực vận động gia đình và bà con khu phố giữ gìn vệ sinh môi trường, an ninh trật tự.",
  "Học tập, quán triệt các nghị quyết, chỉ thị của cấp trên và liên hệ với bản thân.",
  "Hạn chế: việc tự học tập nâng cao trình độ lý luận chính trị còn chưa thường xuyên.",
  "Nguyên nhân chủ yếu do điều kiện công việc và sức khoẻ, sẽ khắc phục trong năm tới.",
];

function answer(): string {
  const target = between(300, 800);
  const lines: string[] = [];
  let length = 0;
  while (length < target) {
    const s = pick(sentences);
    const line = random() < 0.3 ? `- ${s}` : s;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n").slice(0, target);
}

const headings = ["A", "B", "C", "D", "E", "G", "H", "I", "K", "L", "M", "N"].map((letter, i) => `${letter}. ${["ƯU ĐIỂM", "HẠN CHẾ, KHUYẾT ĐIỂM", "LIÊN HỆ CÁC BIỂU HIỆN SUY THOÁI", "KẾT QUẢ KHẮC PHỤC", "TRÁCH NHIỆM NƠI CƯ TRÚ"][i % 5]} (${i + 1})`);
const questions = ["Liên hệ các biểu hiện suy thoái", "Việc thực hiện chức trách, nhiệm vụ", "Ý thức tổ chức kỷ luật", "Giữ mối liên hệ với nhân dân", "Tự phê bình và phê bình"];
const surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const given = ["Văn Ân", "Thị Bình", "Đức Cường", "Thị Dung", "Quốc Huy", "Minh Khoa", "Thị Ửng", "Văn Đạt"];

function report(i: number): ReportDocument {
  const name = `${pick(surnames)} ${pick(given)} ${i + 1}`;
  let n = 0;
  return {
    header: { committee: "Đảng bộ phường Tân Định", cell: "Chi bộ Khu phố 3", placeAndDate: "Khu phố 3, ngày 05 tháng 12 năm 2026" },
    title: "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân",
    subtitles: ["Năm 2026", "(Đảng viên không làm việc trong hệ thống chính trị)"],
    fields: [
      ["Họ và tên", name],
      ["Ngày sinh", `${between(1, 28)}/${between(1, 12)}/${between(1945, 1995)}`],
      ["Chi bộ", "Chi bộ Khu phố 3"],
    ],
    sections: headings.map((heading) => ({
      heading,
      items: Array.from({ length: between(2, 3) }, () => ({ n: ++n, title: pick(questions), answer: answer() })),
    })),
    note: "Đảng viên nộp bản kiểm điểm cho bí thư chi bộ trước ngày 15/12.",
    signature: { role: "Người tự kiểm điểm", name },
    labels: { noAnswer: "(Chưa trả lời)" },
  };
}

const round = Array.from({ length: reports }, (_, i) => report(i));
const answerChars = round.flatMap((r) => r.sections.flatMap((s) => s.items.map((it) => it.answer.length)));
const items = answerChars.length;

let started = performance.now();
const { renderReportDocx, renderReportsDocx } = await import("../../bot/core/documents/word/report.ts");
const importMs = performance.now() - started;

const sizes: number[] = [];
const times: number[] = [];
started = performance.now();
for (const doc of round) {
  const t0 = performance.now();
  const file = await renderReportDocx(doc);
  times.push(performance.now() - t0);
  sizes.push(file.bytes.byteLength);
}
const singlesMs = performance.now() - started;

const rssBefore = process.memoryUsage().rss;
started = performance.now();
const combined = await renderReportsDocx(round, "bao-cao-Chi-bo-Khu-pho-3.docx");
const combinedMs = performance.now() - started;
const rssAfter = process.memoryUsage().rss;

const round1 = (x: number) => Math.round(x * 10) / 10;
const kb = (bytes: number) => round1(bytes / 1024);
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const warm = times.slice(1);
const warmMean = warm.length ? warm.reduce((a, b) => a + b, 0) / warm.length : (times[0] ?? 0);
const totalBytes = sizes.reduce((a, b) => a + b, 0);

log(`round: ${reports} reports, ${items} answered questions, answers ${Math.min(...answerChars)}–${Math.max(...answerChars)} characters`);
log(`load renderer (docx included): ${round1(importMs)} ms`);
log(`single files: ${round1(singlesMs)} ms in all, ${round1(singlesMs / reports)} ms per report (first ${round1(times[0] ?? 0)} ms, then mean ${round1(warmMean)} ms, median ${round1(median)} ms, max ${round1(sorted.at(-1) ?? 0)} ms)`);
log(`single files: ${kb(totalBytes)} KB in all, ${kb(totalBytes / reports)} KB per file (${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))} KB)`);
log(`one file: ${round1(combinedMs)} ms (${round1(combinedMs / reports)} ms per report), ${kb(combined.bytes.byteLength)} KB; RSS ${round1(rssBefore / 2 ** 20)} → ${round1(rssAfter / 2 ** 20)} MB`);
log(
  JSON.stringify({
    bench: "documents",
    reports,
    items,
    importMs: round1(importMs),
    singles: { totalMs: round1(singlesMs), perReportMs: round1(singlesMs / reports), firstMs: round1(times[0] ?? 0), warmMeanMs: round1(warmMean), medianMs: round1(median), maxMs: round1(sorted.at(-1) ?? 0), totalKB: kb(totalBytes), perFileKB: kb(totalBytes / reports) },
    combined: { totalMs: round1(combinedMs), perReportMs: round1(combinedMs / reports), KB: kb(combined.bytes.byteLength) },
    // Resident memory around the one-file render: the whole round's XML is held at once there.
    rssMB: { beforeCombined: round1(rssBefore / 2 ** 20), afterCombined: round1(rssAfter / 2 ** 20) },
  }),
);
