import { isLocale } from "../../i18n/index.ts";
import { audit } from "../domain/audit.ts";
import { createCell, currentInvite, findInvite, issueInvite, revokeInvites } from "../features/membership/cells.ts";
import { createForm } from "./dialogue/form.ts";
import { dialogueFromRow, endDialogue, loadDialogue, startDialogue, type Dialogue, type DialogueData } from "./dialogue/store.ts";
import { coreSteps, profileStepIds } from "./dialogue/steps.ts";
import { DomainError } from "../domain/errors.ts";
import { renderUnreachableNotice } from "../delivery/unreachable.ts";
import type { OutboxRenderer } from "../delivery/outbox.ts";
import type { ChoiceHandler, CommandHandler, DialogueHandler, Feature, FeatureContext, FeatureFactory, FeatureJob, Turn } from "./feature.ts";
import { maxInboundTextLength, type InboundEvent, type InboundInput } from "../contract/messages.ts";
import {
  activeMemberships,
  adminRoles,
  cellAdmins,
  decideJoin,
  leaveCell,
  listMembers,
  membershipById,
  pendingRequests,
  removeMember,
  requestJoin,
  requireRole,
  setExempt,
  setRole,
  transferSecretary,
  type MembershipWithCell,
} from "../domain/members.ts";
import { notifyPerson } from "../delivery/notify.ts";
import { isProfileComplete, resolvePerson, updateProfile, type ProfilePatch } from "../domain/people.ts";
import { normalizeInviteCode } from "../domain/validation.ts";

/** Kind of the outbox notice a secretary gets, once, when a member cannot be reached. */
export const unreachableNoticeKind = "member-unreachable";
import * as views from "../features/membership/views.ts";
import { type CoreDeps } from "./deps.ts";

/** The platform-neutral bot: adapters hand it events; it answers through the deps' messengers. */
export interface Core {
  handle(event: InboundEvent): Promise<void>;
  /** Every command name the core understands (folded, without "/"), for messengers without a command syntax. */
  commandNames(): string[];
  /** The renderers of every outbox kind the features plan, for the outbox job. */
  outboxRenderers(): ReadonlyMap<string, OutboxRenderer>;
  /** The features' periodic jobs. */
  jobs(): FeatureJob[];
}

/** Callback data prefixes the core itself uses. */
const corePrefixes = ["d", "x", "m", "c", "ap", "rj", "mm", "r", "tx", "tx!", "ex", "rm", "rm!", "iv", "l", "p", "lv!"];

const roleCodes = { d: "deputy", c: "committee", m: "member" } as const;

/** Commands by their folded name. Vietnamese names without diacritics, as Telegram requires. */
const commandAliases: Readonly<Record<string, string>> = {
  start: "start",
  help: "help",
  trogiup: "help",
  menu: "menu",
  huy: "huy",
  cancel: "huy",
  taochibo: "taochibo",
  thamgia: "thamgia",
  moi: "moi",
  thanhvien: "thanhvien",
  choduyet: "choduyet",
  hoso: "hoso",
  ngonngu: "ngonngu",
  language: "ngonngu",
  roichibo: "roichibo",
  chibo: "chibo",
};

/** The core command a typed name stands for; own keys only, so "/constructor" is just unknown. */
const coreCommand = (name: string): string | undefined => (Object.hasOwn(commandAliases, name) ? commandAliases[name] : undefined);

export function createCore(deps: CoreDeps, featureFactories: FeatureFactory[] = []): Core {
  const { db } = deps;
  const featureCommands = new Map<string, CommandHandler>();
  const featureChoices = new Map<string, ChoiceHandler>();
  /** Every dialogue by flow id: the core's own and the features'. */
  const dialogueHandlers = new Map<string, DialogueHandler>();
  const renderers = new Map<string, OutboxRenderer>([[unreachableNoticeKind, renderUnreachableNotice]]);
  const features: Feature[] = [];

  async function handle(event: InboundEvent): Promise<void> {
    const messenger = deps.messengers.get(event.platform);
    if (!messenger) throw new Error(`No messenger for platform ${event.platform}`);
    const { dialogueRow, ...person } = await resolvePerson(db, event, deps.settings.defaultLocale);
    const t = deps.i18n.translator(isLocale(person.locale) ? person.locale : deps.settings.defaultLocale);
    const log = deps.logger.child({ platform: event.platform, personId: person.id, input: event.input.kind });
    const turn: Turn = {
      event,
      person,
      t,
      log,
      reply: (message, options) =>
        messenger.send(event.chatId, message, options?.replacePressed && event.pressedMessageRef ? { replaceRef: event.pressedMessageRef } : undefined),
    };
    try {
      await route(turn, dialogueFromRow(dialogueRow));
    } catch (error) {
      if (error instanceof DomainError) {
        log.info({ code: error.code }, "refused");
        await turn.reply({ text: t(`error-${error.code}`) });
        return;
      }
      log.error({ err: error }, "handling failed");
      await turn.reply({ text: t("error-internal") });
    }
  }

  async function route(turn: Turn, dialogue: Dialogue | null): Promise<void> {
    const { input } = turn.event;
    if (input.kind === "command") return command(turn, input.command, input.args);
    if (input.kind === "text" && input.text.length > maxInboundTextLength) {
      await turn.reply({ text: turn.t("invalid-message-too-long", { max: maxInboundTextLength }) });
      if (dialogue) await promptStep(turn, dialogue);
      return;
    }
    if (input.kind === "choice") return choice(turn, input.data, dialogue);
    if (dialogue) return dialogueInput(turn, dialogue, input);
    if (input.kind === "text") {
      const code = normalizeInviteCode(input.text);
      if (code) return beginJoin(turn, code);
      await turn.reply({ text: turn.t("unknown-text") });
      return;
    }
    await turn.reply({ text: turn.t("unsupported-outside-dialogue") });
  }

  // ---- commands ----

  async function command(turn: Turn, raw: string, args: string): Promise<void> {
    const name = coreCommand(raw.toLowerCase()) ?? (featureCommands.has(raw.toLowerCase()) ? raw.toLowerCase() : undefined);
    turn.log = turn.log.child({ handler: `command:${name ?? "unknown"}` });
    if (!name) {
      await turn.reply({ text: turn.t("unknown-command", { command: raw.slice(0, 32) }) });
      return;
    }
    if (name === "help") return showHelp(turn);
    const dialogue = await loadDialogue(db, turn.person.id);
    if (dialogue) {
      await endDialogue(db, turn.person.id);
      await turn.reply({ text: turn.t(name === "huy" ? "dialogue-cancelled" : "dialogue-interrupted") });
      if (name === "huy") return;
    } else if (name === "huy") {
      await turn.reply({ text: turn.t("nothing-to-cancel") });
      return;
    }
    return runCommand(turn, name, args.trim());
  }

  async function runCommand(turn: Turn, name: string, args: string): Promise<void> {
    const featureCommand = featureCommands.get(name);
    if (featureCommand) return featureCommand(turn, args);
    switch (name) {
      case "start":
        return args ? beginJoin(turn, args) : showHome(turn);
      case "menu":
        return showHome(turn);
      case "taochibo":
        return beginCreateCell(turn);
      case "thamgia":
        return args ? beginJoin(turn, args) : beginJoinCode(turn);
      case "moi":
        return withCell(turn, "moi", (m) => showInvite(turn, m));
      case "thanhvien":
        return withCell(turn, "thanhvien", (m) => showMembers(turn, m));
      case "choduyet":
        return withCell(turn, "choduyet", (m) => showPending(turn, m));
      case "hoso":
        return turn.reply(views.profile(turn.t, turn.person));
      case "ngonngu":
        return turn.reply(views.languageChoice(turn.t));
      case "roichibo":
        return withCell(turn, "roichibo", (m) =>
          turn.reply(views.confirm(turn.t, "leave-confirm", { cell: m.cell.name }, "button-leave", `lv!:${m.cellId}`)),
        );
      case "chibo":
        return pickCell(turn);
      case "help":
        return showHelp(turn);
      default:
        await turn.reply({ text: turn.t("unknown-command", { command: name }) });
    }
  }

  async function showHome(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) {
      const pending = await db.membership.findMany({ where: { personId: turn.person.id, status: "pending" }, include: { cell: true } });
      if (pending.length > 0) {
        await turn.reply({ text: turn.t("pending-wait", { cells: pending.map((p) => p.cell.name).join(", ") }) });
        return;
      }
      await turn.reply(views.welcome(turn.t));
      return;
    }
    return withCell(turn, "menu", async (m) => {
      const pendingCount = adminRoles.includes(m.role as never) ? await db.membership.count({ where: { cellId: m.cellId, status: "pending" } }) : 0;
      const extra = features.flatMap((f) => f.menu?.(turn.t, m) ?? []);
      await turn.reply(views.mainMenu(turn.t, m, pendingCount, memberships.length, extra));
    });
  }

  async function showHelp(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    const current = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.cellId === turn.person.activeCellId);
    const hasPending = (await db.membership.count({ where: { personId: turn.person.id, status: "pending" } })) > 0;
    const extra = current ? features.map((f) => f.help?.(turn.t, current) ?? null).filter((x): x is string => Boolean(x)) : [];
    await turn.reply(views.help(turn.t, current ?? null, hasPending, extra));
    if (memberships.length > 1 && !current) await turn.reply(views.cellPicker(turn.t, memberships, "help"));
    const dialogue = await loadDialogue(db, turn.person.id);
    if (dialogue) await promptStep(turn, dialogue);
  }

  /** Runs `fn` in the person's current cell; with several cells and none chosen, asks which. */
  async function withCell(turn: Turn, commandName: string, fn: (m: MembershipWithCell) => Promise<void>): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) {
      await turn.reply({ text: turn.t("error-no-cell") });
      return;
    }
    const current = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.cellId === turn.person.activeCellId);
    if (!current) {
      await turn.reply(views.cellPicker(turn.t, memberships, commandName));
      return;
    }
    return fn(current);
  }

  async function pickCell(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) {
      await turn.reply({ text: turn.t("error-no-cell") });
      return;
    }
    await turn.reply(views.cellPicker(turn.t, memberships, "menu"));
  }

  async function showInvite(turn: Turn, m: MembershipWithCell): Promise<void> {
    await requireRole(db, turn.person.id, m.cellId, adminRoles);
    const inv = await currentInvite(db, m.cellId, deps.now());
    await turn.reply(views.invite(turn.t, m.cell, inv, inv ? inviteLink(turn, inv.code) : undefined));
  }

  const inviteLink = (turn: Turn, code: string) => deps.messengers.get(turn.event.platform)?.inviteLink(code);

  async function platformsOf(personIds: string[]): Promise<Map<string, string[]>> {
    const identities = await db.identity.findMany({ where: { personId: { in: personIds } } });
    const map = new Map<string, string[]>();
    for (const i of identities) map.set(i.personId, [...(map.get(i.personId) ?? []), i.platform]);
    return map;
  }

  async function showMembers(turn: Turn, m: MembershipWithCell): Promise<void> {
    const viewer = await requireRole(db, turn.person.id, m.cellId, ["secretary", "deputy", "committee", "member"]);
    const members = await listMembers(db, m.cellId);
    const platforms = await platformsOf(members.map((x) => x.personId));
    await turn.reply(views.memberList(turn.t, m.cell, members, platforms, viewer.role));
  }

  async function showPending(turn: Turn, m: MembershipWithCell): Promise<void> {
    await requireRole(db, turn.person.id, m.cellId, adminRoles);
    const pending = await pendingRequests(db, m.cellId);
    if (pending.length === 0) {
      await turn.reply({ text: turn.t("no-pending", { cell: m.cell.name }) });
      return;
    }
    for (const p of pending) await turn.reply(views.joinRequest(turn.t, p, m.cell));
  }

  // ---- buttons ----

  async function choice(turn: Turn, data: string, dialogue: Dialogue | null): Promise<void> {
    const [kind = "", a = "", b = ""] = data.split(":");
    turn.log = turn.log.child({ handler: `choice:${kind}` });
    const now = deps.now();
    switch (kind) {
      case "d":
        if (!dialogue) return staleButton(turn);
        return dialogueInput(turn, dialogue, { kind: "choice", data });
      case "x":
        if (dialogue) await endDialogue(db, turn.person.id);
        await turn.reply({ text: turn.t("cancelled") });
        return;
      case "m": {
        const name = coreCommand(a) ?? (featureCommands.has(a) ? a : undefined);
        if (!name) return staleButton(turn);
        if (dialogue) await endDialogue(db, turn.person.id);
        return runCommand(turn, name, "");
      }
      case "c": {
        const memberships = await activeMemberships(db, turn.person.id);
        const name = coreCommand(b) ?? (featureCommands.has(b) ? b : undefined);
        if (!memberships.some((m) => m.cellId === a) || !name) return staleButton(turn);
        await db.person.update({ where: { id: turn.person.id }, data: { activeCellId: a } });
        turn.person = { ...turn.person, activeCellId: a };
        return name === "help" ? showHelp(turn) : runCommand(turn, name, "");
      }
      case "ap":
      case "rj":
        return decide(turn, a, kind === "ap");
      case "mm":
        return showMemberCard(turn, a);
      case "r": {
        const role = roleCodes[b as keyof typeof roleCodes];
        if (!role) return staleButton(turn);
        const { changed, target } = await setRole(db, { actorId: turn.person.id, membershipId: a, role, now });
        if (changed && !adminRoles.includes(role)) await endDialogueOf(target.personId);
        const name = target.person.fullName ?? "?";
        await turn.reply({ text: turn.t(changed ? "role-changed" : "role-unchanged", { name, role: turn.t(`role-${role}`) }) });
        if (changed) await notifyPerson(deps, target.personId, (t) => ({ text: t("role-changed-for-member", { cell: target.cell.name, role: t(`role-${role}`) }) }), "role-changed");
        return;
      }
      case "tx": {
        const target = await membershipById(db, a);
        if (!target || target.status !== "active") return memberGone(turn);
        await requireRole(db, turn.person.id, target.cellId, ["secretary"]);
        await turn.reply(views.confirm(turn.t, "transfer-confirm", { name: target.person.fullName ?? "?", cell: target.cell.name }, "button-transfer-secretary", `tx!:${a}`));
        return;
      }
      case "tx!": {
        const { target } = await transferSecretary(db, { actorId: turn.person.id, membershipId: a, now });
        await endDialogueOf(turn.person.id);
        await turn.reply({ text: turn.t("transfer-done", { name: target.person.fullName ?? "?", cell: target.cell.name }) });
        await membershipChanged(turn, target.cellId);
        await notifyPerson(deps, target.personId, (t) => ({ text: t("transfer-done-for-member", { cell: target.cell.name }) }), "secretary-transferred");
        return;
      }
      case "ex": {
        const exempt = b === "1";
        const { target } = await setExempt(db, { actorId: turn.person.id, membershipId: a, exempt, now });
        const name = target.person.fullName ?? "?";
        await turn.reply({ text: turn.t(exempt ? "exempt-set" : "exempt-cleared", { name }) });
        await membershipChanged(turn, target.cellId);
        await notifyPerson(deps, target.personId, (t) => ({ text: t(exempt ? "exempt-set-for-member" : "exempt-cleared-for-member", { cell: target.cell.name }) }), "exempt-changed");
        return;
      }
      case "rm": {
        const target = await membershipById(db, a);
        if (!target || target.status !== "active") return memberGone(turn);
        await requireRole(db, turn.person.id, target.cellId, ["secretary"]);
        await turn.reply(views.confirm(turn.t, "remove-confirm", { name: target.person.fullName ?? "?", cell: target.cell.name }, "button-remove-member", `rm!:${a}`));
        return;
      }
      case "rm!": {
        const { removed, target } = await removeMember(db, { actorId: turn.person.id, membershipId: a, now });
        if (!removed) return memberGone(turn);
        await endDialogueOf(target.personId);
        await turn.reply({ text: turn.t("remove-done", { name: target.person.fullName ?? "?" }) });
        await membershipChanged(turn, target.cellId);
        await notifyPerson(deps, target.personId, (t) => ({ text: t("removed-for-member", { cell: target.cell.name }) }), "member-removed");
        return;
      }
      case "iv": {
        const m = await requireRole(db, turn.person.id, b, adminRoles);
        if (a === "new") {
          const inv = await issueInvite(db, { cellId: b, actorPersonId: turn.person.id, ttlDays: deps.settings.inviteTtlDays, now });
          await turn.reply(views.invite(turn.t, m.cell, inv, inviteLink(turn, inv.code)));
        } else if (a === "off") {
          await revokeInvites(db, { cellId: b, actorPersonId: turn.person.id, now });
          await turn.reply(views.invite(turn.t, m.cell, null, undefined));
        } else return staleButton(turn);
        return;
      }
      case "l": {
        if (!isLocale(a)) return staleButton(turn);
        await updateProfile(db, turn.person.id, { locale: a });
        await turn.reply({ text: deps.i18n.t(a, "language-changed") });
        return;
      }
      case "p": {
        if (!(profileStepIds as readonly string[]).includes(a)) return staleButton(turn);
        const step = a as (typeof profileStepIds)[number];
        return editProfileForm.start(turn, [step], {});
      }
      case "lv!": {
        const membership = await leaveCell(db, { personId: turn.person.id, cellId: a, now });
        await endDialogueOf(turn.person.id);
        await turn.reply({ text: turn.t("leave-done", { cell: membership.cell.name }) });
        await membershipChanged(turn, a);
        for (const admin of await cellAdmins(db, a)) {
          await notifyPerson(deps, admin.personId, (t) => ({ text: t("member-left-for-admin", { name: turn.person.fullName ?? "?", cell: membership.cell.name }) }), "member-left");
        }
        return;
      }
      default: {
        const handler = featureChoices.get(kind);
        if (handler) return handler(turn, data.split(":").slice(1), dialogue);
        return staleButton(turn);
      }
    }
  }

  const staleButton = (turn: Turn) => turn.reply({ text: turn.t("stale-button") });

  /**
   * Someone who lost their place or their office must not finish a dialogue begun with it (a
   * report, or one entered for a member): the dialogue ends; their drafts stay as saved.
   */
  const endDialogueOf = (personId: string) => endDialogue(db, personId);

  /** Lets features follow membership changes (e.g. re-plan meeting reminders); a failure there never undoes the change. */
  async function membershipChanged(turn: Turn, cellId: string): Promise<void> {
    for (const f of features) {
      try {
        await f.onMembershipChanged?.(cellId);
      } catch (error) {
        turn.log.error({ err: error, feature: f.name }, "membership hook failed");
      }
    }
  }
  const memberGone = (turn: Turn) => turn.reply({ text: turn.t("member-gone") });

  async function decide(turn: Turn, membershipId: string, approve: boolean): Promise<void> {
    const outcome = await decideJoin(db, { actorId: turn.person.id, membershipId, approve, now: deps.now() });
    const name = outcome.target.person.fullName ?? "?";
    const cell = outcome.target.cell;
    if (outcome.kind === "already-decided") {
      await turn.reply({
        text: turn.t("request-already-decided", { name, status: turn.t(`membership-status-${outcome.status}`), by: outcome.decidedByName ?? "?" }),
      });
      return;
    }
    await turn.reply({ text: turn.t(approve ? "request-approved" : "request-rejected", { name, cell: cell.name }) });
    if (approve) await membershipChanged(turn, cell.id);
    await notifyPerson(
      deps,
      outcome.target.personId,
      (t) => (approve ? { text: t("join-approved-for-member", { cell: cell.name }), choices: [[{ label: t("button-open-menu"), data: "m:menu" }]] } : { text: t("join-rejected-for-member", { cell: cell.name }) }),
      approve ? "join-approved" : "join-rejected",
    );
  }

  async function showMemberCard(turn: Turn, membershipId: string): Promise<void> {
    const target = await membershipById(db, membershipId);
    if (!target || target.status !== "active") return memberGone(turn);
    const viewer = await requireRole(db, turn.person.id, target.cellId, adminRoles);
    const platforms = await platformsOf([target.personId]);
    await turn.reply(views.memberCard(turn.t, target, platforms.get(target.personId) ?? [], { role: viewer.role, personId: turn.person.id }));
  }

  // ---- dialogues ----

  /** Asks the current question again, after a message that was no answer to it (an overlong text, /help). */
  async function promptStep(turn: Turn, dialogue: Dialogue): Promise<void> {
    const handler = dialogueHandlers.get(dialogue.flow);
    if (handler) await handler(turn, dialogue, { kind: "unsupported", what: "reprompt" });
  }

  async function dialogueInput(turn: Turn, dialogue: Dialogue, input: InboundInput): Promise<void> {
    turn.log = turn.log.child({ handler: `dialogue:${dialogue.flow}:${dialogue.step}` });
    const handler = dialogueHandlers.get(dialogue.flow);
    if (handler) return handler(turn, dialogue, input);
    // A flow nothing claims any more (an old release): let it go rather than trap the person.
    await endDialogue(db, turn.person.id);
    return staleButton(turn);
  }

  function profilePatch(data: DialogueData): ProfilePatch {
    const patch: ProfilePatch = {};
    if (data.fullName) patch.fullName = data.fullName;
    if (data.partyStatus) patch.partyStatus = data.partyStatus as ProfilePatch["partyStatus"];
    if (data.category) patch.category = data.category as ProfilePatch["category"];
    if ("phone" in data) patch.phone = data.phone ?? null;
    return patch;
  }

  async function beginCreateCell(turn: Turn): Promise<void> {
    const plan = ["cellName", "parentCommittee", ...(isProfileComplete(turn.person) ? [] : profileStepIds)];
    return createCellForm.start(turn, plan, {}, turn.t("create-cell-intro"));
  }

  async function finishCreateCell(turn: Turn, data: DialogueData): Promise<void> {
    const now = deps.now();
    const patch = profilePatch(data);
    if (Object.keys(patch).length > 0) await updateProfile(db, turn.person.id, patch);
    const cell = await createCell(db, {
      personId: turn.person.id,
      name: data.cellName!,
      parentCommittee: data.parentCommittee ?? null,
      timeZone: deps.settings.defaultTimeZone,
      now,
    });
    turn.log.info({ cellId: cell.id }, "cell created");
    const inv = await issueInvite(db, { cellId: cell.id, actorPersonId: turn.person.id, ttlDays: deps.settings.inviteTtlDays, now });
    await turn.reply({ text: turn.t("cell-created", { cell: cell.name }) });
    await turn.reply(views.invite(turn.t, cell, inv, inviteLink(turn, inv.code)));
  }

  async function beginJoinCode(turn: Turn): Promise<void> {
    return joinCodeForm.start(turn, ["inviteCode"], {});
  }

  async function beginJoin(turn: Turn, raw: string): Promise<void> {
    const code = normalizeInviteCode(raw);
    if (!code) {
      await turn.reply({ text: turn.t("invite-code-malformed") });
      return beginJoinCode(turn);
    }
    const found = await findInvite(db, code, deps.now());
    if (!found.ok) {
      await turn.reply({ text: turn.t(`invite-${found.reason}`) });
      return;
    }
    const existing = await db.membership.findUnique({ where: { cellId_personId: { cellId: found.cell.id, personId: turn.person.id } } });
    if (existing?.status === "active") {
      await turn.reply({ text: turn.t("join-already-member", { cell: found.cell.name }) });
      return;
    }
    if (existing?.status === "pending") {
      await turn.reply({ text: turn.t("join-already-pending", { cell: found.cell.name }) });
      return;
    }
    const p = turn.person;
    const data: DialogueData = { cellId: found.cell.id, cellName: found.cell.name, inviteId: found.inviteId };
    if (isProfileComplete(p)) {
      Object.assign(data, { fullName: p.fullName, partyStatus: p.partyStatus, category: p.category, phone: p.phone });
      return joinForm.start(turn, ["confirm"], data, turn.t("join-intro", { cell: found.cell.name }));
    }
    return joinForm.start(turn, [...profileStepIds, "confirm"], data, turn.t("join-intro", { cell: found.cell.name }));
  }

  async function finishJoin(turn: Turn, data: DialogueData): Promise<void> {
    const now = deps.now();
    // The invite may have been revoked while the member was typing: check again before asking.
    const inviteRow = await db.invite.findUnique({ where: { id: data.inviteId ?? "" } });
    if (!inviteRow || inviteRow.revokedAt || (inviteRow.expiresAt && inviteRow.expiresAt <= now)) {
      await turn.reply({ text: turn.t("invite-revoked") });
      return;
    }
    await updateProfile(db, turn.person.id, profilePatch(data));
    const outcome = await requestJoin(db, { personId: turn.person.id, cellId: data.cellId!, inviteId: inviteRow.id, now });
    if (outcome.kind === "already-member") return void (await turn.reply({ text: turn.t("join-already-member", { cell: data.cellName ?? "" }) }));
    if (outcome.kind === "already-pending") return void (await turn.reply({ text: turn.t("join-already-pending", { cell: data.cellName ?? "" }) }));
    await turn.reply({ text: turn.t("join-requested", { cell: data.cellName ?? "" }) });
    turn.log.info({ cellId: data.cellId }, "join requested");
    const request = await membershipById(db, outcome.membership.id);
    if (!request) return;
    for (const admin of await cellAdmins(db, request.cellId)) {
      await notifyPerson(deps, admin.personId, (t) => views.joinRequest(t, request, request.cell), "join-request");
    }
  }

  async function finishEditProfile(turn: Turn, data: DialogueData): Promise<void> {
    const field = (data._plan ?? "").split(",")[0] ?? "";
    const patch = profilePatch({ [field]: data[field] ?? null });
    const updated = await updateProfile(db, turn.person.id, patch);
    await audit(db, { actorPersonId: turn.person.id, targetPersonId: turn.person.id, action: "person.profile_changed", details: { field }, at: deps.now() });
    await turn.reply({ text: turn.t("profile-saved") });
    await turn.reply(views.profile(turn.t, updated));
  }

  const context: FeatureContext = {
    deps,
    withCell,
    staleButton,
    startDialogue: (turn, flow, step, data) => startDialogue(db, turn.person.id, flow, step, data),
  };
  // The core's own dialogues, run by the same form runner as the features'.
  const createCellForm = createForm(context, { flow: "create-cell", steps: coreSteps, finish: finishCreateCell });
  const joinCodeForm = createForm(context, {
    flow: "join-code",
    steps: coreSteps,
    validate: async (turn, _step, value) => {
      const code = value ? normalizeInviteCode(value) : null;
      if (!code) return turn.t("invite-code-malformed");
      const found = await findInvite(db, code, deps.now());
      return found.ok ? null : turn.t(`invite-${found.reason}`);
    },
    finish: (turn, data) => beginJoin(turn, data.inviteCode ?? ""),
  });
  const joinForm = createForm(context, {
    flow: "join",
    steps: coreSteps,
    // «Sửa lại» at the check goes back through the profile questions; «Gửi yêu cầu» finishes.
    next: (step, value) => (step === "confirm" ? (value === "edit" ? profileStepIds[0] : null) : undefined),
    onAnswer: async (_turn, step, value, data) => (step === "confirm" && value === "edit" ? { ...data, _plan: [...profileStepIds, "confirm"].join(",") } : data),
    finish: finishJoin,
  });
  const editProfileForm = createForm(context, { flow: "edit-profile", steps: coreSteps, finish: finishEditProfile });
  for (const form of [createCellForm, joinCodeForm, joinForm, editProfileForm]) dialogueHandlers.set(form.flow, form.handler);

  for (const factory of featureFactories) {
    const feature = factory(context);
    for (const [name, handler] of Object.entries(feature.commands ?? {})) {
      if (coreCommand(name) || featureCommands.has(name)) throw new Error(`Feature ${feature.name}: command "${name}" is taken`);
      featureCommands.set(name, handler);
    }
    for (const [prefix, handler] of Object.entries(feature.choices ?? {})) {
      if (corePrefixes.includes(prefix) || featureChoices.has(prefix)) throw new Error(`Feature ${feature.name}: prefix "${prefix}" is taken`);
      featureChoices.set(prefix, handler);
    }
    for (const [flow, handler] of Object.entries(feature.dialogues ?? {})) {
      if (dialogueHandlers.has(flow)) throw new Error(`Feature ${feature.name}: flow "${flow}" is taken`);
      dialogueHandlers.set(flow, handler);
    }
    for (const [kind, renderer] of Object.entries(feature.outbox ?? {})) {
      if (renderers.has(kind)) throw new Error(`Feature ${feature.name}: outbox kind "${kind}" is taken`);
      renderers.set(kind, renderer);
    }
    features.push(feature);
  }

  return { handle, commandNames: () => [...Object.keys(commandAliases), ...featureCommands.keys()], outboxRenderers: () => renderers,
    jobs: () => features.flatMap((f) => f.jobs ?? []),
  };
}
