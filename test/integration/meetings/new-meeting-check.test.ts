/**
 * Issue 10, meetings: the check before a new meeting is saved offers «Sửa …» per field, which asks
 * that question again and comes back to the check with every other answer kept; and the monthly
 * rule is worded in the reader's language.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import { createHarness, labels, texts, type Harness, type TestUser } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [meetingsFeature] });
  h.clock.now = new Date("2026-11-24T02:00:00Z"); // 09:00 in Hà Nội
});
afterEach(async () => {
  await h.close();
});

async function secretary(): Promise<TestUser> {
  const sec = h.user("1");
  await sec.command("taochibo");
  await sec.say("Khu phố 3");
  await sec.pressLabel("Bỏ qua");
  await sec.say("Trần Thị Bình");
  await sec.pressLabel("Đảng viên chính thức");
  await sec.pressLabel("Hưu trí");
  await sec.pressLabel("Bỏ qua");
  return sec;
}

/** The secretary at the check of a new forum on 5/12 at 19:30. */
async function atCheck(sec: TestUser) {
  await sec.command("hop");
  await sec.pressLabel("Thêm cuộc họp (chuyên đề, diễn đàn…)");
  await sec.pressLabel("Diễn đàn");
  await sec.say("Diễn đàn về công tác dân vận");
  await sec.pressLabel("Bỏ qua");
  await sec.say("5/12 19h30");
  await sec.say("Nhà văn hóa khu phố 3");
  await sec.pressLabel("Bỏ qua");
  await sec.pressLabel("Bỏ qua");
  const check = await sec.pressLabel("Xong, không thêm tài liệu");
  expect(check[0]!.text).toContain("kiểm tra lại");
  return check[0]!;
}

const step = async () => (await h.testDb.db.dialogueState.findFirst())?.step ?? null;

describe("the check before a new meeting is saved", () => {
  it("offers «Sửa …» per field, two to a row, besides saving and cancelling", async () => {
    const check = await atCheck(await secretary());
    expect(check.text).toContain("chọn «Sửa …» mục đó");
    expect(labels(check)).toEqual(["Lưu và thông báo", "Sửa loại họp", "Sửa tên", "Sửa chủ đề", "Sửa ngày giờ", "Sửa địa điểm", "Sửa nội dung", "Sửa phần chuẩn bị", "Thêm tài liệu", "Hủy"]);
    expect(check.choices!.map((row) => row.length)).toEqual([1, 2, 2, 2, 2, 1]);
  });

  it("asks the one question again and comes back to the check with the rest kept; the meeting saved is the corrected one", async () => {
    const sec = await secretary();
    await atCheck(sec);
    const asked = await sec.pressLabel("Sửa tên");
    expect(asked[0]!.text).toContain("Tên cuộc họp?");
    const back = await sec.say("Diễn đàn: Dân vận khéo ở khu dân cư");
    expect(back[0]!.text).toContain("kiểm tra lại");
    expect(back[0]!.text).toContain("Diễn đàn: Dân vận khéo ở khu dân cư");
    expect(back[0]!.text).toContain("📍 Địa điểm: Nhà văn hóa khu phố 3");
    expect(back[0]!.text).toContain("19:30, thứ Bảy 05/12/2026");

    // A date typed with its time needs no time question: straight back to the check, not on to the place.
    await sec.pressLabel("Sửa ngày giờ");
    const moved = await sec.say("6/12 8h");
    expect(moved).toHaveLength(1);
    expect(moved[0]!.text).toContain("kiểm tra lại");
    expect(moved[0]!.text).toContain("08:00, Chủ nhật 06/12/2026");

    // An optional answer may be taken away; typed, the option's words do as its button.
    await sec.say("Sửa địa điểm");
    expect(await step()).toBe("place");
    const placeless = await sec.pressLabel("Bỏ qua");
    expect(placeless[0]!.text).not.toContain("Địa điểm:");

    expect(texts(await sec.pressLabel("Lưu và thông báo"))).toContain("Đã lưu cuộc họp lúc 08:00, Chủ nhật 06/12/2026");
    const saved = await h.testDb.db.meeting.findFirstOrThrow();
    expect(saved).toMatchObject({ title: "Diễn đàn: Dân vận khéo ở khu dân cư", place: null, kind: "dien_dan", startsAt: new Date("2026-12-06T01:00:00Z") });
    expect(await step()).toBeNull();
  });

  it("refuses a forged «Sửa» as it refuses a typed answer that fits no option, and nothing moves", async () => {
    const sec = await secretary();
    await atCheck(sec);
    const forged = await sec.press("d:confirm:edit-cellId");
    expect(forged[0]!.text).toContain("kiểm tra lại");
    expect(await step()).toBe("confirm");
    const typed = await sec.say("sửa ngày sinh");
    expect(typed[0]!.text).toContain("kiểm tra lại");
    expect(await step()).toBe("confirm");
    expect(await h.testDb.db.meeting.count()).toBe(0);
  });
});

describe("the monthly rule", () => {
  it("is worded in the secretary's language, when saved and on the panel", async () => {
    const sec = await secretary();
    await sec.command("ngonngu");
    await sec.pressLabel("English");
    await sec.command("hop");
    await sec.pressLabel("Set the monthly meeting");
    await sec.say("thứ Năm cuối tháng 14h");
    const saved = texts(await sec.say("Nhà văn hóa khu phố 3"));
    expect(saved).toContain("Regular meeting set: the last Thursday of the month, at 14:00.");
    const panel = texts(await sec.command("hop"));
    expect(panel).toContain("Regular meeting: the last Thursday of the month, at 14:00; place: Nhà văn hóa khu phố 3.");
    expect(panel).not.toContain("cuối");
  });
});
