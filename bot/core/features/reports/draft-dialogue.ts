/**
 * The member's report dialogue: the engine asks one question at a time and every input is saved in
 * the draft row before the answer is shown, so a restart, another device or a week's pause
 * continues exactly where the member was. The person's dialogue row only says which draft is open
 * (flow "report", data { draftId, proxy }); the draft itself lives in report_draft and survives /huy.
 * The engine is its own question loop, so this flow is a plain dialogue handler, not a form.
 */
import type { Choice, InboundInput, OutboundMessage } from "../../contract/messages.ts";
import { DomainError } from "../../domain/errors.ts";
import type { DialogueHandler, Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { actions, decodeChoice, templateTag } from "./engine/choice-data.ts";
import { advance, current, resume, start, type EngineInput, type EngineResult } from "./engine/engine.ts";
import { deriveForDraft, profileOf } from "./derive.ts";
import type { Template } from "./engine/template-schema.ts";
import { cellAdmins } from "../../domain/members.ts";
import { notifyPerson } from "../../delivery/notify.ts";
import { exclusionOf, impliedForm, isReview2025, pledgeOf, profileGaps, raisedIssuesText, reviewPerson, roundYear } from "./review-2025.ts";
import { createReviewProfileForm } from "./review-profile.ts";
import { excludeDraft } from "./services/exclude.ts";
import { createDraftCache } from "./draft-cache.ts";
import { previousCommitment } from "./follow-up.ts";
import { lastReturnComment, lastVersionNumber, pausedDrafts, personCategory, personName, roundOpenness, roundTitle, roundToOpen } from "./queries.ts";
import { draftStatus, editableStatuses, parseState, type DraftRow } from "./records.ts";
import type { Runtime } from "./runtime.ts";
import { beginDraft, draftRow, saveDraft } from "./services/drafts.ts";
import { submitDraft } from "./services/submit.ts";

export const reportFlow = "report";
const answerStep = "answer";
/** Saves lost to another device before giving up: each retry reads the draft afresh. */
const attempts = 3;

export interface DraftDialogue {
  /** Starts or continues a draft: the member's own, or (proxy) a member's draft entered by an admin. */
  open(turn: Turn, draftId: string, options: { proxy: boolean }): Promise<void>;
  handler: DialogueHandler;
  /** An engine button pressed while no report is open (after /huy, a pause, on another device). */
  orphanChoice(turn: Turn, tag: string): Promise<void>;
  /** The profile questions a 2025 review asks once before it starts. */
  profileForm: ReturnType<Runtime["ctx"]["form"]>;
}

function engineInput(input: InboundInput): EngineInput {
  if (input.kind === "text") return { kind: "text", text: input.text };
  if (input.kind === "choice") return { kind: "choice", data: input.data };
  // Stickers, photos, voice, files: the engine explains that it reads only text.
  return { kind: "unsupported", what: "what" in input ? input.what : input.kind };
}

/** Toggling a checklist or turning its page redraws the same message where the messenger can edit it. */
function redrawsInPlace(input: InboundInput, outputs: OutboundMessage[]): boolean {
  if (input.kind !== "choice" || outputs.length !== 1) return false;
  const action = decodeChoice(input.data)?.action;
  return action === actions.toggle || action === actions.page;
}

const row = (choice: Choice): Choice[] => [choice];

/** The paused message says how to come back (/baocao) and offers to go on at once. */
function withResume(turn: Turn, outputs: OutboundMessage[], draftId: string, proxy: boolean): OutboundMessage[] {
  const label = turn.t("report-button-resume-now");
  const resume = proxy ? buttons.proxy.choice(label, { draftId }) : buttons.open.choice(label, { draftId });
  return outputs.map((m, i) => (i === outputs.length - 1 ? { ...m, choices: [row(resume)] } : m));
}

export function createDraftDialogue(rt: Runtime): DraftDialogue {
  const { db, ctx, store } = rt;
  const cache = createDraftCache();
  const end = (turn: Turn) => ctx.dialogue.end(turn.person.id, reportFlow);

  async function reply(turn: Turn, outputs: OutboundMessage[], input?: InboundInput): Promise<void> {
    const inPlace = input ? redrawsInPlace(input, outputs) : false;
    for (const message of outputs) await turn.reply(message, inPlace ? { replacePressed: true } : undefined);
  }

  /** The author's category: the turn's person, except when an admin enters a report by proxy. */
  const authorCategory = (turn: Turn, draft: DraftRow) => (draft.personId === turn.person.id ? Promise.resolve(turn.person.category) : personCategory(db, draft.personId));
  /** The author as the engine sees them; in a 2025 review the draft's form decides. */
  const authorProfile = async (turn: Turn, draft: DraftRow) => profileOf(await authorCategory(turn, draft), { reviewForm: draft.reviewForm });

  /**
   * Before a 2025 review starts: the profile questions it still needs (asked once), the exclusions of
   * QĐ 366 Điều 5 (the draft is left out, audited, and the secretary told), and a form this template
   * does not serve (Mẫu 2A until a committee supplies it). Null: go on, with what to carry onto the draft.
   */
  async function beforeReview(turn: Turn, draft: DraftRow, round: { id: string; cellId: string; title: string; deadline: Date; cell: { name: string; timeZone: string } }, base: Template, proxy: boolean) {
    const who = await reviewPerson(db, draft.personId);
    const gaps = profileGaps(who);
    const name = await personName(db, draft.personId);
    if (gaps.length > 0) {
      await profileForm.start(turn, gaps, { draftId: draft.id, authorId: draft.personId, proxy: proxy ? "1" : null }, turn.t(proxy ? "report-profile-intro-proxy" : "report-profile-intro", { name }));
      return null;
    }
    const standing = await db.membership.findUnique({ where: { cellId_personId: { cellId: round.cellId, personId: draft.personId } }, select: { exempt: true, suspended: true } });
    const excluded = exclusionOf({ ...who, exempt: standing?.exempt ?? false, suspended: standing?.suspended ?? false }, round.deadline);
    if (excluded) {
      if (await excludeDraft(db, { draftId: draft.id, reason: excluded, actorId: turn.person.id, now: rt.now() })) {
        cache.forget(draft.id);
        turn.log.info({ draftId: draft.id, reason: excluded }, "review draft left out");
        for (const admin of await cellAdmins(db, round.cellId)) {
          if (admin.personId === turn.person.id) continue;
          await notifyPerson(ctx.deps, admin.personId, (t) => ({ text: t("report-excluded-for-admin", { name, title: round.title, reason: t(`report-exclusion-${excluded}`) }) }), "report-excluded");
        }
      }
      await turn.reply({ text: turn.t(proxy ? "report-excluded-proxy" : "report-excluded", { name, title: round.title, reason: turn.t(`report-exclusion-${excluded}`) }) });
      return null;
    }
    const form = draft.reviewForm ?? impliedForm(who);
    if (!base.reviewForms?.includes(form as "2A" | "2B" | "2C")) {
      await turn.reply({ text: turn.t("report-form-not-served", { name, form, forms: (base.reviewForms ?? []).join(", "), title: round.title }) });
      return null;
    }
    const year = roundYear(round.deadline, round.cell.timeZone);
    const raisedText = await raisedIssuesText(db, draft.personId, year);
    const pledgeText = await pledgeOf(db, { personId: draft.personId, cellId: round.cellId, year, timeZone: round.cell.timeZone, templates: store.all(), texts: rt.texts(turn) });
    return { raisedText, pledgeText, reviewForm: form };
  }

  /** Why a draft that is not editable cannot be opened, with what the member can do instead. */
  async function explainClosed(turn: Turn, draft: DraftRow, title: string, proxy: boolean): Promise<void> {
    if (proxy) return turn.reply({ text: turn.t("report-proxy-not-possible", { title }) });
    const view = row(buttons.view.choice(turn.t("report-button-view-short"), { draftId: draft.id }));
    if (draft.status === draftStatus.submitted)
      return turn.reply({
        text: turn.t("report-open-submitted", { title, number: await lastVersionNumber(db, draft.id) }),
        choices: [view, row(buttons.withdraw.choice(turn.t("report-button-withdraw-short"), { draftId: draft.id }))],
      });
    return turn.reply({ text: turn.t("report-open-accepted", { title }), choices: [view] });
  }

  async function open(turn: Turn, draftId: string, options: { proxy: boolean }, retried = false): Promise<void> {
    const draft = await draftRow(db, draftId);
    if (!draft) return ctx.staleButton(turn);
    const round = await roundToOpen(db, { personId: turn.person.id, authorId: draft.personId, roundId: draft.roundId, proxy: options.proxy });
    if (!round) return ctx.staleButton(turn);
    if (round.status !== "open") return turn.reply({ text: turn.t("report-round-closed", { title: round.title }) });
    if (!editableStatuses.includes(draft.status)) return explainClosed(turn, draft, round.title, options.proxy);
    const base = store.latest(round.templateId);
    const texts = rt.texts(turn);
    if (!base) return turn.reply({ text: texts.templateMissing });
    const category = await authorCategory(turn, draft);
    const data = { draftId, proxy: options.proxy ? "1" : null };
    const intro: OutboundMessage[] = [];
    if (options.proxy) intro.push({ text: turn.t("report-proxy-intro", { title: round.title, name: await personName(db, draft.personId) }) });

    if (draft.status === draftStatus.notStarted) {
      const review = isReview2025(base) ? await beforeReview(turn, draft, round, base, options.proxy) : undefined;
      if (review === null) return;
      const followUp = await previousCommitment(db, { personId: draft.personId, cellId: round.cellId, roundId: round.id, templates: store.all(), texts });
      const started: DraftRow = { ...draft, followUpText: followUp?.text ?? null, ...(review ?? {}) };
      const template = deriveForDraft(base, started, turn.t);
      const first = start(template, profileOf(category, { reviewForm: started.reviewForm }), texts);
      const begun = await beginDraft(db, draft, { state: first.state, followUp, ...(review ? { review } : {}), editorId: turn.person.id, proxy: options.proxy, now: rt.now() });
      // Started meanwhile on another device: continue that draft instead.
      if (!begun) return retried ? ctx.staleButton(turn) : open(turn, draftId, options, true);
      cache.remember({ ...started, status: draftStatus.drafting, state: JSON.stringify(first.state), version: draft.version + 1 });
      await ctx.dialogue.start(turn, reportFlow, answerStep, data);
      turn.log.info({ draftId, proxy: options.proxy, followUp: Boolean(followUp) }, "report draft started");
      return reply(turn, [...intro, ...first.outputs]);
    }

    const template = deriveForDraft(base, draft, turn.t);
    const stored = parseState(draft.state);
    const resumed = resume([template], stored ?? null, profileOf(category, { reviewForm: draft.reviewForm }), texts);
    if (!resumed.ok) return reply(turn, resumed.outputs);
    const json = JSON.stringify(resumed.state);
    // A newer template version moved the draft on: save where it now stands before showing it.
    const moved = stored !== undefined && json !== JSON.stringify(stored);
    if (moved && !(await saveDraft(db, draft, json, { editorId: turn.person.id, now: rt.now() }))) return retried ? ctx.staleButton(turn) : open(turn, draftId, options, true);
    cache.remember(moved ? { ...draft, state: json, version: draft.version + 1 } : draft);
    await ctx.dialogue.start(turn, reportFlow, answerStep, data);
    if (draft.status === draftStatus.returned) {
      const comment = await lastReturnComment(db, draftId);
      if (comment) intro.push({ text: turn.t("report-return-comment-banner", { comment }) });
    }
    return reply(turn, [...intro, ...resumed.outputs]);
  }

  async function submit(turn: Turn, draft: DraftRow, result: EngineResult, proxy: boolean): Promise<"done" | "moved"> {
    let outcome;
    try {
      outcome = await submitDraft(db, draft, { state: result.state, actorId: turn.person.id, proxy, now: rt.now() });
    } catch (error) {
      // No longer in the cell (or no longer in office): the report stays a draft, and the dialogue lets go.
      if (error instanceof DomainError) await end(turn);
      throw error;
    }
    if (!outcome.ok && outcome.reason === "moved") return "moved";
    await end(turn);
    if (!outcome.ok) {
      await turn.reply({ text: turn.t("report-round-closed", { title: outcome.round?.title ?? "" }) });
      return "done";
    }
    ctx.kickOutbox();
    turn.log.info({ draftId: draft.id, versionId: outcome.version.id, number: outcome.version.number, proxy }, "report submitted");
    await reply(turn, result.outputs);
    if (proxy) await turn.reply({ text: turn.t("report-proxy-submitted-note", { name: await personName(db, draft.personId) }) });
    else await turn.reply({ text: turn.t("report-submitted-note"), choices: [row(buttons.withdraw.choice(turn.t("report-button-withdraw-short"), { draftId: draft.id }))] });
    return "done";
  }

  const handler: DialogueHandler = async (turn, dialogue, input) => {
    const draftId = dialogue.data.draftId ?? "";
    const proxy = dialogue.data.proxy === "1";
    const texts = rt.texts(turn);
    for (let attempt = 0; attempt < attempts; attempt++) {
      // After a lost save, never trust the cache: read what the other writer left.
      const cached = attempt === 0 ? cache.get(draftId) : undefined;
      const draft = cached ?? (await draftRow(db, draftId));
      if (!draft || (!proxy && draft.personId !== turn.person.id)) {
        cache.forget(draftId);
        await end(turn);
        return ctx.staleButton(turn);
      }
      if (!cached) cache.remember(draft);
      if (!editableStatuses.includes(draft.status)) {
        cache.forget(draftId);
        // Submitted or decided from another device meanwhile.
        await end(turn);
        return explainClosed(turn, draft, await roundTitle(db, draft.roundId), proxy);
      }
      const state = parseState(draft.state);
      const base = state ? store.latest(state.templateId) : undefined;
      if (!state || !base) {
        await end(turn);
        return turn.reply({ text: state ? texts.templateMissing : texts.stateInvalid });
      }
      const template = deriveForDraft(base, draft, turn.t);
      const profile = await authorProfile(turn, draft);
      if (input.kind === "unsupported" && input.what === "reprompt") {
        const round = await roundOpenness(db, draft.roundId);
        if (!round.open) {
          await end(turn);
          return turn.reply({ text: turn.t("report-round-closed", { title: round.title }) });
        }
        // A newer template meanwhile: reopened the way /baocao opens it (migrated, saved, and said so).
        if (state.templateVersion !== template.version) return open(turn, draftId, { proxy });
        // Shown again after an interruption (/help, /baocao, a refused message): the same question, nothing changed.
        return reply(turn, current(template, state, profile, texts));
      }
      const result = advance(template, state, engineInput(input), profile, texts);
      if (result.event === "submitted") {
        cache.forget(draftId);
        if ((await submit(turn, draft, result, proxy)) === "done") return;
        continue;
      }
      const json = JSON.stringify(result.state);
      if (json !== JSON.stringify(state)) {
        if (!(await saveDraft(db, draft, json, { editorId: turn.person.id, now: rt.now() }))) {
          cache.forget(draftId);
          continue;
        }
        cache.remember({ ...draft, state: json, version: draft.version + 1 });
      }
      // A paused draft lets go of the chat, so that an unrelated message days later is not taken as an answer.
      if (result.event === "paused") {
        await end(turn);
        return reply(turn, withResume(turn, result.outputs, draftId, proxy));
      }
      return reply(turn, result.outputs, input);
    }
    turn.log.warn({ draftId }, "report draft kept changing; gave up");
    await turn.reply({ text: turn.t("report-busy") });
  };

  async function orphanChoice(turn: Turn, tag: string): Promise<void> {
    const match = (await pausedDrafts(db, turn.person.id)).find((d) => {
      const templateId = parseState(d.state)?.templateId;
      return templateId !== undefined && templateTag(templateId) === tag;
    });
    if (!match) return ctx.staleButton(turn);
    await turn.reply({ text: turn.t("report-stale-reopen"), choices: [row(buttons.open.choice(turn.t("report-button-resume"), { draftId: match.id }))] });
  }

  const profileForm = createReviewProfileForm(ctx, (turn, draftId, proxy) => open(turn, draftId, { proxy }));

  return { open, handler, orphanChoice, profileForm };
}
