/**
 * Every JSON this feature reads back (from its own columns and from outbox rows), checked with zod:
 * a row written by an older release or edited by hand is refused, never half-used.
 */
import { z } from "zod";
import { memberCategories, type MemberCategory } from "../../domain/people.ts";

const categoriesSchema = z.array(z.enum(memberCategories)).min(1);
const offsetsSchema = z.array(z.number().int().min(1).max(60 * 24 * 60)).max(10);

/** The round's categories column: null (or unreadable) means everyone. */
export function parseCategories(json: string | null): MemberCategory[] | null {
  if (!json) return null;
  const parsed = safeJson(json, categoriesSchema);
  return parsed ?? null;
}

/** Minutes before the deadline when non-submitters are reminded; the default when unreadable. */
export function parseOffsets(json: string): number[] {
  return safeJson(json, offsetsSchema) ?? defaultReminderOffsets;
}

/** Three days and one day before the deadline (as the issue asks). */
export const defaultReminderOffsets = [3 * 24 * 60, 24 * 60];

export const draftPayload = z.object({ draftId: z.string().min(1) });
export const reminderPayload = z.object({ draftId: z.string().min(1), offset: z.union([z.number().int(), z.literal("now")]) });
export const roundPayload = z.object({ roundId: z.string().min(1) });
export const versionPayload = z.object({ versionId: z.string().min(1) });

export function safeJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const forwardPayload = z.object({ versionId: z.string().min(1), committeeId: z.string().min(1), byId: z.string().min(1) });
