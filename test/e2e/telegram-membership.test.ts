import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/config.ts";
import { startBot, type RunningBot } from "../../bot/main.ts";
import { startTelegramEmulator, testToken, type Emulator } from "../helpers/telegram-emulator.ts";

const dbPath = join(tmpdir(), `chibo-e2e-${randomUUID()}.db`);
let emulator: Emulator;
let bot: RunningBot;

beforeAll(async () => {
  emulator = await startTelegramEmulator();
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: testToken, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: `file:${dbPath}`, LOG_LEVEL: "silent" });
  bot = await startBot(config, pino({ level: process.env.E2E_LOG ?? "silent" }));
});

afterAll(async () => {
  await bot?.stop();
  await emulator?.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
});

describe("a cell on Telegram, end to end through the Bot API emulator", () => {
  it("is created, admits one member, rejects another, appoints a deputy, loses a leaver and refuses a removed member", async () => {
    const secretary = emulator.user(1001, "Bình");
    const an = emulator.user(1002, "An");
    const bao = emulator.user(1003, "Bảo");
    const cuong = emulator.user(1004, "Cường");

    await secretary.command("/start");
    const welcome = await secretary.expectMessage("Xin chào đồng chí");
    expect(welcome.buttons.flat().map((b) => b.text)).toEqual(["Tạo chi bộ của tôi", "Tham gia bằng mã mời"]);
    await secretary.press(welcome, "Tạo chi bộ của tôi");
    await secretary.expectMessage("Tên chi bộ là gì?");
    await secretary.say("Khu phố 3");
    const parent = await secretary.expectMessage("đảng bộ nào");
    await secretary.say("Đảng bộ phường Đông Thanh");
    void parent;
    await secretary.expectMessage("họ và tên");
    await secretary.say("Trần Thị Bình");
    await secretary.press(await secretary.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await secretary.press(await secretary.expectMessage("thuộc đối tượng nào"), "Hưu trí");
    await secretary.press(await secretary.expectMessage("Số điện thoại"), "Bỏ qua");
    await secretary.expectMessage("Đã tạo Chi bộ Khu phố 3");
    const invite = await secretary.expectMessage("Mã mời vào Chi bộ Khu phố 3");
    const link = /https:\/\/t\.me\/TestNameBot\?start=([0-9A-Z]{16})/.exec(invite.text);
    expect(link).not.toBeNull();
    expect(invite.buttons.flat().map((b) => b.text)).toEqual(["Tạo mã mới (mã cũ hết hiệu lực)", "Thu hồi mã"]);
    const code = link![1]!;

    // An opens the link; a sticker and a wrong answer are explained, nothing is lost.
    await an.command(`/start ${code}`);
    await an.expectMessage("xin tham gia Chi bộ Khu phố 3");
    await an.expectMessage("họ và tên");
    await an.sticker();
    await an.expectMessage("hình ảnh, nhãn dán");
    await an.say("Nguyễn Văn An");
    await an.expectMessage("chính thức hay dự bị");
    await an.say("không rõ");
    const reAsked = await an.expectMessage("bấm một trong các nút");
    expect(reAsked.text).toContain("chính thức hay dự bị");
    await an.press(reAsked, "Đảng viên dự bị");
    await an.press(await an.expectMessage("thuộc đối tượng nào"), "Công nhân");
    await an.expectMessage("Số điện thoại");
    await an.say("0912 345 678");
    const confirm = await an.expectMessage("kiểm tra lại");
    expect(confirm.text).toContain("Đảng viên dự bị");
    await an.press(confirm, "Gửi yêu cầu");
    await an.expectMessage("Đã gửi yêu cầu");

    const requestAn = await secretary.expectMessage(/Yêu cầu tham gia Chi bộ Khu phố 3:[\s\S]*Nguyễn Văn An/);
    expect(requestAn.text).toContain("0912345678");
    expect(requestAn.buttons.flat().map((b) => b.text)).toEqual(["Duyệt", "Từ chối"]);

    // Bảo types the code by hand.
    await bao.command("/thamgia");
    await bao.expectMessage("nhập mã mời");
    await bao.say(code.toLowerCase().replace(/(.{4})/g, "$1 ").trim());
    await bao.expectMessage("họ và tên");
    await bao.say("Lê Văn Bảo");
    await bao.press(await bao.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await bao.press(await bao.expectMessage("thuộc đối tượng nào"), "Lao động tự do");
    await bao.press(await bao.expectMessage("Số điện thoại"), "Bỏ qua");
    await bao.press(await bao.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
    const requestBao = await secretary.expectMessage(/Yêu cầu tham gia[\s\S]*Lê Văn Bảo/);

    await secretary.press(requestAn, "Duyệt");
    await secretary.expectMessage("Đã duyệt đồng chí Nguyễn Văn An");
    const welcomeAn = await an.expectMessage("Đồng chí đã là thành viên Chi bộ Khu phố 3");
    expect(welcomeAn.buttons.flat().map((b) => b.text)).toEqual(["Mở menu"]);
    await secretary.press(requestBao, "Từ chối");
    await secretary.expectMessage("Đã từ chối yêu cầu của Lê Văn Bảo");
    await bao.expectMessage("chưa được chấp nhận");
    // A stale Approve on the already-decided request changes nothing.
    await secretary.press(requestAn, "Duyệt");
    await secretary.expectMessage("đã được xử lý trước đó");

    // The rejected applicant sees nothing of the cell.
    await bao.command("/thanhvien");
    await bao.expectMessage("chưa thuộc chi bộ nào");

    // Deputy.
    await secretary.command("/thanhvien");
    const list = await secretary.expectMessage("Chi bộ Khu phố 3 — 2 đảng viên");
    expect(list.text).toContain("Nguyễn Văn An · đảng viên · Đảng viên dự bị · Công nhân");
    await secretary.press(list, /Nguyễn Văn An/);
    const card = await secretary.expectMessage("Đảng viên Chi bộ Khu phố 3");
    await secretary.press(card, "Phân công phó bí thư");
    await secretary.expectMessage("Đã ghi nhận: đồng chí Nguyễn Văn An là phó bí thư.");
    await an.expectMessage("được ghi nhận là phó bí thư");

    // Cường joins, the deputy admits him, then he leaves of his own wish.
    await cuong.command(`/start ${code}`);
    await cuong.say("Phạm Văn Cường");
    await cuong.press(await cuong.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await cuong.press(await cuong.expectMessage("thuộc đối tượng nào"), "Cán bộ, công chức, viên chức");
    await cuong.press(await cuong.expectMessage("Số điện thoại"), "Bỏ qua");
    await cuong.press(await cuong.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
    const requestCuong = await an.expectMessage(/Yêu cầu tham gia[\s\S]*Phạm Văn Cường/);
    await an.press(requestCuong, "Duyệt");
    await cuong.expectMessage("Đồng chí đã là thành viên");
    await cuong.command("/roichibo");
    await cuong.press(await cuong.expectMessage("chắc chắn muốn rời"), "Rời chi bộ");
    await cuong.expectMessage("đã rời Chi bộ Khu phố 3");
    await secretary.expectMessage("Phạm Văn Cường đã tự rời");

    // Removal: the member is told and refused from then on, even with an old button.
    await secretary.command("/thanhvien");
    const list2 = await secretary.expectMessage("Chi bộ Khu phố 3 — 2 đảng viên");
    await secretary.press(list2, /Nguyễn Văn An/);
    const card2 = await secretary.expectMessage("Đảng viên Chi bộ Khu phố 3");
    await secretary.press(card2, "Xóa khỏi chi bộ");
    await secretary.press(await secretary.expectMessage("Xóa đồng chí Nguyễn Văn An"), "Xóa khỏi chi bộ");
    await secretary.expectMessage("Đã xóa đồng chí Nguyễn Văn An");
    await an.expectMessage("không còn trong danh sách Chi bộ Khu phố 3");
    await an.command("/moi");
    await an.expectMessage("chưa thuộc chi bộ nào");
    await an.pressData(requestCuong.messageId, requestCuong.buttons[0]![0]!.callback_data);
    await an.expectMessage("không phải thành viên");

    await secretary.command("/help");
    const help = await secretary.expectMessage("Việc của bí thư, phó bí thư");
    expect(help.text).toContain("/moi");
  });
});
