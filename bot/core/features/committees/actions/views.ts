/** The screens of the committee's actions as text and choices: pure, no I/O, no platform. */
import type { Translator } from "../../../../i18n/index.ts";
import type { Choice, OutboundMessage } from "../../../contract/messages.ts";
import { clip, formatMoment } from "../../reports/views.ts";
import { buttons as committeeButtons } from "../buttons.ts";
import { pageSize } from "../queries.ts";
import { pager } from "../views.ts";
import { actionButtons } from "./buttons.ts";
import type { IssueRow } from "./issues.ts";
import type { CellProgress, CommitteeRoundRow, DraftCounts } from "./queries.ts";
import type { CellOutcome } from "./services/rounds.ts";

const row = (c: Choice): Choice[] => [c];
const back = (t: Translator, committeeId: string) => row(committeeButtons.home.choice(t("committee-button-back"), { committeeId }));

/** «Chi bộ A, Chi bộ B và 3 chi bộ khác»: a list of cells that fits a line whatever its length. */
export function cellNames(t: Translator, names: string[], shown = 5): string {
  const head = names.slice(0, shown).join(", ");
  return names.length > shown ? t("ca-cells-and-more", { names: head, more: names.length - shown }) : head;
}

/** What the lead is told once the round is opened: where, for how many, and which cells it could not reach. */
export function roundOpened(t: Translator, input: { title: string; outcomes: CellOutcome[]; heldCells: number; committeeRoundId: string }): OutboundMessage {
  const opened = input.outcomes.flatMap((o) => (o.kind === "opened" ? [o] : []));
  const noOne = input.outcomes.filter((o) => o.kind === "no-one").map((o) => o.cell.name);
  const left = input.outcomes.filter((o) => o.kind === "left").map((o) => o.cell.name);
  const lines = [t("ca-round-opened", { title: input.title, cells: opened.length, members: opened.reduce((n, o) => n + o.assigned, 0) })];
  if (noOne.length > 0) lines.push(t("ca-round-no-one", { count: noOne.length, cells: cellNames(t, noOne) }));
  if (left.length > 0) lines.push(t("ca-round-left", { count: left.length, cells: cellNames(t, left) }));
  if (input.heldCells > 0) lines.push(t("ca-held", { count: input.heldCells }));
  return { text: lines.join("\n\n"), choices: opened.length > 0 ? [row(actionButtons.round.choice(t("ca-button-progress"), { committeeRoundId: input.committeeRoundId, page: "0" }))] : [] };
}

export function roundList(t: Translator, committee: { id: string; name: string; timeZone: string }, page: number, total: number, rows: CommitteeRoundRow[], lead: boolean): OutboundMessage {
  const newRound = lead ? [row(actionButtons.newRound.choice(t("ca-button-new-round"), { committeeId: committee.id }))] : [];
  if (total === 0) return { text: t("ca-rounds-empty", { committee: committee.name }), choices: [...newRound, back(t, committee.id)] };
  const lines = rows.map((r, i) => t("ca-rounds-line", { n: page * pageSize + i + 1, title: r.title, deadline: formatMoment(r.deadline, committee.timeZone), cells: r.cells }));
  return {
    text: [t("ca-rounds-title", { committee: committee.name, total }), ...lines].join("\n"),
    choices: [
      ...rows.map((r, i) => row(actionButtons.round.choice(`${page * pageSize + i + 1}. ${clip(r.title, 40)}`, { committeeRoundId: r.id, page: "0" }))),
      ...pager(t, page, total, (p, label) => actionButtons.rounds.choice(label, { committeeId: committee.id, page: String(p) })),
      ...newRound,
      back(t, committee.id),
    ],
  };
}

const countsParams = (c: DraftCounts) => ({ submitted: c.submitted, accepted: c.accepted, returned: c.returned, missing: c.missing, total: c.submitted + c.accepted + c.returned + c.missing });

/** One committee round: the totals, then each cell's counts, ten cells a page. */
export function roundProgress(
  t: Translator,
  input: { committeeRoundId: string; committee: { id: string; timeZone: string }; title: string; deadline: Date; cells: number; totals: DraftCounts; rows: CellProgress[]; page: number },
): OutboundMessage {
  const head = [
    t("ca-progress-title", { title: input.title, deadline: formatMoment(input.deadline, input.committee.timeZone), cells: input.cells }),
    t("ca-progress-totals", countsParams(input.totals)),
  ];
  const lines = input.rows.map((r, i) => {
    const line = t("ca-progress-line", { n: input.page * pageSize + i + 1, cell: r.cellName, ...countsParams(r.counts) });
    return r.open ? line : `${line} ${t("ca-progress-closed")}`;
  });
  return {
    text: [head.join("\n"), lines.join("\n") || t("ca-progress-empty")].join("\n\n"),
    choices: [
      ...pager(t, input.page, input.cells, (p, label) => actionButtons.round.choice(label, { committeeRoundId: input.committeeRoundId, page: String(p) })),
      row(actionButtons.rounds.choice(t("committee-button-back"), { committeeId: input.committee.id, page: "0" })),
    ],
  };
}

/** What a cell's secretary or deputy reads when the committee opened a round in the cell. */
export function roundOpenedForCell(t: Translator, input: { committee: string; cell: string; title: string; deadline: string; count: number }, status: Choice): OutboundMessage {
  return { text: t("ca-round-opened-for-cell", input), choices: [row(status)] };
}

export function noticeSent(t: Translator, count: number, heldCells: number): OutboundMessage {
  if (count === 0) return { text: t("ca-notice-sent-none") };
  return { text: [t("ca-notice-sent", { count }), ...(heldCells > 0 ? [t("ca-held", { count: heldCells })] : [])].join("\n\n") };
}

export function issueList(t: Translator, committee: { id: string; name: string }, year: number, page: number, total: number, rows: IssueRow[]): OutboundMessage {
  const add = row(actionButtons.issueCells.choice(t("ca-issue-button-new"), { committeeId: committee.id, page: "0" }));
  if (total === 0) return { text: t("ca-issues-empty", { committee: committee.name, year: String(year) }), choices: [add, back(t, committee.id)] };
  const lines = rows.map((r, i) => t("ca-issues-line", { n: page * pageSize + i + 1, name: r.personName ?? "?", text: clip(r.text, 120) }));
  return {
    text: [t("ca-issues-title", { committee: committee.name, year: String(year), total }), ...lines].join("\n"),
    choices: [
      ...rows.map((r, i) => row(actionButtons.withdrawIssue.choice(t("ca-issue-button-withdraw", { n: page * pageSize + i + 1, name: clip(r.personName ?? "?", 40) }), { issueId: r.id }))),
      ...pager(t, page, total, (p, label) => actionButtons.issues.choice(label, { committeeId: committee.id, page: String(p) })),
      add,
      back(t, committee.id),
    ],
  };
}

export function issueCells(t: Translator, committeeId: string, page: number, total: number, rows: { id: string; name: string }[]): OutboundMessage {
  if (total === 0) return { text: t("ca-no-cells"), choices: [back(t, committeeId)] };
  return {
    text: t("ca-issue-pick-cell"),
    choices: [
      ...rows.map((r) => row(actionButtons.issueCell.choice(r.name, { cellId: r.id, page: "0" }))),
      ...pager(t, page, total, (p, label) => actionButtons.issueCells.choice(label, { committeeId, page: String(p) })),
      back(t, committeeId),
    ],
  };
}

export function issueMembers(t: Translator, cell: { id: string; name: string }, page: number, total: number, rows: { personId: string; name: string | null }[]): OutboundMessage {
  return {
    text: total === 0 ? t("ca-issue-no-members", { cell: cell.name }) : t("ca-issue-pick-member", { cell: cell.name }),
    choices: [
      ...rows.map((r) => row(actionButtons.issueMember.choice(r.name ?? "?", { cellId: cell.id, personId: r.personId }))),
      ...pager(t, page, total, (p, label) => actionButtons.issueCell.choice(label, { cellId: cell.id, page: String(p) })),
    ],
  };
}

export function withdrawConfirm(t: Translator, issue: { id: string; text: string; person: { fullName: string | null } }): OutboundMessage {
  return {
    text: t("ca-issue-withdraw-confirm", { name: issue.person.fullName ?? "?", text: clip(issue.text, 300) }),
    choices: [row(actionButtons.withdrawIssueConfirm.choice(t("ca-issue-button-withdraw-confirm"), { issueId: issue.id }))],
  };
}
