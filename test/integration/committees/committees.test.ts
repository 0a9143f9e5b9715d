import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { committeesFeature } from "../../../bot/core/features/committees/index.ts";
import { normalizeCommitteeCode } from "../../../bot/core/features/committees/code.ts";
import { createHarness, labels, texts, walkCreateCell, walkJoin, type Harness } from "../../helpers/core-harness.ts";
import { walkCreateCommittee, walkLinkCell } from "../../helpers/committees.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [committeesFeature] });
});
afterEach(async () => {
  await h.close();
});

const auditActions = async () => (await h.testDb.db.auditLog.findMany({ where: { action: { startsWith: "committee." } }, orderBy: { at: "asc" } })).map((a) => a.action);

describe("creating a committee", () => {
  it("makes the creator its secretary and gives a code that cells link with", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    const code = await walkCreateCommittee(officer);
    expect(normalizeCommitteeCode(code)).not.toBeNull();
    const committee = await h.testDb.db.committee.findFirstOrThrow({ include: { officers: true } });
    expect(committee).toMatchObject({ name: "Đảng ủy phường Đông Thanh", code: normalizeCommitteeCode(code) });
    expect(committee.officers).toMatchObject([{ role: "secretary", status: "active" }]);
    expect(officer.lastText()).toContain("Chi bộ trực thuộc trên bot: 0");
    expect(await auditActions()).toEqual(["committee.created"]);
  });

  it("tells someone without a post how to begin, and refuses a forged button of another committee", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    await walkCreateCommittee(officer);
    const committee = await h.testDb.db.committee.findFirstOrThrow();
    const stranger = h.user("901");
    await walkCreateCell(stranger, "Khu phố 9", "Phạm Văn Dũng");
    expect(texts(await stranger.command("capuy"))).toContain("chưa giữ chức vụ trong cấp ủy nào");
    expect(texts(await stranger.press(`cu:h:${committee.id}`))).toContain("không giữ chức vụ trong cấp ủy này");
    expect(texts(await stranger.press(`cu:c:${committee.id}:0`))).toContain("không giữ chức vụ trong cấp ủy này");
  });

  it("refuses a malformed or unknown parent code and asks again", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    await officer.command("taocapuy");
    await officer.say("Đảng ủy xã Tân Hòa");
    expect(texts(await officer.say("abc"))).toContain("CU-XXXX-XXXX");
    expect(texts(await officer.say("CU-0000-0000"))).toContain("Không có cấp ủy nào với mã này");
    expect(await h.testDb.db.committee.count()).toBe(0);
  });
});

describe("linking a cell", () => {
  it("asks with the code; one approval links it, both sides are told, a second press changes nothing", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    const code = await walkCreateCommittee(officer);
    const sec = h.user("1");
    await walkCreateCell(sec, "Khu phố 3", "Trần Thị Bình");
    const status = await sec.command("capuytren");
    expect(texts(status)).toContain("chưa liên kết");
    await sec.pressLabel("Nhập mã cấp ủy");
    const asked = await sec.say(code.toLowerCase().replaceAll("-", " "));
    expect(texts(asked)).toContain("Đã gửi yêu cầu đưa Chi bộ Khu phố 3 vào Đảng ủy phường Đông Thanh");
    const request = officer.inbox().at(-1)!;
    expect(request.text).toContain("Trần Thị Bình đề nghị đưa Chi bộ Khu phố 3");
    expect(labels(request)).toEqual(["✅ Đồng ý", "❌ Không đồng ý"]);

    const approved = await officer.pressLabel("✅ Đồng ý");
    expect(texts(approved)).toContain("Đã đồng ý");
    expect(sec.lastText()).toContain("Đảng ủy phường Đông Thanh đã đồng ý");
    const again = await officer.press(request.choices![0]![0]!.data);
    expect(texts(again)).toContain("đã được xử lý");
    const cell = await h.testDb.db.cell.findFirstOrThrow({ where: { name: "Chi bộ Khu phố 3" } });
    expect(cell.committeeId).not.toBeNull();
    expect(await auditActions()).toEqual(["committee.created", "committee.link_requested", "committee.link_approved"]);
    expect(texts(await sec.command("capuytren"))).toContain("trực thuộc Đảng ủy phường Đông Thanh");
    const cells = await officer.command("capuy");
    expect(texts(cells)).toContain("Chi bộ trực thuộc trên bot: 1");
  });

  it("suggests the committee whose name the secretary typed at cell creation", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    await walkCreateCommittee(officer, "Đảng bộ phường Đông Thanh");
    const sec = h.user("1");
    await sec.command("taochibo");
    await sec.say("Khu phố 3");
    await sec.say("Đảng bộ phường Đông Thanh");
    await sec.say("Trần Thị Bình");
    await sec.pressLabel("Đảng viên chính thức");
    await sec.pressLabel("Hưu trí");
    await sec.pressLabel("Bỏ qua");
    const status = await sec.command("capuytren");
    expect(texts(status)).toContain("«Đảng bộ phường Đông Thanh»");
    expect(labels(status.at(-1))[0]).toMatch(/^Gửi yêu cầu tới Đảng bộ phường Đông Thanh \(CU-/);
    await sec.pressLabel(/^Gửi yêu cầu tới/);
    expect(officer.lastText()).toContain("tên cấp ủy cấp trên được ghi là: «Đảng bộ phường Đông Thanh»");
  });

  it("refuses a plain member, and ends a link from the cell's side with the committee told", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    const code = await walkCreateCommittee(officer);
    const sec = h.user("1");
    const invite = await walkCreateCell(sec, "Khu phố 3", "Trần Thị Bình");
    const member = h.user("2");
    await walkJoin(member, invite, "Nguyễn Văn An");
    await sec.choose("Duyệt");
    expect(texts(await member.command("capuytren"))).toContain("chỉ bí thư");
    await walkLinkCell(sec, officer, code);
    await sec.command("capuytren");
    await sec.pressLabel("Thôi liên kết");
    const done = await sec.pressLabel("Thôi liên kết");
    expect(texts(done)).toContain("đã thôi liên kết");
    expect(officer.lastText()).toContain("đã thôi liên kết");
    expect((await h.testDb.db.cell.findFirstOrThrow({ where: { name: "Chi bộ Khu phố 3" } })).committeeId).toBeNull();
  });
});

describe("officers", () => {
  it("the secretary appoints a member of a linked cell, puts them in charge of a cell, and ends the post; all audited", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    const code = await walkCreateCommittee(officer);
    const sec = h.user("1");
    await walkCreateCell(sec, "Khu phố 3", "Trần Thị Bình");
    await walkLinkCell(sec, officer, code);
    await officer.command("capuy");
    await officer.pressLabel("Cán bộ cấp ủy");
    await officer.pressLabel("➕ Phân công cán bộ cấp ủy");
    await officer.pressLabel("Chi bộ Khu phố 3");
    await officer.pressLabel("Trần Thị Bình");
    const appointed = await officer.pressLabel("Phó bí thư");
    expect(texts(appointed)).toContain("Đã phân công đồng chí Trần Thị Bình làm Phó bí thư");
    expect(sec.lastText()).toContain("Đồng chí được phân công làm Phó bí thư Đảng ủy phường Đông Thanh");
    // The deputy now has the committee's screen, and decides links.
    expect(texts(await sec.command("capuy"))).toContain("Đồng chí: Phó bí thư");

    await officer.command("capuy");
    await officer.pressLabel("Cán bộ cấp ủy");
    await officer.pressLabel("Trần Thị Bình");
    await officer.pressLabel("Phân công phụ trách chi bộ");
    const charged = await officer.pressLabel("Chi bộ Khu phố 3");
    expect(labels(charged.at(-1))).toContain("✓ Chi bộ Khu phố 3");
    expect(await h.testDb.db.committeeCharge.count()).toBe(1);

    await officer.command("capuy");
    await officer.pressLabel("Cán bộ cấp ủy");
    await officer.pressLabel("Trần Thị Bình");
    await officer.pressLabel("Thôi chức vụ trên bot");
    await officer.pressLabel("Thôi chức vụ trên bot");
    expect(texts(await sec.command("capuy"))).toContain("chưa giữ chức vụ");
    expect(await h.testDb.db.committeeCharge.count()).toBe(0);
    expect(await auditActions()).toEqual(["committee.created", "committee.link_requested", "committee.link_approved", "committee.officer_appointed", "committee.charge_set", "committee.officer_ended"]);
  });

  it("a deputy cannot appoint, and nobody can appoint a person outside the committee's cells", async () => {
    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    await walkCreateCommittee(officer);
    const committee = await h.testDb.db.committee.findFirstOrThrow();
    const outsider = h.user("5");
    await walkCreateCell(outsider, "Khu phố 9", "Phạm Văn Dũng");
    const outsiderId = await outsider.personId();
    expect(texts(await officer.press(`cu:apr:${outsiderId}:${committee.id}:d`))).toContain("Không tìm thấy");
    expect(await h.testDb.db.committeeOfficer.count()).toBe(1);
  });
});

describe("a committee under a committee", () => {
  it("asks with the parent's code at creation; the parent's secretary approves once and both are told", async () => {
    const district = h.user("800");
    await walkCreateCell(district, "Cơ quan Quận ủy", "Hoàng Văn Đức");
    const districtCode = await walkCreateCommittee(district, "Quận ủy Hải Châu");
    const ward = h.user("900");
    await walkCreateCell(ward, "Cơ quan Đảng ủy", "Lê Văn Cường");
    await walkCreateCommittee(ward, "Đảng ủy phường Đông Thanh", districtCode);
    expect(texts(ward.inbox())).toContain("Đã gửi yêu cầu trực thuộc Quận ủy Hải Châu");
    expect(district.lastText()).toContain("Lê Văn Cường đề nghị đưa Đảng ủy phường Đông Thanh vào danh sách trực thuộc Quận ủy Hải Châu");
    await district.pressLabel("✅ Đồng ý");
    expect(ward.lastText()).toContain("Quận ủy Hải Châu đã đồng ý");
    const child = await h.testDb.db.committee.findFirstOrThrow({ where: { name: "Đảng ủy phường Đông Thanh" }, include: { parent: true } });
    expect(child.parent?.name).toBe("Quận ủy Hải Châu");
    expect(texts(await ward.command("capuy"))).toContain("Trực thuộc: Quận ủy Hải Châu");
  });
});
