/**
 * How long the messages of a whole report are, as a member and the secretary read them on a phone:
 * the shipped template «Giữ trọn lời thề đảng viên», answered with answers of an ordinary length,
 * on Telegram (the text) and on Zalo (the text and its numbered options).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage, Platform } from "../../../bot/core/contract/messages.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { renderOptions, numberChoices } from "../../../bot/zalo/choices.ts";
import { createHarness, i18n, seedCell, textOf, type Harness, type TestUser } from "../../helpers/core-harness.ts";
import { openRound, people } from "./fixtures.ts";

/** What the reader sees: the text, and on Zalo the numbered options under it. */
export function shownLength(message: OutboundMessage, platform: Platform): number {
  if (platform === "telegram") return message.text.length;
  const numbered = numberChoices(message.choices);
  if (!numbered) return message.text.length;
  const hints = {
    one: (n: string) => i18n.t("vi", "zalo-answer-one", { n }),
    byName: (labels: string) => i18n.t("vi", "zalo-answer-by-name", { labels }),
    few: (list: string, last: string) => i18n.t("vi", "zalo-answer-few", { list, last }),
    range: (first: string, last: string) => i18n.t("vi", "zalo-answer-range", { first, last }),
  };
  return `${message.text}\n\n${renderOptions(numbered.shown, hints)}`.length;
}

export const longest = (messages: OutboundMessage[], platform: Platform) => Math.max(...messages.map((m) => shownLength(m, platform)));

/** Ordinary answers: a few sentences each, as members write them. */
const answers = {
  duty1:
    "Tôi chấp hành nghiêm nội quy, kỷ luật lao động của công ty, hoàn thành kế hoạch sản xuất được giao cả năm, không để xảy ra sai sót về an toàn lao động. Ở chi bộ, tôi nhận nhiệm vụ theo dõi tổ dân phố số 4 và báo cáo đầy đủ hằng tháng.",
  duty2:
    "Tôi học đầy đủ các nghị quyết do chi bộ tổ chức, tự đọc thêm báo Nhân Dân mỗi tuần. Tôi học lớp nâng bậc thợ và đạt bậc 5. Tôi đã góp ý với tổ trưởng về việc chấm công chưa công bằng và việc đó đã được sửa.",
  duty3: "Tôi giúp đỡ hai đồng nghiệp mới vào nghề, tham gia tổ hòa giải ở khu phố và vận động bà con giữ vệ sinh chung. Tôi thường hỏi han các gia đình khó khăn trong tổ dân phố.",
  duty4: "Tôi dự sinh hoạt chi bộ đầy đủ (vắng một lần vì tăng ca, có báo trước), đóng đảng phí đúng hạn và tham gia góp ý xây dựng nghị quyết của chi bộ.",
  limits: "Có lúc chưa mạnh dạn góp ý với đồng nghiệp và tổ trưởng; có một buổi sinh hoạt chi bộ vắng vì tăng ca.",
  cause: "Còn nể nang, ngại va chạm.",
  causeEdited: "Còn nể nang, ngại va chạm và chưa tự giác rèn luyện tác phong.",
  fix: "Mỗi tháng góp ý thẳng thắn ít nhất một lần trong tổ; báo trước với tổ trưởng để sắp xếp ca khi có sinh hoạt chi bộ; dự đầy đủ các buổi sinh hoạt từ tháng tới.",
  journey:
    "Tôi nhận ra mình hay ngại va chạm nên nhiều khi im lặng trước những việc chưa đúng. Tôi đang sửa dần từ những việc nhỏ: góp ý trực tiếp, có lý có tình. Bài học của tôi là phải nói thẳng nhưng chân thành.",
};

/** Types an answer and finishes it. */
async function write(member: TestUser, text: string) {
  await member.say(text);
  return member.say("xong");
}

/** The member answers every question; skips the list of shortcomings' objective causes. */
async function answerAll(member: TestUser) {
  await member.choose("Bắt đầu");
  await member.choose("Không");
  await write(member, answers.duty1);
  await write(member, answers.duty2);
  await write(member, answers.duty3);
  await write(member, answers.duty4);
  await member.choose(/Dự sinh hoạt chi bộ chưa đầy đủ/);
  await member.choose(/Tự phê bình và phê bình còn nể nang/);
  await member.choose("Xong");
  await write(member, answers.limits);
  await write(member, answers.cause);
  await member.choose("Bỏ qua");
  await write(member, answers.fix);
  await member.choose("Trong 6 tháng");
  return write(member, answers.journey);
}

describe("a whole report of the shipped template, on a phone", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature()] });
    await seedCell(h, people);
  });
  afterEach(() => h.close());

  it.each(["telegram", "zalo"] as const)("fits one screen per message for the member and the secretary on %s", async (platform) => {
    if (platform === "zalo") {
      const personId = await h.user("l").personId();
      await h.deps.db.identity.updateMany({ where: { personId }, data: { platform: "zalo" } });
    }
    const bt = h.user("bt");
    const long = h.user("l", platform);
    await openRound(bt, { template: /Giữ trọn lời thề/ });
    await h.runOutbox();
    await answerAll(long);
    await long.choose("Nộp");
    await long.choose("Xác nhận nộp");
    await h.runOutbox();
    await bt.choose("Trả lại để bổ sung");
    await bt.say("Đề nghị đồng chí nêu rõ hơn nguyên nhân chủ quan.");
    await h.runOutbox();
    await long.choose("Sửa bản báo cáo");
    await long.choose("Sửa câu 8");
    await write(long, answers.causeEdited);
    await long.choose("Nộp");
    await long.choose("Xác nhận nộp");
    await h.runOutbox();

    const member = longest(long.inbox(), platform);
    const secretary = longest(bt.inbox(), "telegram");
    // The figures the issue asks for in its closing note.
    // eslint-disable-next-line no-console
    console.log(`[screens] ${platform}: longest member message ${member}, longest secretary message ${secretary}`);
    // One phone screen per message: about a thousand characters of text; on Zalo the numbered
    // options come under it (the review's «Sửa câu 1…12»), still well within a screen and a half.
    expect(member).toBeLessThanOrEqual(platform === "telegram" ? 1000 : 1400);
    expect(secretary).toBeLessThanOrEqual(1000);

    // One numbering: question 1 went into the header, question 9 was skipped, question 8 changed.
    expect(textOf(long.inbox())).toContain("Câu 8/12 · Nguyên nhân chủ quan");
    const second = bt.inbox().slice(bt.inbox().findIndex((m) => m.text.includes("nộp lần 2")));
    const copy = textOf(second);
    expect(copy).toContain("Giữ chức vụ lãnh đạo, quản lý: Không");
    expect(copy).toContain("Thay đổi so với lần 1: câu 8 «Nguyên nhân chủ quan».");
    expect(copy).toContain(`8. Nguyên nhân chủ quan\n${answers.causeEdited}`);
    expect(copy).toContain("9. Nguyên nhân khách quan: (bỏ qua)");
    expect(copy).toContain("2. Thực hiện nhiệm vụ thứ nhất (Điều 2 Điều lệ Đảng)");
    // In several parts, and the decision says whose report it decides.
    expect(second.length).toBeGreaterThan(1);
    const decision = second.at(-1)!;
    expect(decision.text).toContain("Bản của đồng chí Lê Văn Long (nộp lần 2): đồng chí chọn «Tiếp nhận»");
    expect(decision.choices!.flat().map((c) => c.label)).toEqual(["Tiếp nhận", "Trả lại để bổ sung", "📄 Tải bản Word"]);
  }, 60_000);
});
