/**
 * The feature registry: every command, button, dialogue, outbox kind and job of every feature in
 * one table each, checked for collisions as features register, so two features can never claim
 * the same name and a press can only ever reach the handler declared with its button.
 */
import type { OutboxRenderer } from "../delivery/outbox.ts";
import { documentKindPattern, type DocumentProducer } from "../documents/producer.ts";
import { splitButtonData, type ButtonValues, type FieldShape } from "./buttons.ts";
import type { ButtonBinding, CommandDecl, DialogueHandler, Feature, FeatureJob } from "./feature.ts";

export interface Registry {
  readonly features: readonly Feature[];
  /** The command a typed name (or alias) stands for; own names only, so "/constructor" is unknown. */
  command(name: string): CommandDecl | undefined;
  commands(): readonly CommandDecl[];
  /** The button behind callback data, with its values checked; null for anything not declared or not fitting. */
  button(data: string): { binding: ButtonBinding; values: ButtonValues<FieldShape> } | null;
  dialogue(flow: string): DialogueHandler | undefined;
  /** Whether typing `command` in the middle of a dialogue of `flow` shows it again rather than stopping it. */
  resumes(flow: string, command: string): boolean;
  renderers(): ReadonlyMap<string, OutboxRenderer>;
  documents(): ReadonlyMap<string, DocumentProducer>;
  jobs(): FeatureJob[];
}

export function createRegistry(features: Feature[]): Registry {
  const commands = new Map<string, CommandDecl>();
  const buttons = new Map<string, ButtonBinding>();
  /** Which feature owns each first segment of a button id: a prefix belongs to one feature. */
  const prefixOwner = new Map<string, string>();
  const dialogues = new Map<string, DialogueHandler>();
  const resumers = new Map<string, ReadonlySet<string>>();
  const renderers = new Map<string, OutboxRenderer>();
  const documents = new Map<string, DocumentProducer>();
  const jobs: FeatureJob[] = [];

  const refuse = (feature: Feature, what: string): never => {
    throw new Error(`Feature ${feature.name}: ${what}`);
  };

  for (const feature of features) {
    for (const decl of feature.commands ?? []) {
      for (const name of [decl.name, ...(decl.aliases ?? [])]) {
        if (!/^[a-z0-9_]{1,32}$/.test(name)) refuse(feature, `command name "${name}" must be folded Latin letters and digits`);
        if (commands.has(name)) refuse(feature, `command "${name}" is taken`);
        commands.set(name, decl);
      }
    }
    for (const binding of feature.buttons ?? []) {
      const { id } = binding.def;
      const [prefix = "", action] = id.split(":");
      const owner = prefixOwner.get(prefix);
      if (owner !== undefined && owner !== feature.name) refuse(feature, `button prefix "${prefix}" belongs to ${owner}`);
      if (buttons.has(id)) refuse(feature, `button "${id}" is declared twice`);
      // "mt" alone and "mt:v" could not be told apart on the wire.
      const clash = action === undefined ? [...buttons.keys()].some((k) => k.startsWith(`${prefix}:`)) : buttons.has(prefix);
      if (clash) refuse(feature, `button "${id}" collides with another button of prefix "${prefix}"`);
      prefixOwner.set(prefix, feature.name);
      buttons.set(id, binding);
    }
    for (const { flow, handler, resumedBy } of feature.dialogues ?? []) {
      if (dialogues.has(flow)) refuse(feature, `flow "${flow}" is taken`);
      dialogues.set(flow, handler);
      if (resumedBy?.length) resumers.set(flow, new Set(resumedBy));
    }
    for (const [kind, renderer] of Object.entries(feature.outbox ?? {})) {
      if (renderers.has(kind)) refuse(feature, `outbox kind "${kind}" is taken`);
      renderers.set(kind, renderer);
    }
    for (const [kind, producer] of Object.entries(feature.documents ?? {})) {
      if (!documentKindPattern.test(kind)) refuse(feature, `document kind "${kind}" must be a short lower-case word`);
      if (documents.has(kind)) refuse(feature, `document kind "${kind}" is taken`);
      documents.set(kind, producer);
    }
    for (const job of feature.jobs ?? []) {
      if (jobs.some((j) => j.name === job.name)) refuse(feature, `job "${job.name}" is taken`);
      jobs.push(job);
    }
  }

  return {
    features,
    command: (name) => (commands.has(name) ? commands.get(name) : undefined),
    commands: () => [...new Set(commands.values())],
    button(data) {
      const { one, two } = splitButtonData(data);
      for (const candidate of two ? [two, one] : [one]) {
        const binding = buttons.get(candidate.id);
        if (!binding) continue;
        const values = binding.def.decode(candidate.rest);
        return values ? { binding, values } : null;
      }
      return null;
    },
    dialogue: (flow) => dialogues.get(flow),
    resumes: (flow, command) => resumers.get(flow)?.has(command) ?? false,
    renderers: () => renderers,
    documents: () => documents,
    jobs: () => jobs,
  };
}
