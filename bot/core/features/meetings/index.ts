import { audit } from "../../domain/audit.ts";
import { createForm } from "../../kernel/dialogue/form.ts";
import type { DialogueData } from "../../kernel/dialogue/store.ts";
import { advanceDialogue, endDialogue } from "../../kernel/dialogue/store.ts";
import { DomainError } from "../../domain/errors.ts";
import type { ChoiceHandler, DialogueHandler, FeatureFactory, Turn } from "../../kernel/feature.ts";
import type { Choice } from "../../contract/messages.ts";
import { activeMemberships, adminRoles, requireRole, type Role } from "../../domain/members.ts";
import { planMessages } from "../../delivery/outbox.ts";
import { describeMonthlyRuleVi, monthlyRuleSchema, nextOccurrences } from "../../time/monthly-rule.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { meetingOutboxKinds, planMeeting, replanCell, reminderOffsets } from "./planning.ts";
import { answerLines, meetingRenderers } from "./renderers.ts";
import {
  absenceTallies,
  changeMeeting,
  createMeeting,
  expandRules,
  invitedMembers,
  recordAttendance,
  recordResponse,
  setMonthlyRule,
  upcomingMeetings,
  type AbsenceReason,
  type AttendanceStatus,
  type MeetingDocument,
  type MeetingKind,
} from "./service.ts";
import { meetingSteps } from "./steps.ts";
import { answerChoices, answerText, attendanceChecklist, meetingDetails, meetingTitle, nextStatus, reasonChoices, reasonCodes, summaryText, whenText } from "./views.ts";

const isAdmin = (role: string) => adminRoles.includes(role as Role);
const atOf = (value: string | null | undefined) => (value?.startsWith("at:") ? new Date(value.slice(3)) : null);

/** Meetings: the monthly rule, one-off meetings, reminders, answers, the summary, attendance. */
export const meetingsFeature: FeatureFactory = (ctx) => {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();
  const kick = () => ctx.deps.kickOutbox?.();

  async function adminOfMeeting(turn: Turn, meetingId: string) {
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { cell: true } });
    if (!meeting) throw new DomainError("not-found");
    await requireRole(db, turn.person.id, meeting.cellId, adminRoles);
    return meeting;
  }

  async function memberOfMeeting(turn: Turn, meetingId: string) {
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { cell: true } });
    if (!meeting) throw new DomainError("not-found");
    await requireRole(db, turn.person.id, meeting.cellId, ["secretary", "deputy", "committee", "member"]);
    return meeting;
  }

  // ---- forms ----

  const newMeeting = createForm(ctx, {
    flow: "meeting-new",
    steps: meetingSteps,
    next: (step, value) => {
      if (step === "date" && value?.startsWith("at:")) return "place";
      if (step === "documents" && value !== null) return "documents";
      return undefined;
    },
    acceptOther: (step, input) =>
      step === "documents" && input.kind === "file" ? `file:${JSON.stringify({ kind: "file", ref: input.file.fileRef, name: input.file.name.slice(0, 120), platform: input.file.platform })}` : undefined,
    onAnswer: async (turn, step, value, data) => {
      const next: DialogueData = { ...data };
      if (step === "date" && value?.startsWith("at:")) next.time = value;
      if (step === "documents" && value) {
        const docs = JSON.parse(data.documentsJson ?? "[]") as MeetingDocument[];
        docs.push(value.startsWith("link:") ? { kind: "link", ref: value.slice(5), name: value.slice(5) } : (JSON.parse(value.slice(5)) as MeetingDocument));
        next.documentsJson = JSON.stringify(docs.slice(0, 10));
        await turn.reply({ text: turn.t("meeting-document-added", { count: docs.length }) });
      }
      if (step === "documents" && value === null) next.preview = previewOf(turn, next);
      return next;
    },
    finish: async (turn, data) => {
      const m = await requireRole(db, turn.person.id, data.cellId ?? "", adminRoles);
      const startsAt = atOf(data.time);
      if (!startsAt || startsAt <= now()) return void (await turn.reply({ text: turn.t("invalid-datetime-past") }));
      const meeting = await createMeeting(db, { ...draftOf(data, startsAt), cellId: m.cellId, actorId: turn.person.id, now: now() });
      await planMeeting(db, meeting.id, now(), "new");
      kick();
      const invited = (await invitedMembers(db, m.cellId)).length;
      await turn.reply({ text: turn.t("meeting-saved", { count: invited, when: whenText(turn.t, startsAt, m.cell.timeZone) }) });
    },
  });

  /** The meeting the new-meeting dialogue describes so far. */
  function draftOf(data: DialogueData, startsAt: Date) {
    return {
      kind: (data.kind ?? "chuyen_de") as MeetingKind,
      title: data.title ?? null,
      topic: data.topic ?? null,
      startsAt,
      place: data.place ?? null,
      agenda: data.agenda ?? null,
      preparation: data.preparation ?? null,
      documents: JSON.parse(data.documentsJson ?? "[]") as MeetingDocument[],
    };
  }

  function previewOf(turn: Turn, data: DialogueData): string {
    const startsAt = atOf(data.time) ?? now();
    const docs = JSON.parse(data.documentsJson ?? "[]") as MeetingDocument[];
    const draft = draftOf(data, startsAt);
    const preview = meetingDetails(
      turn.t,
      { ...draft, id: "", cellId: "", ruleId: null, documents: "[]", status: "scheduled", version: 1, notes: null, attendanceRecordedAt: null },
      { name: data.cellName ?? "", timeZone: data.timeZone ?? ctx.deps.settings.defaultTimeZone },
    );
    return docs.length ? `${preview}\n${turn.t("meeting-documents-count", { count: docs.length })}` : preview;
  }

  const ruleForm = createForm(ctx, {
    flow: "meeting-rule",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const m = await requireRole(db, turn.person.id, data.cellId ?? "", adminRoles);
      const rule = monthlyRuleSchema.parse(JSON.parse(data.rule ?? "null"));
      await setMonthlyRule(db, { cellId: m.cellId, actorId: turn.person.id, rule, place: data.rulePlace ?? null, now: now() });
      await applyRules(m.cellId);
      const next = nextOccurrences(rule, { after: now(), count: 2, timeZone: m.cell.timeZone }).map((d) => whenText(turn.t, d, m.cell.timeZone));
      await turn.reply({ text: turn.t("rule-saved", { rule: describeMonthlyRuleVi(rule), next: next.join("; ") }) });
    },
  });

  /** Schedules the rules' next occurrences and plans their reminders; members hear of a moved one. */
  async function applyRules(cellId?: string): Promise<void> {
    const at = now();
    const { created, moved } = await expandRules(db, at, cellId);
    for (const m of created) await planMeeting(db, m.id, at);
    for (const { after } of moved) await planMeeting(db, after.id, at, "moved");
    if (created.length || moved.length) kick();
  }

  const moveForm = createForm(ctx, {
    flow: "meeting-move",
    steps: meetingSteps,
    next: (step, value) => (step === "moveDate" && value?.startsWith("at:") ? null : undefined),
    onAnswer: async (_turn, step, value, data) => (step === "moveDate" && value?.startsWith("at:") ? { ...data, moveTime: value } : data),
    finish: async (turn, data) => {
      const meeting = await adminOfMeeting(turn, data.meetingId ?? "");
      const startsAt = atOf(data.moveTime);
      if (!startsAt) return ctx.staleButton(turn);
      await changeMeeting(db, { meetingId: meeting.id, actorId: turn.person.id, change: { startsAt }, now: now() });
      await planMeeting(db, meeting.id, now(), "moved");
      kick();
      await turn.reply({ text: turn.t("meeting-moved", { when: whenText(turn.t, startsAt, meeting.cell.timeZone) }) });
    },
  });

  const placeForm = createForm(ctx, {
    flow: "meeting-place",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const meeting = await adminOfMeeting(turn, data.meetingId ?? "");
      await changeMeeting(db, { meetingId: meeting.id, actorId: turn.person.id, change: { place: data.newPlace ?? null }, now: now() });
      await planMeeting(db, meeting.id, now(), "place");
      kick();
      await turn.reply({ text: turn.t("meeting-place-changed", { place: data.newPlace ?? "" }) });
    },
  });

  const absenceForm = createForm(ctx, {
    flow: "meeting-absence",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const personId = data.personId ?? turn.person.id;
      await answer(turn, data.meetingId ?? "", personId, "absent", "khac", data.reasonText ?? null);
    },
  });

  const settingsForm = createForm(ctx, {
    flow: "meeting-settings",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const m = await requireRole(db, turn.person.id, data.cellId ?? "", adminRoles);
      const [quietStart, quietEnd] = data.quiet ? data.quiet.split("-") : [m.cell.quietStart, m.cell.quietEnd];
      const before = { reminderOffsets: m.cell.reminderOffsets, quietStart: m.cell.quietStart, quietEnd: m.cell.quietEnd };
      const after = { reminderOffsets: data.offsets ?? m.cell.reminderOffsets, quietStart: quietStart!, quietEnd: quietEnd! };
      await db.cell.update({ where: { id: m.cellId }, data: after });
      await audit(db, { cellId: m.cellId, actorPersonId: turn.person.id, action: "cell.settings_changed", details: { before, after }, at: now() });
      await replanCell(db, m.cellId, now());
      await turn.reply({ text: settingsText(turn, after) });
    },
  });

  function settingsText(turn: Turn, s: { reminderOffsets: string; quietStart: string; quietEnd: string }): string {
    const offsets = reminderOffsets(s.reminderOffsets).map((o) => (o % 1440 === 0 ? turn.t("offset-days", { n: o / 1440 }) : o % 60 === 0 ? turn.t("offset-hours", { n: o / 60 }) : turn.t("offset-minutes", { n: o })));
    return turn.t("settings-view", { offsets: offsets.join(", "), quietStart: s.quietStart, quietEnd: s.quietEnd });
  }

  const notesForm = createForm(ctx, {
    flow: "meeting-notes",
    steps: meetingSteps,
    finish: async (turn, data) => {
      const meeting = await adminOfMeeting(turn, data.meetingId ?? "");
      if (!data.notes) return void (await turn.reply({ text: turn.t("notes-skipped") }));
      await db.meeting.update({ where: { id: meeting.id }, data: { notes: data.notes } });
      await audit(db, { cellId: meeting.cellId, actorPersonId: turn.person.id, action: "meeting.notes", details: { meetingId: meeting.id, length: data.notes.length }, at: now() });
      const members = await db.membership.findMany({ where: { cellId: meeting.cellId, status: "active" } });
      const stamp = now().getTime();
      await planMessages(
        db,
        members.map((m) => ({ key: `mn:${meeting.id}:${stamp}:${m.personId}`, kind: meetingOutboxKinds.notes, personId: m.personId, cellId: meeting.cellId, subjectId: meeting.id, dueAt: now() })),
      );
      kick();
      await turn.reply({ text: turn.t("notes-sent", { count: members.length }) });
    },
  });

  // ---- answers ----

  async function answer(turn: Turn, meetingId: string, personId: string, value: "attend" | "absent", reason: AbsenceReason | null, reasonText: string | null) {
    const proxy = personId !== turn.person.id;
    const meeting = proxy ? await adminOfMeeting(turn, meetingId) : await memberOfMeeting(turn, meetingId);
    await recordResponse(db, { meetingId, personId, answer: value, reason, reasonText, enteredById: turn.person.id, now: now() });
    const response = { answer: value, reason, reasonText };
    if (proxy) {
      const person = await db.person.findUnique({ where: { id: personId } });
      await turn.reply({ text: turn.t("proxy-recorded", { name: person?.fullName ?? "?", answer: answerText(turn.t, response) }) });
    } else {
      await turn.reply({ text: turn.t("answer-recorded", { answer: answerText(turn.t, response), title: meetingTitle(turn.t, meeting, meeting.cell.timeZone), when: whenText(turn.t, meeting.startsAt, meeting.cell.timeZone) }) });
    }
  }

  // ---- attendance checklist ----

  async function startAttendance(turn: Turn, meetingId: string) {
    const meeting = await adminOfMeeting(turn, meetingId);
    if (meeting.status !== "scheduled") return ctx.staleButton(turn);
    if (meeting.startsAt > now()) return void (await turn.reply({ text: turn.t("attendance-not-yet") }));
    const lines = await answerLines(ctx.deps, meeting, turn.t);
    const recorded = new Map((await db.attendance.findMany({ where: { meetingId } })).map((a) => [a.personId, a.status as AttendanceStatus]));
    const states = lines.map((l) => recorded.get(l.personId) ?? (l.answer === "attend" ? "present" : l.answer === "absent" ? "excused" : "absent"));
    const data = { meetingId, ids: JSON.stringify(lines.map((l) => l.personId)), names: JSON.stringify(lines.map((l) => l.name)), states: JSON.stringify(states) };
    await ctx.startDialogue(turn, "meeting-attendance", "att", data);
    await turn.reply(attendanceChecklist(turn.t, meetingTitle(turn.t, meeting, meeting.cell.timeZone), lines.map((l, i) => ({ name: l.name, status: states[i]! }))));
  }

  const attendanceHandler: DialogueHandler = async (turn, dialogue, input) => {
    const ids = JSON.parse(dialogue.data.ids ?? "[]") as string[];
    const names = JSON.parse(dialogue.data.names ?? "[]") as string[];
    const states = JSON.parse(dialogue.data.states ?? "[]") as AttendanceStatus[];
    const meeting = await adminOfMeeting(turn, dialogue.data.meetingId ?? "");
    const title = meetingTitle(turn.t, meeting, meeting.cell.timeZone);
    const show = (replace: boolean) => turn.reply(attendanceChecklist(turn.t, title, names.map((name, i) => ({ name, status: states[i]! }))), { replacePressed: replace });
    const value = input.kind === "choice" ? /^d:att:(\w+)$/.exec(input.data)?.[1] : undefined;
    if (value === undefined) {
      if (input.kind === "choice") await turn.reply({ text: turn.t("stale-button") });
      else if (!(input.kind === "unsupported" && input.what === "reprompt")) await turn.reply({ text: turn.t("attendance-use-buttons") });
      return show(false);
    }
    if (value === "save") {
      const claimed = await advanceDialogue(db, turn.person.id, dialogue, "_saving", dialogue.data);
      if (!claimed) return ctx.staleButton(turn);
      await endDialogue(db, turn.person.id);
      await recordAttendance(db, { meetingId: meeting.id, actorId: turn.person.id, statuses: Object.fromEntries(ids.map((id, i) => [id, states[i]!])), now: now() });
      await planAbsenceWarnings(meeting.cellId, meeting.startsAt, meeting.cell.timeZone, ids);
      const count = (s: AttendanceStatus) => states.filter((x) => x === s).length;
      await turn.reply({ text: turn.t("attendance-saved", { present: count("present"), excused: count("excused"), absent: count("absent") }) });
      return notesForm.start(turn, ["notes"], { meetingId: meeting.id });
    }
    const index = Number(value);
    if (!Number.isInteger(index) || index < 0 || index >= states.length) return show(false);
    states[index] = nextStatus[states[index]!];
    const saved = await advanceDialogue(db, turn.person.id, dialogue, "att", { ...dialogue.data, states: JSON.stringify(states) });
    if (!saved) return ctx.staleButton(turn);
    return show(true);
  };

  /** Warns the secretary privately when a member reaches two, then three, months of unexcused absence in a year. */
  async function planAbsenceWarnings(cellId: string, meetingAt: Date, timeZone: string, personIds: string[]) {
    const year = utcToZonedWall(meetingAt, timeZone).year;
    const tallies = await absenceTallies(db, cellId, year, timeZone);
    const secretaries = await db.membership.findMany({ where: { cellId, status: "active", role: "secretary" } });
    const rows = personIds.flatMap((personId) => {
      const months = tallies.get(personId)?.unexcusedMonths ?? 0;
      const level = months >= 3 ? 3 : months >= 2 ? 2 : 0;
      if (!level) return [];
      return secretaries.map((s) => ({
        key: `aw:${cellId}:${personId}:${year}:${level}:${s.personId}`,
        kind: meetingOutboxKinds.absenceWarning,
        personId: s.personId,
        cellId,
        payload: { memberId: personId, year },
        dueAt: now(),
      }));
    });
    if (rows.length) {
      await planMessages(db, rows);
      kick();
    }
  }

  // ---- views ----

  async function showSchedule(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) return void (await turn.reply({ text: turn.t("error-no-cell") }));
    const meetings = await upcomingMeetings(db, memberships.map((m) => m.cellId), now(), 5);
    if (meetings.length === 0) return void (await turn.reply({ text: turn.t("schedule-empty") }));
    const responses = new Map((await db.meetingResponse.findMany({ where: { personId: turn.person.id, meetingId: { in: meetings.map((m) => m.id) } } })).map((r) => [r.meetingId, r]));
    await turn.reply({ text: turn.t("schedule-title", { count: meetings.length }) });
    for (const m of meetings) {
      const response = responses.get(m.id);
      await turn.reply({ text: `${meetingDetails(turn.t, m, m.cell)}\n${turn.t("your-answer", { answer: answerText(turn.t, response) })}`, choices: answerChoices(turn.t, m.id) });
    }
  }

  async function showAdmin(turn: Turn): Promise<void> {
    return ctx.withCell(turn, "hop", async (m) => {
      await requireRole(db, turn.person.id, m.cellId, adminRoles);
      const rule = await db.meetingRule.findFirst({ where: { cellId: m.cellId, active: true } });
      const parsed = rule ? monthlyRuleSchema.safeParse(JSON.parse(rule.rule)) : null;
      const meetings = await upcomingMeetings(db, [m.cellId], now(), 6);
      const recent = await db.meeting.findMany({ where: { cellId: m.cellId, status: "scheduled", startsAt: { lte: now() } }, orderBy: { startsAt: "desc" }, take: 2 });
      const choices: Choice[][] = [
        [{ label: turn.t("button-new-meeting"), data: "mt:new" }],
        [{ label: turn.t(rule ? "button-change-rule" : "button-set-rule"), data: "mt:rule" }],
        ...meetings.map((x) => [{ label: `${meetingTitle(turn.t, x, m.cell.timeZone)} — ${whenText(turn.t, x.startsAt, m.cell.timeZone)}`.slice(0, 60), data: `mt:v:${x.id}` }]),
        ...recent.map((x) => [{ label: turn.t("button-attendance-for", { title: meetingTitle(turn.t, x, m.cell.timeZone) }).slice(0, 60), data: `mt:at:${x.id}` }]),
        [{ label: turn.t("button-reminder-settings"), data: "m:nhaclich" }, { label: turn.t("button-attendance-history"), data: "m:chuyencan" }],
      ];
      const ruleText = parsed?.success ? turn.t("admin-rule", { rule: describeMonthlyRuleVi(parsed.data), place: rule?.place ?? turn.t("place-none") }) : turn.t("admin-no-rule");
      await turn.reply({ text: `${turn.t("admin-title", { cell: m.cell.name })}\n${ruleText}\n${turn.t(meetings.length ? "admin-upcoming" : "admin-no-upcoming")}`, choices });
    });
  }

  async function showMeeting(turn: Turn, meetingId: string): Promise<void> {
    const meeting = await memberOfMeeting(turn, meetingId);
    const membership = await requireRole(db, turn.person.id, meeting.cellId, ["secretary", "deputy", "committee", "member"]);
    const details = meetingDetails(turn.t, meeting, meeting.cell);
    if (!isAdmin(membership.role)) {
      const response = await db.meetingResponse.findUnique({ where: { meetingId_personId: { meetingId, personId: turn.person.id } } });
      return turn.reply({ text: `${details}\n${turn.t("your-answer", { answer: answerText(turn.t, response) })}`, choices: answerChoices(turn.t, meetingId) });
    }
    const lines = await answerLines(ctx.deps, meeting, turn.t);
    const counts = turn.t("admin-answer-counts", { attend: lines.filter((l) => l.answer === "attend").length, absent: lines.filter((l) => l.answer === "absent").length, none: lines.filter((l) => l.answer === null).length });
    const choices: Choice[][] =
      meeting.status !== "scheduled"
        ? []
        : meeting.startsAt <= now()
          ? [[{ label: turn.t("button-record-attendance"), data: `mt:at:${meetingId}` }]]
          : [
              [{ label: turn.t("button-move-meeting"), data: `mt:mv:${meetingId}` }, { label: turn.t("button-change-place"), data: `mt:pl:${meetingId}` }],
              [{ label: turn.t("button-proxy-answer"), data: `mt:px:${meetingId}` }, { label: turn.t("button-answer-status"), data: `mt:st:${meetingId}` }],
              [{ label: turn.t("button-cancel-meeting"), data: `mt:cx:${meetingId}` }],
            ];
    await turn.reply({ text: `${details}\n${meeting.status === "cancelled" ? turn.t("meeting-is-cancelled") : counts}`, choices });
  }

  async function showHistory(turn: Turn): Promise<void> {
    return ctx.withCell(turn, "chuyencan", async (m) => {
      const year = utcToZonedWall(now(), m.cell.timeZone).year;
      const tallies = await absenceTallies(db, m.cellId, year, m.cell.timeZone);
      const members = isAdmin(m.role)
        ? await db.membership.findMany({ where: { cellId: m.cellId, status: "active" }, include: { person: true } })
        : [{ personId: turn.person.id, person: turn.person }];
      const lines = members.map((x) => {
        const tally = tallies.get(x.personId);
        const key = (tally?.unexcusedMonths ?? 0) >= 3 ? "history-line-three" : (tally?.unexcusedMonths ?? 0) >= 2 ? "history-line-two" : "history-line";
        return turn.t(key, { name: x.person.fullName ?? "?", excused: tally?.excused ?? 0, absent: tally?.unexcused ?? 0, months: tally?.unexcusedMonths ?? 0 });
      });
      await turn.reply({ text: `${turn.t("history-title", { cell: m.cell.name, year: String(year) })}\n${lines.join("\n")}\n\n${turn.t("history-rule")}` });
    });
  }

  async function showProxyList(turn: Turn, meetingId: string) {
    const meeting = await adminOfMeeting(turn, meetingId);
    if (meeting.startsAt <= now() || meeting.status !== "scheduled") throw new DomainError("meeting-started");
    const lines = await answerLines(ctx.deps, meeting, turn.t);
    const members = await invitedMembers(db, meeting.cellId);
    const byPerson = new Map(members.map((x) => [x.personId, x.id]));
    await turn.reply({
      text: turn.t("proxy-pick-member"),
      choices: lines.map((l) => [{ label: `${l.name} — ${l.answer === null ? turn.t("answer-none") : turn.t(l.answer === "attend" ? "answer-attend" : "answer-absent-short")}`.slice(0, 60), data: `mt:pm:${meetingId}:${byPerson.get(l.personId)}` }]),
    });
  }

  const choices: ChoiceHandler = async (turn, parts) => {
    const [action = "", id = "", a = "", b = ""] = parts;
    switch (action) {
      case "a":
        return answer(turn, id, turn.person.id, "attend", null, null);
      case "b": {
        await memberOfMeeting(turn, id);
        return void (await turn.reply({ text: turn.t("ask-absence-reason"), choices: reasonChoices(turn.t, `mt:r:${id}`) }));
      }
      case "r": {
        const reason = reasonCodes[a as keyof typeof reasonCodes];
        if (!reason) return ctx.staleButton(turn);
        if (reason === "khac") {
          await memberOfMeeting(turn, id);
          return absenceForm.start(turn, ["reasonText"], { meetingId: id });
        }
        return answer(turn, id, turn.person.id, "absent", reason, null);
      }
      case "v":
        return showMeeting(turn, id);
      case "new":
        return ctx.withCell(turn, "hop", async (m) => {
          await requireRole(db, turn.person.id, m.cellId, adminRoles);
          const usual = await db.meetingRule.findFirst({ where: { cellId: m.cellId, active: true } });
          const plan = ["kind", "title", "topic", "date", "time", "place", "agenda", "preparation", "documents", "confirm"];
          await newMeeting.start(turn, plan, { cellId: m.cellId, cellName: m.cell.name, timeZone: m.cell.timeZone, usualPlace: usual?.place ?? null, documentsJson: "[]" }, turn.t("new-meeting-intro"));
        });
      case "rule":
        return ctx.withCell(turn, "hop", async (m) => {
          await requireRole(db, turn.person.id, m.cellId, adminRoles);
          await ruleForm.start(turn, ["rule", "rulePlace"], { cellId: m.cellId });
        });
      case "mv": {
        const meeting = await adminOfMeeting(turn, id);
        if (meeting.status !== "scheduled" || meeting.startsAt <= now()) return ctx.staleButton(turn);
        return moveForm.start(turn, ["moveDate", "moveTime"], { meetingId: id, timeZone: meeting.cell.timeZone });
      }
      case "pl": {
        const meeting = await adminOfMeeting(turn, id);
        if (meeting.status !== "scheduled" || meeting.startsAt <= now()) return ctx.staleButton(turn);
        return placeForm.start(turn, ["newPlace"], { meetingId: id });
      }
      case "cx": {
        const meeting = await adminOfMeeting(turn, id);
        if (meeting.status !== "scheduled" || meeting.startsAt <= now()) return ctx.staleButton(turn);
        return void (await turn.reply({
          text: turn.t("cancel-meeting-confirm", { title: meetingTitle(turn.t, meeting, meeting.cell.timeZone), when: whenText(turn.t, meeting.startsAt, meeting.cell.timeZone) }),
          choices: [[{ label: turn.t("button-cancel-meeting"), data: `mt:cx!:${id}` }], [{ label: turn.t("button-no"), data: "x" }]],
        }));
      }
      case "cx!": {
        await adminOfMeeting(turn, id);
        await changeMeeting(db, { meetingId: id, actorId: turn.person.id, change: { cancelled: true }, now: now() });
        await planMeeting(db, id, now(), "cancelled");
        kick();
        return void (await turn.reply({ text: turn.t("meeting-cancelled-done") }));
      }
      case "st": {
        const meeting = await adminOfMeeting(turn, id);
        return void (await turn.reply({ text: summaryText(turn.t, meeting, meeting.cell, await answerLines(ctx.deps, meeting, turn.t)) }));
      }
      case "px":
        return showProxyList(turn, id);
      case "pm": {
        const target = await db.membership.findUnique({ where: { id: a }, include: { person: true } });
        const meeting = await adminOfMeeting(turn, id);
        if (!target || target.cellId !== meeting.cellId || target.status !== "active") return ctx.staleButton(turn);
        return void (await turn.reply({
          text: turn.t("proxy-ask-answer", { name: target.person.fullName ?? "?" }),
          choices: [[{ label: turn.t("button-attend"), data: `mt:pa:${id}:${a}:a` }], ...reasonChoices(turn.t, `mt:pa:${id}:${a}`).map((row) => row.map((c) => ({ ...c, label: `${turn.t("button-absent")}: ${c.label}` })))],
        }));
      }
      case "pa": {
        const target = await db.membership.findUnique({ where: { id: a } });
        const meeting = await adminOfMeeting(turn, id);
        if (!target || target.cellId !== meeting.cellId || target.status !== "active") return ctx.staleButton(turn);
        if (b === "a") return answer(turn, id, target.personId, "attend", null, null);
        const reason = reasonCodes[b as keyof typeof reasonCodes];
        if (!reason) return ctx.staleButton(turn);
        if (reason === "khac") return absenceForm.start(turn, ["reasonText"], { meetingId: id, personId: target.personId });
        return answer(turn, id, target.personId, "absent", reason, null);
      }
      case "at":
        return startAttendance(turn, id);
      default:
        return ctx.staleButton(turn);
    }
  };

  return {
    name: "meetings",
    commands: {
      lich: showSchedule,
      hop: showAdmin,
      chuyencan: showHistory,
      diemdanh: (turn) =>
        ctx.withCell(turn, "diemdanh", async (m) => {
          await requireRole(db, turn.person.id, m.cellId, adminRoles);
          const last = await db.meeting.findFirst({ where: { cellId: m.cellId, status: "scheduled", startsAt: { lte: now() } }, orderBy: { startsAt: "desc" } });
          if (!last) return void (await turn.reply({ text: turn.t("attendance-nothing") }));
          return startAttendance(turn, last.id);
        }),
      nhaclich: (turn) =>
        ctx.withCell(turn, "nhaclich", async (m) => {
          await requireRole(db, turn.person.id, m.cellId, adminRoles);
          await turn.reply({ text: settingsText(turn, m.cell) });
          await settingsForm.start(turn, ["offsets", "quiet"], { cellId: m.cellId });
        }),
    },
    choices: { mt: choices },
    dialogues: {
      "meeting-new": newMeeting.handler,
      "meeting-rule": ruleForm.handler,
      "meeting-move": moveForm.handler,
      "meeting-place": placeForm.handler,
      "meeting-absence": absenceForm.handler,
      "meeting-settings": settingsForm.handler,
      "meeting-notes": notesForm.handler,
      "meeting-attendance": attendanceHandler,
    },
    menu: (t, m) => [[{ label: t("button-schedule"), data: "m:lich" }], ...(isAdmin(m.role) ? [[{ label: t("button-meetings-admin"), data: "m:hop" }]] : [])],
    help: (t, m) => t(isAdmin(m.role) ? "help-meetings-admin" : "help-meetings"),
    outbox: meetingRenderers,
    jobs: [{ name: "meeting-rules", cron: "5 * * * *", run: () => applyRules() }],
    onMembershipChanged: (cellId) => replanCell(db, cellId, now()),
  };
};
