import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftStateSchema } from "../../../bot/core/features/reports/engine/draft-state.ts";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { templatesDir } from "../../unit/reports/helpers.ts";
import { answerShort, openRound, people, shortTemplate, shortTemplateV2, submit } from "./fixtures.ts";
import { createHarness, labelsOf, seedCell, textOf, type TestUser, type Harness } from "../../helpers/core-harness.ts";

async function draftOf(h: Harness, userId: string) {
  const personId = await h.user(userId).personId();
  const draft = await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId } });
  return { ...draft, parsed: draft.state ? draftStateSchema.parse(JSON.parse(draft.state)) : null };
}

describe("a member's report dialogue", () => {
  let h: Harness;
  let long: TestUser;
  beforeEach(async () => {
    h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    await seedCell(h, people);
    await openRound(h.user("bt"));
    await h.runOutbox();
    long = h.user("l");
  });
  afterEach(() => h.close());

  it("saves every message at once, gathers a long answer until «Xong», and explains an invalid answer", async () => {
    const first = await long.choose("Bắt đầu");
    expect(textOf(first)).toContain("Câu 1/4 · Ưu điểm");
    expect((await draftOf(h, "l")).status).toBe("drafting");
    await long.say("Phần đầu,");
    expect((await draftOf(h, "l")).parsed!.buffers["uu-diem"]).toEqual({ kind: "text", parts: ["Phần đầu,"] });
    await long.say("phần sau của câu trả lời.");
    expect(textOf(await long.choose("Xong"))).toContain("Câu 2/4 · Mức độ");
    expect((await draftOf(h, "l")).parsed!.answers["uu-diem"]).toEqual({ kind: "text", text: "Phần đầu,\n\nphần sau của câu trả lời." });
    const wrong = await long.say("Xuất sắc");
    expect(textOf(wrong)).toContain("«Xuất sắc» không khớp với phương án nào");
    expect(textOf(wrong)).toContain("Câu 2/4 · Mức độ");
    expect(textOf(await long.say("2"))).toContain("Câu 3/4 · Cam kết tự sửa");
    expect((await draftOf(h, "l")).parsed!.answers["muc-do"]).toEqual({ kind: "single", option: "kha" });
  });

  it("explains stickers and photos and changes nothing", async () => {
    await long.choose("Bắt đầu");
    await long.say("Một đoạn đã viết");
    const before = await draftOf(h, "l");
    const answer = await long.send({ kind: "unsupported", what: "sticker" });
    expect(textOf(answer)).toContain("Bot chỉ đọc được tin nhắn chữ và các lựa chọn");
    expect(textOf(answer)).toContain("Câu 1/4 · Ưu điểm");
    const after = await draftOf(h, "l");
    expect(after.state).toBe(before.state);
    expect(after.version).toBe(before.version);
  });

  it("keeps the draft through /huy and continues exactly there from /baocao", async () => {
    await long.choose("Bắt đầu");
    await long.say("Luôn hoàn thành nhiệm vụ.");
    await long.say("xong");
    await long.say("Một phần cam kết");
    expect(textOf(await long.command("huy"))).toContain("Đã dừng");
    // Outside the dialogue, text is no longer taken as an answer.
    await long.say("Tin nhắn không liên quan");
    expect((await draftOf(h, "l")).parsed!.buffers["muc-do"]).toBeUndefined();
    const list = await long.command("baocao");
    expect(textOf(list)).toContain("«Tự kiểm tra hằng quý» — hạn 23:59 20/12/2026: đang làm dở");
    const resumed = await long.choose("Làm tiếp: Tự kiểm tra hằng quý");
    expect(textOf(resumed)).toContain("Tiếp tục bản «Tự kiểm tra hằng quý».");
    // The question it stopped at (muc-do was not answered yet; the text went nowhere).
    expect(textOf(resumed)).toContain("Câu 2/4 · Mức độ");
  });

  it("pauses with «Lưu, làm tiếp sau», and an old button then offers to continue without changing anything", async () => {
    await long.choose("Bắt đầu");
    await long.say("Đang viết dở");
    const ack = long.inbox().at(-1)!;
    const paused = await long.choose("Lưu, làm tiếp sau");
    // It says how to come back, and offers to go on at once.
    expect(textOf(paused)).toContain("Đã lưu bản nháp. Khi thuận tiện, đồng chí gõ /baocao");
    expect(labelsOf(paused)).toEqual(["Làm tiếp ngay"]);
    const before = await draftOf(h, "l");
    const done = ack.choices!.flat().find((c) => c.label === "Xong")!;
    const answer = await long.press(done.data);
    expect(textOf(answer)).toContain("đang tạm dừng; chưa có gì thay đổi");
    expect(labelsOf(answer)).toEqual(["Làm tiếp"]);
    expect((await draftOf(h, "l")).state).toBe(before.state);
    const resumed = await long.choose("Làm tiếp");
    // What was typed is shown again, not only how long it was.
    expect(textOf(resumed)).toContain("Phần đồng chí đã viết nhưng chưa chọn «Xong» (vẫn được giữ): «Đang viết dở»");
  });

  it("continues where the member was after the bot restarts", async () => {
    await long.choose("Bắt đầu");
    await long.say("Trước khi khởi động lại,");
    await h.restart();
    const after = await long.say("sau khi khởi động lại.");
    expect(textOf(after)).toContain("Đã ghi nhận (48 ký tự)");
    await long.say("xong");
    expect((await draftOf(h, "l")).parsed!.answers["uu-diem"]).toEqual({ kind: "text", text: "Trước khi khởi động lại,\n\nsau khi khởi động lại." });
  });

  it("keeps two devices from overwriting each other and answers the older device's button politely", async () => {
    await long.choose("Bắt đầu");
    const personId = await long.personId();
    await h.deps.db.identity.create({ data: { personId, platform: "zalo", userId: "l-zalo", chatId: "l-zalo" } });
    const phone = h.user("l-zalo", "zalo");
    // Both devices type at the same moment: both pieces are kept, in some order, none lost.
    await Promise.all([long.say("Từ Telegram."), phone.say("Từ Zalo.")]);
    const buffer = (await draftOf(h, "l")).parsed!.buffers["uu-diem"];
    expect(buffer?.kind === "text" && [...buffer.parts].sort()).toEqual(["Từ Telegram.", "Từ Zalo."]);
    const stale = long.inbox().at(-1)!.choices!.flat().find((c) => c.label === "Xong")!;
    await phone.say("xong");
    await phone.say("1");
    const before = await draftOf(h, "l");
    expect(before.parsed!.stepId).toBe("cam-ket");
    const answer = await long.press(stale.data);
    expect(textOf(answer)).toContain("thuộc một câu hỏi trước nên không còn dùng được; chưa có gì thay đổi");
    expect(textOf(answer)).toContain("Câu 3/4 · Cam kết tự sửa");
    expect((await draftOf(h, "l")).state).toBe(before.state);
  });

  it("refuses another member's draft and an admin's proxy on a submitted report", async () => {
    const draft = await draftOf(h, "l");
    expect(textOf(await h.user("m").press(`bc:go:${draft.id}`))).toContain("Không tìm thấy");
    expect(textOf(await h.user("cu").press(`bc:px:${draft.id}`))).toContain("chỉ bí thư (hoặc phó bí thư)");
    await long.choose("Bắt đầu");
    await answerShort(long);
    await submit(long);
    expect(textOf(await h.user("bt").press(`bc:px:${draft.id}`))).toContain("không nhập hộ được nữa");
    expect(textOf(await long.press(`bc:go:${draft.id}`))).toContain("đang chờ bí thư tiếp nhận");
  });

  it("shows the same question again after /help, without changing the draft", async () => {
    await long.choose("Bắt đầu");
    await long.say("Một đoạn");
    const before = await draftOf(h, "l");
    const help = await long.command("help");
    expect(textOf(help)).toContain("/baocao");
    expect(textOf(help)).toContain("Câu 1/4 · Ưu điểm");
    expect((await draftOf(h, "l")).version).toBe(before.version);
  });

  it("shows the question it stands at when /baocao is typed in the middle, without stopping anything", async () => {
    await long.choose("Bắt đầu");
    await long.say("Một đoạn");
    const before = await draftOf(h, "l");
    const again = await long.command("baocao");
    expect(textOf(again)).not.toContain("Đã dừng");
    expect(textOf(again)).toContain("Câu 1/4 · Ưu điểm");
    expect(textOf(again)).toContain("«Một đoạn»");
    expect((await draftOf(h, "l")).version).toBe(before.version);
    // Still in the report: the next message is an answer.
    await long.say("và đoạn sau.");
    expect((await draftOf(h, "l")).parsed!.buffers["uu-diem"]).toEqual({ kind: "text", parts: ["Một đoạn", "và đoạn sau."] });
  });
});

describe("a draft across template versions", () => {
  it("keeps every answer when the operator publishes a new version, and asks only the new question", async () => {
    const h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] })], captureLogs: true });
    try {
      await seedCell(h, people);
      await openRound(h.user("bt"));
      const long = h.user("l");
      await long.command("baocao");
      await long.choose("Bắt đầu: Tự kiểm tra hằng quý");
      await long.say("Luôn hoàn thành nhiệm vụ.");
      await long.say("xong");
      await long.choose("Tốt");
      // A restart with version 2 of the template (a new file in the folder).
      await h.restart([createReportsFeature({ templates: [shortTemplate, shortTemplateV2] })]);
      // /baocao in the middle of the report takes the member back to it, on the new version.
      const resumed = await long.command("baocao");
      expect(textOf(resumed)).toContain("vừa được cập nhật (phiên bản 2)");
      expect(textOf(resumed)).toContain("Câu 3/5 · Cam kết tự sửa");
      const draft = await h.deps.db.reportDraft.findFirstOrThrow({ where: { personId: await long.personId() } });
      const state = draftStateSchema.parse(JSON.parse(draft.state!));
      expect(state.templateVersion).toBe(2);
      expect(state.answers["uu-diem"]).toEqual({ kind: "text", text: "Luôn hoàn thành nhiệm vụ." });
    } finally {
      await h.close();
    }
  });
});

describe("the shipped template 1 for a member holding a post", () => {
  it("asks about the post first and then the questions of variant A", async () => {
    const { templates } = loadTemplatesFromDir(templatesDir);
    const h = await createHarness({ features: [createReportsFeature({ templates })], captureLogs: true });
    try {
      await seedCell(h, people);
      await openRound(h.user("bt"), { template: /Giữ trọn lời thề/ });
      await h.runOutbox();
      const an = h.user("pbt");
      const first = await an.choose("Bắt đầu");
      expect(textOf(first)).toContain("Câu 1/12 · Giữ chức vụ lãnh đạo, quản lý");
      const afterYes = await an.choose("Có");
      expect(textOf(afterYes)).toContain("Vì đồng chí đang giữ chức vụ");
      // Two more questions apply to members holding a post: whether they made promises, and the leadership remedies.
      expect(textOf(afterYes)).toContain("Câu 2/14 · Thực hiện nhiệm vụ thứ nhất");
      expect(textOf(afterYes)).toContain("Trích nguyên văn Điều 2 Điều lệ Đảng, nhiệm vụ thứ nhất:");
    } finally {
      await h.close();
    }
  });
});
