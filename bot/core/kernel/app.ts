/**
 * The kernel: routes each event to the command, button or dialogue that claims it, and knows no
 * feature. Features register through the registry and reach the kernel only through their
 * `FeatureContext`.
 */
import { isLocale, type Locale } from "../../i18n/index.ts";
import { maxInboundTextLength, type InboundEvent, type InboundInput, type Platform } from "../contract/messages.ts";
import type { CommandInfo, EventSink } from "../contract/ports.ts";
import type { OutboxRenderer } from "../delivery/outbox.ts";
import type { DocumentProducer } from "../documents/producer.ts";
import { createDocumentOffer } from "./documents.ts";
import { unreachableRenderers } from "../delivery/unreachable.ts";
import { DomainError } from "../domain/errors.ts";
import { localeOfAccount } from "../domain/people.ts";
import type { CoreDeps } from "../deps.ts";
import { createForm } from "./dialogue/form.ts";
import { advanceDialogue, endDialogue, loadDialogue, startDialogue, type Dialogue } from "./dialogue/store.ts";
import type { CommandDecl, DialogueControl, FeatureContext, FeatureFactory, FeatureJob, Turn } from "./feature.ts";
import { createHome } from "./home.ts";
import { createRegistry, type Registry } from "./registry.ts";
import { beginTurn } from "./turn.ts";

/** The platform-neutral bot: adapters hand it events; it answers through the deps' messengers. */
export interface Core extends EventSink {
  /** The renderers of every outbox kind, for the outbox dispatch. */
  outboxRenderers(): ReadonlyMap<string, OutboxRenderer>;
  /** The features' periodic jobs. */
  jobs(): FeatureJob[];
  /** The maker of a document kind, for a download link (bot/http/files.ts); undefined for an unknown kind. */
  documentProducer(kind: string): DocumentProducer | undefined;
}

export function createCore(deps: CoreDeps, featureFactories: FeatureFactory[] = []): Core {
  const { db } = deps;
  let registry: Registry | null = null;
  const features = () => registry?.features ?? [];

  const dialogue: DialogueControl = {
    start: (turn, flow, step, data) => startDialogue(db, turn.person.id, flow, step, data),
    advance: (turn, from, step, data) => advanceDialogue(db, turn.person.id, from, step, data),
    load: (personId) => loadDialogue(db, personId),
    end: (personId, flow) => endDialogue(db, personId, flow),
  };
  const staleButton = (turn: Turn) => turn.reply({ text: turn.t("stale-button") });

  async function membershipChanged(turn: Turn, cellId: string): Promise<void> {
    for (const f of features()) {
      try {
        await f.onMembershipChanged?.(cellId);
      } catch (error) {
        // A failure here (re-planning reminders) never undoes the change itself.
        turn.log.error({ err: error, feature: f.name }, "membership hook failed");
      }
    }
  }

  const home = createHome({ deps, features, dialogue, staleButton, dialogueInput, runCommand: (turn, decl, args) => runCommand(turn, decl, args) });
  const context: FeatureContext = {
    deps,
    withCell: home.withCell,
    dialogue,
    form: (def) => createForm({ dialogue, now: deps.now, staleButton }, def),
    staleButton,
    membershipChanged,
    kickOutbox: () => deps.kickOutbox?.(),
    offerDocument: createDocumentOffer(deps, (kind) => reg.documents().get(kind)),
  };
  // The delivery's own notice (a member cannot be reached) is registered like any feature's.
  registry = createRegistry([home.feature(context), { name: "delivery", outbox: unreachableRenderers }, ...featureFactories.map((factory) => factory(context))]);
  const reg = registry;

  async function handle(event: InboundEvent): Promise<void> {
    const { turn, dialogue: current, firstContact } = await beginTurn(deps, event);
    try {
      await route(turn, current, firstContact);
    } catch (error) {
      if (error instanceof DomainError) {
        turn.log.info({ code: error.code }, "refused");
        await turn.reply({ text: turn.t(`error-${error.code}`) });
        return;
      }
      turn.log.error({ err: error }, "handling failed");
      await turn.reply({ text: turn.t("error-internal") });
    }
  }

  async function route(turn: Turn, current: Dialogue | null, firstContact: boolean): Promise<void> {
    const { input } = turn.event;
    switch (input.kind) {
      case "command":
        return command(turn, input.command, input.args);
      case "choice":
        return choice(turn, input.data, current);
      case "text":
        if (input.text.length > maxInboundTextLength) {
          await turn.reply({ text: turn.t("invalid-message-too-long", { max: maxInboundTextLength }) });
          if (current) await dialogueInput(turn, current, { kind: "unsupported", what: "reprompt" });
          return;
        }
        if (current) return dialogueInput(turn, current, input);
        for (const f of features()) if (await f.looseText?.(turn, input.text)) return;
        // Telegram opens a chat with /start; elsewhere the first message is a greeting, answered likewise.
        if (firstContact) return home.showHome(turn);
        await turn.reply({ text: turn.t("unknown-text") });
        return;
      case "file":
      case "unsupported":
        if (current) return dialogueInput(turn, current, input);
        await turn.reply({ text: turn.t("unsupported-outside-dialogue") });
        return;
    }
  }

  async function command(turn: Turn, raw: string, args: string): Promise<void> {
    const name = raw.toLowerCase();
    const decl = reg.command(name);
    turn.log = turn.log.child({ handler: `command:${decl?.name ?? "unknown"}` });
    if (!decl) {
      await turn.reply({ text: turn.t("unknown-command", { command: raw.slice(0, 32) }) });
      return;
    }
    if (decl.name === home.helpCommand) return decl.run(turn, args.trim());
    const current = await dialogue.load(turn.person.id);
    // The command that began what is in progress: no alarm, the dialogue is shown where it stands.
    if (current && reg.resumes(current.flow, decl.name) && !args.trim()) return dialogueInput(turn, current, { kind: "unsupported", what: "reprompt" });
    if (current) {
      await dialogue.end(turn.person.id);
      await turn.reply({ text: turn.t(decl.name === home.cancelCommand ? "dialogue-cancelled" : "dialogue-interrupted") });
      if (decl.name === home.cancelCommand) return;
    } else if (decl.name === home.cancelCommand) {
      await turn.reply({ text: turn.t("nothing-to-cancel") });
      return;
    }
    return runCommand(turn, decl, args.trim());
  }

  const runCommand = (turn: Turn, decl: CommandDecl, args: string) => decl.run(turn, args);

  async function choice(turn: Turn, data: string, current: Dialogue | null): Promise<void> {
    const found = reg.button(data);
    turn.log = turn.log.child({ handler: `choice:${found?.binding.def.id ?? "unknown"}` });
    if (!found) return staleButton(turn);
    return found.binding.run(turn, found.values, current);
  }

  async function dialogueInput(turn: Turn, current: Dialogue, input: InboundInput): Promise<void> {
    turn.log = turn.log.child({ handler: `dialogue:${current.flow}:${current.step}` });
    const handler = reg.dialogue(current.flow);
    if (handler) return handler(turn, current, input);
    // A flow nothing claims any more (an old release): let it go rather than trap the person.
    await dialogue.end(turn.person.id);
    return staleButton(turn);
  }

  const commandInfos: CommandInfo[] = reg.commands().map((c) => ({
    name: c.name,
    aliases: c.aliases ?? [],
    ...(c.menuRank !== undefined ? { menuRank: c.menuRank } : {}),
    ...(c.takesTypedArgs ? { takesTypedArgs: c.takesTypedArgs } : {}),
  }));

  return {
    handle,
    commands: () => commandInfos,
    localeOf: async (platform: Platform, userId: string): Promise<Locale> => {
      const locale = await localeOfAccount(db, platform, userId);
      return isLocale(locale) ? locale : deps.settings.defaultLocale;
    },
    outboxRenderers: () => reg.renderers(),
    jobs: () => reg.jobs(),
    documentProducer: (kind) => reg.documents().get(kind),
  };
}
