/**
 * Issue 10, membership: «Từ chối» asks first and takes a reason the applicant is told, a new request
 * shows the earlier refusals, a pending applicant is told the request waits, and the member list
 * gives the secretary a way to reach a member that works on the messenger she reads it on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Platform } from "../../../bot/core/contract/messages.ts";
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

const membershipOf = (fullName: string) => h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName } } });
const refusals = () => h.testDb.db.auditLog.findMany({ where: { action: "membership.rejected" }, orderBy: { at: "asc" } });
const reasonLabels = ["Từ chối: không đúng chi bộ", "Từ chối: chưa xác minh được", "Từ chối: thông tin khai chưa đúng", "Từ chối, không nêu lý do", "Hủy"];

describe("rejecting a join request", () => {
  it("asks first, with reasons to pick; nothing changes until one is picked, and a second press decides once", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo");
    const request = sec.inbox().at(-1)!;
    const heard = bao.inbox().length;

    // Someone of no standing in the cell is refused before any question.
    expect(texts(await h.user("9").press(request.choices![0]![1]!.data))).toContain("không phải thành viên");
    const asked = await sec.pressLabel("Từ chối");
    expect(asked[0]!.text).toContain("Từ chối yêu cầu của đồng chí Lê Văn Bảo vào Chi bộ Khu phố 3?");
    expect(asked[0]!.text).toContain("gõ lý do ngắn (không quá 200 ký tự)");
    expect(labels(asked[0])).toEqual(reasonLabels);
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("pending");
    expect(texts(await sec.pressLabel("Hủy"))).toContain("Đã hủy");
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("pending");
    expect(bao.inbox()).toHaveLength(heard);

    const again = await sec.press(request.choices![0]![1]!.data);
    const pick = again[0]!.choices![1]![0]!;
    const done = await sec.press(pick.data);
    expect(texts(done)).toBe("Đã từ chối yêu cầu của Lê Văn Bảo.\nĐồng chí ấy được báo lý do: chưa xác minh được.");
    expect(bao.lastText()).toContain("chưa được chấp nhận");
    expect(bao.lastText()).toContain("Lý do bí thư nêu: chưa xác minh được.");
    // A double tap on the reason, or the request's own button again: decided once.
    expect(texts(await sec.press(pick.data))).toContain("Nút này đã cũ");
    expect(texts(await sec.press(request.choices![0]![1]!.data))).toContain("đã được xử lý trước đó");
    expect(bao.inbox()).toHaveLength(heard + 1);
    const lines = await refusals();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!.details)).toEqual({ status: "rejected", reason: "unverified", note: null });
  });

  it("takes a typed reason of at most 200 characters, handing a longer one back, and tells it as typed", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo");
    await sec.pressLabel("Từ chối");
    const long = `Đồng chí ${"rất ".repeat(60)}xa`;
    const refused = await sec.say(long);
    expect(refused[0]!.text).toContain("quá dài");
    expect(refused[1]!.text).toBe(long.replace(/\s+/g, " "));
    expect(refused[2]!.text).toContain("Từ chối yêu cầu của đồng chí Lê Văn Bảo");
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("pending");
    const done = await sec.say("Đồng chí đang sinh hoạt ở Chi bộ Khu phố 5");
    expect(texts(done)).toContain("được báo lý do: Đồng chí đang sinh hoạt ở Chi bộ Khu phố 5");
    expect(bao.lastText()).toContain("Lý do bí thư nêu: Đồng chí đang sinh hoạt ở Chi bộ Khu phố 5.");
    expect(JSON.parse((await refusals())[0]!.details)).toMatchObject({ reason: null, note: "Đồng chí đang sinh hoạt ở Chi bộ Khu phố 5" });
  });

  it("tells an English-speaking applicant a picked reason in English", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo");
    await h.testDb.db.person.updateMany({ where: { fullName: "Lê Văn Bảo" }, data: { locale: "en" } });
    await sec.pressLabel("Từ chối");
    // A reason's own words, typed, pick it as its button does.
    await sec.say("không đúng chi bộ");
    expect(bao.lastText()).toContain("The secretary's reason: not this cell.");
  });

  it("shows the secretary, on a new request, when, by whom and why the person was refused before", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo");
    expect(sec.lastText()).not.toContain("trước đây");
    await sec.pressLabel("Từ chối");
    await sec.pressLabel("Từ chối: không đúng chi bộ");
    h.clock.advance(2 * 86_400_000);
    await bao.command("start", code);
    await bao.pressLabel("Gửi yêu cầu");
    await sec.pressLabel("Từ chối");
    await sec.pressLabel("Từ chối, không nêu lý do");
    h.clock.advance(86_400_000);
    await bao.command("start", code);
    await bao.pressLabel("Gửi yêu cầu");
    const history = "⚠️ Chi bộ đã từ chối đồng chí này trước đây:\n• 26/11/2026, Trần Thị Bình: không nêu lý do\n• 24/11/2026, Trần Thị Bình: không đúng chi bộ";
    expect(sec.lastText()).toContain("Lê Văn Bảo");
    expect(sec.lastText()).toContain(history);
    expect(texts(await sec.command("choduyet"))).toContain(history);
  });

  it("refused by one admin after the other approved: the approval stands", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo");
    await sec.pressLabel("Từ chối");
    // Meanwhile the same request is approved from another device.
    await sec.press(`ap:${(await membershipOf("Lê Văn Bảo")).id}`);
    const late = await sec.say("chưa xác minh được");
    expect(texts(late)).toContain("đã được xử lý trước đó (đã duyệt");
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("active");
    expect(await refusals()).toHaveLength(0);
  });
});

describe("an applicant still waiting", () => {
  it("is told that the request waits for the secretary, by every command of a cell; once refused, how to join", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    const an = h.user("2");
    await join(an, code, "Nguyễn Văn An");
    for (const command of ["thanhvien", "moi", "choduyet", "roichibo", "chibo"]) {
      expect(texts(await an.command(command))).toContain("Yêu cầu tham gia Chi bộ Khu phố 3 của đồng chí đang chờ bí thư duyệt");
    }
    await sec.pressLabel("Từ chối");
    await sec.pressLabel("Từ chối, không nêu lý do");
    expect(an.lastText()).not.toContain("Lý do");
    expect(texts(await an.command("thanhvien"))).toContain("chưa thuộc chi bộ nào");
  });
});

describe("a member's contact in the list", () => {
  async function cellOn(platform: Platform) {
    const sec = h.user("1", platform);
    const code = await createCell(sec);
    const an = h.user("2");
    await join(an, code, "Nguyễn Văn An");
    await sec.pressLabel("Duyệt");
    const bao = h.user("3");
    await join(bao, code, "Lê Văn Bảo", "0912 345 678");
    await sec.pressLabel("Duyệt");
    return sec;
  }

  it("on Telegram, opens a chat with a member who gave no phone; the card always does", async () => {
    const sec = await cellOn("telegram");
    const list = (await sec.command("thanhvien"))[0]!.text;
    expect(list).toContain("Nguyễn Văn An · đảng viên · Đảng viên chính thức · Công nhân\n   Liên lạc: Telegram: tg://user?id=2");
    expect(list).toContain("Lê Văn Bảo · đảng viên · Đảng viên chính thức · Công nhân\n   Liên lạc: 0912345678, Telegram\n");
    await sec.pressLabel(/Lê Văn Bảo/);
    expect(sec.lastText()).toContain("Liên lạc: 0912345678, Telegram: tg://user?id=3");
    // Members see no contacts, as before.
    expect((await h.user("2").command("thanhvien"))[0]!.text).not.toContain("Liên lạc");
  });

  it("on Zalo, says only what works there: the phone number, or that there is none", async () => {
    const sec = await cellOn("zalo");
    const list = (await sec.command("thanhvien"))[0]!.text;
    expect(list).not.toContain("tg://");
    expect(list).toContain("Nguyễn Văn An · đảng viên · Đảng viên chính thức · Công nhân\n   Liên lạc: chưa có số điện thoại, dùng Telegram");
    expect(list).toContain("Liên lạc: 0912345678, dùng Telegram");
    expect(list).toContain("Trần Thị Bình · bí thư · Đảng viên chính thức · Hưu trí\n   Liên lạc: chưa có số điện thoại, dùng Zalo");
  });
});

describe("typing again the command that began a dialogue", () => {
  it("shows the cell-creating question where it stands instead of stopping it", async () => {
    const sec = h.user("resume-1");
    await sec.command("taochibo");
    await sec.say("Khu phố 9");
    const again = await sec.command("taochibo");
    expect(again.map((m) => m.text).join("\n")).not.toContain("Đã dừng");
    expect(again.at(-1)!.text).toContain("đảng bộ nào");
  });
});

describe("several requests waiting at once", () => {
  it("lets the newest request's message decide the earlier ones too, by name, where only the latest message can be answered (Zalo)", async () => {
    const sec = h.user("1");
    const code = await createCell(sec);
    await join(h.user("2"), code, "Nguyễn Văn An");
    await join(h.user("3"), code, "Lê Văn Bảo");
    const latest = sec.inbox().at(-1)!;
    expect(latest.text).toContain("Lê Văn Bảo");
    expect(latest.text).toContain("Còn 1 yêu cầu khác đang chờ");
    expect(labels(latest)).toEqual(["Duyệt", "Từ chối", "Duyệt: Nguyễn Văn An", "Từ chối: Nguyễn Văn An"]);
    await sec.pressLabel("Duyệt: Nguyễn Văn An");
    expect((await membershipOf("Nguyễn Văn An")).status).toBe("active");
    expect((await membershipOf("Lê Văn Bảo")).status).toBe("pending");
    // /choduyet likewise: the last message carries every request still waiting.
    await join(h.user("4"), code, "Phạm Thị Cúc");
    const listed = await sec.command("choduyet");
    expect(listed).toHaveLength(2);
    expect(labels(listed.at(-1))).toEqual(["Duyệt", "Từ chối", "Duyệt: Lê Văn Bảo", "Từ chối: Lê Văn Bảo"]);
  });
});
