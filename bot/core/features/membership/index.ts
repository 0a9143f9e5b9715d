/**
 * Membership: creating a cell, invites, join requests and their approval, roles, exemption from
 * meetings, removal, leaving, the profile and the language. A feature like any other.
 */
import { notifyPerson } from "../../delivery/notify.ts";
import { cellAdmins, isAdminRole } from "../../domain/members.ts";
import { editProfile, isProfileComplete, profilePatch } from "../../domain/people.ts";
import { normalizeInviteCode } from "../../domain/validation.ts";
import { on, type Feature, type FeatureFactory, type Turn } from "../../kernel/feature.ts";
import { buttons } from "./buttons.ts";
import { createJoining } from "./join.ts";
import { createManagement } from "./manage.ts";
import { createRejection } from "./reject.ts";
import { waitingRequests } from "./queries.ts";
import { createCell } from "./services/cells.ts";
import { leaveCell, leavingCell } from "./services/leaving.ts";
import { setLanguage } from "./services/profile.ts";
import { membershipSteps, profileFields } from "./steps.ts";
import * as views from "./views.ts";

export const membershipFeature: FeatureFactory = (ctx) => {
  const { db } = ctx.deps;
  const now = () => ctx.deps.now();
  const joining = createJoining(ctx);
  const manage = createManagement(ctx);
  const rejection = createRejection(ctx, joining.decide);

  const createCellForm = ctx.form({
    flow: "create-cell",
    resumedBy: ["taochibo"],
    steps: membershipSteps,
    finish: async (turn, data) => {
      const { cell, invite } = await createCell(db, {
        personId: turn.person.id,
        name: data.cellName!,
        parentCommittee: data.parentCommittee ?? null,
        timeZone: ctx.deps.settings.defaultTimeZone,
        profile: profilePatch(data),
        inviteTtlDays: ctx.deps.settings.inviteTtlDays,
        now: now(),
      });
      turn.log.info({ cellId: cell.id }, "cell created");
      await turn.reply({ text: turn.t("cell-created", { cell: cell.name }) });
      await turn.reply(views.invite(turn.t, cell, invite, ctx.deps.messengers.get(turn.event.platform)?.inviteLink(invite.code)));
    },
  });

  const editProfileForm = ctx.form({
    flow: "edit-profile",
    steps: membershipSteps,
    finish: async (turn, data) => {
      const field = (data._plan ?? "").split(",")[0] ?? "";
      const updated = await editProfile(db, { personId: turn.person.id, patch: profilePatch({ [field]: data[field] ?? null }), now: now() });
      await turn.reply({ text: turn.t("profile-saved") });
      await turn.reply(views.profile(turn.t, updated));
    },
  });

  async function leave(turn: Turn, cellId: string): Promise<void> {
    const membership = await leaveCell(db, { personId: turn.person.id, cellId, now: now() });
    await ctx.dialogue.end(turn.person.id);
    await turn.reply({ text: turn.t("leave-done", { cell: membership.cell.name }) });
    await ctx.membershipChanged(turn, cellId);
    for (const admin of await cellAdmins(db, cellId)) {
      await notifyPerson(ctx.deps, admin.personId, (t) => ({ text: t("member-left-for-admin", { name: turn.person.fullName ?? "?", cell: membership.cell.name }) }), "member-left");
    }
  }

  const feature: Feature = {
    name: "membership",
    commands: [
      {
        name: "taochibo",
        menuRank: 60,
        run: (turn) => createCellForm.start(turn, ["cellName", "parentCommittee", ...(isProfileComplete(turn.person) ? [] : profileFields)], {}, turn.t("create-cell-intro")),
      },
      { name: "thamgia", menuRank: 70, takesTypedArgs: (args) => normalizeInviteCode(args) !== null, run: (turn, args) => (args ? joining.begin(turn, args) : joining.askCode(turn)) },
      { name: "moi", menuRank: 150, run: (turn) => ctx.withCell(turn, "moi", (m) => manage.showInvite(turn, m)) },
      { name: "thanhvien", menuRank: 130, run: (turn) => ctx.withCell(turn, "thanhvien", (m) => manage.showMembers(turn, m)) },
      { name: "choduyet", menuRank: 140, run: (turn) => ctx.withCell(turn, "choduyet", (m) => manage.showPending(turn, m)) },
      { name: "hoso", menuRank: 160, run: async (turn) => turn.reply(views.profile(turn.t, await db.person.findUniqueOrThrow({ where: { id: turn.person.id } }))) },
      { name: "ngonngu", aliases: ["language"], menuRank: 170, run: (turn) => turn.reply(views.languageChoice(turn.t)) },
      {
        name: "roichibo",
        menuRank: 210,
        run: (turn) =>
          ctx.withCell(turn, "roichibo", async (m) => {
            const cell = await leavingCell(db, { personId: turn.person.id, cellId: m.cellId });
            await turn.reply(views.confirm(turn.t, "leave-confirm", { cell: cell.name }, buttons.leaveConfirm.choice(turn.t("button-leave"), { cellId: m.cellId })));
          }),
      },
    ],
    buttons: [
      on(buttons.approve, (turn, { membershipId }) => joining.decide(turn, membershipId, true)),
      // A refusal asks first, with a reason the applicant is told.
      on(buttons.reject, (turn, { membershipId }) => rejection.ask(turn, membershipId)),
      on(buttons.card, (turn, { membershipId }) => manage.showCard(turn, membershipId)),
      on(buttons.role, (turn, { membershipId, role }) => manage.changeRole(turn, membershipId, role)),
      on(buttons.transfer, (turn, { membershipId }) => manage.confirmFor(turn, membershipId, "transfer-confirm", "button-transfer-secretary", buttons.transferConfirm)),
      on(buttons.transferConfirm, (turn, { membershipId }) => manage.transfer(turn, membershipId)),
      on(buttons.exempt, (turn, { membershipId, exempt }) => manage.exempt(turn, membershipId, exempt)),
      on(buttons.remove, (turn, { membershipId }) => manage.confirmFor(turn, membershipId, "remove-confirm", "button-remove-member", buttons.removeConfirm)),
      on(buttons.removeConfirm, (turn, { membershipId }) => manage.remove(turn, membershipId)),
      on(buttons.invite, (turn, { action, cellId }) => (action === "new" ? manage.renewInvite(turn, cellId) : manage.closeInvite(turn, cellId))),
      on(buttons.language, async (turn, { locale }) => {
        await setLanguage(db, { personId: turn.person.id, locale });
        await turn.reply({ text: ctx.deps.i18n.t(locale, "language-changed") });
      }),
      on(buttons.editProfile, (turn, { field }) => editProfileForm.start(turn, [field], {})),
      on(buttons.leaveConfirm, (turn, { cellId }) => leave(turn, cellId)),
    ],
    dialogues: [createCellForm, editProfileForm, ...joining.forms, ...rejection.forms],
    menu: async (turn, m) => (m ? views.menuRows(turn.t, m.role, await waitingRequests(db, { role: m.role, cellId: m.cellId })) : views.welcomeRows(turn.t)),
    help: (t, m) => [isAdminRole(m.role) ? t("help-admin") : null, m.role === "secretary" ? t("help-secretary") : null].filter(Boolean).join("\n\n") || null,
    startPayload: async (turn, payload) => {
      await joining.begin(turn, payload);
      return true;
    },
    looseText: async (turn, text) => {
      if (!normalizeInviteCode(text)) return false;
      await joining.begin(turn, text);
      return true;
    },
  };
  return feature;
};
