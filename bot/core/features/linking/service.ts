/**
 * Linking accounts, the database side. One person, two messengers. A one-time code made on one messenger (`/lienket` → «Lấy mã liên
 * kết») is typed on the other (`lienket <mã>`, or «Nhập mã liên kết» then the code): the second
 * account then belongs to the same person, with the same cells, profile and history. `/kenhnhan`
 * chooses the messenger notifications go to (Person.preferredPlatform).
 *
 * The account typing the code usually made an empty person on first contact. That person is
 * merged into the other one: its accounts move, profile fields the other lacks are kept, its audit
 * lines follow; then it is deleted. If both people already belong to a cell the merge is refused,
 * because memberships, answers and reports are records that must not be silently combined.
 *
 * Codes: 16 characters of Crockford base32 (80 random bits), single use, valid 15 minutes; only
 * their SHA-256 is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../../db/client.ts";
import { audit } from "../../domain/audit.ts";
import { platforms, type Platform } from "../../contract/messages.ts";
import { generateInviteCode, normalizeInviteCode } from "../../domain/validation.ts";

export const linkCodeTtlMinutes = 15;

export const hashLinkCode = (code: string) => createHash("sha256").update(`link:${code}`).digest("hex");

export const isPlatform = (p: unknown): p is Platform => typeof p === "string" && (platforms as readonly string[]).includes(p);

export type RedeemOutcome =
  | { kind: "linked"; keptPersonId: string; absorbedPersonId: string }
  | { kind: "malformed" | "unknown" | "used" | "expired" | "same-person" | "both-have-cells" | "wrong-direction" };

/** Issues a new code for a person; earlier unused codes of theirs stop working. Returns the code in clear. */
export async function issueLinkCode(db: Db, personId: string, now: Date, random: (n: number) => Uint8Array = randomBytes): Promise<{ code: string; expiresAt: Date }> {
  const code = generateInviteCode(random);
  const expiresAt = new Date(now.getTime() + linkCodeTtlMinutes * 60_000);
  await db.$transaction([
    db.linkCode.deleteMany({ where: { personId, usedAt: null } }),
    db.linkCode.create({ data: { code: hashLinkCode(code), personId, createdAt: now, expiresAt } }),
  ]);
  return { code, expiresAt };
}

/**
 * Joins the account that typed the code into the person who made it. Only that direction: the
 * typing account must be new (no memberships). The other way round, someone tricked into typing
 * a stranger's code would hand the stranger their own profile, cells and reports.
 */
export async function redeemLinkCode(db: Db, input: { raw: string; currentPersonId: string; now: Date }): Promise<RedeemOutcome> {
  const code = normalizeInviteCode(input.raw);
  if (!code) return { kind: "malformed" };
  const hash = hashLinkCode(code);
  const row = await db.linkCode.findUnique({ where: { code: hash } });
  if (!row) return { kind: "unknown" };
  if (row.usedAt) return { kind: "used" };
  if (row.expiresAt <= input.now) return { kind: "expired" };
  if (row.personId === input.currentPersonId) return { kind: "same-person" };
  const [sourceCells, currentCells] = await Promise.all([
    db.membership.count({ where: { personId: row.personId } }),
    db.membership.count({ where: { personId: input.currentPersonId } }),
  ]);
  if (sourceCells > 0 && currentCells > 0) return { kind: "both-have-cells" };
  if (currentCells > 0) return { kind: "wrong-direction" };
  const keep = row.personId;
  const absorb = input.currentPersonId;

  const outcome = await db.$transaction(async (tx) => {
    // Single use, even when typed twice at once: only one claim can succeed.
    const claimed = await tx.linkCode.updateMany({ where: { code: hash, usedAt: null, expiresAt: { gt: input.now } }, data: { usedAt: input.now } });
    if (claimed.count !== 1) return "used" as const;
    // Memberships may have appeared since they were counted: check again inside the transaction.
    // Meeting answers, attendance and report drafts all belong to someone with a membership row
    // (rows are never deleted), so a person without one has nothing of that kind to lose.
    if ((await tx.membership.count({ where: { personId: absorb } })) > 0) throw new BothHaveCells();
    const [kept, absorbed] = await Promise.all([tx.person.findUniqueOrThrow({ where: { id: keep } }), tx.person.findUniqueOrThrow({ where: { id: absorb } })]);
    await tx.identity.updateMany({ where: { personId: absorb }, data: { personId: keep } });
    // Nothing the new account already told the bot is lost: fields the kept person lacks are filled.
    const fill: Record<string, string> = {};
    for (const field of ["fullName", "partyStatus", "category", "phone"] as const) {
      const value = absorbed[field];
      if (kept[field] === null && value !== null) fill[field] = value;
    }
    if (!kept.preferredPlatform && absorbed.preferredPlatform) fill.preferredPlatform = absorbed.preferredPlatform;
    if (Object.keys(fill).length > 0) await tx.person.update({ where: { id: keep }, data: fill });
    await tx.auditLog.updateMany({ where: { actorPersonId: absorb }, data: { actorPersonId: keep } });
    await tx.auditLog.updateMany({ where: { targetPersonId: absorb }, data: { targetPersonId: keep } });
    await tx.dialogueState.deleteMany({ where: { personId: absorb } });
    await audit(tx, {
      actorPersonId: keep, targetPersonId: keep, action: "person.identity_linked", details: { filled: Object.keys(fill) }, at: input.now,
    });
    return "linked" as const;
  }).catch((error: unknown) => {
    if (error instanceof BothHaveCells) return "both-have-cells" as const;
    throw error;
  });
  if (outcome !== "linked") return { kind: outcome };
  // The absorbed person has no accounts left. Deleting it is tidy but not essential: if some
  // feature's record still points to it, it stays, and nothing is lost.
  await db.person.delete({ where: { id: absorb } }).catch(() => undefined);
  return { kind: "linked", keptPersonId: keep, absorbedPersonId: absorb };
}

class BothHaveCells extends Error {}

/** The messengers a person has an account on, among those running. */
export async function accountPlatforms(db: Db, running: ReadonlySet<Platform>, personId: string): Promise<Platform[]> {
  const identities = await db.identity.findMany({ where: { personId }, select: { platform: true } });
  return [...new Set(identities.map((i) => i.platform))].filter((p): p is Platform => isPlatform(p) && running.has(p));
}


/** Chooses the messenger notifications go to; it must be one the person has an account on. */
export async function setPreferredPlatform(db: Db, input: { personId: string; platform: Platform; running: ReadonlySet<Platform>; now: Date }): Promise<boolean> {
  if (!(await accountPlatforms(db, input.running, input.personId)).includes(input.platform)) return false;
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: input.personId }, data: { preferredPlatform: input.platform } });
    await audit(tx, { actorPersonId: input.personId, targetPersonId: input.personId, action: "person.preferred_platform_changed", details: { platform: input.platform }, at: input.now });
  });
  return true;
}

/** The person after a link, and their other reachable accounts (to be told of it). */
export async function linkedAccounts(db: Db, input: { personId: string; except: { platform: string; userId: string } }) {
  const person = await db.person.findUniqueOrThrow({ where: { id: input.personId } });
  const others = await db.identity.findMany({ where: { personId: input.personId, NOT: { platform: input.except.platform, userId: input.except.userId }, unreachable: false } });
  return { person, others };
}
