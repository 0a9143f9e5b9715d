/**
 * Meetings: the monthly rule, one-off meetings, reminders, answers, the summary, attendance. This
 * file only assembles the feature; the screens and dialogues are in admin.ts, answers.ts,
 * attendance.ts and forms.ts, the writes in services/, the reads in queries.ts.
 */
import { isAdminRole } from "../../domain/members.ts";
import { on, type Feature, type FeatureFactory } from "../../kernel/feature.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import { createAdmin } from "./admin.ts";
import { createAnswers } from "./answers.ts";
import { createAttendance } from "./attendance.ts";
import { buttons } from "./buttons.ts";
import { createMeetingForms } from "./forms.ts";
import { meetingRenderers } from "./renderers.ts";
import { expandRules } from "./services/rules.ts";
import { replanCellMeetings } from "./services/settings.ts";
import { attendanceSubject, meetingDocumentKinds, meetingDocumentProducers } from "./documents.ts";

export const meetingsFeature: FeatureFactory = (ctx) => {
  const { db } = ctx.deps;
  const forms = createMeetingForms(ctx);
  const answers = createAnswers(ctx);
  const attendance = createAttendance(ctx);
  const admin = createAdmin(ctx, forms.changeable);

  const feature: Feature = {
    name: "meetings",
    commands: [
      { name: "lich", menuRank: 30, run: (turn) => answers.showSchedule(turn) },
      { name: "hop", menuRank: 80, run: (turn) => admin.showPanel(turn) },
      { name: "diemdanh", menuRank: 100, run: (turn) => attendance.lastMeeting(turn) },
      { name: "chuyencan", menuRank: 110, run: (turn) => admin.showHistory(turn) },
      { name: "nhaclich", menuRank: 120, run: (turn) => forms.startSettings(turn) },
    ],
    buttons: [
      on(buttons.attend, (turn, { meetingId }) => answers.attend(turn, meetingId)),
      on(buttons.absent, (turn, { meetingId }) => answers.askReason(turn, meetingId)),
      on(buttons.reason, (turn, { meetingId, reason }) => answers.reason(turn, meetingId, reason)),
      on(buttons.view, (turn, { meetingId }) => admin.showMeeting(turn, meetingId)),
      on(buttons.newMeeting, (turn) => forms.startNew(turn)),
      on(buttons.rule, (turn) => forms.startRule(turn)),
      on(buttons.move, (turn, { meetingId }) => forms.startMove(turn, meetingId)),
      on(buttons.place, (turn, { meetingId }) => forms.startPlace(turn, meetingId)),
      on(buttons.cancel, (turn, { meetingId }) => admin.askCancel(turn, meetingId)),
      on(buttons.cancelConfirm, (turn, { meetingId }) => admin.cancel(turn, meetingId)),
      on(buttons.answers, (turn, { meetingId }) => admin.showAnswers(turn, meetingId)),
      on(buttons.proxyList, (turn, { meetingId }) => answers.showProxyList(turn, meetingId)),
      on(buttons.minutes, (turn, { meetingId }) => ctx.offerDocument(turn, meetingDocumentKinds.minutes, meetingId)),
      on(buttons.attendanceYear, (turn, { cellId, year }) => ctx.offerDocument(turn, meetingDocumentKinds.attendance, attendanceSubject(cellId, year))),
      on(buttons.proxyPage, (turn, { meetingId, page }) => answers.showProxyList(turn, meetingId, page)),
      on(buttons.answersList, (turn, { meetingId, group, page }) => admin.showAnswersList(turn, meetingId, group, page)),
      on(buttons.proxyPick, (turn, { meetingId, membershipId }) => answers.proxyPick(turn, meetingId, membershipId)),
      on(buttons.proxyAnswer, (turn, { meetingId, membershipId, answer }) => answers.proxyAnswer(turn, meetingId, membershipId, answer)),
      on(buttons.attendance, (turn, { meetingId }) => attendance.start(turn, meetingId)),
    ],
    dialogues: [...forms.forms, ...answers.forms, ...attendance.forms],
    menu: (turn, m) => (m ? [menuChoice(turn.t("button-schedule"), "lich"), ...(isAdminRole(m.role) ? [menuChoice(turn.t("button-meetings-admin"), "hop")] : [])] : []),
    help: (t, m) => t(isAdminRole(m.role) ? "help-meetings-admin" : "help-meetings"),
    outbox: meetingRenderers,
    documents: meetingDocumentProducers(db),
    jobs: [
      {
        name: "meeting-rules",
        cron: "5 * * * *",
        run: async (now) => {
          const changed = await expandRules(db, now);
          if (changed) ctx.kickOutbox();
          return changed;
        },
      },
    ],
    onMembershipChanged: async (cellId) => {
      await replanCellMeetings(db, { cellId, now: ctx.deps.now() });
    },
  };
  return feature;
};
