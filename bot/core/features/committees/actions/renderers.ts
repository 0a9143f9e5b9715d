/**
 * The outbox renderers of the committee's actions: each reads the data as it is at sending time,
 * and skips a message that stopped being true (the member left, the cell left the committee, the
 * round closed).
 */
import { z } from "zod";
import type { OutboxRenderer, RenderOutcome } from "../../../delivery/outbox.ts";
import { isAdminRole, isCellAdmin } from "../../../domain/members.ts";
import { buttons as reportButtons } from "../../reports/buttons.ts";
import { formatMoment } from "../../reports/views.ts";
import { actionKinds } from "./kinds.ts";
import { cellRoundForNotice, membershipUnder, noticeForSending } from "./queries.ts";
import * as views from "./views.ts";

const skip = (reason: string): RenderOutcome => ({ action: "skip", reason });
const noticePayload = z.object({ noticeId: z.string().min(1) });
const roundPayload = z.object({ roundId: z.string().min(1) });

export function actionRenderers(): Record<string, OutboxRenderer> {
  const notice: OutboxRenderer = async (row, { deps, t, memo }) => {
    const p = noticePayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    // One read of the notice per claimed batch, whatever the size of the fan-out.
    const found = await memo(`committee-notice:${p.data.noticeId}`, () => noticeForSending(deps.db, p.data.noticeId));
    if (!found) return skip("notice gone");
    // A member who left the cell, or a cell that left the committee, no longer hears from it; a
    // notice for the secretaries does not reach someone who stopped being one.
    const m = row.cellId ? await membershipUnder(deps.db, row.cellId, row.personId) : null;
    if (!m || m.committeeId !== found.committeeId) return skip("no longer under the committee");
    if (found.audience === "secretaries" && !isAdminRole(m.role)) return skip("no longer secretary or deputy");
    return { action: "send", messages: [{ text: t("ca-notice-message", { committee: found.committee.name, text: found.text }) }] };
  };

  const roundOpened: OutboxRenderer = async (row, { deps, t }) => {
    const p = roundPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const round = await cellRoundForNotice(deps.db, p.data.roundId);
    if (!round || round.status !== "open") return skip("round closed");
    if (!(await isCellAdmin(deps.db, row.personId, round.cellId))) return skip("no longer secretary or deputy");
    const message = views.roundOpenedForCell(
      t,
      { committee: round.committeeRound?.committee.name ?? "?", cell: round.cell.name, title: round.title, deadline: formatMoment(round.deadline, round.cell.timeZone), count: round._count.drafts },
      reportButtons.status.choice(t("report-button-status-short"), { roundId: round.id }),
    );
    return { action: "send", messages: [message] };
  };

  return { [actionKinds.notice]: notice, [actionKinds.roundOpened]: roundOpened };
}
