import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Packages that speak to a messenger or the network: adapters only, never the core. */
const messengerPackages = ["grammy", "grammy/*", "@grammyjs/*", "undici"];

export default tseslint.config(
  { ignores: ["node_modules/", "bot/db/generated/", "data/", "coverage/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "no-console": "error",
    },
  },
  // The core is platform-neutral: no messenger package, no adapter, no scheduler.
  {
    files: ["bot/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: messengerPackages, message: "The core speaks of text and choices; messenger APIs belong in bot/telegram or bot/zalo." },
            { group: ["**/telegram/**", "**/zalo/**"], message: "The core never imports an adapter." },
            { group: ["node-cron", "**/jobs/**"], message: "Scheduling is wired in jobs/ and main.ts; the core exposes plain job functions." },
          ],
        },
      ],
    },
  },
  // The inner rooms know nothing of the rooms above them.
  {
    files: ["bot/core/contract/**/*.ts", "bot/core/domain/**/*.ts", "bot/core/time/**/*.ts", "bot/core/deps.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: messengerPackages, message: "The core speaks of text and choices." },
            { group: ["**/kernel/**", "**/features/**", "**/delivery/**"], message: "contract, domain and time sit below delivery, kernel and features." },
          ],
        },
      ],
    },
  },
  // Documents are made from plain models: below delivery, the kernel and the features.
  {
    files: ["bot/core/documents/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: messengerPackages, message: "The core speaks of text and choices." }, { group: ["**/kernel/**", "**/features/**", "**/delivery/**", "**/db/**"], message: "Documents are rendered from models; the features gather the data." }] },
      ],
    },
  },
  {
    files: ["bot/core/delivery/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: messengerPackages, message: "The core speaks of text and choices." }, { group: ["**/kernel/**", "**/features/**"], message: "Delivery sits below the kernel and the features." }] },
      ],
    },
  },
  // The kernel routes and knows no feature.
  {
    files: ["bot/core/kernel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: messengerPackages, message: "The core speaks of text and choices." }, { group: ["**/features/**"], message: "The kernel knows no feature: features register through the registry." }] },
      ],
    },
  },
  // A feature reaches the kernel through its context, never through the kernel's store.
  {
    files: ["bot/core/features/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: messengerPackages, message: "The core speaks of text and choices." },
            { group: ["**/kernel/dialogue/store.ts", "**/kernel/app.ts", "**/kernel/registry.ts", "**/kernel/turn.ts", "**/kernel/home.ts"], message: "Features reach the kernel through FeatureContext (ctx.dialogue, ctx.form, …)." },
          ],
        },
      ],
    },
  },
  // Adapters see the core only through its contract, and pure helpers (bot/lib, bot/i18n, bot/logger, bot/config, bot/db for their own tables).
  {
    files: ["bot/telegram/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "core/(?!contract/)", message: "Adapters import only bot/core/contract and pure helpers." }, { group: ["**/zalo/**"], message: "One adapter never imports the other." }] }] },
  },
  {
    files: ["bot/zalo/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "core/(?!contract/)", message: "Adapters import only bot/core/contract and pure helpers." }, { group: ["**/telegram/**"], message: "One adapter never imports the other." }] }] },
  },
  // Pure helpers stay pure.
  {
    files: ["bot/lib/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/core/**", "**/db/**", ...messengerPackages], message: "bot/lib holds pure helpers for the core and the adapters alike." }] }] },
  },
);
