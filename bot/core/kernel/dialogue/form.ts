import type { DialogueHandler, FeatureContext, Turn } from "../feature.ts";
import type { InboundInput } from "../../contract/messages.ts";
import { parseStepChoice, type StepDef, type StepValue } from "./steps.ts";
import { advanceDialogue, endDialogue, loadDialogue, type Dialogue, type DialogueData } from "./store.ts";

/**
 * A feature's question-by-question dialogue: the steps are data (prompt + check), every answer is
 * saved in the person's dialogue row before the next question is asked, and the same rules as the
 * core's own dialogues hold (stale buttons re-ask, unreadable input is explained, a second device
 * that moved on wins).
 */
export interface FormDef {
  flow: string;
  steps: Record<string, StepDef>;
  /** Where to go after an answer; the next step of the plan by default. Null finishes. */
  next?(step: string, value: StepValue, data: DialogueData): string | null | undefined;
  /** Optional work on an answer before moving on (e.g. adding a file to a list); may change data. */
  onAnswer?(turn: Turn, step: string, value: StepValue, data: DialogueData): Promise<DialogueData>;
  /** A check of an answer that needs the database (e.g. an invite code): a reason re-asks the question. */
  validate?(turn: Turn, step: string, value: StepValue, data: DialogueData): Promise<string | null>;
  /** Accepts input a step's own check does not (e.g. a file at the documents step). */
  acceptOther?(step: string, input: InboundInput, data: DialogueData): StepValue | undefined;
  finish(turn: Turn, data: DialogueData): Promise<void>;
}

export interface Form {
  flow: string;
  start(turn: Turn, plan: string[], data: DialogueData, intro?: string): Promise<void>;
  handler: DialogueHandler;
}

const finishingStep = "_finishing";
const planOf = (data: DialogueData) => (data._plan ?? "").split(",").filter(Boolean);

export function createForm(ctx: FeatureContext, def: FormDef): Form {
  const { db } = ctx.deps;

  async function prompt(turn: Turn, dialogue: Dialogue, reason?: string): Promise<void> {
    const step = def.steps[dialogue.step];
    if (!step) {
      await endDialogue(db, turn.person.id);
      return ctx.staleButton(turn);
    }
    const message = step.prompt({ t: turn.t, data: dialogue.data, now: ctx.deps.now() });
    const plan = planOf(dialogue.data);
    const index = plan.indexOf(dialogue.step);
    const position = plan.length > 1 && index >= 0 ? `${turn.t("step-position", { n: index + 1, total: plan.length })}\n` : "";
    await turn.reply({ ...message, text: `${reason ? `${reason}\n\n` : ""}${position}${message.text}` });
  }

  const handler: DialogueHandler = async (turn, dialogue, input) => {
    const step = def.steps[dialogue.step];
    if (!step) return prompt(turn, dialogue);
    if (input.kind === "unsupported") return prompt(turn, dialogue, input.what === "reprompt" ? undefined : turn.t("invalid-unsupported"));
    if (input.kind === "choice") {
      const chosen = parseStepChoice(input.data);
      if (!chosen || chosen.step !== dialogue.step) return prompt(turn, dialogue, turn.t("stale-button"));
    }
    let value: StepValue;
    const other = def.acceptOther?.(dialogue.step, input, dialogue.data);
    if (other !== undefined) value = other;
    else {
      if (input.kind === "file") return prompt(turn, dialogue, turn.t("invalid-unsupported"));
      const checked = step.accept(input, { t: turn.t, data: dialogue.data, now: ctx.deps.now() });
      if (!checked.ok) return prompt(turn, dialogue, turn.t(checked.reason, checked.params));
      value = checked.value;
    }
    const refusal = await def.validate?.(turn, dialogue.step, value, dialogue.data);
    if (refusal) return prompt(turn, dialogue, refusal);
    let data: DialogueData = { ...dialogue.data, [dialogue.step]: value };
    if (def.onAnswer) data = await def.onAnswer(turn, dialogue.step, value, data);
    const plan = planOf(data);
    const custom = def.next?.(dialogue.step, value, data);
    const nextStep = custom === undefined ? plan[plan.indexOf(dialogue.step) + 1] ?? null : custom;
    if (nextStep === null) {
      // Claim the dialogue before finishing, so a double tap on the last button finishes once.
      const claimed = await advanceDialogue(db, turn.person.id, dialogue, finishingStep, data);
      if (!claimed) return ctx.staleButton(turn);
      try {
        await def.finish(turn, data);
      } catch (error) {
        // Nothing typed is lost: the person is back at the last question, with every answer.
        await advanceDialogue(db, turn.person.id, claimed, dialogue.step, dialogue.data);
        throw error;
      }
      // Only this dialogue ends; one the finish started (a next step elsewhere) stays.
      await db.dialogueState.deleteMany({ where: { personId: turn.person.id, flow: def.flow, step: finishingStep } });
      return;
    }
    const saved = await advanceDialogue(db, turn.person.id, dialogue, nextStep, data);
    if (!saved) {
      const fresh = await loadDialogue(db, turn.person.id);
      return fresh?.flow === def.flow ? prompt(turn, fresh, turn.t("stale-button")) : ctx.staleButton(turn);
    }
    return prompt(turn, saved);
  };

  return {
    flow: def.flow,
    handler,
    async start(turn, plan, data, intro) {
      const dialogue = await ctx.startDialogue(turn, def.flow, plan[0]!, { ...data, _plan: plan.join(",") });
      if (intro) await turn.reply({ text: intro });
      await prompt(turn, dialogue);
    },
  };
}
