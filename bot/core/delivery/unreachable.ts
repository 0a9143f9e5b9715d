import type { OutboxRenderer } from "./outbox.ts";

/** The secretary hears, once, that a member cannot be reached (blocked the bot, deleted the chat). */
export const renderUnreachableNotice: OutboxRenderer = async (row, { deps, t }) => {
  const memberId = typeof row.payload.memberId === "string" ? row.payload.memberId : null;
  if (!memberId || !row.cellId) return { action: "skip", reason: "bad payload" };
  const [member, cell] = await Promise.all([
    deps.db.person.findUnique({ where: { id: memberId } }),
    deps.db.cell.findUnique({ where: { id: row.cellId } }),
  ]);
  if (!member || !cell) return { action: "skip", reason: "gone" };
  return { action: "send", messages: [{ text: t("member-unreachable-for-secretary", { name: member.fullName ?? "?", cell: cell.name }) }] };
};
