/**
 * A forged or outdated button meets the checks a typed answer meets: a picked day obeys the date
 * limits, an id must belong to the presser's cell, and nothing is saved when it is refused.
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

const tooFar = "quá xa";
const past = "đã qua";
const impossible = "không có thật";
const unclear = "chưa hiểu thời gian này";

/** A new cell with its secretary; returns her and the invite code. */
async function cell(userId: string, name: string, secretary: string) {
  const sec = h.user(userId);
  await sec.command("taochibo");
  await sec.say(name);
  await sec.pressLabel("Bỏ qua");
  await sec.say(secretary);
  await sec.pressLabel("Đảng viên chính thức");
  await sec.pressLabel("Hưu trí");
  const out = await sec.pressLabel("Bỏ qua");
  return { sec, code: /: ([0-9A-Z-]{19})/.exec(texts(out))![1]! };
}

async function join(member: TestUser, code: string, name: string, sec: TestUser) {
  await member.command("start", code);
  await member.say(name);
  await member.pressLabel("Đảng viên chính thức");
  await member.pressLabel("Hưu trí");
  await member.pressLabel("Bỏ qua");
  await member.pressLabel("Gửi yêu cầu");
  await sec.pressLabel("Duyệt");
}

/** The secretary at the date question of a new meeting. */
async function atDateQuestion(sec: TestUser) {
  await sec.command("hop");
  await sec.pressLabel("Thêm cuộc họp (chuyên đề, diễn đàn…)");
  await sec.pressLabel("Diễn đàn");
  await sec.say("Diễn đàn về công tác dân vận");
  const asked = await sec.pressLabel("Bỏ qua");
  expect(asked[0]!.text).toContain("Ngày họp?");
}

const dialogueStep = async (userId: string) => {
  const identity = await h.testDb.db.identity.findFirstOrThrow({ where: { userId } });
  return (await h.testDb.db.dialogueState.findUnique({ where: { personId: identity.personId } }))?.step ?? null;
};

describe("a picked day", () => {
  it.each([
    ["far in the future", "2999-12-31", "31/12/2999", tooFar],
    ["in the past", "2020-01-01", "1/1/2020", past],
    ["that does not exist", "2026-02-30", "30/2/2026", impossible],
  ])("%s is refused with the words the typed day gets, and nothing is saved", async (_what, day, typedDay, words) => {
    const { sec } = await cell("1", "Khu phố 3", "Trần Thị Bình");
    await atDateQuestion(sec);
    const forged = await sec.press(`d:date:day:${day}`);
    expect(forged).toHaveLength(1);
    expect(forged[0]!.text).toContain(words);
    expect(forged[0]!.text).toContain("Ngày họp?");
    expect(await dialogueStep("1")).toBe("date");
    const typed = await sec.say(typedDay);
    expect(typed[0]!.text).toBe(forged[0]!.text);
    expect(await dialogueStep("1")).toBe("date");
    expect(await h.testDb.db.meeting.count()).toBe(0);
  });

  it("that is malformed is refused as unreadable words are", async () => {
    const { sec } = await cell("1", "Khu phố 3", "Trần Thị Bình");
    await atDateQuestion(sec);
    const forged = await sec.press("d:date:day:not-a-day");
    expect(forged[0]!.text).toContain(unclear);
    expect((await sec.say("not-a-day"))[0]!.text).toBe(forged[0]!.text);
    expect(await dialogueStep("1")).toBe("date");
  });

  it("that is offered goes on to the time, and a forged time is refused like a typed one", async () => {
    const { sec } = await cell("1", "Khu phố 3", "Trần Thị Bình");
    await atDateQuestion(sec);
    const asked = await sec.pressLabel("T3 01/12");
    expect(asked[0]!.text).toContain("Mấy giờ?");
    const forged = await sec.press("d:time:25:99");
    expect(forged[0]!.text).toContain(impossible);
    expect((await sec.say("25:99"))[0]!.text).toBe(forged[0]!.text);
    expect((await sec.pressLabel("19:30"))[0]!.text).toContain("Địa điểm họp?");
  });

  it("cannot move a meeting years ahead", async () => {
    const { sec } = await cell("1", "Khu phố 3", "Trần Thị Bình");
    await sec.command("hop");
    await sec.pressLabel("Đặt lịch định kỳ hằng tháng");
    await sec.say("ngày 5 hằng tháng 19h30");
    await sec.pressLabel("Bỏ qua");
    const december = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    await sec.press(`mt:v:${december.id}`);
    await sec.pressLabel("Đổi giờ");
    const forged = await sec.press("d:moveDate:day:2999-12-31");
    expect(forged[0]!.text).toContain(tooFar);
    expect(await dialogueStep("1")).toBe("moveDate");
    const unchanged = await h.testDb.db.meeting.findUniqueOrThrow({ where: { id: december.id } });
    expect(unchanged).toMatchObject({ startsAt: december.startsAt, version: 1 });
  });
});

describe("ids from buttons", () => {
  it("of another cell's meeting or member are refused, and nothing is written", async () => {
    const { sec: bình, code } = await cell("1", "Khu phố 3", "Trần Thị Bình");
    await join(h.user("2"), code, "Nguyễn Văn An", bình);
    const { sec: other } = await cell("9", "Khu phố 7", "Đỗ Văn Mười");
    await bình.command("hop");
    await bình.pressLabel("Đặt lịch định kỳ hằng tháng");
    await bình.say("ngày 5 hằng tháng 19h30");
    await bình.pressLabel("Bỏ qua");
    const meeting = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    const an = await h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName: "Nguyễn Văn An" } } });

    expect(texts(await other.press(`mt:v:${meeting.id}`))).toContain("không phải thành viên");
    expect(texts(await other.press(`mt:pa:${meeting.id}:${an.id}:o`))).toContain("không phải thành viên");
    expect(texts(await other.press(`mt:a:${meeting.id}`))).toContain("không phải thành viên");
    // Bình's own meeting with a member of the other cell: stale, nothing recorded.
    const otherSecretary = await h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName: "Đỗ Văn Mười" } } });
    expect(texts(await bình.press(`mt:pa:${meeting.id}:${otherSecretary.id}:a`))).toContain("Nút này đã cũ");
    expect(texts(await bình.press(`mt:pm:${meeting.id}:${otherSecretary.id}`))).toContain("Nút này đã cũ");
    // A value the declaration does not allow never reaches the feature.
    expect(texts(await bình.press(`mt:pa:${meeting.id}:${an.id}:z`))).toContain("Nút này đã cũ");
    expect(texts(await bình.press(`mt:r:${meeting.id}:x`))).toContain("Nút này đã cũ");
    expect(await h.testDb.db.meetingResponse.count()).toBe(0);
  });
});

describe("the attendance checklist", () => {
  async function heldMeeting() {
    const { sec, code } = await cell("1", "Khu phố 3", "Trần Thị Bình");
    await join(h.user("2"), code, "Nguyễn Văn An", sec);
    await sec.command("hop");
    await sec.pressLabel("Đặt lịch định kỳ hằng tháng");
    await sec.say("ngày 5 hằng tháng 19h30");
    await sec.pressLabel("Bỏ qua");
    h.clock.now = new Date("2026-12-05T14:00:00Z");
    return { sec, meeting: await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } }) };
  }

  it("refuses a forged item and saves once however often «Lưu» is pressed", async () => {
    const { sec, meeting } = await heldMeeting();
    const list = await sec.press(`mt:at:${meeting.id}`);
    expect(labels(list[0])).toEqual(["❌ Trần Thị Bình", "❌ Nguyễn Văn An", "Lưu điểm danh"]);
    const save = list[0]!.choices!.at(-1)![0]!.data;
    expect(save).toBe("d:att:_done");
    const forged = await sec.press("d:att:7");
    expect(forged[0]!.text).toContain("Lựa chọn này không hợp lệ");
    expect(labels(forged[0])).toEqual(["❌ Trần Thị Bình", "❌ Nguyễn Văn An", "Lưu điểm danh"]);
    const typed = await sec.say("điểm danh xong rồi");
    expect(typed[0]!.text).toContain("Xin đồng chí chọn tên trong danh sách");
    const toggled = await sec.press("d:att:1");
    expect(labels(toggled[0])).toEqual(["❌ Trần Thị Bình", "🟡 Nguyễn Văn An", "Lưu điểm danh"]);
    const saved = await sec.press(save);
    expect(saved[0]!.text).toContain("0 có mặt, 1 vắng có lý do, 1 vắng không lý do");
    expect(texts(await sec.press(save))).not.toContain("Đã lưu điểm danh");
    expect(await h.testDb.db.auditLog.count({ where: { action: "meeting.attendance" } })).toBe(1);
    const rows = await h.testDb.db.attendance.findMany({ include: { person: true } });
    expect(Object.fromEntries(rows.map((r) => [r.person.fullName, r.status]))).toEqual({ "Trần Thị Bình": "absent", "Nguyễn Văn An": "excused" });
  });

  it("saves nothing for a deputy removed while the list was open", async () => {
    const { sec, meeting } = await heldMeeting();
    const an = await h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName: "Nguyễn Văn An" } } });
    await sec.press(`r:${an.id}:d`);
    const deputy = h.user("2");
    await deputy.press(`mt:at:${meeting.id}`);
    await sec.press(`rm!:${an.id}`);
    expect(texts(await deputy.pressLabel("Lưu điểm danh"))).toContain("Nút này đã cũ");
    expect(await h.testDb.db.attendance.count()).toBe(0);
  });

  it("checks the role again as it saves, so a deputy removed a moment ago (elsewhere) is refused", async () => {
    const { sec, meeting } = await heldMeeting();
    const an = await h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName: "Nguyễn Văn An" } } });
    await sec.press(`r:${an.id}:d`);
    const deputy = h.user("2");
    await deputy.press(`mt:at:${meeting.id}`);
    await h.testDb.db.membership.update({ where: { id: an.id }, data: { status: "removed" } });
    expect(texts(await deputy.pressLabel("Lưu điểm danh"))).toContain("không phải thành viên");
    expect(await h.testDb.db.attendance.count()).toBe(0);
    expect(await h.testDb.db.auditLog.count({ where: { action: "meeting.attendance" } })).toBe(0);
    // Someone who lost the office does not stay in a dialogue begun with it.
    expect(await dialogueStep("2")).toBeNull();
  });
});
