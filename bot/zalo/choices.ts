/**
 * Numbered options, for a messenger without buttons.
 *
 * Each message with choices is shown with its options numbered ("1. Duyệt", "2. Từ chối") and a
 * line saying what to type. What was shown is kept in ChoiceMemory (per chat, in the database, so a
 * restart keeps it), and a typed "2" maps back to the choice's `data`.
 *
 * Numbering runs in batches. A batch starts at 1 with the first message with options sent after
 * the person last wrote, and every further message with options continues the numbers until the
 * person writes again: two join requests shown one after the other read "1. Duyệt / 2. Từ chối"
 * and "3. Duyệt / 4. Từ chối", and "3" can only mean the second one. Once the person has written,
 * the batch is sealed: its numbers keep working ("3" still approves the second request after
 * "1" approved the first) until the next message with options starts a new batch.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Choice } from "../core/contract/messages.ts";

export interface RememberedChoice {
  n: number;
  label: string;
  data: string;
}

export interface RememberedChoices {
  items: RememberedChoice[];
  /** The person wrote since these options were shown: the next options start a new batch at 1. */
  sealed: boolean;
  /** The last message sent to the chat carried options (typed option texts are matched only then). */
  fresh: boolean;
}

/** A batch never grows past this many options; further ones start again at 1. */
export const maxBatchOptions = 200;

const itemSchema = z.object({ n: z.number().int().positive(), label: z.string(), data: z.string() });
const storedSchema = z.union([
  z.object({ v: z.literal(1), sealed: z.boolean(), fresh: z.boolean(), items: z.array(itemSchema) }),
  // The schema's documented shape, a bare list: read as a sealed batch.
  z.array(itemSchema).transform((items) => ({ v: 1 as const, sealed: true, fresh: false, items })),
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
  const { items, sealed, fresh } = parsed.data;
  return { items, sealed, fresh };
}

export async function saveChoices(db: Db, chatId: string, memory: RememberedChoices): Promise<void> {
  const choices = JSON.stringify({ v: 1, sealed: memory.sealed, fresh: memory.fresh, items: memory.items });
  await db.choiceMemory.upsert({
    where: { platform_chatId: { platform, chatId } },
    create: { platform, chatId, choices },
    update: { choices },
  });
}

/** The person wrote: the options shown so far stay answerable, the next ones start at 1. */
export async function sealChoices(db: Db, chatId: string, memory: RememberedChoices | null): Promise<void> {
  if (!memory || memory.sealed) return;
  await saveChoices(db, chatId, { ...memory, sealed: true });
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

/** Numbers the choices of one message, continuing the open batch or starting a new one. */
export function numberChoices(choices: Choice[][] | undefined, memory: RememberedChoices | null): { shown: RememberedChoice[]; memory: RememberedChoices } | null {
  const flat = (choices ?? []).flat();
  if (flat.length === 0) return null;
  const continuing = memory && !memory.sealed && memory.items.length > 0 && memory.items.length + flat.length <= maxBatchOptions;
  const start = continuing ? Math.max(...memory.items.map((i) => i.n)) + 1 : 1;
  const shown = flat.map((c, i) => ({ n: start + i, label: cleanLabel(c.label), data: c.data }));
  return { shown, memory: { items: continuing ? [...memory.items, ...shown] : shown, sealed: false, fresh: true } };
}

export interface HintTexts {
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
export function renderOptions(shown: RememberedChoice[], texts: HintTexts): string {
  return [...shown.map((c) => `${c.n}. ${c.label}`), answerHint(shown.map((c) => c.n), texts)].join("\n");
}
