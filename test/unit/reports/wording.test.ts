/**
 * The reports' texts fit the messenger they are read on (Zalo has no buttons, nothing to tap, no
 * links) and speak as the rest of the bot does («tôi», «bot», never «chatbot»).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { engineTextsFor } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { loadTemplatesFromDir } from "../../../bot/core/features/reports/engine/template-loader.ts";
import { i18n } from "../../helpers/core-harness.ts";
import { templatesDir } from "./helpers.ts";

const root = join(import.meta.dirname, "../../..");
const notOnZalo = { vi: /\bbấm\b|\bnhấn\b|\bnút\b|\bchạm\b|đường link|mở link/iu, en: /\bpress(ing)?\b|\bbuttons?\b|\btap\b|\blinks?\b/i } as const;

/** The reports' messages of a language, with the variables each one names. */
function reportMessages(locale: "vi" | "en"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of readFileSync(join(root, "locales", locale, "reports.ftl"), "utf8").split("\n")) {
    const start = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
    if (start) out.set(start[1]!, (current = []));
    else if (line.trim() !== "" && !/^\s/.test(line) && !line.startsWith("}")) current = null;
    for (const m of line.matchAll(/\$([a-zA-Z_][\w-]*)/g)) if (m[1] !== "platform") current?.push(m[1]!);
  }
  return out;
}

describe("the reports' texts on Zalo", () => {
  it.each(["vi", "en"] as const)("%s: no message speaks of buttons, pressing, tapping or links", (locale) => {
    const t = i18n.translator(locale, "zalo");
    const offenders = [...reportMessages(locale)]
      .filter(([key]) => !key.startsWith("command-"))
      .map(([key, vars]) => [key, t(key, Object.fromEntries(vars.map((v) => [v, "1"])))] as const)
      .filter(([, text]) => notOnZalo[locale].test(text));
    expect(offenders).toEqual([]);
  });

  it("tells a Zalo member to type numbers, and a Telegram member to choose", () => {
    const zalo = engineTextsFor(i18n, "vi", "zalo");
    const telegram = engineTextsFor(i18n, "vi", "telegram");
    expect(zalo.multiHowTo).toContain("gõ nhiều số một lúc");
    expect(zalo.errUseButtons).toContain("gõ số");
    expect(telegram.errUseButtons).toContain("chọn một trong các phương án");
    expect(i18n.translator("vi", "zalo")("report-use-buttons")).toContain("gõ số");
  });
});

describe("the reports' wording", () => {
  it("never says «chatbot» where everything else says «tôi» or «bot»", () => {
    for (const locale of ["vi", "en"]) expect(readFileSync(join(root, "locales", locale, "reports.ftl"), "utf8")).not.toMatch(/chatbot/i);
  });

  it("has shipped templates that speak of choosing, not of pressing buttons, and never of «chatbot»", () => {
    const { templates, errors } = loadTemplatesFromDir(templatesDir);
    expect(errors).toEqual([]);
    for (const template of templates) {
      const text = JSON.stringify(template);
      expect(text, template.id).not.toMatch(/chatbot|\bbấm\b|\bnút\b|\bnhấn\b|\bchạm\b|đường link/iu);
    }
  });

  it("counts nothing when there is nothing: no «đã tiếp nhận 0», no reminder «tới 0 đồng chí»", () => {
    const t = i18n.translator("vi");
    expect(t("report-status-title", { title: "T", deadline: "D", submitted: 1, total: 5, accepted: 0 })).toMatch(/Đã nộp 1\/5\.$/);
    expect(t("report-status-title", { title: "T", deadline: "D", submitted: 2, total: 5, accepted: 1 })).toContain("Đã nộp 2/5 (đã tiếp nhận 1).");
    expect(t("report-reminded-now", { count: 0 })).not.toContain("0");
  });
});
