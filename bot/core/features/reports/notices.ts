/**
 * What the reports feature plans in the outbox. Rows carry ids only (never report contents or
 * comments): the renderers read the report as it is when the message goes out, and skip it when
 * it is no longer true (a withdrawn version, a member who submitted meanwhile, a closed round).
 */
import type { PlannedMessage } from "../../delivery/outbox.ts";
import type { RoundRecord } from "./records.ts";

/** Outbox kinds; dotted so they are never mistaken for locale keys. */
export const reportKinds = {
  opened: "report.opened",
  reminder: "report.reminder",
  digest: "report.digest",
  submitted: "report.submitted",
  withdrawn: "report.withdrawn",
  returned: "report.returned",
  accepted: "report.accepted",
  proxied: "report.proxy-submitted",
  /** HD 43: the cell's review draft must reach members 3 working days before the review meeting. */
  collectiveDraft: "report.collective-draft",
  /** A report the cell's secretary sent up to the committee above. */
  forwarded: "report.forwarded",
} as const;

/** Kinds that stop mattering when a round closes (the decisions on submitted versions still go out). */
export const roundScopedKinds = [reportKinds.opened, reportKinds.reminder, reportKinds.digest, reportKinds.collectiveDraft];

type Draft = { id: string; personId: string };

/** For each member assigned: the news of the round now, and the reminders still ahead of `now`. */
export function assignmentNotices(round: RoundRecord, drafts: Draft[], offsets: number[], now: Date): PlannedMessage[] {
  const base = { cellId: round.cellId, subjectId: round.id };
  return drafts.flatMap((d) => [
    { ...base, key: `report-open:${d.id}`, kind: reportKinds.opened, personId: d.personId, payload: { draftId: d.id }, dueAt: now },
    ...offsets
      .map((offset) => ({ offset, dueAt: new Date(round.deadline.getTime() - offset * 60_000) }))
      .filter(({ dueAt }) => dueAt > now)
      .map(({ offset, dueAt }) => ({ ...base, key: `report-remind:${d.id}:${offset}`, kind: reportKinds.reminder, personId: d.personId, payload: { draftId: d.id, offset }, dueAt })),
  ]);
}

/** A reminder now, asked for by the secretary; one per minute at most, however often pressed. */
export function reminderNow(round: RoundRecord, draft: Draft, now: Date): PlannedMessage {
  const minute = Math.floor(now.getTime() / 60_000);
  return { cellId: round.cellId, subjectId: round.id, key: `report-remind:${draft.id}:now:${minute}`, kind: reportKinds.reminder, personId: draft.personId, payload: { draftId: draft.id, offset: "now" }, dueAt: now };
}

/** The tally for the secretary and deputy, with the reminders and once more at the deadline. */
export function digestNotices(round: RoundRecord, adminIds: string[], offsets: number[], now: Date): PlannedMessage[] {
  const base = { cellId: round.cellId, subjectId: round.id, kind: reportKinds.digest, payload: { roundId: round.id } };
  return adminIds.flatMap((personId) =>
    [...offsets, 0]
      .map((offset) => ({ offset, dueAt: new Date(round.deadline.getTime() - offset * 60_000) }))
      .filter(({ dueAt }) => dueAt > now)
      .map(({ offset, dueAt }) => ({ ...base, key: `report-digest:${round.id}:${personId}:${offset}`, personId, dueAt })),
  );
}

/** One notice per recipient about one version (submitted, withdrawn, decided). */
export function versionNotices(kind: string, round: { id: string; cellId: string }, versionId: string, personIds: string[], now: Date): PlannedMessage[] {
  return personIds.map((personId) => ({
    key: `${kind}:${versionId}:${personId}`,
    kind,
    personId,
    cellId: round.cellId,
    subjectId: round.id,
    payload: { versionId },
    dueAt: now,
  }));
}

/** The reminder to the secretary and deputy to send the cell's review draft out in time (HD 43 §2.1). */
export function collectiveDraftNotices(round: RoundRecord, adminIds: string[], remindAt: Date): PlannedMessage[] {
  return adminIds.map((personId) => ({
    key: `report-collective:${round.id}:${personId}`,
    kind: reportKinds.collectiveDraft,
    personId,
    cellId: round.cellId,
    subjectId: round.id,
    payload: { roundId: round.id },
    dueAt: remindAt,
  }));
}
