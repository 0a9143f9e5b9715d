/** The committee feature's own buttons (posts, links, cells in charge), declared once with their values. */
import { z } from "zod";
import { buttonValue, defineButton } from "../../kernel/buttons.ts";

const id = buttonValue.id;
const page = z.string().regex(/^\d{1,4}$/).transform(Number);
const flag = z.enum(["0", "1"]).transform((v) => v === "1");
const roleCodes = { d: "deputy", m: "member" } as const;
const officerRole = z.enum(["d", "m"]).transform((c) => roleCodes[c]);

export const buttons = {
  /** A committee's home, for an officer with several posts. */
  home: defineButton("cu:h", { committeeId: id }, { keep: true }),
  cells: defineButton("cu:c", { committeeId: id, page }, { keep: true }),
  officers: defineButton("cu:o", { committeeId: id }, { keep: true }),
  officer: defineButton("cu:oc", { officerId: id }, { keep: true }),
  officerRole: defineButton("cu:or", { officerId: id, role: officerRole }),
  endPost: defineButton("cu:oe", { officerId: id }),
  endPostConfirm: defineButton("cu:oe!", { officerId: id }),
  /** The cells an officer may be put in charge of, a page at a time, with ✓ on theirs. */
  charges: defineButton("cu:ch", { officerId: id, page }, { keep: true }),
  charge: defineButton("cu:cx", { officerId: id, cellId: id, assign: flag }),
  /** Appointing: which cell the person is in, then who, then the role. */
  appoint: defineButton("cu:ap", { committeeId: id, page }, { keep: true }),
  appointCell: defineButton("cu:apc", { cellId: id, page }, { keep: true }),
  appointPerson: defineButton("cu:app", { committeeId: id, personId: id }),
  appointRole: defineButton("cu:apr", { personId: id, committeeId: id, role: officerRole }),
  links: defineButton("cu:l", { committeeId: id }, { keep: true }),
  approveLink: defineButton("cu:la", { linkId: id }),
  rejectLink: defineButton("cu:lr", { linkId: id }),
  /** The cell's side: ask the suggested committee, or end the link. */
  askLink: defineButton("cu:lq", { cellId: id, committeeId: id }),
  enterCode: defineButton("cu:le", { cellId: id }),
  endLink: defineButton("cu:lx", { cellId: id }),
  endLinkConfirm: defineButton("cu:lx!", { cellId: id }),
};
