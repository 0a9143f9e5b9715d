/**
 * Loads the operator-editable template files. One broken file is refused with a message naming the
 * file, the line and the problem; the others still load, so a typo never takes the reports down.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ZodIssue } from "zod";
import { lineOf, locate, type JsonPath, type Position } from "./json-positions.ts";
import { review2025Problems } from "./review-structure.ts";
import { templateSchema, type Template } from "./template-schema.ts";
import { scoringSheetSchema, sheetMismatches, type ScoringSheet } from "./scoring.ts";

export interface LoadError {
  file: string;
  line?: number;
  message: string;
}

const maxIssuesPerFile = 20;

function describePath(path: JsonPath, raw: unknown): string {
  let out = "";
  let node: unknown = raw;
  for (const seg of path) {
    node = typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === "number") {
      const id = typeof node === "object" && node !== null ? (node as { id?: unknown }).id : undefined;
      out += `[${seg}]${typeof id === "string" ? ` (id "${id}")` : ""}`;
    } else out += out === "" ? seg : `.${seg}`;
  }
  return out === "" ? "(top level)" : out;
}

function issueError(file: string, issue: ZodIssue, raw: unknown, positions: Map<string, Position>): LoadError {
  // For an unknown key, point at the key itself rather than at its object.
  const path: JsonPath = issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
  return { file, line: lineOf(positions, path), message: `${describePath(issue.path, raw)}: ${issue.message}` };
}

/**
 * The 27 manifestations of Resolution 04-NQ/TW come as 3 groups of 9. A committee fills in the
 * official wording; until every item has its text the template is refused, naming what is missing.
 */
export function manifestations27Problems(t: Template): { path: JsonPath; message: string }[] {
  const out: { path: JsonPath; message: string }[] = [];
  const ratingSteps = t.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "rating");
  if (ratingSteps.length === 0) return [{ path: ["kind"], message: 'a "manifestations27" template needs a rating step holding the 27 items' }];
  const groups = ratingSteps.flatMap(({ s, i }) =>
    s.kind === "rating" ? (s.groups ?? []).map((g, j) => ({ g, path: ["steps", i, "groups", j] as JsonPath, step: s, stepIndex: i })) : [],
  );
  for (const { s, i } of ratingSteps)
    if (s.kind === "rating" && !s.groups) out.push({ path: ["steps", i], message: `manifestations27: rating step "${s.id}" must declare its "groups"` });
  if (groups.length !== 3) {
    const missing = groups.length < 3 ? `; group(s) ${Array.from({ length: 3 - groups.length }, (_, k) => groups.length + k + 1).join(", ")} missing` : "";
    out.push({ path: ["steps", ratingSteps[0]!.i], message: `manifestations27: exactly 3 groups are needed, found ${groups.length}${missing}` });
  }
  groups.forEach(({ g, path, step, stepIndex }, n) => {
    const items = step.items.map((it, j) => ({ it, j })).filter(({ it }) => it.group === g.id);
    const empty = items.slice(0, 9).flatMap(({ it }, k) => (it.label === "" ? [k + 1] : []));
    const absent = Array.from({ length: Math.max(0, 9 - items.length) }, (_, k) => items.length + k + 1);
    const where = `manifestations27: group ${n + 1} "${g.label}"`;
    if (empty.length > 0 || absent.length > 0) {
      const parts = [];
      if (empty.length > 0) parts.push(`item${empty.length > 1 ? "s" : ""} ${empty.join(", ")} ha${empty.length > 1 ? "ve" : "s"} no text`);
      if (absent.length > 0) parts.push(`item${absent.length > 1 ? "s" : ""} ${absent.join(", ")} ${absent.length > 1 ? "are" : "is"} missing (only ${items.length} of 9)`);
      const firstEmpty = items.find(({ it }) => it.label === "");
      out.push({
        path: firstEmpty ? ["steps", stepIndex, "items", firstEmpty.j, "label"] : path,
        message: `${where}: ${parts.join("; ")}. Fill them in from the official text of Nghị quyết 04-NQ/TW.`,
      });
    }
    if (items.length > 9) out.push({ path, message: `${where}: has ${items.length} items, 9 expected` });
  });
  return out;
}

/** An operator's JSON file read with the position of every value, or why it is not JSON (with its line). */
function readJson(text: string, file: string): { ok: true; raw: unknown; positions: Map<string, Position> } | { ok: false; errors: LoadError[] } {
  const source = text.replace(/^\uFEFF/, "");
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    const where = locate(source);
    if (!where.ok) return { ok: false, errors: [{ file, line: where.position.line, message: `invalid JSON at line ${where.position.line}, column ${where.position.column}: ${where.message}` }] };
    return { ok: false, errors: [{ file, message: `invalid JSON: ${(e as Error).message}` }] };
  }
  const where = locate(source);
  return { ok: true, raw, positions: where.ok ? where.positions : new Map<string, Position>() };
}

/** Parses and checks one template file's text; `file` only names it in messages. */
export function parseTemplateText(text: string, file: string): { template?: Template; errors: LoadError[]; idLine?: number } {
  const json = readJson(text, file);
  if (!json.ok) return { errors: json.errors };
  const { raw, positions } = json;
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, maxIssuesPerFile).map((issue) => issueError(file, issue, raw, positions));
    const more = parsed.error.issues.length - maxIssuesPerFile;
    if (more > 0) errors.push({ file, message: `… and ${more} more problems` });
    return { errors };
  }
  if (parsed.data.kind === "manifestations27") {
    const problems = manifestations27Problems(parsed.data);
    if (problems.length > 0) return { errors: problems.map((p) => ({ file, line: lineOf(positions, p.path), message: p.message })) };
  }
  if (parsed.data.kind === "review2025") {
    const problems = review2025Problems(parsed.data);
    if (problems.length > 0) return { errors: problems.map((p) => ({ file, line: lineOf(positions, p.path), message: p.message })) };
  }
  return { template: parsed.data, errors: [], idLine: lineOf(positions, ["id"]) };
}

/** Every `*.json` file in `dir` (other extensions, such as `.example.json.txt`, are ignored). */
export function loadTemplatesFromDir(dir: string): { templates: Template[]; errors: LoadError[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch (e) {
    return { templates: [], errors: [{ file: dir, message: `cannot read the template directory: ${(e as Error).message}` }] };
  }
  const templates: Template[] = [];
  const errors: LoadError[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch (e) {
      errors.push({ file: name, message: `cannot read the file: ${(e as Error).message}` });
      continue;
    }
    const result = parseTemplateText(text, name);
    errors.push(...result.errors);
    if (!result.template) continue;
    const key = `${result.template.id}@${result.template.version}`;
    const first = seen.get(key);
    if (first) {
      errors.push({ file: name, line: result.idLine, message: `template "${result.template.id}" version ${result.template.version} is already defined in ${first}; raise "version" or change "id"` });
      continue;
    }
    seen.set(key, name);
    templates.push(result.template);
  }
  // Scoring sheets are optional: a missing folder is the normal case (the bot ships none).
  const sheets = loadSheetsFromDir(join(dir, scoringDir));
  const matched = attachSheets(templates, sheets.sheets);
  return { templates: matched.templates, errors: [...errors, ...sheets.errors, ...matched.errors] };
}

/** The folder next to the templates that holds the operators' scoring sheets (`<sheet>.json`). */
export const scoringDir = "scoring";

export interface LoadedSheet {
  sheet: ScoringSheet;
  /** As named in messages: `scoring/<name>.json`. */
  file: string;
  lineOf(path: JsonPath): number | undefined;
}

/** Parses and checks one scoring sheet's text, with the same discipline as a template file. */
export function parseSheetText(text: string, file: string): { sheet?: LoadedSheet; errors: LoadError[] } {
  const json = readJson(text, file);
  if (!json.ok) return { errors: json.errors };
  const { raw, positions } = json;
  const parsed = scoringSheetSchema.safeParse(raw);
  if (!parsed.success) return { errors: parsed.error.issues.slice(0, maxIssuesPerFile).map((issue) => issueError(file, issue, raw, positions)) };
  return { sheet: { sheet: parsed.data, file, lineOf: (path) => lineOf(positions, path) }, errors: [] };
}

/** Every `*.json` in the scoring folder; a broken file is refused with its reasons, the others load. */
export function loadSheetsFromDir(dir: string): { sheets: LoadedSheet[]; errors: LoadError[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return { sheets: [], errors: [] };
  }
  const sheets: LoadedSheet[] = [];
  const errors: LoadError[] = [];
  for (const name of names) {
    const file = `${scoringDir}/${name}`;
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch (e) {
      errors.push({ file, message: `cannot read the file: ${(e as Error).message}` });
      continue;
    }
    const result = parseSheetText(text, file);
    errors.push(...result.errors);
    if (!result.sheet) continue;
    const { id, version } = result.sheet.sheet;
    const first = sheets.find((x) => x.sheet.id === id && x.sheet.version === version);
    if (first) {
      errors.push({ file, line: result.sheet.lineOf(["id"]), message: `scoring sheet "${id}" version ${version} is already defined in ${first.file}; raise "version" or change "id"` });
      continue;
    }
    sheets.push(result.sheet);
  }
  return { sheets, errors };
}

/**
 * Gives each score step the sheet it names (the newest version of that id). A sheet that does not fit
 * the step (other groups, criteria maxima not adding up to a group's maximum) is refused for that
 * template with the reason, and the step asks for group totals as it does without a sheet: a typo in
 * a sheet never takes the review down. A sheet no step names is reported too (most likely a misspelt id).
 */
export function attachSheets(templates: Template[], sheets: LoadedSheet[]): { templates: Template[]; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const newest = new Map<string, LoadedSheet>();
  for (const s of sheets) if ((newest.get(s.sheet.id)?.sheet.version ?? 0) < s.sheet.version) newest.set(s.sheet.id, s);
  const named = new Set<string>();
  const out = templates.map((t) => {
    let changed = false;
    const steps = t.steps.map((step) => {
      if (step.kind !== "score" || !step.sheet) return step;
      named.add(step.sheet);
      const loaded = newest.get(step.sheet);
      if (!loaded) return step;
      const problems = sheetMismatches(step, loaded.sheet);
      const where = `scoring sheet "${loaded.sheet.id}" (version ${loaded.sheet.version}) does not fit template "${t.id}" version ${t.version}, score step "${step.id}"`;
      for (const p of problems)
        errors.push({ file: loaded.file, line: loaded.lineOf(p.group === undefined ? ["groups"] : ["groups", p.group]), message: `${where}: ${p.message}; the step asks for group totals until this is fixed` });
      if (problems.length > 0) return step;
      changed = true;
      return { ...step, scoring: loaded.sheet };
    });
    return changed ? { ...t, steps } : t;
  });
  for (const s of newest.values())
    if (!named.has(s.sheet.id)) errors.push({ file: s.file, line: s.lineOf(["id"]), message: `scoring sheet "${s.sheet.id}" is named by no template's score step ("sheet": "${s.sheet.id}"), so it is not used` });
  return { templates: out, errors };
}
