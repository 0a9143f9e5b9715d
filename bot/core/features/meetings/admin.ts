/** The screens of the calendar: the secretary's panel (/hop), one meeting, the answers so far, cancelling, and the attendance history. */
import { heldUntil } from "../../delivery/quiet-hours.ts";
import { isAdminRole } from "../../domain/members.ts";
import type { FeatureContext, Turn } from "../../kernel/feature.ts";
import type { MeetingWithCell } from "./model.ts";
import { answerPage, summarizeAnswers, type AnswerGroup } from "./answer-lines.ts";
import { adminOverview, attendanceHistory, meetingForAdmin, meetingForMember, ownResponse } from "./queries.ts";
import { changeMeeting } from "./services/meetings.ts";
import { adminMeeting, adminPanel, answersListPage, answersPageSize, answersSummary, cancelConfirm, historyView, memberMeeting } from "./views.ts";

/** `changeable` finds a meeting still ahead for its secretary or deputy, or answers a stale button. */
export function createAdmin(ctx: FeatureContext, changeable: (turn: Turn, meetingId: string) => Promise<MeetingWithCell | null>) {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();

  /** /hop */
  const showPanel = (turn: Turn) =>
    ctx.withCell(turn, "hop", async (m) => {
      await turn.reply(adminPanel(turn.t, await adminOverview(db, { personId: turn.person.id, cellId: m.cellId, now: now() })));
    });

  /** A meeting: a member sees it with their answer; the secretary and deputy, with what can still be done. */
  async function showMeeting(turn: Turn, meetingId: string): Promise<void> {
    const { meeting, membership } = await meetingForMember(db, { personId: turn.person.id, meetingId });
    if (!isAdminRole(membership.role)) return turn.reply(memberMeeting(turn.t, meeting, meeting.cell, await ownResponse(db, meetingId, turn.person.id)));
    await turn.reply(adminMeeting(turn.t, meeting, meeting.cell, await summarizeAnswers(db, meeting, turn.t, 0), now()));
  }

  async function showAnswers(turn: Turn, meetingId: string): Promise<void> {
    const meeting = await meetingForAdmin(db, { personId: turn.person.id, meetingId });
    await turn.reply(answersSummary(turn.t, meeting, meeting.cell, await summarizeAnswers(db, meeting, turn.t)));
  }

  /** A page of one group of the summary (who has not answered, …), for a cell too large to list at once. */
  async function showAnswersList(turn: Turn, meetingId: string, group: AnswerGroup, page: number): Promise<void> {
    const meeting = await meetingForAdmin(db, { personId: turn.person.id, meetingId });
    const list = await answerPage(db, meeting, turn.t, group, page, answersPageSize);
    // A page beyond the end (the list shrank since the button was sent) shows the last one.
    const last = Math.max(0, Math.ceil(list.total / answersPageSize) - 1);
    if (page > last) return showAnswersList(turn, meetingId, group, last);
    await turn.reply(answersListPage(turn.t, meeting, group, page, list));
  }

  async function askCancel(turn: Turn, meetingId: string): Promise<void> {
    const meeting = await changeable(turn, meetingId);
    if (meeting) await turn.reply(cancelConfirm(turn.t, meeting, meeting.cell));
  }

  async function cancel(turn: Turn, meetingId: string): Promise<void> {
    const { cell } = await changeMeeting(db, { actorId: turn.person.id, meetingId, change: { cancelled: true }, now: now() });
    ctx.kickOutbox();
    const held = heldUntil(cell, now());
    await turn.reply({ text: turn.t(held ? "meeting-cancelled-done-held" : "meeting-cancelled-done", { ...held }) });
  }

  /** /chuyencan */
  const showHistory = (turn: Turn) =>
    ctx.withCell(turn, "chuyencan", async (m) => {
      const { year, rows } = await attendanceHistory(db, { viewer: m, person: turn.person, now: now() });
      await turn.reply(historyView(turn.t, m.cell, year, rows, isAdminRole(m.role)));
    });

  return { showPanel, showMeeting, showAnswers, showAnswersList, askCancel, cancel, showHistory };
}
