/** Joining a cell: by link or typed code, the profile questions, the request, the secretary's decision. */
import type { Translator } from "../../../i18n/index.ts";
import type { DialogueData, FeatureContext, Turn } from "../../kernel/feature.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import { notifyPerson } from "../../delivery/notify.ts";
import { cellAdmins, pendingRequests } from "../../domain/members.ts";
import { isProfileComplete, profilePatch } from "../../domain/people.ts";
import { normalizeInviteCode } from "../../domain/validation.ts";
import { standingIn } from "./queries.ts";
import { refusalText, type Refusal } from "./refusals.ts";
import { findInvite } from "./services/invites.ts";
import { decideJoin, requestJoin } from "./services/joining.ts";
import { membershipSteps, profileFields } from "./steps.ts";
import * as views from "./views.ts";

export function createJoining(ctx: FeatureContext) {
  const { db } = ctx.deps;

  const joinCodeForm = ctx.form({
    flow: "join-code",
    resumedBy: ["thamgia"],
    steps: membershipSteps,
    validate: async (turn, _step, value) => {
      const found = await findInvite(db, normalizeInviteCode(value ?? "") ?? "", ctx.deps.now());
      return found.ok ? null : turn.t(`invite-${found.reason}`);
    },
    finish: (turn, data) => begin(turn, data.inviteCode ?? ""),
  });

  const joinForm = ctx.form({
    flow: "join",
    resumedBy: ["thamgia"],
    steps: membershipSteps,
    // «Sửa lại» at the check goes back through the profile questions; «Gửi yêu cầu» finishes.
    next: (step, value) => (step === "confirm" ? (value === "edit" ? profileFields[0] : null) : undefined),
    onAnswer: async (_turn, step, value, data) => (step === "confirm" && value === "edit" ? { ...data, _plan: [...profileFields, "confirm"].join(",") } : data),
    finish: async (turn, data) => {
      const outcome = await requestJoin(db, { personId: turn.person.id, cellId: data.cellId ?? "", inviteId: data.inviteId ?? "", profile: profilePatch(data), now: ctx.deps.now() });
      const cell = data.cellName ?? "";
      if (outcome.kind === "invite-gone") return turn.reply({ text: turn.t("invite-revoked") });
      if (outcome.kind === "already-member") return turn.reply({ text: turn.t("join-already-member", { cell }) });
      if (outcome.kind === "already-pending") return turn.reply({ text: turn.t("join-already-pending", { cell }) });
      await turn.reply({ text: turn.t("join-requested", { cell }) });
      turn.log.info({ cellId: data.cellId }, "join requested");
      const { request, refusals } = outcome;
      const others = (await pendingRequests(db, request.cellId)).filter((p) => p.id !== request.id);
      for (const admin of await cellAdmins(db, request.cellId)) {
        await notifyPerson(ctx.deps, admin.personId, (t) => views.joinRequest(t, request, request.cell, refusals, others), "join-request");
      }
    },
  });

  const askCode = (turn: Turn) => joinCodeForm.start(turn, ["inviteCode"], {});

  /** Someone opened an invite link or typed a code. */
  async function begin(turn: Turn, raw: string): Promise<void> {
    const code = normalizeInviteCode(raw);
    if (!code) {
      await turn.reply({ text: turn.t("invite-code-malformed") });
      return askCode(turn);
    }
    const found = await findInvite(db, code, ctx.deps.now());
    if (!found.ok) return turn.reply({ text: turn.t(`invite-${found.reason}`) });
    const standing = await standingIn(db, { personId: turn.person.id, cellId: found.cell.id });
    if (standing === "active") return turn.reply({ text: turn.t("join-already-member", { cell: found.cell.name }) });
    if (standing === "pending") return turn.reply({ text: turn.t("join-already-pending", { cell: found.cell.name }) });
    const p = turn.person;
    const data: DialogueData = { cellId: found.cell.id, cellName: found.cell.name, inviteId: found.inviteId };
    const intro = turn.t("join-intro", { cell: found.cell.name });
    if (isProfileComplete(p)) return joinForm.start(turn, ["confirm"], { ...data, fullName: p.fullName, partyStatus: p.partyStatus, category: p.category, phone: p.phone }, intro);
    return joinForm.start(turn, [...profileFields, "confirm"], data, intro);
  }

  /** Records the decision (a refusal with its reason) and tells the secretary and the applicant. */
  async function decide(turn: Turn, membershipId: string, approve: boolean, refusal?: Refusal): Promise<void> {
    const outcome = await decideJoin(db, { actorId: turn.person.id, membershipId, approve, ...(refusal ? { refusal } : {}), now: ctx.deps.now() });
    const name = outcome.target.person.fullName ?? "?";
    const cell = outcome.target.cell;
    if (outcome.kind === "already-decided") {
      return turn.reply({ text: turn.t("request-already-decided", { name, status: turn.t(`membership-status-${outcome.status}`), by: outcome.decidedByName ?? "?" }) });
    }
    if (approve) {
      await turn.reply({ text: turn.t("request-approved", { name, cell: cell.name }) });
      await ctx.membershipChanged(turn, cell.id);
      await notifyPerson(ctx.deps, outcome.target.personId, (t) => ({ text: t("join-approved-for-member", { cell: cell.name }), choices: [menuChoice(t("button-open-menu"), "menu")] }), "join-approved");
      return;
    }
    const told = (t: Translator, key: string) => {
      const reason = refusal ? refusalText(t, refusal) : null;
      return reason ? `\n${t(key, { reason })}` : "";
    };
    await turn.reply({ text: `${turn.t("request-rejected", { name, cell: cell.name })}${told(turn.t, "request-rejected-reason")}` });
    await notifyPerson(ctx.deps, outcome.target.personId, (t) => ({ text: `${t("join-rejected-for-member", { cell: cell.name })}${told(t, "join-rejected-reason")}` }), "join-rejected");
  }

  return { begin, askCode, decide, forms: [joinCodeForm, joinForm] };
}
