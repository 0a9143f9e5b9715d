/**
 * A member cannot be reached (blocked the bot, deleted the chat): the cell's secretary hears of it
 * once per member and cell, through the outbox like every other notice.
 */
import type { DbTx } from "../../db/client.ts";
import { planMessages, type OutboxRenderer, type OutboxRow } from "./outbox.ts";

export const unreachableNoticeKind = "member-unreachable";

const renderUnreachableNotice: OutboxRenderer = async (row, { deps, t }) => {
  const memberId = typeof row.payload.memberId === "string" ? row.payload.memberId : null;
  if (!memberId || !row.cellId) return { action: "skip", reason: "bad payload" };
  const [member, cell] = await Promise.all([
    deps.db.person.findUnique({ where: { id: memberId } }),
    deps.db.cell.findUnique({ where: { id: row.cellId } }),
  ]);
  if (!member || !cell) return { action: "skip", reason: "gone" };
  return { action: "send", messages: [{ text: t("member-unreachable-for-secretary", { name: member.fullName ?? "?", cell: cell.name }) }] };
};

export const unreachableRenderers: Record<string, OutboxRenderer> = { [unreachableNoticeKind]: renderUnreachableNotice };

/** Plans the secretary's notice about the recipient of a row that could not be delivered. */
export async function planUnreachableNotice(db: DbTx, row: OutboxRow, now: Date): Promise<void> {
  if (!row.cellId || row.kind === unreachableNoticeKind) return;
  const secretary = await db.membership.findFirst({ where: { cellId: row.cellId, status: "active", role: "secretary" } });
  if (!secretary || secretary.personId === row.personId) return;
  await planMessages(db, [
    { key: `unreachable:${row.cellId}:${row.personId}`, kind: unreachableNoticeKind, personId: secretary.personId, cellId: row.cellId, payload: { memberId: row.personId }, dueAt: now },
  ]);
}
