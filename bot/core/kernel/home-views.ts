/** The kernel's own screens: the welcome, the main menu, /help and the cell picker. Pure: data in, text and choices out. */
import { z } from "zod";
import type { Translator } from "../../i18n/index.ts";
import type { Choice, OutboundMessage } from "../contract/messages.ts";
import type { MembershipWithCell } from "../domain/members.ts";
import { buttonValue, defineButton } from "./buttons.ts";

const command = z.string().regex(/^[a-z0-9_]{1,32}$/);

/** Opens a command, as if typed: the menu's buttons. The menu stays, to be used again. */
export const menuButton = defineButton("m", { command }, { keep: true });
/** Runs a command in the chosen cell (for someone in several cells). */
export const cellButton = defineButton("c", { cellId: buttonValue.id, command });

export const menuChoice = (label: string, commandName: string): Choice[] => [menuButton.choice(label, { command: commandName })];

export function welcome(t: Translator, rows: Choice[][]): OutboundMessage {
  return { text: t("welcome"), choices: rows };
}

export function mainMenu(t: Translator, membership: MembershipWithCell, featureRows: Choice[][], cellCount: number): OutboundMessage {
  const choices: Choice[][] = [...featureRows];
  if (cellCount > 1) choices.push(menuChoice(t("button-switch-cell"), "chibo"));
  choices.push(menuChoice(t("button-help"), "help"));
  return { text: t("menu-title", { cell: membership.cell.name, role: t(`role-${membership.role}`) }), choices };
}

export function help(t: Translator, membership: MembershipWithCell | null, hasPending: boolean, featureLines: string[]): OutboundMessage {
  if (!membership) return { text: t(hasPending ? "help-pending" : "help-newcomer") };
  return { text: [t("help-member", { cell: membership.cell.name }), ...featureLines].join("\n\n") };
}

export function cellPicker(t: Translator, memberships: MembershipWithCell[], commandName: string): OutboundMessage {
  return { text: t("ask-which-cell"), choices: memberships.map((m) => [cellButton.choice(m.cell.name, { cellId: m.cellId, command: commandName })]) };
}
