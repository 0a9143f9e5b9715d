/**
 * The committee above the cells (đảng ủy cơ sở, or a district committee): created in the bot, cells
 * linked with its code and an officer's approval, officers appointed and put in charge of cells.
 * Its parts (the roll-up, rounds and notices from above) add their screens to its home.
 */
import type { Translator } from "../../../i18n/index.ts";
import { notifyPerson } from "../../delivery/notify.ts";
import { cellAdmins, isAdminRole, type MembershipWithCell } from "../../domain/members.ts";
import { DomainError } from "../../domain/errors.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import { on, type Feature, type FeatureFactory, type Turn } from "../../kernel/feature.ts";
import { committeeLeads, postsOf, requirePost } from "./access.ts";
import { committeeActions } from "./actions/index.ts";
import { buttons } from "./buttons.ts";
import { formatCommitteeCode } from "./code.ts";
import type { CommitteePart, CommitteePartFactory, CommitteeShared } from "./part.ts";
import { rollupPart } from "./rollup/index.ts";
import { cellPage, committeeSummary, memberPage, officerCard, officerList } from "./queries.ts";
import { committeeByCode, createCommittee } from "./services/committees.ts";
import { decideLink, endCellLink, pendingLinks, requestCellLink, subjectOf, type LinkSubject } from "./services/links.ts";
import { appointOfficer, endOfficer, setCharge } from "./services/officers.ts";
import { committeeSteps } from "./steps.ts";
import * as views from "./views.ts";

/** The parts built on the committee, in the order their rows appear on its home. */
const parts: CommitteePartFactory[] = [rollupPart, committeeActions];

export function createCommitteesFeature(extraParts: CommitteePartFactory[] = parts): FeatureFactory {
  return (ctx) => {
    const { db } = ctx.deps;
    const now = () => ctx.deps.now();

    async function showHome(turn: Turn, committeeId: string): Promise<void> {
      const post = await requirePost(db, turn.person.id, committeeId);
      const summary = await committeeSummary(db, committeeId);
      await turn.reply(views.home(turn.t, post, summary, built.flatMap((p) => p.homeRows?.(turn.t, post) ?? [])));
    }

    const shared: CommitteeShared = { showHome };
    const built: CommitteePart[] = extraParts.map((factory) => factory(ctx, shared));

    async function openCommittees(turn: Turn): Promise<void> {
      const posts = await postsOf(db, turn.person.id);
      if (posts.length === 0) return turn.reply(views.noCommittee(turn.t));
      if (posts.length === 1) return showHome(turn, posts[0]!.committeeId);
      await turn.reply(views.postPicker(turn.t, posts));
    }

    /** Tells the committee's secretary and deputies of a link request, with the decision. */
    async function tellLeads(subject: LinkSubject, requesterName: string | null, typed: string | null): Promise<void> {
      for (const lead of await committeeLeads(db, subject.committee.id)) {
        await notifyPerson(ctx.deps, lead.personId, (t) => views.linkRequest(t, subject, requesterName, typed), "committee-link-request");
      }
    }

    async function askLink(turn: Turn, cellId: string, committeeId: string): Promise<void> {
      const outcome = await requestCellLink(db, { actorId: turn.person.id, cellId, committeeId, now: now() });
      if (outcome.kind === "already-linked") return turn.reply({ text: turn.t("committee-link-already", { committee: outcome.committee.name }) });
      if (outcome.kind === "already-pending") return turn.reply({ text: turn.t("committee-link-already-pending", { committee: outcome.committee.name }) });
      turn.log.info({ cellId, committeeId }, "committee link requested");
      await turn.reply({ text: turn.t("committee-link-requested", { cell: outcome.cell.name, committee: outcome.committee.name }) });
      const cell = await db.cell.findUnique({ where: { id: cellId }, select: { parentCommittee: true } });
      await tellLeads({ link: outcome.link, committee: outcome.committee, cell: outcome.cell, child: null }, turn.person.fullName, cell?.parentCommittee ?? null);
    }

    /** A typed committee code (the step has checked its shape) must name a committee in the bot. */
    const knownCode = (codeStep: string) => async (turn: Turn, step: string, value: string | null) =>
      step === codeStep && value && !(await committeeByCode(db, value)) ? turn.t("committee-code-unknown") : null;

    const createForm = ctx.form({
      flow: "create-committee",
      resumedBy: ["taocapuy"],
      steps: committeeSteps,
      validate: knownCode("parentCode"),
      finish: async (turn, data) => {
        const parent = data.parentCode ? await committeeByCode(db, data.parentCode) : null;
        const { committee, parentRequest } = await createCommittee(db, { personId: turn.person.id, name: data.committeeName!, parentId: parent?.id ?? null, timeZone: ctx.deps.settings.defaultTimeZone, now: now() });
        turn.log.info({ committeeId: committee.id }, "committee created");
        await turn.reply({ text: turn.t("committee-created", { name: committee.name, code: formatCommitteeCode(committee.code) }) });
        if (parentRequest) {
          await turn.reply({ text: turn.t("committee-parent-requested", { parent: parentRequest.parent.name }) });
          await tellLeads(await subjectOf(db, parentRequest.linkId), turn.person.fullName, null);
        }
        await showHome(turn, committee.id);
      },
    });

    const linkCodeForm = ctx.form({
      flow: "committee-link-code",
      resumedBy: ["capuytren"],
      steps: committeeSteps,
      validate: knownCode("linkCode"),
      finish: async (turn, data) => {
        const committee = await committeeByCode(db, data.linkCode ?? "");
        if (!committee) return turn.reply({ text: turn.t("committee-code-unknown") });
        await askLink(turn, data.cellId ?? "", committee.id);
      },
    });

    /** The cell's side: which committee it is under, or how to link it (with its typed name as a hint). */
    async function cellLink(turn: Turn, m: MembershipWithCell): Promise<void> {
      if (!isAdminRole(m.role)) throw new DomainError("not-allowed");
      const cell = await db.cell.findUniqueOrThrow({ where: { id: m.cellId }, include: { committee: true } });
      const pending = await db.committeeLink.findMany({ where: { cellId: cell.id, status: "pending" }, include: { committee: true } });
      const typed = cell.parentCommittee?.trim() ?? "";
      const suggestions = !cell.committee && typed ? (await db.committee.findMany({ where: { name: typed }, take: 3, orderBy: { createdAt: "asc" } })).filter((c) => !pending.some((p) => p.committeeId === c.id)) : [];
      await turn.reply(views.cellLinkStatus(turn.t, cell, cell.committee, pending.map((p) => p.committee), suggestions));
    }

    async function decide(turn: Turn, linkId: string, approve: boolean): Promise<void> {
      const outcome = await decideLink(db, { actorId: turn.person.id, linkId, approve, now: now() });
      const s = outcome.subject;
      const what = (t: Translator) => (s.cell ? t("committee-link-what-cell", { cell: s.cell.name }) : t("committee-link-what-committee", { name: s.child?.name ?? "?" }));
      if (outcome.kind === "already-decided") {
        return turn.reply({ text: turn.t("committee-link-already-decided", { what: what(turn.t), status: turn.t(`committee-link-status-${s.link.status}`), by: outcome.decidedByName ?? "?" }) });
      }
      await turn.reply({ text: turn.t(approve ? "committee-link-approved" : "committee-link-rejected", { what: what(turn.t), committee: s.committee.name }) });
      // The asking side: the cell's secretary and deputy, or the lower committee's.
      const told = s.cell ? (await cellAdmins(db, s.cell.id)).map((a) => a.personId) : s.child ? (await committeeLeads(db, s.child.id)).map((l) => l.personId) : [];
      for (const personId of told) {
        await notifyPerson(ctx.deps, personId, (t) => ({ text: t(approve ? "committee-link-approved-for-cell" : "committee-link-rejected-for-cell", { what: what(t), committee: s.committee.name }) }), "committee-link-decided");
      }
    }

    async function showOfficer(turn: Turn, officerId: string): Promise<void> {
      const card = await officerCard(db, officerId);
      if (!card) throw new DomainError("not-found");
      const viewer = await requirePost(db, turn.person.id, card.committeeId);
      await turn.reply(views.officerCard(turn.t, card, { role: viewer.role, personId: turn.person.id }));
    }

    async function showCharges(turn: Turn, officerId: string, page: number): Promise<void> {
      const card = await officerCard(db, officerId);
      if (!card || card.status !== "active") throw new DomainError("not-found");
      await requirePost(db, turn.person.id, card.committeeId, ["secretary", "deputy"]);
      const { total, rows } = await cellPage(db, card.committeeId, page);
      await turn.reply(views.chargePicker(turn.t, { id: card.id, name: card.person.fullName }, page, total, rows, new Set(card.charges.map((c) => c.cell.id))), { replacePressed: true });
    }

    async function appoint(turn: Turn, personId: string, committeeId: string, role: "deputy" | "member"): Promise<void> {
      const outcome = await appointOfficer(db, { actorId: turn.person.id, committeeId, personId, role, now: now() });
      const roleName = (t: Translator) => t(`committee-role-${role}`);
      await turn.reply({ text: turn.t(outcome.changed ? "committee-appointed" : "committee-appointed-unchanged", { name: outcome.personName ?? "?", role: roleName(turn.t), committee: outcome.committeeName }) });
      if (outcome.changed) {
        await notifyPerson(ctx.deps, personId, (t) => ({ text: t("committee-appointed-for-person", { role: roleName(t), committee: outcome.committeeName }), choices: [menuChoice(t("committee-button-open"), "capuy")] }), "committee-appointed");
      }
    }

    const feature: Feature = {
      name: "committees",
      commands: [
        { name: "capuy", menuRank: 95, run: openCommittees },
        { name: "taocapuy", menuRank: 205, run: (turn) => createForm.start(turn, ["committeeName", "parentCode"], {}, turn.t("committee-create-intro")) },
        { name: "capuytren", menuRank: 145, run: (turn) => ctx.withCell(turn, "capuytren", (m) => cellLink(turn, m)) },
      ],
      buttons: [
        on(buttons.home, (turn, { committeeId }) => showHome(turn, committeeId)),
        on(buttons.cells, async (turn, { committeeId, page }) => {
          const post = await requirePost(db, turn.person.id, committeeId);
          const { total, rows } = await cellPage(db, committeeId, page);
          await turn.reply(views.cellList(turn.t, post.committee, page, total, rows));
        }),
        on(buttons.officers, async (turn, { committeeId }) => {
          const post = await requirePost(db, turn.person.id, committeeId);
          await turn.reply(views.officerList(turn.t, post.committee, await officerList(db, committeeId), post.role));
        }),
        on(buttons.officer, (turn, { officerId }) => showOfficer(turn, officerId)),
        on(buttons.officerRole, async (turn, { officerId, role }) => {
          const card = await officerCard(db, officerId);
          if (!card) throw new DomainError("not-found");
          await appoint(turn, card.personId, card.committeeId, role);
        }),
        on(buttons.endPost, async (turn, { officerId }) => {
          const card = await officerCard(db, officerId);
          if (!card) throw new DomainError("not-found");
          await requirePost(db, turn.person.id, card.committeeId, ["secretary"]);
          await turn.reply(views.confirm(turn.t, "committee-end-post-confirm", { name: card.person.fullName ?? "?" }, buttons.endPostConfirm.choice(turn.t("committee-button-end-post"), { officerId })));
        }),
        on(buttons.endPostConfirm, async (turn, { officerId }) => {
          const ended = await endOfficer(db, { actorId: turn.person.id, officerId, now: now() });
          if (!ended) return turn.reply({ text: turn.t("committee-post-already-ended") });
          await turn.reply({ text: turn.t("committee-post-ended", { name: ended.personName ?? "?", committee: ended.committeeName }) });
          await notifyPerson(ctx.deps, ended.personId, (t) => ({ text: t("committee-post-ended-for-person", { committee: ended.committeeName }) }), "committee-post-ended");
        }),
        on(buttons.charges, (turn, { officerId, page }) => showCharges(turn, officerId, page)),
        on(buttons.charge, async (turn, { officerId, cellId, assign }) => {
          await setCharge(db, { actorId: turn.person.id, officerId, cellId, assign, now: now() });
          await showCharges(turn, officerId, 0);
        }),
        on(buttons.appoint, async (turn, { committeeId, page }) => {
          const post = await requirePost(db, turn.person.id, committeeId, ["secretary"]);
          const { total, rows } = await cellPage(db, committeeId, page);
          await turn.reply(views.appointCells(turn.t, post.committee, page, total, rows));
        }),
        on(buttons.appointCell, async (turn, { cellId, page }) => {
          const cell = await db.cell.findUnique({ where: { id: cellId }, select: { id: true, name: true, committeeId: true } });
          if (!cell?.committeeId) throw new DomainError("not-found");
          await requirePost(db, turn.person.id, cell.committeeId, ["secretary"]);
          const { total, rows } = await memberPage(db, cell.id, page);
          await turn.reply(views.appointMembers(turn.t, cell.committeeId, cell, page, total, rows));
        }),
        on(buttons.appointPerson, async (turn, { committeeId, personId }) => {
          await requirePost(db, turn.person.id, committeeId, ["secretary"]);
          const person = await db.person.findUnique({ where: { id: personId }, select: { id: true, fullName: true } });
          if (!person) throw new DomainError("not-found");
          await turn.reply(views.appointRole(turn.t, committeeId, { id: person.id, name: person.fullName }));
        }),
        on(buttons.appointRole, (turn, { personId, committeeId, role }) => appoint(turn, personId, committeeId, role)),
        on(buttons.links, async (turn, { committeeId }) => {
          await requirePost(db, turn.person.id, committeeId, ["secretary", "deputy"]);
          const links = await pendingLinks(db, committeeId);
          if (links.length === 0) return turn.reply({ text: turn.t("committee-links-none") });
          for (const s of links) {
            const by = await db.person.findUnique({ where: { id: s.link.requestedById }, select: { fullName: true } });
            const typed = s.cell ? (await db.cell.findUnique({ where: { id: s.cell.id }, select: { parentCommittee: true } }))?.parentCommittee : null;
            await turn.reply(views.linkRequest(turn.t, s, by?.fullName ?? null, typed ?? null));
          }
        }),
        on(buttons.approveLink, (turn, { linkId }) => decide(turn, linkId, true)),
        on(buttons.rejectLink, (turn, { linkId }) => decide(turn, linkId, false)),
        on(buttons.askLink, (turn, { cellId, committeeId }) => askLink(turn, cellId, committeeId)),
        on(buttons.enterCode, async (turn, { cellId }) => {
          const m = await db.membership.findUnique({ where: { cellId_personId: { cellId, personId: turn.person.id } } });
          if (m?.status !== "active" || !isAdminRole(m.role)) throw new DomainError("not-allowed");
          await linkCodeForm.start(turn, ["linkCode"], { cellId });
        }),
        on(buttons.endLink, async (turn, { cellId }) => {
          const cell = await db.cell.findUnique({ where: { id: cellId }, include: { committee: true } });
          if (!cell?.committee) return turn.reply({ text: turn.t("committee-cell-not-linked") });
          await turn.reply(views.confirm(turn.t, "committee-end-link-confirm", { cell: cell.name, committee: cell.committee.name }, buttons.endLinkConfirm.choice(turn.t("committee-button-end-link"), { cellId })));
        }),
        on(buttons.endLinkConfirm, async (turn, { cellId }) => {
          const ended = await endCellLink(db, { actorId: turn.person.id, cellId, now: now() });
          if (!ended) return turn.reply({ text: turn.t("committee-cell-not-linked") });
          await turn.reply({ text: turn.t("committee-link-ended", { cell: ended.cell.name, committee: ended.committee.name }) });
          for (const lead of await committeeLeads(db, ended.committee.id)) {
            await notifyPerson(ctx.deps, lead.personId, (t) => ({ text: t("committee-link-ended-for-committee", { cell: ended.cell.name, committee: ended.committee.name }) }), "committee-link-ended");
          }
        }),
        ...built.flatMap((p) => p.buttons ?? []),
      ],
      dialogues: [createForm, linkCodeForm, ...built.flatMap((p) => p.dialogues ?? [])],
      menu: async (turn, m) => {
        const posts = await postsOf(db, turn.person.id);
        const rows = posts.length > 0 ? [menuChoice(turn.t("committee-button-menu"), "capuy")] : [];
        return m && isAdminRole(m.role) ? [...rows, menuChoice(turn.t("committee-button-cell-link"), "capuytren")] : rows;
      },
      help: (t, m) => [isAdminRole(m.role) ? t("committee-help-cell") : null, t("committee-help"), ...built.map((p) => p.help?.(t) ?? null)].filter(Boolean).join("\n") || null,
      outbox: Object.assign({}, ...built.map((p) => p.outbox ?? {})),
      documents: Object.assign({}, ...built.map((p) => p.documents ?? {})),
      jobs: built.flatMap((p) => p.jobs ?? []),
    };
    return feature;
  };
}



export const committeesFeature: FeatureFactory = createCommitteesFeature();
