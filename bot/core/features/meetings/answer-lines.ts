/**
 * The invited members' answers to a meeting, asked of the database group by group. A cell may
 * have thousands of members: the summary is a few counts and the first names of each group, a
 * list is one page, and the members never pass through this process all at once.
 */
import type { DbTx, Prisma } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { Answer, AnswerLine } from "./model.ts";

export const answerGroups = ["attend", "absent", "none", "unreachable"] as const;
export type AnswerGroup = (typeof answerGroups)[number];

type MeetingRef = { id: string; cellId: string };
type MemberRow = { id: string; personId: string; person: { fullName: string | null } };

/** The invited members of one group (all invited for null). "unreachable" overlaps the others: no account of theirs can be reached. */
function groupWhere(meeting: MeetingRef, group: AnswerGroup | null): Prisma.MembershipWhereInput {
  const invited = { cellId: meeting.cellId, status: "active", exempt: false };
  switch (group) {
    case "attend":
    case "absent":
      return { ...invited, person: { meetingResponses: { some: { meetingId: meeting.id, answer: group } } } };
    case "none":
      return { ...invited, person: { meetingResponses: { none: { meetingId: meeting.id } } } };
    case "unreachable":
      return { ...invited, person: { identities: { none: { unreachable: false } } } };
    case null:
      return invited;
  }
}

const memberSelect = { id: true, personId: true, person: { select: { fullName: true } } } as const;

/** The answer lines of a few members (a page): their answers and whether the bot can reach them. */
async function linesOf(db: DbTx, meeting: MeetingRef, t: Translator, members: MemberRow[]): Promise<AnswerLine[]> {
  if (members.length === 0) return [];
  const personIds = members.map((m) => m.personId);
  const responses = new Map((await db.meetingResponse.findMany({ where: { meetingId: meeting.id, personId: { in: personIds } } })).map((r) => [r.personId, r]));
  const reachable = new Set((await db.identity.findMany({ where: { personId: { in: personIds }, unreachable: false }, select: { personId: true } })).map((i) => i.personId));
  return members.map((m) => {
    const r = responses.get(m.personId);
    return {
      personId: m.personId,
      membershipId: m.id,
      name: m.person.fullName ?? "?",
      answer: (r?.answer as Answer | undefined) ?? null,
      reason: r?.answer === "absent" ? [r.reason ? t(`reason-${r.reason}`) : null, r.reasonText].filter(Boolean).join(": ") || null : null,
      unreachable: !reachable.has(m.personId),
    };
  });
}

/** One page of one group's list (of everyone invited, for null), in the cell's order, and how many it has in all. */
export async function answerPage(db: DbTx, meeting: MeetingRef, t: Translator, group: AnswerGroup | null, page: number, pageSize: number) {
  const where = groupWhere(meeting, group);
  const [total, members] = [await db.membership.count({ where }), await db.membership.findMany({ where, orderBy: { id: "asc" }, skip: page * pageSize, take: pageSize, select: memberSelect })];
  return { lines: await linesOf(db, meeting, t, members), total };
}

/** Every invited member's answer line: for the screens that list each member (the attendance checklist). */
export async function answerLines(db: DbTx, meeting: MeetingRef, t: Translator): Promise<AnswerLine[]> {
  const members = await db.membership.findMany({ where: groupWhere(meeting, null), orderBy: { id: "asc" }, select: memberSelect });
  return linesOf(db, meeting, t, members);
}

export interface AnswerSummary {
  invited: number;
  /** Per group: how many, and the first few lines (in the order of the cell's list). */
  groups: Record<AnswerGroup, { count: number; first: AnswerLine[] }>;
}

/** Counts per group and the first `keep` lines of each: a handful of queries, whatever the cell's size. */
export async function summarizeAnswers(db: DbTx, meeting: MeetingRef, t: Translator, keep = 12): Promise<AnswerSummary> {
  const groups = {} as AnswerSummary["groups"];
  for (const group of answerGroups) {
    const { lines, total } = keep > 0 ? await answerPage(db, meeting, t, group, 0, keep) : { lines: [], total: await db.membership.count({ where: groupWhere(meeting, group) }) };
    groups[group] = { count: total, first: lines };
  }
  return { invited: await db.membership.count({ where: groupWhere(meeting, null) }), groups };
}
