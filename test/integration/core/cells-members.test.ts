import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, labels, texts, type Harness, walkCreateCell, walkJoin } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const createCell = walkCreateCell;
const join = walkJoin;

const membershipOf = (personName: string) =>
  h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName: personName } }, include: { person: true } });

describe("a newcomer", () => {
  it("is welcomed with the two ways in", async () => {
    const out = await h.user("100").command("start");
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toContain("Xin chào đồng chí");
    expect(labels(out[0])).toEqual(["Tạo chi bộ của tôi", "Tham gia bằng mã mời"]);
  });

  it("is welcomed when the first thing they send is a greeting (Zalo has no Start button), and only then", async () => {
    const u = h.user("101");
    const first = await u.say("Xin chào");
    expect(first[0]!.text).toContain("Xin chào đồng chí");
    expect(labels(first[0])).toEqual(["Tạo chi bộ của tôi", "Tham gia bằng mã mời"]);
    expect(texts(await u.say("xin chào"))).toContain("chưa hiểu");
  });

  it("gets a polite answer to an unknown command, a sticker and free text", async () => {
    const u = h.user("100");
    expect(texts(await u.command("xyz"))).toContain("Không có lệnh «xyz»");
    expect(texts(await u.send({ kind: "unsupported", what: "sticker" }))).toContain("chỉ đọc được tin nhắn chữ");
    expect(texts(await u.say("xin chào"))).toContain("chưa hiểu");
  });
});

describe("creating a cell", () => {
  it("makes the creator its secretary and gives an invite link and code", async () => {
    const sec = h.user("1");
    await sec.command("taochibo");
    const afterName = await sec.say("Khu phố 3");
    expect(afterName[0]!.text).toContain("đảng bộ nào");
    await sec.say("Đảng bộ phường Đông Thanh");
    await sec.say("Trần Thị Bình");
    await sec.pressLabel("Đảng viên chính thức");
    await sec.pressLabel("Hưu trí");
    const done = await sec.pressLabel("Bỏ qua");
    expect(done[0]!.text).toBe("Đã tạo Chi bộ Khu phố 3. Đồng chí là bí thư chi bộ.");
    expect(done[1]!.text).toMatch(/https:\/\/t\.me\/test_bot\?start=[0-9A-Z]{16}/);
    expect(done[1]!.text).toContain("Hiệu lực đến hết ngày 24/12/2026");
    const cell = await h.testDb.db.cell.findFirstOrThrow({ include: { memberships: true } });
    expect(cell).toMatchObject({ name: "Chi bộ Khu phố 3", parentCommittee: "Đảng bộ phường Đông Thanh" });
    expect(cell.memberships).toMatchObject([{ role: "secretary", status: "active" }]);
  });

  it("re-asks on an empty or 300-character name and keeps what was saved", async () => {
    const sec = h.user("1");
    await sec.command("taochibo");
    expect(texts(await sec.say("   "))).toContain("chưa nhập gì");
    expect(texts(await sec.say("x".repeat(300)))).toContain("quá dài");
    expect(texts(await sec.send({ kind: "unsupported", what: "photo" }))).toContain("Tên chi bộ là gì?");
    await sec.say("Khu phố 3");
    // The answer is in the database, not in memory: a new core on the same file continues.
    await h.restart();
    await h.core.handle({ platform: "telegram", userId: "1", chatId: "1", input: { kind: "text", text: "Đảng bộ phường Đông Thanh" } });
    expect(sec.lastText()).toContain("họ và tên");
  });

  it("treats a button of an earlier question as stale and changes nothing", async () => {
    const sec = h.user("1");
    await sec.command("taochibo");
    await sec.say("Khu phố 3");
    await sec.pressLabel("Bỏ qua");
    await sec.say("Trần Thị Bình");
    await sec.pressLabel("Đảng viên dự bị");
    const out = await sec.press("d:partyStatus:official");
    expect(out[0]!.text).toContain("Nút này đã cũ");
    expect(out[0]!.text).toContain("thuộc đối tượng nào");
    const dialogue = await h.testDb.db.dialogueState.findFirstOrThrow();
    expect(JSON.parse(dialogue.data)).toMatchObject({ partyStatus: "probationary" });
  });
});

describe("joining and admitting", () => {
  it("runs the whole request: registration, approval, notification, and a second approval changes nothing", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const an = h.user("2");
    const intro = await an.command("start", code.replaceAll("-", ""));
    expect(intro[0]!.text).toContain("xin tham gia Chi bộ Khu phố 3");
    // Bad answers are explained and asked again.
    expect(texts(await an.say("Nguyễn Văn 2"))).toContain("không nên có chữ số");
    await an.say("Nguyễn Văn An");
    expect(texts(await an.say("không biết"))).toContain("chọn một trong các lựa chọn");
    await an.say("chinh thuc"); // typed, without diacritics
    await an.say("3"); // the third option: Công nhân
    expect(texts(await an.say("abc"))).toContain("Số điện thoại chưa đúng");
    const confirm = await an.say("0912 345 678");
    expect(confirm[0]!.text).toContain("Nguyễn Văn An");
    expect(confirm[0]!.text).toContain("Công nhân");
    expect(confirm[0]!.text).toContain("0912345678");
    const sent = await an.pressLabel("Gửi yêu cầu");
    expect(sent[0]!.text).toContain("Đã gửi yêu cầu tham gia Chi bộ Khu phố 3");

    const request = sec.inbox().at(-1)!;
    expect(request.text).toContain("Yêu cầu tham gia Chi bộ Khu phố 3");
    expect(request.text).toContain("Nguyễn Văn An");
    expect(labels(request)).toEqual(["Duyệt", "Từ chối"]);

    // Before approval the applicant sees nothing of the cell, and is told the request is waiting.
    expect(texts(await an.command("thanhvien"))).toBe("Yêu cầu tham gia Chi bộ Khu phố 3 của đồng chí đang chờ bí thư duyệt. Khi được duyệt, tôi sẽ báo ngay; từ lúc đó đồng chí dùng được lệnh này.");

    const approved = await sec.pressLabel("Duyệt");
    expect(approved[0]!.text).toBe("Đã duyệt đồng chí Nguyễn Văn An vào Chi bộ Khu phố 3.");
    expect(an.lastText()).toContain("Đồng chí đã là thành viên Chi bộ Khu phố 3");
    const again = await sec.press(request.choices![0]![0]!.data);
    expect(again[0]!.text).toContain("đã được xử lý trước đó");
    const reject = await sec.press(request.choices![0]![1]!.data);
    expect(reject[0]!.text).toContain("đã được xử lý trước đó");
    expect((await membershipOf("Nguyễn Văn An")).status).toBe("active");
    const log = await h.testDb.db.auditLog.findMany({ orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["cell.created", "invite.issued", "membership.requested", "membership.approved"]);
  });

  it("tells a rejected applicant, and asking again later is a fresh request", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo");
    await sec.pressLabel("Từ chối");
    await sec.pressLabel("Từ chối: không đúng chi bộ");
    expect(bao.lastText()).toContain("chưa được chấp nhận");
    expect(bao.lastText()).toContain("Lý do bí thư nêu: không đúng chi bộ.");
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("rejected");
    // The profile is remembered: the second request goes straight to the check.
    const intro = await bao.command("start", code);
    expect(intro.at(-1)!.text).toContain("kiểm tra lại");
    await bao.pressLabel("Gửi yêu cầu");
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("pending");
  });

  it("refuses a revoked, an expired and a malformed code", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    await sec.command("moi");
    const fresh = await sec.pressLabel("Tạo mã mới (mã cũ hết hiệu lực)");
    const newCode = /: ([0-9A-Z-]{19})/.exec(fresh[0]!.text)![1]!;
    expect(newCode).not.toBe(code);
    const u = h.user("4");
    expect(texts(await u.command("start", code))).toContain("đã bị thu hồi");
    expect(texts(await u.command("start", "nonsense"))).toContain("không đúng dạng");
    await u.command("huy");
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 86_400_000);
    expect(texts(await u.say(newCode.toLowerCase()))).toContain("đã hết hạn");
  });

  it("admitting twice is harmless: an active member asking again is told so", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const an = h.user("2");
    await join(an, code, "Nguyễn Văn An");
    expect(texts(await an.command("start", code))).toContain("đang chờ bí thư duyệt");
    await sec.pressLabel("Duyệt");
    expect(texts(await an.command("start", code))).toContain("đã là thành viên");
    expect(await h.testDb.db.membership.count()).toBe(2);
  });
});

describe("managing members", () => {
  async function cellWithMembers() {
    const sec = h.user("1");
    const code = await createCell(sec);
    const an = h.user("2");
    const bao = h.user("3");
    await join(an, code, "Nguyễn Văn An");
    await sec.pressLabel("Duyệt");
    await join(bao, code, "Lê Văn Bảo");
    await sec.pressLabel("Duyệt");
    return { sec, an, bao, code };
  }

  it("lists members with role, status, category and contact for the secretary only", async () => {
    const { sec, an } = await cellWithMembers();
    const list = (await sec.command("thanhvien"))[0]!;
    expect(list.text).toContain("Chi bộ Khu phố 3 — 3 đảng viên");
    expect(list.text).toMatch(/1\. Trần Thị Bình · bí thư · Đảng viên chính thức · Hưu trí/);
    expect(list.text).toContain("Liên lạc: Telegram");
    expect(labels(list)).toEqual(["1. Trần Thị Bình", "2. Lê Văn Bảo", "3. Nguyễn Văn An"]);
    const memberView = (await an.command("thanhvien"))[0]!;
    expect(memberView.text).not.toContain("Liên lạc");
    expect(labels(memberView)).toEqual([]);
  });

  it("appoints a deputy who can then admit members but not change roles", async () => {
    const { sec, an, code } = await cellWithMembers();
    const anMembership = await membershipOf("Nguyễn Văn An");
    await sec.press(`mm:${anMembership.id}`);
    const done = await sec.pressLabel("Phân công phó bí thư");
    expect(done[0]!.text).toBe("Đã ghi nhận: đồng chí Nguyễn Văn An là phó bí thư.");
    expect(an.lastText()).toContain("đồng chí được ghi nhận là phó bí thư");
    const cuong = h.user("5");
    await join(cuong, code, "Phạm Văn Cường");
    // Both the secretary and the deputy hear of the request; the deputy decides it.
    expect(an.lastText()).toContain("Phạm Văn Cường");
    await an.pressLabel("Duyệt");
    expect(sec.lastText()).toContain("Phạm Văn Cường");
    expect(texts(await sec.pressLabel("Duyệt"))).toContain("người xử lý: Nguyễn Văn An");
    const baoMembership = await membershipOf("Lê Văn Bảo");
    expect(texts(await an.press(`r:${baoMembership.id}:c`))).toContain("chỉ bí thư");
    expect((await membershipOf("Lê Văn Bảo")).role).toBe("member");
  });

  it("hands the secretary role over, marks exemption and removes a member who then loses access", async () => {
    const { sec, an, bao } = await cellWithMembers();
    const baoMembership = await membershipOf("Lê Văn Bảo");
    expect(texts(await sec.press(`ex:${baoMembership.id}:1`))).toContain("miễn sinh hoạt");
    expect((await membershipOf("Lê Văn Bảo")).exempt).toBe(true);
    expect(bao.lastText()).toContain("miễn sinh hoạt");

    const confirm = await sec.press(`rm:${baoMembership.id}`);
    expect(labels(confirm[0])).toEqual(["Xóa khỏi chi bộ", "Không"]);
    await sec.pressLabel("Xóa khỏi chi bộ");
    expect(bao.lastText()).toContain("không còn trong danh sách Chi bộ Khu phố 3");
    expect(texts(await bao.command("thanhvien"))).toContain("chưa thuộc chi bộ nào");
    expect(texts(await sec.press(`rm!:${baoMembership.id}`))).toContain("không còn trong chi bộ");

    const anMembership = await membershipOf("Nguyễn Văn An");
    await sec.press(`tx:${anMembership.id}`);
    await sec.pressLabel("Chuyển giao chức bí thư");
    expect(an.lastText()).toContain("Đồng chí nay là bí thư Chi bộ Khu phố 3");
    expect((await membershipOf("Nguyễn Văn An")).role).toBe("secretary");
    expect((await membershipOf("Trần Thị Bình")).role).toBe("member");
    // The former secretary can no longer manage.
    expect(texts(await sec.command("moi"))).toContain("chỉ bí thư");
    const actions = (await h.testDb.db.auditLog.findMany()).map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(["membership.exempt_changed", "membership.removed", "membership.secretary_transferred"]));
  });

  it("lets a member leave, and keeps the secretary from leaving before handing over", async () => {
    const { sec, an } = await cellWithMembers();
    await sec.command("roichibo");
    expect(texts(await sec.pressLabel("Rời chi bộ"))).toContain("chuyển giao chức bí thư");
    await an.command("roichibo");
    expect(texts(await an.pressLabel("Rời chi bộ"))).toContain("đã rời Chi bộ Khu phố 3");
    expect(sec.lastText()).toContain("Nguyễn Văn An đã tự rời");
    expect((await membershipOf("Nguyễn Văn An")).status).toBe("left");
  });

  it("never lets a member of one cell act on another cell", async () => {
    const { bao } = await cellWithMembers();
    const other = h.user("9");
    await createCell(other, "Khu phố 7", "Đỗ Thị Hoa");
    const otherSecretary = await membershipOf("Đỗ Thị Hoa");
    const outsider = h.user("8");
    const otherCode = (await h.testDb.db.invite.findFirstOrThrow({ where: { cellId: otherSecretary.cellId, revokedAt: null } })).code;
    await join(outsider, otherCode, "Vũ Văn Khách");
    const request = await membershipOf("Vũ Văn Khách");
    expect(texts(await bao.press(`ap:${request.id}`))).toContain("không phải thành viên");
    expect(texts(await bao.press(`mm:${otherSecretary.id}`))).toContain("không phải thành viên");
    expect(texts(await bao.press(`iv:new:${otherSecretary.cellId}`))).toContain("không phải thành viên");
    expect((await membershipOf("Vũ Văn Khách")).status).toBe("pending");
  });

  it("asks which cell when a person belongs to two", async () => {
    const { sec, bao } = await cellWithMembers();
    const other = h.user("9");
    const otherCode = await createCell(other, "Chi bộ Tạm thời Công trường A", "Đỗ Thị Hoa");
    await bao.command("start", otherCode);
    await bao.pressLabel("Gửi yêu cầu");
    await other.pressLabel("Duyệt");
    void sec;
    const ask = await bao.command("thanhvien");
    // The first cell was set as active when first admitted; /chibo switches.
    expect(ask[0]!.text).toContain("Chi bộ Khu phố 3");
    const pick = await bao.command("chibo");
    expect(labels(pick[0])).toEqual(["Chi bộ Khu phố 3", "Chi bộ Tạm thời Công trường A"]);
    const menu = await bao.pressLabel("Chi bộ Tạm thời Công trường A");
    expect(menu[0]!.text).toContain("Chi bộ Tạm thời Công trường A — đồng chí là đảng viên");
    expect((await bao.command("thanhvien"))[0]!.text).toContain("Chi bộ Tạm thời Công trường A — 2 đảng viên");
  });
});

describe("profile and language", () => {
  it("edits one field and switches language", async () => {
    const sec = h.user("1");
    await createCell(sec);
    await sec.command("hoso");
    await sec.pressLabel("Sửa họ và tên");
    const saved = await sec.say("Trần Thị Bình An");
    expect(saved[0]!.text).toBe("Đã lưu hồ sơ.");
    expect(saved[1]!.text).toContain("Họ và tên: Trần Thị Bình An");
    await sec.command("ngonngu");
    expect(texts(await sec.pressLabel("English"))).toBe("Switched to English.");
    expect((await sec.command("menu"))[0]!.text).toContain("you are secretary");
  });

  it("refuses an overlong message without losing the draft", async () => {
    const sec = h.user("1");
    await sec.command("taochibo");
    await sec.say("Khu phố 3");
    const out = await sec.say("a".repeat(5000));
    expect(out[0]!.text).toContain("Tin nhắn quá dài");
    expect(out[1]!.text).toContain("đảng bộ nào");
    const dialogue = await h.testDb.db.dialogueState.findFirstOrThrow();
    expect(JSON.parse(dialogue.data)).toMatchObject({ cellName: "Chi bộ Khu phố 3" });
  });

  it("marks a person unreachable when the messenger says so", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    h.messenger.blocked.add("1");
    await join(h.user("2"), code, "Nguyễn Văn An");
    const identity = await h.testDb.db.identity.findFirstOrThrow({ where: { userId: "1" } });
    expect(identity.unreachable).toBe(true);
    h.messenger.blocked.delete("1");
    await sec.command("menu");
    expect((await h.testDb.db.identity.findFirstOrThrow({ where: { userId: "1" } })).unreachable).toBe(false);
  });
});

describe("names that exist on every object", () => {
  it("are unknown commands, not internal errors", async () => {
    const u = h.user("100");
    expect(texts(await u.command("constructor"))).toContain("Không có lệnh «constructor»");
    expect(texts(await u.command("__proto__"))).toContain("Không có lệnh «__proto__»");
    expect(texts(await u.press("m:constructor"))).toContain("Nút này đã cũ");
  });
});

describe("hostile names", () => {
  it("reach the secretary stripped of control, bidi and zero-width characters, are measured after that, and may not carry a link", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const an = h.user("2");
    await an.command("start", code.replaceAll("-", ""));
    // A zero-width space does not make one letter into two.
    expect(texts(await an.say("A\u200B"))).toContain("Nội dung quá ngắn");
    // Neither a link nor a channel to tap.
    expect(texts(await an.say("Nguyễn Văn An t.me/phishing"))).toContain("không được chứa địa chỉ trang web");
    expect(texts(await an.say("Nguyễn Văn An xem ban.vn"))).toContain("không được chứa địa chỉ trang web");
    expect(texts(await an.say("https://example.org An"))).toContain("không được chứa địa chỉ trang web");
    // A right-to-left override, a NUL and a decomposed "ễ" come out as the plain name.
    const decomposed = "Nguye\u0302\u0303n";
    await an.say(`${decomposed} Va\u0306n\u0000 \u202EnA`);
    await an.pressLabel("Đảng viên chính thức");
    await an.pressLabel("Công nhân");
    await an.pressLabel("Bỏ qua");
    await an.pressLabel("Gửi yêu cầu");
    const stored = await h.testDb.db.person.findFirstOrThrow({ where: { identities: { some: { userId: "2" } } } });
    expect(stored.fullName).toBe("Nguyễn Văn nA");
    const request = sec.inbox().at(-1)!.text;
    expect(request).toContain("Nguyễn Văn nA");
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(request).not.toMatch(/[\u0000-\u0008\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it("keeps line breaks in longer text, and cleans a cell's name the same way", async () => {
    const sec = h.user("1");
    await createCell(sec, "Khu\u200B phố\u202E 3");
    const cell = await h.testDb.db.cell.findFirstOrThrow();
    expect(cell.name).toBe("Chi bộ Khu phố 3");
  });
});
