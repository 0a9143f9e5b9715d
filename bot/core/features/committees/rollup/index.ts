/**
 * The committee's monthly roll-up: which cells met and how (HD 42), attendance and the members
 * nearing removal (QĐ 294 §8.1), the report rounds' progress, and the cells to nudge first; as
 * screens, as a workbook, and as a digest on the day the committee chose. A committee part: it adds
 * its rows to the committee's home and knows nothing of the other parts.
 */
import { DomainError } from "../../../domain/errors.ts";
import { on, type Turn } from "../../../kernel/feature.ts";
import { isLeadRole, leadRoles, requirePost, type OfficerPost } from "../access.ts";
import type { CommitteePartFactory } from "../part.ts";
import { setDigestDay } from "../services/committees.ts";
import { rollupButtons, type Scope } from "./buttons.ts";
import { assessRollup, rollupSummary, scopeCellIds } from "./compute.ts";
import { digestKind, planDigests, renderDigest } from "./digest.ts";
import { digestDaysView, digestRow, digestWeeksView } from "./digest-views.ts";
import { rollupDocumentKind, rollupDocumentProducer, rollupSubject } from "./document.ts";
import { compareMonths, monthCode, monthOf, type Month } from "./month.ts";
import { cellIdsPage } from "./queries.ts";
import { cardView, listPageSize, listView, summaryView, type RollupScreen } from "./views.ts";

export const rollupPart: CommitteePartFactory = (ctx, shared) => {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();

  /** Where the officer stands: the month (never past the current one), the scope and its cells. */
  async function screenOf(post: OfficerPost, month: Month, scope: Scope): Promise<{ screen: RollupScreen; cellIds: string[] | undefined }> {
    const { committee } = post;
    const current = monthOf(now(), committee.timeZone);
    const charged = await scopeCellIds(db, post, "m");
    const cellIds = scope === "m" ? charged : undefined;
    const screen: RollupScreen = {
      committeeId: committee.id,
      committeeName: committee.name,
      timeZone: committee.timeZone,
      month: compareMonths(month, current) > 0 ? current : month,
      current,
      scope,
      hasCharges: (charged?.length ?? 0) > 0,
    };
    return { screen, cellIds };
  }

  const query = (screen: RollupScreen, cellIds: readonly string[] | undefined) => ({
    committeeId: screen.committeeId,
    timeZone: screen.timeZone,
    month: screen.month,
    now: now(),
    ...(cellIds ? { cellIds } : {}),
  });

  async function showSummary(turn: Turn, committeeId: string, month: Month, scope: Scope): Promise<void> {
    const post = await requirePost(db, turn.person.id, committeeId);
    const { screen, cellIds } = await screenOf(post, month, scope);
    const started = performance.now();
    const { summary } = await rollupSummary(db, query(screen, cellIds));
    turn.log.info({ committeeId, month: monthCode(screen.month), cells: summary.cells, ms: Math.round(performance.now() - started) }, "committee roll-up");
    await turn.reply(summaryView(turn.t, screen, summary));
  }

  async function showList(turn: Turn, committeeId: string, month: Month, scope: Scope, page: number): Promise<void> {
    const post = await requirePost(db, turn.person.id, committeeId);
    const { screen, cellIds } = await screenOf(post, month, scope);
    const { total, ids } = await cellIdsPage(db, { committeeId, ...(cellIds ? { cellIds } : {}), page, pageSize: listPageSize });
    const cells = ids.length > 0 ? await assessRollup(db, query(screen, ids)) : [];
    await turn.reply(listView(turn.t, screen, page, total, cells));
  }

  async function showCell(turn: Turn, cellId: string, month: Month, scope: Scope, page: number): Promise<void> {
    const cell = await db.cell.findUnique({ where: { id: cellId }, select: { committeeId: true } });
    if (!cell?.committeeId) throw new DomainError("not-found");
    const post = await requirePost(db, turn.person.id, cell.committeeId);
    const { screen } = await screenOf(post, month, scope);
    const [card] = await assessRollup(db, query(screen, [cellId]));
    if (!card) throw new DomainError("not-found");
    await turn.reply(cardView(turn.t, screen, page, card));
  }

  return {
    buttons: [
      on(rollupButtons.summary, (turn, { committeeId, month, scope }) => showSummary(turn, committeeId, month, scope)),
      on(rollupButtons.list, (turn, { committeeId, month, scope, page }) => showList(turn, committeeId, month, scope, page)),
      on(rollupButtons.cell, (turn, { cellId, month, scope, page }) => showCell(turn, cellId, month, scope, page)),
      on(rollupButtons.sheet, async (turn, { committeeId, month, scope }) => {
        // Checked here too, so someone without the post is told why rather than "no document".
        await requirePost(db, turn.person.id, committeeId);
        await ctx.offerDocument(turn, rollupDocumentKind, rollupSubject(committeeId, month, scope));
      }),
      on(rollupButtons.digest, async (turn, { committeeId }) => {
        const post = await requirePost(db, turn.person.id, committeeId, leadRoles);
        await turn.reply(digestWeeksView(turn.t, post.committee));
      }),
      on(rollupButtons.digestWeek, async (turn, { committeeId, week }) => {
        const post = await requirePost(db, turn.person.id, committeeId, leadRoles);
        await turn.reply(digestDaysView(turn.t, post.committee, week), { replacePressed: true });
      }),
      on(rollupButtons.digestDay, async (turn, { committeeId, day }) => {
        const committee = await setDigestDay(db, { actorId: turn.person.id, committeeId, day: day === 0 ? null : day, now: now() });
        turn.log.info({ committeeId, day }, "committee digest day set");
        await turn.reply({ text: committee.digestDay ? turn.t("rollup-digest-set", { day: committee.digestDay }) : turn.t("rollup-digest-unset") });
        await shared.showHome(turn, committeeId);
      }),
    ],
    homeRows: (t, post) => [
      [rollupButtons.summary.choice(t("rollup-button-home"), { committeeId: post.committeeId, month: monthCode(monthOf(now(), post.committee.timeZone)), scope: "a" })],
      ...(isLeadRole(post.role) ? [digestRow(t, post.committee)] : []),
    ],
    outbox: { [digestKind]: renderDigest },
    documents: { [rollupDocumentKind]: rollupDocumentProducer(db) },
    jobs: [
      {
        name: "committee-digest",
        // Hourly, so a digest day the bot was down for part of is still served that day.
        cron: "20 * * * *",
        run: async (at) => {
          const planned = await planDigests(db, at);
          if (planned > 0) ctx.kickOutbox();
          return planned;
        },
      },
    ],
  };
};
