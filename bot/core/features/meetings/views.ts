/** Pure renderers of meetings: data in, text and choices out. Every button comes from buttons.ts. */
import type { Translator } from "../../../i18n/index.ts";
import type { Choice, FileRef, OutboundMessage, Platform } from "../../contract/messages.ts";
import type { CellRecord } from "../../domain/cells.ts";
import { cancelButton } from "../../kernel/dialogue/steps.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import type { MonthlyRule } from "../../time/monthly-rule.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { buttons, reasonCodeList, reasonCodes } from "./buttons.ts";
import { answerGroups, type AnswerGroup, type AnswerSummary } from "./answer-lines.ts";
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

/**
 * Characters one group's names may take in the summary, and one name (with its reason): the four
 * groups and the title stay within one phone screen (under 1,300 characters) whatever the cell's size.
 */
const summaryNamesBudget = 220;
const summaryNameMax = 40;
const summaryReasonMax = 60;
/** Members on one page of a group's full list, or of the proxy list. */
export const answersPageSize = 40;
export const proxyPageSize = 20;

const groupCodes = { attend: "a", absent: "x", none: "n", unreachable: "u" } as const satisfies Record<AnswerGroup, string>;

/** A name, with the reason of an absence when asked, each cut at a word so a line stays short. */
const lineLabel = (l: AnswerLine, withReason: boolean) => {
  const name = clipAtWord(l.name, summaryNameMax);
  return withReason && l.reason ? `${name} (${clipAtWord(l.reason, summaryReasonMax)})` : name;
};

/** The first names of a group that fit its budget, and whether that is all of them. */
function groupNames(t: Translator, group: { count: number; first: AnswerLine[] }, withReason: boolean): { text: string; complete: boolean } {
  if (group.count === 0) return { text: t("summary-nobody"), complete: true };
  const shown: string[] = [];
  let used = 0;
  for (const line of group.first) {
    const item = lineLabel(line, withReason);
    if (shown.length > 0 && used + item.length + 2 > summaryNamesBudget) break;
    shown.push(item);
    used += item.length + 2;
  }
  const rest = group.count - shown.length;
  return rest > 0 ? { text: t("summary-names-more", { names: shown.join(", "), rest }), complete: false } : { text: shown.join(", "), complete: true };
}

/**
 * The secretary's view before a meeting: how many come, are excused (and why), have not answered,
 * cannot be reached, with the first names of each; a group too long to show whole gets a button to
 * its full list, a page at a time.
 */
export function answersSummary(t: Translator, m: MeetingRecord, cell: CellView, s: AnswerSummary): OutboundMessage {
  const lines = [t("summary-title", { title: meetingTitle(t, m, cell.timeZone), when: whenText(t, m.startsAt, cell.timeZone) }), t("summary-invited", { count: s.invited })];
  const more: Choice[][] = [];
  for (const group of answerGroups) {
    const g = s.groups[group];
    const names = groupNames(t, g, group === "absent");
    lines.push(t(`summary-${group}`, { count: g.count, names: names.text }));
    if (!names.complete) more.push([buttons.answersList.choice(t("button-answers-list", { group: t(`answers-group-${group}`), count: g.count }), { meetingId: m.id, group: groupCodes[group], page: "0" })]);
  }
  return { text: lines.join("\n"), ...(more.length ? { choices: more } : {}) };
}

/** One page of one group's full list, with the pages around it. */
export function answersListPage(t: Translator, m: MeetingRecord, group: AnswerGroup, page: number, list: { lines: AnswerLine[]; total: number }): OutboundMessage {
  const pages = Math.max(1, Math.ceil(list.total / answersPageSize));
  const head = t("answers-list-title", { group: t(`answers-group-${group}`), count: list.total, page: page + 1, pages });
  const body = list.lines.map((l, i) => `${page * answersPageSize + i + 1}. ${lineLabel(l, group === "absent")}`);
  const nav: Choice[] = [];
  if (page > 0) nav.push(buttons.answersList.choice(t("button-prev-page"), { meetingId: m.id, group: groupCodes[group], page: String(page - 1) }));
  if (page + 1 < pages) nav.push(buttons.answersList.choice(t("button-next-page"), { meetingId: m.id, group: groupCodes[group], page: String(page + 1) }));
  return { text: [head, ...(body.length ? body : [t("summary-nobody")])].join("\n"), ...(nav.length ? { choices: [nav] } : {}) };
}

/** A meeting in /lich, or opened by a member: the details, their answer, and the answer buttons. */
export function memberMeeting(t: Translator, m: MeetingRecord, cell: CellView, response: Parameters<typeof answerText>[1]): OutboundMessage {
  return { text: `${meetingDetails(t, m, cell)}\n${t("your-answer", { answer: answerText(t, response) })}`, choices: answerChoices(t, m.id) };
}

/** A meeting opened by the secretary or deputy: what can still be done with it. */
export function adminMeeting(t: Translator, m: MeetingRecord, cell: CellView, s: AnswerSummary, now: Date): OutboundMessage {
  const id = { meetingId: m.id };
  const counts = t("admin-answer-counts", { attend: s.groups.attend.count, absent: s.groups.absent.count, none: s.groups.none.count });
  const choices: Choice[][] =
    m.status !== "scheduled"
      ? []
      : m.startsAt <= now
        ? [[buttons.attendance.choice(t("button-record-attendance"), id)], ...(m.attendanceRecordedAt ? [[buttons.minutes.choice(t("button-minutes"), id)]] : [])]
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

/** Whom the secretary answers for: one page of the invited members with their answers so far. */
export function proxyList(t: Translator, meetingId: string, page: number, list: { lines: { name: string; answer: string | null; membershipId: string }[]; total: number }): OutboundMessage {
  const pages = Math.max(1, Math.ceil(list.total / proxyPageSize));
  const nav: Choice[] = [];
  if (page > 0) nav.push(buttons.proxyPage.choice(t("button-prev-page"), { meetingId, page: String(page - 1) }));
  if (page + 1 < pages) nav.push(buttons.proxyPage.choice(t("button-next-page"), { meetingId, page: String(page + 1) }));
  return {
    text: pages > 1 ? `${t("proxy-pick-member")}\n${t("list-page-status", { page: page + 1, pages })}` : t("proxy-pick-member"),
    choices: [
      ...list.lines.map((l) => [
        buttons.proxyPick.choice(fitted(l.answer === null ? t("answer-none") : t(l.answer === "attend" ? "answer-attend" : "answer-absent-short"), l.name, " — ", false), {
          meetingId,
          membershipId: l.membershipId,
        }),
      ]),
      ...(nav.length ? [nav] : []),
    ],
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

/** /chuyencan: the year's absences; for the secretary and deputy, with the spreadsheet of the whole year. */
export function historyView(t: Translator, cell: CellView & { id: string }, year: number, rows: Parameters<typeof historyText>[3], admin: boolean): OutboundMessage {
  const text = historyText(t, cell, year, rows);
  return admin ? { text, choices: [[buttons.attendanceYear.choice(t("button-attendance-sheet"), { cellId: cell.id, year: String(year) })]] } : { text };
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
