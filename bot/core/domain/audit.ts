import type { Db, Prisma } from "../../db/client.ts";

export type AuditAction =
  | "cell.created"
  | "invite.issued"
  | "invite.revoked"
  | "membership.requested"
  | "membership.approved"
  | "membership.rejected"
  | "membership.role_changed"
  | "membership.secretary_transferred"
  | "membership.exempt_changed"
  | "membership.removed"
  | "membership.left"
  | "person.profile_changed"
  | "person.identity_linked"
  | "person.preferred_platform_changed"
  | "cell.settings_changed"
  | "meeting.created"
  | "meeting.changed"
  | "meeting.cancelled"
  | "meeting.rule_set"
  | "meeting.rule_stopped"
  | "meeting.response"
  | "meeting.attendance"
  | "meeting.notes"
  | "meeting.minutes_details"
  | "report.round_opened"
  | "report.round_closed"
  | "report.proxy_submitted"
  | "report.withdrawn"
  | "report.accepted"
  | "report.returned";

export interface AuditEntry {
  cellId?: string | null;
  actorPersonId?: string | null;
  targetPersonId?: string | null;
  action: AuditAction;
  /** Before/after values. Never report contents or phone numbers. */
  details?: Record<string, unknown>;
  at: Date;
}

type Tx = Db | Prisma.TransactionClient;

/** Appends one line to the audit log: who changed what, and when. */
export async function audit(db: Tx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      cellId: entry.cellId ?? null,
      actorPersonId: entry.actorPersonId ?? null,
      targetPersonId: entry.targetPersonId ?? null,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
      at: entry.at,
    },
  });
}
