import type { Translator } from "../../../i18n/index.ts";
import type { CellRecord } from "./cells.ts";
import type { Choice, OutboundMessage } from "../../contract/messages.ts";
import { adminRoles, type MembershipWithCell, type MembershipWithPerson, type Role } from "../../domain/members.ts";
import type { PersonRecord } from "../../domain/people.ts";
import { formatInviteCode } from "../../domain/validation.ts";

/** Pure renderers: data in, text and choices out. No I/O, no platform. */

const row = (label: string, data: string): Choice[] => [{ label, data }];

export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("vi-VN", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}

export function welcome(t: Translator): OutboundMessage {
  return {
    text: t("welcome"),
    choices: [row(t("button-create-cell"), "m:taochibo"), row(t("button-join-with-code"), "m:thamgia")],
  };
}

const isAdmin = (role: string) => adminRoles.includes(role as Role);

export function mainMenu(t: Translator, membership: MembershipWithCell, pendingCount: number, cellCount: number, featureItems: Choice[][] = []): OutboundMessage {
  const choices: Choice[][] = [...featureItems];
  if (isAdmin(membership.role)) {
    choices.push(row(t("button-members"), "m:thanhvien"));
    choices.push(row(t("button-pending", { count: pendingCount }), "m:choduyet"));
    choices.push(row(t("button-invite"), "m:moi"));
  }
  choices.push(row(t("button-profile"), "m:hoso"), row(t("button-language"), "m:ngonngu"));
  if (cellCount > 1) choices.push(row(t("button-switch-cell"), "m:chibo"));
  choices.push(row(t("button-help"), "m:help"));
  return {
    text: t("menu-title", { cell: membership.cell.name, role: t(`role-${membership.role}`) }),
    choices,
  };
}

export function help(t: Translator, membership: MembershipWithCell | null, hasPending: boolean, featureLines: string[] = []): OutboundMessage {
  if (!membership) return { text: t(hasPending ? "help-pending" : "help-newcomer") };
  const parts = [t("help-member", { cell: membership.cell.name }), ...featureLines];
  if (isAdmin(membership.role)) parts.push(t("help-admin"));
  if (membership.role === "secretary") parts.push(t("help-secretary"));
  return { text: parts.join("\n\n") };
}

export function profile(t: Translator, p: PersonRecord): OutboundMessage {
  return {
    text: t("profile-view", {
      fullName: p.fullName ?? t("profile-missing"),
      partyStatus: p.partyStatus ? t(`party-status-${p.partyStatus}`) : t("profile-missing"),
      category: p.category ? t(`category-${p.category}`) : t("profile-missing"),
      phone: p.phone ?? t("profile-no-phone"),
      language: t(`language-${p.locale}`),
    }),
    choices: [
      row(t("button-edit-full-name"), "p:fullName"),
      row(t("button-edit-party-status"), "p:partyStatus"),
      row(t("button-edit-category"), "p:category"),
      row(t("button-edit-phone"), "p:phone"),
    ],
  };
}

export function languageChoice(t: Translator): OutboundMessage {
  return { text: t("ask-language"), choices: [row(t("language-vi"), "l:vi"), row(t("language-en"), "l:en")] };
}

function memberLine(t: Translator, m: MembershipWithPerson, platforms: string[], withContact: boolean): string {
  const facts = [
    t(`role-${m.role}`),
    m.person.partyStatus ? t(`party-status-${m.person.partyStatus}`) : null,
    m.person.category ? t(`category-${m.person.category}`) : null,
    m.exempt ? t("member-exempt-mark") : null,
  ].filter(Boolean);
  const contact = withContact ? [m.person.phone, ...platforms.map((p) => t(`platform-${p}`))].filter(Boolean).join(", ") : "";
  return `${m.person.fullName ?? t("profile-missing")} · ${facts.join(" · ")}${contact ? `\n   ${t("member-contact", { contact })}` : ""}`;
}

export function memberList(
  t: Translator,
  cell: CellRecord,
  members: MembershipWithPerson[],
  platformsByPerson: Map<string, string[]>,
  viewerRole: string,
): OutboundMessage {
  const admin = isAdmin(viewerRole);
  const lines = members.map((m, i) => `${i + 1}. ${memberLine(t, m, platformsByPerson.get(m.personId) ?? [], admin)}`);
  return {
    text: `${t("members-title", { cell: cell.name, count: members.length })}\n\n${lines.join("\n")}`,
    choices: admin ? members.map((m, i) => row(t("button-manage-member", { n: i + 1, name: m.person.fullName ?? "?" }), `mm:${m.id}`)) : [],
  };
}

export function memberCard(t: Translator, m: MembershipWithPerson & { cell: CellRecord }, platforms: string[], viewer: { role: string; personId: string }): OutboundMessage {
  const text = `${t("member-card-title", { cell: m.cell.name })}\n${memberLine(t, m, platforms, true)}`;
  if (viewer.role !== "secretary" || m.personId === viewer.personId) return { text };
  const choices: Choice[][] = [];
  for (const [role, code] of [["deputy", "d"], ["committee", "c"], ["member", "m"]] as const) {
    if (m.role !== role) choices.push(row(t(`button-make-${role}`), `r:${m.id}:${code}`));
  }
  choices.push(row(t("button-transfer-secretary"), `tx:${m.id}`));
  choices.push(row(t(m.exempt ? "button-unexempt" : "button-exempt"), `ex:${m.id}:${m.exempt ? 0 : 1}`));
  choices.push(row(t("button-remove-member"), `rm:${m.id}`));
  return { text, choices };
}

export function joinRequest(t: Translator, m: MembershipWithPerson, cell: CellRecord): OutboundMessage {
  return {
    text: t("join-request-for-admin", {
      cell: cell.name,
      fullName: m.person.fullName ?? "?",
      partyStatus: m.person.partyStatus ? t(`party-status-${m.person.partyStatus}`) : "?",
      category: m.person.category ? t(`category-${m.person.category}`) : "?",
      phone: m.person.phone ?? t("profile-no-phone"),
    }),
    choices: [[{ label: t("button-approve"), data: `ap:${m.id}` }, { label: t("button-reject"), data: `rj:${m.id}` }]],
  };
}

export function invite(t: Translator, cell: CellRecord, inv: { code: string; expiresAt: Date | null } | null, link: string | undefined): OutboundMessage {
  if (!inv) {
    return { text: t("invite-none", { cell: cell.name }), choices: [row(t("button-invite-new"), `iv:new:${cell.id}`)] };
  }
  const lines = [t("invite-view", { cell: cell.name, code: formatInviteCode(inv.code) })];
  if (link) lines.push(t("invite-link", { link }));
  lines.push(inv.expiresAt ? t("invite-expires", { date: formatDate(inv.expiresAt, cell.timeZone) }) : t("invite-no-expiry"));
  lines.push(t("invite-how-to-share"));
  return {
    text: lines.join("\n"),
    choices: [row(t("button-invite-new"), `iv:new:${cell.id}`), row(t("button-invite-revoke"), `iv:off:${cell.id}`)],
  };
}

export function cellPicker(t: Translator, memberships: MembershipWithCell[], command: string): OutboundMessage {
  return {
    text: t("ask-which-cell"),
    choices: memberships.map((m) => row(m.cell.name, `c:${m.cellId}:${command}`)),
  };
}

export function confirm(t: Translator, questionKey: string, params: Record<string, string>, yesLabelKey: string, yesData: string): OutboundMessage {
  return { text: t(questionKey, params), choices: [row(t(yesLabelKey), yesData), row(t("button-no"), "x")] };
}
