/**
 * What the 2025 year-end review (templates of kind "review2025") needs beyond an ordinary report:
 * the form each member follows (HD 43: 2A, 2B, 2C), who is left out (QĐ 366 Điều 5: members exempt
 * from work and meetings, suspended, or admitted less than 6 months ago), the issues raised for the
 * member and the pledge recorded at the start of the year, carried onto the draft when it starts.
 */
import type { Db, DbTx } from "../../../db/client.ts";
import { addDays, utcToZonedWall, weekdayOf, zonedWallToUtc, type CivilDate } from "../../time/zoned.ts";
import { answerText } from "./engine/engine-view.ts";
import type { EngineTexts } from "./engine/engine-texts.ts";
import { formOf, type ReviewForm } from "./engine/conditions.ts";
import type { Template } from "./engine/template-schema.ts";
import { profileOf } from "./derive.ts";
import { parseState, versionStatus } from "./records.ts";

export const isReview2025 = (t: Template | undefined) => t?.kind === "review2025";

/** Why a member is left out of the year-end review (QĐ 366 Điều 5 khoản 2.1); null: they review. */
export type Exclusion = "exempt" | "suspended" | "new-member";

/** The year a round is for: its deadline's year in the cell's zone («Năm 2026»). */
export const roundYear = (deadline: Date, timeZone: string) => utcToZonedWall(deadline, timeZone).year;

/** Six months before the deadline: a member admitted after it has not «đủ 6 tháng» by the review. */
export function sixMonthsBefore(deadline: Date): Date {
  const d = new Date(deadline);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d;
}

export interface ReviewPerson {
  category: string | null;
  partyStatus: string | null;
  holdsPost: boolean | null;
  admittedAt: Date | null;
}

/** Without a deadline yet (a round being set up), only the exclusions that do not depend on it. */
export function exclusionOf(p: ReviewPerson & { exempt: boolean; suspended: boolean }, deadline?: Date): Exclusion | null {
  if (p.exempt) return "exempt";
  if (p.suspended) return "suspended";
  // An official member was admitted more than a year ago; only a probationary one can be this new.
  if (deadline && p.partyStatus === "probationary" && p.admittedAt && p.admittedAt > sixMonthsBefore(deadline)) return "new-member";
  return null;
}

/** What the profile must still say before the review can choose the form or the exclusions. */
export function profileGaps(p: ReviewPerson): ("holdsPost" | "admittedAt")[] {
  const gaps: ("holdsPost" | "admittedAt")[] = [];
  if (p.holdsPost === null) gaps.push("holdsPost");
  if (p.partyStatus === "probationary" && p.admittedAt === null) gaps.push("admittedAt");
  return gaps;
}

/** The form the profile implies (the secretary may choose another for the draft). */
export function impliedForm(p: ReviewPerson): ReviewForm {
  return formOf(profileOf(p.category, { holdsPost: p.holdsPost ?? false }));
}

export async function reviewPerson(db: DbTx, personId: string): Promise<ReviewPerson> {
  const p = await db.person.findUniqueOrThrow({ where: { id: personId }, select: { category: true, partyStatus: true, holdsPost: true, admittedAt: true } });
  return p;
}

/**
 * The issues committees raised for this person's review of that year, oldest first, withdrawn ones
 * left out. The committee writes them (committees/actions); the year-end form shows them in A.IV.
 */
export async function raisedIssues(db: DbTx, personId: string, year: number): Promise<{ text: string; committeeName: string }[]> {
  const rows = await db.reviewIssue.findMany({
    where: { personId, year, withdrawnAt: null },
    orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
    select: { text: true, committee: { select: { name: true } } },
  });
  return rows.map((r) => ({ text: r.text, committeeName: r.committee.name }));
}

/** The same, one per line as the draft keeps them; null when none. */
export async function raisedIssuesText(db: DbTx, personId: string, year: number): Promise<string | null> {
  const rows = await raisedIssues(db, personId, year);
  return rows.length > 0 ? rows.map((r) => `- ${r.text} (${r.committeeName})`).join("\n") : null;
}

/** The pledge answers of a report: the member's own words, steps marked `pledge: "record"`. */
function pledgeOfState(templates: Template[], state: NonNullable<ReturnType<typeof parseState>>, texts: EngineTexts): string | null {
  const template = templates.find((t) => t.id === state.templateId && t.version === state.templateVersion) ?? templates.find((t) => t.id === state.templateId);
  if (!template) return null;
  const parts: string[] = [];
  for (const step of template.steps) {
    if (step.kind === "info" || step.pledge !== "record") continue;
    const a = state.answers[step.id];
    if (!a || a.kind === "skipped") continue;
    const text = answerText(texts, step, a).trim();
    if (text) parts.push(text);
  }
  return parts.length > 0 ? parts.join("\n") : null;
}

/** The pledge the member recorded in this cell in the review's year (the latest report that holds one). */
export async function pledgeOf(db: Db, input: { personId: string; cellId: string; year: number; timeZone: string; templates: Template[]; texts: EngineTexts }): Promise<string | null> {
  const versions = await db.reportVersion.findMany({
    where: { status: { in: [versionStatus.accepted, versionStatus.submitted, versionStatus.returned] }, draft: { personId: input.personId, round: { cellId: input.cellId } } },
    orderBy: { submittedAt: "desc" },
    take: 20,
    select: { state: true, submittedAt: true },
  });
  for (const v of versions) {
    if (utcToZonedWall(v.submittedAt, input.timeZone).year !== input.year) continue;
    const state = parseState(v.state);
    const text = state ? pledgeOfState(input.templates, state, input.texts) : null;
    if (text) return text;
  }
  return null;
}

/** `n` working days (Monday to Friday; public holidays are not known to the bot) before `date`. */
export function workingDaysBefore(date: CivilDate, n: number): CivilDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    const w = weekdayOf(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

/**
 * HD 43 §2.1: the cell's draft review goes to members at least 3 working days before the review
 * meeting. The secretary is reminded 2 working days before that last day, at 08:00, with the date
 * it falls on; null when even that last day has passed.
 */
export function collectiveDraftSchedule(meetingStart: Date, timeZone: string, now: Date): { remindAt: Date; sendBy: CivilDate } | null {
  const meetingDay = utcToZonedWall(meetingStart, timeZone);
  const sendBy = workingDaysBefore(meetingDay, 3);
  const lastMoment = zonedWallToUtc({ ...sendBy, hour: 23, minute: 59 }, timeZone);
  if (lastMoment <= now) return null;
  const remind = zonedWallToUtc({ ...workingDaysBefore(sendBy, 2), hour: 8, minute: 0 }, timeZone);
  return { remindAt: remind > now ? remind : now, sendBy };
}
