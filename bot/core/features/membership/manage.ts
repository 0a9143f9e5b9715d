/** The secretary's and deputy's side: the invite, the member list, a member's card and what can be done from it. */
import { notifyPerson } from "../../delivery/notify.ts";
import { isAdminRole, type MembershipWithCell } from "../../domain/members.ts";
import type { FeatureContext, Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { joinRequests, memberCard, memberList } from "./queries.ts";
import { currentInvite, issueInvite, revokeInvites } from "./services/invites.ts";
import { removeMember } from "./services/leaving.ts";
import { secretaryTarget, setExempt, setRole, transferSecretary } from "./services/roles.ts";
import * as views from "./views.ts";

export function createManagement(ctx: FeatureContext) {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();
  const inviteLink = (turn: Turn, code: string) => ctx.deps.messengers.get(turn.event.platform)?.inviteLink(code);
  const memberGone = (turn: Turn) => turn.reply({ text: turn.t("member-gone") });

  async function showInvite(turn: Turn, m: MembershipWithCell): Promise<void> {
    const { cell, invite } = await currentInvite(db, { actorId: turn.person.id, cellId: m.cellId, now: now() });
    await turn.reply(views.invite(turn.t, cell, invite, invite ? inviteLink(turn, invite.code) : undefined));
  }

  async function renewInvite(turn: Turn, cellId: string): Promise<void> {
    const { cell, invite } = await issueInvite(db, { actorId: turn.person.id, cellId, ttlDays: ctx.deps.settings.inviteTtlDays, now: now() });
    await turn.reply(views.invite(turn.t, cell, invite, inviteLink(turn, invite.code)));
  }

  async function closeInvite(turn: Turn, cellId: string): Promise<void> {
    const { cell } = await revokeInvites(db, { actorId: turn.person.id, cellId, now: now() });
    await turn.reply(views.invite(turn.t, cell, null, undefined));
  }

  async function showMembers(turn: Turn, m: MembershipWithCell): Promise<void> {
    const { viewer, members, contacts } = await memberList(db, { viewerId: turn.person.id, cellId: m.cellId });
    await turn.reply(views.memberList(turn.t, m.cell, members, contacts, viewer.role, turn.event.platform));
  }

  async function showPending(turn: Turn, m: MembershipWithCell): Promise<void> {
    const { cell, requests } = await joinRequests(db, { viewerId: turn.person.id, cellId: m.cellId });
    if (requests.length === 0) return turn.reply({ text: turn.t("no-pending", { cell: cell.name }) });
    // The last one carries the others' choices too (see views.joinRequest).
    for (const [i, { request, refusals }] of requests.entries()) {
      const others = i === requests.length - 1 ? requests.slice(0, -1).map((r) => r.request) : [];
      await turn.reply(views.joinRequest(turn.t, request, cell, refusals, others));
    }
  }

  async function showCard(turn: Turn, membershipId: string): Promise<void> {
    const card = await memberCard(db, { viewerId: turn.person.id, membershipId });
    if (!card) return memberGone(turn);
    await turn.reply(views.memberCard(turn.t, card.target, card.contacts, { role: card.viewer.role, personId: turn.person.id, platform: turn.event.platform }));
  }

  async function changeRole(turn: Turn, membershipId: string, role: "deputy" | "committee" | "member"): Promise<void> {
    const { changed, target } = await setRole(db, { actorId: turn.person.id, membershipId, role, now: now() });
    // Someone no longer secretary or deputy must not finish what they began in that office.
    if (changed && !isAdminRole(role)) await ctx.dialogue.end(target.personId);
    const name = target.person.fullName ?? "?";
    await turn.reply({ text: turn.t(changed ? "role-changed" : "role-unchanged", { name, role: turn.t(`role-${role}`) }) });
    if (changed) await notifyPerson(ctx.deps, target.personId, (t) => ({ text: t("role-changed-for-member", { cell: target.cell.name, role: t(`role-${role}`) }) }), "role-changed");
  }

  /** A question before an action on a member, asked only of someone who may take it. */
  async function confirmFor(turn: Turn, membershipId: string, questionKey: string, yesKey: string, yes: typeof buttons.transferConfirm): Promise<void> {
    const target = await secretaryTarget(db, { actorId: turn.person.id, membershipId });
    if (!target) return memberGone(turn);
    await turn.reply(views.confirm(turn.t, questionKey, { name: target.person.fullName ?? "?", cell: target.cell.name }, yes.choice(turn.t(yesKey), { membershipId })));
  }

  async function transfer(turn: Turn, membershipId: string): Promise<void> {
    const { target } = await transferSecretary(db, { actorId: turn.person.id, membershipId, now: now() });
    await ctx.dialogue.end(turn.person.id);
    await turn.reply({ text: turn.t("transfer-done", { name: target.person.fullName ?? "?", cell: target.cell.name }) });
    await ctx.membershipChanged(turn, target.cellId);
    await notifyPerson(ctx.deps, target.personId, (t) => ({ text: t("transfer-done-for-member", { cell: target.cell.name }) }), "secretary-transferred");
  }

  async function exempt(turn: Turn, membershipId: string, value: boolean): Promise<void> {
    const { target } = await setExempt(db, { actorId: turn.person.id, membershipId, exempt: value, now: now() });
    await turn.reply({ text: turn.t(value ? "exempt-set" : "exempt-cleared", { name: target.person.fullName ?? "?" }) });
    await ctx.membershipChanged(turn, target.cellId);
    await notifyPerson(ctx.deps, target.personId, (t) => ({ text: t(value ? "exempt-set-for-member" : "exempt-cleared-for-member", { cell: target.cell.name }) }), "exempt-changed");
  }

  async function remove(turn: Turn, membershipId: string): Promise<void> {
    const { removed, target } = await removeMember(db, { actorId: turn.person.id, membershipId, now: now() });
    if (!removed) return memberGone(turn);
    await ctx.dialogue.end(target.personId);
    await turn.reply({ text: turn.t("remove-done", { name: target.person.fullName ?? "?" }) });
    await ctx.membershipChanged(turn, target.cellId);
    await notifyPerson(ctx.deps, target.personId, (t) => ({ text: t("removed-for-member", { cell: target.cell.name }) }), "member-removed");
  }

  return { showInvite, renewInvite, closeInvite, showMembers, showPending, showCard, changeRole, confirmFor, transfer, exempt, remove };
}
