/**
 * After a meeting: the attendance checklist (prefilled from the answers and any earlier record,
 * each tap cycling present → absent → excused), then the notes sent to the members.
 */
import { z } from "zod";
import { heldUntil } from "../../delivery/quiet-hours.ts";
import { checklistStep } from "../../kernel/dialogue/checklist.ts";
import type { DialogueData, FeatureContext, Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { attendanceStatuses, type AnswerLine, type AttendanceStatus } from "./model.ts";
import { attendanceSheet, lastHeldMeeting } from "./queries.ts";
import { recordAttendance } from "./services/attendance.ts";
import { saveMinutesDetails, saveNotes } from "./services/notes.ts";
import { meetingSteps } from "./steps.ts";
import { meetingTitle } from "./views.ts";

const checklistId = "att";
const listSchema = z.array(z.string());
const statesSchema = z.record(z.string(), z.enum(attendanceStatuses));
const listOf = (json: string | null | undefined) => listSchema.catch([]).parse(JSON.parse(json ?? "[]"));
const statesOf = (json: string | null | undefined) => statesSchema.catch({}).parse(JSON.parse(json ?? "{}"));

/** Where the checklist starts: what was recorded before, else what the member answered. */
function initialStatus(line: AnswerLine, recorded: ReadonlyMap<string, AttendanceStatus>): AttendanceStatus {
  return recorded.get(line.personId) ?? (line.answer === "attend" ? "present" : line.answer === "absent" ? "excused" : "absent");
}

const attendanceStep = checklistStep<AttendanceStatus>({
  id: checklistId,
  title: ({ t, data }) => `${t("attendance-title", { title: data.title ?? "" })}\n${t("attendance-legend")}`,
  // Items are the members as they were when the checklist opened, by their place in the list.
  items: ({ data }) => listOf(data.names).map((name, i) => ({ key: String(i), label: name })),
  states: attendanceStatuses,
  mark: { present: "✅", absent: "❌", excused: "🟡" },
  initial: ({ data }) => statesOf(data.initial),
  doneLabel: (t) => t("button-attendance-save"),
  typedRefusalKey: "attendance-use-buttons",
});

export function createAttendance(ctx: FeatureContext) {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();

  /** What the minutes need and only people know: asked last, each can be skipped. */
  const minutesForm = ctx.form({
    flow: "meeting-minutes",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const meetingId = data.meetingId ?? "";
      await saveMinutesDetails(db, { actorId: turn.person.id, meetingId, endedAt: data.endedAt ?? null, chair: data.chair ?? null, recorder: data.recorder ?? null, now: now() });
      // The minutes draft is offered once the record is complete: attendance, the resolution's points, who chaired.
      await turn.reply({ text: turn.t("minutes-ready"), choices: [[buttons.minutes.choice(turn.t("button-minutes"), { meetingId })]] });
    },
  });

  const notesForm = ctx.form({
    flow: "meeting-notes",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const meetingId = data.meetingId ?? "";
      if (!data.notes) await turn.reply({ text: turn.t("notes-skipped") });
      else {
        const { count, cell } = await saveNotes(db, { actorId: turn.person.id, meetingId, notes: data.notes, now: now() });
        ctx.kickOutbox();
        const held = heldUntil(cell, now());
        await turn.reply({ text: turn.t(held ? "notes-sent-held" : "notes-sent", { count, ...held }) });
      }
      await minutesForm.start(turn, ["endedAt", "chair", "recorder"], { meetingId });
    },
  });

  const attendanceForm = ctx.form({
    flow: "meeting-attendance",
    resumedBy: ["diemdanh"],
    steps: { [checklistId]: attendanceStep },
    finish: async (turn, data) => {
      const states = statesOf(data[checklistId]);
      const statuses = Object.fromEntries(listOf(data.ids).map((personId, i) => [personId, states[String(i)] ?? "absent"]));
      const counts = await recordAttendance(db, { actorId: turn.person.id, meetingId: data.meetingId ?? "", statuses, now: now() });
      ctx.kickOutbox();
      await turn.reply({ text: turn.t("attendance-saved", counts) });
      await notesForm.start(turn, ["notes"], { meetingId: data.meetingId ?? "" });
    },
  });

  /** Opens the checklist of a meeting that has taken place, for its secretary or deputy. */
  async function start(turn: Turn, meetingId: string): Promise<void> {
    const { meeting, lines, recorded } = await attendanceSheet(db, { personId: turn.person.id, meetingId, t: turn.t });
    if (meeting.status !== "scheduled") return ctx.staleButton(turn);
    if (meeting.startsAt > now()) return turn.reply({ text: turn.t("attendance-not-yet") });
    const data: DialogueData = {
      meetingId,
      title: meetingTitle(turn.t, meeting, meeting.cell.timeZone),
      ids: JSON.stringify(lines.map((l) => l.personId)),
      names: JSON.stringify(lines.map((l) => l.name)),
      initial: JSON.stringify(Object.fromEntries(lines.map((l, i) => [String(i), initialStatus(l, recorded)]))),
    };
    await attendanceForm.start(turn, [checklistId], data);
  }

  /** /diemdanh: the last meeting that has taken place. */
  const lastMeeting = (turn: Turn) =>
    ctx.withCell(turn, "diemdanh", async (m) => {
      const last = await lastHeldMeeting(db, { personId: turn.person.id, cellId: m.cellId, now: now() });
      if (!last) return turn.reply({ text: turn.t("attendance-nothing") });
      return start(turn, last.id);
    });

  return { forms: [attendanceForm, notesForm, minutesForm], start, lastMeeting };
}
