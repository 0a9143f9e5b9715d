/**
 * Every button of the reports feature, declared once with the values it carries. The wire formats
 * are those of messages already sent: `bc:<action>:<id>` for the feature's own buttons and
 * `rp:<tag>:<step>:<action>[:<arg>…]` for the questionnaire engine (engine/choice-data.ts encodes
 * and decodes through `buttons.engine`, so the engine has no second format of its own).
 */
import { z } from "zod";
import { defineButton } from "../../kernel/buttons.ts";

/** A row id (cuid). Loose on purpose: an unknown id is answered "not found" by the handler. */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const buttons = {
  /** Start, continue or complete one's own draft. */
  open: defineButton("bc:go", { draftId: id }),
  /** The member's own latest submitted version. */
  view: defineButton("bc:vw", { draftId: id }),
  withdraw: defineButton("bc:wd", { draftId: id }),
  withdrawConfirm: defineButton("bc:wd!", { versionId: id }),
  accept: defineButton("bc:ac", { versionId: id }),
  returnIt: defineButton("bc:rt", { versionId: id }),
  /** An admin reads one submitted version. */
  read: defineButton("bc:rd", { versionId: id }),
  status: defineButton("bc:st", { roundId: id }),
  /** An admin enters a member's draft on their behalf. */
  proxy: defineButton("bc:px", { draftId: id }),
  remindNow: defineButton("bc:rn", { roundId: id }),
  close: defineButton("bc:cl", { roundId: id }),
  closeConfirm: defineButton("bc:cl!", { roundId: id }),
  newRound: defineButton("bc:new"),
  /** A submitted version as a Word file (its author, the secretary and deputy). */
  download: defineButton("bc:dl", { versionId: id }),
  /** Every accepted report of a round in one Word file; the round's status as a spreadsheet. */
  downloadRound: defineButton("bc:dr", { roundId: id }),
  downloadStatus: defineButton("bc:ds", { roundId: id }),
  /** A 2025 review: the members' forms, a member's choice of form, and the cell's own review draft (Mẫu 01). */
  forms: defineButton("bc:fm", { roundId: id }, { keep: true }),
  formPick: defineButton("bc:fp", { draftId: id }),
  formSet: defineButton("bc:fs", { draftId: id, form: z.enum(["2A", "2B", "2C"]) }),
  downloadCollective: defineButton("bc:m01", { roundId: id }),
  /** Sending one report up to the committee above (asked, then confirmed). */
  forward: defineButton("bc:fw", { versionId: id }),
  forwardConfirm: defineButton("bc:fw!", { versionId: id }),
  /**
   * The engine's buttons. `tag` is a hash of the template id, `step` a step id or `@r` / `@c`
   * (review, confirmation), `action` one letter; `args` (option, page, item and level) are
   * ":"-joined and may be empty. What they mean is the engine's to check against the draft.
   */
  engine: defineButton("rp", {
    tag: z.string().regex(/^[0-9a-z]{4}$/),
    step: z.string().regex(/^(?:@[rc]|[a-z0-9][a-z0-9_-]{0,23})$/),
    action: z.string().regex(/^[a-z]$/),
    args: z.string().regex(/^[a-z0-9_:-]{0,50}$/),
  }),
};
