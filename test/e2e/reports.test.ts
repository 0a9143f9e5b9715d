import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2ePlatforms, inviteCodeIn, startE2E, type E2EUser, type E2EWorld } from "../helpers/e2e.ts";

/** A member answers the profile questions after opening the invite, and the secretary admits them. */
async function join(secretary: E2EUser, member: E2EUser, code: string, fullName: string, category: string) {
  await member.openInvite(code);
  await member.expectMessage("họ và tên");
  await member.say(fullName);
  await member.choose(await member.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
  await member.choose(await member.expectMessage("thuộc đối tượng nào"), category);
  await member.choose(await member.expectMessage("Số điện thoại"), "Bỏ qua");
  await member.choose(await member.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
  await secretary.choose(await secretary.expectMessage(new RegExp(`Yêu cầu tham gia[\\s\\S]*${fullName}`)), "Duyệt");
  await member.expectMessage("Đồng chí đã là thành viên");
}

/** One free-text answer: typed, acknowledged, finished by typing «xong». */
async function answer(member: E2EUser, question: string, text: string) {
  await member.expectMessage(question);
  await member.say(text);
  await member.expectMessage("Đã ghi nhận");
  await member.say("xong");
}

/** The line with the decision's choices, under the last part of a report sent to the secretary: it names whose report. */
const decisionHint = (number: number) => `Bản của đồng chí Nguyễn Văn An (nộp lần ${number}): đồng chí chọn «Tiếp nhận»`;

describe.each(e2ePlatforms)("self-review reports on %s, end to end", (platform) => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startE2E(platform);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("are answered, returned with a comment, completed, accepted, and survive a restart mid-answer", async () => {
    const secretary = world.user(2001, "Bình");
    const an = world.user(2002, "An");
    const bao = world.user(2003, "Bảo");

    await secretary.command("taochibo");
    await secretary.expectMessage("Tên chi bộ là gì?");
    await secretary.say("Khu phố 5");
    await secretary.choose(await secretary.expectMessage("đảng bộ nào"), "Bỏ qua");
    await secretary.expectMessage("họ và tên");
    await secretary.say("Trần Thị Bình");
    await secretary.choose(await secretary.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await secretary.choose(await secretary.expectMessage("thuộc đối tượng nào"), "Hưu trí");
    await secretary.choose(await secretary.expectMessage("Số điện thoại"), "Bỏ qua");
    const code = inviteCodeIn((await secretary.expectMessage("Mã mời vào Chi bộ Khu phố 5")).text)!;
    await join(secretary, an, code, "Nguyễn Văn An", "Công nhân");
    await join(secretary, bao, code, "Lê Văn Bảo", "Lao động tự do");

    // The secretary opens a round of template 1; the deadline is typed the Vietnamese way.
    await secretary.command("dotbaocao");
    await secretary.choose(await secretary.expectMessage("dùng mẫu báo cáo nào"), "Giữ trọn lời thề đảng viên");
    await secretary.choose(await secretary.expectMessage("Tên đợt báo cáo là gì"), /^Dùng tên/);
    await secretary.expectMessage("Hạn nộp là khi nào?");
    await secretary.say("17h ngày 20/12");
    await secretary.choose(await secretary.expectMessage("Những đồng chí nào phải nộp?"), "Tất cả đảng viên (3)");
    const confirm = await secretary.expectMessage("kiểm tra lại trước khi mở đợt");
    expect(confirm.text).toContain("Hạn nộp: 17:00 20/12/2026");
    await secretary.choose(confirm, "Mở đợt và báo cho đảng viên");
    await secretary.expectMessage("Đã mở đợt «Giữ trọn lời thề đảng viên» cho 3 đồng chí");
    await world.runJobs();

    // An answers every question: one answer in two messages, one answer refused as too short.
    const notice = await an.expectMessage("Chi bộ Khu phố 5 mở đợt báo cáo «Giữ trọn lời thề đảng viên».");
    expect(notice.options).toEqual(["Bắt đầu"]);
    await an.choose(notice, "Bắt đầu");
    await an.choose(await an.expectMessage("Câu 1/12 · Giữ chức vụ lãnh đạo, quản lý"), "Không");
    await an.expectMessage("Câu 2/12 · Thực hiện nhiệm vụ thứ nhất");
    await an.say("Tôi chấp hành nghiêm nội quy, kỷ luật lao động của công ty,");
    await an.expectMessage("Đã ghi nhận (59 ký tự)");
    await an.say("và hoàn thành kế hoạch sản xuất được giao cả năm.");
    await an.choose(await an.expectMessage("Đã ghi nhận (110 ký tự)"), "Xong");
    await an.expectMessage("Câu 3/12 · Thực hiện nhiệm vụ thứ hai");
    await an.sendSticker();
    await an.expectMessage("Bot chỉ đọc được tin nhắn chữ và các lựa chọn");
    await an.say("Có học.");
    await an.expectMessage("Đã ghi nhận (7 ký tự)");
    await an.say("xong");
    const tooShort = await an.expectMessage("Câu trả lời mới có 7 ký tự, cần ít nhất 20");
    expect(tooShort.text).toContain("phần đã viết vẫn được giữ");
    await an.expectMessage("Câu 3/12 · Thực hiện nhiệm vụ thứ hai");
    await an.say("Tôi học nghị quyết đầy đủ ở chi bộ và học thêm tay nghề.");
    await an.expectMessage("Đã ghi nhận");
    await an.say("xong");
    await answer(an, "Câu 4/12 · Thực hiện nhiệm vụ thứ ba", "Tôi giúp đỡ đồng nghiệp mới vào nghề và tham gia tổ hòa giải ở khu phố.");
    await answer(an, "Câu 5/12 · Thực hiện nhiệm vụ thứ tư", "Tôi dự sinh hoạt chi bộ đầy đủ và đóng đảng phí đúng hạn.");
    // Several lines of the list ticked in one answer (on Zalo the options are typed: «4, 5»).
    await an.expectMessage("Câu 6/12 · Những mặt còn hạn chế");
    await an.say("4, 5");
    await an.choose(await an.expectMessage("đã chọn 2"), "Xong");
    await answer(an, "Câu 7/12 · Hạn chế, khuyết điểm", "Có lúc chưa mạnh dạn góp ý với đồng nghiệp.");
    await answer(an, "Câu 8/12 · Nguyên nhân chủ quan", "Còn nể nang.");
    await an.choose(await an.expectMessage("Câu 9/12 · Nguyên nhân khách quan"), "Bỏ qua");
    await answer(an, "Câu 10/12 · Giải pháp khắc phục", "Mỗi tháng góp ý thẳng thắn ít nhất một lần trong tổ.");
    await an.choose(await an.expectMessage("Câu 11/12 · Thời hạn khắc phục"), "Trong 6 tháng");
    await answer(an, "Câu 12/12 · Hành trình tự soi, tự sửa", "Tôi nhận ra mình hay ngại va chạm và đang sửa dần từng việc nhỏ.");
    // The review is one compact message: a line per answer, numbered as the questions were.
    const review = await an.expectMessage("Xem lại bản «Giữ trọn lời thề đảng viên» trước khi nộp");
    expect(review.text).toContain("8. Nguyên nhân chủ quan: Còn nể nang.");
    expect(review.text).toContain("9. Nguyên nhân khách quan: (bỏ qua)");
    await an.choose(review, "Nộp");
    await an.choose(await an.expectMessage("Đồng chí xác nhận nộp bản «Giữ trọn lời thề đảng viên»"), "Xác nhận nộp");
    await an.expectMessage("Đã nộp bản «Giữ trọn lời thề đảng viên». Cảm ơn đồng chí!");

    // The secretary receives the whole report and returns it with a comment.
    await world.runJobs();
    const report = await secretary.expectMessage("Báo cáo của đồng chí Nguyễn Văn An — Chi bộ Khu phố 5");
    expect(report.text).toContain("BÁO CÁO TỰ RÀ SOÁT VIỆC GIỮ TRỌN LỜI THỀ ĐẢNG VIÊN");
    // Long reports come in several messages (at each messenger's own limit); the choices are under the last.
    // Numbered as An saw the questions: question 1 is in the header, question 9 was skipped.
    expect(report.text).toContain("Giữ chức vụ lãnh đạo, quản lý: Không");
    expect(report.text).toContain("2. Thực hiện nhiệm vụ thứ nhất (Điều 2 Điều lệ Đảng)\nTôi chấp hành nghiêm nội quy, kỷ luật lao động của công ty,\n\nvà hoàn thành kế hoạch sản xuất được giao cả năm.");
    const reportEnd = report.text.includes(decisionHint(1)) ? report : await secretary.expectMessage(decisionHint(1));
    expect(reportEnd.options).toEqual(["Tiếp nhận", "Trả lại để bổ sung", "📄 Tải bản Word"]);
    expect(`${report.text}\n${reportEnd.text}`).toContain("9. Nguyên nhân khách quan: (bỏ qua)");
    await secretary.choose(reportEnd, "Trả lại để bổ sung");
    await secretary.expectMessage("ghi nhận xét, yêu cầu bổ sung gửi đồng chí Nguyễn Văn An");
    await secretary.say("Đề nghị đồng chí nêu rõ hơn nguyên nhân chủ quan.");
    await secretary.expectMessage("Đã trả lại bản của đồng chí Nguyễn Văn An kèm nhận xét.");

    // An edits one answer and submits again.
    await world.runJobs();
    const returned = await an.expectMessage("Bí thư chi bộ đã trả lại bản «Giữ trọn lời thề đảng viên»");
    expect(returned.text).toContain("Nhận xét: «Đề nghị đồng chí nêu rõ hơn nguyên nhân chủ quan.»");
    await an.choose(returned, "Sửa bản báo cáo");
    await an.expectMessage("Nhận xét của bí thư: «Đề nghị đồng chí nêu rõ hơn nguyên nhân chủ quan.»");
    await an.choose(await an.expectMessage("Đồng chí chọn «Sửa câu N»"), "Sửa câu 8");
    await an.expectMessage("Câu 8/12 · Nguyên nhân chủ quan");
    await an.say("Còn nể nang, ngại va chạm và chưa tự giác rèn luyện.");
    await an.expectMessage("Đã ghi nhận");
    await an.say("xong");
    await an.choose(await an.expectMessage("Đồng chí chọn «Sửa câu N»"), "Nộp");
    await an.choose(await an.expectMessage("Đồng chí xác nhận nộp"), "Xác nhận nộp");
    await an.expectMessage("Đã nộp bản «Giữ trọn lời thề đảng viên».");

    // The secretary sees what changed and accepts it; An is told.
    await world.runJobs();
    const second = await secretary.expectMessage("nộp lần 2");
    expect(second.text).toContain("Thay đổi so với lần 1: câu 8 «Nguyên nhân chủ quan».");
    const secondEnd = second.text.includes(decisionHint(2)) ? second : await secretary.expectMessage(decisionHint(2));
    expect(`${second.text}\n${secondEnd.text}`).toContain("8. Nguyên nhân chủ quan\nCòn nể nang, ngại va chạm và chưa tự giác rèn luyện.");
    await secretary.choose(secondEnd, "Tiếp nhận");
    await secretary.expectMessage("Đã tiếp nhận bản báo cáo của đồng chí Nguyễn Văn An.");
    await world.runJobs();
    await an.expectMessage("Bí thư chi bộ đã tiếp nhận bản «Giữ trọn lời thề đảng viên» của đồng chí.");

    // Bảo starts; the bot restarts while he is in the middle of an answer; he carries on.
    await bao.choose(await bao.expectMessage("mở đợt báo cáo «Giữ trọn lời thề đảng viên»"), "Bắt đầu");
    await bao.choose(await bao.expectMessage("Câu 1/12 · Giữ chức vụ lãnh đạo, quản lý"), "Không");
    await bao.expectMessage("Câu 2/12 · Thực hiện nhiệm vụ thứ nhất");
    await bao.say("Tôi nộp thuế đầy đủ,");
    await bao.expectMessage("Đã ghi nhận (20 ký tự)");
    await world.restartBot();
    await bao.say("buôn bán đúng pháp luật.");
    const carried = await bao.expectMessage("Đã ghi nhận (46 ký tự)");
    await bao.choose(carried, "Xong");
    await bao.expectMessage("Câu 3/12 · Thực hiện nhiệm vụ thứ hai");
    // Back to a saved answer with nothing new typed: one way on, «Giữ nguyên».
    await bao.say("Tôi học thêm về thuế");
    await bao.choose(await bao.expectMessage("Đã ghi nhận"), "« Quay lại");
    const back = await bao.expectMessage("Câu 2/12 · Thực hiện nhiệm vụ thứ nhất");
    expect(back.options).toContain("Giữ nguyên");
    expect(back.options).not.toContain("Xong");
    await bao.choose(back, "Giữ nguyên");
    // What he had typed is shown, and after «Lưu, làm tiếp sau» he is told how to come back.
    const pending = await bao.expectMessage("Câu 3/12 · Thực hiện nhiệm vụ thứ hai");
    expect(pending.text).toContain("«Tôi học thêm về thuế»");
    await bao.choose(pending, "Lưu, làm tiếp sau");
    const paused = await bao.expectMessage("Đã lưu bản nháp. Khi thuận tiện, đồng chí gõ /baocao");
    await bao.choose(paused, "Làm tiếp ngay");
    await bao.expectMessage("Câu 3/12 · Thực hiện nhiệm vụ thứ hai");

    // The status view reflects all of it.
    await secretary.command("baocao");
    await secretary.choose(await secretary.expectMessage("Báo cáo tự rà soát — Chi bộ Khu phố 5"), /^Tình hình: /);
    const status = await secretary.expectMessage("Tình hình nộp «Giữ trọn lời thề đảng viên»");
    expect(status.text).toContain("Đã nộp 1/3 (đã tiếp nhận 1).");
    expect(status.text).toContain("✓ Nguyễn Văn An — đã tiếp nhận");
    expect(status.text).toContain("✎ Lê Văn Bảo — đang làm (2/12 câu)");
  }, 240_000);
});
