/**
 * What a committee does to its cells from above: opens report rounds for all or chosen cells and
 * follows them per cell (counts only), sends notices to the cells' secretaries or all their
 * members, and raises issues for a member's year-end review (gợi ý kiểm điểm). A part of the
 * committee feature (see ../part.ts).
 *
 * The rounds use the reports' templates: `createCommitteeActions(options)` takes the same options
 * as `createReportsFeature`, so a deployment (or a test) gives both the same templates.
 */
import { notifyPerson } from "../../../delivery/notify.ts";
import { DomainError } from "../../../domain/errors.ts";
import { on } from "../../../kernel/feature.ts";
import type { ReportsOptions } from "../../reports/index.ts";
import { createRuntime } from "../../reports/runtime.ts";
import { createTemplateStore } from "../../reports/template-store.ts";
import { isLeadRole, leadRoles, requirePost } from "../access.ts";
import type { CommitteePartFactory } from "../part.ts";
import { cellPage, memberPage } from "../queries.ts";
import { actionButtons } from "./buttons.ts";
import { createIssueForm } from "./issue-form.ts";
import { committeeIssuePage, issueCard } from "./issues.ts";
import { createNoticeForm } from "./notice-form.ts";
import { cellWithCommittee, committeeRoundById, committeeRoundPage, roundProgress } from "./queries.ts";
import { actionRenderers } from "./renderers.ts";
import { createRoundForm } from "./round-form.ts";
import { reviewYear, withdrawIssue } from "./services/issues.ts";
import * as views from "./views.ts";

export function createCommitteeActions(options: ReportsOptions = {}): CommitteePartFactory {
  return (ctx) => {
    const { db } = ctx.deps;
    const now = () => ctx.deps.now();
    const store = createTemplateStore({ dir: options.templatesDir, templates: options.templates, logger: ctx.deps.logger });
    const rounds = createRoundForm(ctx, createRuntime(ctx, store));
    const notices = createNoticeForm(ctx);
    const issues = createIssueForm(ctx);

    return {
      homeRows: (t, post) => {
        const id = { committeeId: post.committeeId };
        const list = actionButtons.rounds.choice(t("ca-button-rounds"), { ...id, page: "0" });
        if (!isLeadRole(post.role)) return [[list]];
        return [
          [actionButtons.newRound.choice(t("ca-button-new-round"), id), list],
          [actionButtons.newNotice.choice(t("ca-button-notice"), id), actionButtons.issues.choice(t("ca-button-issues"), { ...id, page: "0" })],
        ];
      },
      help: (t) => t("ca-help"),
      dialogues: [rounds.form, notices.form, issues.form],
      outbox: actionRenderers(),
      buttons: [
        on(actionButtons.newRound, (turn, { committeeId }) => rounds.start(turn, committeeId)),
        on(actionButtons.rounds, async (turn, { committeeId, page }) => {
          const post = await requirePost(db, turn.person.id, committeeId);
          const { total, rows } = await committeeRoundPage(db, committeeId, page);
          await turn.reply(views.roundList(turn.t, post.committee, page, total, rows, isLeadRole(post.role)));
        }),
        on(actionButtons.round, async (turn, { committeeRoundId, page }) => {
          const round = await committeeRoundById(db, committeeRoundId);
          if (!round) throw new DomainError("not-found");
          // Any officer of the committee follows its rounds; nobody else learns they exist.
          await requirePost(db, turn.person.id, round.committeeId);
          const progress = await roundProgress(db, committeeRoundId, page);
          await turn.reply(
            views.roundProgress(turn.t, {
              committeeRoundId,
              committee: round.committee,
              title: round.title,
              deadline: round.deadline,
              cells: progress.cells,
              totals: progress.totals,
              rows: progress.rows,
              page,
            }),
          );
        }),
        on(actionButtons.newNotice, (turn, { committeeId }) => notices.start(turn, committeeId)),
        on(actionButtons.issues, async (turn, { committeeId, page }) => {
          const post = await requirePost(db, turn.person.id, committeeId, leadRoles);
          const year = reviewYear(now(), post.committee.timeZone);
          const { total, rows } = await committeeIssuePage(db, committeeId, year, page);
          await turn.reply(views.issueList(turn.t, post.committee, year, page, total, rows));
        }),
        on(actionButtons.issueCells, async (turn, { committeeId, page }) => {
          await requirePost(db, turn.person.id, committeeId, leadRoles);
          const { total, rows } = await cellPage(db, committeeId, page);
          await turn.reply(views.issueCells(turn.t, committeeId, page, total, rows));
        }),
        on(actionButtons.issueCell, async (turn, { cellId, page }) => {
          const cell = await cellWithCommittee(db, cellId);
          if (!cell?.committeeId) throw new DomainError("not-found");
          await requirePost(db, turn.person.id, cell.committeeId, leadRoles);
          const { total, rows } = await memberPage(db, cell.id, page);
          await turn.reply(views.issueMembers(turn.t, cell, page, total, rows));
        }),
        on(actionButtons.issueMember, (turn, { cellId, personId }) => issues.start(turn, cellId, personId)),
        on(actionButtons.withdrawIssue, async (turn, { issueId }) => {
          const issue = await issueCard(db, issueId);
          if (!issue) throw new DomainError("not-found");
          await requirePost(db, turn.person.id, issue.committeeId, leadRoles);
          if (issue.withdrawnAt) return turn.reply({ text: turn.t("ca-issue-already-withdrawn") });
          await turn.reply(views.withdrawConfirm(turn.t, issue));
        }),
        on(actionButtons.withdrawIssueConfirm, async (turn, { issueId }) => {
          const withdrawn = await withdrawIssue(db, { actorId: turn.person.id, issueId, now: now() });
          if (!withdrawn) return turn.reply({ text: turn.t("ca-issue-already-withdrawn") });
          await turn.reply({ text: turn.t("ca-issue-withdrawn", { name: withdrawn.personName ?? "?" }) });
          await notifyPerson(ctx.deps, withdrawn.personId, (t) => ({ text: t("ca-issue-withdrawn-for-member", { committee: withdrawn.committeeName, year: String(withdrawn.year), text: withdrawn.text }) }), "committee-issue-withdrawn");
        }),
      ],
    };
  };
}

/** The part as the bot runs it, on the shipped templates (or the reports' default folder). */
export const committeeActions: CommitteePartFactory = createCommitteeActions();
