/**
 * The questions of the meetings dialogues. A date or time picked from a button goes through the
 * very parser a typed one does, so a forged or outdated day (past, years ahead, 30/02) is refused
 * with the same words and nothing is saved.
 */
import type { Checked } from "../../domain/validation.ts";
import type { Translator } from "../../../i18n/index.ts";
import {
  cancelChoice,
  choiceStep,
  labelled,
  matchOption,
  skipValue,
  stepChoice,
  textStep,
  type Accepted,
  type Option,
  type StepDef,
  type StepValue,
} from "../../kernel/dialogue/steps.ts";
import { parseViMonthlyRule } from "../../time/monthly-rule.ts";
import { parseViDateTime, parseViTime, type ParseFailureReason } from "../../time/parse-vi-datetime.ts";
import { addDays, defaultTimeZone, utcToZonedWall, zonedWallToUtc, type CivilDate } from "../../time/zoned.ts";
import { previewText } from "./draft.ts";
import { oneOffKinds, type MeetingDocument } from "./model.ts";

const pad = (n: number) => String(n).padStart(2, "0");

export function boundedText(min: number, max: number) {
  return (raw: string): Checked<string> => {
    const value = raw.normalize("NFC").trim();
    if (value.length === 0) return { ok: false, reason: "invalid-empty" };
    if (value.length < min) return { ok: false, reason: "invalid-too-short", params: { min } };
    if (value.length > max) return { ok: false, reason: "invalid-too-long", params: { max, length: value.length } };
    if (value.startsWith("/")) return { ok: false, reason: "invalid-looks-like-command" };
    return { ok: true, value };
  };
}

const dateReasonKey: Record<ParseFailureReason, string> = {
  empty: "invalid-empty",
  unclear: "invalid-datetime-unclear",
  invalid_date: "invalid-datetime-impossible",
  past: "invalid-datetime-past",
  missing_time: "invalid-datetime-missing-time",
  too_far: "invalid-datetime-too-far",
};
const refused = (reason: ParseFailureReason): Accepted => ({ ok: false, reason: dateReasonKey[reason] });

/** A day alone, as the date step stores it until the time is known. */
const dayValue = (d: CivilDate) => `day:${d.year}-${pad(d.month)}-${pad(d.day)}`;
const dayPattern = /^day:(\d{4})-(\d{2})-(\d{2})$/;
/** The day as a person would type it: "31/12/2999". */
const typedDay = (year: string, month: string, day: string) => `${Number(day)}/${Number(month)}/${year}`;

/**
 * A typed date, with its time (`at:<iso>`) or without (`day:<y-m-d>`, the time is asked next). A
 * day alone meets the limits a full moment does: not past, not more than `maxAheadDays` ahead.
 */
export function acceptTypedDate(text: string, timeZone: string, now: Date): Accepted {
  const parsed = parseViDateTime(text, { now, timeZone });
  if (parsed.ok) return { ok: true, value: `at:${parsed.at.toISOString()}` };
  if (parsed.reason !== "missing_time" || parsed.detail !== "time") return refused(parsed.reason);
  // A date alone: read again with the day's last minute, to learn the day and check its limits.
  const probe = parseViDateTime(`${text} 23h59`, { now, timeZone });
  return probe.ok ? { ok: true, value: dayValue(probe.wall) } : refused(probe.reason);
}

/**
 * The meeting's date: typed as people write it ("5/12 19h30", "thứ 6 tuần sau 14h") or one of the
 * next eight days picked. A pick is read as its typed equivalent ("31/12/2999"), never trusted.
 */
export function dateStep(id: string, promptKey: string): StepDef {
  return {
    id,
    prompt: ({ t, data, now }) => {
      const tz = data.timeZone ?? defaultTimeZone;
      const today = utcToZonedWall(now, tz);
      const days = Array.from({ length: 8 }, (_, i) => addDays(today, i + 1));
      const buttons = days.map((d) => stepChoice(id, dayValue(d), `${t(`weekday-short-${weekdayIn(d, tz)}`)} ${pad(d.day)}/${pad(d.month)}`));
      return { text: t(promptKey), choices: [buttons.slice(0, 4), buttons.slice(4, 8)] };
    },
    accept: (answer, { data, now }) => {
      const tz = data.timeZone ?? defaultTimeZone;
      if (answer.kind === "file") return { ok: false, reason: "invalid-unsupported" };
      if (answer.kind === "text") return acceptTypedDate(answer.text, tz, now);
      const day = dayPattern.exec(answer.value);
      return day ? acceptTypedDate(typedDay(day[1]!, day[2]!, day[3]!), tz, now) : refused("unclear");
    },
  };
}

function weekdayIn(d: CivilDate, tz: string): number {
  return utcToZonedWall(zonedWallToUtc({ ...d, hour: 12, minute: 0 }, tz), tz).weekday;
}

/**
 * The time of the day chosen before: typed ("19h30", "7h tối") or one of the usual times, picked
 * or typed alike. With the day it must make a moment a typed date and time would be allowed.
 */
export function timeStep(id: string, promptKey: string, dayField: string): StepDef {
  const usual = ["07:30", "08:00", "14:00", "19:30"];
  return {
    id,
    prompt: ({ t }) => ({ text: t(promptKey), choices: [usual.map((u) => stepChoice(id, u, u))] }),
    accept: (answer, { data, now }) => {
      if (answer.kind === "file") return { ok: false, reason: "invalid-unsupported" };
      const time = parseViTime(answer.kind === "text" ? answer.text : answer.value);
      if (!time.ok) return { ok: false, reason: time.reason === "invalid_time" ? "invalid-datetime-impossible" : "invalid-time-unclear" };
      const day = dayPattern.exec(data[dayField] ?? "");
      if (!day) return { ok: false, reason: "invalid-time-unclear" };
      const moment = parseViDateTime(`${typedDay(day[1]!, day[2]!, day[3]!)} ${pad(time.hour)}:${pad(time.minute)}`, { now, timeZone: data.timeZone ?? defaultTimeZone });
      return moment.ok ? { ok: true, value: `at:${moment.at.toISOString()}` } : refused(moment.reason);
    },
  };
}

/** "3 ngày, 1 ngày, 2 giờ" → minutes before the meeting. */
export function parseOffsets(text: string): number[] | null {
  const folded = text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").toLowerCase();
  const parts = folded.split(/[,;]|\bva\b/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return null;
  const minutes: number[] = [];
  for (const part of parts) {
    const m = /^(\d{1,3})\s*(ngay|n|gio|g|h|tieng|phut|p)$/.exec(part.replace(/\s+truoc$/, ""));
    if (!m) return null;
    const n = Number(m[1]);
    const unit = m[2]!;
    const value = unit.startsWith("n") ? n * 1440 : unit.startsWith("p") ? n : n * 60;
    if (value < 10 || value > 30 * 1440) return null;
    minutes.push(value);
  }
  return [...new Set(minutes)].sort((a, b) => b - a);
}

/** A document answer: `link:<url>` or `file:<json>`, added to the list by the form. */
export function documentOf(value: string): MeetingDocument {
  if (value.startsWith("link:")) return { kind: "link", ref: value.slice(5), name: value.slice(5) };
  return JSON.parse(value.slice(5)) as MeetingDocument;
}

const documents: StepDef = {
  id: "documents",
  prompt: ({ t, data }) => ({
    text: t("ask-meeting-documents", { count: (JSON.parse(data.documentsJson ?? "[]") as unknown[]).length }),
    choices: [[stepChoice("documents", skipValue, t("button-documents-done"))]],
  }),
  accept: (answer) => {
    if (answer.kind === "pick") return answer.value === skipValue ? { ok: true, value: null } : { ok: false, reason: "invalid-choice" };
    if (answer.kind === "file") {
      const { file } = answer;
      return { ok: true, value: `file:${JSON.stringify({ kind: "file", ref: file.fileRef, name: file.name.slice(0, 120), platform: file.platform })}` };
    }
    const link = answer.text.trim();
    if (/^https?:\/\/\S+$/i.test(link) && link.length <= 500) return { ok: true, value: `link:${link}` };
    return { ok: false, reason: "invalid-document" };
  },
};

/**
 * What the check before saving lets the secretary correct, each with the questions it asks again
 * (the time is asked with its day) before coming back to the check.
 */
export const editableFields = {
  kind: ["kind"],
  title: ["title"],
  topic: ["topic"],
  time: ["date", "time"],
  place: ["place"],
  agenda: ["agenda"],
  preparation: ["preparation"],
  documents: ["documents"],
} as const satisfies Record<string, readonly string[]>;
type EditableField = keyof typeof editableFields;
const editPrefix = "edit-";

/** The questions a «Sửa …» at the check asks again, then the check; null for any other answer. */
export function editPlan(value: StepValue): string[] | null {
  const field = value?.startsWith(editPrefix) ? value.slice(editPrefix.length) : "";
  return field in editableFields ? [...editableFields[field as EditableField], "confirm"] : null;
}

const confirmOptions = (t: Translator): Option[] => [
  { value: "save", label: t("button-meeting-save") },
  ...Object.keys(editableFields).map((field) => ({ value: `${editPrefix}${field}`, label: t(`button-meeting-edit-${field}`) })),
];

/** The check before saving: the meeting as members will read it, «Lưu và thông báo», and a «Sửa …» per field, two to a row. */
const confirm: StepDef = {
  id: "confirm",
  prompt: ({ t, data, now }) => {
    const [save, ...edits] = confirmOptions(t).map((o) => stepChoice("confirm", o.value, o.label));
    const pairs = Array.from({ length: Math.ceil(edits.length / 2) }, (_, i) => edits.slice(2 * i, 2 * i + 2));
    return { text: `${t("meeting-confirm")}\n\n${previewText(t, data, now)}`, choices: [[save!], ...pairs, [cancelChoice(t)]] };
  },
  accept: (answer, { t }) => {
    const options = confirmOptions(t);
    if (answer.kind === "file") return { ok: false, reason: "invalid-pick-option" };
    if (answer.kind === "pick") return options.some((o) => o.value === answer.value) ? { ok: true, value: answer.value } : { ok: false, reason: "invalid-choice" };
    const matched = matchOption(answer.text, options);
    return matched ? { ok: true, value: matched } : { ok: false, reason: "invalid-pick-option" };
  },
};

const quietHours = (raw: string): Accepted => {
  const m = /^\s*(\d{1,2})[:h](\d{2})\s*[-–đến]+\s*(\d{1,2})[:h](\d{2})\s*$/i.exec(raw);
  if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) return { ok: false, reason: "invalid-quiet-hours" };
  return { ok: true, value: `${pad(Number(m[1]))}:${m[2]}-${pad(Number(m[3]))}:${m[4]}` };
};

/** «21:15», «21h15», «21 giờ»: a wall-clock time, kept as "HH:MM" (the day is the meeting's). */
const wallTime = (raw: string): Accepted => {
  const m = /^\s*(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})?\s*(?:phút)?\s*$/i.exec(raw);
  if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return { ok: false, reason: "invalid-wall-time" };
  return { ok: true, value: `${pad(Number(m[1]))}:${m[2] ?? "00"}` };
};

export const meetingSteps: Record<string, StepDef> = {
  kind: choiceStep("kind", "ask-meeting-kind", labelled(oneOffKinds, (v) => `meeting-kind-${v}`)),
  title: textStep("title", "ask-meeting-title", boundedText(3, 150)),
  topic: textStep("topic", "ask-meeting-topic", boundedText(3, 300), { optional: true }),
  date: dateStep("date", "ask-meeting-date"),
  time: timeStep("time", "ask-meeting-time", "date"),
  place: textStep("place", "ask-meeting-place", boundedText(2, 200), { optional: true }),
  agenda: textStep("agenda", "ask-meeting-agenda", boundedText(3, 1500), { optional: true }),
  preparation: textStep("preparation", "ask-meeting-preparation", boundedText(3, 800), { optional: true }),
  documents,
  confirm,
  rule: textStep("rule", "ask-meeting-rule", (raw) => {
    const parsed = parseViMonthlyRule(raw);
    return parsed.ok ? { ok: true, value: JSON.stringify(parsed.rule) } : { ok: false, reason: "invalid-rule" };
  }),
  rulePlace: textStep("rulePlace", "ask-rule-place", boundedText(2, 200), { optional: true }),
  moveDate: dateStep("moveDate", "ask-meeting-new-date"),
  moveTime: timeStep("moveTime", "ask-meeting-time", "moveDate"),
  newPlace: textStep("newPlace", "ask-meeting-new-place", boundedText(2, 200)),
  reasonText: textStep("reasonText", "ask-absence-reason-text", boundedText(3, 300)),
  offsets: textStep("offsets", "ask-reminder-offsets", (raw) => {
    const offsets = parseOffsets(raw);
    return offsets ? { ok: true, value: JSON.stringify(offsets) } : { ok: false, reason: "invalid-offsets" };
  }),
  quiet: textStep("quiet", "ask-quiet-hours", quietHours, { optional: true }),
  notes: textStep("notes", "ask-meeting-notes", boundedText(3, 3000), { optional: true }),
  endedAt: textStep("endedAt", "ask-meeting-ended", wallTime, { optional: true }),
  chair: textStep("chair", "ask-meeting-chair", boundedText(2, 100), { optional: true }),
  recorder: textStep("recorder", "ask-meeting-recorder", boundedText(2, 100), { optional: true }),
};
