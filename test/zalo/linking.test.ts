import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCore } from "../../bot/core/kernel/app.ts";
import { linkingFeature } from "../../bot/core/features/linking/index.ts";
import { hashLinkCode } from "../../bot/core/features/linking/service.ts";
import type { InboundInput, OutboundMessage, Platform } from "../../bot/core/contract/messages.ts";
import { notifyPerson } from "../../bot/core/delivery/notify.ts";
import { createHarness, type Harness, type RecordingMessenger } from "../helpers/core-harness.ts";
import type { TestDb } from "../helpers/db.ts";
import { type CoreDeps } from "../../bot/core/deps.ts";
import { membershipFeature } from "../../bot/core/features/membership/index.ts";

let h: Harness;
let testDb: TestDb;
let deps: CoreDeps;
let tg: RecordingMessenger;
let zl: RecordingMessenger;

beforeEach(async () => {
  h = await createHarness({ features: [linkingFeature] });
  ({ testDb, deps, messenger: tg, zalo: zl } = h);
});
afterEach(() => h.close());

async function send(platform: Platform, userId: string, input: InboundInput): Promise<OutboundMessage[]> {
  const messenger = platform === "telegram" ? tg : zl;
  const before = messenger.inbox(userId).length;
  await h.core.handle({ platform, userId, chatId: userId, input });
  return messenger.inbox(userId).slice(before);
}
const cmd = (platform: Platform, userId: string, command: string, args = "") => send(platform, userId, { kind: "command", command, args });
const press = (platform: Platform, userId: string, data: string) => send(platform, userId, { kind: "choice", data });
const say = (platform: Platform, userId: string, text: string) => send(platform, userId, { kind: "text", text });
const textOf = (messages: OutboundMessage[]) => messages.map((m) => m.text).join("\n---\n");
const codeIn = (text: string) => /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? null;

/** A member with a cell, on Telegram. */
async function member(userId: string, data: { fullName?: string; phone?: string | null } = {}) {
  const cell = await testDb.db.cell.create({ data: { name: `Chi bộ ${userId}` } });
  return testDb.db.person.create({
    data: {
      fullName: data.fullName ?? "Trần Thị Bình",
      partyStatus: "official",
      category: "huu_tri",
      phone: data.phone ?? null,
      identities: { create: { platform: "telegram", userId, chatId: userId } },
      memberships: { create: { cellId: cell.id, status: "active", role: "secretary" } },
    },
  });
}

async function codeFor(platform: Platform, userId: string): Promise<string> {
  const menu = await cmd(platform, userId, "lienket");
  expect(menu[0]!.choices?.flat().map((c) => c.label)).toEqual(["Lấy mã liên kết", "Nhập mã liên kết"]);
  const out = await press(platform, userId, "lk:new");
  const code = codeIn(textOf(out));
  expect(code).not.toBeNull();
  return code!;
}

describe("linking a Zalo account to a member on Telegram", () => {
  it("moves the new account to the member, who then has one profile on both messengers", async () => {
    const bình = await member("100", { phone: null });
    const code = await codeFor("telegram", "100");
    expect(textOf(tg.inbox("100"))).toContain("mở bot trên Zalo và gõ:\nlienket " + code);
    // On Zalo the first contact made an empty person, who answered one question before linking.
    await cmd("zalo", "z1", "start");
    await testDb.db.person.updateMany({ where: { identities: { some: { platform: "zalo" } } }, data: { phone: "0912345678" } });
    const out = await cmd("zalo", "z1", "lienket", code.toLowerCase());
    expect(textOf(out)).toContain("Đã liên kết");
    const identities = await testDb.db.identity.findMany({ orderBy: { platform: "asc" } });
    expect(identities.map((i) => [i.platform, i.userId, i.personId])).toEqual([
      ["telegram", "100", bình.id],
      ["zalo", "z1", bình.id],
    ]);
    // The empty person is gone; what it knew that the member lacked is kept.
    expect(await testDb.db.person.count()).toBe(1);
    expect(await testDb.db.person.findUniqueOrThrow({ where: { id: bình.id } })).toMatchObject({ fullName: "Trần Thị Bình", phone: "0912345678" });
    // The Telegram account hears of it, and Zalo now offers where notifications go.
    expect(tg.inbox("100").at(-1)?.text).toContain("Tài khoản Zalo vừa được liên kết");
    expect(out.at(-1)?.choices?.flat()).toEqual([
      { label: "Telegram", data: "lk:pref:telegram" },
      { label: "Zalo", data: "lk:pref:zalo" },
    ]);
    // Zalo now acts as the member: /hoso shows the Telegram profile.
    expect(textOf(await cmd("zalo", "z1", "hoso"))).toContain("Trần Thị Bình");
    expect(await testDb.db.auditLog.count({ where: { action: "person.identity_linked", actorPersonId: bình.id } })).toBe(1);
  });

  it("stores only a hash of the code, and a code works once", async () => {
    await member("100");
    const code = await codeFor("telegram", "100");
    const row = await testDb.db.linkCode.findFirstOrThrow();
    expect(row.code).toBe(hashLinkCode(code.replaceAll("-", "")));
    expect(row.code).not.toContain(code.replaceAll("-", ""));
    expect(textOf(await cmd("zalo", "z1", "lienket", code))).toContain("Đã liên kết");
    expect(textOf(await cmd("zalo", "z2", "lienket", code))).toContain("đã được dùng");
    expect(await testDb.db.identity.findFirstOrThrow({ where: { userId: "z2" } })).not.toMatchObject({ personId: row.personId });
  });

  it("refuses an expired, unknown, malformed or own code", async () => {
    await member("100");
    const code = await codeFor("telegram", "100");
    expect(textOf(await cmd("telegram", "100", "lienket", code))).toContain("chính tài khoản này");
    expect(textOf(await cmd("zalo", "z1", "lienket", "ABCD-EFGH-JKMN-PQRS"))).toContain("Không có mã liên kết này");
    expect(textOf(await cmd("zalo", "z1", "lienket", "12"))).toContain("16 chữ và số");
    h.clock.advance(16 * 60_000);
    expect(textOf(await cmd("zalo", "z1", "lienket", code))).toContain("đã hết hạn");
    expect(await testDb.db.identity.count({ where: { platform: "zalo" } })).toBe(1);
    expect(await testDb.db.person.count()).toBe(2);
  });

  it("makes an earlier code stop working when a new one is asked for", async () => {
    await member("100");
    const first = await codeFor("telegram", "100");
    const second = await codeFor("telegram", "100");
    expect(textOf(await cmd("zalo", "z1", "lienket", first))).toContain("Không có mã liên kết này");
    expect(textOf(await cmd("zalo", "z1", "lienket", second))).toContain("Đã liên kết");
  });

  it("accepts the code typed after «Nhập mã liên kết», asking again for something that is not a code", async () => {
    const bình = await member("100");
    const code = await codeFor("telegram", "100");
    expect(textOf(await press("zalo", "z1", "lk:enter"))).toContain("gõ mã liên kết");
    expect(textOf(await say("zalo", "z1", "không nhớ"))).toContain("16 chữ và số");
    expect(textOf(await send("zalo", "z1", { kind: "unsupported", what: "sticker" }))).toContain("gõ mã liên kết");
    expect(textOf(await say("zalo", "z1", code))).toContain("Đã liên kết");
    expect((await testDb.db.identity.findFirstOrThrow({ where: { userId: "z1" } })).personId).toBe(bình.id);
    expect(await testDb.db.dialogueState.count()).toBe(0);
  });

  it("refuses the other way round (a code from a new account typed by a member), which would hand a stranger the member's profile", async () => {
    const bình = await member("100");
    const code = await codeFor("zalo", "z1");
    expect(textOf(zl.inbox("z1"))).toContain("mở bot trên Telegram");
    expect(textOf(await cmd("telegram", "100", "lienket", code))).toContain("Mã liên kết phải được lấy trên tài khoản đồng chí đang dùng trong chi bộ");
    expect((await testDb.db.identity.findFirstOrThrow({ where: { userId: "z1" } })).personId).not.toBe(bình.id);
    expect(await testDb.db.person.count()).toBe(2);
    expect((await testDb.db.linkCode.findFirstOrThrow()).usedAt).toBeNull();
  });

  it("refuses politely when both accounts already belong to a cell, changing nothing", async () => {
    await member("100");
    const other = await member("200", { fullName: "Lê Văn Bảo" });
    await testDb.db.identity.updateMany({ where: { userId: "200" }, data: { platform: "zalo", userId: "z2", chatId: "z2" } });
    const code = await codeFor("telegram", "100");
    expect(textOf(await cmd("zalo", "z2", "lienket", code))).toContain("cả hai tài khoản đều đã có hồ sơ trong chi bộ");
    expect((await testDb.db.identity.findFirstOrThrow({ where: { userId: "z2" } })).personId).toBe(other.id);
    expect(await testDb.db.person.count()).toBe(2);
    expect((await testDb.db.linkCode.findFirstOrThrow()).usedAt).toBeNull();
  });
});

describe("where notifications go", () => {
  it("follows the messenger the member chose", async () => {
    const bình = await member("100");
    expect(textOf(await cmd("telegram", "100", "kenhnhan"))).toContain("liên kết tài khoản Zalo trước bằng /lienket");
    expect(textOf(await cmd("telegram", "100", "kenhnhan", "zalo"))).toContain("chưa có tài khoản Zalo");
    await cmd("zalo", "z1", "lienket", await codeFor("telegram", "100"));
    const ask = await cmd("telegram", "100", "kenhnhan");
    expect(ask[0]!.text).toContain("đang gửi về");
    expect(textOf(await press("telegram", "100", "lk:pref:zalo"))).toContain("Từ nay thông báo sẽ gửi về Zalo");
    expect((await testDb.db.person.findUniqueOrThrow({ where: { id: bình.id } })).preferredPlatform).toBe("zalo");
    await notifyPerson(deps, bình.id, () => ({ text: "Nhắc lịch sinh hoạt" }), "test");
    expect(zl.inbox("z1").at(-1)?.text).toBe("Nhắc lịch sinh hoạt");
    expect(tg.inbox("100").some((m) => m.text === "Nhắc lịch sinh hoạt")).toBe(false);
    // Typed on the other messenger, by name.
    expect(textOf(await cmd("zalo", "z1", "kenhnhan", "Telegram"))).toContain("gửi về Telegram");
    await notifyPerson(deps, bình.id, () => ({ text: "Kết quả duyệt" }), "test");
    expect(tg.inbox("100").at(-1)?.text).toBe("Kết quả duyệt");
    expect(await testDb.db.auditLog.count({ where: { action: "person.preferred_platform_changed" } })).toBe(2);
  });
});

describe("with one messenger running", () => {
  it("says there is nothing to link and keeps /help free of it", async () => {
    const only = createCore({ ...deps, messengers: new Map([["telegram", tg]]) }, [linkingFeature, membershipFeature]);
    await member("100");
    await only.handle({ platform: "telegram", userId: "100", chatId: "100", input: { kind: "command", command: "lienket", args: "" } });
    expect(tg.inbox("100").at(-1)?.text).toBe("Bot hiện chỉ chạy trên Telegram, nên chưa có tài khoản nào khác để liên kết.");
    await only.handle({ platform: "telegram", userId: "100", chatId: "100", input: { kind: "command", command: "help", args: "" } });
    expect(tg.inbox("100").at(-1)?.text).not.toContain("/lienket");
    expect(await testDb.db.linkCode.count()).toBe(0);
    // Both running: /help mentions it.
    await cmd("telegram", "100", "help");
    expect(tg.inbox("100").at(-1)?.text).toContain("/lienket");
  });
});
