import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each worker gets its own SQLite file (see test/helpers/db.ts); two workers match the machine.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
