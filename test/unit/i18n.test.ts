import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MissingTranslationError } from "../../bot/i18n/index.ts";
import { i18n } from "../helpers/core-harness.ts";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("locales", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(i18n.keys("en").sort()).toEqual(i18n.keys("vi").sort());
  });

  it("contain every key the code names literally", () => {
    // The reports feature and engine name their keys "report-…" wherever they appear (tables, ternaries).
    const keyPattern =
      /\bt\(\s*"([a-z0-9-]+)"|"([a-z]+(?:-[a-z0-9]+)*-(?:confirm|intro))"|textStep\("\w+", "([a-z0-9-]+)"|choiceStep\("\w+", "([a-z0-9-]+)"|"(button-[a-z0-9-]+|invalid-[a-z0-9-]+|report-[a-z0-9-]+)"/g;
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(root, "bot/core")), ...sourceFiles(join(root, "bot/telegram"))].filter((f) => !/core\/time\//.test(f))) {
      for (const match of readFileSync(file, "utf8").matchAll(keyPattern)) {
        const key = match.slice(1).find(Boolean);
        if (key) used.add(key);
      }
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !i18n.has("vi", k) || !i18n.has("en", k));
    expect(missing).toEqual([]);
  });

  it("fill parameters and keep no bidi isolation marks", () => {
    const text = i18n.t("vi", "join-requested", { cell: "Chi bộ Khu phố 3" });
    expect(text).toBe("Đã gửi yêu cầu tham gia Chi bộ Khu phố 3. Khi bí thư duyệt, tôi sẽ báo ngay cho đồng chí.");
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  it("throw on an unknown key rather than showing it to a user", () => {
    expect(() => i18n.t("vi", "no-such-key")).toThrow(MissingTranslationError);
  });
});

describe("a message read on a given messenger", () => {
  it("gets $platform, and a message that selects on it takes its default wording without one", () => {
    const t = i18n.translator("vi", "zalo");
    expect(t("join-requested", { cell: "Chi bộ Khu phố 3" })).toContain("Chi bộ Khu phố 3");
    expect(i18n.t("vi", "invalid-pick-option")).toContain("bấm nút");
    expect(t("invalid-pick-option")).not.toContain("bấm nút");
    expect(i18n.translator("vi", "telegram")("invalid-pick-option")).toContain("bấm nút");
  });
});
