/**
 * Rounds as people see them: /baocao for every member, the status view and the round's controls
 * (remind now, close) for the secretary and deputy.
 */
import { isAdminRole, type MembershipWithCell } from "../../domain/members.ts";
import { cancelButton } from "../../kernel/dialogue/steps.ts";
import { heldUntil } from "../../delivery/quiet-hours.ts";
import type { Turn } from "../../kernel/feature.ts";
import { activeCandidates } from "./audience.ts";
import { buttons } from "./buttons.ts";
import { deriveForDraft, profileOf } from "./derive.ts";
import type { ReviewForm } from "./engine/conditions.ts";
import { impliedForm, isReview2025 } from "./review-2025.ts";
import { chooseReviewForm } from "./services/review-form.ts";
import { notifyPerson } from "../../delivery/notify.ts";
import { progress } from "./engine/engine.ts";
import { cellRounds, ownDrafts, personName, roundDrafts, roundForAdmin } from "./queries.ts";
import { draftStatus, editableStatuses, parseState, type RoundRecord } from "./records.ts";
import type { Runtime } from "./runtime.ts";
import { addLateAssignees } from "./services/assign.ts";
import { closeRound, remindNow as planReminders } from "./services/round-controls.ts";
import { formPickView, formsView, reportList, statusView, type StatusRow } from "./views.ts";

export interface Rounds {
  list(turn: Turn, membership: MembershipWithCell): Promise<void>;
  status(turn: Turn, roundId: string): Promise<void>;
  remindNow(turn: Turn, roundId: string): Promise<void>;
  askClose(turn: Turn, roundId: string): Promise<void>;
  close(turn: Turn, roundId: string): Promise<void>;
  forms(turn: Turn, roundId: string): Promise<void>;
  formPick(turn: Turn, draftId: string): Promise<void>;
  formSet(turn: Turn, draftId: string, form: ReviewForm): Promise<void>;
}

const recentClosed = 3;

export function createRounds(rt: Runtime): Rounds {
  const { db, ctx } = rt;
  const roundClosed = (turn: Turn, title: string) => turn.reply({ text: turn.t("report-round-closed", { title }) });

  /**
   * Members admitted (or re-categorised) after a round opened get their draft when the round is
   * next looked at, with the same notices as everyone else.
   */
  async function syncAssignees(round: RoundRecord): Promise<void> {
    const template = rt.store.latest(round.templateId);
    if (template && (await addLateAssignees(db, round, template, rt.now())) > 0) ctx.kickOutbox();
  }

  async function list(turn: Turn, m: MembershipWithCell): Promise<void> {
    const { open, closed } = await cellRounds(db, { cellId: m.cellId, recentClosed });
    for (const round of open) await syncAssignees(round);
    const rounds = [...open, ...closed];
    const byRound = new Map((await ownDrafts(db, { personId: turn.person.id, roundIds: rounds.map((r) => r.id) })).map((d) => [d.roundId, d]));
    const items = rounds.flatMap((round) => {
      const draft = byRound.get(round.id);
      // From a closed round only what was submitted is worth showing.
      if (!draft || (round.status !== "open" && draft.status !== draftStatus.submitted && draft.status !== draftStatus.accepted)) return [];
      return [{ round, draft }];
    });
    await turn.reply(reportList(turn.t, m.cell, items, isAdminRole(m.role) ? rounds : null));
  }

  async function status(turn: Turn, roundId: string): Promise<void> {
    const round = await roundForAdmin(db, { personId: turn.person.id, roundId });
    await syncAssignees(round);
    const names = new Map((await activeCandidates(db, round.cellId)).map((c) => [c.personId, c]));
    const base = rt.store.latest(round.templateId);
    const rows: StatusRow[] = (await roundDrafts(db, roundId))
      .filter((d) => names.has(d.personId))
      .map((d) => {
        const person = names.get(d.personId)!;
        const state = d.status === draftStatus.drafting || d.status === draftStatus.returned ? parseState(d.state) : undefined;
        const template = base && state ? deriveForDraft(base, d, turn.t) : undefined;
        return {
          name: person.fullName,
          status: d.status,
          draftId: d.id,
          version: d.versions[0] ?? null,
          progress: template && state ? progress(template, state, profileOf(person.category, { reviewForm: d.reviewForm })) : null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    await turn.reply(statusView(turn.t, round, round.cell.timeZone, rows, { review: isReview2025(base) }));
  }

  /** A 2025 review: each member still writing with the form they follow, to choose another. */
  async function forms(turn: Turn, roundId: string): Promise<void> {
    const round = await roundForAdmin(db, { personId: turn.person.id, roundId });
    const people = new Map((await activeCandidates(db, round.cellId)).map((c) => [c.personId, c]));
    const rows = (await roundDrafts(db, roundId))
      .filter((d) => people.has(d.personId) && editableStatuses.includes(d.status))
      .map((d) => {
        const p = people.get(d.personId)!;
        return { draftId: d.id, name: p.fullName, form: d.reviewForm ?? (p.holdsPost === null ? null : impliedForm(p)) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    await turn.reply(formsView(turn.t, round, rows));
  }

  async function formPick(turn: Turn, draftId: string): Promise<void> {
    const draft = await db.reportDraft.findUnique({ where: { id: draftId }, select: { id: true, roundId: true, person: { select: { fullName: true } } } });
    if (!draft) return ctx.staleButton(turn);
    await roundForAdmin(db, { personId: turn.person.id, roundId: draft.roundId });
    await turn.reply(formPickView(turn.t, draft.id, draft.person.fullName ?? "?"));
  }

  async function formSet(turn: Turn, draftId: string, form: ReviewForm): Promise<void> {
    const outcome = await chooseReviewForm(db, { actorId: turn.person.id, draftId, form, now: rt.now() });
    if (!outcome.ok) return turn.reply({ text: turn.t("report-form-not-editable") });
    const name = await personName(db, outcome.personId);
    await turn.reply({ text: turn.t(outcome.changed ? "report-form-chosen" : "report-form-unchanged", { name, form }) });
    if (outcome.changed) await notifyPerson(ctx.deps, outcome.personId, (t) => ({ text: t("report-form-chosen-for-member", { form }) }), "report-form-chosen");
  }

  async function remindNow(turn: Turn, roundId: string): Promise<void> {
    const outcome = await planReminders(db, { roundId, actorId: turn.person.id, now: rt.now() });
    if (!outcome.ok) return roundClosed(turn, outcome.roundTitle);
    ctx.kickOutbox();
    const held = heldUntil(outcome.cell, rt.now());
    await turn.reply({ text: turn.t(held ? "report-reminded-now-held" : "report-reminded-now", { count: outcome.count, ...held }) });
  }

  async function askClose(turn: Turn, roundId: string): Promise<void> {
    const round = await roundForAdmin(db, { personId: turn.person.id, roundId });
    if (round.status !== "open") return roundClosed(turn, round.title);
    await turn.reply({
      text: turn.t("report-close-confirm", { title: round.title }),
      choices: [[buttons.closeConfirm.choice(turn.t("report-button-close-round"), { roundId: round.id })], [cancelButton.choice(turn.t("button-no"), {})]],
    });
  }

  async function close(turn: Turn, roundId: string): Promise<void> {
    const outcome = await closeRound(db, { roundId, actorId: turn.person.id, now: rt.now() });
    if (!outcome.ok) return roundClosed(turn, outcome.roundTitle);
    turn.log.info({ roundId }, "report round closed");
    await turn.reply({ text: turn.t("report-closed-done", { title: outcome.roundTitle }) });
  }

  return { list, status, remindNow, askClose, close, forms, formPick, formSet };
}
