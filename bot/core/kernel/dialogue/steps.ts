import type { Translator } from "../../../i18n/index.ts";
import { foldVietnamese } from "../../../lib/text.ts";
import type { Choice, InboundInput, OutboundMessage } from "../../contract/messages.ts";
import { memberCategories, partyStatuses } from "../../domain/people.ts";
import { checkCellName, checkCommitteeName, checkPersonName, checkPhone, type Checked } from "../../domain/validation.ts";
import type { DialogueData } from "./store.ts";

/** The value a step produced: a string, or null for "skipped / none". */
export type StepValue = string | null;

export interface StepContext {
  t: Translator;
  data: DialogueData;
  /** The injected clock's time, for steps that read dates. */
  now?: Date;
}

/**
 * One question of a dialogue. Steps are data plus a check: the prompt says what to answer, and
 * `accept` turns the user's input into a value or a reason to ask again.
 */
export interface StepDef {
  id: string;
  prompt(c: StepContext): OutboundMessage;
  accept(input: InboundInput, c: StepContext): Checked<StepValue>;
}

/** Callback data of a dialogue button: `d:<step>:<value>`; the step lets a stale button be recognised. */
export const stepChoice = (step: string, value: string, label: string): Choice => ({ label, data: `d:${step}:${value}` });
export const skipValue = "_skip";

export function parseStepChoice(data: string): { step: string; value: string } | null {
  const match = /^d:([\w-]+):(.+)$/.exec(data);
  return match ? { step: match[1]!, value: match[2]! } : null;
}

/**
 * Typed text may stand for an option: its number ("2", "2.", "số 2") or its label with or
 * without diacritics. This keeps the same questions answerable where there are no buttons.
 */
export function matchOption(text: string, options: readonly { value: string; label: string }[]): string | null {
  const folded = foldVietnamese(text);
  const number = /^(?:so\s*)?(\d{1,2})$/.exec(folded);
  if (number) return options[Number(number[1]) - 1]?.value ?? null;
  const exact = options.find((o) => foldVietnamese(o.label) === folded);
  if (exact) return exact.value;
  const partial = options.filter((o) => folded.length >= 3 && foldVietnamese(o.label).includes(folded));
  return partial.length === 1 ? partial[0]!.value : null;
}

export function choiceStep(id: string, promptKey: string, values: readonly string[], labelKey: (v: string) => string, optional = false): StepDef {
  const options = (t: Translator) => values.map((value) => ({ value, label: t(labelKey(value)) }));
  return {
    id,
    prompt: ({ t }) => ({
      text: t(promptKey),
      choices: [
        ...options(t).map((o) => [stepChoice(id, o.value, o.label)]),
        ...(optional ? [[stepChoice(id, skipValue, t("button-skip"))]] : []),
      ],
    }),
    accept: (input, { t }) => {
      if (input.kind === "choice") {
        const chosen = parseStepChoice(input.data);
        if (chosen?.value === skipValue && optional) return { ok: true, value: null };
        if (chosen && values.includes(chosen.value)) return { ok: true, value: chosen.value };
        return { ok: false, reason: "invalid-choice" };
      }
      if (input.kind === "text") {
        const matched = matchOption(input.text, options(t));
        return matched ? { ok: true, value: matched } : { ok: false, reason: "invalid-pick-option" };
      }
      return { ok: false, reason: "invalid-pick-option" };
    },
  };
}

export function textStep(id: string, promptKey: string, check: (raw: string) => Checked<string>, optional = false): StepDef {
  return {
    id,
    prompt: ({ t }) => ({
      text: t(promptKey),
      ...(optional ? { choices: [[stepChoice(id, skipValue, t("button-skip"))]] } : {}),
    }),
    accept: (input) => {
      if (input.kind === "choice") {
        const chosen = parseStepChoice(input.data);
        return optional && chosen?.value === skipValue ? { ok: true, value: null } : { ok: false, reason: "invalid-expected-text" };
      }
      if (input.kind !== "text") return { ok: false, reason: "invalid-expected-text" };
      return check(input.text);
    },
  };
}

export const steps = {
  cellName: textStep("cellName", "ask-cell-name", checkCellName),
  parentCommittee: textStep("parentCommittee", "ask-parent-committee", checkCommitteeName, true),
  fullName: textStep("fullName", "ask-full-name", checkPersonName),
  partyStatus: choiceStep("partyStatus", "ask-party-status", partyStatuses, (v) => `party-status-${v}`),
  category: choiceStep("category", "ask-category", memberCategories, (v) => `category-${v}`),
  phone: textStep("phone", "ask-phone", checkPhone, true),
  inviteCode: textStep("inviteCode", "ask-invite-code", (raw) => ({ ok: true, value: raw })),
} satisfies Record<string, StepDef>;

export type StepId = keyof typeof steps;
export const profileStepIds = ["fullName", "partyStatus", "category", "phone"] as const satisfies readonly StepId[];

/** The last question of a join request: the member checks what the secretary will see. */
export const confirmJoinStep: StepDef = {
  id: "confirm",
  prompt: ({ t, data }) => ({
    text: t("join-confirm", {
      cell: data.cellName ?? "",
      fullName: data.fullName ?? "",
      partyStatus: data.partyStatus ? t(`party-status-${data.partyStatus}`) : "",
      category: data.category ? t(`category-${data.category}`) : "",
      phone: data.phone ?? t("profile-no-phone"),
    }),
    choices: [[stepChoice("confirm", "send", t("button-send-request"))], [stepChoice("confirm", "edit", t("button-edit-answers"))], [{ label: t("button-cancel"), data: "x" }]],
  }),
  accept: (input, { t }) => {
    const options = [
      { value: "send", label: t("button-send-request") },
      { value: "edit", label: t("button-edit-answers") },
    ];
    if (input.kind === "choice") {
      const chosen = parseStepChoice(input.data);
      return chosen && (chosen.value === "send" || chosen.value === "edit") ? { ok: true, value: chosen.value } : { ok: false, reason: "invalid-choice" };
    }
    if (input.kind === "text") {
      const matched = matchOption(input.text, options);
      return matched ? { ok: true, value: matched } : { ok: false, reason: "invalid-pick-option" };
    }
    return { ok: false, reason: "invalid-pick-option" };
  },
};

/** Every question of the core's own dialogues, by id. */
export const coreSteps: Record<string, StepDef> = { ...steps, [confirmJoinStep.id]: confirmJoinStep };
