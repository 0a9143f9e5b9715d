import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema reads DATABASE_URL; without it Prisma 6 falls back to downloading an engine, which
// fails offline. So a default is set here, the same one the bot uses.
process.env.DATABASE_URL ??= "file:./data/chibo.db";

// The CLI runs through the driver adapter: nothing is downloaded (see ../shared/notes/prisma-offline.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
