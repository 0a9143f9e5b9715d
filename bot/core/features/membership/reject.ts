/**
 * «Từ chối» a join request: a question first (a request refused by a slip of the thumb cannot be
 * taken back), with a few common reasons to pick or a short one to type; the applicant is told it.
 * The decision itself is the one `decideJoin` makes, so a second press or a second admin still
 * decides once.
 */
import { foldVietnamese } from "../../../lib/text.ts";
import type { Translator } from "../../../i18n/index.ts";
import { cancelChoice, stepChoice, type Accepted, type Option, type StepDef } from "../../kernel/dialogue/steps.ts";
import type { FeatureContext, Turn } from "../../kernel/feature.ts";
import { checkRefusalNote, noReason, refusalCodes, refusalNoteLimits, refusalOf, type Refusal } from "./refusals.ts";
import { rejectionTarget } from "./services/joining.ts";

const stepId = "rejectReason";

const reasonOptions = (t: Translator): Option[] => [
  ...refusalCodes.map((code) => ({ value: code, label: t("button-reject-because", { reason: t(`reject-reason-${code}`) }) })),
  { value: noReason, label: t("button-reject-no-reason") },
];

/** Typed text that means an option: its number, or its words (the whole label, or the reason alone). */
function typedOption(text: string, t: Translator): Accepted | null {
  const folded = foldVietnamese(text);
  const options = reasonOptions(t);
  const number = /^(?:so\s*)?(\d{1,2})$/.exec(folded);
  if (number) {
    const option = options[Number(number[1]) - 1];
    return option ? { ok: true, value: option.value } : { ok: false, reason: "invalid-pick-option" };
  }
  const code = refusalCodes.find((c) => foldVietnamese(t(`reject-reason-${c}`)) === folded);
  if (code) return { ok: true, value: code };
  const option = options.find((o) => foldVietnamese(o.label) === folded);
  return option ? { ok: true, value: option.value } : null;
}

export const rejectReasonStep: StepDef = {
  id: stepId,
  prompt: ({ t, data }) => ({
    text: t("reject-ask", { name: data.name ?? "?", cell: data.cellName ?? "", max: refusalNoteLimits.max }),
    choices: [...reasonOptions(t).map((o) => [stepChoice(stepId, o.value, o.label)]), [cancelChoice(t)]],
  }),
  accept: (answer, { t }) => {
    if (answer.kind === "file") return { ok: false, reason: "invalid-expected-text" };
    if (answer.kind === "pick") return reasonOptions(t).some((o) => o.value === answer.value) ? { ok: true, value: answer.value } : { ok: false, reason: "invalid-choice" };
    return typedOption(answer.text, t) ?? checkRefusalNote(answer.text);
  },
};

/** `decide` is the join feature's: it records the decision and tells both sides. */
export function createRejection(ctx: FeatureContext, decide: (turn: Turn, membershipId: string, approve: boolean, refusal?: Refusal) => Promise<void>) {
  const { db } = ctx.deps;

  const rejectForm = ctx.form({
    flow: "join-reject",
    steps: { [stepId]: rejectReasonStep },
    finish: (turn, data) => decide(turn, data.membershipId ?? "", false, refusalOf(data[stepId])),
  });

  /** «Từ chối» pressed: the question, or who decided first. */
  async function ask(turn: Turn, membershipId: string): Promise<void> {
    const found = await rejectionTarget(db, { actorId: turn.person.id, membershipId });
    const name = found.target.person.fullName ?? "?";
    if (found.kind === "pending") return rejectForm.start(turn, [stepId], { membershipId, name, cellName: found.target.cell.name });
    await turn.reply({ text: turn.t("request-already-decided", { name, status: turn.t(`membership-status-${found.status}`), by: found.decidedByName ?? "?" }) });
  }

  return { ask, forms: [rejectForm] };
}
