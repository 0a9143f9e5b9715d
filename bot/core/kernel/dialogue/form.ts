/**
 * The one dialogue runner. A form is a list of steps (data: prompt + one check) over the person's
 * dialogue row: every answer is saved before the next question is asked, a second device or a
 * double tap that moved the dialogue on wins (optimistic version), stale buttons and unreadable
 * input re-ask the question, and the last answer claims the dialogue before finishing, so a form
 * finishes once.
 */
import type { InboundInput } from "../../contract/messages.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Turn } from "../turn.ts";
import type { DialogueControl, DialogueHandler } from "./control.ts";
import { stepButton, type StepAnswer, type StepContext, type StepDef, type StepValue } from "./steps.ts";
import type { Dialogue, DialogueData } from "./store.ts";

/** What a finish can say instead of finishing: go back to a question, with the reason shown above it. */
export interface Reask {
  reask: string;
  reason: string;
}

export interface FormDef {
  flow: string;
  /** Commands that show this dialogue again where it stands, instead of stopping it (see DialogueDecl). */
  resumedBy?: readonly string[];
  steps: Record<string, StepDef>;
  /** Where to go after an answer; the next step of the plan by default. Null finishes. */
  next?(step: string, value: StepValue, data: DialogueData): string | null | undefined;
  /** Optional work on an answer before moving on (e.g. adding a file to a list); may change data. */
  onAnswer?(turn: Turn, step: string, value: StepValue, data: DialogueData): Promise<DialogueData>;
  /** A check of an answer that needs more than the step knows: a reason (already worded) re-asks. */
  validate?(turn: Turn, step: string, value: StepValue, data: DialogueData): Promise<string | null>;
  finish(turn: Turn, data: DialogueData): Promise<void | Reask>;
}

export interface Form {
  flow: string;
  resumedBy?: readonly string[];
  start(turn: Turn, plan: string[], data: DialogueData, intro?: string): Promise<void>;
  handler: DialogueHandler;
}

export interface RunnerDeps {
  dialogue: DialogueControl;
  now(): Date;
  staleButton(turn: Turn): Promise<void>;
}

const finishingStep = "_finishing";
const planOf = (data: DialogueData) => (data._plan ?? "").split(",").filter(Boolean);

export function createForm(deps: RunnerDeps, def: FormDef): Form {
  const context = (turn: Turn, data: DialogueData): StepContext => ({ t: turn.t, data, now: deps.now(), personId: turn.person.id });

  async function prompt(turn: Turn, dialogue: Dialogue, reason?: string, options: { inPlace?: boolean; echo?: string } = {}): Promise<void> {
    const step = def.steps[dialogue.step];
    if (!step) {
      await deps.dialogue.end(turn.person.id, def.flow);
      return deps.staleButton(turn);
    }
    const c = context(turn, dialogue.data);
    const message = await step.prompt(c);
    // "Bước 3/7" counts the questions that will be asked, as the answers so far decide.
    const plan = await applicable(planOf(dialogue.data), c);
    const index = plan.indexOf(dialogue.step);
    const position = plan.length > 1 && index >= 0 ? `${turn.t("step-position", { n: index + 1, total: plan.length })}\n` : "";
    if (options.echo) {
      // The refused text comes back first, whole, so the person can copy and shorten it.
      await turn.reply({ text: reason ?? "" });
      await turn.reply({ text: options.echo });
      return turn.reply({ ...message, text: `${position}${message.text}` });
    }
    await turn.reply({ ...message, text: `${reason ? `${reason}\n\n` : ""}${position}${message.text}` }, options.inPlace ? { replacePressed: true } : undefined);
  }

  async function applicable(plan: string[], c: StepContext): Promise<string[]> {
    const out: string[] = [];
    for (const id of plan) {
      const step = def.steps[id];
      if (!step?.applies || (await step.applies(c))) out.push(id);
    }
    return out;
  }

  /** The input as an answer to `step`, or the reason it is none (a button of another question). */
  function answerOf(input: InboundInput, step: string): StepAnswer | "stale" | "unsupported" {
    switch (input.kind) {
      case "text":
        return { kind: "text", text: input.text };
      case "file":
        return { kind: "file", file: input.file };
      case "choice": {
        const [id, ...rest] = input.data.split(":");
        const values = id === stepButton.id ? stepButton.decode(rest) : null;
        return values && values.step === step ? { kind: "pick", value: values.value } : "stale";
      }
      case "command":
      case "unsupported":
        return "unsupported";
    }
  }

  /** The step after `from` in the plan (or as `next` says), skipping steps that do not apply now. */
  async function following(turn: Turn, from: string, value: StepValue, data: DialogueData): Promise<string | null> {
    const plan = planOf(data);
    const custom = def.next?.(from, value, data);
    // A step outside the plan (reached by `next` or a reask) has no "next in the plan": it finishes.
    const after = (id: string) => (plan.includes(id) ? (plan[plan.indexOf(id) + 1] ?? null) : null);
    let candidate = custom === undefined ? after(from) : custom;
    while (candidate !== null) {
      const step = def.steps[candidate];
      if (!step?.applies || (await step.applies(context(turn, data)))) return candidate;
      candidate = after(candidate);
    }
    return null;
  }

  async function finish(turn: Turn, dialogue: Dialogue, data: DialogueData): Promise<void> {
    // Claim the dialogue before finishing, so a double tap on the last button finishes once.
    const claimed = await deps.dialogue.advance(turn, dialogue, finishingStep, data);
    if (!claimed) return deps.staleButton(turn);
    let outcome: void | Reask;
    try {
      outcome = await def.finish(turn, data);
    } catch (error) {
      // A refusal of the domain (the person lost their place or office) will not pass on a retry:
      // the dialogue ends. Anything else (a database hiccup): nothing typed is lost, the person is
      // back at the last question with every answer.
      if (error instanceof DomainError) await deps.dialogue.end(turn.person.id, def.flow);
      else await deps.dialogue.advance(turn, claimed, dialogue.step, dialogue.data);
      throw error;
    }
    if (outcome) {
      const back = await deps.dialogue.advance(turn, claimed, outcome.reask, data);
      return back ? prompt(turn, back, outcome.reason) : deps.staleButton(turn);
    }
    // Only this dialogue ends; one the finish started (a next step elsewhere) stays.
    await deps.dialogue.end(turn.person.id, def.flow);
  }

  const handler: DialogueHandler = async (turn, dialogue, input) => {
    const step = def.steps[dialogue.step];
    if (!step) return prompt(turn, dialogue);
    if (input.kind === "unsupported" && input.what === "reprompt") return prompt(turn, dialogue);
    const answer = answerOf(input, dialogue.step);
    if (answer === "stale") return prompt(turn, dialogue, turn.t("stale-button"));
    if (answer === "unsupported") return prompt(turn, dialogue, turn.t(step.unsupportedKey ?? "invalid-unsupported"));
    const accepted = await step.accept(answer, context(turn, dialogue.data));
    if (!accepted.ok) return prompt(turn, dialogue, turn.t(accepted.reason, accepted.params), accepted.echo ? { echo: accepted.echo } : {});
    const value = accepted.value;
    if (accepted.stay) {
      const saved = await deps.dialogue.advance(turn, dialogue, dialogue.step, { ...dialogue.data, [dialogue.step]: value });
      if (!saved) return deps.staleButton(turn);
      return prompt(turn, saved, undefined, { inPlace: true });
    }
    const refusal = await def.validate?.(turn, dialogue.step, value, dialogue.data);
    if (refusal) return prompt(turn, dialogue, refusal);
    let data: DialogueData = { ...dialogue.data, [dialogue.step]: value };
    if (def.onAnswer) data = await def.onAnswer(turn, dialogue.step, value, data);
    const nextStep = await following(turn, dialogue.step, value, data);
    if (nextStep === null) return finish(turn, dialogue, data);
    const saved = await deps.dialogue.advance(turn, dialogue, nextStep, data);
    if (!saved) {
      // Another device answered first: show where the dialogue stands now.
      const fresh = await deps.dialogue.load(turn.person.id);
      return fresh?.flow === def.flow ? prompt(turn, fresh, turn.t("stale-button")) : deps.staleButton(turn);
    }
    return prompt(turn, saved);
  };

  return {
    flow: def.flow,
    ...(def.resumedBy ? { resumedBy: def.resumedBy } : {}),
    handler,
    async start(turn, plan, data, intro) {
      const withPlan = { ...data, _plan: plan.join(",") };
      const first = plan[0] && def.steps[plan[0]]?.applies && !(await def.steps[plan[0]]!.applies!(context(turn, withPlan))) ? await following(turn, plan[0], null, withPlan) : plan[0];
      if (!first) throw new Error(`Form ${def.flow}: nothing to ask`);
      const dialogue = await deps.dialogue.start(turn, def.flow, first, withPlan);
      if (intro) await turn.reply({ text: intro });
      await prompt(turn, dialogue);
    },
  };
}
