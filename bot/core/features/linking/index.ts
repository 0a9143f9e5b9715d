/**
 * Linking: one person, two messengers (see service.ts). `/lienket` gives a one-time code or takes
 * one; `/kenhnhan` chooses where notifications go.
 */
import { z } from "zod";
import type { Translator } from "../../../i18n/index.ts";
import { platforms, type OutboundMessage, type Platform } from "../../contract/messages.ts";
import { findRecipient } from "../../delivery/recipients.ts";
import { formatInviteCode, normalizeInviteCode } from "../../domain/validation.ts";
import { defineButton } from "../../kernel/buttons.ts";
import { cancelChoice, textStep } from "../../kernel/dialogue/steps.ts";
import { on, type CommandHandler, type Feature, type FeatureFactory, type Turn } from "../../kernel/feature.ts";
import { accountPlatforms, isPlatform, issueLinkCode, linkCodeTtlMinutes, linkedAccounts, redeemLinkCode, setPreferredPlatform } from "./service.ts";

export const linkButtons = {
  newCode: defineButton("lk:new"),
  enterCode: defineButton("lk:enter"),
  preference: defineButton("lk:pref", { platform: z.enum(platforms) }),
};

export const linkingFeature: FeatureFactory = (ctx) => {
  const { db } = ctx.deps;
  const running = () => new Set(ctx.deps.messengers.keys());
  const platformName = (t: Translator, p: string) => t(`platform-${p}`);
  const otherPlatform = (p: Platform): Platform => (p === "telegram" ? "zalo" : "telegram");

  const linkMenu = (t: Translator): OutboundMessage => ({
    text: t("link-intro"),
    choices: [[linkButtons.newCode.choice(t("button-link-get-code"), {})], [linkButtons.enterCode.choice(t("button-link-enter-code"), {})]],
  });

  const codeForm = ctx.form({
    flow: "link",
    resumedBy: ["lienket"],
    steps: {
      code: {
        ...textStep("code", "link-ask-code", (raw) => (normalizeInviteCode(raw) ? { ok: true, value: raw } : { ok: false, reason: "link-malformed" }), { expectTextKey: "link-expected-code" }),
        prompt: ({ t }) => ({ text: t("link-ask-code"), choices: [[cancelChoice(t)]] }),
      },
    },
    finish: (turn, data) => redeem(turn, data.code ?? ""),
  });

  async function giveCode(turn: Turn): Promise<void> {
    const { code } = await issueLinkCode(db, turn.person.id, ctx.deps.now());
    turn.log.info("link code issued");
    await turn.reply({ text: turn.t("link-code", { code: formatInviteCode(code), minutes: linkCodeTtlMinutes, other: platformName(turn.t, otherPlatform(turn.event.platform)) }) });
  }

  async function redeem(turn: Turn, raw: string): Promise<void> {
    const outcome = await redeemLinkCode(db, { raw, currentPersonId: turn.person.id, now: ctx.deps.now() });
    if (outcome.kind !== "linked") {
      turn.log.info({ outcome: outcome.kind }, "link refused");
      await turn.reply({ text: turn.t(`link-${outcome.kind}`, { minutes: linkCodeTtlMinutes }) });
      return;
    }
    turn.log.info({ keptPersonId: outcome.keptPersonId }, "accounts linked");
    const here = turn.event.platform;
    const { person, others } = await linkedAccounts(db, { personId: outcome.keptPersonId, except: { platform: here, userId: turn.event.userId } });
    turn.person = { ...turn.person, ...person };
    await turn.reply({ text: turn.t("link-done", { platform: platformName(turn.t, here) }) });
    // The person's other accounts hear of it too: an unexpected link is then noticed at once.
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
      choices: available.map((p) => [linkButtons.preference.choice(platformName(turn.t, p), { platform: p })]),
    });
  }

  async function setPreference(turn: Turn, wanted: string): Promise<void> {
    const ok = isPlatform(wanted) && (await setPreferredPlatform(db, { personId: turn.person.id, platform: wanted, running: running(), now: ctx.deps.now() }));
    if (!ok) {
      await turn.reply({ text: turn.t("link-pref-unavailable", { platform: isPlatform(wanted) ? platformName(turn.t, wanted) : wanted.slice(0, 20) }) });
      return;
    }
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

  const feature: Feature = {
    name: "linking",
    commands: [
      { name: "lienket", aliases: ["link"], menuRank: 180, takesTypedArgs: (args) => normalizeInviteCode(args) !== null, run: lienket },
      { name: "kenhnhan", aliases: ["notifyvia"], menuRank: 190, run: (turn, args) => (args.trim() ? setPreference(turn, args.trim().toLowerCase()) : showPreference(turn)) },
    ],
    buttons: [
      on(linkButtons.newCode, (turn) => giveCode(turn)),
      on(linkButtons.enterCode, (turn) => codeForm.start(turn, ["code"], {})),
      on(linkButtons.preference, (turn, { platform }) => setPreference(turn, platform)),
    ],
    dialogues: [codeForm],
    help: (t) => (running().size > 1 ? t("link-help") : null),
  };
  return feature;
};
