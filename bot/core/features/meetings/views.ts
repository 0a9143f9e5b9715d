import type { Translator } from "../../../i18n/index.ts";
import type { Choice, FileRef, OutboundMessage, Platform } from "../../contract/messages.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { parseDocuments, type AttendanceStatus, type MeetingRecord } from "./service.ts";

/** Pure renderers of meetings: data in, text and choices out. */

const pad = (n: number) => String(n).padStart(2, "0");

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
export function meetingDetails(t: Translator, m: MeetingRecord, cell: { name: string; timeZone: string }): string {
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
  [
    { label: t("button-attend"), data: `mt:a:${meetingId}` },
    { label: t("button-absent"), data: `mt:b:${meetingId}` },
  ],
];

export const reasonCodes = { o: "om_dau", c: "cong_tac", g: "gia_dinh", k: "khac" } as const;
export const reasonCodeOf = (reason: string) => (Object.entries(reasonCodes).find(([, r]) => r === reason)?.[0] ?? "k") as keyof typeof reasonCodes;

export function reasonChoices(t: Translator, prefix: string): Choice[][] {
  return Object.entries(reasonCodes).map(([code, reason]) => [{ label: t(`reason-${reason}`), data: `${prefix}:${code}` }]);
}

export function answerText(t: Translator, response: { answer: string; reason: string | null; reasonText: string | null } | null | undefined): string {
  if (!response) return t("answer-none");
  if (response.answer === "attend") return t("answer-attend");
  const reason = response.reason ? t(`reason-${response.reason}`) : "";
  return t("answer-absent", { reason: response.reasonText ? `${reason}: ${response.reasonText}` : reason });
}

export interface SummaryLine {
  name: string;
  answer: "attend" | "absent" | null;
  reason: string | null;
  unreachable: boolean;
}

/** The secretary's view before a meeting: who comes, who is excused and why, who has not answered, who cannot be reached. */
export function summaryText(t: Translator, m: MeetingRecord, cell: { name: string; timeZone: string }, lines: SummaryLine[]): string {
  const names = (filter: (l: SummaryLine) => boolean, withReason = false) => {
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

const statusMark: Record<AttendanceStatus, string> = { present: "✅", excused: "🟡", absent: "❌" };
export const nextStatus: Record<AttendanceStatus, AttendanceStatus> = { present: "absent", absent: "excused", excused: "present" };

/** The checklist the secretary taps through after the meeting; each tap cycles present → absent → excused. */
export function attendanceChecklist(t: Translator, title: string, entries: { name: string; status: AttendanceStatus }[]): OutboundMessage {
  return {
    text: `${t("attendance-title", { title })}\n${t("attendance-legend")}`,
    choices: [
      ...entries.map((e, i) => [{ label: `${statusMark[e.status]} ${e.name}`, data: `d:att:${i}` }]),
      [{ label: t("button-attendance-save"), data: "d:att:save" }],
    ],
  };
}
