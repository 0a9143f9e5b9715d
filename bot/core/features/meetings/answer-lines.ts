/**
 * The invited members' answers to a meeting, read a page of members at a time. A cell may have
 * thousands of members: the summary keeps counts and a few names per group, a list shows one page,
 * and nothing holds the whole cell in memory or compares every member with every other one.
 */
import type { DbTx } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { Answer, AnswerLine } from "./model.ts";

export const answerGroups = ["attend", "absent", "none", "unreachable"] as const;
export type AnswerGroup = (typeof answerGroups)[number];

/** Which groups a line belongs to: its answer (or none), and also "unreachable" when the bot cannot reach them. */
export const inGroup = (line: AnswerLine, group: AnswerGroup): boolean =>
  group === "unreachable" ? line.unreachable : group === "none" ? line.answer === null : line.answer === group;

/** Every invited member's answer line, a page at a time, in a stable order (membership id). */
export async function* answerLinePages(db: DbTx, meeting: { id: string; cellId: string }, t: Translator, pageSize = 500): AsyncGenerator<AnswerLine[]> {
  let after: string | null = null;
  for (;;) {
    const members: { id: string; personId: string; person: { fullName: string | null } }[] = await db.membership.findMany({
      where: { cellId: meeting.cellId, status: "active", exempt: false, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
      select: { id: true, personId: true, person: { select: { fullName: true } } },
    });
    if (members.length === 0) return;
    const personIds = members.map((m) => m.personId);
    const responses = new Map((await db.meetingResponse.findMany({ where: { meetingId: meeting.id, personId: { in: personIds } } })).map((r) => [r.personId, r]));
    const reachable = new Set<string>();
    const known = new Set<string>();
    for (const i of await db.identity.findMany({ where: { personId: { in: personIds } }, select: { personId: true, unreachable: true } })) {
      known.add(i.personId);
      if (!i.unreachable) reachable.add(i.personId);
    }
    yield members.map((m) => {
      const r = responses.get(m.personId);
      return {
        personId: m.personId,
        membershipId: m.id,
        name: m.person.fullName ?? "?",
        answer: (r?.answer as Answer | undefined) ?? null,
        reason: r?.answer === "absent" ? [r.reason ? t(`reason-${r.reason}`) : null, r.reasonText].filter(Boolean).join(": ") || null : null,
        unreachable: !known.has(m.personId) || !reachable.has(m.personId),
      };
    });
    if (members.length < pageSize) return;
    after = members[members.length - 1]!.id;
  }
}

/** Every invited member's answer line at once: for the screens that list each member (a small cell's checklist). */
export async function answerLines(db: DbTx, meeting: { id: string; cellId: string }, t: Translator): Promise<AnswerLine[]> {
  const all: AnswerLine[] = [];
  for await (const page of answerLinePages(db, meeting, t)) all.push(...page);
  return all;
}

export interface AnswerSummary {
  invited: number;
  /** Per group: how many, and the first few lines (in the order of the cell's list). */
  groups: Record<AnswerGroup, { count: number; first: AnswerLine[] }>;
}

/** Counts per group and the first `keep` lines of each, in one pass over the cell. */
export async function summarizeAnswers(db: DbTx, meeting: { id: string; cellId: string }, t: Translator, keep = 12): Promise<AnswerSummary> {
  const groups = Object.fromEntries(answerGroups.map((g) => [g, { count: 0, first: [] as AnswerLine[] }])) as AnswerSummary["groups"];
  let invited = 0;
  for await (const page of answerLinePages(db, meeting, t)) {
    invited += page.length;
    for (const line of page) {
      for (const group of answerGroups) {
        if (!inGroup(line, group)) continue;
        const g = groups[group];
        g.count++;
        if (g.first.length < keep) g.first.push(line);
      }
    }
  }
  return { invited, groups };
}

/** One page of one group's list (of everyone invited, for null), and how many it has in all. */
export async function answerPage(db: DbTx, meeting: { id: string; cellId: string }, t: Translator, group: AnswerGroup | null, page: number, pageSize: number) {
  const lines: AnswerLine[] = [];
  let total = 0;
  const from = page * pageSize;
  for await (const members of answerLinePages(db, meeting, t)) {
    for (const line of members) {
      if (group && !inGroup(line, group)) continue;
      if (total >= from && total < from + pageSize) lines.push(line);
      total++;
    }
  }
  return { lines, total };
}
