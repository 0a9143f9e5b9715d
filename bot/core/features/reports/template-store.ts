import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../../../logger.ts";
import { latestTemplate } from "./engine/engine.ts";
import { loadTemplatesFromDir, scoringDir, type LoadError } from "./engine/template-loader.ts";
import type { Template } from "./engine/template-schema.ts";
import { templateTag } from "./engine/choice-data.ts";

export const defaultTemplatesDir = join(import.meta.dirname, "templates");

export interface TemplateStore {
  /** Every loaded template version (the engine picks the newest of an id, and migrates drafts to it). */
  all(): Template[];
  latest(id: string): Template | undefined;
  /** The newest version of each template, for choosing one when a round is opened. */
  choosable(): Template[];
  /** The template whose id hashes to this button tag. */
  byTag(tag: string): Template | undefined;
  /**
   * Reads the folder again if a file was added, changed or removed, so an operator's new template
   * is offered the same day without a restart. Cheap when nothing changed (one directory listing).
   */
  refresh(): void;
}

/**
 * The operator-editable templates. A broken file is logged with its line and left out; the others
 * keep working. Versions once loaded stay known for the life of the process, so a draft begun on a
 * template whose file was removed meanwhile can still be finished.
 */
export function createTemplateStore(options: { dir?: string; templates?: Template[]; logger: Logger }): TemplateStore {
  const dir = options.dir ?? defaultTemplatesDir;
  const log = options.logger.child({ component: "reports.templates" });
  const known = new Map<string, Template>();
  /** Ids offered for new rounds: those in the folder at the last reading. */
  let offered: string[] = [];
  let signature = "";

  const add = (templates: Template[]) => {
    for (const t of templates) known.set(`${t.id}@${t.version}`, t);
  };

  function filesSignature(folder: string): string {
    return readdirSync(folder)
      .filter((n) => n.endsWith(".json"))
      .sort()
      .map((n) => {
        const s = statSync(join(folder, n));
        return `${n}:${s.size}:${s.mtimeMs}`;
      })
      .join("|");
  }

  function folderSignature(): string {
    let templates: string;
    try {
      templates = filesSignature(dir);
    } catch {
      return "unreadable";
    }
    // A scoring sheet added or corrected is picked up like a template (the folder is optional).
    let sheets = "";
    try {
      sheets = filesSignature(join(dir, scoringDir));
    } catch {
      sheets = "none";
    }
    return `${templates}#${sheets}`;
  }

  function load(): void {
    const { templates, errors } = loadTemplatesFromDir(dir);
    for (const e of errors) logLoadError(e);
    add(templates);
    offered = [...new Set(templates.map((t) => t.id))];
    log.info({ count: templates.length, refused: new Set(errors.map((e) => e.file)).size }, "report templates loaded");
  }

  const logLoadError = (e: LoadError) => log.warn({ file: e.file, line: e.line, problem: e.message }, "report template refused");

  if (options.templates) {
    add(options.templates);
    offered = [...new Set(options.templates.map((t) => t.id))];
  } else {
    signature = folderSignature();
    load();
  }

  const all = () => [...known.values()];
  return {
    all,
    latest: (id) => latestTemplate(all(), id),
    choosable: () => offered.map((id) => latestTemplate(all(), id)!),
    byTag: (tag) => {
      const id = offered.find((x) => templateTag(x) === tag);
      return id ? latestTemplate(all(), id) : undefined;
    },
    refresh: () => {
      if (options.templates) return;
      const now = folderSignature();
      if (now === signature) return;
      signature = now;
      load();
    },
  };
}
