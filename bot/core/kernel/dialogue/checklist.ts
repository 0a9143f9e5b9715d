/**
 * A checklist question: items, each in one of a few states that a tap cycles through (☐ → ☑, or
 * present → absent → excused), redrawn in place, until «Xong». The states are the step's working
 * value (JSON, item key → state), saved on every tap like any answer.
 */
import { z } from "zod";
import type { Translator } from "../../../i18n/index.ts";
import { stepChoice, type Accepted, type StepContext, type StepDef } from "./steps.ts";

export const checklistDone = "_done";

export interface ChecklistItem {
  /** Short and without ":" (it travels in the button): an index or a code. */
  key: string;
  label: string;
}

export interface ChecklistDef<S extends string> {
  id: string;
  /** The text above the items. */
  title(c: StepContext): string;
  items(c: StepContext): ChecklistItem[];
  /** The cycle a tap moves an item along; the first is where items start unless `initial` says otherwise. */
  states: readonly [S, ...S[]];
  mark: Record<S, string>;
  initial?(c: StepContext): Partial<Record<string, S>>;
  doneLabel(t: Translator): string;
  /** The locale key that explains, after typed text that names no line, how to use the list. */
  typedRefusalKey?: string;
  /** Why «Xong» is refused (a locale key), or null. */
  refuseDone?(states: Record<string, S>, c: StepContext): string | null;
  applies?: StepDef["applies"];
}

/** The states saved so far, or the starting ones. */
export function checklistStates<S extends string>(def: ChecklistDef<S>, c: StepContext): Record<string, S> {
  const saved = parseStates(c.data[def.id] ?? null, def.states);
  const initial = def.initial?.(c) ?? {};
  return Object.fromEntries(def.items(c).map((item) => [item.key, saved?.[item.key] ?? initial[item.key] ?? def.states[0]]));
}

function parseStates<S extends string>(json: string | null, states: readonly S[]): Record<string, S> | null {
  if (!json) return null;
  try {
    const parsed = z.record(z.string(), z.enum(states as unknown as [S, ...S[]])).safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as Record<string, S>) : null;
  } catch {
    return null;
  }
}

export function checklistStep<S extends string>(def: ChecklistDef<S>): StepDef {
  return {
    id: def.id,
    ...(def.applies ? { applies: def.applies } : {}),
    prompt: (c) => {
      const states = checklistStates(def, c);
      return {
        text: def.title(c),
        choices: [
          ...def.items(c).map((item) => [{ ...stepChoice(def.id, item.key, `${def.mark[states[item.key]!]} ${item.label}`), toggle: true }]),
          [stepChoice(def.id, checklistDone, def.doneLabel(c.t))],
        ],
      };
    },
    accept: (answer, c): Accepted => {
      const states = checklistStates(def, c);
      const items = def.items(c);
      let key: string | undefined;
      if (answer.kind === "pick") key = answer.value;
      else if (answer.kind === "text") {
        // Typed: an item's number toggles it; "xong" saves.
        const folded = answer.text.trim().toLowerCase();
        if (["xong", "done", "luu", "lưu"].includes(folded)) key = checklistDone;
        else if (/^\d{1,3}$/.test(folded)) key = items[Number(folded) - 1]?.key;
      }
      if (key === checklistDone) {
        const refusal = def.refuseDone?.(states, c);
        return refusal ? { ok: false, reason: refusal } : { ok: true, value: JSON.stringify(states) };
      }
      if (key === undefined || !items.some((i) => i.key === key)) return { ok: false, reason: answer.kind === "pick" ? "invalid-choice" : (def.typedRefusalKey ?? "checklist-use-options") };
      const cycle = def.states;
      const next = cycle[(cycle.indexOf(states[key]!) + 1) % cycle.length]!;
      return { ok: true, value: JSON.stringify({ ...states, [key]: next }), stay: true };
    },
  };
}
