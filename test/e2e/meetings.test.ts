import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2ePlatforms, startE2E, type E2EWorld } from "../helpers/e2e.ts";
import { cellWithMembers } from "../helpers/e2e-steps.ts";

const hours = 3600_000;

describe.each(e2ePlatforms)("meetings on %s, end to end", (platform) => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startE2E(platform, { start: new Date("2026-11-24T02:00:00Z") });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("a forum is scheduled, members are reminded at the offsets and answer, the secretary gets the summary and records attendance", { timeout: 120_000 }, async () => {
    const { secretary, users } = await cellWithMembers(world, "Trần Thị Bình", [
      { n: 2002, name: "Nguyễn Văn An" },
      { n: 2003, name: "Lê Văn Bảo" },
      { n: 2004, name: "Phạm Văn Cường" },
    ]);
    const [an, bao, cuong] = users as [typeof secretary, typeof secretary, typeof secretary];

    await secretary.command("hop");
    await secretary.choose(await secretary.expectMessage("Lịch họp của Chi bộ Khu phố 3"), "Thêm cuộc họp (chuyên đề, diễn đàn…)");
    await secretary.choose(await secretary.expectMessage("Loại cuộc họp?"), "Diễn đàn");
    await secretary.expectMessage("Tên cuộc họp?");
    await secretary.say("Diễn đàn: Vai trò của chi bộ trong giáo dục, quản lý đảng viên");
    await secretary.choose(await secretary.expectMessage("Chủ đề"), "Bỏ qua");
    await secretary.expectMessage("Ngày họp?");
    await secretary.say("31/2 19h30");
    await secretary.expectMessage("không có thật");
    // A slip of the finger on the day and in the place, corrected at the check below.
    await secretary.say("4/12 19h30");
    await secretary.expectMessage("Địa điểm họp?");
    await secretary.say("Nhà văn hóa khu phô 3");
    await secretary.choose(await secretary.expectMessage("Chương trình, nội dung họp"), "Bỏ qua");
    await secretary.expectMessage("chuẩn bị gì?");
    await secretary.say("Chuẩn bị ý kiến liên hệ bản thân");
    // Zalo cannot hand the bot a file: only a link is asked for there.
    const documentsAsked = await secretary.expectMessage("Tài liệu để đảng viên đọc trước");
    expect(documentsAsked.text).toContain(platform === "zalo" ? "dán địa chỉ trang web của tài liệu (bắt đầu bằng http)" : "gửi tệp cho bot hoặc dán đường link");
    await secretary.say("https://example.org/tai-lieu-dien-dan.pdf");
    await secretary.expectMessage("Đã nhận tài liệu (tổng cộng 1)");
    await secretary.choose(await secretary.expectMessage("Tài liệu để đảng viên đọc trước (đã có 1)"), "Xong, không thêm tài liệu");
    const check = await secretary.expectMessage("kiểm tra lại");
    expect(check.text).toContain("19:30, thứ Sáu 04/12/2026");
    expect(check.options).toEqual(["Lưu và thông báo", "Sửa loại họp", "Sửa tên", "Sửa chủ đề", "Sửa ngày giờ", "Sửa địa điểm", "Sửa nội dung", "Sửa phần chuẩn bị", "Thêm tài liệu", "Hủy"]);
    // «Sửa …» asks that question again, then comes back to the check with every other answer kept.
    await secretary.choose(check, "Sửa ngày giờ");
    await secretary.expectMessage("Ngày họp?");
    await secretary.say("5/12");
    await secretary.choose(await secretary.expectMessage("Mấy giờ?"), "19:30");
    const rechecked = await secretary.expectMessage("kiểm tra lại");
    expect(rechecked.text).toContain("19:30, thứ Bảy 05/12/2026");
    expect(rechecked.text).toContain("Nhà văn hóa khu phô 3");
    await secretary.choose(rechecked, "Sửa địa điểm");
    await secretary.expectMessage("Địa điểm họp?");
    await secretary.say("Nhà văn hóa khu phố 3");
    const confirm = await secretary.expectMessage("kiểm tra lại");
    expect(confirm.text).toContain("📍 Địa điểm: Nhà văn hóa khu phố 3");
    expect(confirm.text).toContain("19:30, thứ Bảy 05/12/2026");
    expect(confirm.text).toContain("✍️ Đề nghị chuẩn bị: Chuẩn bị ý kiến liên hệ bản thân");
    expect(confirm.text).toContain("📎 1 tài liệu gửi kèm.");
    await secretary.choose(confirm, "Lưu và thông báo");
    await secretary.expectMessage("gửi thông báo cho 4 đảng viên");

    // The meeting on the panel's button: the date first and whole, the title cut at a word.
    await secretary.command("hop");
    const panel = await secretary.expectMessage("Lịch họp của Chi bộ Khu phố 3");
    const label = panel.options.find((o) => o.startsWith("T7 05/12 19:30 · "));
    expect(label).toBe("T7 05/12 19:30 · Diễn đàn: Vai trò của…");

    await world.runJobs();
    const announced = await an.expectMessage("Thông báo cuộc họp mới");
    expect(announced.text).toContain("Diễn đàn: Vai trò của chi bộ trong giáo dục, quản lý đảng viên");
    expect(announced.text).toContain("https://example.org/tai-lieu-dien-dan.pdf");
    expect(announced.options).toEqual(["Tham dự", "Xin vắng"]);

    // Three days before (19:30 on 2/12).
    world.clock.now = new Date("2026-12-02T12:30:00Z");
    await world.runJobs();
    const threeDays = await bao.expectMessage("còn 3 ngày nữa");
    await an.choose(await an.expectMessage("còn 3 ngày nữa"), "Tham dự");
    await an.expectMessage("Đã ghi nhận: tham dự");
    await bao.choose(threeDays, "Xin vắng");
    await bao.choose(await bao.expectMessage("vì lý do gì?"), "Ốm đau");
    await bao.expectMessage("xin vắng (Ốm đau)");
    await cuong.expectMessage("còn 3 ngày nữa");

    // One day before: An is reminded of the time only, Bảo not at all, Cường asked again.
    world.clock.advance(48 * hours);
    await world.runJobs();
    const anTime = await an.expectMessage("còn 1 ngày nữa");
    expect(anTime.text).toContain("Đồng chí đã báo tham dự");
    expect(anTime.options).toEqual([]);
    const cuongAgain = await cuong.expectMessage("còn 1 ngày nữa");
    expect(cuongAgain.options).toEqual(["Tham dự", "Xin vắng"]);

    // Two hours before: the secretary's summary.
    world.clock.advance(22 * hours);
    await world.runJobs();
    const summary = await secretary.expectMessage("Tình hình trả lời");
    expect(summary.text).toContain("Tham dự (1): Nguyễn Văn An");
    expect(summary.text).toContain("Xin vắng (1): Lê Văn Bảo (Ốm đau)");
    expect(summary.text).toMatch(/Chưa trả lời \(2\): (Trần Thị Bình, Phạm Văn Cường|Phạm Văn Cường, Trần Thị Bình)/);

    // After the meeting: the attendance prompt, prefilled checklist, saved.
    world.clock.now = new Date("2026-12-05T14:15:00Z"); // 21:15, before the quiet hours
    await world.runJobs();
    const prompt = await secretary.expectMessage("Xin đồng chí ghi điểm danh");
    await secretary.choose(prompt, "Ghi điểm danh");
    const checklist = await secretary.expectMessage("Điểm danh — Diễn đàn");
    expect(checklist.options).toHaveLength(5);
    expect(checklist.options).toContain("✅ Nguyễn Văn An");
    expect(checklist.options).toContain("🟡 Lê Văn Bảo");
    expect(checklist.options).toContain("❌ Phạm Văn Cường");
    await secretary.choose(checklist, "❌ Trần Thị Bình");
    const afterToggle = await secretary.expectMessage("Điểm danh — Diễn đàn");
    expect(afterToggle.options).toContain("🟡 Trần Thị Bình");
    await secretary.choose(afterToggle, "🟡 Trần Thị Bình");
    const ready = await secretary.expectMessage("Điểm danh — Diễn đàn");
    expect(ready.options).toContain("✅ Trần Thị Bình");
    await secretary.choose(ready, "Lưu điểm danh");
    await secretary.expectMessage("2 có mặt, 1 vắng có lý do, 1 vắng không lý do");
    await secretary.choose(await secretary.expectMessage("nghị quyết"), "Bỏ qua");

    const attendance = await world.db().attendance.findMany();
    expect(attendance.map((a) => a.status).sort()).toEqual(["absent", "excused", "present", "present"]);
  });
});
