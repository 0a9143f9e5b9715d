import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2ePlatforms, startE2E, type E2EUser, type E2EWorld } from "../helpers/e2e.ts";

/** The secretary creates a cell, typing the committee above as it is known to them. */
async function createCell(secretary: E2EUser, name: string, fullName: string, committee: string | null) {
  await secretary.command("taochibo");
  await secretary.expectMessage("Tên chi bộ là gì?");
  await secretary.say(name);
  const asked = await secretary.expectMessage("đảng bộ nào");
  if (committee) await secretary.say(committee);
  else await secretary.choose(asked, "Bỏ qua");
  await secretary.expectMessage("họ và tên");
  await secretary.say(fullName);
  await secretary.choose(await secretary.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
  await secretary.choose(await secretary.expectMessage("thuộc đối tượng nào"), "Cán bộ, công chức, viên chức");
  await secretary.choose(await secretary.expectMessage("Số điện thoại"), "Bỏ qua");
  await secretary.expectMessage(`Mã mời vào Chi bộ ${name}`);
}

describe.each(e2ePlatforms)("the committee above on %s, end to end", (platform) => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startE2E(platform);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("is created, a cell links to it by the name it typed, the officer approves, follows the month and sends a notice", async () => {
    const officer = world.user(3001, "Cường");
    const secretary = world.user(3002, "Bình");
    await createCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường", null);
    await officer.command("taocapuy");
    await officer.expectMessage("Tên cấp ủy là gì?");
    await officer.say("Đảng ủy phường Đông Thanh");
    await officer.choose(await officer.expectMessage("mã của cấp ủy đó"), "Bỏ qua");
    const created = await officer.expectMessage(/Mã cấp ủy: CU-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(created.text).toContain("Đồng chí là bí thư cấp ủy trên bot");

    await createCell(secretary, "Khu phố 3", "Trần Thị Bình", "Đảng ủy phường Đông Thanh");
    await secretary.command("capuytren");
    const status = await secretary.expectMessage("chưa liên kết với cấp ủy cấp trên");
    expect(status.text).toContain("«Đảng ủy phường Đông Thanh»");
    await secretary.choose(status, /^Gửi yêu cầu tới Đảng ủy phường Đông Thanh/);
    await secretary.expectMessage("Đã gửi yêu cầu đưa Chi bộ Khu phố 3 vào Đảng ủy phường Đông Thanh");
    await officer.choose(await officer.expectMessage("đề nghị đưa Chi bộ Khu phố 3"), "✅ Đồng ý");
    await secretary.expectMessage("Đảng ủy phường Đông Thanh đã đồng ý");

    await officer.command("capuy");
    const home = await officer.expectMessage("Chi bộ trực thuộc trên bot: 1");
    await officer.choose(home, "📊 Tổng hợp tháng");
    const summary = await officer.expectMessage("📊 Tổng hợp tháng 11/2026 — Đảng ủy phường Đông Thanh");
    expect(summary.text).toContain("Sinh hoạt định kỳ: 0/1 chi bộ đã họp");

    await officer.command("capuy");
    await officer.choose(await officer.expectMessage("Chi bộ trực thuộc trên bot: 1"), "📢 Gửi thông báo");
    await officer.expectMessage("nhập nội dung thông báo");
    await officer.say("Đề nghị các chi bộ hoàn thành kiểm điểm trước ngày 20/12.");
    await officer.choose(await officer.expectMessage("Gửi tới những ai?"), /^Bí thư, phó bí thư các chi bộ/);
    await officer.choose(await officer.expectMessage("Đề nghị các chi bộ hoàn thành"), "Gửi thông báo");
    await officer.expectMessage("Thông báo đang được gửi tới 1 đồng chí");
    await world.runJobs();
    await secretary.expectMessage("Đề nghị các chi bộ hoàn thành kiểm điểm trước ngày 20/12.");
  });
});
