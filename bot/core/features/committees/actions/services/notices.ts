/**
 * A committee's notice to its cells: to their secretaries and deputies, or to every active member.
 * The notice, one outbox row per person and the audit line are written in one transaction. Rows
 * are planned by the database, one `INSERT … SELECT` per cell: each row carries its cell, so the
 * outbox holds it back in that cell's quiet hours and paces it like any reminder. A person in two
 * of the committee's cells gets it once (the key is the notice and the person).
 */
import type { Db } from "../../../../../db/client.ts";
import { sql, type Sql } from "../../../../../db/sql.ts";
import { planFanOut } from "../../../../delivery/outbox.ts";
import { audit } from "../../../../domain/audit.ts";
import type { CellRecord } from "../../../../domain/cells.ts";
import { leadRoles, requirePost } from "../../access.ts";
import { actionKinds } from "../kinds.ts";

export const noticeAudiences = ["secretaries", "members"] as const;
export type NoticeAudience = (typeof noticeAudiences)[number];

/** Who in one cell receives a notice for this audience, as a query the database runs. */
export function noticeAudienceSql(cellId: string, audience: NoticeAudience): Sql {
  return audience === "secretaries"
    ? sql`SELECT person_id FROM membership WHERE cell_id = ${cellId} AND status = 'active' AND role IN ('secretary', 'deputy')`
    : sql`SELECT person_id FROM membership WHERE cell_id = ${cellId} AND status = 'active'`;
}

export const noticeKeyPrefix = (noticeId: string) => `committee-notice:${noticeId}:`;

export async function sendCommitteeNotice(
  db: Db,
  input: { actorId: string; committeeId: string; audience: NoticeAudience; text: string; now: Date },
): Promise<{ noticeId: string; count: number; cells: CellRecord[] }> {
  return db.$transaction(async (tx) => {
    await requirePost(tx, input.actorId, input.committeeId, leadRoles);
    const notice = await tx.committeeNotice.create({
      data: { committeeId: input.committeeId, audience: input.audience, text: input.text, createdById: input.actorId, createdAt: input.now },
    });
    const cells = await tx.cell.findMany({ where: { committeeId: input.committeeId }, orderBy: { id: "asc" } });
    let count = 0;
    for (const cell of cells) {
      count += await planFanOut(tx, {
        audience: noticeAudienceSql(cell.id, input.audience),
        keyPrefix: noticeKeyPrefix(notice.id),
        kind: actionKinds.notice,
        cellId: cell.id,
        subjectId: notice.id,
        payload: { noticeId: notice.id },
        dueAt: input.now,
      });
    }
    // The notice's words stay in its row; the audit line says who sent what to how many.
    await audit(tx, {
      committeeId: input.committeeId,
      actorPersonId: input.actorId,
      action: "committee.notice_sent",
      details: { noticeId: notice.id, audience: input.audience, recipients: count, cells: cells.length, length: input.text.length },
      at: input.now,
    });
    return { noticeId: notice.id, count, cells };
  });
}
