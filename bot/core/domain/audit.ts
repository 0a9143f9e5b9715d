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
  | "report.returned"
  | "report.forwarded"
  | "report.excluded"
  | "report.review_form_chosen"
  | "committee.created"
  | "committee.link_requested"
  | "committee.link_approved"
  | "committee.link_rejected"
  | "committee.link_ended"
  | "committee.officer_appointed"
  | "committee.officer_ended"
  | "committee.charge_set"
  | "committee.digest_day_set"
  | "committee.round_opened"
  | "committee.notice_sent"
  | "committee.issue_raised"
  | "committee.issue_withdrawn";

export interface AuditEntry {
  cellId?: string | null;
  /** The committee that acted or was acted on (links, posts, rounds and notices from above). */
  committeeId?: string | null;
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
      committeeId: entry.committeeId ?? null,
      actorPersonId: entry.actorPersonId ?? null,
      targetPersonId: entry.targetPersonId ?? null,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
      at: entry.at,
    },
  });
}
