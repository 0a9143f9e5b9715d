/**
 * A committee's lead opens one report round for all its cells, or chosen ones. The committee's
 * round and its audit line are written first; then each cell's round goes through the reports'
 * own writing (`writeRound`: drafts, members' notices, digests, `report.round_opened`), one
 * transaction per cell, so a committee of hundreds of cells never holds the database for long and
 * a cell's secretary is told in the same transaction as his round is made.
 */
import type { Db, DbTx } from "../../../../../db/client.ts";
import { planMessages } from "../../../../delivery/outbox.ts";
import { audit } from "../../../../domain/audit.ts";
import type { CellRecord } from "../../../../domain/cells.ts";
import { DomainError } from "../../../../domain/errors.ts";
import { adminRoles } from "../../../../domain/members.ts";
import type { Template } from "../../../reports/engine/template-schema.ts";
import { defaultReminderOffsets } from "../../../reports/payloads.ts";
import { writeRound } from "../../../reports/services/assign.ts";
import { leadRoles, requirePost } from "../../access.ts";
import { actionKinds } from "../kinds.ts";

export interface NewCommitteeRound {
  actorId: string;
  committeeId: string;
  /** Null: every cell linked to the committee. */
  cellIds: string[] | null;
  template: Template;
  title: string;
  deadline: Date;
  now: Date;
}

export type CellOutcome =
  | { kind: "opened"; cell: CellRecord; roundId: string; assigned: number }
  /** Nobody in the cell has to answer this template: no round there. */
  | { kind: "no-one"; cell: CellRecord }
  /** The cell left the committee while the round was being opened. */
  | { kind: "left"; cell: CellRecord };

export interface CommitteeRoundOutcome {
  committeeRoundId: string;
  cells: CellOutcome[];
}

/**
 * The cells a round or notice goes to: every linked cell, or the chosen ones, each of which must be
 * linked to this committee (a forged or outdated id is refused, never skipped in silence).
 */
export async function targetCells(tx: DbTx, committeeId: string, cellIds: string[] | null): Promise<CellRecord[]> {
  if (cellIds === null) return tx.cell.findMany({ where: { committeeId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const unique = [...new Set(cellIds)];
  const cells = await tx.cell.findMany({ where: { id: { in: unique } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  if (cells.length !== unique.length || cells.some((c) => c.committeeId !== committeeId)) throw new DomainError("not-found");
  return cells;
}

export async function openCommitteeRound(db: Db, input: NewCommitteeRound): Promise<CommitteeRoundOutcome> {
  const head = await db.$transaction(async (tx) => {
    await requirePost(tx, input.actorId, input.committeeId, leadRoles);
    const cells = await targetCells(tx, input.committeeId, input.cellIds);
    if (cells.length === 0) throw new DomainError("not-found");
    const round = await tx.committeeRound.create({
      data: { committeeId: input.committeeId, templateId: input.template.id, title: input.title, deadline: input.deadline, createdById: input.actorId, createdAt: input.now },
    });
    await audit(tx, {
      committeeId: input.committeeId,
      actorPersonId: input.actorId,
      action: "committee.round_opened",
      details: { committeeRoundId: round.id, templateId: input.template.id, cells: cells.map((c) => c.id), all: input.cellIds === null },
      at: input.now,
    });
    return { roundId: round.id, cells };
  });

  const outcomes: CellOutcome[] = [];
  for (const target of head.cells) {
    outcomes.push(
      await db.$transaction(async (tx): Promise<CellOutcome> => {
        // Checked again with the cell's round: the lead's post and the cell's link as they are now.
        await requirePost(tx, input.actorId, input.committeeId, leadRoles);
        const cell = await tx.cell.findUnique({ where: { id: target.id } });
        if (cell?.committeeId !== input.committeeId) return { kind: "left", cell: target };
        const written = await writeRound(tx, cell, {
          actorId: input.actorId,
          cellId: cell.id,
          template: input.template,
          title: input.title,
          deadline: input.deadline,
          // The committee asks every member the template is for; the cell's secretary adds nobody.
          categories: null,
          includeExempt: false,
          meetingId: null,
          reminderOffsets: defaultReminderOffsets,
          now: input.now,
          committeeRoundId: head.roundId,
        });
        if (!written.ok) return { kind: "no-one", cell };
        // The cell's secretary and deputy learn that the round is theirs to follow, through the
        // outbox so the cell's quiet hours hold it back like the members' notices.
        const admins = await tx.membership.findMany({ where: { cellId: cell.id, status: "active", role: { in: [...adminRoles] } }, select: { personId: true } });
        await planMessages(
          tx,
          admins.map((a) => ({
            key: `committee-round:${written.round.id}:${a.personId}`,
            kind: actionKinds.roundOpened,
            personId: a.personId,
            cellId: cell.id,
            subjectId: written.round.id,
            payload: { roundId: written.round.id },
            dueAt: input.now,
          })),
        );
        return { kind: "opened", cell, roundId: written.round.id, assigned: written.assigned };
      }),
    );
  }
  return { committeeRoundId: head.roundId, cells: outcomes };
}
