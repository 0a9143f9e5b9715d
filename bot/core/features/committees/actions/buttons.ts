/**
 * The buttons of the committee's actions on its cells (rounds, notices, issues raised for a
 * review), declared once with their values: two segments, "ca:…". Every handler checks the actor's
 * post against the committee the values lead to, so a forged id reaches nothing of another committee.
 */
import { z } from "zod";
import { buttonValue, defineButton } from "../../../kernel/buttons.ts";

const id = buttonValue.id;
const page = z.string().regex(/^\d{1,4}$/).transform(Number);

export const actionButtons = {
  /** A lead opens a report round for the committee's cells. */
  newRound: defineButton("ca:rn", { committeeId: id }),
  /** The committee's rounds, newest first, a page at a time. */
  rounds: defineButton("ca:rl", { committeeId: id, page }, { keep: true }),
  /** One committee round: each cell's counts, a page at a time. */
  round: defineButton("ca:rs", { committeeRoundId: id, page }, { keep: true }),
  /** A lead writes a notice to the cells. */
  newNotice: defineButton("ca:nn", { committeeId: id }),
  /** The issues raised this year, with «Rút lại». */
  issues: defineButton("ca:il", { committeeId: id, page }, { keep: true }),
  /** Raising an issue: which cell the member is in, then who. */
  issueCells: defineButton("ca:ia", { committeeId: id, page }, { keep: true }),
  issueCell: defineButton("ca:ic", { cellId: id, page }, { keep: true }),
  issueMember: defineButton("ca:im", { cellId: id, personId: id }),
  withdrawIssue: defineButton("ca:iw", { issueId: id }),
  withdrawIssueConfirm: defineButton("ca:iw!", { issueId: id }),
};
