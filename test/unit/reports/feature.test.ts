import { describe, expect, it } from "vitest";
import { mustAnswer, type Candidate } from "../../../bot/core/features/reports/audience.ts";
import { changedQuestions } from "../../../bot/core/features/reports/changes.ts";
import { deriveTemplate, followUpStepId, holdsPostStepId, profileOf, usesHoldsPost } from "../../../bot/core/features/reports/derive.ts";
import { createDraftCache } from "../../../bot/core/features/reports/draft-cache.ts";
import { commitmentsOf } from "../../../bot/core/features/reports/follow-up.ts";
import { assignmentNotices, digestNotices, reminderNow, reportKinds } from "../../../bot/core/features/reports/notices.ts";
import { parseCategories, parseOffsets } from "../../../bot/core/features/reports/payloads.ts";
import type { RoundRecord } from "../../../bot/core/features/reports/records.ts";
import { formatMoment, reminderNotice, statusView } from "../../../bot/core/features/reports/views.ts";
import { textsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { templateSchema } from "../../../bot/core/features/reports/engine/template-schema.ts";
import { i18n } from "../../helpers/core-harness.ts";
import { canBo, Chat, fixture, templatesDir } from "./helpers.ts";

const t = i18n.translator("vi");
const shipped = loadTemplatesFromDir(templatesDir).templates;
const oath = shipped.find((x) => x.id === "giu-tron-loi-the")!;

const round: RoundRecord = {
  id: "r1",
  cellId: "c1",
  templateId: "giu-tron-loi-the",
  title: "Giữ trọn lời thề",
  deadline: new Date("2026-12-20T10:00:00Z"),
  categories: null,
  includeExempt: false,
  meetingId: null,
  reminderOffsets: "[4320,1440]",
  status: "open",
  createdById: "p0",
  createdAt: new Date("2026-11-24T02:00:00Z"),
  closedAt: null,
};

describe("the template a member answers", () => {
  it("asks about a post first only when the template depends on it", () => {
    expect(usesHoldsPost(oath)).toBe(true);
    expect(usesHoldsPost(fixture({ steps: fixture().steps.filter((s) => s.id !== "chuc-vu") as never }))).toBe(false);
    const derived = deriveTemplate({ template: oath, followUpText: null, t });
    expect(derived.steps[0]).toMatchObject({ id: holdsPostStepId, kind: "yesno", setsProfile: "holdsPost", reportAs: "field" });
    expect(derived.steps.slice(1)).toEqual(oath.steps);
  });

  it("puts the follow-up of last time's commitments after the opening texts, quoting them", () => {
    const derived = deriveTemplate({ template: oath, followUpText: "Dự sinh hoạt đầy đủ.", t });
    const ids = derived.steps.map((s) => s.id);
    expect(ids.slice(0, 4)).toEqual([holdsPostStepId, "gioi-thieu", "gioi-thieu-chuc-vu", followUpStepId]);
    const step = derived.steps[3]!;
    expect(step.kind === "text" && step.prompt).toContain("Lần trước đồng chí đã cam kết:\n«Dự sinh hoạt đầy đủ.»");
    // Built once per template, text and language: it is needed on every answer.
    expect(deriveTemplate({ template: oath, followUpText: "Dự sinh hoạt đầy đủ.", t })).toBe(derived);
    expect(deriveTemplate({ template: oath, followUpText: "Dự sinh hoạt đầy đủ.", t: i18n.translator("en") })).not.toBe(derived);
  });

  it("reads an unknown or missing category as «khác»", () => {
    expect(profileOf("huu_tri")).toEqual({ category: "huu_tri", holdsPost: false });
    expect(profileOf(null)).toEqual({ category: "khac", holdsPost: false });
    expect(profileOf("nonsense")).toEqual({ category: "khac", holdsPost: false });
  });
});

describe("what changed between two versions", () => {
  it("names the questions whose answer differs, numbered as the new version shows them", () => {
    const template = fixture();
    const chat = new Chat(template, canBo);
    chat.text("Mười ký tự trở lên");
    chat.press("Xong");
    chat.press("Loại B");
    const before = chat.state;
    chat.press("« Quay lại");
    chat.press("Loại C");
    expect(changedQuestions(template, before, canBo, chat.state, canBo)).toEqual([{ n: 2, title: "Loại" }]);
    expect(changedQuestions(template, before, canBo, before, canBo)).toEqual([]);
  });
});

describe("the commitments of a previous report", () => {
  it("are the answers of the steps marked as commitments, skipped ones left out", () => {
    const template = templateSchema.parse({
      id: "t",
      version: 1,
      title: "T",
      description: "D",
      steps: [
        { id: "a", kind: "text", title: "A", prompt: "A?" },
        { id: "b", kind: "text", title: "B", prompt: "B?", commitment: true },
        { id: "c", kind: "text", title: "C", prompt: "C?", commitment: true, optional: true },
      ],
    });
    let chat = new Chat(template, canBo);
    chat.text("Câu a");
    chat.press("Xong");
    chat.text("Sửa việc B");
    chat.press("Xong");
    chat.press("Bỏ qua");
    expect(commitmentsOf([template], chat.state, textsFor("vi"))).toBe("Sửa việc B");
    chat = new Chat(template, canBo);
    chat.text("Câu a");
    chat.press("Xong");
    expect(commitmentsOf([template], { ...chat.state, answers: { a: { kind: "text", text: "x" } } }, textsFor("vi"))).toBeNull();
  });

  it("are found in the shipped templates: the remedies of template 1", () => {
    const state = new Chat(oath, canBo).state;
    const answers = { "giai-phap": { kind: "text" as const, text: "Học nghị quyết đều đặn." }, "han-che": { kind: "text" as const, text: "Ngại va chạm." } };
    expect(commitmentsOf(shipped, { ...state, answers }, textsFor("vi"))).toBe("Học nghị quyết đều đặn.");
  });
});

describe("planned notices", () => {
  const now = new Date("2026-11-24T02:00:00Z");
  const drafts = [
    { id: "d1", personId: "p1" },
    { id: "d2", personId: "p2" },
  ];

  it("tell each member now and remind them only at the offsets still ahead, ids only in the payload", () => {
    const rows = assignmentNotices(round, drafts, [4320, 1440, 60 * 24 * 40], now);
    expect(rows.filter((r) => r.kind === reportKinds.opened).map((r) => [r.key, r.dueAt])).toEqual([
      ["report-open:d1", now],
      ["report-open:d2", now],
    ]);
    const reminders = rows.filter((r) => r.kind === reportKinds.reminder);
    // 40 days before a deadline 26 days away is already past: not planned.
    expect(reminders.map((r) => r.key)).toEqual(["report-remind:d1:4320", "report-remind:d1:1440", "report-remind:d2:4320", "report-remind:d2:1440"]);
    expect(reminders[0]!.dueAt.toISOString()).toBe("2026-12-17T10:00:00.000Z");
    expect(reminders[0]!.payload).toEqual({ draftId: "d1", offset: 4320 });
    expect(rows.every((r) => r.subjectId === "r1" && r.cellId === "c1")).toBe(true);
  });

  it("send the digest with the reminders and at the deadline; a reminder on request once a minute", () => {
    const rows = digestNotices(round, ["s"], [4320, 1440], now);
    expect(rows.map((r) => r.key)).toEqual(["report-digest:r1:s:4320", "report-digest:r1:s:1440", "report-digest:r1:s:0"]);
    expect(rows.at(-1)!.dueAt).toEqual(round.deadline);
    expect(reminderNow(round, drafts[0]!, now).key).toBe(reminderNow(round, drafts[0]!, new Date(now.getTime() + 30_000)).key);
  });
});

describe("stored JSON", () => {
  it("is read strictly, with safe defaults", () => {
    expect(parseCategories(null)).toBeNull();
    expect(parseCategories('["huu_tri"]')).toEqual(["huu_tri"]);
    expect(parseCategories('["astronaut"]')).toBeNull();
    expect(parseOffsets("[60]")).toEqual([60]);
    expect(parseOffsets("not json")).toEqual([4320, 1440]);
  });
});

describe("who must answer", () => {
  const rest = { suspended: false, partyStatus: "official", admittedAt: null, holdsPost: false };
  const people: Candidate[] = [
    { personId: "a", fullName: "A", category: "huu_tri", exempt: false, ...rest },
    { personId: "b", fullName: "B", category: "can_bo", exempt: false, ...rest },
    { personId: "c", fullName: "C", category: "huu_tri", exempt: true, ...rest },
    { personId: "d", fullName: "D", category: null, exempt: false, ...rest },
  ];
  const ids = (cs: Candidate[]) => cs.map((c) => c.personId);

  it("is everyone or the chosen categories, exempt members only when chosen, within the template's own audience", () => {
    expect(ids(mustAnswer(people, { categories: null, includeExempt: false }, oath))).toEqual(["a", "b", "d"]);
    expect(ids(mustAnswer(people, { categories: ["huu_tri"], includeExempt: false }, oath))).toEqual(["a"]);
    expect(ids(mustAnswer(people, { categories: ["huu_tri"], includeExempt: true }, oath))).toEqual(["a", "c"]);
    const forRetired = templateSchema.parse({ ...oath, audience: { categories: ["huu_tri"] } });
    expect(ids(mustAnswer(people, { categories: null, includeExempt: false }, forRetired))).toEqual(["a"]);
  });
});

describe("the draft cache", () => {
  it("keeps the most recently used drafts up to its limit", () => {
    const cache = createDraftCache(2);
    const row = (id: string) => ({ id, roundId: "r", personId: "p", status: "drafting", state: null, followUpText: null, raisedText: null, pledgeText: null, reviewForm: null, version: 0 });
    cache.remember(row("a"));
    cache.remember(row("b"));
    cache.remember(row("a"));
    cache.remember(row("c"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.id).toBe("a");
    cache.forget("a");
    expect(cache.get("a")).toBeUndefined();
  });
});

describe("views", () => {
  it("word the time left at sending time, and say so when the deadline has passed", () => {
    const at = (iso: string) => reminderNotice(t, { round, timeZone: "Asia/Ho_Chi_Minh", now: new Date(iso), draftId: "d1", status: "not_started" });
    expect(formatMoment(round.deadline, "Asia/Ho_Chi_Minh")).toBe("17:00 20/12/2026");
    expect(at("2026-12-17T10:00:00Z").text).toContain("còn 3 ngày");
    // Held back by quiet hours until the morning: it says what is true then.
    expect(at("2026-12-17T23:30:00Z").text).toContain("còn 2 ngày");
    expect(at("2026-12-20T05:00:00Z").text).toContain("còn 5 giờ");
    expect(at("2026-12-21T01:00:00Z").text).toContain("đã quá hạn nộp");
    expect(at("2026-12-17T10:00:00Z").choices).toEqual([[{ label: "Bắt đầu", data: "bc:go:d1" }]]);
  });

  it("list everyone in the status view with what can be done for each", () => {
    const view = statusView(t, round, "Asia/Ho_Chi_Minh", [
      { name: "An", status: "accepted", draftId: "d1", version: { id: "v1", number: 2, status: "accepted", proxy: false }, progress: null },
      { name: "Bảo", status: "drafting", draftId: "d2", version: null, progress: { answered: 3, total: 12 } },
      { name: "Cường", status: "submitted", draftId: "d3", version: { id: "v3", number: 1, status: "submitted", proxy: true }, progress: null },
    ]);
    expect(view.text).toContain("Đã nộp 2/3 (đã tiếp nhận 1).");
    expect(view.text).toContain("✎ Bảo — đang làm (3/12 câu)");
    expect(view.text).toContain("● Cường — đã nộp lần 1, chờ tiếp nhận (bí thư nhập hộ)");
    expect(view.choices?.flat().map((c) => c.data)).toEqual(["bc:rd:v1", "bc:px:d2", "bc:rd:v3", "bc:dr:r1", "bc:ds:r1", "bc:rn:r1", "bc:cl:r1"]);
  });
});
