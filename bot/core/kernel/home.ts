/**
 * The kernel's own commands and buttons: /start, /menu, /help, /huy, /chibo, the menu's buttons,
 * the cell picker, «Hủy», and the buttons of whatever dialogue is open. Registered like a feature's,
 * so the registry checks them for collisions too.
 */
import type { InboundInput } from "../contract/messages.ts";
import { activeMemberships, pendingMembershipsOf, type MembershipWithCell } from "../domain/members.ts";
import { setActiveCell } from "../domain/people.ts";
import type { CoreDeps } from "../deps.ts";
import { cancelButton, stepButton } from "./dialogue/steps.ts";
import type { Dialogue } from "./dialogue/store.ts";
import { on, type CommandDecl, type DialogueControl, type Feature, type FeatureContext, type Turn } from "./feature.ts";
import { cellButton, cellPicker, help, mainMenu, menuButton, welcome } from "./home-views.ts";

export interface HomeDeps {
  deps: CoreDeps;
  features(): readonly Feature[];
  dialogue: DialogueControl;
  staleButton(turn: Turn): Promise<void>;
  runCommand(turn: Turn, decl: CommandDecl, args: string): Promise<void>;
  dialogueInput(turn: Turn, dialogue: Dialogue, input: InboundInput): Promise<void>;
}

export function createHome(h: HomeDeps) {
  const { db } = h.deps;
  const helpCommand = "help";
  const cancelCommand = "huy";

  async function showHome(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) {
      const pending = await pendingMembershipsOf(db, turn.person.id);
      if (pending.length > 0) return turn.reply({ text: turn.t("pending-wait", { cells: pending.map((p) => p.cell.name).join(", ") }) });
      const rows = [];
      for (const f of h.features()) rows.push(...((await f.menu?.(turn, null)) ?? []));
      return turn.reply(welcome(turn.t, rows));
    }
    return withCell(turn, "menu", async (m) => {
      const rows = [];
      for (const f of h.features()) rows.push(...((await f.menu?.(turn, m)) ?? []));
      await turn.reply(mainMenu(turn.t, m, rows, memberships.length));
    });
  }

  async function showHelp(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    const current = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.cellId === turn.person.activeCellId);
    const hasPending = (await pendingMembershipsOf(db, turn.person.id)).length > 0;
    const lines = current ? h.features().map((f) => f.help?.(turn.t, current) ?? null).filter((x): x is string => Boolean(x)) : [];
    await turn.reply(help(turn.t, current ?? null, hasPending, lines));
    if (memberships.length > 1 && !current) await turn.reply(cellPicker(turn.t, memberships, helpCommand));
    // Help in the middle of a dialogue: the question comes again, so the person knows where they are.
    const open = await h.dialogue.load(turn.person.id);
    if (open) await h.dialogueInput(turn, open, { kind: "unsupported", what: "reprompt" });
  }

  /** Someone in no cell: a request still waiting is why, and they are told so; otherwise how to join. */
  async function noCell(turn: Turn): Promise<void> {
    const pending = await pendingMembershipsOf(db, turn.person.id);
    if (pending.length > 0) return turn.reply({ text: turn.t("error-request-pending", { cells: pending.map((p) => p.cell.name).join(", ") }) });
    await turn.reply({ text: turn.t("error-no-cell") });
  }

  /** Runs `fn` in the person's current cell; with several cells and none chosen, asks which. */
  async function withCell(turn: Turn, commandName: string, fn: (m: MembershipWithCell) => Promise<void>): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) return noCell(turn);
    const current = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.cellId === turn.person.activeCellId);
    if (!current) return turn.reply(cellPicker(turn.t, memberships, commandName));
    return fn(current);
  }

  async function pickCell(turn: Turn): Promise<void> {
    const memberships = await activeMemberships(db, turn.person.id);
    if (memberships.length === 0) return noCell(turn);
    await turn.reply(cellPicker(turn.t, memberships, "menu"));
  }

  function feature(ctx: FeatureContext): Feature {
    const commandNamed = (name: string) => h.features().flatMap((f) => f.commands ?? []).find((c) => c.name === name || c.aliases?.includes(name));
    const run = (turn: Turn, name: string) => {
      const decl = commandNamed(name);
      return decl ? h.runCommand(turn, decl, "") : ctx.staleButton(turn);
    };
    return {
      name: "kernel",
      commands: [
        {
          name: "start",
          menuRank: 10,
          run: async (turn, args) => {
            if (args) for (const f of h.features()) if (await f.startPayload?.(turn, args)) return;
            return showHome(turn);
          },
        },
        { name: "menu", menuRank: 20, run: showHome },
        { name: helpCommand, aliases: ["trogiup"], menuRank: 50, run: showHelp },
        { name: "chibo", menuRank: 200, run: pickCell },
        // /huy itself is understood by the router (it ends the dialogue); here it only needs to exist.
        { name: cancelCommand, aliases: ["cancel"], menuRank: 220, run: async () => undefined },
      ],
      buttons: [
        on(menuButton, async (turn, { command }, open) => {
          if (!commandNamed(command)) return ctx.staleButton(turn);
          if (open) await h.dialogue.end(turn.person.id);
          return run(turn, command);
        }),
        on(cellButton, async (turn, { cellId, command }) => {
          const memberships = await activeMemberships(db, turn.person.id);
          if (!memberships.some((m) => m.cellId === cellId) || !commandNamed(command)) return ctx.staleButton(turn);
          await setActiveCell(db, turn.person.id, cellId);
          turn.person = { ...turn.person, activeCellId: cellId };
          return run(turn, command);
        }),
        on(cancelButton, async (turn, _values, open) => {
          if (open) await h.dialogue.end(turn.person.id);
          await turn.reply({ text: turn.t("cancelled") });
        }),
        on(stepButton, async (turn, values, open) => {
          if (!open) return ctx.staleButton(turn);
          return h.dialogueInput(turn, open, { kind: "choice", data: stepButton.data(values) });
        }),
      ],
    };
  }

  return { feature, showHome, withCell, helpCommand, cancelCommand };
}
