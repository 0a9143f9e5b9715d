/**
 * Every user-visible text of the questionnaire engine. The wording lives in the Fluent files
 * (`locales/<lang>/reports.ftl`, keys `report-engine-*`, `report-grade-*`, `report-level-*`, `report-band-*`); this
 * module turns a translator into the plain strings the pure engine formats with `fmt`. Template
 * texts (the questions) are not here: they are data.
 */
import { join } from "node:path";
import { createI18n, type I18n, type Translator } from "../../../../i18n/index.ts";
import { gradeLevels, ratingLevels, type GradeLevel, type RatingLevel } from "./template-schema.ts";

export const engineLocales = ["vi", "en"] as const;
export type EngineLocale = (typeof engineLocales)[number];

/**
 * Engine text → its Fluent key and the variables it takes. The engine keeps `{name}` placeholders
 * and fills them itself, so each variable is given to Fluent as the literal `{name}`.
 */
export const engineTextKeys = {
  back: ["report-engine-back"],
  skip: ["report-engine-skip"],
  pause: ["report-engine-pause"],
  done: ["report-engine-done"],
  keep: ["report-engine-keep"],
  yes: ["report-engine-yes"],
  no: ["report-engine-no"],
  prevPage: ["report-engine-prev-page"],
  nextPage: ["report-engine-next-page"],
  noNote: ["report-engine-no-note"],
  submit: ["report-engine-submit"],
  confirmSubmit: ["report-engine-confirm-submit"],
  cancelSubmit: ["report-engine-cancel-submit"],
  editQuestion: ["report-engine-edit-question", "n"],
  viewQuestion: ["report-engine-view-question", "n"],
  reviewAll: ["report-engine-review-all"],
  hintButton: ["report-engine-hint-button"],
  questionNumber: ["report-engine-question-number", "n", "total"],
  itemNumber: ["report-engine-item-number", "n", "total"],
  pageStatus: ["report-engine-page-status", "page", "pages"],
  selectedCount: ["report-engine-selected-count", "count"],
  hint: ["report-engine-hint", "hint"],
  quoteIntro: ["report-engine-quote-intro", "source"],
  textHowTo: ["report-engine-text-how-to"],
  textLimits: ["report-engine-text-limits", "min", "max"],
  textMin: ["report-engine-text-min", "min"],
  textMax: ["report-engine-text-max", "max"],
  savedText: ["report-engine-saved-text", "text"],
  pendingText: ["report-engine-pending-text", "text"],
  textReceived: ["report-engine-text-received", "count"],
  savedChoice: ["report-engine-saved-choice", "label"],
  savedRating: ["report-engine-saved-rating", "level"],
  multiHowTo: ["report-engine-multi-how-to"],
  multiLimits: ["report-engine-multi-limits", "min", "max"],
  ratingHowTo: ["report-engine-rating-how-to"],
  ratingNotePrompt: ["report-engine-rating-note-prompt", "item"],
  ratingNotePending: ["report-engine-rating-note-pending", "text"],
  errEmpty: ["report-engine-err-empty"],
  errTooShort: ["report-engine-err-too-short", "count", "min"],
  errTooLong: ["report-engine-err-too-long", "count", "max"],
  errNoteTooLong: ["report-engine-err-note-too-long", "count", "max"],
  errNotOption: ["report-engine-err-not-option", "text"],
  errYesNo: ["report-engine-err-yes-no"],
  errUseButtons: ["report-engine-err-use-buttons"],
  errTooFew: ["report-engine-err-too-few", "min"],
  errNotItem: ["report-engine-err-not-item", "text"],
  errTooMany: ["report-engine-err-too-many", "max"],
  errNotOptional: ["report-engine-err-not-optional"],
  errUnsupported: ["report-engine-err-unsupported"],
  errStale: ["report-engine-err-stale"],
  errAtFirst: ["report-engine-err-at-first"],
  errWrongDraft: ["report-engine-err-wrong-draft"],
  intro: ["report-engine-intro", "title", "description"],
  paused: ["report-engine-paused"],
  welcomeBack: ["report-engine-welcome-back", "title"],
  templateUpdated: ["report-engine-template-updated", "title", "version"],
  stepMoved: ["report-engine-step-moved"],
  textNotSaved: ["report-engine-text-not-saved"],
  templateMissing: ["report-engine-template-missing"],
  stateInvalid: ["report-engine-state-invalid"],
  reviewTitle: ["report-engine-review-title", "title"],
  reviewHowTo: ["report-engine-review-how-to"],
  reviewEmpty: ["report-engine-review-empty"],
  edited: ["report-engine-edited", "n"],
  answerSkipped: ["report-engine-answer-skipped"],
  confirmQuestion: ["report-engine-confirm-question", "title"],
  submitted: ["report-engine-submitted", "title"],
  alreadySubmitted: ["report-engine-already-submitted", "title"],
  fullName: ["report-engine-full-name"],
  cell: ["report-engine-cell"],
  date: ["report-engine-date"],
  reportNoAnswer: ["report-engine-report-no-answer"],
  ratingNote: ["report-engine-rating-note"],
  decimalMark: ["report-engine-decimal-mark"],
  scoreGroup: ["report-engine-score-group", "n", "total", "label", "max"],
  scoreCriterion: ["report-engine-score-criterion", "n", "total", "group", "label", "max"],
  scoreSheet: ["report-engine-score-sheet", "title"],
  scoreHowTo: ["report-engine-score-how-to"],
  scoreEntered: ["report-engine-score-entered", "points"],
  scoreKeep: ["report-engine-score-keep", "points"],
  scoreLine: ["report-engine-score-line", "label", "points", "max"],
  scoreTotal: ["report-engine-score-total", "total", "max"],
  scoreShort: ["report-engine-score-short", "total", "max", "groups"],
  scoreSaved: ["report-engine-score-saved", "score"],
  errScoreNotNumber: ["report-engine-err-score-not-number", "text", "max"],
  errScoreRange: ["report-engine-err-score-range", "text", "max"],
  errScoreDecimals: ["report-engine-err-score-decimals", "text"],
  proposedGrade: ["report-engine-proposed-grade", "grade"],
  bandIntro: ["report-band-intro", "total", "max", "grade", "range"],
  bandConditionsLead: ["report-band-conditions-lead"],
  bandCasesLead: ["report-band-cases-lead"],
  bandLeaders: ["report-band-leaders"],
  bandSource: ["report-band-source"],
  bandPropose: ["report-band-propose"],
} as const satisfies Record<string, readonly [string, ...string[]]>;

type Messages = { [K in keyof typeof engineTextKeys]: string };

export interface EngineTexts extends Messages {
  grades: Record<GradeLevel, string>;
  levels: Record<RatingLevel, string>;
  /** Per band of QĐ 366 Điều 11: its points in words, and its conditions quoted verbatim (domain note §3.2). */
  bandRanges: Record<GradeLevel, string>;
  bandQuotes: Record<GradeLevel, string>;
}

/** Fluent keys of the four grades (✅ QĐ 124-QĐ/TW Điều 12, see the domain note §4) and the three rating levels. */
export const gradeKey = (g: GradeLevel) => `report-grade-${g}`;
export const levelKey = (l: RatingLevel) => `report-level-${l}`;
export const bandRangeKey = (g: GradeLevel) => `report-band-range-${g}`;
export const bandQuoteKey = (g: GradeLevel) => `report-band-quote-${g}`;

/** The engine's texts in the language of `t`. */
export function engineTextsFrom(t: Translator): EngineTexts {
  const messages = Object.fromEntries(
    Object.entries(engineTextKeys).map(([name, [key, ...vars]]) => [name, t(key, Object.fromEntries(vars.map((v) => [v, `{${v}}`])))]),
  ) as Messages;
  return {
    ...messages,
    grades: Object.fromEntries(gradeLevels.map((g) => [g, t(gradeKey(g))])) as Record<GradeLevel, string>,
    levels: Object.fromEntries(ratingLevels.map((l) => [l, t(levelKey(l))])) as Record<RatingLevel, string>,
    bandRanges: Object.fromEntries(gradeLevels.map((g) => [g, t(bandRangeKey(g))])) as Record<GradeLevel, string>,
    bandQuotes: Object.fromEntries(gradeLevels.map((g) => [g, t(bandQuoteKey(g))])) as Record<GradeLevel, string>,
  };
}

const cache = new WeakMap<I18n, Map<string, EngineTexts>>();

/** Built once per loaded locale set, language and messenger: an answer should not re-render ninety messages. */
export function engineTextsFor(i18n: I18n, locale: EngineLocale, platform?: string): EngineTexts {
  let byLocale = cache.get(i18n);
  if (!byLocale) cache.set(i18n, (byLocale = new Map()));
  const key = `${locale}:${platform ?? ""}`;
  let texts = byLocale.get(key);
  if (!texts) byLocale.set(key, (texts = engineTextsFrom(i18n.translator(locale, platform))));
  return texts;
}

let projectI18n: I18n | undefined;

/** The texts from the project's own locale files, for callers without an I18n (tools, unit tests). */
export function textsFor(locale: EngineLocale | undefined): EngineTexts {
  projectI18n ??= createI18n(join(import.meta.dirname, "../../../../../locales"));
  return engineTextsFor(projectI18n, locale ?? "vi");
}

/** Texts as given, or those of a locale (Vietnamese by default). */
export function resolveTexts(texts: EngineTexts | EngineLocale | undefined): EngineTexts {
  return typeof texts === "object" ? texts : textsFor(texts);
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently emptied. */
export function fmt(message: string, vars: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
