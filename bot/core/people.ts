import type { Db } from "../db/client.ts";
import type { Locale } from "../i18n/index.ts";
import { isUniqueViolation } from "./errors.ts";
import type { Platform } from "./messages.ts";

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

/** Finds the person behind a messenger account, creating them on first contact. */
export async function resolvePerson(db: Db, ref: IdentityRef, defaultLocale: Locale): Promise<PersonRecord> {
  const existing = await db.identity.findUnique({
    where: { platform_userId: { platform: ref.platform, userId: ref.userId } },
    include: { person: true },
  });
  if (existing) {
    if (existing.chatId !== ref.chatId || existing.unreachable) {
      // Writing to the bot proves it is reachable again.
      await db.identity.update({ where: { id: existing.id }, data: { chatId: ref.chatId, unreachable: false } });
    }
    return existing.person;
  }
  try {
    const person = await db.person.create({
      data: { locale: defaultLocale, identities: { create: { platform: ref.platform, userId: ref.userId, chatId: ref.chatId } } },
    });
    return person;
  } catch (error) {
    // Two updates from a new user raced: the other one created the person.
    if (!isUniqueViolation(error)) throw error;
    const identity = await db.identity.findUniqueOrThrow({
      where: { platform_userId: { platform: ref.platform, userId: ref.userId } },
      include: { person: true },
    });
    return identity.person;
  }
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
}

export async function updateProfile(db: Db, personId: string, patch: ProfilePatch): Promise<PersonRecord> {
  return db.person.update({ where: { id: personId }, data: patch });
}
