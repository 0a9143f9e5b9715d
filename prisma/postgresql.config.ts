import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI for PostgreSQL deployments: the schema derived from prisma/schema (see
// derive-postgresql.mjs) and its own migrations folder, since migration SQL is per database kind.
// Through the driver adapter, like the SQLite config: nothing is downloaded. Paths are relative to
// this file.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "postgresql/schema",
  migrations: { path: "migrations-postgresql" },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
