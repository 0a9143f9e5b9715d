import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "../../bot/i18n/index.ts";
import { i18n } from "../helpers/core-harness.ts";

const root = join(import.meta.dirname, "../..");

/** Every message key of a language with the variables its source names, read off the .ftl files. */
function messages(locale: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const dir = join(root, "locales", locale);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    let current: Set<string> | null = null;
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const start = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
      if (start) out.set(start[1]!, (current = new Set()));
      else if (line.trim() !== "" && !/^\s/.test(line)) current = null;
      for (const m of line.matchAll(/\$([a-zA-Z_][\w-]*)/g)) current?.add(m[1]!);
    }
  }
  return out;
}

/** Wording Zalo cannot honour: it has no buttons, nothing to tap, and no links that open the bot. */
const notOnZalo: Record<string, RegExp> = {
  vi: /\bbấm\b|\bnhấn\b|\bnút\b|\bchạm\b|đường link|mở link|nút bên dưới/iu,
  en: /\bpress(ing)?\b|\bbuttons?\b|\btap\b|invite link|open the link/i,
};

/** Shown only where the messenger has what they speak of (an invite link exists on Telegram only). */
const telegramOnly = new Set(["invite-link"]);

describe("every message, as read on Zalo", () => {
  it.each([...locales])("%s: speaks of nothing Zalo lacks (buttons, tapping, invite links)", (locale) => {
    const t = i18n.translator(locale, "zalo");
    const offenders: string[] = [];
    for (const [key, vars] of messages(locale)) {
      // Command descriptions fill Telegram's command menu; Zalo has none.
      if (telegramOnly.has(key) || key.startsWith("command-")) continue;
      const params = Object.fromEntries([...vars].filter((v) => v !== "platform").map((v) => [v, "1"]));
      const text = t(key, params);
      if (notOnZalo[locale]!.test(text)) offenders.push(`${key}: ${text.slice(0, 120)}`);
    }
    expect(offenders).toEqual([]);
  });
});
