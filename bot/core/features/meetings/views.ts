/** Pure renderers of meetings: data in, text and choices out. Every button comes from buttons.ts. */
import type { Translator } from "../../../i18n/index.ts";
import type { Choice, FileRef, OutboundMessage, Platform } from "../../contract/messages.ts";
import type { CellRecord } from "../../domain/cells.ts";
import { cancelButton } from "../../kernel/dialogue/steps.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import type { MonthlyRule } from "../../time/monthly-rule.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { buttons, reasonCodeList, reasonCodes } from "./buttons.ts";
import { parseDocuments, reminderOffsets, type AnswerLine, type MeetingRecord } from "./model.ts";

const pad = (n: number) => String(n).padStart(2, "0");
type CellView = { name: string; timeZone: string };

/** About what a full-width button shows on a phone before the messenger cuts it. */
export const buttonLabelMax = 40;

/** The text cut at the last word that fits in `max` characters, with «…» when anything was left out. */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(1, max - 1));
  const space = room.lastIndexOf(" ");
  // A word longer than half the room is cut inside rather than leaving almost nothing.
  const kept = space >= room.length / 2 ? room.slice(0, space) : room;
  return `${kept.replace(/[\s,.;:–—-]+$/u, "")}…`;
}

/** "T6 04/12 19:30" (or "T6 04/12" without the time): a meeting's day as a button shows it, whole. */
export function shortWhen(t: Translator, date: Date, timeZone: string, withTime = true): string {
  const w = utcToZonedWall(date, timeZone);
  const day = `${t(`weekday-short-${w.weekday}`)} ${pad(w.day)}/${pad(w.month)}`;
  return withTime ? `${day} ${pad(w.hour)}:${pad(w.minute)}` : day;
}

/** A label that fits a phone: `head` whole (a date, an answer), `tail` cut at a word to what is left. */
function fitted(head: string, tail: string, separator: string, headFirst = true): string {
  const room = Math.max(8, buttonLabelMax - head.length - separator.length);
  const clipped = clipAtWord(tail, room);
  return headFirst ? `${head}${separator}${clipped}` : `${clipped}${separator}${head}`;
}

/** A meeting on a button: its date first and never cut, then as much of its title as fits. */
export const meetingLabel = (t: Translator, m: MeetingRecord, timeZone: string) => fitted(shortWhen(t, m.startsAt, timeZone), meetingTitle(t, m, timeZone), " · ");

/** "19:30, thứ Năm 05/12/2026" in the cell's zone, in the reader's language. */
export function whenText(t: Translator, date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return t("meeting-when", { time: `${pad(w.hour)}:${pad(w.minute)}`, weekday: t(`weekday-${w.weekday}`), date: `${pad(w.day)}/${pad(w.month)}/${w.year}` });
}

/** "còn 3 ngày 2 giờ nữa", "còn 2 giờ 30 phút nữa": how long until the meeting, as exact as matters. */
export function remainingText(t: Translator, ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return t("remaining-minutes", { minutes });
  if (minutes < 24 * 60) return t("remaining-hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const hours = Math.round(minutes / 60);
  return t("remaining-days-hours", { days: Math.floor(hours / 24), hours: hours % 24 });
}

export const meetingTitle = (t: Translator, m: MeetingRecord, timeZone: string) => {
  if (m.title) return m.title;
  const w = utcToZonedWall(m.startsAt, timeZone);
  return m.kind === "dinh_ky" ? t("meeting-title-regular", { month: `${pad(w.month)}/${w.year}` }) : t(`meeting-kind-${m.kind}`);
};

/** Everything a member needs to know about a meeting. */
export function meetingDetails(t: Translator, m: MeetingRecord, cell: CellView): string {
  const lines = [
    t("meeting-line-title", { kind: t(`meeting-kind-${m.kind}`), title: meetingTitle(t, m, cell.timeZone), cell: cell.name }),
    t("meeting-line-when", { when: whenText(t, m.startsAt, cell.timeZone) }),
  ];
  if (m.place) lines.push(t("meeting-line-place", { place: m.place }));
  if (m.topic) lines.push(t("meeting-line-topic", { topic: m.topic }));
  if (m.agenda) lines.push(t("meeting-line-agenda", { agenda: m.agenda }));
  if (m.preparation) lines.push(t("meeting-line-preparation", { preparation: m.preparation }));
  return lines.join("\n");
}

/** The documents to read before the meeting: links in the text, files as attachments. */
export function documentsPart(t: Translator, m: MeetingRecord): { text: string | null; attachments: FileRef[] } {
  const docs = parseDocuments(m.documents);
  if (docs.length === 0) return { text: null, attachments: [] };
  const lines = docs.map((d) => (d.kind === "link" ? `• ${d.ref}` : `• ${d.name}`));
  return {
    text: `${t("meeting-documents")}\n${lines.join("\n")}`,
    attachments: docs.filter((d) => d.kind === "file").map((d) => ({ platform: (d.platform ?? "telegram") as Platform, fileRef: d.ref, name: d.name })),
  };
}

export const answerChoices = (t: Translator, meetingId: string): Choice[][] => [
  [buttons.attend.choice(t("button-attend"), { meetingId }), buttons.absent.choice(t("button-absent"), { meetingId })],
];

export const reasonChoices = (t: Translator, meetingId: string): Choice[][] =>
  reasonCodeList.map((reason) => [buttons.reason.choice(t(`reason-${reasonCodes[reason]}`), { meetingId, reason })]);

export function answerText(t: Translator, response: { answer: string; reason: string | null; reasonText: string | null } | null | undefined): string {
  if (!response) return t("answer-none");
  if (response.answer === "attend") return t("answer-attend");
  const reason = response.reason ? t(`reason-${response.reason}`) : "";
  return t("answer-absent", { reason: response.reasonText ? `${reason}: ${response.reasonText}` : reason });
}

/** The secretary's view before a meeting: who comes, who is excused and why, who has not answered, who cannot be reached. */
export function summaryText(t: Translator, m: MeetingRecord, cell: CellView, lines: AnswerLine[]): string {
  const names = (filter: (l: AnswerLine) => boolean, withReason = false) => {
    const list = lines.filter(filter).map((l) => (withReason && l.reason ? `${l.name} (${l.reason})` : l.name));
    return list.length ? list.join(", ") : t("summary-nobody");
  };
  return [
    t("summary-title", { title: meetingTitle(t, m, cell.timeZone), when: whenText(t, m.startsAt, cell.timeZone) }),
    t("summary-attend", { count: lines.filter((l) => l.answer === "attend").length, names: names((l) => l.answer === "attend") }),
    t("summary-absent", { count: lines.filter((l) => l.answer === "absent").length, names: names((l) => l.answer === "absent", true) }),
    t("summary-none", { count: lines.filter((l) => l.answer === null).length, names: names((l) => l.answer === null) }),
    t("summary-unreachable", { count: lines.filter((l) => l.unreachable).length, names: names((l) => l.unreachable) }),
  ].join("\n");
}

/** A meeting in /lich, or opened by a member: the details, their answer, and the answer buttons. */
export function memberMeeting(t: Translator, m: MeetingRecord, cell: CellView, response: Parameters<typeof answerText>[1]): OutboundMessage {
  return { text: `${meetingDetails(t, m, cell)}\n${t("your-answer", { answer: answerText(t, response) })}`, choices: answerChoices(t, m.id) };
}

/** A meeting opened by the secretary or deputy: what can still be done with it. */
export function adminMeeting(t: Translator, m: MeetingRecord, cell: CellView, lines: AnswerLine[], now: Date): OutboundMessage {
  const id = { meetingId: m.id };
  const counts = t("admin-answer-counts", { attend: lines.filter((l) => l.answer === "attend").length, absent: lines.filter((l) => l.answer === "absent").length, none: lines.filter((l) => l.answer === null).length });
  const choices: Choice[][] =
    m.status !== "scheduled"
      ? []
      : m.startsAt <= now
        ? [[buttons.attendance.choice(t("button-record-attendance"), id)]]
        : [
            [buttons.move.choice(t("button-move-meeting"), id), buttons.place.choice(t("button-change-place"), id)],
            [buttons.proxyList.choice(t("button-proxy-answer"), id), buttons.answers.choice(t("button-answer-status"), id)],
            [buttons.cancel.choice(t("button-cancel-meeting"), id)],
          ];
  return { text: `${meetingDetails(t, m, cell)}\n${m.status === "cancelled" ? t("meeting-is-cancelled") : counts}`, choices };
}

export interface AdminOverview {
  cell: CellRecord;
  rule: { rule: MonthlyRule | null; place: string | null } | null;
  upcoming: MeetingRecord[];
  recent: MeetingRecord[];
}

/** /hop: the rule, the next meetings to open, the recent ones to record, and the settings. */
export function adminPanel(t: Translator, o: AdminOverview): OutboundMessage {
  const tz = o.cell.timeZone;
  const choices: Choice[][] = [
    [buttons.newMeeting.choice(t("button-new-meeting"), {})],
    [buttons.rule.choice(t(o.rule ? "button-change-rule" : "button-set-rule"), {})],
    ...o.upcoming.map((x) => [buttons.view.choice(meetingLabel(t, x, tz), { meetingId: x.id })]),
    ...o.recent.map((x) => [buttons.attendance.choice(fitted(t("button-attendance-for", { date: shortWhen(t, x.startsAt, tz, false) }), meetingTitle(t, x, tz), " · "), { meetingId: x.id })]),
    [...menuChoice(t("button-reminder-settings"), "nhaclich"), ...menuChoice(t("button-attendance-history"), "chuyencan")],
  ];
  const ruleText = o.rule?.rule ? t("admin-rule", { rule: describeMonthlyRule(t, o.rule.rule), place: o.rule.place ?? t("place-none") }) : t("admin-no-rule");
  return { text: `${t("admin-title", { cell: o.cell.name })}\n${ruleText}\n${t(o.upcoming.length ? "admin-upcoming" : "admin-no-upcoming")}`, choices };
}

/** Whom the secretary answers for: each invited member with their answer so far. */
export function proxyList(t: Translator, meetingId: string, lines: { name: string; answer: string | null; membershipId: string }[]): OutboundMessage {
  return {
    text: t("proxy-pick-member"),
    choices: lines.map((l) => [
      buttons.proxyPick.choice(fitted(l.answer === null ? t("answer-none") : t(l.answer === "attend" ? "answer-attend" : "answer-absent-short"), l.name, " — ", false), {
        meetingId,
        membershipId: l.membershipId,
      }),
    ]),
  };
}

/** The answers the secretary can give for one member. */
export function proxyAnswers(t: Translator, name: string, meetingId: string, membershipId: string): OutboundMessage {
  return {
    text: t("proxy-ask-answer", { name }),
    choices: [
      [buttons.proxyAnswer.choice(t("button-attend"), { meetingId, membershipId, answer: "a" })],
      ...reasonCodeList.map((code) => [buttons.proxyAnswer.choice(`${t("button-absent")}: ${t(`reason-${reasonCodes[code]}`)}`, { meetingId, membershipId, answer: code })]),
    ],
  };
}

export function cancelConfirm(t: Translator, m: MeetingRecord, cell: CellView): OutboundMessage {
  return {
    text: t("cancel-meeting-confirm", { title: meetingTitle(t, m, cell.timeZone), when: whenText(t, m.startsAt, cell.timeZone) }),
    choices: [[buttons.cancelConfirm.choice(t("button-cancel-meeting"), { meetingId: m.id })], [cancelButton.choice(t("button-no"), {})]],
  };
}

export function settingsText(t: Translator, s: { reminderOffsets: string; quietStart: string; quietEnd: string }): string {
  const offsets = reminderOffsets(s.reminderOffsets).map((o) => (o % 1440 === 0 ? t("offset-days", { n: o / 1440 }) : o % 60 === 0 ? t("offset-hours", { n: o / 60 }) : t("offset-minutes", { n: o })));
  return t("settings-view", { offsets: offsets.join(", "), quietStart: s.quietStart, quietEnd: s.quietEnd });
}

export function historyText(t: Translator, cell: CellView, year: number, rows: { name: string; tally: { excused: number; unexcused: number; unexcusedMonths: number } | null }[]): string {
  const lines = rows.map(({ name, tally }) => {
    const months = tally?.unexcusedMonths ?? 0;
    const key = months >= 3 ? "history-line-three" : months >= 2 ? "history-line-two" : "history-line";
    return t(key, { name, excused: tally?.excused ?? 0, absent: tally?.unexcused ?? 0, months });
  });
  return `${t("history-title", { cell: cell.name, year: String(year) })}\n${lines.join("\n")}\n\n${t("history-rule")}`;
}

/**
 * The monthly rule in the reader's language: "ngày 5 hằng tháng, lúc 19:30", "the last Thursday of
 * the month, at 14:00". A day the shorter months lack says where those months meet.
 */
export function describeMonthlyRule(t: Translator, rule: MonthlyRule): string {
  const time = `${pad(rule.hour)}:${pad(rule.minute)}`;
  if (rule.kind === "weekdayOfMonth") return t("rule-weekday-of-month", { weekday: t(`weekday-${rule.weekday}`), nth: t(`rule-nth-${rule.nth === -1 ? "last" : rule.nth}`), time });
  return t(rule.day >= 29 ? "rule-day-of-month-late" : "rule-day-of-month", { day: rule.day, time });
}
