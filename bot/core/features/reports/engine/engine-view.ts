/**
 * Turns the draft state into the messages the member sees. Pure; no decisions about the flow here.
 */
import type { Choice, OutboundMessage } from "../../../contract/messages.ts";
import { actions, encodeChoice, levelCodes, templateTag } from "./choice-data.ts";
import { formOf, type MemberProfile } from "./conditions.ts";
import type { Answer, StepBuffer, DraftState } from "./draft-state.ts";
import { fmt, type EngineTexts } from "./engine-texts.ts";
import { questionNumber, type Resolved } from "./flow.ts";
import { splitText } from "../../../../lib/split.ts";
import { bandOf, formatPoints, inBounds, scoreEntries, scoreMax, sumPoints, type ScoreEntry } from "./scoring.ts";
import { gradeLevels, ratingLevels, type QuestionStep, type Quote, type Step, type StepOf, type Template } from "./template-schema.ts";

/**
 * Below both Telegram's 4096 and Zalo's limits, with room for the adapter's numbering of choices:
 * for the member's own text handed back, which is easier to copy in one piece.
 */
export const messageLimit = 3500;
/** What the bot composes fits one phone screen: about a thousand characters per message. */
export const screenLimit = 1000;
const buttonLabelMax = 56;
/** A line to tick is the whole text of the option (the options are the list), up to this. */
const toggleLabelMax = 64;
/** Typed text not yet finished with «Xong», as far as it is shown again. */
const pendingShown = 200;
/** The schema's default maximum of a text answer: not worth repeating on every question. */
const defaultTextMax = 3000;

export interface View {
  template: Template;
  profile: MemberProfile;
  t: EngineTexts;
  tag: string;
}

export function makeView(template: Template, profile: MemberProfile, t: EngineTexts): View {
  return { template, profile, t, tag: templateTag(template.id) };
}

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Long text becomes several messages; the choices go under the last one, where the member looks. */
export function messages(text: string, choices?: Choice[][], limit = messageLimit): OutboundMessage[] {
  const parts = splitText(text, limit);
  if (parts.length === 0) parts.push("…");
  return parts.map((p, i) => (i === parts.length - 1 && choices && choices.length > 0 ? { text: p, choices } : { text: p }));
}

/** Text the bot composes, one phone screen per message. */
export const screens = (text: string, choices?: Choice[][]): OutboundMessage[] => messages(text, choices, screenLimit);

export const promptOf = (step: QuestionStep, p: MemberProfile) => step.promptByCategory?.[p.category] ?? step.prompt;
const hintOf = (step: QuestionStep, p: MemberProfile) => step.hintByCategory?.[p.category] ?? step.hint;

export function quoteLines(t: EngineTexts, quotes: Quote[] | undefined): string[] {
  return (quotes ?? []).map((q) => `${fmt(t.quoteIntro, { source: q.source })}\n«${q.text}»`);
}

export function infoText(v: View, step: StepOf<"info">): string {
  const body = step.textByCategory?.[v.profile.category] ?? step.text;
  return [step.title, ...quoteLines(v.t, step.quotes), body].filter(Boolean).join("\n\n");
}

function navRows(v: View, state: DraftState, step: QuestionStep, canGoBack: boolean, hint: boolean): Choice[][] {
  const c = (label: string, action: (typeof actions)[keyof typeof actions]) => ({ label, data: encodeChoice(v.tag, step.id, action) });
  const row: Choice[] = [];
  if (canGoBack) row.push(c(v.t.back, actions.back));
  if (step.optional) row.push(c(v.t.skip, actions.skip));
  if (hint) row.push(c(v.t.hintButton, actions.hint));
  const rows = row.length > 0 ? [row] : [];
  if (state.answers[step.id] !== undefined) rows.unshift([c(v.t.keep, actions.keep)]);
  return [...rows, [c(v.t.pause, actions.pause)]];
}

/** The short acknowledgement after each piece of a multi-message answer: "Xong" stays within reach. */
export function textAck(v: View, state: DraftState, step: QuestionStep, text: string): OutboundMessage {
  const done = [{ label: v.t.done, data: encodeChoice(v.tag, step.id, actions.done) }];
  return { text, choices: [done, ...navRows(v, state, step, state.history.length > 0 || state.editing, false)] };
}

type ScoreAnswer = Extract<Answer, { kind: "score" }>;
type ScoreBuffer = Extract<StepBuffer, { kind: "score" }>;

export const points = (t: EngineTexts, n: number) => formatPoints(n, t.decimalMark);

/** The total of a score answer over the step's groups (computed, never stored). */
export const scoreTotal = (step: StepOf<"score">, a: ScoreAnswer) => sumPoints(step.groups.map((g) => a.groups[g.id] ?? 0));

/** The criteria of the step's sheet, when the answer holds points for every one of them. */
function answeredCriteria(step: StepOf<"score">, a: ScoreAnswer): boolean {
  const entries = scoreEntries(step);
  return step.scoring !== undefined && a.criteria !== undefined && entries.every((e) => a.criteria![e.id] !== undefined);
}

/** «1. Nhóm tiêu chí chung: 25/30» per group (its criteria under it when a sheet was used), then «Tổng điểm: 85/100». */
function scoreText(t: EngineTexts, step: Step, a: ScoreAnswer): string {
  if (step.kind !== "score") return Object.entries(a.groups).map(([id, p]) => `${id}: ${points(t, p)}`).join("\n");
  const criteria = answeredCriteria(step, a) ? scoreEntries(step) : [];
  const lines = step.groups.flatMap((g) => [
    fmt(t.scoreLine, { label: g.label, points: points(t, a.groups[g.id] ?? 0), max: g.max }),
    ...criteria.filter((e) => e.group.id === g.id).map((e) => `- ${fmt(t.scoreLine, { label: e.label, points: points(t, a.criteria![e.id]!), max: points(t, e.max) })}`),
  ]);
  return [...lines, fmt(t.scoreTotal, { total: points(t, scoreTotal(step, a)), max: scoreMax(step) })].join("\n");
}

/** A score on one line of the review: «85/100 (25/30; 60/70)». */
export function scoreSummary(t: EngineTexts, step: StepOf<"score">, a: ScoreAnswer): string {
  const groups = step.groups.map((g) => `${points(t, a.groups[g.id] ?? 0)}/${g.max}`).join("; ");
  return fmt(t.scoreShort, { total: points(t, scoreTotal(step, a)), max: scoreMax(step), groups });
}

export function answerText(t: EngineTexts, step: Step, answer: Answer): string {
  switch (answer.kind) {
    case "skipped":
      return t.answerSkipped;
    case "text":
      return answer.text;
    case "yesno":
      return answer.value ? t.yes : t.no;
    case "grade":
      // Next to a band the grade is the member's proposal, and reads as one (QĐ 366 Điều 12).
      return step.kind === "grade" && step.bandFrom ? fmt(t.proposedGrade, { grade: t.grades[answer.grade] }) : t.grades[answer.grade];
    case "score":
      return scoreText(t, step, answer);
    case "single":
      return step.kind === "single" ? (step.options.find((o) => o.id === answer.option)?.label ?? answer.option) : answer.option;
    case "multi": {
      const label = (id: string) => (step.kind === "multi" ? (step.options.find((o) => o.id === id)?.label ?? id) : id);
      return answer.options.map((id) => `- ${label(id)}`).join("\n");
    }
    case "rating": {
      const items = step.kind === "rating" ? step.items : Object.keys(answer.items).map((id) => ({ id, label: id }));
      return items
        .flatMap((it) => {
          const r = answer.items[it.id];
          if (!r) return [];
          return [`- ${it.label || it.id}: ${t.levels[r.level]}${r.note ? `. ${t.ratingNote}: ${r.note}` : ""}`];
        })
        .join("\n");
    }
  }
}

function header(v: View, r: Resolved, step: QuestionStep): string {
  const { n, total } = questionNumber(r, step.id);
  const number = fmt(v.t.questionNumber, { n, total });
  return step.section ? `${number} · ${step.section}\n${step.title}` : `${number} · ${step.title}`;
}

/** The question itself: its number and title, the verbatim quotes, the prompt (the hint is placed by `screen`). */
function intro(v: View, r: Resolved, step: QuestionStep): string[] {
  return [header(v, r, step), ...quoteLines(v.t, step.quotes), promptOf(step, v.profile)];
}

/** A hint longer than this waits behind «Gợi ý» rather than lengthening the question. */
const hintInlineMax = 120;
/** A question already this long (a verbatim quote, a long prompt) keeps even a short hint behind «Gợi ý». */
const hintInlineBudget = 800;

/** Whether the hint is shown in the question, offered behind «Gợi ý», or absent. */
function hintPlacement(v: View, step: QuestionStep, textLength: number): "inline" | "button" | "none" {
  const hint = hintOf(step, v.profile);
  if (!hint) return "none";
  const line = fmt(v.t.hint, { hint });
  return hint.length <= hintInlineMax && textLength + 2 + line.length <= hintInlineBudget ? "inline" : "button";
}

interface Screen {
  head: string[];
  tail: string[];
  rows: Choice[][];
  canGoBack: boolean;
}

/** One question as one screen: a short hint between the prompt and the rest, a long one behind «Gợi ý». */
function screen(v: View, state: DraftState, step: QuestionStep, s: Screen): OutboundMessage[] {
  const placement = hintPlacement(v, step, [...s.head, ...s.tail].join("\n\n").length);
  const hint = placement === "inline" ? [fmt(v.t.hint, { hint: hintOf(step, v.profile)! })] : [];
  return screens([...s.head, ...hint, ...s.tail].join("\n\n"), [...s.rows, ...navRows(v, state, step, s.canGoBack, placement === "button")]);
}

/** The hint asked for with «Gợi ý», with the question's own choices so the member carries on from here. */
export function hintMessages(v: View, state: DraftState, r: Resolved, step: QuestionStep): OutboundMessage[] | null {
  const hint = hintOf(step, v.profile);
  if (!hint) return null;
  const hintData = encodeChoice(v.tag, step.id, actions.hint);
  const rows = (questionMessages(v, state, r, step).at(-1)?.choices ?? []).map((row) => row.filter((c) => c.data !== hintData)).filter((row) => row.length > 0);
  return [{ text: fmt(v.t.hint, { hint }), choices: rows }];
}

/** The limits worth saying: the minimum when above one character, the maximum when below the default. */
function textLimits(v: View, step: StepOf<"text">): string {
  const min = step.minLength > 1;
  const max = step.maxLength < defaultTextMax;
  if (min && max) return ` ${fmt(v.t.textLimits, { min: step.minLength, max: step.maxLength })}`;
  if (min) return ` ${fmt(v.t.textMin, { min: step.minLength })}`;
  return max ? ` ${fmt(v.t.textMax, { max: step.maxLength })}` : "";
}

export function questionMessages(v: View, state: DraftState, r: Resolved, step: QuestionStep): OutboundMessage[] {
  const canGoBack = state.history.length > 0 || state.editing;
  const saved = state.answers[step.id];
  const buffer = state.buffers[step.id];
  const opt = (id: string, label: string) => ({ label, data: encodeChoice(v.tag, step.id, actions.option, id) });
  const mark = (on: boolean, label: string) => `${on ? "✓ " : ""}${label}`;
  const savedChoice = (label: string) => (saved && saved.kind !== "skipped" ? [fmt(v.t.savedChoice, { label })] : []);
  switch (step.kind) {
    case "text": {
      const tail: string[] = [];
      if (saved?.kind === "text") tail.push(fmt(v.t.savedText, { text: clip(saved.text, 300) }));
      const pending = buffer?.kind === "text" ? buffer.parts.join("\n\n") : "";
      if (pending !== "") tail.push(fmt(v.t.pendingText, { text: clip(pending, pendingShown) }));
      tail.push(`${v.t.textHowTo}${textLimits(v, step)}`);
      // With a saved answer and nothing new typed, «Xong» would only repeat «Giữ nguyên».
      const done = saved && pending === "" ? [] : [[{ label: v.t.done, data: encodeChoice(v.tag, step.id, actions.done) }]];
      return screen(v, state, step, { head: intro(v, r, step), tail, rows: done, canGoBack });
    }
    case "single": {
      const chosen = saved?.kind === "single" ? saved.option : undefined;
      const label = step.options.find((o) => o.id === chosen)?.label;
      const rows = step.options.map((o) => [opt(o.id, clip(mark(o.id === chosen, o.label), buttonLabelMax))]);
      return screen(v, state, step, { head: intro(v, r, step), tail: label ? savedChoice(label) : [], rows, canGoBack });
    }
    case "yesno": {
      const value = saved?.kind === "yesno" ? saved.value : undefined;
      const tail = value === undefined ? [] : savedChoice(value ? v.t.yes : v.t.no);
      return screen(v, state, step, { head: intro(v, r, step), tail, rows: [[opt("y", mark(value === true, v.t.yes)), opt("n", mark(value === false, v.t.no))]], canGoBack });
    }
    case "grade": {
      const grade = saved?.kind === "grade" ? saved.grade : undefined;
      const rows = gradeLevels.map((g) => [opt(g, mark(g === grade, v.t.grades[g]))]);
      // The band comes before the question, as what the score suggests; the four levels stay in their order.
      const head = step.bandFrom ? [header(v, r, step), ...quoteLines(v.t, step.quotes), ...bandLines(v, r, step.bandFrom), promptOf(step, v.profile)] : intro(v, r, step);
      return screen(v, state, step, { head, tail: grade ? savedChoice(v.t.grades[grade]) : [], rows, canGoBack });
    }
    case "score":
      return scoreMessages(v, state, r, step, canGoBack);
    case "multi":
      return multiMessages(v, state, r, step, buffer, canGoBack);
    case "rating":
      return ratingMessages(v, state, r, step, buffer, canGoBack);
  }
}

export function multiPages(step: StepOf<"multi">): number {
  return Math.max(1, Math.ceil(step.options.length / step.pageSize));
}

/** The options on the page shown now (what a typed "2" or "1, 3" counts from). */
export function multiPage(step: StepOf<"multi">, buffer: StepBuffer | undefined): StepOf<"multi">["options"] {
  const page = Math.min(buffer?.kind === "multi" ? buffer.page : 0, multiPages(step) - 1);
  return step.options.slice(page * step.pageSize, (page + 1) * step.pageSize);
}

/** The options are the list: each is a line to tick, so nothing is listed twice. */
function multiMessages(v: View, state: DraftState, r: Resolved, step: StepOf<"multi">, buffer: StepBuffer | undefined, canGoBack: boolean): OutboundMessage[] {
  const selected = buffer?.kind === "multi" ? buffer.selected : [];
  const pages = multiPages(step);
  const page = Math.min(buffer?.kind === "multi" ? buffer.page : 0, pages - 1);
  const onPage = multiPage(step, buffer);
  const max = step.maxSelections ?? step.options.length;
  const limits = step.minSelections > 1 || max < step.options.length ? ` ${fmt(v.t.multiLimits, { min: step.minSelections, max })}` : "";
  const groups = [...new Set(onPage.map((o) => o.group).filter((g): g is string => Boolean(g)))];
  const status = [
    pages > 1 ? fmt(v.t.pageStatus, { page: page + 1, pages }) : "",
    groups.join("; "),
    selected.length > 0 ? fmt(v.t.selectedCount, { count: selected.length }) : "",
  ].filter(Boolean);
  const tail = [`${v.t.multiHowTo}${limits}`, ...(status.length > 0 ? [status.join(" · ")] : [])];
  const rows: Choice[][] = onPage.map((o) => [
    { label: clip(`${selected.includes(o.id) ? "☑" : "☐"} ${o.label}`, toggleLabelMax), data: encodeChoice(v.tag, step.id, actions.toggle, o.id), toggle: true },
  ]);
  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: v.t.prevPage, data: encodeChoice(v.tag, step.id, actions.page, String(page - 1)) });
  if (page < pages - 1) paging.push({ label: v.t.nextPage, data: encodeChoice(v.tag, step.id, actions.page, String(page + 1)) });
  if (paging.length > 0) rows.push(paging);
  const saved = state.answers[step.id];
  const savedSelection = saved?.kind === "multi" ? saved.options : saved?.kind === "skipped" ? [] : undefined;
  // Unchanged from the saved answer: «Giữ nguyên» says it; «Xong» comes back with the first tick.
  const unchanged = savedSelection !== undefined && savedSelection.length === selected.length && selected.every((id) => savedSelection.includes(id));
  if (!unchanged) rows.push([{ label: v.t.done, data: encodeChoice(v.tag, step.id, actions.done) }]);
  return screen(v, state, step, { head: intro(v, r, step), tail, rows, canGoBack });
}

function ratingMessages(v: View, state: DraftState, r: Resolved, step: StepOf<"rating">, buffer: StepBuffer | undefined, canGoBack: boolean): OutboundMessage[] {
  const b: Extract<StepBuffer, { kind: "rating" }> = buffer?.kind === "rating" ? buffer : { kind: "rating", index: 0, items: {}, noteFor: null, noteParts: [] };
  const index = Math.min(b.index, step.items.length - 1);
  const item = step.items[index]!;
  const back = canGoBack || index > 0 || b.noteFor !== null;
  if (b.noteFor !== null) {
    const pending = b.noteParts.join("\n");
    const lines = [header(v, r, step), fmt(v.t.ratingNotePrompt, { item: clip(item.label || item.id, 120) })];
    if (pending !== "") lines.push(fmt(v.t.ratingNotePending, { text: clip(pending, pendingShown) }));
    const done = [{ label: pending !== "" ? v.t.done : v.t.noNote, data: encodeChoice(v.tag, step.id, actions.done, item.id) }];
    return screens(lines.join("\n\n"), [done, ...navRows(v, state, step, back, false)]);
  }
  const group = step.groups?.find((g) => g.id === item.group);
  const tail = [fmt(v.t.itemNumber, { n: index + 1, total: step.items.length })];
  if (group) tail.push(group.label, ...quoteLines(v.t, group.quotes));
  tail.push(item.label || item.id);
  tail.push(...quoteLines(v.t, item.quotes));
  if (item.help) tail.push(item.help);
  const current = b.items[item.id]?.level;
  if (current) tail.push(fmt(v.t.savedRating, { level: v.t.levels[current] }));
  tail.push(v.t.ratingHowTo);
  const levels = ratingLevels.map((l) => ({
    label: `${l === current ? "✓ " : ""}${v.t.levels[l]}`,
    data: encodeChoice(v.tag, step.id, actions.level, item.id, levelCodes[l]),
  }));
  return screen(v, state, step, { head: intro(v, r, step), tail, rows: [levels], canGoBack: back });
}

/**
 * The band the self-score falls in (QĐ 366 Điều 11) with its conditions quoted, and that the member
 * proposes while the cell and the higher level decide. Without a score (skipped, or not asked) only the latter.
 */
function bandLines(v: View, r: Resolved, fromId: string): string[] {
  const from = r.questions.find((q) => q.id === fromId);
  const a = r.effective[fromId];
  const lines: string[] = [];
  if (from?.kind === "score" && a?.kind === "score") {
    const total = scoreTotal(from, a);
    const band = bandOf(total);
    lines.push(fmt(v.t.bandIntro, { total: points(v.t, total), max: scoreMax(from), grade: v.t.grades[band], range: v.t.bandRanges[band] }));
    // Only the conditions for members without a leadership post were read verbatim (domain note §3.2); form 2A is for the others.
    if (formOf(r.profile) === "2A") lines.push(v.t.bandLeaders);
    else lines.push(band === "khong_hoan_thanh" ? v.t.bandCasesLead : v.t.bandConditionsLead, ...quoteLines(v.t, [{ text: v.t.bandQuotes[band], source: v.t.bandSource }]));
  }
  lines.push(v.t.bandPropose);
  return lines;
}

export function scoreBuffer(state: DraftState, step: StepOf<"score">): ScoreBuffer {
  const b = state.buffers[step.id];
  const buf: ScoreBuffer = b?.kind === "score" ? b : { kind: "score", index: 0, groups: {}, criteria: {} };
  return { ...buf, index: Math.max(0, Math.min(buf.index, scoreEntries(step).length - 1)) };
}

/** Points already typed for an entry (kept while the member goes back and forth inside the step). */
export function typedPoints(b: ScoreBuffer, e: ScoreEntry): number | undefined {
  const p = e.kind === "group" ? b.groups[e.id] : b.criteria[e.id];
  // A number beyond a maximum lowered by a newer template version is asked again rather than kept.
  return p !== undefined && inBounds(p, e.max) ? p : undefined;
}

/** One number per screen, as a rating step walks its items: a group's total, or a criterion's points with a sheet. */
function scoreMessages(v: View, state: DraftState, r: Resolved, step: StepOf<"score">, canGoBack: boolean): OutboundMessage[] {
  const entries = scoreEntries(step);
  const b = scoreBuffer(state, step);
  const entry = entries[b.index]!;
  const n = b.index + 1;
  const tail: string[] = [];
  if (step.scoring) tail.push(fmt(v.t.scoreSheet, { title: step.scoring.title }));
  tail.push(
    entry.kind === "group"
      ? fmt(v.t.scoreGroup, { n, total: entries.length, label: entry.label, max: entry.max })
      : fmt(v.t.scoreCriterion, { n, total: entries.length, group: entry.group.label, label: entry.label, max: points(v.t, entry.max) }),
  );
  const typed = typedPoints(b, entry);
  if (typed !== undefined) tail.push(fmt(v.t.scoreEntered, { points: points(v.t, typed) }));
  tail.push(v.t.scoreHowTo);
  const rows = typed === undefined ? [] : [[{ label: fmt(v.t.scoreKeep, { points: points(v.t, typed) }), data: encodeChoice(v.tag, step.id, actions.done, entry.id) }]];
  const shown = screen(v, state, step, { head: intro(v, r, step), tail, rows, canGoBack: canGoBack || b.index > 0 });
  // The answer is a number: on Zalo a typed "2" must be 2 points, not the second option.
  return shown.map((m, i) => (i === shown.length - 1 ? { ...m, numbersAreAnswers: true } : m));
}

export function infoMessages(v: View, steps: Step[]): OutboundMessage[] {
  return steps.flatMap((s) => (s.kind === "info" ? screens(infoText(v, s)) : []));
}
