import { choiceStep, parseStepChoice, skipValue, stepChoice, textStep, type StepDef } from "../../kernel/dialogue/steps.ts";
import { parseViDateTime, parseViTime } from "../../time/parse-vi-datetime.ts";
import { parseViMonthlyRule } from "../../time/monthly-rule.ts";
import { addDays, utcToZonedWall, zonedWallToUtc } from "../../time/zoned.ts";
import type { Checked } from "../../domain/validation.ts";
import { oneOffKinds } from "./service.ts";

const pad = (n: number) => String(n).padStart(2, "0");

function boundedText(min: number, max: number) {
  return (raw: string): Checked<string> => {
    const value = raw.normalize("NFC").trim();
    if (value.length === 0) return { ok: false, reason: "invalid-empty" };
    if (value.length < min) return { ok: false, reason: "invalid-too-short", params: { min } };
    if (value.length > max) return { ok: false, reason: "invalid-too-long", params: { max, length: value.length } };
    if (value.startsWith("/")) return { ok: false, reason: "invalid-looks-like-command" };
    return { ok: true, value };
  };
}

const dateReasonKey: Record<string, string> = {
  empty: "invalid-empty",
  unclear: "invalid-datetime-unclear",
  invalid_date: "invalid-datetime-impossible",
  past: "invalid-datetime-past",
  missing_time: "invalid-datetime-missing-time",
  too_far: "invalid-datetime-too-far",
};

/**
 * The meeting's date: typed as people write it ("5/12 19h30", "thứ 6 tuần sau 14h") or a day
 * picked from buttons. A date with its time gives `at:<iso>`; a day alone gives `day:<y-m-d>`,
 * and the time is asked next. Anything unclear is refused with an example, never guessed.
 */
export function dateStep(id: string, promptKey: string): StepDef {
  return {
    id,
    prompt: ({ t, data, now }) => {
      const tz = data.timeZone ?? "Asia/Ho_Chi_Minh";
      const today = utcToZonedWall(now ?? new Date(), tz);
      const days = Array.from({ length: 8 }, (_, i) => addDays(today, i + 1));
      const buttons = days.map((d) => stepChoice(id, `day:${d.year}-${pad(d.month)}-${pad(d.day)}`, `${t(`weekday-short-${zonedWeekday(d, tz)}`)} ${pad(d.day)}/${pad(d.month)}`));
      return { text: t(promptKey), choices: [buttons.slice(0, 4), buttons.slice(4, 8)] };
    },
    accept: (input, { data, now }) => {
      if (input.kind === "choice") {
        const chosen = parseStepChoice(input.data);
        return chosen && /^day:\d{4}-\d{2}-\d{2}$/.test(chosen.value) ? { ok: true, value: chosen.value } : { ok: false, reason: "invalid-choice" };
      }
      if (input.kind !== "text") return { ok: false, reason: "invalid-expected-text" };
      const tz = data.timeZone ?? "Asia/Ho_Chi_Minh";
      const parsed = parseViDateTime(input.text, { now: now ?? new Date(), timeZone: tz });
      if (parsed.ok) return { ok: true, value: `at:${parsed.at.toISOString()}` };
      if (parsed.reason === "missing_time" && parsed.detail === "time") {
        // A date alone: read it again with a placeholder time to learn the day, then ask the time.
        const probe = parseViDateTime(`${input.text} 23h59`, { now: now ?? new Date(), timeZone: tz });
        if (probe.ok) return { ok: true, value: `day:${probe.wall.year}-${pad(probe.wall.month)}-${pad(probe.wall.day)}` };
      }
      return { ok: false, reason: dateReasonKey[parsed.reason] ?? "invalid-datetime-unclear" };
    },
  };
}

function zonedWeekday(d: { year: number; month: number; day: number }, tz: string): number {
  return utcToZonedWall(zonedWallToUtc({ ...d, hour: 12, minute: 0 }, tz), tz).weekday;
}

/** The time of a day chosen before: typed ("19h30", "7h tối") or one of the usual times. */
export function timeStep(id: string, promptKey: string, dayField: string): StepDef {
  const usual = ["07:30", "08:00", "14:00", "19:30"];
  return {
    id,
    prompt: ({ t }) => ({ text: t(promptKey), choices: [usual.map((u) => stepChoice(id, u, u))] }),
    accept: (input, { data, now }) => {
      let hhmm: { hour: number; minute: number } | null = null;
      if (input.kind === "choice") {
        const chosen = parseStepChoice(input.data);
        const m = chosen ? /^(\d{2}):(\d{2})$/.exec(chosen.value) : null;
        if (m) hhmm = { hour: Number(m[1]), minute: Number(m[2]) };
      } else if (input.kind === "text") {
        const parsed = parseViTime(input.text);
        if (parsed.ok) hhmm = { hour: parsed.hour, minute: parsed.minute };
        else return { ok: false, reason: parsed.reason === "invalid_time" ? "invalid-datetime-impossible" : "invalid-time-unclear" };
      }
      if (!hhmm) return { ok: false, reason: "invalid-time-unclear" };
      const day = /^day:(\d{4})-(\d{2})-(\d{2})$/.exec(data[dayField] ?? "");
      if (!day) return { ok: false, reason: "invalid-time-unclear" };
      const at = zonedWallToUtc({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), ...hhmm }, data.timeZone ?? "Asia/Ho_Chi_Minh");
      if (at <= (now ?? new Date())) return { ok: false, reason: "invalid-datetime-past" };
      return { ok: true, value: `at:${at.toISOString()}` };
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

export const meetingSteps = {
  kind: choiceStep("kind", "ask-meeting-kind", oneOffKinds, (v) => `meeting-kind-${v}`),
  title: textStep("title", "ask-meeting-title", boundedText(3, 150)),
  topic: textStep("topic", "ask-meeting-topic", boundedText(3, 300), true),
  date: dateStep("date", "ask-meeting-date"),
  time: timeStep("time", "ask-meeting-time", "date"),
  place: textStep("place", "ask-meeting-place", boundedText(2, 200), true),
  agenda: textStep("agenda", "ask-meeting-agenda", boundedText(3, 1500), true),
  preparation: textStep("preparation", "ask-meeting-preparation", boundedText(3, 800), true),
  documents: {
    id: "documents",
    prompt: ({ t, data }) => ({
      text: t("ask-meeting-documents", { count: JSON.parse(data.documentsJson ?? "[]").length }),
      choices: [[stepChoice("documents", skipValue, t("button-documents-done"))]],
    }),
    accept: (input) => {
      if (input.kind === "choice") return parseStepChoice(input.data)?.value === skipValue ? { ok: true, value: null } : { ok: false, reason: "invalid-choice" };
      if (input.kind === "text" && /^https?:\/\/\S+$/i.test(input.text.trim()) && input.text.trim().length <= 500) return { ok: true, value: `link:${input.text.trim()}` };
      return { ok: false, reason: "invalid-document" };
    },
  } satisfies StepDef,
  confirm: {
    id: "confirm",
    prompt: ({ t, data }) => ({
      text: `${t("meeting-confirm")}\n\n${data.preview ?? ""}`,
      choices: [[stepChoice("confirm", "save", t("button-meeting-save"))], [{ label: t("button-cancel"), data: "x" }]],
    }),
    accept: (input) =>
      input.kind === "choice" && parseStepChoice(input.data)?.value === "save" ? { ok: true, value: "save" } : { ok: false, reason: "invalid-pick-option" },
  } satisfies StepDef,
  rule: textStep("rule", "ask-meeting-rule", (raw) => {
    const parsed = parseViMonthlyRule(raw);
    return parsed.ok ? { ok: true, value: JSON.stringify(parsed.rule) } : { ok: false, reason: "invalid-rule" };
  }),
  rulePlace: textStep("rulePlace", "ask-rule-place", boundedText(2, 200), true),
  moveDate: dateStep("moveDate", "ask-meeting-new-date"),
  moveTime: timeStep("moveTime", "ask-meeting-time", "moveDate"),
  newPlace: textStep("newPlace", "ask-meeting-new-place", boundedText(2, 200)),
  reasonText: textStep("reasonText", "ask-absence-reason-text", boundedText(3, 300)),
  offsets: textStep("offsets", "ask-reminder-offsets", (raw) => {
    const offsets = parseOffsets(raw);
    return offsets ? { ok: true, value: JSON.stringify(offsets) } : { ok: false, reason: "invalid-offsets" };
  }),
  quiet: textStep(
    "quiet",
    "ask-quiet-hours",
    (raw) => {
      const m = /^\s*(\d{1,2})[:h](\d{2})\s*[-–đến]+\s*(\d{1,2})[:h](\d{2})\s*$/i.exec(raw);
      if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) return { ok: false, reason: "invalid-quiet-hours" };
      return { ok: true, value: `${pad(Number(m[1]))}:${m[2]}-${pad(Number(m[3]))}:${m[4]}` };
    },
    true,
  ),
  notes: textStep("notes", "ask-meeting-notes", boundedText(3, 3000), true),
} satisfies Record<string, StepDef>;
