import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { i18n } from "../helpers/core-harness.ts";

const root = join(import.meta.dirname, "../..");

describe("Zalo and linking texts", () => {
  it("exist in both languages for every key the adapter names", () => {
    const dir = join(root, "bot/zalo");
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      for (const m of readFileSync(join(dir, file), "utf8").matchAll(/\bt\([^,]+,\s*"([a-z0-9-]+)"/g)) used.add(m[1]!);
    }
    expect([...used].sort()).toEqual(["private-chat-only", "too-fast", "zalo-ambiguous-option", "zalo-answer-by-name", "zalo-answer-few", "zalo-answer-one", "zalo-answer-range", "zalo-attachments-unavailable"]);
    for (const key of used) {
      expect(i18n.has("vi", key), key).toBe(true);
      expect(i18n.has("en", key), key).toBe(true);
    }
  });

  it("cover every refusal of a link code", () => {
    for (const kind of ["malformed", "unknown", "used", "expired", "same-person", "both-have-cells"]) {
      expect(i18n.t("vi", `link-${kind}`, { minutes: 15 })).not.toBe("");
      expect(i18n.t("en", `link-${kind}`, { minutes: 15 })).not.toBe("");
    }
  });

  it("address members as «đồng chí» with full diacritics", () => {
    const vi = readFileSync(join(root, "locales/vi/zalo.ftl"), "utf8");
    expect(vi).toContain("đồng chí");
    expect(vi).not.toMatch(/\bdong chi\b|\blien ket\b/);
  });
});
