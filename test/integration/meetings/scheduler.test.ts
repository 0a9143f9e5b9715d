import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingsFeature } from "../../../bot/core/features/meetings/index.ts";
import type { OutboundMessage } from "../../../bot/core/contract/messages.ts";
import { RecipientUnreachableError } from "../../../bot/core/contract/ports.ts";
import { runOutbox, type OutboxSummary } from "../../../bot/core/delivery/dispatch.ts";
import type { Pacer } from "../../../bot/lib/pacer.ts";
import { createHarness, labels, texts, type Harness, type TestUser } from "../../helpers/core-harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [meetingsFeature] });
  h.clock.now = new Date("2026-11-24T02:00:00Z"); // 09:00 in Hà Nội
});
afterEach(async () => {
  await h.close();
});

const at = (iso: string) => new Date(iso);
const run = (now: Date, pacer?: Pacer, workerId = "w1"): Promise<OutboxSummary> =>
  runOutbox({ core: h.deps, renderers: h.core.outboxRenderers(), pacers: new Map(pacer ? [["telegram", pacer]] : []), workerId }, { now });

async function join(member: TestUser, code: string, name: string, sec: TestUser) {
  await member.command("start", code);
  await member.say(name);
  await member.pressLabel("Đảng viên chính thức");
  await member.pressLabel("Hưu trí");
  await member.pressLabel("Bỏ qua");
  await member.pressLabel("Gửi yêu cầu");
  await sec.pressLabel("Duyệt");
}

/** A cell with a secretary and two members, and the regular meeting "ngày 5 hằng tháng 19h30". */
async function cellWithRule(rule = "ngày 5 hằng tháng 19h30") {
  const sec = h.user("1");
  await sec.command("taochibo");
  await sec.say("Khu phố 3");
  await sec.pressLabel("Bỏ qua");
  await sec.say("Trần Thị Bình");
  await sec.pressLabel("Đảng viên chính thức");
  await sec.pressLabel("Hưu trí");
  const out = await sec.pressLabel("Bỏ qua");
  const code = /: ([0-9A-Z-]{19})/.exec(texts(out))![1]!;
  const an = h.user("2");
  const bao = h.user("3");
  await join(an, code, "Nguyễn Văn An", sec);
  await join(bao, code, "Lê Văn Bảo", sec);
  await sec.command("hop");
  await sec.pressLabel("Đặt lịch định kỳ hằng tháng");
  await sec.say(rule);
  const saved = await sec.say("Nhà văn hóa khu phố 3");
  return { sec, an, bao, saved: texts(saved) };
}

const reminders = (u: TestUser, after = 0) => u.inbox().slice(after).filter((m: OutboundMessage) => m.text.includes("Nhắc"));

describe("the monthly rule and its reminders", () => {
  it("schedules the next two occurrences and reminds 3 days, 1 day and 2 hours before, at the right minute in the cell's zone", async () => {
    const { an, bao, sec, saved } = await cellWithRule();
    expect(saved).toContain("ngày 5 hằng tháng");
    expect(saved).toContain("19:30, thứ Bảy 05/12/2026");
    expect(saved).toContain("19:30, thứ Ba 05/01/2027");
    const meetings = await h.testDb.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual(["2026-12-05T12:30:00.000Z", "2027-01-05T12:30:00.000Z"]);

    const before = an.inbox().length;
    expect((await run(at("2026-12-02T12:29:00Z"))).sent).toBe(0);
    const first = await run(at("2026-12-02T12:30:00Z"));
    expect(first.sent).toBe(3); // the secretary is a member of her cell and is reminded too
    const r = reminders(an, before);
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toContain("còn 3 ngày nữa");
    expect(r[0]!.text).toContain("Nhà văn hóa khu phố 3");
    expect(labels(r[0])).toEqual(["Tham dự", "Xin vắng"]);
    expect(reminders(bao, 0)).toHaveLength(1);
    // Sent once: a second run at the same minute sends nothing.
    expect((await run(at("2026-12-02T12:30:30Z"))).sent).toBe(0);
    void sec;
  });

  it("falls on the last day of short months and on the last Thursday across months", async () => {
    h.clock.now = at("2027-01-20T02:00:00Z");
    await cellWithRule("ngày 31 hằng tháng 19h");
    let meetings = await h.testDb.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual(["2027-01-31T12:00:00.000Z", "2027-02-28T12:00:00.000Z"]);
    const sec = h.user("1");
    await sec.command("hop");
    await sec.pressLabel("Đổi lịch định kỳ hằng tháng");
    await sec.say("thứ Năm cuối tháng 14h");
    await sec.pressLabel("Bỏ qua");
    meetings = await h.testDb.db.meeting.findMany({ where: { status: "scheduled" }, orderBy: { startsAt: "asc" } });
    // Untouched occurrences follow the new rule: 28/1 and 25/2/2027 are the last Thursdays.
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual(["2027-01-28T07:00:00.000Z", "2027-02-25T07:00:00.000Z"]);
  });
});

describe("answers, changes and cancellations", () => {
  it("reminds a moved meeting at its new time only, and never a cancelled one", async () => {
    const { sec, an } = await cellWithRule();
    const december = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    await sec.press(`mt:v:${december.id}`);
    await sec.pressLabel("Đổi giờ");
    const done = await sec.say("6/12/2026 8h");
    expect(texts(done)).toContain("08:00, Chủ nhật 06/12/2026");
    // Members are told once.
    expect((await run(h.clock.now)).sent).toBe(3);
    expect(an.lastText()).toContain("Cuộc họp đã được dời");
    expect((await run(h.clock.now)).sent).toBe(0);
    // The old 3-day reminder time (2/12 12:30Z) passes quietly; the new one is 3/12 01:00Z (08:00 local).
    expect((await run(at("2026-12-02T12:30:00Z"))).sent).toBe(0);
    expect((await run(at("2026-12-03T01:00:00Z"))).sent).toBe(3);
    expect(an.lastText()).toContain("08:00, Chủ nhật 06/12/2026");

    const january = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "desc" } });
    await sec.press(`mt:cx:${january.id}`);
    await sec.pressLabel("Hủy cuộc họp");
    expect((await run(h.clock.now)).sent).toBe(3); // the cancellation notice
    expect(an.lastText()).toContain("đã bị hủy");
    const remindedBefore = reminders(an).length;
    for (const due of ["2027-01-02T12:30:00Z", "2027-01-04T12:30:00Z", "2027-01-05T10:30:00Z"]) await run(at(due));
    expect(reminders(an)).toHaveLength(remindedBefore);
    expect(await h.testDb.db.outboxMessage.count({ where: { subjectId: january.id, kind: "meeting-reminder", status: "sent" } })).toBe(0);
  });

  it("does not nag a member who answered, skips one who asked leave, and the summary names everyone", async () => {
    const { sec, an, bao } = await cellWithRule();
    const december = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    await an.press(`mt:a:${december.id}`);
    await bao.press(`mt:b:${december.id}`);
    const reasons = await bao.pressLabel("Lý do khác");
    expect(reasons[0]!.text).toContain("lý do xin vắng");
    const recorded = await bao.say("Đi làm ca đêm ở Bình Dương");
    expect(recorded[0]!.text).toContain("xin vắng (Lý do khác: Đi làm ca đêm ở Bình Dương)");

    const beforeAn = an.inbox().length;
    await run(at("2026-12-04T12:30:00Z"));
    expect(reminders(an, beforeAn)[0]!.text).toContain("Đồng chí đã báo tham dự");
    expect(labels(reminders(an, beforeAn)[0])).toEqual([]);
    expect(reminders(bao, 0)).toHaveLength(0);

    // 2 hours before: the secretary's summary.
    await run(at("2026-12-05T10:30:00Z"));
    const summary = sec.inbox().find((m) => m.text.includes("Tình hình trả lời"))!;
    expect(summary.text).toContain("Tham dự (1): Nguyễn Văn An");
    expect(summary.text).toContain("Xin vắng (1): Lê Văn Bảo (Lý do khác: Đi làm ca đêm ở Bình Dương)");
    expect(summary.text).toContain("Chưa trả lời (1): Trần Thị Bình");

    // Changing the answer is refused once the meeting has started.
    h.clock.now = at("2026-12-05T12:31:00Z");
    expect(texts(await an.press(`mt:b:${december.id}`))).toContain("Đồng chí xin vắng vì lý do gì?");
    expect(texts(await an.pressLabel("Ốm đau"))).toContain("đã bắt đầu");
    const log = await h.testDb.db.auditLog.findMany({ where: { action: "meeting.response" } });
    expect(log).toHaveLength(2);
  });

  it("lets the secretary record an answer for a member, marked as entered by her", async () => {
    const { sec, bao } = await cellWithRule();
    const december = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    await sec.press(`mt:px:${december.id}`);
    await sec.pressLabel(/^Lê Văn Bảo/);
    const done = await sec.pressLabel("Xin vắng: Ốm đau");
    expect(texts(done)).toContain("Đã ghi thay cho đồng chí Lê Văn Bảo: xin vắng (Ốm đau)");
    const response = await h.testDb.db.meetingResponse.findFirstOrThrow();
    const secretary = await h.testDb.db.identity.findFirstOrThrow({ where: { userId: "1" } });
    expect(response).toMatchObject({ answer: "absent", reason: "om_dau", enteredById: secretary.personId });
    void bao;
  });
});

describe("delivery guarantees", () => {
  it("after downtime sends only the latest missed reminder, noting it is late, and nothing once the meeting has passed", async () => {
    const { an } = await cellWithRule();
    const before = an.inbox().length;
    // Down from 1/12 to 5/12 17:00 local: the 3-day and 1-day reminders were missed.
    const summary = await run(at("2026-12-05T10:00:00Z"));
    expect(summary.sent).toBe(3);
    const r = reminders(an, before);
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toContain("còn 2 giờ 30 phút nữa");
    expect(r[0]!.text).toContain("đến muộn");
    // The January meeting's reminders are not due; December's are all done or skipped.
    await run(at("2026-12-06T00:00:00Z"));
    const december = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    const rows = await h.testDb.db.outboxMessage.findMany({ where: { subjectId: december.id, kind: "meeting-reminder" } });
    expect(rows.filter((x) => x.status === "pending")).toHaveLength(0);
    expect(rows.filter((x) => x.status === "sent")).toHaveLength(3);
  });

  it("skips reminders of a meeting that passed while the bot was down", async () => {
    await cellWithRule();
    const summary = await run(at("2026-12-05T13:00:00Z"));
    expect(summary.sent).toBe(0);
    expect(summary.skipped).toBeGreaterThanOrEqual(6);
  });

  it("holds reminders in the quiet hours and sends them when they end", async () => {
    const { an } = await cellWithRule("ngày 5 hằng tháng 7h");
    // 3 days before 07:00 is 07:00, fine; 2 hours before is 05:00 local: quiet.
    const before = an.inbox().length;
    const quiet = await run(at("2026-12-04T22:00:00Z")); // 05:00 local
    expect(quiet.deferred).toBeGreaterThan(0);
    expect(quiet.sent).toBe(0);
    const dawn = await run(at("2026-12-04T23:30:00Z")); // 06:30 local
    expect(dawn.sent).toBeGreaterThan(0);
    expect(reminders(an, before).at(-1)!.text).toContain("còn 30 phút nữa");
  });

  it("never sends twice when a fan-out dies half-way and restarts, or when two schedulers run at once", async () => {
    const { sec, an, bao } = await cellWithRule();
    const everyone = () => reminders(sec).length + reminders(an).length + reminders(bao).length;
    const due = at("2026-12-02T12:30:00Z");
    let calls = 0;
    // The process "dies" on the second send: that send never happens and its run never finishes.
    const dying: Pacer = { take: () => (++calls >= 2 ? new Promise<void>(() => {}) : Promise.resolve()) };
    void run(due, dying, "dead");
    await new Promise((r) => setTimeout(r, 200));
    expect(everyone()).toBe(1);
    // A new process, after the dead one's claims expired, sends the rest once.
    const later = new Date(due.getTime() + 6 * 60_000); // past the 5-minute lease
    const [x, y] = await Promise.all([run(later, undefined, "p1"), run(later, undefined, "p2")]);
    expect(x.sent + y.sent).toBe(2);
    expect(reminders(sec)).toHaveLength(1);
    expect(reminders(an)).toHaveLength(1);
    expect(reminders(bao)).toHaveLength(1);
  });

  it("marks a member who blocked the bot unreachable and tells the secretary once", async () => {
    const { sec, an } = await cellWithRule();
    const anIdentity = await h.testDb.db.identity.findFirstOrThrow({ where: { userId: "2" } });
    h.messenger.blocked.add("2");
    await run(at("2026-12-02T12:30:00Z"));
    expect((await h.testDb.db.identity.findUniqueOrThrow({ where: { id: anIdentity.id } })).unreachable).toBe(true);
    await run(at("2026-12-02T12:31:00Z"));
    await run(at("2026-12-04T12:30:00Z"));
    const notices = sec.inbox().filter((m) => m.text.includes("không gửi được tin cho đồng chí Nguyễn Văn An"));
    expect(notices).toHaveLength(1);
    void an;
    void RecipientUnreachableError;
  });
});

describe("attendance", () => {
  it("is prefilled from the answers, toggled, saved with an audit trail, and warns the secretary at two months of unexcused absence", async () => {
    const { sec, an, bao } = await cellWithRule();
    const december = await h.testDb.db.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    await an.press(`mt:a:${december.id}`);
    await bao.press(`mt:b:${december.id}`);
    await bao.pressLabel("Ốm đau");
    h.clock.now = at("2026-12-05T14:00:00Z"); // 21:00 local, before the quiet hours
    const list = await sec.command("diemdanh");
    expect(labels(list[0])).toEqual(["❌ Trần Thị Bình", "✅ Nguyễn Văn An", "🟡 Lê Văn Bảo", "Lưu điểm danh"]);
    const toggled = await sec.pressLabel("❌ Trần Thị Bình"); // the secretary herself was there
    expect(labels(toggled[0])[0]).toBe("🟡 Trần Thị Bình");
    await sec.pressLabel("🟡 Trần Thị Bình");
    await sec.pressLabel("✅ Nguyễn Văn An"); // An said he would come but did not
    const saved = await sec.pressLabel("Lưu điểm danh");
    expect(saved[0]!.text).toContain("1 có mặt, 1 vắng có lý do, 1 vắng không lý do");
    expect(saved[1]!.text).toContain("nghị quyết");
    await sec.say("Chi bộ thống nhất tổ chức vệ sinh khu phố sáng Chủ nhật.");
    await run(h.clock.now);
    expect(an.lastText()).toContain("Chi bộ thống nhất tổ chức vệ sinh khu phố");

    // January: An is absent again without a reason → the secretary is warned privately.
    const january = await h.testDb.db.meeting.findFirstOrThrow({ where: { startsAt: { gt: december.startsAt } } });
    h.clock.now = new Date(january.startsAt.getTime() + 3 * 3600_000);
    await sec.press(`mt:at:${january.id}`);
    await sec.pressLabel("❌ Trần Thị Bình");
    await sec.pressLabel("🟡 Trần Thị Bình");
    await sec.pressLabel("Lưu điểm danh");
    await sec.pressLabel("Bỏ qua");
    // No note; then the minutes' questions (end time, chair, minutes taker), each skipped.
    for (let i = 0; i < 3; i++) await sec.pressLabel("Bỏ qua");
    expect(sec.lastText()).toContain("Dự thảo biên bản");
    await run(h.clock.now);
    // The two months are in different years here (12/2026 and 1/2027), so no warning yet.
    expect(sec.inbox().some((m) => m.text.includes("(Riêng bí thư)"))).toBe(false);
    const history = await sec.command("chuyencan");
    expect(history[0]!.text).toContain("Nguyễn Văn An: vắng có lý do 0, vắng không lý do 1");
    const audit = await h.testDb.db.auditLog.findMany({ where: { action: "meeting.attendance" } });
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.details).changes).toContainEqual({ personId: expect.any(String), before: null, after: "absent" });
  });
});

describe("unexcused absences", () => {
  it("warn the secretary privately at two and at three months in one year, once each", async () => {
    h.clock.now = at("2027-01-20T02:00:00Z");
    const { sec, an } = await cellWithRule();
    const rulesJob = h.core.jobs().find((j) => j.name === "meeting-rules")!;
    const recordAnAbsent = async () => {
      const meeting = await h.testDb.db.meeting.findFirstOrThrow({ where: { startsAt: { lte: h.clock.now }, attendanceRecordedAt: null }, orderBy: { startsAt: "asc" } });
      await sec.press(`mt:at:${meeting.id}`);
      await sec.pressLabel("❌ Trần Thị Bình"); // → excused
      await sec.pressLabel("🟡 Trần Thị Bình"); // → present
      await sec.pressLabel("Lưu điểm danh");
      await sec.pressLabel("Bỏ qua");
      await run(h.clock.now);
    };
    const warnings = () => sec.inbox().filter((m) => m.text.startsWith("(Riêng bí thư)") && m.text.includes("Nguyễn Văn An"));
    for (const [month, expected] of [["02", 0], ["03", 1], ["04", 2]] as const) {
      h.clock.now = at(`2027-${month}-05T14:00:00Z`);
      await rulesJob.run(h.clock.now);
      await recordAnAbsent();
      expect(warnings()).toHaveLength(expected);
    }
    expect(warnings()[0]!.text).toContain("Nguyễn Văn An đã vắng sinh hoạt không có lý do chính đáng trong 2 tháng của năm 2027");
    expect(warnings()[1]!.text).toContain("trong 3 tháng");
    expect(warnings()[1]!.text).toContain("Quy định 294-QĐ/TW, điểm 8.1");
    // Only the secretary hears of it.
    expect(an.inbox().some((m) => m.text.includes("(Riêng bí thư)"))).toBe(false);
  });
});

describe("regressions found in review", () => {
  it("a second scheduler that takes over a slow fan-out never makes a member get a reminder twice", async () => {
    const { sec, an, bao } = await cellWithRule();
    const due = at("2026-12-02T12:30:00Z");
    const slow: Pacer = { take: () => new Promise((r) => setTimeout(r, 60)) };
    const a = runOutbox({ core: h.deps, renderers: h.core.outboxRenderers(), pacers: new Map([["telegram", slow]]), workerId: "A" }, { now: due, leaseMs: 30 });
    await new Promise((r) => setTimeout(r, 90));
    const b = runOutbox({ core: h.deps, renderers: h.core.outboxRenderers(), pacers: new Map([["telegram", slow]]), workerId: "B" }, { now: new Date(due.getTime() + 90), leaseMs: 30 });
    await Promise.all([a, b]);
    for (const u of [sec, an, bao]) expect(reminders(u)).toHaveLength(1);
  });

  it("re-planning after a member is exempted keeps a reminder that waits for the quiet hours to end", async () => {
    const { sec, an, bao } = await cellWithRule("ngày 5 hằng tháng 7h30");
    const quiet = await run(at("2026-12-04T22:30:00Z")); // 05:30: the 2-hour reminder waits
    expect(quiet.deferred).toBeGreaterThan(0);
    h.clock.now = at("2026-12-04T23:00:00Z"); // 06:00
    const baoMembership = await h.testDb.db.membership.findFirstOrThrow({ where: { person: { fullName: "Lê Văn Bảo" } } });
    await sec.press(`ex:${baoMembership.id}:1`);
    const before = reminders(an).length;
    await run(at("2026-12-04T23:30:00Z")); // 06:30
    expect(reminders(an)).toHaveLength(before + 1);
    expect(reminders(bao).some((m) => m.text.includes("còn 1 giờ nữa"))).toBe(false);
  });

  it("after downtime that ends in the quiet hours, each member still gets only the latest reminder", async () => {
    const { an } = await cellWithRule("ngày 5 hằng tháng 7h30");
    await run(at("2026-12-04T16:00:00Z")); // 23:00, three reminders missed, all held until 06:30
    const before = reminders(an).length;
    await run(at("2026-12-04T23:30:00Z"));
    expect(reminders(an)).toHaveLength(before + 1);
  });
});
