/**
 * The outbox renderers of the reports feature: each reads the data as it is at sending time and
 * sends, or skips a message that stopped being true.
 */
import type { OutboxRenderer, RenderOutcome } from "../../delivery/outbox.ts";
import { isCellAdmin } from "../../domain/members.ts";
import type { OutboundMessage } from "../../contract/messages.ts";
import { activeCandidates } from "./audience.ts";
import { buttons } from "./buttons.ts";
import { reportKinds } from "./notices.ts";
import { draftPayload, forwardPayload, reminderPayload, roundPayload, versionPayload } from "./payloads.ts";
import { liveDraft, personName, roundTally, scheduledMeetingStart, wasSent } from "./queries.ts";
import { loadVersion, renderVersion } from "./reading.ts";
import { draftStatus, editableStatuses, versionStatus } from "./records.ts";
import type { TemplateStore } from "./template-store.ts";
import { collectiveDraftSchedule } from "./review-2025.ts";
import { digestNotice, formatMoment, reminderNotice, roundOpenedNotice } from "./views.ts";

const skip = (reason: string): RenderOutcome => ({ action: "skip", reason });
const send = (...messages: OutboundMessage[]): RenderOutcome => ({ action: "send", messages });

export function reportRenderers(store: TemplateStore): Record<string, OutboxRenderer> {
  const opened: OutboxRenderer = async (row, { deps, t }) => {
    const p = draftPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const draft = await liveDraft(deps.db, p.data.draftId);
    if (!draft) return skip("round closed or member gone");
    if (!editableStatuses.includes(draft.status)) return skip("already submitted");
    return send(
      roundOpenedNotice(t, {
        cell: draft.round.cell.name,
        round: draft.round,
        timeZone: draft.round.cell.timeZone,
        meetingAt: draft.round.meetingId ? await scheduledMeetingStart(deps.db, draft.round.meetingId) : null,
        draftId: draft.id,
        started: draft.status !== draftStatus.notStarted,
      }),
    );
  };

  const reminder: OutboxRenderer = async (row, { deps, t, now }) => {
    const p = reminderPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const draft = await liveDraft(deps.db, p.data.draftId);
    if (!draft) return skip("round closed or member gone");
    if (!editableStatuses.includes(draft.status)) return skip("already submitted");
    return send(reminderNotice(t, { round: draft.round, timeZone: draft.round.cell.timeZone, now, draftId: draft.id, status: draft.status }));
  };

  const digest: OutboxRenderer = async (row, { deps, t }) => {
    const p = roundPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const round = await roundTally(deps.db, p.data.roundId);
    if (!round || round.status !== "open") return skip("round closed");
    if (!(await isCellAdmin(deps.db, row.personId, round.cellId))) return skip("no longer secretary or deputy");
    // Members who left the cell are no longer counted either way.
    const names = new Map((await activeCandidates(deps.db, round.cellId)).map((c) => [c.personId, c.fullName]));
    // Nor are those a year-end review left out (QĐ 366 Điều 5): they have nothing to submit.
    const counted = round.drafts.filter((d) => names.has(d.personId) && d.status !== draftStatus.excluded);
    const done = counted.filter((d) => d.status === draftStatus.submitted || d.status === draftStatus.accepted);
    const missing = counted.filter((d) => !done.includes(d)).map((d) => names.get(d.personId)!).sort((a, b) => a.localeCompare(b, "vi"));
    return send(digestNotice(t, { round, timeZone: round.cell.timeZone, submitted: done.length, total: counted.length, missing }));
  };

  const submitted: OutboxRenderer = async (row, { deps, t }) => {
    const p = versionPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const v = await loadVersion(deps.db, p.data.versionId);
    if (!v) return skip("version gone");
    if (v.status !== versionStatus.submitted) return skip(`version ${v.status}`);
    if (!(await isCellAdmin(deps.db, row.personId, v.draft.round.cellId))) return skip("no longer secretary or deputy");
    const messages = await renderVersion(deps.db, store, t, v, { canDecide: true });
    return messages ? send(...messages) : skip("template or state unreadable");
  };

  const withdrawn: OutboxRenderer = async (row, { deps, t }) => {
    const p = versionPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    // Nothing to take back from someone who never received it (it was withdrawn before delivery).
    if (!(await wasSent(deps.db, `${reportKinds.submitted}:${p.data.versionId}:${row.personId}`))) return skip("submission never delivered");
    const v = await loadVersion(deps.db, p.data.versionId);
    if (!v) return skip("version gone");
    return send({ text: t("report-withdrawn-for-admin", { name: v.draft.person.fullName ?? "?", title: v.draft.round.title, number: v.number }) });
  };

  /** Sent only while the round is open, the reader still secretary or deputy and the meeting still ahead. */
  const collectiveDraft: OutboxRenderer = async (row, { deps, t, now }) => {
    const p = roundPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const round = await deps.db.reportRound.findUnique({ where: { id: p.data.roundId }, include: { cell: true } });
    if (!round || round.status !== "open") return skip("round closed");
    if (!(await isCellAdmin(deps.db, row.personId, round.cellId))) return skip("no longer secretary or deputy");
    const meetingAt = round.meetingId ? await scheduledMeetingStart(deps.db, round.meetingId) : null;
    if (!meetingAt || meetingAt <= now) return skip("meeting gone or past");
    const schedule = collectiveDraftSchedule(meetingAt, round.cell.timeZone, now);
    if (!schedule) return skip("too late to send the draft in time");
    const by = schedule.sendBy;
    return send({
      text: t("report-collective-reminder", { title: round.title, meeting: formatMoment(meetingAt, round.cell.timeZone), by: `${by.day}/${by.month}/${by.year}` }),
      choices: [[buttons.downloadCollective.choice(t("report-button-download-collective"), { roundId: round.id })], [buttons.status.choice(t("report-button-back-to-status"), { roundId: round.id })]],
    });
  };

  const decided = (kind: "returned" | "accepted"): OutboxRenderer => async (row, { deps, t }) => {
    const p = versionPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const v = await loadVersion(deps.db, p.data.versionId);
    if (!v || v.draft.personId !== row.personId) return skip("version gone");
    if (kind === "returned") {
      // A newer submission makes the return old news.
      if (v.status !== versionStatus.returned || v.draft.status !== draftStatus.returned) return skip("already resubmitted");
      return send({
        text: t("report-returned-for-member", { title: v.draft.round.title, comment: v.returnComment ?? "" }),
        choices: [[buttons.open.choice(t("report-button-complete-short"), { draftId: v.draftId })]],
      });
    }
    if (v.status !== versionStatus.accepted) return skip(`version ${v.status}`);
    return send({ text: t("report-accepted-for-member", { title: v.draft.round.title }), choices: [[buttons.view.choice(t("report-button-view-short"), { draftId: v.draftId })]] });
  };

  const proxied: OutboxRenderer = async (row, { deps, t }) => {
    const p = versionPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const v = await loadVersion(deps.db, p.data.versionId);
    if (!v || v.draft.personId !== row.personId) return skip("version gone");
    return send({
      text: t("report-proxy-submitted-for-member", { title: v.draft.round.title, enteredBy: await personName(deps.db, v.enteredById) }),
      choices: [[buttons.view.choice(t("report-button-view-short"), { draftId: v.draftId })]],
    });
  };

  /** Sent while the reader still holds a post in the committee the cell is still linked to. */
  const forwarded: OutboxRenderer = async (row, { deps, t }) => {
    const p = forwardPayload.safeParse(row.payload);
    if (!p.success) return skip("bad payload");
    const v = await loadVersion(deps.db, p.data.versionId);
    if (!v) return skip("version gone");
    if (v.draft.round.cell.committeeId !== p.data.committeeId) return skip("cell no longer under that committee");
    const post = await deps.db.committeeOfficer.findUnique({ where: { committeeId_personId: { committeeId: p.data.committeeId, personId: row.personId } }, select: { status: true } });
    if (post?.status !== "active") return skip("no longer an officer of the committee");
    const messages = await renderVersion(deps.db, store, t, v, { canDecide: false, forwardedBy: await personName(deps.db, p.data.byId) });
    return messages ? send(...messages) : skip("template or state unreadable");
  };

  return {
    [reportKinds.opened]: opened,
    [reportKinds.reminder]: reminder,
    [reportKinds.digest]: digest,
    [reportKinds.submitted]: submitted,
    [reportKinds.withdrawn]: withdrawn,
    [reportKinds.returned]: decided("returned"),
    [reportKinds.accepted]: decided("accepted"),
    [reportKinds.proxied]: proxied,
    [reportKinds.collectiveDraft]: collectiveDraft,
    [reportKinds.forwarded]: forwarded,
  };
}
