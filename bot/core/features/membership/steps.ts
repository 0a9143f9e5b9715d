/** The questions of the membership dialogues: creating a cell, joining one, the profile. */
import { memberCategories, partyStatuses } from "../../domain/people.ts";
import { checkCellName, checkCommitteeName, checkPersonName, checkPhone, normalizeInviteCode, checkAdmissionMonth } from "../../domain/validation.ts";
import { cancelChoice, choiceStep, labelled, stepChoice, textStep, type StepDef } from "../../kernel/dialogue/steps.ts";

export const profileFields = ["fullName", "partyStatus", "category", "phone"] as const;
export type ProfileField = (typeof profileFields)[number];
/** Asked once when the year-end review needs them (not at registration), editable in /hoso. */
export const reviewProfileFields = ["holdsPost", "admittedAt"] as const;
export const editableProfileFields = [...profileFields, ...reviewProfileFields] as const;

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
  holdsPost: choiceStep("holdsPost", "report-profile-holds-post", labelled(["yes", "no"], (v) => `report-profile-holds-post-${v}`)),
  admittedAt: textStep("admittedAt", "report-profile-admitted-at", (raw, c) => checkAdmissionMonth(raw, c.now)),
  inviteCode: textStep("inviteCode", "ask-invite-code", (raw) => (normalizeInviteCode(raw) ? { ok: true, value: raw } : { ok: false, reason: "invite-code-malformed" })),
  confirm: confirmJoin,
};
