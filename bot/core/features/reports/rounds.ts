/**
 * Rounds as people see them: /baocao for every member, the status view and the round's controls
 * (remind now, close) for the secretary and deputy.
 */
import type { Turn } from "../../kernel/feature.ts";
import { adminRoles, requireRole, type MembershipWithCell, type Role } from "../../domain/members.ts";
import { supersede, planMessages } from "../../delivery/outbox.ts";
import { progress } from "./engine/engine.ts";
import { activeCandidates, mustAnswer } from "./audience.ts";
import { cancelData, choiceData } from "./choices.ts";
import { deriveTemplate, profileOf } from "./derive.ts";
import { assignmentNotices, reminderNow, roundScopedKinds } from "./notices.ts";
import { parseCategories, parseOffsets } from "./payloads.ts";
import type { Runtime } from "./runtime.ts";
import { addLateAssignees, draftStatus, editableStatuses, parseState, type RoundRecord } from "./store.ts";
import { reportList, statusView, type StatusRow } from "./views.ts";

export interface Rounds {
  list(turn: Turn, membership: MembershipWithCell): Promise<void>;
  status(turn: Turn, roundId: string): Promise<void>;
  remindNow(turn: Turn, roundId: string): Promise<void>;
  askClose(turn: Turn, roundId: string): Promise<void>;
  close(turn: Turn, roundId: string): Promise<void>;
}

const isAdmin = (role: string) => adminRoles.includes(role as Role);
const recentClosed = 3;

export function createRounds(rt: Runtime): Rounds {
  const { db } = rt;

  /**
   * Members admitted (or re-categorised) after a round opened get their draft when the round is
   * next looked at, with the same notices as everyone else.
   */
  async function syncAssignees(round: RoundRecord): Promise<void> {
    const template = rt.store.latest(round.templateId);
    if (!template || round.status !== "open") return;
    const candidates = await activeCandidates(db, round.cellId);
    const eligible = mustAnswer(candidates, { categories: parseCategories(round.categories), includeExempt: round.includeExempt }, template);
    const now = rt.now();
    const added = await addLateAssignees(db, round, eligible.map((c) => c.personId), { now, notices: (drafts) => assignmentNotices(round, drafts, parseOffsets(round.reminderOffsets), now) });
    if (added > 0) rt.kick();
  }

  async function list(turn: Turn, m: MembershipWithCell): Promise<void> {
    const open = await db.reportRound.findMany({ where: { cellId: m.cellId, status: "open" }, orderBy: { deadline: "asc" } });
    // The last few closed rounds stay in view: their reports can still be read.
    const closed = await db.reportRound.findMany({ where: { cellId: m.cellId, status: "closed" }, orderBy: { closedAt: "desc" }, take: recentClosed });
    for (const round of open) await syncAssignees(round);
    const rounds = [...open, ...closed];
    const drafts = await db.reportDraft.findMany({ where: { personId: turn.person.id, roundId: { in: rounds.map((r) => r.id) } }, select: { id: true, status: true, roundId: true } });
    const byRound = new Map(drafts.map((d) => [d.roundId, d]));
    const items = rounds.flatMap((round) => {
      const draft = byRound.get(round.id);
      // From a closed round only what was submitted is worth showing.
      if (!draft || (round.status !== "open" && draft.status !== draftStatus.submitted && draft.status !== draftStatus.accepted)) return [];
      return [{ round, draft }];
    });
    await turn.reply(reportList(turn.t, m.cell, items, isAdmin(m.role) ? rounds : null));
  }

  async function adminRound(turn: Turn, roundId: string) {
    const round = await db.reportRound.findUnique({ where: { id: roundId }, include: { cell: true } });
    if (!round) {
      await turn.reply({ text: turn.t("error-not-found") });
      return null;
    }
    await requireRole(db, turn.person.id, round.cellId, adminRoles);
    return round;
  }

  async function status(turn: Turn, roundId: string): Promise<void> {
    const round = await adminRound(turn, roundId);
    if (!round) return;
    await syncAssignees(round);
    const names = new Map((await activeCandidates(db, round.cellId)).map((c) => [c.personId, c]));
    const drafts = await db.reportDraft.findMany({
      where: { roundId },
      select: { id: true, personId: true, status: true, state: true, followUpText: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, status: true, proxy: true } } },
    });
    const base = rt.store.latest(round.templateId);
    const rows: StatusRow[] = drafts
      .filter((d) => names.has(d.personId))
      .map((d) => {
        const person = names.get(d.personId)!;
        const state = d.status === draftStatus.drafting || d.status === draftStatus.returned ? parseState(d.state) : undefined;
        const template = base && state ? deriveTemplate({ template: base, followUpText: d.followUpText, t: turn.t }) : undefined;
        return {
          name: person.fullName,
          status: d.status,
          draftId: d.id,
          version: d.versions[0] ?? null,
          progress: template && state ? progress(template, state, profileOf(person.category)) : null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    await turn.reply(statusView(turn.t, round, round.cell.timeZone, rows));
  }

  async function remindNow(turn: Turn, roundId: string): Promise<void> {
    const round = await adminRound(turn, roundId);
    if (!round) return;
    if (round.status !== "open") return void (await turn.reply({ text: turn.t("report-round-closed", { title: round.title }) }));
    const active = new Set((await activeCandidates(db, round.cellId)).map((c) => c.personId));
    const waiting = await db.reportDraft.findMany({ where: { roundId, status: { in: [...editableStatuses] } }, select: { id: true, personId: true } });
    const now = rt.now();
    const count = await planMessages(db, waiting.filter((d) => active.has(d.personId) && d.personId !== turn.person.id).map((d) => reminderNow(round, d, now)));
    rt.kick();
    await turn.reply({ text: turn.t("report-reminded-now", { count }) });
  }

  async function askClose(turn: Turn, roundId: string): Promise<void> {
    const round = await adminRound(turn, roundId);
    if (!round) return;
    if (round.status !== "open") return void (await turn.reply({ text: turn.t("report-round-closed", { title: round.title }) }));
    await turn.reply({
      text: turn.t("report-close-confirm", { title: round.title }),
      choices: [[{ label: turn.t("report-button-close-round"), data: choiceData.closeConfirm(round.id) }], [{ label: turn.t("button-no"), data: cancelData }]],
    });
  }

  async function close(turn: Turn, roundId: string): Promise<void> {
    const round = await adminRound(turn, roundId);
    if (!round) return;
    const { count } = await db.reportRound.updateMany({ where: { id: roundId, status: "open" }, data: { status: "closed", closedAt: rt.now() } });
    if (count === 0) return void (await turn.reply({ text: turn.t("report-round-closed", { title: round.title }) }));
    // Reminders for a closed round must never go out; decisions on submitted reports still do.
    await supersede(db, roundId, { kinds: roundScopedKinds });
    turn.log.info({ roundId }, "report round closed");
    await turn.reply({ text: turn.t("report-closed-done", { title: round.title }) });
  }

  return { list, status, remindNow, askClose, close };
}
