/** Every button of the membership feature, declared once with the values it carries. */
import { z } from "zod";
import { locales } from "../../../i18n/index.ts";
import { buttonValue, defineButton } from "../../kernel/buttons.ts";
import { editableProfileFields } from "./steps.ts";

const membershipId = buttonValue.id;
const roleCodes = { d: "deputy", c: "committee", m: "member" } as const;

export const buttons = {
  approve: defineButton("ap", { membershipId }),
  reject: defineButton("rj", { membershipId }),
  /** A member's card, from the member list; the list stays to pick the next one. */
  card: defineButton("mm", { membershipId }, { keep: true }),
  /** Role codes keep the data short: d(eputy), c(ommittee), m(ember). */
  role: defineButton("r", { membershipId, role: z.enum(["d", "c", "m"]).transform((c) => roleCodes[c]) }),
  transfer: defineButton("tx", { membershipId }),
  transferConfirm: defineButton("tx!", { membershipId }),
  exempt: defineButton("ex", { membershipId, exempt: z.enum(["0", "1"]).transform((v) => v === "1") }),
  remove: defineButton("rm", { membershipId }),
  removeConfirm: defineButton("rm!", { membershipId }),
  invite: defineButton("iv", { action: z.enum(["new", "off"]), cellId: buttonValue.id }),
  language: defineButton("l", { locale: z.enum(locales) }),
  editProfile: defineButton("p", { field: z.enum(editableProfileFields) }),
  leaveConfirm: defineButton("lv!", { cellId: buttonValue.id }),
};
