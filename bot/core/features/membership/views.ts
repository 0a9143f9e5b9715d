import type { Translator } from "../../../i18n/index.ts";
import type { Choice, OutboundMessage, Platform } from "../../contract/messages.ts";
import { adminRoles, type MembershipWithPerson, type Role } from "../../domain/members.ts";
import type { PersonRecord } from "../../domain/people.ts";
import { formatInviteCode } from "../../domain/validation.ts";
import { type CellRecord } from "../../domain/cells.ts";
import { cancelButton } from "../../kernel/dialogue/steps.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import { buttons } from "./buttons.ts";
import type { Contact } from "./queries.ts";
import { refusalText, type PastRefusal } from "./refusals.ts";

/** Pure renderers: data in, text and choices out. No I/O, no platform. */

const row = (choice: Choice): Choice[] => [choice];

export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("vi-VN", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}

const isAdmin = (role: string) => adminRoles.includes(role as Role);

/** The person's details; the two the year-end review needs are shown once the person has them. */
export function profile(t: Translator, p: PersonRecord & { holdsPost?: boolean | null; admittedAt?: Date | null }): OutboundMessage {
  const known = p.holdsPost != null || p.admittedAt != null;
  const review = known
    ? `\n${t("profile-view-review", {
        holdsPost: p.holdsPost == null ? t("profile-missing") : t(p.holdsPost ? "profile-holds-post-yes" : "profile-holds-post-no"),
        admittedAt: p.admittedAt ? `${p.admittedAt.getUTCMonth() + 1}/${p.admittedAt.getUTCFullYear()}` : t("profile-missing"),
      })}`
    : "";
  return {
    text: `${t("profile-view", {
      fullName: p.fullName ?? t("profile-missing"),
      partyStatus: p.partyStatus ? t(`party-status-${p.partyStatus}`) : t("profile-missing"),
      category: p.category ? t(`category-${p.category}`) : t("profile-missing"),
      phone: p.phone ?? t("profile-no-phone"),
      language: t(`language-${p.locale}`),
    })}${review}`,
    choices: [
      row(buttons.editProfile.choice(t("button-edit-full-name"), { field: "fullName" })),
      row(buttons.editProfile.choice(t("button-edit-party-status"), { field: "partyStatus" })),
      row(buttons.editProfile.choice(t("button-edit-category"), { field: "category" })),
      row(buttons.editProfile.choice(t("button-edit-phone"), { field: "phone" })),
      ...(known
        ? [row(buttons.editProfile.choice(t("button-edit-holds-post"), { field: "holdsPost" })), row(buttons.editProfile.choice(t("button-edit-admitted-at"), { field: "admittedAt" }))]
        : []),
    ],
  };
}

export function languageChoice(t: Translator): OutboundMessage {
  return { text: t("ask-language"), choices: [row(buttons.language.choice(t("language-vi"), { locale: "vi" })), row(buttons.language.choice(t("language-en"), { locale: "en" }))] };
}

/** Who reads a contact, and whether it is one member's card (every way to reach them) or the list. */
export interface ContactView {
  platform: Platform;
  full: boolean;
}

/**
 * How to reach a member outside the bot, as the reader's messenger allows. On Telegram a member's
 * Telegram account opens with a tg://user link; on Zalo nothing opens a chat with someone's
 * account of this bot, so the reader is told the phone number, or that there is none.
 */
function contactText(t: Translator, phone: string | null, contacts: Contact[], view: ContactView): string {
  if (view.platform !== "telegram") {
    const uses = contacts.length ? [t("contact-uses", { platforms: contacts.map((c) => t(`platform-${c.platform}`)).join(", ") })] : [];
    return [phone ?? t("contact-no-phone"), ...uses].join(", ");
  }
  // In the list a phone number is enough to tap; the card gives every way.
  const parts = contacts.map((c) => (c.platform === "telegram" && (view.full || !phone) ? t("contact-telegram-chat", { id: c.userId }) : t(`platform-${c.platform}`)));
  if (!phone && !contacts.some((c) => c.platform === "telegram")) parts.push(t("contact-no-phone"));
  return [phone, ...parts].filter(Boolean).join(", ");
}

function memberLine(t: Translator, m: MembershipWithPerson, contacts: Contact[], view: ContactView | null): string {
  const facts = [
    t(`role-${m.role}`),
    m.person.partyStatus ? t(`party-status-${m.person.partyStatus}`) : null,
    m.person.category ? t(`category-${m.person.category}`) : null,
    m.exempt ? t("member-exempt-mark") : null,
  ].filter(Boolean);
  const contact = view ? contactText(t, m.person.phone, contacts, view) : "";
  return `${m.person.fullName ?? t("profile-missing")} · ${facts.join(" · ")}${contact ? `\n   ${t("member-contact", { contact })}` : ""}`;
}

/** Contact details are the secretary's and deputy's only; `platform` is the reader's messenger. */
export function memberList(t: Translator, cell: CellRecord, members: MembershipWithPerson[], contactsByPerson: Map<string, Contact[]>, viewerRole: string, platform: Platform): OutboundMessage {
  const admin = isAdmin(viewerRole);
  const view = admin ? { platform, full: false } : null;
  const lines = members.map((m, i) => `${i + 1}. ${memberLine(t, m, contactsByPerson.get(m.personId) ?? [], view)}`);
  return {
    text: `${t("members-title", { cell: cell.name, count: members.length })}\n\n${lines.join("\n")}`,
    choices: admin ? members.map((m, i) => row(buttons.card.choice(t("button-manage-member", { n: i + 1, name: m.person.fullName ?? "?" }), { membershipId: m.id }))) : [],
  };
}

export function memberCard(t: Translator, m: MembershipWithPerson & { cell: CellRecord }, contacts: Contact[], viewer: { role: string; personId: string; platform: Platform }): OutboundMessage {
  const text = `${t("member-card-title", { cell: m.cell.name })}\n${memberLine(t, m, contacts, { platform: viewer.platform, full: true })}`;
  if (viewer.role !== "secretary" || m.personId === viewer.personId) return { text };
  const choices: Choice[][] = [];
  for (const [role, code] of [["deputy", "d"], ["committee", "c"], ["member", "m"]] as const) {
    if (m.role !== role) choices.push(row(buttons.role.choice(t(`button-make-${role}`), { membershipId: m.id, role: code })));
  }
  choices.push(row(buttons.transfer.choice(t("button-transfer-secretary"), { membershipId: m.id })));
  choices.push(row(buttons.exempt.choice(t(m.exempt ? "button-unexempt" : "button-exempt"), { membershipId: m.id, exempt: m.exempt ? "0" : "1" })));
  choices.push(row(buttons.remove.choice(t("button-remove-member"), { membershipId: m.id })));
  return { text, choices };
}

/** A request as the secretary sees it, with the cell's earlier refusals of the same person. */
/**
 * A join request, for the secretary and deputy. `others` are the other requests still waiting: the
 * newest message carries their choices too, named, so that where a typed number answers only the
 * most recent message that asked (Zalo), every request can still be decided from it.
 */
export function joinRequest(t: Translator, m: MembershipWithPerson, cell: CellRecord, refusals: PastRefusal[] = [], others: MembershipWithPerson[] = []): OutboundMessage {
  const text = t("join-request-for-admin", {
    cell: cell.name,
    fullName: m.person.fullName ?? "?",
    partyStatus: m.person.partyStatus ? t(`party-status-${m.person.partyStatus}`) : "?",
    category: m.person.category ? t(`category-${m.person.category}`) : "?",
    phone: m.person.phone ?? t("profile-no-phone"),
  });
  const history = refusals.map((r) =>
    t("request-refused-line", { date: formatDate(r.at, cell.timeZone), by: r.byName ?? "?", reason: refusalText(t, r.refusal) ?? t("reject-reason-none") }),
  );
  const body = history.length ? `${text}\n\n${t("request-refused-before")}\n${history.join("\n")}` : text;
  const own = [buttons.approve.choice(t("button-approve"), { membershipId: m.id }), buttons.reject.choice(t("button-reject"), { membershipId: m.id })];
  if (others.length === 0) return { text: body, choices: [own] };
  const named = others.map((o) => {
    const name = o.person.fullName ?? "?";
    return [buttons.approve.choice(t("button-approve-named", { name }), { membershipId: o.id }), buttons.reject.choice(t("button-reject-named", { name }), { membershipId: o.id })];
  });
  return { text: `${body}\n\n${t("requests-others-waiting", { count: others.length })}`, choices: [own, ...named] };
}

export function invite(t: Translator, cell: CellRecord, inv: { code: string; expiresAt: Date | null } | null, link: string | undefined): OutboundMessage {
  if (!inv) {
    return { text: t("invite-none", { cell: cell.name }), choices: [row(buttons.invite.choice(t("button-invite-new"), { action: "new", cellId: cell.id }))] };
  }
  const lines = [t("invite-view", { cell: cell.name, code: formatInviteCode(inv.code) })];
  if (link) lines.push(t("invite-link", { link }));
  lines.push(inv.expiresAt ? t("invite-expires", { date: formatDate(inv.expiresAt, cell.timeZone) }) : t("invite-no-expiry"));
  lines.push(t("invite-how-to-share"));
  return {
    text: lines.join("\n"),
    choices: [row(buttons.invite.choice(t("button-invite-new"), { action: "new", cellId: cell.id })), row(buttons.invite.choice(t("button-invite-revoke"), { action: "off", cellId: cell.id }))],
  };
}

/** A yes/no question before an action that cannot be undone; «Không» is the kernel's cancel. */
export function confirm(t: Translator, questionKey: string, params: Record<string, string>, yes: Choice): OutboundMessage {
  return { text: t(questionKey, params), choices: [row(yes), row(cancelButton.choice(t("button-no"), {}))] };
}

/** The person's welcome rows, for someone in no cell yet. */
export const welcomeRows = (t: Translator): Choice[][] => [menuChoice(t("button-create-cell"), "taochibo"), menuChoice(t("button-join-with-code"), "thamgia")];

/** The main menu's rows of this feature. */
export function menuRows(t: Translator, role: string, pendingCount: number): Choice[][] {
  const rows: Choice[][] = [];
  if (isAdmin(role)) rows.push(menuChoice(t("button-members"), "thanhvien"), menuChoice(t("button-pending", { count: pendingCount }), "choduyet"), menuChoice(t("button-invite"), "moi"));
  rows.push(menuChoice(t("button-profile"), "hoso"), menuChoice(t("button-language"), "ngonngu"));
  return rows;
}
