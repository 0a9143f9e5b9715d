import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/index.ts";
import type { Platform } from "../contract/messages.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { audit } from "./audit.ts";
import { admissionMonthAt } from "./validation.ts";

export const partyStatuses = ["official", "probationary"] as const;
export type PartyStatus = (typeof partyStatuses)[number];

export const memberCategories = ["can_bo", "huu_tri", "cong_nhan", "lao_dong_tu_do", "hoc_sinh", "khac"] as const;
export type MemberCategory = (typeof memberCategories)[number];

export interface PersonRecord {
  id: string;
  fullName: string | null;
  partyStatus: string | null;
  category: string | null;
  phone: string | null;
  locale: string;
  activeCellId: string | null;
}

export interface IdentityRef {
  platform: Platform;
  userId: string;
  chatId: string;
}

export interface DialogueRow {
  flow: string;
  step: string;
  data: string;
  version: number;
}

/**
 * Finds the person behind a messenger account, creating them on first contact. Their dialogue row
 * comes in the same query: every message needs both, and one query per message is the budget.
 */
export async function resolvePerson(db: Db, ref: IdentityRef, defaultLocale: Locale): Promise<PersonRecord & { dialogueRow: DialogueRow | null; firstContact: boolean }> {
  const existing = await findByIdentity(db, ref);
  if (existing) {
    if (existing.chatId !== ref.chatId || existing.unreachable) {
      // Writing to the bot proves it is reachable again.
      await db.identity.update({ where: { id: existing.identityId }, data: { chatId: ref.chatId, unreachable: false } });
    }
    return { ...existing.person, dialogueRow: existing.dialogueRow, firstContact: false };
  }
  try {
    const person = await db.person.create({
      data: { locale: defaultLocale, identities: { create: { platform: ref.platform, userId: ref.userId, chatId: ref.chatId } } },
    });
    return { ...person, dialogueRow: null, firstContact: true };
  } catch (error) {
    // Two updates from a new user raced: the other one created the person.
    if (!isUniqueViolation(error)) throw error;
    const identity = await db.identity.findUniqueOrThrow({
      where: { platform_userId: { platform: ref.platform, userId: ref.userId } },
      include: { person: { include: { dialogue: true } } },
    });
    const { dialogue, ...person } = identity.person;
    return { ...person, dialogueRow: dialogue, firstContact: false };
  }
}

const lookupRowSchema = z.object({
  identity_id: z.string(),
  chat_id: z.string(),
  // SQLite answers 0/1, PostgreSQL true/false.
  unreachable: z.union([z.boolean(), z.number(), z.bigint()]).transform((v) => Boolean(Number(v))),
  id: z.string(),
  full_name: z.string().nullable(),
  party_status: z.string().nullable(),
  category: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string(),
  active_cell_id: z.string().nullable(),
  preferred_platform: z.string().nullable(),
  d_flow: z.string().nullable(),
  d_step: z.string().nullable(),
  d_data: z.string().nullable(),
  d_version: z.union([z.number(), z.bigint()]).nullable().transform((v) => (v === null ? null : Number(v))),
});

/**
 * The hottest query of the bot (every message runs it): the account, its person and their
 * dialogue in one plain join. Written as SQL because Prisma's client engine spends more time
 * planning the equivalent nested query than the database spends answering it; the SQL is
 * standard (no SQLite-only syntax) and its result is checked with zod.
 */
async function findByIdentity(db: Db, ref: IdentityRef) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT i.id AS identity_id, i.chat_id, i.unreachable,
           p.id, p.full_name, p.party_status, p.category, p.phone, p.locale, p.active_cell_id, p.preferred_platform,
           d.flow AS d_flow, d.step AS d_step, d.data AS d_data, d.version AS d_version
    FROM identity i
    JOIN person p ON p.id = i.person_id
    LEFT JOIN dialogue_state d ON d.person_id = p.id
    WHERE i.platform = ${ref.platform} AND i.user_id = ${ref.userId}`;
  if (rows.length === 0) return null;
  const r = lookupRowSchema.parse(rows[0]);
  return {
    identityId: r.identity_id,
    chatId: r.chat_id,
    unreachable: r.unreachable,
    person: {
      id: r.id,
      fullName: r.full_name,
      partyStatus: r.party_status,
      category: r.category,
      phone: r.phone,
      locale: r.locale,
      activeCellId: r.active_cell_id,
      preferredPlatform: r.preferred_platform,
    },
    dialogueRow: r.d_flow !== null && r.d_step !== null && r.d_data !== null && r.d_version !== null ? { flow: r.d_flow, step: r.d_step, data: r.d_data, version: r.d_version } : null,
  };
}

export function isProfileComplete(p: PersonRecord): boolean {
  return Boolean(p.fullName && p.partyStatus && p.category);
}

export interface ProfilePatch {
  fullName?: string;
  partyStatus?: PartyStatus;
  category?: MemberCategory;
  phone?: string | null;
  locale?: Locale;
  /** Whether they hold a leadership or management post (decides the year-end review form). */
  holdsPost?: boolean | null;
  /** The month they were admitted to the Party. */
  admittedAt?: Date | null;
}

/** The profile fields answered in a dialogue (registration, /hoso, the year-end review's questions), as a patch. */
export function profilePatch(data: Record<string, string | null | undefined>): ProfilePatch {
  const patch: ProfilePatch = {};
  if (data.fullName) patch.fullName = data.fullName;
  if (data.partyStatus) patch.partyStatus = data.partyStatus as ProfilePatch["partyStatus"];
  if (data.category) patch.category = data.category as ProfilePatch["category"];
  if ("phone" in data) patch.phone = data.phone ?? null;
  if (data.holdsPost) patch.holdsPost = data.holdsPost === "yes";
  if (data.admittedAt) patch.admittedAt = admissionMonthAt(data.admittedAt);
  return patch;
}

/**
 * Fields of a person's profile changed by the person or, for a report entered by proxy, by the
 * secretary: one audit line per field (its name, never its value).
 */
export async function editProfile(db: Db, input: { personId: string; actorId?: string; patch: ProfilePatch; now: Date }): Promise<PersonRecord & { holdsPost: boolean | null; admittedAt: Date | null }> {
  return db.$transaction(async (tx) => {
    const updated = await tx.person.update({ where: { id: input.personId }, data: input.patch });
    for (const field of Object.keys(input.patch)) {
      await audit(tx, { actorPersonId: input.actorId ?? input.personId, targetPersonId: input.personId, action: "person.profile_changed", details: { field }, at: input.now });
    }
    return updated;
  });
}

export async function updateProfile(db: Db, personId: string, patch: ProfilePatch): Promise<PersonRecord> {
  return db.person.update({ where: { id: personId }, data: patch });
}

/** The cell the person's commands apply to, chosen when they belong to several. */
export async function setActiveCell(db: Db, personId: string, cellId: string | null): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { activeCellId: cellId } });
}

/** The language setting of the person behind an account, or null for an account not seen yet. */
export async function localeOfAccount(db: Db, platform: string, userId: string): Promise<string | null> {
  const identity = await db.identity.findUnique({ where: { platform_userId: { platform, userId } }, select: { person: { select: { locale: true } } } });
  return identity?.person.locale ?? null;
}
