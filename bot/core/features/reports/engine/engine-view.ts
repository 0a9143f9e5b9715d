/**
 * Turns the draft state into the messages the member sees. Pure; no decisions about the flow here.
 */
import type { Choice, OutboundMessage } from "../../../contract/messages.ts";
import { actions, confirmStep, encodeChoice, levelCodes, reviewStep, templateTag } from "./choice-data.ts";
import type { MemberProfile } from "./conditions.ts";
import type { Answer, StepBuffer, DraftState } from "./draft-state.ts";
import { fmt, type EngineTexts } from "./engine-texts.ts";
import { questionNumber, type Resolved } from "./flow.ts";
import { splitText } from "../../../../lib/split.ts";
import { gradeLevels, ratingLevels, type QuestionStep, type Quote, type Step, type StepOf, type Template } from "./template-schema.ts";

/** Below both Telegram's 4096 and Zalo's limits, with room for the adapter's numbering of choices. */
export const messageLimit = 3500;
const buttonLabelMax = 56;

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
export function messages(text: string, choices?: Choice[][]): OutboundMessage[] {
  const parts = splitText(text, messageLimit);
  if (parts.length === 0) parts.push("…");
  return parts.map((p, i) => (i === parts.length - 1 && choices && choices.length > 0 ? { text: p, choices } : { text: p }));
}

export const promptOf = (step: QuestionStep, p: MemberProfile) => step.promptByCategory?.[p.category] ?? step.prompt;
const hintOf = (step: QuestionStep, p: MemberProfile) => step.hintByCategory?.[p.category] ?? step.hint;

export function quoteLines(t: EngineTexts, quotes: Quote[] | undefined): string[] {
  return (quotes ?? []).map((q) => `${fmt(t.quoteIntro, { source: q.source })}\n«${q.text}»`);
}

export function infoText(v: View, step: StepOf<"info">): string {
  const body = step.textByCategory?.[v.profile.category] ?? step.text;
  return [step.title, ...quoteLines(v.t, step.quotes), body].filter(Boolean).join("\n\n");
}

function navRows(v: View, state: DraftState, step: QuestionStep, canGoBack: boolean): Choice[][] {
  const c = (label: string, action: (typeof actions)[keyof typeof actions]) => ({ label, data: encodeChoice(v.tag, step.id, action) });
  const row: Choice[] = [];
  if (canGoBack) row.push(c(v.t.back, actions.back));
  if (step.optional) row.push(c(v.t.skip, actions.skip));
  const rows = row.length > 0 ? [row] : [];
  if (state.answers[step.id] !== undefined) rows.unshift([c(v.t.keep, actions.keep)]);
  return [...rows, [c(v.t.pause, actions.pause)]];
}

/** The short acknowledgement after each piece of a multi-message answer: "Xong" stays within reach. */
export function textAck(v: View, state: DraftState, step: QuestionStep, text: string): OutboundMessage {
  const done = [{ label: v.t.done, data: encodeChoice(v.tag, step.id, actions.done) }];
  return { text, choices: [done, ...navRows(v, state, step, state.history.length > 0 || state.editing)] };
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
      return t.grades[answer.grade];
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

function intro(v: View, r: Resolved, step: QuestionStep): string[] {
  const hint = hintOf(step, v.profile);
  return [header(v, r, step), ...quoteLines(v.t, step.quotes), promptOf(step, v.profile), ...(hint ? [fmt(v.t.hint, { hint })] : [])];
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
      const lines = intro(v, r, step);
      if (saved?.kind === "text") lines.push(fmt(v.t.savedText, { text: clip(saved.text, 300) }));
      const pending = buffer?.kind === "text" ? buffer.parts.join("\n\n").length : 0;
      if (pending > 0) lines.push(fmt(v.t.pendingText, { count: pending }));
      lines.push(`${v.t.textHowTo} ${fmt(v.t.textLimits, { min: step.minLength, max: step.maxLength })}`);
      const done = [{ label: v.t.done, data: encodeChoice(v.tag, step.id, actions.done) }];
      return messages(lines.join("\n\n"), [done, ...navRows(v, state, step, canGoBack)]);
    }
    case "single": {
      const chosen = saved?.kind === "single" ? saved.option : undefined;
      const label = step.options.find((o) => o.id === chosen)?.label;
      const lines = [...intro(v, r, step), ...(label ? savedChoice(label) : [])];
      const rows = step.options.map((o) => [opt(o.id, clip(mark(o.id === chosen, o.label), buttonLabelMax))]);
      return messages(lines.join("\n\n"), [...rows, ...navRows(v, state, step, canGoBack)]);
    }
    case "yesno": {
      const value = saved?.kind === "yesno" ? saved.value : undefined;
      const lines = [...intro(v, r, step), ...(value === undefined ? [] : savedChoice(value ? v.t.yes : v.t.no))];
      const row = [opt("y", mark(value === true, v.t.yes)), opt("n", mark(value === false, v.t.no))];
      return messages(lines.join("\n\n"), [row, ...navRows(v, state, step, canGoBack)]);
    }
    case "grade": {
      const grade = saved?.kind === "grade" ? saved.grade : undefined;
      const lines = [...intro(v, r, step), ...(grade ? savedChoice(v.t.grades[grade]) : [])];
      const rows = gradeLevels.map((g) => [opt(g, mark(g === grade, v.t.grades[g]))]);
      return messages(lines.join("\n\n"), [...rows, ...navRows(v, state, step, canGoBack)]);
    }
    case "multi":
      return multiMessages(v, state, r, step, buffer, canGoBack);
    case "rating":
      return ratingMessages(v, state, r, step, buffer, canGoBack);
  }
}

export function multiPages(step: StepOf<"multi">): number {
  return Math.max(1, Math.ceil(step.options.length / step.pageSize));
}

function multiMessages(v: View, state: DraftState, r: Resolved, step: StepOf<"multi">, buffer: StepBuffer | undefined, canGoBack: boolean): OutboundMessage[] {
  const selected = buffer?.kind === "multi" ? buffer.selected : [];
  const pages = multiPages(step);
  const page = Math.min(buffer?.kind === "multi" ? buffer.page : 0, pages - 1);
  const onPage = step.options.slice(page * step.pageSize, (page + 1) * step.pageSize);
  const max = step.maxSelections ?? step.options.length;
  const limits = step.minSelections > 1 || max < step.options.length ? ` ${fmt(v.t.multiLimits, { min: step.minSelections, max })}` : "";
  const lines = [...intro(v, r, step), `${v.t.multiHowTo}${limits}`];
  const list = [fmt(v.t.pageStatus, { page: page + 1, pages, count: selected.length })];
  let group: string | undefined;
  for (const o of onPage) {
    if (o.group && o.group !== group) list.push(`【${o.group}】`);
    group = o.group;
    list.push(`${selected.includes(o.id) ? "☑" : "☐"} ${o.label}`);
  }
  lines.push(list.join("\n"));
  const rows: Choice[][] = onPage.map((o) => [
    { label: clip(`${selected.includes(o.id) ? "☑" : "☐"} ${o.label}`, buttonLabelMax), data: encodeChoice(v.tag, step.id, actions.toggle, o.id) },
  ]);
  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: v.t.prevPage, data: encodeChoice(v.tag, step.id, actions.page, String(page - 1)) });
  if (page < pages - 1) paging.push({ label: v.t.nextPage, data: encodeChoice(v.tag, step.id, actions.page, String(page + 1)) });
  if (paging.length > 0) rows.push(paging);
  rows.push([{ label: v.t.done, data: encodeChoice(v.tag, step.id, actions.done) }]);
  return messages(lines.join("\n\n"), [...rows, ...navRows(v, state, step, canGoBack)]);
}

function ratingMessages(v: View, state: DraftState, r: Resolved, step: StepOf<"rating">, buffer: StepBuffer | undefined, canGoBack: boolean): OutboundMessage[] {
  const b: Extract<StepBuffer, { kind: "rating" }> = buffer?.kind === "rating" ? buffer : { kind: "rating", index: 0, items: {}, noteFor: null, noteParts: [] };
  const index = Math.min(b.index, step.items.length - 1);
  const item = step.items[index]!;
  const back = canGoBack || index > 0 || b.noteFor !== null;
  const nav = navRows(v, state, step, back);
  if (b.noteFor !== null) {
    const pending = b.noteParts.join("\n").length;
    const lines = [header(v, r, step), fmt(v.t.ratingNotePrompt, { item: clip(item.label || item.id, 120) })];
    if (pending > 0) lines.push(fmt(v.t.ratingNotePending, { count: pending }));
    const done = [{ label: pending > 0 ? v.t.done : v.t.noNote, data: encodeChoice(v.tag, step.id, actions.done, item.id) }];
    return messages(lines.join("\n\n"), [done, ...nav]);
  }
  const group = step.groups?.find((g) => g.id === item.group);
  const lines = [...intro(v, r, step), fmt(v.t.itemNumber, { n: index + 1, total: step.items.length })];
  if (group) lines.push(group.label, ...quoteLines(v.t, group.quotes));
  lines.push(item.label || item.id);
  lines.push(...quoteLines(v.t, item.quotes));
  if (item.help) lines.push(item.help);
  const current = b.items[item.id]?.level;
  if (current) lines.push(fmt(v.t.savedRating, { level: v.t.levels[current] }));
  lines.push(v.t.ratingHowTo);
  const levels = ratingLevels.map((l) => ({
    label: `${l === current ? "✓ " : ""}${v.t.levels[l]}`,
    data: encodeChoice(v.tag, step.id, actions.level, item.id, levelCodes[l]),
  }));
  return messages(lines.join("\n\n"), [levels, ...nav]);
}

export function infoMessages(v: View, steps: Step[]): OutboundMessage[] {
  return steps.flatMap((s) => (s.kind === "info" ? messages(infoText(v, s)) : []));
}

export function reviewMessages(v: View, r: Resolved): OutboundMessage[] {
  const blocks = r.questions.map((q, i) => {
    const a = r.effective[q.id];
    const body = a ? answerText(v.t, q, a) : "";
    const shown = body.length > 500 ? `${body.slice(0, 500)}${fmt(v.t.truncated, { count: body.length - 500 })}` : body;
    return `${i + 1}. ${q.title}\n${shown}`;
  });
  const out = messages([fmt(v.t.reviewTitle, { title: v.template.title }), ...(blocks.length ? blocks : [v.t.reviewEmpty])].join("\n\n"));
  const edits = r.questions.map((q, i) => ({ label: fmt(v.t.editQuestion, { n: i + 1 }), data: encodeChoice(v.tag, reviewStep, actions.edit, q.id) }));
  const rows: Choice[][] = [];
  for (let i = 0; i < edits.length; i += 3) rows.push(edits.slice(i, i + 3));
  rows.push([{ label: v.t.submit, data: encodeChoice(v.tag, reviewStep, actions.submit) }]);
  rows.push([{ label: v.t.pause, data: encodeChoice(v.tag, reviewStep, actions.pause) }]);
  return [...out, { text: v.t.reviewHowTo, choices: rows }];
}

export function confirmMessages(v: View): OutboundMessage[] {
  return [
    {
      text: fmt(v.t.confirmQuestion, { title: v.template.title }),
      choices: [
        [{ label: v.t.confirmSubmit, data: encodeChoice(v.tag, confirmStep, actions.confirm) }],
        [{ label: v.t.cancelSubmit, data: encodeChoice(v.tag, confirmStep, actions.cancel) }],
      ],
    },
  ];
}
