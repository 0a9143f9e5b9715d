/** The cell's reminder settings (how long before, and the quiet hours), and re-planning when they or the members change. */
import type { Db } from "../../../../db/client.ts";
import { audit } from "../../../domain/audit.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { requeueQuietDeferrals } from "../../../delivery/outbox.ts";
import { replanCell } from "../planning.ts";

export interface ReminderSettings {
  reminderOffsets: string;
  quietStart: string;
  quietEnd: string;
}

/** Changes what was answered (offsets as JSON minutes, quiet hours "HH:MM-HH:MM"; null keeps it) and re-plans the reminders ahead. */
export async function setReminderSettings(db: Db, input: { actorId: string; cellId: string; offsets: string | null; quiet: string | null; now: Date }): Promise<ReminderSettings> {
  return db.$transaction(async (tx) => {
    const { cell } = await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const [quietStart, quietEnd] = input.quiet ? input.quiet.split("-") : [cell.quietStart, cell.quietEnd];
    const before: ReminderSettings = { reminderOffsets: cell.reminderOffsets, quietStart: cell.quietStart, quietEnd: cell.quietEnd };
    const after: ReminderSettings = { reminderOffsets: input.offsets ?? cell.reminderOffsets, quietStart: quietStart ?? cell.quietStart, quietEnd: quietEnd ?? cell.quietEnd };
    await tx.cell.update({ where: { id: cell.id }, data: after });
    await audit(tx, { cellId: cell.id, actorPersonId: input.actorId, action: "cell.settings_changed", details: { before, after }, at: input.now });
    await replanCell(tx, cell.id, input.now);
    if (after.quietStart !== before.quietStart || after.quietEnd !== before.quietEnd) await requeueQuietDeferrals(tx, cell.id);
    return after;
  });
}

/** After someone was admitted, removed, left or exempted: the meetings ahead are re-planned for who is invited now. */
export async function replanCellMeetings(db: Db, input: { cellId: string; now: Date }): Promise<number> {
  return db.$transaction((tx) => replanCell(tx, input.cellId, input.now));
}
