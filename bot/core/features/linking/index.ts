import { audit } from "../../domain/audit.ts";
/**
 * One person, two messengers. A one-time code made on one messenger (`/lienket` → «Lấy mã liên
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
import type { Translator } from "../../../i18n/index.ts";
import type { Db } from "../../../db/client.ts";
import type { Dialogue } from "../../kernel/dialogue/store.ts";
import { endDialogue } from "../../kernel/dialogue/store.ts";
import type { ChoiceHandler, CommandHandler, DialogueHandler, Feature, FeatureFactory, Turn } from "../../kernel/feature.ts";
import { platforms, type OutboundMessage, type Platform } from "../../contract/messages.ts";
import { findRecipient } from "../../delivery/recipients.ts";
import { formatInviteCode, generateInviteCode, normalizeInviteCode } from "../../domain/validation.ts";

export const linkCodeTtlMinutes = 15;
const flow = "link";
const prefix = "lk";

export const hashLinkCode = (code: string) => createHash("sha256").update(`link:${code}`).digest("hex");

const isPlatform = (p: unknown): p is Platform => typeof p === "string" && (platforms as readonly string[]).includes(p);

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
async function accountPlatforms(db: Db, running: ReadonlySet<Platform>, personId: string): Promise<Platform[]> {
  const identities = await db.identity.findMany({ where: { personId }, select: { platform: true } });
  return [...new Set(identities.map((i) => i.platform))].filter((p): p is Platform => isPlatform(p) && running.has(p));
}

export const linkingFeature: FeatureFactory = (ctx) => {
  const { db } = ctx.deps;
  const running = () => new Set(ctx.deps.messengers.keys());
  const platformName = (t: Translator, p: string) => t(`platform-${p}`);
  const otherPlatform = (p: Platform): Platform => (p === "telegram" ? "zalo" : "telegram");

  const linkMenu = (t: Translator): OutboundMessage => ({
    text: t("link-intro"),
    choices: [[{ label: t("button-link-get-code"), data: `${prefix}:new` }], [{ label: t("button-link-enter-code"), data: `${prefix}:enter` }]],
  });

  const codePrompt = (t: Translator): OutboundMessage => ({ text: t("link-ask-code"), choices: [[{ label: t("button-cancel"), data: "x" }]] });

  async function giveCode(turn: Turn): Promise<void> {
    const { code } = await issueLinkCode(db, turn.person.id, ctx.deps.now());
    const shown = formatInviteCode(code);
    const other = otherPlatform(turn.event.platform);
    turn.log.info("link code issued");
    await turn.reply({ text: turn.t("link-code", { code: shown, minutes: linkCodeTtlMinutes, other: platformName(turn.t, other) }) });
  }

  async function redeem(turn: Turn, raw: string): Promise<void> {
    const outcome = await redeemLinkCode(db, { raw, currentPersonId: turn.person.id, now: ctx.deps.now() });
    if (outcome.kind !== "linked") {
      turn.log.info({ outcome: outcome.kind }, "link refused");
      await turn.reply({ text: turn.t(`link-${outcome.kind}`, { minutes: linkCodeTtlMinutes }) });
      return;
    }
    turn.log.info({ keptPersonId: outcome.keptPersonId }, "accounts linked");
    const kept = await db.person.findUniqueOrThrow({ where: { id: outcome.keptPersonId } });
    turn.person = { ...turn.person, ...kept };
    const here = turn.event.platform;
    await turn.reply({ text: turn.t("link-done", { platform: platformName(turn.t, here) }) });
    // The person's other accounts hear of it too: an unexpected link is then noticed at once.
    const others = await db.identity.findMany({ where: { personId: kept.id, NOT: { platform: here, userId: turn.event.userId }, unreachable: false } });
    for (const identity of others) {
      const messenger = isPlatform(identity.platform) ? ctx.deps.messengers.get(identity.platform) : undefined;
      if (!messenger) continue;
      await messenger
        .send(identity.chatId, { text: turn.t("link-done-elsewhere", { platform: platformName(turn.t, here) }) })
        .catch((err: unknown) => turn.log.warn({ err: err instanceof Error ? err.message : String(err) }, "could not tell the other account about the link"));
    }
    await showPreference(turn);
  }

  async function showPreference(turn: Turn): Promise<void> {
    const available = await accountPlatforms(db, running(), turn.person.id);
    const recipient = await findRecipient(ctx.deps, turn.person.id);
    const current = recipient?.platform ?? turn.event.platform;
    if (available.length < 2) {
      await turn.reply({ text: turn.t("link-pref-single", { platform: platformName(turn.t, current), other: platformName(turn.t, otherPlatform(current)) }) });
      return;
    }
    await turn.reply({
      text: turn.t("link-pref-ask", { platform: platformName(turn.t, current) }),
      choices: available.map((p) => [{ label: platformName(turn.t, p), data: `${prefix}:pref:${p}` }]),
    });
  }

  async function setPreference(turn: Turn, wanted: string): Promise<void> {
    const available = await accountPlatforms(db, running(), turn.person.id);
    if (!isPlatform(wanted) || !available.includes(wanted)) {
      await turn.reply({ text: turn.t("link-pref-unavailable", { platform: isPlatform(wanted) ? platformName(turn.t, wanted) : wanted.slice(0, 20) }) });
      return;
    }
    await db.person.update({ where: { id: turn.person.id }, data: { preferredPlatform: wanted } });
    await audit(db, {
      actorPersonId: turn.person.id, targetPersonId: turn.person.id, action: "person.preferred_platform_changed", details: { platform: wanted }, at: ctx.deps.now(),
    });
    await turn.reply({ text: turn.t("link-pref-set", { platform: platformName(turn.t, wanted) }) });
  }

  const lienket: CommandHandler = async (turn, args) => {
    if (running().size < 2) {
      await turn.reply({ text: turn.t("link-one-messenger", { platform: platformName(turn.t, turn.event.platform) }) });
      return;
    }
    if (args.trim()) return redeem(turn, args);
    await turn.reply(linkMenu(turn.t));
  };

  const kenhnhan: CommandHandler = async (turn, args) => {
    const wanted = args.trim().toLowerCase();
    if (wanted) return setPreference(turn, wanted);
    return showPreference(turn);
  };

  const choice: ChoiceHandler = async (turn, parts) => {
    const [action = "", arg = ""] = parts;
    switch (action) {
      case "new":
        return giveCode(turn);
      case "enter":
        await ctx.startDialogue(turn, flow, "code", {});
        await turn.reply(codePrompt(turn.t));
        return;
      case "pref":
        return setPreference(turn, arg);
      default:
        return ctx.staleButton(turn);
    }
  };

  const dialogue: DialogueHandler = async (turn, _dialogue: Dialogue, input) => {
    if (input.kind === "text") {
      if (!normalizeInviteCode(input.text)) {
        await turn.reply({ ...codePrompt(turn.t), text: `${turn.t("link-malformed")}\n\n${turn.t("link-ask-code")}` });
        return;
      }
      await endDialogue(db, turn.person.id);
      return redeem(turn, input.text);
    }
    if (input.kind === "unsupported" && input.what === "reprompt") {
      await turn.reply(codePrompt(turn.t));
      return;
    }
    await turn.reply({ ...codePrompt(turn.t), text: `${turn.t("link-expected-code")}\n\n${turn.t("link-ask-code")}` });
  };

  const feature: Feature = {
    name: "linking",
    commands: { lienket, link: lienket, kenhnhan, notifyvia: kenhnhan },
    choices: { [prefix]: choice },
    dialogues: { [flow]: dialogue },
    help: (t) => (running().size > 1 ? t("link-help") : null),
  };
  return feature;
};
