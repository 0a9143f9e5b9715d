/** The committee's screens as text and choices: pure, no I/O, no platform. */
import type { Translator } from "../../../i18n/index.ts";
import type { Choice, OutboundMessage } from "../../contract/messages.ts";
import { menuChoice } from "../../kernel/home-views.ts";
import { isLeadRole, type CommitteeRecord, type OfficerPost } from "./access.ts";
import { buttons } from "./buttons.ts";
import { formatCommitteeCode } from "./code.ts";
import { pageSize, type CellRow, type OfficerRow } from "./queries.ts";
import type { LinkSubject } from "./services/links.ts";

const row = (c: Choice): Choice[] => [c];

/** ‹ Trang trước / Trang sau › for page `page` of `pages`: what exists of the two. */
export function pageNav(t: Translator, page: number, pages: number, make: (page: number, label: string) => Choice): Choice[] {
  const nav: Choice[] = [];
  if (page > 0) nav.push(make(page - 1, t("committee-page-previous")));
  if (page < pages - 1) nav.push(make(page + 1, t("committee-page-next")));
  return nav;
}

/** The same under a list of `pageSize` rows a page, one button a row. */
export function pager(t: Translator, page: number, total: number, make: (page: number, label: string) => Choice): Choice[][] {
  return pageNav(t, page, Math.max(1, Math.ceil(total / pageSize)), make).map((c) => [c]);
}

export function noCommittee(t: Translator): OutboundMessage {
  return { text: t("committee-none"), choices: [menuChoice(t("committee-button-create"), "taocapuy")] };
}

export function postPicker(t: Translator, posts: OfficerPost[]): OutboundMessage {
  return {
    text: t("committee-pick"),
    choices: posts.map((p) => row(buttons.home.choice(`${p.committee.name} (${t(`committee-role-${p.role}`)})`, { committeeId: p.committeeId }))),
  };
}

export function home(t: Translator, post: OfficerPost, s: { cells: number; pendingLinks: number; officers: number; parentName: string | null }, partRows: Choice[][]): OutboundMessage {
  const c = post.committee;
  const lead = isLeadRole(post.role);
  const lines = [
    t("committee-home", { name: c.name, role: t(`committee-role-${post.role}`), cells: s.cells, officers: s.officers }),
    s.parentName ? t("committee-home-parent", { parent: s.parentName }) : null,
    lead ? t("committee-home-code", { code: formatCommitteeCode(c.code) }) : null,
    lead && s.pendingLinks > 0 ? t("committee-home-pending", { count: s.pendingLinks }) : null,
  ].filter((l): l is string => l !== null);
  return {
    text: lines.join("\n"),
    choices: [
      ...partRows,
      row(buttons.cells.choice(t("committee-button-cells", { count: s.cells }), { committeeId: c.id, page: "0" })),
      ...(lead && s.pendingLinks > 0 ? [row(buttons.links.choice(t("committee-button-links", { count: s.pendingLinks }), { committeeId: c.id }))] : []),
      row(buttons.officers.choice(t("committee-button-officers"), { committeeId: c.id })),
    ],
  };
}

export function cellList(t: Translator, committee: CommitteeRecord, page: number, total: number, rows: CellRow[]): OutboundMessage {
  if (total === 0) return { text: t("committee-cells-empty", { name: committee.name, code: formatCommitteeCode(committee.code) }) };
  const lines = rows.map((r, i) => t("committee-cell-line", { n: page * pageSize + i + 1, cell: r.name, members: r.members, inCharge: r.inCharge ?? "-" }));
  return {
    text: [t("committee-cells-title", { name: committee.name, total }), ...lines].join("\n"),
    choices: [...pager(t, page, total, (p, label) => buttons.cells.choice(label, { committeeId: committee.id, page: String(p) })), row(buttons.home.choice(t("committee-button-back"), { committeeId: committee.id }))],
  };
}

export function officerList(t: Translator, committee: CommitteeRecord, officers: OfficerRow[], viewerRole: string): OutboundMessage {
  const secretary = viewerRole === "secretary";
  return {
    text: [
      t("committee-officers-title", { name: committee.name }),
      ...officers.map((o) => t("committee-officer-line", { name: o.name ?? "?", role: t(`committee-role-${o.role}`), cells: o.cellsInCharge })),
    ].join("\n"),
    choices: [
      ...(isLeadRole(viewerRole) ? officers.map((o) => row(buttons.officer.choice(o.name ?? "?", { officerId: o.id }))) : []),
      ...(secretary ? [row(buttons.appoint.choice(t("committee-button-appoint"), { committeeId: committee.id, page: "0" }))] : []),
      row(buttons.home.choice(t("committee-button-back"), { committeeId: committee.id })),
    ],
  };
}

export function officerCard(
  t: Translator,
  o: { id: string; personId: string; role: string; person: { fullName: string | null }; committee: CommitteeRecord; charges: { cell: { name: string } }[] },
  viewer: { role: string; personId: string },
): OutboundMessage {
  const secretary = viewer.role === "secretary" && o.personId !== viewer.personId && o.role !== "secretary";
  const cells = o.charges.map((c) => c.cell.name).join(", ");
  return {
    text: t("committee-officer-card", { name: o.person.fullName ?? "?", role: t(`committee-role-${o.role}`), committee: o.committee.name, cells: cells || "-" }),
    choices: [
      ...(isLeadRole(viewer.role) ? [row(buttons.charges.choice(t("committee-button-charges"), { officerId: o.id, page: "0" }))] : []),
      ...(secretary
        ? [
            row(o.role === "deputy" ? buttons.officerRole.choice(t("committee-button-make-member"), { officerId: o.id, role: "m" }) : buttons.officerRole.choice(t("committee-button-make-deputy"), { officerId: o.id, role: "d" })),
            row(buttons.endPost.choice(t("committee-button-end-post"), { officerId: o.id })),
          ]
        : []),
      row(buttons.officers.choice(t("committee-button-back"), { committeeId: o.committee.id })),
    ],
  };
}

export function chargePicker(t: Translator, officer: { id: string; name: string | null }, page: number, total: number, rows: CellRow[], theirs: Set<string>): OutboundMessage {
  return {
    text: t("committee-charges-title", { name: officer.name ?? "?" }),
    choices: [
      ...rows.map((r) =>
        row(buttons.charge.choice(`${theirs.has(r.id) ? "✓ " : ""}${r.name}${!theirs.has(r.id) && r.inCharge ? ` (${r.inCharge})` : ""}`, { officerId: officer.id, cellId: r.id, assign: theirs.has(r.id) ? "0" : "1" })),
      ),
      ...pager(t, page, total, (p, label) => buttons.charges.choice(label, { officerId: officer.id, page: String(p) })),
      row(buttons.officer.choice(t("committee-button-back"), { officerId: officer.id })),
    ],
  };
}

export function appointCells(t: Translator, committee: CommitteeRecord, page: number, total: number, rows: CellRow[]): OutboundMessage {
  if (total === 0) return { text: t("committee-appoint-no-cells") };
  return {
    text: t("committee-appoint-pick-cell"),
    choices: [
      ...rows.map((r) => row(buttons.appointCell.choice(r.name, { cellId: r.id, page: "0" }))),
      ...pager(t, page, total, (p, label) => buttons.appoint.choice(label, { committeeId: committee.id, page: String(p) })),
    ],
  };
}

export function appointMembers(t: Translator, committeeId: string, cell: { id: string; name: string }, page: number, total: number, rows: { personId: string; name: string | null }[]): OutboundMessage {
  return {
    text: t("committee-appoint-pick-person", { cell: cell.name }),
    choices: [
      ...rows.map((r) => row(buttons.appointPerson.choice(r.name ?? "?", { committeeId, personId: r.personId }))),
      ...pager(t, page, total, (p, label) => buttons.appointCell.choice(label, { cellId: cell.id, page: String(p) })),
    ],
  };
}

export function appointRole(t: Translator, committeeId: string, person: { id: string; name: string | null }): OutboundMessage {
  return {
    text: t("committee-appoint-pick-role", { name: person.name ?? "?" }),
    choices: [
      row(buttons.appointRole.choice(t("committee-role-deputy"), { personId: person.id, committeeId, role: "d" })),
      row(buttons.appointRole.choice(t("committee-role-member"), { personId: person.id, committeeId, role: "m" })),
    ],
  };
}

/** A link request as the committee's secretary or deputy sees it, with the decision. */
export function linkRequest(t: Translator, s: LinkSubject, requesterName: string | null, suggestion?: string | null): OutboundMessage {
  const what = s.cell ? t("committee-link-what-cell", { cell: s.cell.name }) : t("committee-link-what-committee", { name: s.child?.name ?? "?" });
  const typed = suggestion ? `\n${t("committee-link-typed-name", { typed: suggestion })}` : "";
  return {
    text: `${t("committee-link-request", { what, committee: s.committee.name, by: requesterName ?? "?" })}${typed}`,
    choices: [row(buttons.approveLink.choice(t("committee-button-approve"), { linkId: s.link.id })), row(buttons.rejectLink.choice(t("committee-button-reject"), { linkId: s.link.id }))],
  };
}

/** The cell's side: under which committee it is, or how to link it. */
export function cellLinkStatus(
  t: Translator,
  cell: { id: string; name: string; parentCommittee: string | null },
  current: CommitteeRecord | null,
  pending: CommitteeRecord[],
  suggestions: CommitteeRecord[],
): OutboundMessage {
  if (current) {
    return {
      text: t("committee-cell-linked", { cell: cell.name, committee: current.name }),
      choices: [row(buttons.endLink.choice(t("committee-button-end-link"), { cellId: cell.id }))],
    };
  }
  const lines = [t("committee-cell-unlinked", { cell: cell.name })];
  if (pending.length > 0) lines.push(t("committee-cell-pending", { committees: pending.map((p) => p.name).join(", ") }));
  if (cell.parentCommittee) lines.push(t("committee-cell-typed", { typed: cell.parentCommittee }));
  if (suggestions.length > 0) lines.push(t("committee-cell-suggest"));
  return {
    text: lines.join("\n\n"),
    choices: [
      ...suggestions.map((s) => row(buttons.askLink.choice(t("committee-button-ask", { name: s.name, code: formatCommitteeCode(s.code) }), { cellId: cell.id, committeeId: s.id }))),
      row(buttons.enterCode.choice(t("committee-button-enter-code"), { cellId: cell.id })),
    ],
  };
}

export function confirm(t: Translator, key: string, params: Record<string, string>, yes: Choice): OutboundMessage {
  return { text: t(key, params), choices: [row(yes)] };
}
