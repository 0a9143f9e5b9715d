/** The questions of the membership dialogues: creating a cell, joining one, the profile. */
import { memberCategories, partyStatuses } from "../../domain/people.ts";
import { checkCellName, checkCommitteeName, checkPersonName, checkPhone, normalizeInviteCode } from "../../domain/validation.ts";
import { cancelChoice, choiceStep, labelled, stepChoice, textStep, type StepDef } from "../../kernel/dialogue/steps.ts";

export const profileFields = ["fullName", "partyStatus", "category", "phone"] as const;
export type ProfileField = (typeof profileFields)[number];

const confirmOptions = (t: (k: string) => string) => [
  { value: "send", label: t("button-send-request") },
  { value: "edit", label: t("button-edit-answers") },
];

/** The last question of a join request: the member checks what the secretary will see. */
const confirmJoin: StepDef = {
  ...choiceStep("confirm", "join-confirm", (c) => confirmOptions(c.t)),
  prompt: ({ t, data }) => ({
    text: t("join-confirm", {
      cell: data.cellName ?? "",
      fullName: data.fullName ?? "",
      partyStatus: data.partyStatus ? t(`party-status-${data.partyStatus}`) : "",
      category: data.category ? t(`category-${data.category}`) : "",
      phone: data.phone ?? t("profile-no-phone"),
    }),
    choices: [...confirmOptions(t).map((o) => [stepChoice("confirm", o.value, o.label)]), [cancelChoice(t)]],
  }),
};

export const membershipSteps: Record<string, StepDef> = {
  cellName: textStep("cellName", "ask-cell-name", checkCellName),
  parentCommittee: textStep("parentCommittee", "ask-parent-committee", checkCommitteeName, { optional: true }),
  fullName: textStep("fullName", "ask-full-name", checkPersonName),
  partyStatus: choiceStep("partyStatus", "ask-party-status", labelled(partyStatuses, (v) => `party-status-${v}`)),
  category: choiceStep("category", "ask-category", labelled(memberCategories, (v) => `category-${v}`)),
  phone: textStep("phone", "ask-phone", checkPhone, { optional: true }),
  inviteCode: textStep("inviteCode", "ask-invite-code", (raw) => (normalizeInviteCode(raw) ? { ok: true, value: raw } : { ok: false, reason: "invite-code-malformed" })),
  confirm: confirmJoin,
};
