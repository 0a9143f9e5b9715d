/**
 * The review before submitting, one phone screen: one line per answer (clipped, with «Xem câu N» to
 * read one whole), «Sửa câu N» for each. After an edit only the changed line is shown, never the
 * whole list again. Numbers are the member's «Câu n/N» everywhere. And the confirmation.
 */
import type { Choice, OutboundMessage } from "../../../contract/messages.ts";
import { actions, confirmStep, encodeChoice, reviewStep, type Action } from "./choice-data.ts";
import { fmt } from "./engine-texts.ts";
import { answerText, scoreSummary, screens, type View } from "./engine-view.ts";
import { questionNumber, type Resolved } from "./flow.ts";
import type { QuestionStep } from "./template-schema.ts";

const titleShown = 32;
const answerShown = 48;
const perRow = 4;

/** An answer on one line: paragraphs run on, the lines of a list are separated by «;». */
export function oneLine(text: string): string {
  return text
    .replace(/^- /, "")
    .replace(/\n+- /g, "; ")
    .replace(/\s*\n+\s*/g, " ")
    .trim();
}

/** Cut at a word where one ends close enough, so that a line never ends in half a word. */
function clipWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space >= max - 16 ? cut.slice(0, space) : cut).replace(/[\s,;:.(]+$/u, "")}…`;
}

/** A long title loses its trailing parenthesis first («Thực hiện nhiệm vụ thứ nhất (Điều 2 …)»). */
function shortTitle(title: string): string {
  return title.length <= titleShown ? title : clipWords(title.replace(/\s*\([^)]*\)$/u, ""), titleShown);
}

function line(v: View, r: Resolved, q: QuestionStep, n: number): { text: string; clipped: boolean } {
  const a = r.effective[q.id];
  // A score reads «85/100 (25/30; 60/70)» here; its group lines are for «Xem câu N» and the report.
  const full = !a ? "—" : a.kind === "score" && q.kind === "score" ? scoreSummary(v.t, q, a) : oneLine(answerText(v.t, q, a));
  // A proposed grade names itself («Đề xuất xếp loại: …»): the title in front would only repeat it.
  const label = q.kind === "grade" && q.bandFrom && a?.kind === "grade" ? "" : `${shortTitle(q.title)}: `;
  return { text: `${n}. ${label}${clipWords(full, answerShown)}`, clipped: full.length > answerShown };
}

function inRows(choices: Choice[]): Choice[][] {
  const rows: Choice[][] = [];
  for (let i = 0; i < choices.length; i += perRow) rows.push(choices.slice(i, i + perRow));
  return rows;
}

const choice = (v: View, label: string, action: Action, ...args: string[]): Choice => ({ label, data: encodeChoice(v.tag, reviewStep, action, ...args) });

/** «Sửa câu N» for every question, «Xem câu N» for the answers clipped in the list, then submit and pause. */
function reviewChoices(v: View, r: Resolved, options: { whole: boolean }): Choice[][] {
  const edits = r.questions.map((q, i) => choice(v, fmt(v.t.editQuestion, { n: i + 1 }), actions.edit, q.id));
  const views = r.questions.flatMap((q, i) => (line(v, r, q, i + 1).clipped ? [choice(v, fmt(v.t.viewQuestion, { n: i + 1 }), actions.view, q.id)] : []));
  return [
    ...inRows(edits),
    ...inRows(views),
    ...(options.whole ? [[choice(v, v.t.reviewAll, actions.whole)]] : []),
    [choice(v, v.t.submit, actions.submit)],
    [choice(v, v.t.pause, actions.pause)],
  ];
}

/** Every answer, one line each, and what to do next. */
export function reviewMessages(v: View, r: Resolved): OutboundMessage[] {
  const lines = r.questions.map((q, i) => line(v, r, q, i + 1).text);
  const text = [fmt(v.t.reviewTitle, { title: v.template.title }), lines.length > 0 ? lines.join("\n") : v.t.reviewEmpty, v.t.reviewHowTo].join("\n\n");
  return screens(text, reviewChoices(v, r, { whole: false }));
}

/** What to do next, without the list (it is just above). */
export function reviewPrompt(v: View, r: Resolved): OutboundMessage[] {
  return [{ text: v.t.reviewHowTo, choices: reviewChoices(v, r, { whole: true }) }];
}

/** After an answer was changed from the review: that line only. */
export function editedMessages(v: View, r: Resolved, stepId: string): OutboundMessage[] {
  const q = r.questions.find((s) => s.id === stepId);
  if (!q) return reviewMessages(v, r);
  const { n } = questionNumber(r, stepId);
  return screens(`${fmt(v.t.edited, { n })}\n${line(v, r, q, n).text}\n\n${v.t.reviewHowTo}`, reviewChoices(v, r, { whole: true }));
}

/** One answer whole («Xem câu N»), with the way to change it or go on. */
export function answerMessages(v: View, r: Resolved, q: QuestionStep): OutboundMessage[] {
  const { n, total } = questionNumber(r, q.id);
  const a = r.effective[q.id];
  const text = `${fmt(v.t.questionNumber, { n, total })} · ${q.title}\n\n${a ? answerText(v.t, q, a) : "—"}`;
  return screens(text, [
    [choice(v, fmt(v.t.editQuestion, { n }), actions.edit, q.id), choice(v, v.t.reviewAll, actions.whole)],
    [choice(v, v.t.submit, actions.submit)],
    [choice(v, v.t.pause, actions.pause)],
  ]);
}

export function confirmMessages(v: View): OutboundMessage[] {
  return [
    {
      text: fmt(v.t.confirmQuestion, { title: v.template.title }),
      choices: [
        [{ label: v.t.confirmSubmit, data: encodeChoice(v.tag, confirmStep, actions.confirm) }],
        [{ label: v.t.cancelSubmit, data: encodeChoice(v.tag, confirmStep, actions.cancel) }],
      ],
    },
  ];
}
