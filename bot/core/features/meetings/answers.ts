/** A member's side: the schedule, answering «Tham dự» / «Xin vắng» with a reason, and the secretary answering for a member. */
import type { FeatureContext, Turn } from "../../kernel/feature.ts";
import { answerPage } from "./answer-lines.ts";
import type { AbsenceReason } from "./model.ts";
import { isAhead, meetingForAdmin, meetingForMember, proxyTarget, scheduleOf } from "./queries.ts";
import { DomainError } from "../../domain/errors.ts";
import { recordOwnResponse, recordProxyResponse, type ResponseInput } from "./services/responses.ts";
import { meetingSteps } from "./steps.ts";
import { answerText, meetingTitle, memberMeeting, proxyAnswers, proxyList, proxyPageSize, reasonChoices, whenText } from "./views.ts";

type Given = Pick<ResponseInput, "answer" | "reason" | "reasonText">;
const attend: Given = { answer: "attend", reason: null, reasonText: null };
const absent = (reason: AbsenceReason, reasonText: string | null = null): Given => ({ answer: "absent", reason, reasonText });

export function createAnswers(ctx: FeatureContext) {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();

  const absenceForm = ctx.form({
    flow: "meeting-absence",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const given = absent("khac", data.reasonText ?? null);
      const meetingId = data.meetingId ?? "";
      if (data.membershipId) return forMember(turn, meetingId, data.membershipId, given);
      return own(turn, meetingId, given);
    },
  });

  async function own(turn: Turn, meetingId: string, given: Given): Promise<void> {
    const meeting = await recordOwnResponse(db, { personId: turn.person.id, meetingId, ...given, now: now() });
    const tz = meeting.cell.timeZone;
    await turn.reply({ text: turn.t("answer-recorded", { answer: answerText(turn.t, given), title: meetingTitle(turn.t, meeting, tz), when: whenText(turn.t, meeting.startsAt, tz) }) });
  }

  async function forMember(turn: Turn, meetingId: string, membershipId: string, given: Given): Promise<void> {
    const recorded = await recordProxyResponse(db, { actorId: turn.person.id, meetingId, membershipId, ...given, now: now() });
    if (!recorded) return ctx.staleButton(turn);
    await turn.reply({ text: turn.t("proxy-recorded", { name: recorded.name, answer: answerText(turn.t, given) }) });
  }

  /** /lich: the next meetings of the person's cells, each with their answer and the buttons to give or change it. */
  async function showSchedule(turn: Turn): Promise<void> {
    const schedule = await scheduleOf(db, { personId: turn.person.id, now: now() });
    // In no cell: the kernel says why (a request still waiting for the secretary, or how to join).
    if (!schedule) return ctx.withCell(turn, "lich", () => showSchedule(turn));
    if (schedule.meetings.length === 0) return turn.reply({ text: turn.t("schedule-empty") });
    await turn.reply({ text: turn.t("schedule-title", { count: schedule.meetings.length }) });
    for (const m of schedule.meetings) await turn.reply(memberMeeting(turn.t, m, m.cell, schedule.responses.get(m.id)));
  }

  async function askReason(turn: Turn, meetingId: string): Promise<void> {
    await meetingForMember(db, { personId: turn.person.id, meetingId });
    await turn.reply({ text: turn.t("ask-absence-reason"), choices: reasonChoices(turn.t, meetingId) });
  }

  async function reason(turn: Turn, meetingId: string, why: AbsenceReason): Promise<void> {
    if (why !== "khac") return own(turn, meetingId, absent(why));
    await meetingForMember(db, { personId: turn.person.id, meetingId });
    await absenceForm.start(turn, ["reasonText"], { meetingId });
  }

  /** Whom the secretary may answer for: the invited members with their answers so far, a page at a time. */
  async function showProxyList(turn: Turn, meetingId: string, page = 0): Promise<void> {
    const meeting = await meetingForAdmin(db, { personId: turn.person.id, meetingId });
    if (!isAhead(meeting, now())) throw new DomainError("meeting-started");
    const list = await answerPage(db, meeting, turn.t, null, page, proxyPageSize);
    const last = Math.max(0, Math.ceil(list.total / proxyPageSize) - 1);
    if (page > last) return showProxyList(turn, meetingId, last);
    await turn.reply(proxyList(turn.t, meetingId, page, list));
  }

  async function proxyPick(turn: Turn, meetingId: string, membershipId: string): Promise<void> {
    const found = await proxyTarget(db, { personId: turn.person.id, meetingId, membershipId });
    if (!found) return ctx.staleButton(turn);
    await turn.reply(proxyAnswers(turn.t, found.target.person.fullName ?? "?", meetingId, membershipId));
  }

  async function proxyAnswer(turn: Turn, meetingId: string, membershipId: string, answer: "attend" | AbsenceReason): Promise<void> {
    if (answer === "attend") return forMember(turn, meetingId, membershipId, attend);
    if (answer !== "khac") return forMember(turn, meetingId, membershipId, absent(answer));
    if (!(await proxyTarget(db, { personId: turn.person.id, meetingId, membershipId }))) return ctx.staleButton(turn);
    await absenceForm.start(turn, ["reasonText"], { meetingId, membershipId });
  }

  return {
    forms: [absenceForm],
    showSchedule,
    attend: (turn: Turn, meetingId: string) => own(turn, meetingId, attend),
    askReason,
    reason,
    showProxyList,
    proxyPick,
    proxyAnswer,
  };
}
