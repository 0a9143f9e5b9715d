/**
 * Questions of a dialogue, as data plus one check. A step's answer arrives typed or picked from its
 * options (a button on Telegram, a number on Zalo); both go through the same `accept`, so a value
 * from a forged or outdated button meets exactly the rules the typed answer meets.
 */
import { z } from "zod";
import type { Translator } from "../../../i18n/index.ts";
import { foldVietnamese } from "../../../lib/text.ts";
import type { Choice, FileRef, OutboundMessage } from "../../contract/messages.ts";
import { buttonValue, defineButton } from "../buttons.ts";
import type { DialogueData } from "./store.ts";

/** The value a step produced: a string, or null for "skipped / none". */
export type StepValue = string | null;

export interface StepContext {
  t: Translator;
  data: DialogueData;
  /** The injected clock's time, for steps that read dates. */
  now: Date;
  /** Who is answering, for options that depend on them (their cell's meetings). */
  personId: string;
}

/** An answer as a step sees it: typed text, an option of its own, or a file. */
export type StepAnswer = { kind: "text"; text: string } | { kind: "pick"; value: string } | { kind: "file"; file: FileRef };

export type Accepted =
  /** The answer: the dialogue moves on. */
  | { ok: true; value: StepValue; stay?: false }
  /** The step's working value changed (a box ticked): saved, and the step is shown again in place. */
  | { ok: true; value: StepValue; stay: true }
  /** Not an answer: asked again with the reason (a locale key). `echo` hands typed text back so none is lost. */
  | { ok: false; reason: string; params?: Record<string, string | number>; echo?: string };

export interface StepDef {
  id: string;
  /** The locale key answering a sticker, photo or anything else unreadable here; a general one by default. */
  unsupportedKey?: string;
  /** Whether the step is asked at all (a list with nothing in it is not); asked by default. */
  applies?(c: StepContext): boolean | Promise<boolean>;
  prompt(c: StepContext): OutboundMessage | Promise<OutboundMessage>;
  accept(answer: StepAnswer, c: StepContext): Accepted | Promise<Accepted>;
}

/** A dialogue's own buttons: `d:<step>:<value>`; the step lets a button of an earlier question be recognised. */
export const stepButton = defineButton("d", { step: z.string().regex(/^[\w-]{1,24}$/), value: z.string().min(1).max(48) });
export const stepChoice = (step: string, value: string, label: string): Choice => stepButton.choice(label, { step, value });
export const skipValue = "_skip";

/** "Cancel what is in progress": the kernel's own button, usable under any question. */
export const cancelButton = defineButton("x");
export const cancelChoice = (t: Translator): Choice => cancelButton.choice(t("button-cancel"), {});

export interface Option {
  value: string;
  label: string;
}

/**
 * Typed text may stand for an option: its number ("2", "2.", "số 2") or its label with or
 * without diacritics. This keeps the same questions answerable where there are no buttons.
 */
export function matchOption(text: string, options: readonly Option[]): string | null {
  const folded = foldVietnamese(text);
  const number = /^(?:so\s*)?(\d{1,2})$/.exec(folded);
  if (number) return options[Number(number[1]) - 1]?.value ?? null;
  const exact = options.find((o) => foldVietnamese(o.label) === folded);
  if (exact) return exact.value;
  const partial = options.filter((o) => folded.length >= 3 && foldVietnamese(o.label).includes(folded));
  return partial.length === 1 ? partial[0]!.value : null;
}

export interface StepOptions {
  /** May be skipped (a «Bỏ qua» option; the value is then null). */
  optional?: boolean;
  /** A «Hủy» option under the question. */
  cancel?: boolean;
  /** The locale key explaining a typed answer that fits no option (choice steps). */
  typedRefusalKey?: string;
}

const extraRows = (id: string, t: Translator, o: StepOptions): Choice[][] => [
  ...(o.optional ? [[stepChoice(id, skipValue, t("button-skip"))]] : []),
  ...(o.cancel ? [[cancelChoice(t)]] : []),
];

type OptionsSource = readonly Option[] | ((c: StepContext) => readonly Option[] | Promise<readonly Option[]>);

/** A question answered by picking one option (or typing its number or label). */
export function choiceStep(
  id: string,
  question: string | ((c: StepContext) => string | Promise<string>),
  options: OptionsSource,
  o: StepOptions & { applies?: StepDef["applies"] } = {},
): StepDef {
  const list = async (c: StepContext) => (typeof options === "function" ? options(c) : options);
  return {
    id,
    ...(o.applies ? { applies: o.applies } : {}),
    prompt: async (c) => ({
      text: typeof question === "string" ? c.t(question) : await question(c),
      choices: [...(await list(c)).map((op) => [stepChoice(id, op.value, op.label)]), ...extraRows(id, c.t, o)],
    }),
    accept: async (answer, c) => {
      if (answer.kind === "file") return { ok: false, reason: o.typedRefusalKey ?? "invalid-pick-option" };
      if (answer.kind === "pick") {
        if (answer.value === skipValue && o.optional) return { ok: true, value: null };
        return (await list(c)).some((op) => op.value === answer.value) ? { ok: true, value: answer.value } : { ok: false, reason: "invalid-choice" };
      }
      const matched = matchOption(answer.text, await list(c));
      return matched ? { ok: true, value: matched } : { ok: false, reason: o.typedRefusalKey ?? "invalid-pick-option" };
    },
  };
}

/** Options whose labels are locale messages. */
export const labelled = (values: readonly string[], labelKey: (v: string) => string) => (c: StepContext) => values.map((value) => ({ value, label: c.t(labelKey(value)) }));

export type TextCheck = (raw: string, c: StepContext) => Accepted;

/** A question answered in words; `check` cleans the text or says why it is refused. */
export function textStep(id: string, promptKey: string, check: TextCheck, o: StepOptions & { expectTextKey?: string } = {}): StepDef {
  return {
    id,
    prompt: ({ t }) => ({ text: t(promptKey), ...(o.optional || o.cancel ? { choices: extraRows(id, t, o) } : {}) }),
    accept: (answer, c) => {
      if (answer.kind === "pick" && answer.value === skipValue && o.optional) return { ok: true, value: null };
      if (answer.kind !== "text") return { ok: false, reason: o.expectTextKey ?? "invalid-expected-text" };
      return check(answer.text, c);
    },
  };
}

/** A value from the values a button may carry for a step, for steps that build their own options. */
export const stepValueSchema = buttonValue.text;
