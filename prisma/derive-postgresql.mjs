// The PostgreSQL schema is derived from the one schema in prisma/schema: the same models, with the
// provider and the generated client's folder changed. Run at install (package.json postinstall);
// its output (prisma/postgresql/schema) is not committed, so the two can never drift apart.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, "schema");
const to = join(here, "postgresql", "schema");
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((f) => f.endsWith(".prisma"))) {
  let text = readFileSync(join(from, name), "utf8");
  if (name === "base.prisma") {
    const before = text;
    text = text.replace('provider = "sqlite"', 'provider = "postgresql"').replace('output          = "../../bot/db/generated"', 'output          = "../../../bot/db/generated-pg"');
    if (text === before || !text.includes("generated-pg")) throw new Error("prisma/schema/base.prisma changed shape: update prisma/derive-postgresql.mjs");
  }
  writeFileSync(join(to, name), `// Derived from prisma/schema/${name} by prisma/derive-postgresql.mjs: edit that one.\n${text}`);
}
