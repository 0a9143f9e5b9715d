/**
 * Button payloads of the reports feature. Ids are cuids (25 characters), so every payload stays
 * far below Telegram's 64 bytes. The engine's own buttons use the prefix "rp" (see
 * ../../reports/choice-data.ts); the round-opening dialogue uses "bcr".
 */

export const actionPrefix = "bc";
export const roundPrefix = "bcr";

/** The second part of a `bc:` payload. */
export const act = {
  /** Start, continue or complete a draft (member, or admin with `px`). */
  open: "go",
  /** The member's own submitted report. */
  view: "vw",
  withdraw: "wd",
  withdrawConfirm: "wd!",
  accept: "ac",
  returnIt: "rt",
  /** An admin reads one submitted version. */
  read: "rd",
  status: "st",
  proxy: "px",
  remindNow: "rn",
  close: "cl",
  closeConfirm: "cl!",
  newRound: "new",
} as const;

const bc = (action: string, id?: string) => (id ? `${actionPrefix}:${action}:${id}` : `${actionPrefix}:${action}`);

export const choiceData = {
  open: (draftId: string) => bc(act.open, draftId),
  view: (draftId: string) => bc(act.view, draftId),
  withdraw: (draftId: string) => bc(act.withdraw, draftId),
  withdrawConfirm: (versionId: string) => bc(act.withdrawConfirm, versionId),
  accept: (versionId: string) => bc(act.accept, versionId),
  returnIt: (versionId: string) => bc(act.returnIt, versionId),
  read: (versionId: string) => bc(act.read, versionId),
  status: (roundId: string) => bc(act.status, roundId),
  proxy: (draftId: string) => bc(act.proxy, draftId),
  remindNow: (roundId: string) => bc(act.remindNow, roundId),
  close: (roundId: string) => bc(act.close, roundId),
  closeConfirm: (roundId: string) => bc(act.closeConfirm, roundId),
  newRound: () => bc(act.newRound),
  /** A choice of the round-opening dialogue: valid only while that step is on screen. */
  roundStep: (step: string, value: string) => `${roundPrefix}:${step}:${value}`,
};

/** The core's "cancel what is in progress" button. */
export const cancelData = "x";
