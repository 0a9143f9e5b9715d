import { z } from "zod";
import type { Db } from "../../../db/client.ts";

export type FlowId = string;

const dataSchema = z.record(z.string(), z.union([z.string(), z.null()]));
export type DialogueData = z.infer<typeof dataSchema>;

export interface Dialogue {
  flow: FlowId;
  step: string;
  data: DialogueData;
  version: number;
}

/** The person's dialogue, or null. A row whose data no longer parses is treated as none. */
export async function loadDialogue(db: Db, personId: string): Promise<Dialogue | null> {
  return dialogueFromRow(await db.dialogueState.findUnique({ where: { personId } }));
}

/** A stored dialogue row as a Dialogue, or null when there is none or it no longer parses. */
export function dialogueFromRow(row: { flow: string; step: string; data: string; version: number } | null): Dialogue | null {
  if (!row) return null;
  let data: unknown;
  try {
    data = JSON.parse(row.data);
  } catch {
    return null;
  }
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) return null;
  return { flow: row.flow, step: row.step, data: parsed.data, version: row.version };
}

/** Starts a dialogue, replacing any other one. */
export async function startDialogue(db: Db, personId: string, flow: FlowId, step: string, data: DialogueData): Promise<Dialogue> {
  const row = await db.dialogueState.upsert({
    where: { personId },
    create: { personId, flow, step, data: JSON.stringify(data) },
    update: { flow, step, data: JSON.stringify(data), version: { increment: 1 } },
  });
  return { flow, step, data, version: row.version };
}

/**
 * Saves the next step only if nobody moved the dialogue since it was read (a second device, a
 * double tap). Returns the saved dialogue, or null when it had moved on.
 */
export async function advanceDialogue(db: Db, personId: string, from: Dialogue, step: string, data: DialogueData): Promise<Dialogue | null> {
  const { count } = await db.dialogueState.updateMany({
    where: { personId, version: from.version },
    data: { step, data: JSON.stringify(data), version: { increment: 1 } },
  });
  return count === 1 ? { flow: from.flow, step, data, version: from.version + 1 } : null;
}

/** Ends the person's dialogue; with `flow`, only a dialogue of that flow (one started meanwhile stays). */
export async function endDialogue(db: Db, personId: string, flow?: string): Promise<void> {
  await db.dialogueState.deleteMany({ where: { personId, ...(flow ? { flow } : {}) } });
}
