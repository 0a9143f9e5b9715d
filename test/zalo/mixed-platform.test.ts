import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteCodeIn, startE2E, zaloUserId, type E2EUser, type E2EWorld } from "../helpers/e2e.ts";

/** Answers the registration questions the same way on any messenger. */
async function register(user: E2EUser, fullName: string): Promise<void> {
  await user.expectMessage("họ và tên");
  await user.say(fullName);
  await user.choose(await user.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
  await user.choose(await user.expectMessage("thuộc đối tượng nào"), "Hưu trí");
  await user.choose(await user.expectMessage("Số điện thoại"), "Bỏ qua");
  await user.choose(await user.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
  await user.expectMessage("Đã gửi yêu cầu");
}

async function createCell(secretary: E2EUser, name: string, fullName: string): Promise<string> {
  await secretary.command("taochibo");
  await secretary.expectMessage("Tên chi bộ là gì?");
  await secretary.say(name);
  await secretary.choose(await secretary.expectMessage("đảng bộ nào"), "Bỏ qua");
  await secretary.expectMessage("họ và tên");
  await secretary.say(fullName);
  await secretary.choose(await secretary.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
  await secretary.choose(await secretary.expectMessage("thuộc đối tượng nào"), "Hưu trí");
  await secretary.choose(await secretary.expectMessage("Số điện thoại"), "Bỏ qua");
  const invite = await secretary.expectMessage(`Mã mời vào Chi bộ ${name}`);
  return inviteCodeIn(invite.text)!;
}

describe("one bot on Telegram and Zalo at once", () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startE2E("telegram", { platforms: ["zalo"] });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lets a secretary on Telegram admit a member on Zalo, and a secretary on Zalo admit a member on Telegram", async () => {
    const bìnhTelegram = world.userOn("telegram", 3001, "Bình");
    const anZalo = world.userOn("zalo", 3002, "An");

    const code = await createCell(bìnhTelegram, "Khu phố 5", "Trần Thị Bình");
    await anZalo.openInvite(code);
    await anZalo.expectMessage("xin tham gia Chi bộ Khu phố 5");
    await register(anZalo, "Nguyễn Văn An");

    // The request from Zalo arrives on Telegram, with buttons; the answer goes back to Zalo.
    const request = await bìnhTelegram.expectMessage(/Yêu cầu tham gia Chi bộ Khu phố 5:[\s\S]*Nguyễn Văn An/);
    expect(request.options).toEqual(["Duyệt", "Từ chối"]);
    await bìnhTelegram.choose(request, "Duyệt");
    const welcome = await anZalo.expectMessage("Đồng chí đã là thành viên Chi bộ Khu phố 5");
    expect(welcome.options).toEqual(["Mở menu"]);
    await anZalo.choose(welcome, "Mở menu");
    await anZalo.expectMessage("Chi bộ Khu phố 5 — đồng chí là đảng viên");

    // The secretary sees the member's messenger in the list.
    await bìnhTelegram.command("thanhvien");
    const list = await bìnhTelegram.expectMessage("Chi bộ Khu phố 5 — 2 đảng viên");
    expect(list.text).toMatch(/Nguyễn Văn An[^\n]*\n[^\n]*Zalo/);

    // The other way round: a secretary on Zalo, a member on Telegram.
    const cúcZalo = world.userOn("zalo", 3003, "Cúc");
    const dũngTelegram = world.userOn("telegram", 3004, "Dũng");
    const code2 = await createCell(cúcZalo, "Khu phố 6", "Lê Thị Cúc");
    await dũngTelegram.openInvite(code2);
    await register(dũngTelegram, "Phạm Văn Dũng");
    const request2 = await cúcZalo.expectMessage(/Yêu cầu tham gia Chi bộ Khu phố 6:[\s\S]*Phạm Văn Dũng/);
    expect(request2.options).toEqual(["Duyệt", "Từ chối"]);
    await cúcZalo.choose(request2, "Duyệt");
    await cúcZalo.expectMessage("Đã duyệt đồng chí Phạm Văn Dũng");
    await dũngTelegram.expectMessage("Đồng chí đã là thành viên Chi bộ Khu phố 6");

    // A member on Telegram leaves; the secretary hears it on Zalo.
    await dũngTelegram.command("roichibo");
    await dũngTelegram.choose(await dũngTelegram.expectMessage("chắc chắn muốn rời"), "Rời chi bộ");
    await cúcZalo.expectMessage("Phạm Văn Dũng đã tự rời");
  });

  it("links a member's Telegram account to a new Zalo account, and notifications follow the chosen messenger", async () => {
    const hàTelegram = world.userOn("telegram", 3101, "Hà");
    const hàZalo = world.userOn("zalo", 3102, "Hà");
    const secretary = world.userOn("telegram", 3103, "Sơn");

    const code = await createCell(secretary, "Khu phố 7", "Đỗ Văn Sơn");
    await hàTelegram.openInvite(code);
    await register(hàTelegram, "Vũ Thị Hà");
    await secretary.choose(await secretary.expectMessage(/Yêu cầu tham gia[\s\S]*Vũ Thị Hà/), "Duyệt");
    await hàTelegram.expectMessage("Đồng chí đã là thành viên Chi bộ Khu phố 7");

    // On Telegram: a link code. On Zalo (first contact): the code typed after "lienket".
    await hàTelegram.command("lienket");
    await hàTelegram.choose(await hàTelegram.expectMessage("Liên kết tài khoản Telegram và Zalo"), "Lấy mã liên kết");
    const linkCode = inviteCodeIn((await hàTelegram.expectMessage("Mã liên kết của đồng chí")).text)!;
    await hàZalo.say(`lienket ${linkCode}`);
    await hàZalo.expectMessage("Đã liên kết");
    await hàTelegram.expectMessage("Tài khoản Zalo vừa được liên kết");
    const ask = await hàZalo.expectMessage("Đồng chí muốn nhận ở đâu?");
    await hàZalo.choose(ask, "Zalo");
    await hàZalo.expectMessage("Từ nay thông báo sẽ gửi về Zalo");
    const identities = await world.db().identity.findMany({ where: { userId: { in: ["3101", zaloUserId(3102)] } } });
    expect(new Set(identities.map((i) => i.personId)).size).toBe(1);

    // Zalo acts for the member in the cell.
    await hàZalo.command("menu");
    await hàZalo.expectMessage("Chi bộ Khu phố 7 — đồng chí là đảng viên");

    // The secretary appoints her deputy: the notice goes to Zalo, not Telegram.
    await secretary.command("thanhvien");
    await secretary.choose(await secretary.expectMessage("Chi bộ Khu phố 7 — 2 đảng viên"), /Vũ Thị Hà/);
    await secretary.choose(await secretary.expectMessage("Đảng viên Chi bộ Khu phố 7"), "Phân công phó bí thư");
    await secretary.expectMessage("là phó bí thư");
    await hàZalo.expectMessage("được ghi nhận là phó bí thư");
    // Checked at once (timeout 0): the one notification has already been delivered, to Zalo.
    await expect(hàTelegram.expectMessage("được ghi nhận là phó bí thư", 0)).rejects.toThrow(/got no message/);
  });
});
