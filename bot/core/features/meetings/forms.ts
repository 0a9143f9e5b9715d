/** The secretary's dialogues that shape the calendar: a new meeting, the monthly rule, moving or re-placing a meeting, the reminder settings. */
import { heldUntil } from "../../delivery/quiet-hours.ts";
import type { DialogueData, FeatureContext, Turn } from "../../kernel/feature.ts";
import { describeMonthlyRuleVi, monthlyRuleSchema, nextOccurrences } from "../../time/monthly-rule.ts";
import type { MeetingDocument, MeetingDraft, MeetingKind } from "./model.ts";
import { isAhead, meetingForAdmin, usualPlace, cellForAdmin } from "./queries.ts";
import { changeMeeting, createMeeting } from "./services/meetings.ts";
import { setMonthlyRule } from "./services/rules.ts";
import { setReminderSettings } from "./services/settings.ts";
import { documentOf, meetingSteps } from "./steps.ts";
import { meetingDetails, settingsText, whenText } from "./views.ts";

const atOf = (value: string | null | undefined) => (value?.startsWith("at:") ? new Date(value.slice(3)) : null);
const documentsOf = (data: DialogueData) => JSON.parse(data.documentsJson ?? "[]") as MeetingDocument[];

/** The meeting the new-meeting dialogue describes so far. */
function draftOf(data: DialogueData, startsAt: Date): MeetingDraft {
  return {
    kind: (data.kind ?? "chuyen_de") as MeetingKind,
    title: data.title ?? null,
    topic: data.topic ?? null,
    startsAt,
    place: data.place ?? null,
    agenda: data.agenda ?? null,
    preparation: data.preparation ?? null,
    documents: documentsOf(data),
  };
}

export function createMeetingForms(ctx: FeatureContext) {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();

  function previewOf(turn: Turn, data: DialogueData): string {
    const draft = draftOf(data, atOf(data.time) ?? now());
    const preview = meetingDetails(
      turn.t,
      { ...draft, id: "", cellId: "", ruleId: null, documents: "[]", status: "scheduled", version: 1, notes: null, attendanceRecordedAt: null },
      { name: data.cellName ?? "", timeZone: data.timeZone ?? ctx.deps.settings.defaultTimeZone },
    );
    return draft.documents.length ? `${preview}\n${turn.t("meeting-documents-count", { count: draft.documents.length })}` : preview;
  }

  const newMeetingForm = ctx.form({
    flow: "meeting-new",
    steps: meetingSteps,
    next: (step, value) => {
      // A date typed with its time needs no time question; each document asks for the next one.
      if (step === "date" && value?.startsWith("at:")) return "place";
      if (step === "documents" && value !== null) return "documents";
      return undefined;
    },
    onAnswer: async (turn, step, value, data) => {
      const next: DialogueData = { ...data };
      if (step === "date" && value?.startsWith("at:")) next.time = value;
      if (step === "documents" && value) {
        const docs = [...documentsOf(data), documentOf(value)];
        next.documentsJson = JSON.stringify(docs.slice(0, 10));
        await turn.reply({ text: turn.t("meeting-document-added", { count: docs.length }) });
      }
      if (step === "documents" && value === null) next.preview = previewOf(turn, next);
      return next;
    },
    finish: async (turn, data) => {
      const startsAt = atOf(data.time);
      const outcome = startsAt ? await createMeeting(db, { actorId: turn.person.id, cellId: data.cellId ?? "", draft: draftOf(data, startsAt), now: now() }) : null;
      // The time passed while the secretary was answering: back to the date, nothing else is lost.
      if (outcome?.kind !== "created") return { reask: "date", reason: turn.t("invalid-datetime-past") };
      ctx.kickOutbox();
      const held = heldUntil(outcome.cell, now());
      await turn.reply({ text: turn.t(held ? "meeting-saved-held" : "meeting-saved", { count: outcome.invited, when: whenText(turn.t, outcome.meeting.startsAt, outcome.cell.timeZone), ...held }) });
      return undefined;
    },
  });

  const ruleForm = ctx.form({
    flow: "meeting-rule",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const rule = monthlyRuleSchema.parse(JSON.parse(data.rule ?? "null"));
      const { cell, changed } = await setMonthlyRule(db, { actorId: turn.person.id, cellId: data.cellId ?? "", rule, place: data.rulePlace ?? null, now: now() });
      if (changed) ctx.kickOutbox();
      const next = nextOccurrences(rule, { after: now(), count: 2, timeZone: cell.timeZone }).map((d) => whenText(turn.t, d, cell.timeZone));
      await turn.reply({ text: turn.t("rule-saved", { rule: describeMonthlyRuleVi(rule), next: next.join("; ") }) });
    },
  });

  const moveForm = ctx.form({
    flow: "meeting-move",
    steps: meetingSteps,
    next: (step, value) => (step === "moveDate" && value?.startsWith("at:") ? null : undefined),
    onAnswer: async (_turn, step, value, data) => (step === "moveDate" && value?.startsWith("at:") ? { ...data, moveTime: value } : data),
    finish: async (turn, data) => {
      const startsAt = atOf(data.moveTime);
      if (!startsAt) return ctx.staleButton(turn);
      const { cell } = await changeMeeting(db, { actorId: turn.person.id, meetingId: data.meetingId ?? "", change: { startsAt }, now: now() });
      ctx.kickOutbox();
      const held = heldUntil(cell, now());
      await turn.reply({ text: turn.t(held ? "meeting-moved-held" : "meeting-moved", { when: whenText(turn.t, startsAt, cell.timeZone), ...held }) });
    },
  });

  const placeForm = ctx.form({
    flow: "meeting-place",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const { cell } = await changeMeeting(db, { actorId: turn.person.id, meetingId: data.meetingId ?? "", change: { place: data.newPlace ?? null }, now: now() });
      ctx.kickOutbox();
      const held = heldUntil(cell, now());
      await turn.reply({ text: turn.t(held ? "meeting-place-changed-held" : "meeting-place-changed", { place: data.newPlace ?? "", ...held }) });
    },
  });

  const settingsForm = ctx.form({
    flow: "meeting-settings",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const after = await setReminderSettings(db, { actorId: turn.person.id, cellId: data.cellId ?? "", offsets: data.offsets ?? null, quiet: data.quiet ?? null, now: now() });
      ctx.kickOutbox();
      await turn.reply({ text: settingsText(turn.t, after) });
    },
  });

  /** A meeting that can still be changed, for its secretary or deputy; a stale button otherwise. */
  async function changeable(turn: Turn, meetingId: string) {
    const meeting = await meetingForAdmin(db, { personId: turn.person.id, meetingId });
    if (isAhead(meeting, now())) return meeting;
    await ctx.staleButton(turn);
    return null;
  }

  return {
    forms: [newMeetingForm, ruleForm, moveForm, placeForm, settingsForm],
    startNew: (turn: Turn) =>
      ctx.withCell(turn, "hop", async (m) => {
        const { place } = await usualPlace(db, { personId: turn.person.id, cellId: m.cellId });
        const plan = ["kind", "title", "topic", "date", "time", "place", "agenda", "preparation", "documents", "confirm"];
        await newMeetingForm.start(turn, plan, { cellId: m.cellId, cellName: m.cell.name, timeZone: m.cell.timeZone, usualPlace: place, documentsJson: "[]" }, turn.t("new-meeting-intro"));
      }),
    startRule: (turn: Turn) =>
      ctx.withCell(turn, "hop", async (m) => {
        await cellForAdmin(db, { personId: turn.person.id, cellId: m.cellId });
        await ruleForm.start(turn, ["rule", "rulePlace"], { cellId: m.cellId });
      }),
    async startMove(turn: Turn, meetingId: string) {
      const meeting = await changeable(turn, meetingId);
      if (meeting) await moveForm.start(turn, ["moveDate", "moveTime"], { meetingId, timeZone: meeting.cell.timeZone });
    },
    async startPlace(turn: Turn, meetingId: string) {
      if (await changeable(turn, meetingId)) await placeForm.start(turn, ["newPlace"], { meetingId });
    },
    /** /nhaclich: the settings as they are, then the questions to change them. */
    startSettings: (turn: Turn) =>
      ctx.withCell(turn, "nhaclich", async (m) => {
        const { cell } = await cellForAdmin(db, { personId: turn.person.id, cellId: m.cellId });
        await turn.reply({ text: settingsText(turn.t, cell) });
        await settingsForm.start(turn, ["offsets", "quiet"], { cellId: m.cellId });
      }),
    changeable,
  };
}
