/**
 * How each step kind reacts to one input while it is the current question. Invalid input always
 * leaves answers untouched and asks the same question again with the reason.
 */
import type { OutboundMessage } from "../../../contract/messages.ts";
import { actions, levelCodes } from "./choice-data.ts";
import type { Answer, StepBuffer, DraftState, Rated } from "./draft-state.ts";
import { fmt } from "./engine-texts.ts";
import { answerText, messages, multiPage, multiPages, points, scoreBuffer, textAck, typedPoints, type View } from "./engine-view.ts";
import { parsePoints, scoreEntries, sumPoints } from "./scoring.ts";
import { gradeLevels, ratingLevels, type RatingLevel, type StepOf } from "./template-schema.ts";

export interface EngineResult {
  state: DraftState;
  outputs: OutboundMessage[];
  event?: "answered" | "paused" | "submitted";
}

export type StepInput = { kind: "text"; text: string } | { kind: "choice"; action: string; args: string[] };

export interface Ctx {
  v: View;
  /** The current question again, after `pre` (an explanation); state as given. */
  ask(state: DraftState, pre?: OutboundMessage[]): EngineResult;
  commit(state: DraftState, answer: Answer): EngineResult;
  /** Moves on leaving the saved answer as it is. */
  keep(state: DraftState): EngineResult;
  stale(state: DraftState): EngineResult;
}

const say = (text: string): OutboundMessage[] => [{ text }];

/** Lower case, no diacritics, single spaces: so "Không", "khong" and " KHÔNG " all match. */
export function loose(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[.!?,;:]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

export const isDoneWord = (text: string) => ["xong", "done", "xong roi"].includes(loose(text));

/** A typed answer to a list: its number ("2") or its label, loosely. */
function pick<T extends string>(text: string, ids: readonly T[], labels: readonly string[]): T | undefined {
  const n = Number(loose(text));
  if (Number.isInteger(n) && n >= 1 && n <= ids.length) return ids[n - 1];
  const i = labels.findIndex((l) => loose(l) === loose(text));
  return i >= 0 ? ids[i] : undefined;
}

function withBuffer(state: DraftState, id: string, b: StepBuffer | undefined): DraftState {
  const buffers = { ...state.buffers };
  if (b) buffers[id] = b;
  else delete buffers[id];
  return { ...state, buffers };
}

export function handleText(ctx: Ctx, state: DraftState, step: StepOf<"text">, input: StepInput): EngineResult {
  const { t } = ctx.v;
  const b = state.buffers[step.id];
  const parts = b?.kind === "text" ? b.parts : [];
  const finishing = input.kind === "choice" ? input.action === actions.done : isDoneWord(input.text);
  if (input.kind === "choice" && !finishing) return ctx.stale(state);
  if (!finishing && input.kind === "text") {
    const piece = input.text.trim();
    if (piece === "") return ctx.ask(state, say(t.errEmpty));
    const length = [...parts, piece].join("\n\n").length;
    if (length > step.maxLength) return ctx.ask(state, [...say(fmt(t.errTooLong, { count: length, max: step.maxLength })), ...messages(piece)]);
    const next = withBuffer(state, step.id, { kind: "text", parts: [...parts, piece] });
    return { state: next, outputs: [textAck(ctx.v, next, step, fmt(t.textReceived, { count: length }))] };
  }
  const text = parts.join("\n\n").trim();
  if (text === "") {
    if (state.answers[step.id]) return ctx.keep(state);
    if (step.optional) return ctx.commit(state, { kind: "skipped" });
    return ctx.ask(state, say(t.errEmpty));
  }
  if (text.length < step.minLength) return ctx.ask(state, say(fmt(t.errTooShort, { count: text.length, min: step.minLength })));
  if (text.length > step.maxLength) {
    // Only after a template change lowered the limit: hand the text back so nothing typed is lost.
    const cleared = withBuffer(state, step.id, undefined);
    return ctx.ask(cleared, [...say(fmt(t.errTooLong, { count: text.length, max: step.maxLength })), ...messages(text)]);
  }
  return ctx.commit(state, { kind: "text", text });
}

export function handleSingle(ctx: Ctx, state: DraftState, step: StepOf<"single">, input: StepInput): EngineResult {
  const ids = step.options.map((o) => o.id);
  const chosen = input.kind === "choice" ? (input.action === actions.option ? input.args[0] : undefined) : pick(input.text, ids, step.options.map((o) => o.label));
  if (chosen !== undefined && ids.includes(chosen)) return ctx.commit(state, { kind: "single", option: chosen });
  if (input.kind === "choice") return ctx.stale(state);
  return ctx.ask(state, say(fmt(ctx.v.t.errNotOption, { text: input.text.trim().slice(0, 100) })));
}

const yesWords = ["co", "yes", "y", "dung", "vang", "co a", "u"];
const noWords = ["khong", "no", "n", "ko", "k", "chua", "khong a"];

export function handleYesNo(ctx: Ctx, state: DraftState, input: StepInput): EngineResult {
  let value: boolean | undefined;
  if (input.kind === "choice") {
    if (input.action === actions.option && input.args[0] === "y") value = true;
    else if (input.action === actions.option && input.args[0] === "n") value = false;
    else return ctx.stale(state);
  } else {
    const w = loose(input.text);
    value = yesWords.includes(w) || w === loose(ctx.v.t.yes) ? true : noWords.includes(w) || w === loose(ctx.v.t.no) ? false : undefined;
  }
  if (value === undefined) return ctx.ask(state, say(ctx.v.t.errYesNo));
  return ctx.commit(state, { kind: "yesno", value });
}

export function handleGrade(ctx: Ctx, state: DraftState, input: StepInput): EngineResult {
  const labels = gradeLevels.map((g) => ctx.v.t.grades[g]);
  const grade =
    input.kind === "choice"
      ? gradeLevels.find((g) => input.action === actions.option && input.args[0] === g)
      : pick(input.text, gradeLevels, labels);
  if (grade) return ctx.commit(state, { kind: "grade", grade });
  if (input.kind === "choice") return ctx.stale(state);
  return ctx.ask(state, say(fmt(ctx.v.t.errNotOption, { text: input.text.trim().slice(0, 100) })));
}

/**
 * Options named in typed text: the numbers of lines on the page shown ("4", "4, 5", "4 và 5"), or
 * one option's label. Null when the text names none; `bad` is a number not on the page.
 */
export function typedOptions(text: string, onPage: readonly { id: string }[], all: readonly { id: string; label: string }[]): { ids: string[] } | { bad: string } | null {
  const folded = loose(text).replace(/^(?:(?:so|chon)\s+|#\s*)/, "");
  const parts = folded.split(/\s*(?:,|;|\+|\s|\bva\b|\band\b)\s*/).filter(Boolean);
  if (parts.length > 0 && parts.every((p) => /^\d{1,3}$/.test(p))) {
    const bad = parts.find((p) => Number(p) < 1 || Number(p) > onPage.length);
    if (bad !== undefined) return { bad };
    return { ids: [...new Set(parts.map((p) => onPage[Number(p) - 1]!.id))] };
  }
  const byLabel = all.find((o) => loose(o.label) === loose(text));
  return byLabel ? { ids: [byLabel.id] } : null;
}

/** Ticks or unticks each option in turn; refused as a whole when it would go past the maximum. */
function toggled(selected: readonly string[], ids: readonly string[], step: StepOf<"multi">): string[] | null {
  const picked = new Set(selected);
  for (const id of ids) if (!picked.delete(id)) picked.add(id);
  if (picked.size > (step.maxSelections ?? step.options.length) && picked.size > selected.length) return null;
  return step.options.map((o) => o.id).filter((x) => picked.has(x));
}

export function handleMulti(ctx: Ctx, state: DraftState, step: StepOf<"multi">, input: StepInput): EngineResult {
  const { t } = ctx.v;
  const b = state.buffers[step.id];
  const buf = b?.kind === "multi" ? b : { kind: "multi" as const, selected: [], page: 0 };
  const max = step.maxSelections ?? step.options.length;
  const finishing = input.kind === "choice" ? input.action === actions.done : isDoneWord(input.text);
  if (input.kind === "text" && !finishing) {
    // Where options are typed (Zalo), "4, 5" ticks two lines at once, as tapping them would.
    const named = typedOptions(input.text, multiPage(step, b), step.options);
    if (!named) return ctx.ask(state, say(t.errUseButtons));
    if ("bad" in named) return ctx.ask(state, say(fmt(t.errNotItem, { text: named.bad })));
    const selected = toggled(buf.selected, named.ids, step);
    if (!selected) return ctx.ask(state, say(fmt(t.errTooMany, { max })));
    return ctx.ask(withBuffer(state, step.id, { ...buf, selected }));
  }
  if (input.kind === "choice" && input.action === actions.toggle) {
    const id = input.args[0];
    if (!id || !step.options.some((o) => o.id === id)) return ctx.stale(state);
    const selected = toggled(buf.selected, [id], step);
    if (!selected) return ctx.ask(state, say(fmt(t.errTooMany, { max })));
    return ctx.ask(withBuffer(state, step.id, { ...buf, selected }));
  }
  if (input.kind === "choice" && input.action === actions.page) {
    const page = Number(input.args[0]);
    if (!Number.isInteger(page) || page < 0 || page >= multiPages(step)) return ctx.stale(state);
    return ctx.ask(withBuffer(state, step.id, { ...buf, page }));
  }
  if (!finishing) return ctx.stale(state);
  const count = buf.selected.length;
  if (count === 0 && step.optional && step.minSelections > 0) return ctx.commit(state, { kind: "skipped" });
  if (count < step.minSelections) return ctx.ask(state, say(fmt(t.errTooFew, { min: step.minSelections })));
  if (count > max) return ctx.ask(state, say(fmt(t.errTooMany, { max })));
  return ctx.commit(state, { kind: "multi", options: [...buf.selected] });
}

type RatingBuffer = Extract<StepBuffer, { kind: "rating" }>;

function nextItem(ctx: Ctx, state: DraftState, step: StepOf<"rating">, b: RatingBuffer): EngineResult {
  const index = b.index + 1;
  if (index < step.items.length) return ctx.ask(withBuffer(state, step.id, { ...b, index, noteFor: null, noteParts: [] }));
  const items: Record<string, Rated> = {};
  for (const it of step.items) if (b.items[it.id]) items[it.id] = b.items[it.id]!;
  return ctx.commit(state, { kind: "rating", items });
}

function withNote(b: RatingBuffer): RatingBuffer {
  const note = b.noteParts.join("\n").trim();
  const id = b.noteFor;
  const current = id === null ? undefined : b.items[id];
  if (id === null || !current || note === "") return { ...b, noteFor: null, noteParts: [] };
  return { ...b, items: { ...b.items, [id]: { ...current, note } }, noteFor: null, noteParts: [] };
}

export function ratingBuffer(state: DraftState, step: StepOf<"rating">): RatingBuffer {
  const b = state.buffers[step.id];
  const buf = b?.kind === "rating" ? b : { kind: "rating" as const, index: 0, items: {}, noteFor: null, noteParts: [] };
  return { ...buf, index: Math.min(buf.index, step.items.length - 1) };
}

/** "Quay lại" inside a rating step; undefined when already at the first item (the step-level back applies). */
export function ratingBack(ctx: Ctx, state: DraftState, step: StepOf<"rating">): EngineResult | undefined {
  const b = ratingBuffer(state, step);
  if (b.noteFor !== null) return ctx.ask(withBuffer(state, step.id, withNote(b)));
  if (b.index > 0) return ctx.ask(withBuffer(state, step.id, { ...b, index: b.index - 1 }));
  return undefined;
}

export function handleRating(ctx: Ctx, state: DraftState, step: StepOf<"rating">, input: StepInput): EngineResult {
  const { t } = ctx.v;
  const b = ratingBuffer(state, step);
  const item = step.items[b.index]!;
  if (b.noteFor !== null) {
    const finishing = input.kind === "choice" ? input.action === actions.done && input.args[0] === b.noteFor : isDoneWord(input.text);
    if (finishing) return nextItem(ctx, state, step, withNote(b));
    if (input.kind === "choice") return ctx.stale(state);
    const piece = input.text.trim();
    if (piece === "") return ctx.ask(state);
    const length = [...b.noteParts, piece].join("\n").length;
    if (length > step.noteMaxLength) return ctx.ask(state, [...say(fmt(t.errNoteTooLong, { count: length, max: step.noteMaxLength })), ...messages(piece)]);
    return ctx.ask(withBuffer(state, step.id, { ...b, noteParts: [...b.noteParts, piece] }));
  }
  let level: RatingLevel | undefined;
  if (input.kind === "choice") {
    const [itemId, code] = input.args;
    if (input.action !== actions.level || itemId !== item.id) return ctx.stale(state);
    level = ratingLevels.find((l) => levelCodes[l] === code);
    if (!level) return ctx.stale(state);
  } else {
    level = pick(input.text, ratingLevels, ratingLevels.map((l) => t.levels[l]));
    if (!level) return ctx.ask(state, say(t.errUseButtons));
  }
  // A note written earlier for this item survives a change of level.
  const rated: RatingBuffer = { ...b, items: { ...b.items, [item.id]: { ...b.items[item.id], level } } };
  const wantsNote = step.noteFor === "all" || (step.noteFor === "flagged" && level !== "none");
  if (wantsNote) return ctx.ask(withBuffer(state, step.id, { ...rated, noteFor: item.id, noteParts: [] }));
  return nextItem(ctx, state, step, rated);
}

type ScoreBuffer = Extract<StepBuffer, { kind: "score" }>;

/** «Quay lại» inside a score step: the previous number, kept as typed; undefined at the first (the step-level back applies). */
export function scoreBack(ctx: Ctx, state: DraftState, step: StepOf<"score">): EngineResult | undefined {
  const b = scoreBuffer(state, step);
  return b.index > 0 ? ctx.ask(withBuffer(state, step.id, { ...b, index: b.index - 1 })) : undefined;
}

/** After the last number: the group totals (sums of the criteria with a sheet) are committed and shown with the total. */
function nextEntry(ctx: Ctx, state: DraftState, step: StepOf<"score">, b: ScoreBuffer): EngineResult {
  const entries = scoreEntries(step);
  const missing = entries.findIndex((e) => typedPoints(b, e) === undefined);
  const index = b.index + 1 < entries.length ? b.index + 1 : missing;
  // Normally the next entry; at the end, one skipped over (after a template change) before committing.
  if (index >= 0) return ctx.ask(withBuffer(state, step.id, { ...b, index }));
  let answer: Extract<Answer, { kind: "score" }>;
  if (step.scoring) {
    const criteria = Object.fromEntries(entries.map((e) => [e.id, b.criteria[e.id]!]));
    const groups = Object.fromEntries(step.groups.map((g) => [g.id, sumPoints(entries.filter((e) => e.group.id === g.id).map((e) => criteria[e.id]!))]));
    answer = { kind: "score", groups, criteria };
  } else {
    answer = { kind: "score", groups: Object.fromEntries(step.groups.map((g) => [g.id, b.groups[g.id]!])) };
  }
  const result = ctx.commit(state, answer);
  return { ...result, outputs: [{ text: fmt(ctx.v.t.scoreSaved, { score: answerText(ctx.v.t, step, answer) }) }, ...result.outputs] };
}

export function handleScore(ctx: Ctx, state: DraftState, step: StepOf<"score">, input: StepInput): EngineResult {
  const { t } = ctx.v;
  const b = scoreBuffer(state, step);
  const entry = scoreEntries(step)[b.index]!;
  if (input.kind === "choice") {
    // «Giữ 25 điểm»: the number typed earlier for this entry stands.
    if (input.action !== actions.done || input.args[0] !== entry.id || typedPoints(b, entry) === undefined) return ctx.stale(state);
    return nextEntry(ctx, state, step, b);
  }
  const typed = input.text.trim().slice(0, 100);
  if (typed === "") return ctx.ask(state, say(t.errEmpty));
  const read = parsePoints(typed);
  const max = points(t, entry.max);
  // A refusal changes nothing: the numbers typed so far stay in the buffer, and the same entry is asked again.
  if (read === null) return ctx.ask(state, say(fmt(t.errScoreNotNumber, { text: typed, max })));
  if ("decimals" in read) return ctx.ask(state, say(fmt(t.errScoreDecimals, { text: typed })));
  if ("negative" in read || read.value > entry.max) return ctx.ask(state, say(fmt(t.errScoreRange, { text: typed, max })));
  const next: ScoreBuffer =
    entry.kind === "group" ? { ...b, groups: { ...b.groups, [entry.id]: read.value } } : { ...b, criteria: { ...b.criteria, [entry.id]: read.value } };
  return nextEntry(ctx, withBuffer(state, step.id, next), step, next);
}
