/**
 * Pure renderers of the reports feature: data in, text and choices out. No I/O, no platform.
 */
import type { Translator } from "../../../i18n/index.ts";
import type { Choice, OutboundMessage } from "../../contract/messages.ts";
import { renderReport } from "./engine/engine.ts";
import { screenLimit, screens } from "./engine/engine-view.ts";
import type { EngineTexts } from "./engine/engine-texts.ts";
import type { DraftState } from "./engine/draft-state.ts";
import type { MemberProfile, Template } from "./engine/template-schema.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { buttons } from "./buttons.ts";
import type { ChangedQuestion } from "./changes.ts";
import type { RoundRecord } from "./records.ts";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "17:00 20/12/2026" in the cell's zone: digits only, the same in every language. */
export function formatMoment(date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)} ${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

/** "20/12/2026" in the cell's zone. */
export function formatDay(date: Date, timeZone: string): string {
  const w = utcToZonedWall(date, timeZone);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

export const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
const titleInButton = (title: string) => clip(title, 40);
const row = (choice: Choice): Choice[] => [choice];

/** The member-facing words for a draft's status; literal keys so the locale test can check them. */
const statusKeys: Record<string, string> = {
  not_started: "report-status-not-started",
  drafting: "report-status-drafting",
  submitted: "report-status-submitted",
  returned: "report-status-returned",
  accepted: "report-status-accepted",
  excluded: "report-status-excluded",
};
export const statusText = (t: Translator, status: string) => t(statusKeys[status] ?? "report-status-drafting");

/** A round as the lists show it: with the committee that opened it, if the committee above did. */
export type ShownRound = RoundRecord & { committeeRound?: { committee: { name: string } } | null };

/** « (do Đảng ủy … mở)» after a round the committee above opened; nothing otherwise. */
const originMark = (t: Translator, round: ShownRound) => (round.committeeRound ? ` ${t("report-round-from-committee", { committee: round.committeeRound.committee.name })}` : "");

export interface ListItem {
  round: ShownRound;
  draft: { id: string; status: string };
}

/** /baocao: the member's reports in the cell's open rounds, and for admins the rounds to follow. */
export function reportList(t: Translator, cell: { name: string; timeZone: string }, items: ListItem[], adminRounds: RoundRecord[] | null): OutboundMessage {
  const lines = items.map(
    ({ round, draft }) =>
      t(round.status === "open" ? "report-list-line" : "report-list-line-closed", {
        title: round.title,
        deadline: formatMoment(round.deadline, cell.timeZone),
        status: statusText(t, draft.status),
      }) + originMark(t, round),
  );
  const choices: Choice[][] = [];
  for (const { round, draft } of items) {
    const title = titleInButton(round.title);
    if (round.status !== "open") {
      choices.push(row(buttons.view.choice(t("report-button-view-own", { title }), { draftId: draft.id })));
      continue;
    }
    if (draft.status === "not_started") choices.push(row(buttons.open.choice(t("report-button-start", { title }), { draftId: draft.id })));
    if (draft.status === "drafting") choices.push(row(buttons.open.choice(t("report-button-continue", { title }), { draftId: draft.id })));
    if (draft.status === "returned") choices.push(row(buttons.open.choice(t("report-button-complete", { title }), { draftId: draft.id })));
    if (draft.status === "submitted" || draft.status === "accepted") choices.push(row(buttons.view.choice(t("report-button-view-own", { title }), { draftId: draft.id })));
    if (draft.status === "submitted") choices.push(row(buttons.withdraw.choice(t("report-button-withdraw", { title }), { draftId: draft.id })));
  }
  const parts = [t("report-list-title", { cell: cell.name }), lines.length > 0 ? lines.join("\n") : t("report-list-empty")];
  if (adminRounds) {
    for (const r of adminRounds)
      choices.push(row(buttons.status.choice(t(r.status === "open" ? "report-button-status" : "report-button-status-closed", { title: titleInButton(r.title) }), { roundId: r.id })));
    choices.push(row(buttons.newRound.choice(t("report-button-new-round"), {})));
    if (adminRounds.length > 0) parts.push(t("report-list-admin-hint"));
  }
  return { text: parts.join("\n\n"), choices };
}

export interface StatusRow {
  name: string;
  status: string;
  draftId: string;
  /** The latest submitted version, if any. */
  version: { id: string; number: number; status: string; proxy: boolean } | null;
  progress: { answered: number; total: number } | null;
}

const rowKeys: Record<string, string> = {
  not_started: "report-status-row-not-started",
  drafting: "report-status-row-drafting",
  submitted: "report-status-row-submitted",
  returned: "report-status-row-returned",
  excluded: "report-status-row-excluded",
  accepted: "report-status-row-accepted",
};

/** The secretary's view of a round at any time: who submitted, who is writing, who has not begun. */
export function statusView(t: Translator, round: ShownRound, timeZone: string, rows: StatusRow[], options: { review?: boolean } = {}): OutboundMessage {
  const submitted = rows.filter((r) => r.status === "submitted" || r.status === "accepted").length;
  const accepted = rows.filter((r) => r.status === "accepted").length;
  // Members a year-end review left out are listed, but owe nothing.
  const owing = rows.filter((r) => r.status !== "excluded").length;
  const head = t("report-status-title", { title: round.title, deadline: formatMoment(round.deadline, timeZone), submitted, total: owing, accepted }) + (round.committeeRound ? `\n${t("report-status-from-committee", { committee: round.committeeRound.committee.name })}` : "");
  const lines = rows.map((r) => {
    const line = t(rowKeys[r.status] ?? "report-status-row-drafting", {
      name: r.name,
      number: r.version?.number ?? 0,
      answered: r.progress?.answered ?? 0,
      total: r.progress?.total ?? 0,
    });
    return r.version?.proxy ? `${line} ${t("report-status-proxy-mark")}` : line;
  });
  const parts = [head, lines.join("\n") || t("report-status-nobody")];
  if (round.status !== "open") parts.push(t("report-status-closed", { at: formatMoment(round.closedAt ?? round.deadline, timeZone) }));
  const choices: Choice[][] = [];
  // Telegram allows 100 buttons; a cell of up to 30 members needs far fewer.
  for (const r of rows.slice(0, 40)) {
    if (r.version && (r.status === "submitted" || r.status === "accepted" || r.status === "returned"))
      choices.push(row(buttons.read.choice(t("report-button-read", { name: clip(r.name, 40) }), { versionId: r.version.id })));
    else if (round.status === "open" && r.status !== "accepted" && r.status !== "excluded") choices.push(row(buttons.proxy.choice(t("report-button-proxy", { name: clip(r.name, 40) }), { draftId: r.draftId })));
  }
  if (accepted > 0) choices.push(row(buttons.downloadRound.choice(t("report-button-download-round", { count: accepted }), { roundId: round.id })));
  choices.push(row(buttons.downloadStatus.choice(t("report-button-download-status"), { roundId: round.id })));
  if (options.review) {
    if (submitted > 0) choices.push(row(buttons.downloadCollective.choice(t("report-button-download-collective"), { roundId: round.id })));
    if (round.status === "open") choices.push(row(buttons.forms.choice(t("report-button-forms"), { roundId: round.id })));
  }
  if (round.status === "open") {
    if (submitted < owing) choices.push(row(buttons.remindNow.choice(t("report-button-remind-now"), { roundId: round.id })));
    choices.push(row(buttons.close.choice(t("report-button-close-round"), { roundId: round.id })));
  }
  return { text: parts.join("\n\n"), choices };
}

export interface SubmittedReport {
  template: Template;
  state: DraftState;
  profile: MemberProfile;
  texts: EngineTexts;
  author: string;
  cell: { name: string; timeZone: string };
  round: RoundRecord;
  version: { id: string; number: number; status: string; proxy: boolean; submittedAt: Date; returnComment: string | null };
  enteredBy: string | null;
  /** The questions that changed since the previous version; null for a first submission. */
  changes: { previous: number; questions: ChangedQuestion[] } | null;
  /** Whether the reader may accept or return it (an admin, while it is submitted). */
  canDecide: boolean;
  /** Whether the reader (the cell's secretary or deputy) may send it up to the committee above. */
  forwardable?: boolean;
  /** For a committee officer: who sent it up. Such a copy offers no decision and no download. */
  forwardedBy?: string;
}

const versionStatusKeys: Record<string, string> = {
  withdrawn: "report-version-withdrawn",
  returned: "report-version-returned",
  accepted: "report-version-accepted",
};

/** «câu 8 «Nguyên nhân chủ quan», câu 10 «…»»: the member's numbers, with the titles to be sure. */
function changedList(t: Translator, questions: ChangedQuestion[]): string {
  return questions.map((q) => t("report-admin-changed-item", { n: q.n, title: clip(q.title, 40) })).join(", ");
}

/**
 * The whole report as the secretary reads it: a header, then the report in parts of one phone screen
 * each (split between answers where possible), and the decision, which always says whose report it
 * decides (a last part holding only «Tiếp nhận / Trả lại» would not).
 */
export function submittedReport(t: Translator, r: SubmittedReport): OutboundMessage[] {
  const head = [t("report-admin-header", { name: r.author, cell: r.cell.name, title: r.round.title, number: r.version.number, at: formatMoment(r.version.submittedAt, r.cell.timeZone) })];
  if (r.version.proxy) head.push(t("report-admin-proxy", { enteredBy: r.enteredBy ?? "?" }));
  if (r.version.submittedAt > r.round.deadline) head.push(t("report-admin-late", { deadline: formatMoment(r.round.deadline, r.cell.timeZone) }));
  if (r.changes)
    head.push(
      r.changes.questions.length > 0
        ? t("report-admin-changed", { previous: r.changes.previous, questions: changedList(t, r.changes.questions) })
        : t("report-admin-unchanged", { previous: r.changes.previous }),
    );
  const statusKey = versionStatusKeys[r.version.status];
  if (statusKey) head.push(t(statusKey, { comment: r.version.returnComment ?? "" }));
  const body = renderReport(r.template, r.state, { ...r.profile, fullName: r.author, cellName: r.cell.name, dateText: formatDay(r.version.submittedAt, r.cell.timeZone) }, r.texts);
  if (r.forwardedBy) head.unshift(t("report-forwarded-header", { by: r.forwardedBy, cell: r.cell.name }));
  const download = [buttons.download.choice(t("report-button-download"), { versionId: r.version.id })];
  const forward = r.forwardable ? [row(buttons.forward.choice(t("report-button-forward"), { versionId: r.version.id }))] : [];
  const read = screens(`${head.join("\n")}\n\n${body}`);
  const last = read[read.length - 1]!;
  if (r.forwardedBy) return read;
  if (!r.canDecide) return [...read.slice(0, -1), { ...last, choices: [...(last.choices ?? []), download, ...forward] }];
  const decision: OutboundMessage = {
    text: t("report-admin-how-to", { name: r.author, number: r.version.number }),
    choices: [[buttons.accept.choice(t("report-button-accept"), { versionId: r.version.id }), buttons.returnIt.choice(t("report-button-return"), { versionId: r.version.id })], download, ...forward],
  };
  if (last.text.length + 2 + decision.text.length > screenLimit) return [...read, decision];
  return [...read.slice(0, -1), { ...decision, text: `${last.text}\n\n${decision.text}` }];
}

export function roundOpenedNotice(t: Translator, input: { cell: string; round: RoundRecord; timeZone: string; meetingAt: Date | null; draftId: string; started: boolean }): OutboundMessage {
  const lines = [t("report-round-opened", { cell: input.cell, title: input.round.title, deadline: formatMoment(input.round.deadline, input.timeZone) })];
  if (input.meetingAt) lines.push(t("report-round-opened-meeting", { when: formatMoment(input.meetingAt, input.timeZone) }));
  return { text: lines.join("\n"), choices: [row(buttons.open.choice(t(input.started ? "report-button-resume" : "report-button-begin"), { draftId: input.draftId }))] };
}

const reminderStateKeys: Record<string, string> = {
  not_started: "report-reminder-not-started",
  drafting: "report-reminder-drafting",
  returned: "report-reminder-returned",
};

/** "Còn 3 ngày…": the time left is worded at sending time, so a reminder delayed by quiet hours still tells the truth. */
export function reminderNotice(t: Translator, input: { round: RoundRecord; timeZone: string; now: Date; draftId: string; status: string }): OutboundMessage {
  const leftMs = input.round.deadline.getTime() - input.now.getTime();
  const deadline = formatMoment(input.round.deadline, input.timeZone);
  const hours = Math.floor(leftMs / 3_600_000);
  const head =
    leftMs <= 0
      ? t("report-reminder-overdue", { title: input.round.title, deadline })
      : t("report-reminder", {
          title: input.round.title,
          deadline,
          left: hours >= 24 ? t("report-left-days", { n: Math.floor(hours / 24) }) : t("report-left-hours", { n: Math.max(1, hours) }),
        });
  const state = t(reminderStateKeys[input.status] ?? "report-reminder-drafting");
  return { text: `${head}\n${state}`, choices: [row(buttons.open.choice(t(input.status === "not_started" ? "report-button-begin" : "report-button-resume"), { draftId: input.draftId }))] };
}

export function digestNotice(t: Translator, input: { round: RoundRecord; timeZone: string; submitted: number; total: number; missing: string[] }): OutboundMessage {
  const deadline = formatMoment(input.round.deadline, input.timeZone);
  const text =
    input.missing.length === 0
      ? t("report-digest-all", { title: input.round.title, deadline, total: input.total })
      : t("report-digest", { title: input.round.title, deadline, submitted: input.submitted, total: input.total, missing: input.missing.join(", ") });
  return { text, choices: [row(buttons.status.choice(t("report-button-status-short"), { roundId: input.round.id }))] };
}

/** A 2025 review's members still writing, each with the form they follow; pressing one chooses another. */
export function formsView(t: Translator, round: { id: string; title: string }, rows: { draftId: string; name: string; form: string | null }[]): OutboundMessage {
  if (rows.length === 0) return { text: t("report-forms-none", { title: round.title }) };
  return {
    text: t("report-forms-title", { title: round.title }),
    choices: [
      ...rows.slice(0, 40).map((r) => row(buttons.formPick.choice(clip(t("report-forms-row", { name: r.name, form: r.form ?? t("report-forms-unknown") }), 60), { draftId: r.draftId }))),
      row(buttons.status.choice(t("report-button-back-to-status"), { roundId: round.id })),
    ],
  };
}

export function formPickView(t: Translator, draftId: string, name: string): OutboundMessage {
  return {
    text: t("report-forms-pick", { name }),
    choices: (["2A", "2B", "2C"] as const).map((form) => row(buttons.formSet.choice(t(`report-form-label-${form}`), { draftId, form }))),
  };
}
