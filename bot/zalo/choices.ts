/**
 * Numbered options, for a messenger without buttons.
 *
 * Each message with choices is shown with its options numbered from 1 ("1. Duyệt", "2. Từ chối")
 * and a line saying what to type. What the latest such message offered is kept in ChoiceMemory
 * (per chat, in the database, so a restart keeps it), and a typed "2" maps back to that option's
 * `data`: a bare number always answers the most recent message that asked. Options that tick a line
 * of a list may be chosen several at once ("2, 5").
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Choice } from "../core/contract/messages.ts";

export interface RememberedChoice {
  n: number;
  label: string;
  data: string;
  /** Ticks a line of a list: may be chosen together with others of its kind. */
  toggle?: boolean;
}

export interface RememberedChoices {
  /** The options of the latest message that had any, numbered from 1. */
  items: RememberedChoice[];
  /** The last message sent to the chat carried these options (typed option texts are matched only then). */
  fresh: boolean;
  /** That message asked for a number (a score): a typed number is the answer, its options go by name. */
  numbersAreAnswers?: boolean;
}

const itemSchema = z.object({ n: z.number().int().positive(), label: z.string(), data: z.string(), toggle: z.boolean().optional() });
const storedSchema = z.union([
  // An earlier release kept batches across messages (and a "sealed" flag): read as the latest options.
  z.object({ v: z.literal(1), fresh: z.boolean(), items: z.array(itemSchema), numbersAreAnswers: z.boolean().optional() }).passthrough(),
  // The schema's documented shape, a bare list.
  z.array(itemSchema).transform((items) => ({ v: 1 as const, fresh: false, items })),
]);

const platform = "zalo";

/** Reads what was last shown in a chat; a row that does not parse counts as nothing shown. */
export async function loadChoices(db: Db, chatId: string): Promise<RememberedChoices | null> {
  const row = await db.choiceMemory.findUnique({ where: { platform_chatId: { platform, chatId } } });
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.choices);
  } catch {
    return null;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) return null;
  const { items, fresh } = parsed.data;
  const byName = "numbersAreAnswers" in parsed.data && parsed.data.numbersAreAnswers === true;
  return { items, fresh, ...(byName ? { numbersAreAnswers: true } : {}) };
}

export async function saveChoices(db: Db, chatId: string, memory: RememberedChoices): Promise<void> {
  const choices = JSON.stringify({ v: 1, fresh: memory.fresh, items: memory.items, ...(memory.numbersAreAnswers ? { numbersAreAnswers: true } : {}) });
  await db.choiceMemory.upsert({
    where: { platform_chatId: { platform, chatId } },
    create: { platform, chatId, choices },
    update: { choices },
  });
}

/**
 * "1. Nguyễn Văn An" → "Nguyễn Văn An": a label that carries its own number (the member list's)
 * would read "1. 1. Nguyễn Văn An" once numbered. Line breaks become spaces.
 */
export function cleanLabel(label: string): string {
  const flat = label.replace(/\s*\n\s*/g, " ").trim();
  const stripped = flat.replace(/^\d{1,3}[.)]\s+/, "");
  return stripped === "" ? flat : stripped;
}

/** Numbers the choices of one message from 1; they become what a typed number answers. */
export function numberChoices(choices: Choice[][] | undefined, options: { numbersAreAnswers?: boolean } = {}): { shown: RememberedChoice[]; memory: RememberedChoices } | null {
  const flat = (choices ?? []).flat();
  if (flat.length === 0) return null;
  const shown = flat.map((c, i) => ({ n: i + 1, label: cleanLabel(c.label), data: c.data, ...(c.toggle ? { toggle: true } : {}) }));
  return { shown, memory: { items: shown, fresh: true, ...(options.numbersAreAnswers ? { numbersAreAnswers: true } : {}) } };
}

export interface HintTexts {
  /** «Hoặc gõ: «Quay lại», «Lưu, làm tiếp sau».», for a question whose answer is a number. */
  byName(labels: string): string;
  one(n: string): string;
  few(list: string, last: string): string;
  range(first: string, last: string): string;
}

/** "Trả lời 1, 2 hoặc 3." — a range for long lists. */
export function answerHint(numbers: number[], texts: HintTexts): string {
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  if (numbers.length === 1) return texts.one(String(first));
  if (numbers.length > 6) return texts.range(String(first), String(last));
  return texts.few(numbers.slice(0, -1).join(", "), String(last));
}

/** The options block put under a message's text. */
export function renderOptions(shown: RememberedChoice[], texts: HintTexts, byName = false): string {
  if (byName) return texts.byName(shown.map((c) => `«${c.label}»`).join(", "));
  return [...shown.map((c) => `${c.n}. ${c.label}`), answerHint(shown.map((c) => c.n), texts)].join("\n");
}
