/**
 * Carrying a draft across template versions, and reading back a stored draft that no longer
 * matches the schema. Neither ever discards an answer: what no longer fits goes to `obsolete`.
 */
import { answerSchema, bufferSchema, draftStateSchema, type Answer, type StepBuffer, type DraftState } from "./draft-state.ts";
import { answerFits, findStep } from "./flow.ts";
import type { Template } from "./template-schema.ts";

function seedBuffer(template: Template, id: string, a: Answer): StepBuffer | undefined {
  const step = findStep(template, id);
  if (step?.kind === "multi" && a.kind === "multi")
    return { kind: "multi", selected: a.options.filter((o) => step.options.some((x) => x.id === o)), page: 0 };
  if (step?.kind === "rating" && a.kind === "rating") {
    const items = Object.fromEntries(Object.entries(a.items).filter(([k]) => step.items.some((it) => it.id === k)));
    const index = Math.max(0, step.items.findIndex((it) => items[it.id] === undefined));
    return { kind: "rating", index, items, noteFor: null, noteParts: [] };
  }
  // Points typed for groups or criteria the new version still has are offered again, never retyped.
  if (step?.kind === "score" && a.kind === "score") return { kind: "score", index: 0, groups: { ...a.groups }, criteria: { ...a.criteria } };
  return undefined;
}

function fitBuffer(template: Template, id: string, b: StepBuffer): StepBuffer | undefined {
  const step = findStep(template, id);
  if (!step || step.kind !== b.kind) return undefined;
  if (b.kind === "multi" && step.kind === "multi") {
    const selected = b.selected.filter((o) => step.options.some((x) => x.id === o));
    return { ...b, selected, page: 0 };
  }
  if (b.kind === "rating" && step.kind === "rating") {
    const items = Object.fromEntries(Object.entries(b.items).filter(([k]) => step.items.some((it) => it.id === k)));
    const noteFor = b.noteFor !== null && step.items.some((it) => it.id === b.noteFor) ? b.noteFor : null;
    return { ...b, items, noteFor, index: Math.min(b.index, step.items.length - 1) };
  }
  // Points stay keyed by group or criterion; the view drops any the step no longer has, and the index is clamped there.
  if (b.kind === "score" && step.kind === "score") return { ...b, index: 0 };
  return b;
}

export function migrate(template: Template, state: DraftState): DraftState {
  const from = state.templateVersion;
  const answers: Record<string, Answer> = {};
  const buffers: Record<string, StepBuffer> = {};
  const obsolete = { ...state.obsolete };
  for (const [id, b] of Object.entries(state.buffers)) {
    const kept = fitBuffer(template, id, b);
    if (kept) buffers[id] = kept;
    else if (b.kind === "text" && b.parts.length > 0) obsolete[`${id}@v${from}~draft`] = { kind: "text", text: b.parts.join("\n\n") };
  }
  for (const [id, a] of Object.entries(state.answers)) {
    const step = findStep(template, id);
    if (step && answerFits(step, a)) {
      answers[id] = a;
      continue;
    }
    obsolete[`${id}@v${from}`] = a;
    // Work already done (ratings given, options chosen, text written) comes back as a draft of the new step.
    const seeded = buffers[id] ? undefined : seedBuffer(template, id, a);
    if (seeded) buffers[id] = seeded;
  }
  const exists = (id: string) => findStep(template, id) !== undefined;
  return { ...state, templateVersion: template.version, answers, buffers, obsolete, history: state.history.filter(exists) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parsedEntries<T>(v: unknown, parse: (x: unknown) => { success: true; data: T } | { success: false }): Record<string, T> {
  if (!isObject(v)) return {};
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = parse(x);
    if (p.success) out[k] = p.data;
  }
  return out;
}

/**
 * A stored draft that fails the schema (hand-edited, or written by an older build): keep every
 * answer that still parses and restart the position. Returns undefined when not even the template id is readable.
 */
export function salvage(raw: unknown): DraftState | undefined {
  const ok = draftStateSchema.safeParse(raw);
  if (ok.success) return ok.data;
  if (!isObject(raw) || typeof raw.templateId !== "string" || raw.templateId === "") return undefined;
  const version = typeof raw.templateVersion === "number" && Number.isInteger(raw.templateVersion) && raw.templateVersion >= 1 ? raw.templateVersion : 1;
  return {
    templateId: raw.templateId,
    templateVersion: version,
    phase: raw.phase === "submitted" ? "submitted" : "review",
    stepId: null,
    answers: parsedEntries(raw.answers, (x) => answerSchema.safeParse(x)),
    buffers: parsedEntries(raw.buffers, (x) => bufferSchema.safeParse(x)),
    history: [],
    editing: false,
    obsolete: parsedEntries(raw.obsolete, (x) => answerSchema.safeParse(x)),
  };
}
