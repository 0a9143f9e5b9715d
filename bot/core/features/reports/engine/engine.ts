/**
 * The questionnaire engine: pure functions from (template, saved draft, one input) to (new draft,
 * messages, event). The caller stores the draft after every call; nothing here does I/O or keeps state.
 */
import type { OutboundMessage } from "../../../contract/messages.ts";
import { actions, confirmStep, decodeChoice, reviewStep } from "./choice-data.ts";
import type { MemberProfile } from "./conditions.ts";
import type { Answer, DraftState } from "./draft-state.ts";
import { migrate, salvage } from "./engine-migrate.ts";
import { handleGrade, handleMulti, handleRating, handleScore, handleSingle, handleText, handleYesNo, ratingBack, scoreBack, type Ctx, type EngineResult, type StepInput } from "./engine-steps.ts";
import { fmt, resolveTexts, type EngineLocale, type EngineTexts } from "./engine-texts.ts";
import { hintMessages, infoMessages, makeView, messages, questionMessages, screens, type View } from "./engine-view.ts";
import { answerMessages, confirmMessages, editedMessages, reviewMessages, reviewPrompt } from "./review-view.ts";
import { findStep, firstUnanswered, isApplicableQuestion, nextInOrder, resolve, type Resolved } from "./flow.ts";
import type { QuestionStep, Template } from "./template-schema.ts";

export type { EngineResult } from "./engine-steps.ts";
export { draftStateSchema, type DraftState, type Answer } from "./draft-state.ts";
export { renderReport, type ReportMember } from "./report.ts";
export { splitText } from "../../../../lib/split.ts";
export { isReportChoice } from "./choice-data.ts";

export type EngineInput = { kind: "text"; text: string } | { kind: "choice"; data: string } | { kind: "unsupported"; what?: string };

export type ResumeResult =
  | { ok: true; template: Template; state: DraftState; outputs: OutboundMessage[] }
  | { ok: false; reason: "invalid_state" | "template_missing"; outputs: OutboundMessage[] };

const say = (text: string): OutboundMessage[] => [{ text }];
const historyLimit = 200;

function enter(state: DraftState, step: QuestionStep): DraftState {
  const buffers = { ...state.buffers };
  const saved = state.answers[step.id];
  // Multi and rating answers are edited in a buffer seeded from the saved answer, committed on "Xong".
  if (step.kind === "multi" && buffers[step.id]?.kind !== "multi")
    buffers[step.id] = { kind: "multi", selected: saved?.kind === "multi" ? [...saved.options] : [], page: 0 };
  if (step.kind === "rating" && buffers[step.id]?.kind !== "rating")
    buffers[step.id] = { kind: "rating", index: 0, items: saved?.kind === "rating" ? { ...saved.items } : {}, noteFor: null, noteParts: [] };
  // A saved score comes back number by number, each offered to keep («Giữ 25 điểm»).
  if (step.kind === "score" && buffers[step.id]?.kind !== "score")
    buffers[step.id] = saved?.kind === "score" ? { kind: "score", index: 0, groups: { ...saved.groups }, criteria: { ...saved.criteria } } : { kind: "score", index: 0, groups: {}, criteria: {} };
  return { ...state, phase: "answering", stepId: step.id, buffers };
}

function toReview(state: DraftState): DraftState {
  return { ...state, phase: "review", stepId: null, editing: false };
}

/** The screen for the current position, with no change. */
function show(v: View, state: DraftState, r: Resolved): OutboundMessage[] {
  const step = findStep(v.template, state.stepId);
  if (state.phase === "answering" && step && step.kind !== "info") return questionMessages(v, state, r, step);
  if (state.phase === "review") return reviewMessages(v, r);
  if (state.phase === "confirm_submit") return confirmMessages(v);
  return say(fmt(v.t.alreadySubmitted, { title: v.template.title }));
}

/** Shorter than `show` for the review: repeating every answer after a stray message would flood the chat. */
function reprompt(v: View, state: DraftState, r: Resolved): OutboundMessage[] {
  return state.phase === "review" ? reviewPrompt(v, r) : show(v, state, r);
}

/** Moves on after the current question was settled: in order, or back to the review when editing. */
function proceed(v: View, state: DraftState, profile: MemberProfile, pre: OutboundMessage[] = []): { state: DraftState; outputs: OutboundMessage[] } {
  const r = resolve(v.template, state.answers, profile);
  const history = state.stepId === null ? state.history : [...state.history, state.stepId].slice(-historyLimit);
  const ordered = state.editing ? { infos: [] } : nextInOrder(v.template, r, state.stepId);
  const target = ordered.next ?? firstUnanswered(r);
  const infos = infoMessages(v, ordered.infos);
  if (!target) {
    const next = toReview({ ...state, history });
    // Back from changing one answer: that line, not every answer again.
    const review = state.editing && state.stepId ? editedMessages(v, r, state.stepId) : reviewMessages(v, r);
    return { state: next, outputs: [...pre, ...infos, ...review] };
  }
  const next = enter({ ...state, history }, target);
  return { state: next, outputs: [...pre, ...infos, ...questionMessages(v, next, r, target)] };
}

function makeCtx(v: View, profile: MemberProfile): Ctx {
  return {
    v,
    ask: (state, pre = []) => ({ state, outputs: [...pre, ...show(v, state, resolve(v.template, state.answers, profile))] }),
    commit: (state, answer: Answer) => {
      const id = state.stepId!;
      const buffers = { ...state.buffers };
      // A skip leaves typed text where it was, in case the member comes back to this question.
      if (!(answer.kind === "skipped" && buffers[id]?.kind === "text")) delete buffers[id];
      return { ...proceed(v, { ...state, answers: { ...state.answers, [id]: answer }, buffers }, profile), event: "answered" };
    },
    keep: (state) => {
      // Keeping discards un-committed toggles and ratings, but never typed text.
      const id = state.stepId!;
      const buffers = { ...state.buffers };
      if (buffers[id]?.kind !== "text") delete buffers[id];
      return proceed(v, { ...state, buffers }, profile);
    },
    stale: (state) => ({ state, outputs: [...say(v.t.errStale), ...reprompt(v, state, resolve(v.template, state.answers, profile))] }),
  };
}

function back(v: View, ctx: Ctx, state: DraftState, profile: MemberProfile): EngineResult {
  const r = resolve(v.template, state.answers, profile);
  const history = [...state.history];
  while (history.length > 0) {
    const id = history.pop()!;
    const step = findStep(v.template, id);
    if (id !== state.stepId && step && step.kind !== "info" && isApplicableQuestion(r, id)) {
      const next = enter({ ...state, history }, step);
      return { state: next, outputs: questionMessages(v, next, r, step) };
    }
  }
  if (state.editing) {
    // The edit may have opened a question still unanswered: the review is no place to stand then
    // (`settle` would move the draft on the next input), so go to it, with Back leading here again.
    const missing = firstUnanswered(r);
    if (missing) {
      const next = enter({ ...state, history: [state.stepId!] }, missing);
      return { state: next, outputs: questionMessages(v, next, r, missing) };
    }
    const next = toReview({ ...state, history });
    return { state: next, outputs: reviewPrompt(v, r) };
  }
  return ctx.ask(state, say(v.t.errAtFirst));
}

function answering(v: View, ctx: Ctx, state: DraftState, step: QuestionStep, input: StepInput, profile: MemberProfile): EngineResult {
  if (input.kind === "choice") {
    switch (input.action) {
      case actions.pause:
        return { state, outputs: say(v.t.paused), event: "paused" };
      case actions.hint: {
        const hint = hintMessages(v, state, resolve(v.template, state.answers, profile), step);
        return hint ? { state, outputs: hint } : ctx.stale(state);
      }
      case actions.back:
        return (step.kind === "rating" ? ratingBack(ctx, state, step) : step.kind === "score" ? scoreBack(ctx, state, step) : undefined) ?? back(v, ctx, state, profile);
      case actions.skip:
        return step.optional ? ctx.commit(state, { kind: "skipped" }) : ctx.ask(state, say(v.t.errNotOptional));
      case actions.keep:
        return state.answers[step.id] ? ctx.keep(state) : ctx.stale(state);
    }
  }
  switch (step.kind) {
    case "text":
      return handleText(ctx, state, step, input);
    case "single":
      return handleSingle(ctx, state, step, input);
    case "yesno":
      return handleYesNo(ctx, state, input);
    case "grade":
      return handleGrade(ctx, state, input);
    case "multi":
      return handleMulti(ctx, state, step, input);
    case "rating":
      return handleRating(ctx, state, step, input);
    case "score":
      return handleScore(ctx, state, step, input);
  }
}

function reviewing(v: View, ctx: Ctx, state: DraftState, input: StepInput, profile: MemberProfile): EngineResult {
  const r = resolve(v.template, state.answers, profile);
  if (input.kind === "text") return { state, outputs: reprompt(v, state, r) };
  switch (input.action) {
    case actions.edit: {
      const step = findStep(v.template, input.args[0] ?? null);
      if (!step || step.kind === "info" || !isApplicableQuestion(r, step.id)) return ctx.stale(state);
      const next = enter({ ...state, editing: true, history: [] }, step);
      return { state: next, outputs: questionMessages(v, next, r, step) };
    }
    case actions.view: {
      const step = findStep(v.template, input.args[0] ?? null);
      if (!step || step.kind === "info" || !isApplicableQuestion(r, step.id)) return ctx.stale(state);
      return { state, outputs: answerMessages(v, r, step) };
    }
    case actions.whole:
      return { state, outputs: reviewMessages(v, r) };
    case actions.submit: {
      const next: DraftState = { ...state, phase: "confirm_submit" };
      return { state: next, outputs: confirmMessages(v) };
    }
    case actions.pause:
      return { state, outputs: say(v.t.paused), event: "paused" };
  }
  return ctx.stale(state);
}

function confirming(v: View, ctx: Ctx, state: DraftState, input: StepInput, profile: MemberProfile): EngineResult {
  const r = resolve(v.template, state.answers, profile);
  if (input.kind === "text") return { state, outputs: confirmMessages(v) };
  if (input.action === actions.cancel) {
    const next = toReview(state);
    return { state: next, outputs: reviewMessages(v, r) };
  }
  if (input.action !== actions.confirm) return ctx.stale(state);
  const missing = firstUnanswered(r);
  if (missing) {
    const next = enter({ ...state, editing: false }, missing);
    return { state: next, outputs: questionMessages(v, next, r, missing) };
  }
  return { state: { ...state, phase: "submitted", stepId: null, editing: false }, outputs: say(fmt(v.t.submitted, { title: v.template.title })), event: "submitted" };
}

/**
 * Puts the draft on a valid position for this template and profile: migrates an older version and,
 * when the current question vanished or no longer applies (or the version changed), moves to the
 * first unanswered question or to the review.
 */
function settle(template: Template, state: DraftState, profile: MemberProfile, v: View): { state: DraftState; notices: OutboundMessage[]; moved: boolean } {
  const notices: OutboundMessage[] = [];
  const changed = state.templateVersion !== template.version;
  let s = changed ? migrate(template, state) : state;
  if (changed) notices.push(...say(fmt(v.t.templateUpdated, { title: template.title, version: template.version })));
  if (s.phase === "submitted") return { state: s, notices, moved: false };
  const r = resolve(template, s.answers, profile);
  const here = s.phase === "answering" && isApplicableQuestion(r, s.stepId);
  if (here && !changed) return { state: s, notices, moved: false };
  if (!here && s.phase === "answering" && !changed) notices.push(...say(v.t.stepMoved));
  const target = firstUnanswered(r);
  if (!target && !here && s.phase !== "answering") return { state: s, notices, moved: false };
  const before = { phase: s.phase, stepId: s.stepId };
  s = target ? enter({ ...s, editing: false }, target) : toReview(s);
  return { state: s, notices, moved: before.phase !== s.phase || before.stepId !== s.stepId };
}

/** Texts: the engine's texts in the member's language (from Fluent), or a locale of the project's own files. */
export type TextsArg = EngineTexts | EngineLocale;

export function start(template: Template, profile: MemberProfile, texts?: TextsArg): EngineResult {
  const v = makeView(template, profile, resolveTexts(texts));
  const empty: DraftState = {
    templateId: template.id,
    templateVersion: template.version,
    phase: "review",
    stepId: null,
    answers: {},
    buffers: {},
    history: [],
    editing: false,
    obsolete: {},
  };
  const intro = screens(fmt(v.t.intro, { title: template.title, description: template.description }));
  return proceed(v, empty, profile, intro);
}

export function advance(template: Template, state: DraftState, input: EngineInput, profile: MemberProfile, texts?: TextsArg): EngineResult {
  const v = makeView(template, profile, resolveTexts(texts));
  if (state.templateId !== template.id) return { state, outputs: say(v.t.errWrongDraft) };
  const settled = settle(template, state, profile, v);
  const s = settled.state;
  const r = resolve(template, s.answers, profile);
  if (settled.moved) {
    // The question changed under the member's feet: show where they are now, and hand back any text.
    const echo = input.kind === "text" && input.text.trim() !== "" ? [...say(v.t.textNotSaved), ...messages(input.text)] : [];
    return { state: s, outputs: [...settled.notices, ...echo, ...show(v, s, r)] };
  }
  const ctx = makeCtx(v, profile);
  const withNotices = (res: EngineResult): EngineResult => (settled.notices.length ? { ...res, outputs: [...settled.notices, ...res.outputs] } : res);
  if (s.phase === "submitted") return withNotices({ state: s, outputs: say(fmt(v.t.alreadySubmitted, { title: template.title })) });
  if (input.kind === "unsupported") return withNotices({ state: s, outputs: [...say(v.t.errUnsupported), ...reprompt(v, s, r)] });
  let stepInput: StepInput;
  if (input.kind === "choice") {
    const d = decodeChoice(input.data);
    const expected = s.phase === "answering" ? s.stepId : s.phase === "review" ? reviewStep : confirmStep;
    // From the confirmation the review's buttons still make sense (it is the message just above).
    const accepted = d !== null && d.tag === v.tag && (d.step === expected || (s.phase === "confirm_submit" && d.step === reviewStep));
    if (!accepted) return withNotices(ctx.stale(s));
    stepInput = { kind: "choice", action: d.action, args: d.args };
    if (s.phase === "confirm_submit" && d.step === reviewStep) return withNotices(reviewing(v, ctx, s, stepInput, profile));
  } else {
    stepInput = { kind: "text", text: input.text };
  }
  if (s.phase === "review") return withNotices(reviewing(v, ctx, s, stepInput, profile));
  if (s.phase === "confirm_submit") return withNotices(confirming(v, ctx, s, stepInput, profile));
  const step = findStep(template, s.stepId);
  if (!step || step.kind === "info") return withNotices(ctx.stale(s));
  return withNotices(answering(v, ctx, s, step, stepInput, profile));
}

/** The newest version of a template id. */
export function latestTemplate(templates: Template[], id: string): Template | undefined {
  return templates.filter((t) => t.id === id).reduce<Template | undefined>((best, t) => (!best || t.version > best.version ? t : best), undefined);
}

/** The newest version of each template meant for this member, in the given order. */
export function templatesFor(templates: Template[], profile: MemberProfile): Template[] {
  const ids = [...new Set(templates.map((t) => t.id))];
  return ids
    .map((id) => latestTemplate(templates, id)!)
    .filter((t) => !t.audience.categories || t.audience.categories.includes(profile.category));
}

/**
 * Reopens a stored draft (any JSON) with the current templates. Never throws: an unreadable draft or
 * a missing template is reported as a result so the caller can tell the member.
 */
export function resume(templates: Template[], stored: unknown, profile: MemberProfile, texts?: TextsArg): ResumeResult {
  const t = resolveTexts(texts);
  try {
    const state = salvage(stored);
    if (!state) return { ok: false, reason: "invalid_state", outputs: say(t.stateInvalid) };
    const template = latestTemplate(templates, state.templateId);
    if (!template) return { ok: false, reason: "template_missing", outputs: say(t.templateMissing) };
    const v = makeView(template, profile, t);
    const settled = settle(template, state, profile, v);
    const r = resolve(template, settled.state.answers, profile);
    const welcome = settled.state.phase === "submitted" ? [] : say(fmt(t.welcomeBack, { title: template.title }));
    return { ok: true, template, state: settled.state, outputs: [...settled.notices, ...welcome, ...show(v, settled.state, r)] };
  } catch {
    return { ok: false, reason: "invalid_state", outputs: say(t.stateInvalid) };
  }
}

/**
 * The screen for where the draft stands, with no change: after an interruption (/help, a message
 * the core refused) the member sees the question they are on again.
 */
export function current(template: Template, state: DraftState, profile: MemberProfile, texts?: TextsArg): OutboundMessage[] {
  const v = makeView(template, profile, resolveTexts(texts));
  return show(v, state, resolve(template, state.answers, profile));
}

/**
 * A submitted draft opened again (returned by the secretary, or taken back by the member): every
 * answer stays, and the member lands on the review to change what is needed and submit again.
 */
export function reopen(state: DraftState): DraftState {
  return { ...state, phase: "review", stepId: null, editing: false };
}

/** How far a draft is: questions answered among those that apply (for the secretary's status view). */
export function progress(template: Template, state: DraftState, profile: MemberProfile): { answered: number; total: number } {
  const r = resolve(template, state.answers, profile);
  return { answered: r.questions.filter((q) => r.effective[q.id] !== undefined).length, total: r.questions.length };
}
