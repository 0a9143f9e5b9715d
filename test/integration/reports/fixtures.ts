import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { seedCell, type Harness, type TestUser } from "../../helpers/core-harness.ts";

/** A short template with a text, a choice, a commitment and an optional question. */
export const shortTemplate = templateSchema.parse({
  id: "tu-kiem-tra",
  version: 1,
  title: "Tự kiểm tra hằng quý",
  description: "Bản tự kiểm tra ngắn.",
  steps: [
    { id: "mo-dau", kind: "info", text: "Lời mở đầu của mẫu." },
    { id: "uu-diem", kind: "text", title: "Ưu điểm", prompt: "Đồng chí nêu các ưu điểm.", minLength: 10 },
    {
      id: "muc-do",
      kind: "single",
      title: "Mức độ",
      prompt: "Đồng chí tự đánh giá mức độ.",
      options: [
        { id: "tot", label: "Tốt" },
        { id: "kha", label: "Khá" },
      ],
    },
    { id: "cam-ket", kind: "text", title: "Cam kết tự sửa", prompt: "Đồng chí cam kết sửa những gì?", minLength: 10, commitment: true },
    { id: "ghi-chu", kind: "text", title: "Ghi chú", prompt: "Đồng chí ghi chú thêm?", optional: true },
  ],
});

/** The same template as an operator's next version: one question reworded, one added. */
export const shortTemplateV2 = templateSchema.parse({
  ...shortTemplate,
  version: 2,
  steps: [...shortTemplate.steps.slice(0, 4), { id: "kien-nghi", kind: "text", title: "Kiến nghị", prompt: "Đồng chí có kiến nghị gì?", minLength: 5 }, shortTemplate.steps[4]],
});

export const people = [
  { userId: "bt", fullName: "Trần Thị Bình", role: "secretary" as const, category: "huu_tri" },
  { userId: "pbt", fullName: "Nguyễn Văn An", role: "deputy" as const },
  { userId: "cu", fullName: "Đỗ Văn Cừ", role: "committee" as const },
  { userId: "l", fullName: "Lê Văn Long", category: "cong_nhan" },
  { userId: "m", fullName: "Mai Thị Mơ", category: "lao_dong_tu_do" },
];

/** Opens a round through the secretary's dialogue: the template, its own name, a deadline, everyone. */
export async function openRound(secretary: TestUser, options: { template?: RegExp; deadline?: string; title?: string } = {}) {
  await secretary.command("dotbaocao");
  await secretary.choose(options.template ?? /Tự kiểm tra/);
  if (options.title) await secretary.say(options.title);
  else await secretary.choose(/^Dùng tên/);
  await secretary.say(options.deadline ?? "20/12");
  const next = await secretary.choose(/^Tất cả đảng viên/);
  if (next.some((m) => m.text.includes("miễn công tác và sinh hoạt đảng"))) await secretary.choose("Không, các đồng chí ấy không phải nộp");
  return secretary.choose("Mở đợt và báo cho đảng viên");
}

/** Answers the short template from its first question to the review. */
export async function answerShort(member: TestUser, commitment = "Đọc nghị quyết mỗi tuần một lần.") {
  await member.say("Luôn hoàn thành nhiệm vụ được giao.");
  await member.say("xong");
  await member.choose("Tốt");
  await member.say(commitment);
  await member.choose("Xong");
  return member.choose("Bỏ qua");
}

/** From the review: submit and confirm. */
export async function submit(member: TestUser) {
  await member.choose("Nộp");
  return member.choose("Xác nhận nộp");
}

/** The cell of `people`, a round opened by its secretary, and Lê Văn Long's report submitted and delivered. */
export async function longSubmitted(h: Harness): Promise<{ bt: TestUser; long: TestUser }> {
  await seedCell(h, people);
  const bt = h.user("bt");
  const long = h.user("l");
  await openRound(bt);
  await h.runOutbox();
  await long.choose("Bắt đầu");
  await answerShort(long);
  await submit(long);
  await h.runOutbox();
  return { bt, long };
}
