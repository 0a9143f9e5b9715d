import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2ePlatforms, inviteCodeIn, startE2E, type E2EWorld } from "../helpers/e2e.ts";

describe.each(e2ePlatforms)("a cell on %s, end to end", (platform) => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startE2E(platform);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("is created, admits one member, rejects another, appoints a deputy, loses a leaver and refuses a removed member", { timeout: 120_000 }, async () => {
    const secretary = world.user(1001, "Bình");
    const an = world.user(1002, "An");
    const bao = world.user(1003, "Bảo");
    const cuong = world.user(1004, "Cường");

    await secretary.command("start");
    const welcome = await secretary.expectMessage("Xin chào đồng chí");
    expect(welcome.options).toEqual(["Tạo chi bộ của tôi", "Tham gia bằng mã mời"]);
    await secretary.choose(welcome, "Tạo chi bộ của tôi");
    await secretary.expectMessage("Tên chi bộ là gì?");
    await secretary.say("Khu phố 3");
    await secretary.expectMessage("đảng bộ nào");
    await secretary.say("Đảng bộ phường Đông Thanh");
    await secretary.expectMessage("họ và tên");
    await secretary.say("Trần Thị Bình");
    await secretary.choose(await secretary.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await secretary.choose(await secretary.expectMessage("thuộc đối tượng nào"), "Hưu trí");
    await secretary.choose(await secretary.expectMessage("Số điện thoại"), "Bỏ qua");
    await secretary.expectMessage("Đã tạo Chi bộ Khu phố 3");
    const invite = await secretary.expectMessage("Mã mời vào Chi bộ Khu phố 3");
    expect(invite.options).toEqual(["Tạo mã mới (mã cũ hết hiệu lực)", "Thu hồi mã"]);
    if (platform === "telegram") expect(invite.text).toMatch(/https:\/\/t\.me\/TestNameBot\?start=[0-9A-Z]{16}/);
    const code = inviteCodeIn(invite.text)!;
    expect(code).not.toBeNull();

    // An opens the invite; a sticker and a wrong answer are explained, nothing is lost.
    await an.openInvite(code);
    await an.expectMessage("xin tham gia Chi bộ Khu phố 3");
    await an.expectMessage("họ và tên");
    await an.sendSticker();
    await an.expectMessage("hình ảnh, nhãn dán");
    await an.say("Nguyễn Văn An");
    await an.expectMessage("chính thức hay dự bị");
    await an.say("không rõ");
    const reAsked = await an.expectMessage("chọn một trong các lựa chọn");
    expect(reAsked.text).toContain("chính thức hay dự bị");
    await an.choose(reAsked, "Đảng viên dự bị");
    await an.choose(await an.expectMessage("thuộc đối tượng nào"), "Công nhân");
    await an.expectMessage("Số điện thoại");
    await an.say("0912 345 678");
    const confirm = await an.expectMessage("kiểm tra lại");
    expect(confirm.text).toContain("Đảng viên dự bị");
    await an.choose(confirm, "Gửi yêu cầu");
    await an.expectMessage("Đã gửi yêu cầu");

    const requestAn = await secretary.expectMessage(/Yêu cầu tham gia Chi bộ Khu phố 3:[\s\S]*Nguyễn Văn An/);
    expect(requestAn.text).toContain("0912345678");
    expect(requestAn.options).toEqual(["Duyệt", "Từ chối"]);
    // While the request waits, a command of the cell says so.
    await an.command("lich");
    await an.expectMessage("đang chờ bí thư duyệt");
    await secretary.choose(requestAn, "Duyệt");
    await secretary.expectMessage("Đã duyệt đồng chí Nguyễn Văn An");
    const welcomeAn = await an.expectMessage("Đồng chí đã là thành viên Chi bộ Khu phố 3");
    expect(welcomeAn.options).toEqual(["Mở menu"]);

    // Bảo types the code by hand, in lower case and with spaces.
    await bao.command("thamgia");
    await bao.expectMessage("nhập mã mời");
    await bao.say(code.toLowerCase().replaceAll("-", " "));
    await bao.expectMessage("họ và tên");
    await bao.say("Lê Văn Bảo");
    await bao.choose(await bao.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await bao.choose(await bao.expectMessage("thuộc đối tượng nào"), "Lao động tự do");
    await bao.choose(await bao.expectMessage("Số điện thoại"), "Bỏ qua");
    await bao.choose(await bao.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
    const requestBao = await secretary.expectMessage(/Yêu cầu tham gia[\s\S]*Lê Văn Bảo/);

    // «Từ chối» asks first, with a reason Bảo is told.
    await secretary.choose(requestBao, "Từ chối");
    const why = await secretary.expectMessage("Từ chối yêu cầu của đồng chí Lê Văn Bảo");
    expect(why.options).toEqual(["Từ chối: không đúng chi bộ", "Từ chối: chưa xác minh được", "Từ chối: thông tin khai chưa đúng", "Từ chối, không nêu lý do", "Hủy"]);
    await secretary.choose(why, "Từ chối: không đúng chi bộ");
    await secretary.expectMessage("Đã từ chối yêu cầu của Lê Văn Bảo");
    const refused = await bao.expectMessage("chưa được chấp nhận");
    expect(refused.text).toContain("Lý do bí thư nêu: không đúng chi bộ.");
    if (platform === "telegram") {
      // A stale Approve on the already-decided request changes nothing (on Zalo a number answers the latest question only).
      await secretary.choose(requestAn, "Duyệt");
      await secretary.expectMessage("đã được xử lý trước đó");
    }

    // The rejected applicant sees nothing of the cell.
    await bao.command("thanhvien");
    await bao.expectMessage("chưa thuộc chi bộ nào");
    // Asking again: the secretary sees the earlier refusal, and refuses again with a typed reason.
    await bao.openInvite(code);
    await bao.choose(await bao.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
    const again = await secretary.expectMessage(/Yêu cầu tham gia[\s\S]*Lê Văn Bảo/);
    expect(again.text).toContain("từ chối đồng chí này trước đây:\n• 24/11/2026, Trần Thị Bình: không đúng chi bộ");
    await secretary.choose(again, "Từ chối");
    await secretary.expectMessage("Từ chối yêu cầu của đồng chí Lê Văn Bảo");
    await secretary.say("Đồng chí sinh hoạt ở Chi bộ Khu phố 5");
    await bao.expectMessage("Lý do bí thư nêu: Đồng chí sinh hoạt ở Chi bộ Khu phố 5.");

    // Deputy.
    await secretary.command("thanhvien");
    const list = await secretary.expectMessage("Chi bộ Khu phố 3 — 2 đảng viên");
    expect(list.text).toContain("Nguyễn Văn An · đảng viên · Đảng viên dự bị · Công nhân\n   Liên lạc: 0912345678");
    // The secretary gave no phone: on Telegram her chat opens from the list; on Zalo nothing would.
    expect(list.text).toContain(platform === "telegram" ? "Liên lạc: Telegram: tg://user?id=1001" : "Liên lạc: chưa có số điện thoại, dùng Zalo");
    await secretary.choose(list, /Nguyễn Văn An/);
    const card = await secretary.expectMessage("Đảng viên Chi bộ Khu phố 3");
    await secretary.choose(card, "Phân công phó bí thư");
    await secretary.expectMessage("Đã ghi nhận: đồng chí Nguyễn Văn An là phó bí thư.");
    await an.expectMessage("được ghi nhận là phó bí thư");

    // Cường joins, the deputy admits him, then he leaves of his own wish.
    await cuong.openInvite(code);
    await cuong.expectMessage("họ và tên");
    await cuong.say("Phạm Văn Cường");
    await cuong.choose(await cuong.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await cuong.choose(await cuong.expectMessage("thuộc đối tượng nào"), "Cán bộ, công chức, viên chức");
    await cuong.choose(await cuong.expectMessage("Số điện thoại"), "Bỏ qua");
    await cuong.choose(await cuong.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
    const requestCuong = await an.expectMessage(/Yêu cầu tham gia[\s\S]*Phạm Văn Cường/);
    await an.choose(requestCuong, "Duyệt");
    await cuong.expectMessage("Đồng chí đã là thành viên");
    await cuong.command("roichibo");
    await cuong.choose(await cuong.expectMessage("chắc chắn muốn rời"), "Rời chi bộ");
    await cuong.expectMessage("đã rời Chi bộ Khu phố 3");
    await secretary.expectMessage("Phạm Văn Cường đã tự rời");

    // Removal: the member is told and refused from then on, even with an old button.
    await secretary.command("thanhvien");
    const list2 = await secretary.expectMessage("Chi bộ Khu phố 3 — 2 đảng viên");
    await secretary.choose(list2, /Nguyễn Văn An/);
    const card2 = await secretary.expectMessage("Đảng viên Chi bộ Khu phố 3");
    await secretary.choose(card2, "Xóa khỏi chi bộ");
    await secretary.choose(await secretary.expectMessage("Xóa đồng chí Nguyễn Văn An"), "Xóa khỏi chi bộ");
    await secretary.expectMessage("Đã xóa đồng chí Nguyễn Văn An");
    await an.expectMessage("không còn trong danh sách Chi bộ Khu phố 3");
    await an.command("moi");
    await an.expectMessage("chưa thuộc chi bộ nào");
    await an.choose(requestCuong, "Duyệt");
    await an.expectMessage("không phải thành viên");

    await secretary.command("help");
    const help = await secretary.expectMessage("Việc của bí thư, phó bí thư");
    expect(help.text).toContain("/moi");
  });
});
