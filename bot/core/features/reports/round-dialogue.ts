/**
 * The secretary (or deputy) opens a report round: template, title, deadline typed the Vietnamese
 * way, who must answer, optionally the meeting it is for. Each answer is saved in the dialogue row;
 * on confirmation the round, one draft per member and their notices are written at once.
 */
import type { DialogueData, Dialogue } from "../../kernel/dialogue/store.ts";
import { advanceDialogue, endDialogue } from "../../kernel/dialogue/store.ts";
import type { DialogueHandler, Turn } from "../../kernel/feature.ts";
import type { Choice, OutboundMessage } from "../../contract/messages.ts";
import { adminRoles, requireRole, type MembershipWithCell } from "../../domain/members.ts";
import { memberCategories } from "../../domain/people.ts";
import { templateTag } from "./engine/choice-data.ts";
import type { Template } from "./engine/template-schema.ts";
import { foldVietnamese } from "../../../lib/text.ts";
import { parseViDateTime } from "../../time/parse-vi-datetime.ts";
import { activeCandidates, mustAnswer, type AudienceRule } from "./audience.ts";
import { cancelData, choiceData } from "./choices.ts";
import { assignmentNotices, digestNotices } from "./notices.ts";
import { defaultReminderOffsets } from "./payloads.ts";
import type { Runtime } from "./runtime.ts";
import { createRound } from "./store.ts";
import { clip, formatMoment } from "./views.ts";

export const roundFlow = "report.round";
const steps = ["template", "title", "deadline", "audience", "categories", "exempt", "meeting", "confirm"] as const;
type StepId = (typeof steps)[number];
export const roundTitleLimits = { min: 3, max: 120 } as const;
/** Only one end of the day is meant when a secretary types a date without a time. */
const endOfDay = " 23h59";

export interface RoundDialogue {
  start(turn: Turn, membership: MembershipWithCell): Promise<void>;
  /** A `bcr:<step>:<value>` button. */
  choice(turn: Turn, parts: string[], dialogue: Dialogue | null): Promise<void>;
  handler: DialogueHandler;
}

const row = (label: string, data: string): Choice[] => [{ label, data }];
const pick = (step: StepId, value: string) => choiceData.roundStep(step, value);
const categoriesOf = (data: DialogueData) => (data.categories ? data.categories.split(",").filter(Boolean) : null);

export function createRoundDialogue(rt: Runtime): RoundDialogue {
  const { db, ctx, store } = rt;

  const cellOf = async (turn: Turn, data: DialogueData) => requireRole(db, turn.person.id, data.cellId ?? "", adminRoles);
  const templateOf = (data: DialogueData) => (data.templateId ? store.latest(data.templateId) : undefined);
  const ruleOf = (data: DialogueData): AudienceRule => ({ categories: categoriesOf(data), includeExempt: data.includeExempt === "1" });

  async function upcomingMeetings(cellId: string) {
    return db.meeting.findMany({ where: { cellId, status: "scheduled", startsAt: { gt: rt.now() } }, orderBy: { startsAt: "asc" }, take: 6, select: { id: true, startsAt: true, title: true } });
  }

  /** Members the round would reach, and the exempt ones the secretary may add. */
  async function reach(data: DialogueData, template: Template) {
    const candidates = await activeCandidates(db, data.cellId ?? "");
    const rule = ruleOf(data);
    return {
      chosen: mustAnswer(candidates, rule, template),
      exempt: mustAnswer(candidates, { ...rule, includeExempt: true }, template).filter((c) => c.exempt),
    };
  }

  async function prompt(turn: Turn, step: StepId, data: DialogueData): Promise<OutboundMessage> {
    const t = turn.t;
    const template = templateOf(data);
    switch (step) {
      case "template":
        return { text: t("report-ask-template"), choices: store.choosable().map((tp) => row(clip(tp.title, 56), pick("template", templateTag(tp.id)))) };
      case "title":
        return { text: t("report-ask-title", { min: roundTitleLimits.min, max: roundTitleLimits.max }), choices: template ? [row(t("report-button-use-template-title", { title: clip(template.title, 40) }), pick("title", "default"))] : [] };
      case "deadline":
        return { text: t("report-ask-deadline") };
      case "audience": {
        const count = template ? (await reach({ ...data, categories: null, includeExempt: "0" }, template)).chosen.length : 0;
        return { text: t("report-ask-audience"), choices: [row(t("report-button-audience-all", { count }), pick("audience", "all")), row(t("report-button-audience-categories"), pick("audience", "cat"))] };
      }
      case "categories": {
        const chosen = categoriesOf(data) ?? [];
        const boxes = memberCategories.map((c) => row(`${chosen.includes(c) ? "☑" : "☐"} ${t(`category-${c}`)}`, pick("categories", c)));
        return { text: t("report-ask-categories"), choices: [...boxes, row(t("report-button-done"), pick("categories", "_done"))] };
      }
      case "exempt": {
        const exempt = template ? (await reach(data, template)).exempt : [];
        return {
          text: t("report-ask-exempt", { count: exempt.length, names: exempt.map((c) => c.fullName).join(", ") }),
          choices: [row(t("report-button-exempt-no"), pick("exempt", "0")), row(t("report-button-exempt-yes"), pick("exempt", "1"))],
        };
      }
      case "meeting": {
        const meetings = await upcomingMeetings(data.cellId ?? "");
        const tz = (await cellOf(turn, data)).cell.timeZone;
        return {
          text: t("report-ask-meeting"),
          choices: [...meetings.map((m) => row(clip(`${formatMoment(m.startsAt, tz)}${m.title ? ` · ${m.title}` : ""}`, 56), pick("meeting", m.id))), row(t("report-button-no-meeting"), pick("meeting", "none"))],
        };
      }
      case "confirm":
        return confirmation(turn, data);
    }
  }

  async function confirmation(turn: Turn, data: DialogueData): Promise<OutboundMessage> {
    const t = turn.t;
    const m = await cellOf(turn, data);
    const template = templateOf(data);
    const chosen = template ? (await reach(data, template)).chosen : [];
    const categories = categoriesOf(data);
    const meeting = data.meetingId ? await db.meeting.findUnique({ where: { id: data.meetingId }, select: { startsAt: true, title: true } }) : null;
    const audience = [categories ? t("report-audience-some", { list: categories.map((c) => t(`category-${c}`)).join(", ") }) : t("report-audience-all")];
    if (data.includeExempt === "1") audience.push(t("report-audience-with-exempt"));
    return {
      text: t("report-confirm-round", {
        template: template?.title ?? "?",
        title: data.title ?? "?",
        deadline: data.deadline ? formatMoment(new Date(data.deadline), m.cell.timeZone) : "?",
        audience: audience.join(", "),
        count: chosen.length,
        meeting: meeting ? `${formatMoment(meeting.startsAt, m.cell.timeZone)}${meeting.title ? ` · ${meeting.title}` : ""}` : t("report-meeting-none"),
      }),
      choices: [row(t("report-button-open-round"), pick("confirm", "open")), row(t("report-button-cancel"), cancelData)],
    };
  }

  async function show(turn: Turn, dialogue: Dialogue, reason?: string): Promise<void> {
    const message = await prompt(turn, dialogue.step as StepId, dialogue.data);
    await turn.reply({ ...message, text: reason ? `${reason}\n\n${message.text}` : message.text });
  }

  /** The step after `step`, skipping questions that have nothing to ask. */
  async function following(step: StepId, data: DialogueData): Promise<StepId> {
    const template = templateOf(data);
    let next: StepId = steps[steps.indexOf(step) + 1] ?? "confirm";
    if (next === "categories" && !categoriesOf(data) && data.audienceKind !== "cat") next = "exempt";
    if (next === "exempt" && (!template || (await reach(data, template)).exempt.length === 0)) next = "meeting";
    if (next === "meeting" && (await upcomingMeetings(data.cellId ?? "")).length === 0) next = "confirm";
    return next;
  }

  async function move(turn: Turn, dialogue: Dialogue, step: StepId, data: DialogueData, reason?: string): Promise<void> {
    const next = await advanceDialogue(db, turn.person.id, dialogue, step, data);
    // Null: another device moved the dialogue on meanwhile; it shows where it stands there.
    if (!next) return ctx.staleButton(turn);
    return show(turn, next, reason);
  }

  async function answer(turn: Turn, dialogue: Dialogue, value: string): Promise<void> {
    const step = dialogue.step as StepId;
    const data: DialogueData = { ...dialogue.data };
    switch (step) {
      case "template": {
        const template = store.byTag(value);
        if (!template) return show(turn, dialogue, turn.t("stale-button"));
        data.templateId = template.id;
        break;
      }
      case "title":
        data.title = value === "default" ? (templateOf(data)?.title ?? null) : value;
        break;
      case "deadline":
        data.deadline = value;
        break;
      case "audience":
        data.audienceKind = value;
        data.categories = null;
        break;
      case "categories": {
        if (value !== "_done") {
          if (!(memberCategories as readonly string[]).includes(value)) return show(turn, dialogue, turn.t("stale-button"));
          const chosen = new Set(categoriesOf(data) ?? []);
          if (chosen.has(value)) chosen.delete(value);
          else chosen.add(value);
          data.categories = memberCategories.filter((c) => chosen.has(c)).join(",") || null;
          const saved = await advanceDialogue(db, turn.person.id, dialogue, step, data);
          if (!saved) return ctx.staleButton(turn);
          const message = await prompt(turn, step, data);
          return turn.reply(message, { replacePressed: true });
        }
        if (!categoriesOf(data)) return show(turn, dialogue, turn.t("report-categories-none"));
        break;
      }
      case "exempt":
        data.includeExempt = value === "1" ? "1" : "0";
        break;
      case "meeting":
        data.meetingId = value === "none" ? null : value;
        break;
      case "confirm":
        return openRound(turn, dialogue);
    }
    return move(turn, dialogue, await following(step, data), data);
  }

  async function openRound(turn: Turn, dialogue: Dialogue): Promise<void> {
    const data = dialogue.data;
    const m = await cellOf(turn, data);
    const template = templateOf(data);
    if (!template || !data.title || !data.deadline) return move(turn, dialogue, "template", { cellId: data.cellId ?? null }, turn.t("stale-button"));
    const deadline = new Date(data.deadline);
    const now = rt.now();
    if (deadline <= now) return move(turn, dialogue, "deadline", data, turn.t("report-deadline-past"));
    const { chosen } = await reach(data, template);
    if (chosen.length === 0) return move(turn, dialogue, "audience", data, turn.t("report-round-no-one"));
    // Claim the dialogue first, so a double tap on "Mở đợt" opens one round.
    const claimed = await advanceDialogue(db, turn.person.id, dialogue, "_opening", data);
    if (!claimed) return ctx.staleButton(turn);
    const admins = await db.membership.findMany({ where: { cellId: m.cellId, status: "active", role: { in: [...adminRoles] } }, select: { personId: true } });
    const offsets = defaultReminderOffsets;
    const { round, drafts } = await createRound(db, {
      cellId: m.cellId,
      templateId: template.id,
      title: data.title,
      deadline,
      categories: categoriesOf(data),
      includeExempt: data.includeExempt === "1",
      meetingId: data.meetingId ?? null,
      reminderOffsets: offsets,
      createdById: turn.person.id,
      now,
      assignees: chosen.map((c) => c.personId),
      notices: (r, ds) => [...assignmentNotices(r, ds, offsets, now), ...digestNotices(r, admins.map((a) => a.personId), offsets, now)],
    });
    await endDialogue(db, turn.person.id);
    rt.kick();
    turn.log.info({ roundId: round.id, templateId: template.id, assigned: drafts.length }, "report round opened");
    await turn.reply({ text: turn.t("report-round-opened-done", { title: round.title, count: drafts.length }), choices: [row(turn.t("report-button-status-short"), choiceData.status(round.id))] });
  }

  /** Typed answers; buttons come through `choice`. */
  const handler: DialogueHandler = async (turn, dialogue, input) => {
    const step = dialogue.step as StepId;
    if (!steps.includes(step)) return ctx.staleButton(turn);
    if (input.kind !== "text") {
      const reprompt = input.kind === "unsupported" && input.what === "reprompt";
      return show(turn, dialogue, reprompt ? undefined : turn.t(input.kind === "choice" ? "stale-button" : "invalid-unsupported"));
    }
    const text = input.text.trim();
    switch (step) {
      case "template": {
        const folded = foldVietnamese(text);
        const list = store.choosable();
        const n = Number(text);
        const found = Number.isInteger(n) && n >= 1 && n <= list.length ? list[n - 1] : list.find((tp) => foldVietnamese(tp.title) === folded);
        return found ? answer(turn, dialogue, templateTag(found.id)) : show(turn, dialogue, turn.t("report-use-buttons"));
      }
      case "title": {
        const title = text.replace(/\s+/g, " ");
        if (title.length < roundTitleLimits.min || title.length > roundTitleLimits.max || title.startsWith("/"))
          return show(turn, dialogue, turn.t("report-title-invalid", { min: roundTitleLimits.min, max: roundTitleLimits.max }));
        return answer(turn, dialogue, title);
      }
      case "deadline": {
        const m = await cellOf(turn, dialogue.data);
        const context = { now: rt.now(), timeZone: m.cell.timeZone };
        let parsed = parseViDateTime(text, context);
        if (!parsed.ok && parsed.reason === "missing_time" && parsed.detail === "time") parsed = parseViDateTime(text + endOfDay, context);
        if (parsed.ok) return answer(turn, dialogue, parsed.at.toISOString());
        const key = { past: "report-deadline-past", too_far: "report-deadline-too-far", invalid_date: "report-deadline-invalid" }[parsed.reason as string] ?? "report-deadline-unclear";
        return show(turn, dialogue, turn.t(key, { text: clip(text, 60) }));
      }
      default:
        return show(turn, dialogue, turn.t("report-use-buttons"));
    }
  };

  async function choice(turn: Turn, parts: string[], dialogue: Dialogue | null): Promise<void> {
    const [step, ...rest] = parts;
    const value = rest.join(":");
    if (!dialogue || dialogue.flow !== roundFlow || dialogue.step !== step || !value) {
      if (dialogue?.flow === roundFlow && steps.includes(dialogue.step as StepId)) return show(turn, dialogue, turn.t("stale-button"));
      return ctx.staleButton(turn);
    }
    return answer(turn, dialogue, value);
  }

  async function start(turn: Turn, membership: MembershipWithCell): Promise<void> {
    await requireRole(db, turn.person.id, membership.cellId, adminRoles);
    store.refresh();
    if (store.choosable().length === 0) return turn.reply({ text: turn.t("report-no-templates") });
    const dialogue = await ctx.startDialogue(turn, roundFlow, "template", { cellId: membership.cellId });
    await turn.reply({ text: turn.t("report-new-round-intro", { cell: membership.cell.name }) });
    return show(turn, dialogue);
  }

  return { start, choice, handler };
}
