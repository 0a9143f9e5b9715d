import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCellName, checkPersonName, checkPhone, formatInviteCode, generateInviteCode, looksLikeLink, normalizeInviteCode } from "../../../bot/core/domain/validation.ts";
import { cleanText } from "../../../bot/lib/text.ts";
import { matchOption } from "../../../bot/core/kernel/dialogue/steps.ts";

describe("names", () => {
  it("accepts a Vietnamese full name and tidies spaces", () => {
    expect(checkPersonName("  Nguyễn   Thị  Minh Khai ")).toEqual({ ok: true, value: "Nguyễn Thị Minh Khai" });
  });
  it.each([
    ["", "invalid-empty"],
    ["A", "invalid-too-short"],
    ["x".repeat(300), "invalid-too-long"],
    ["12345", "invalid-no-letters"],
    ["/start", "invalid-looks-like-command"],
    ["Nguyễn Văn 2", "invalid-name-digits"],
  ])("refuses %j with %s", (raw, reason) => {
    expect(checkPersonName(raw)).toMatchObject({ ok: false, reason });
  });
  it("puts «Chi bộ» in front of a bare cell name only", () => {
    expect(checkCellName("Khu phố 3")).toEqual({ ok: true, value: "Chi bộ Khu phố 3" });
    expect(checkCellName("chi bộ Khu phố 3")).toEqual({ ok: true, value: "chi bộ Khu phố 3" });
    expect(checkCellName("Chi bo thon 2")).toEqual({ ok: true, value: "Chi bo thon 2" });
    expect(checkCellName("Tổ đảng số 1")).toEqual({ ok: true, value: "Tổ đảng số 1" });
  });
});

describe("phone numbers", () => {
  it.each([
    ["0912 345 678", "0912345678"],
    ["+84 912.345.678", "+84912345678"],
    ["024-3825-1234", "02438251234"],
  ])("accepts %s", (raw, value) => expect(checkPhone(raw)).toEqual({ ok: true, value }));
  it.each(["abc", "12345", "0912345678901234", "09x2345678"])("refuses %s", (raw) => expect(checkPhone(raw).ok).toBe(false));
});

describe("invite codes", () => {
  it("carry 80 random bits in 16 unambiguous characters", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateInviteCode(randomBytes)));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });
  it("encodes bytes exactly", () => {
    expect(generateInviteCode(() => new Uint8Array(10))).toBe("0000000000000000");
    expect(generateInviteCode(() => new Uint8Array(10).fill(255))).toBe("ZZZZZZZZZZZZZZZZ");
  });
  it("reads a code typed by hand: any case, dashes or spaces, O for 0 and I or L for 1", () => {
    expect(normalizeInviteCode("abcd-efgh jkmn_pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(normalizeInviteCode("oooo iiii llll 0000")).toBe("0000111111110000");
    expect(normalizeInviteCode("ABCD")).toBeNull();
    expect(normalizeInviteCode("ABCDEFGHJKMNPQRU")).toBeNull();
    expect(formatInviteCode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
  });
});

describe("matching typed text to options", () => {
  const options = [
    { value: "official", label: "Đảng viên chính thức" },
    { value: "probationary", label: "Đảng viên dự bị" },
  ];
  it.each([
    ["1", "official"],
    ["2.", "probationary"],
    ["số 2", "probationary"],
    ["Đảng viên dự bị", "probationary"],
    ["dang vien du bi", "probationary"],
    ["chính thức", "official"],
  ])("reads %j as %s", (text, value) => expect(matchOption(text, options)).toBe(value));
  it.each(["3", "đảng viên", "xyz", ""])("does not guess from %j", (text) => expect(matchOption(text, options)).toBeNull());
});

describe("cleanText and links in names", () => {
  it("composes, keeps line breaks, and drops what cannot be seen", () => {
    expect(cleanText("Nguye\u0302\u0303n")).toBe("Nguyễn");
    expect(cleanText("a\r\nb\rc\td")).toBe("a\nb\nc d");
    expect(cleanText("\u202Egpj.exe\u2066x\u2069\u200Bz\uFEFF\u0000\u0085\u00AD")).toBe("gpj.exexz");
  });

  it("sees a link where a messenger would make one, and not in an initial", () => {
    for (const link of ["https://x.org", "www.abc", "t.me/kenh", "@kenhtintuc", "vao ban.vn ngay", "Lê x.com"]) expect(looksLikeLink(link)).toBe(true);
    for (const name of ["Nguyễn T.Hoa", "Chi bộ 3.2", "Tổ 5.A", "an@gmail"]) expect(looksLikeLink(name)).toBe(false);
    expect(checkPersonName("Nguyễn Văn An www.x")).toEqual({ ok: false, reason: "invalid-name-link" });
    expect(checkCellName("Khu phố 3 t.me/x")).toEqual({ ok: false, reason: "invalid-name-link" });
  });
});
