import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];

export type TParams = Record<string, string | number>;
/** Renders one message of the current locale. */
export type Translator = (key: string, params?: TParams) => string;

export interface I18n {
  t(locale: Locale, key: string, params?: TParams): string;
  /**
   * The messages of one language as read on one messenger: every message gets `$platform`
   * ("telegram", "zalo"), so a text can word itself for where it is read («bấm nút» on Telegram,
   * «gõ số» on Zalo, which has no buttons) with a Fluent selector.
   */
  translator(locale: Locale, platform?: string): Translator;
  has(locale: Locale, key: string): boolean;
  keys(locale: Locale): string[];
}

export class MissingTranslationError extends Error {
  constructor(
    readonly locale: string,
    readonly key: string,
  ) {
    super(`No message "${key}" in locale "${locale}"`);
    this.name = "MissingTranslationError";
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Loads every `locales/<lang>/*.ftl` (one file per feature) for every supported locale. A syntax
 * error, or one key defined in two files, stops start-up.
 */
export function createI18n(dir: string): I18n {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of locales) {
    // Bidi isolation marks would end up inside Telegram and Zalo texts as invisible junk.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const files = readdirSync(join(dir, locale)).filter((f) => f.endsWith(".ftl")).sort();
    for (const file of files) {
      const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, locale, file), "utf8")));
      if (errors.length > 0) throw new Error(`locales/${locale}/${file}: ${errors.map((e) => e.message).join("; ")}`);
    }
    bundles.set(locale, bundle);
  }

  function t(locale: Locale, key: string, params?: TParams): string {
    const bundle = bundles.get(locale);
    const message = bundle?.getMessage(key);
    if (!bundle || !message?.value) throw new MissingTranslationError(locale, key);
    const errors: Error[] = [];
    // A message may select on the messenger; read without one, it takes its default wording.
    const args = { platform: "any", ...params } as Record<string, FluentVariable>;
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl ${key}: ${errors.map((e) => e.message).join("; ")}`);
    return text;
  }

  return {
    t,
    translator: (locale, platform) => (key, params) => t(locale, key, platform ? { platform, ...params } : params),
    has: (locale, key) => Boolean(bundles.get(locale)?.getMessage(key)?.value),
    keys: (locale) => [...(bundles.get(locale)?._messages.keys() ?? [])],
  };
}
