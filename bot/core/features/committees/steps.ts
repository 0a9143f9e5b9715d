/** The questions of the committee's dialogues. */
import { checkCommitteeName } from "../../domain/validation.ts";
import { textStep, type StepDef } from "../../kernel/dialogue/steps.ts";
import { normalizeCommitteeCode } from "./code.ts";

const checkCode = (raw: string) => {
  const code = normalizeCommitteeCode(raw);
  return code ? ({ ok: true, value: code } as const) : ({ ok: false, reason: "committee-code-malformed" } as const);
};

export const committeeSteps: Record<string, StepDef> = {
  committeeName: textStep("committeeName", "committee-ask-name", checkCommitteeName, { cancel: true }),
  parentCode: textStep("parentCode", "committee-ask-parent-code", checkCode, { optional: true }),
  linkCode: textStep("linkCode", "committee-ask-link-code", checkCode, { cancel: true }),
};
