import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateWithPrismaCli } from "./prisma-cli.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

/**
 * Migrates one template database with the real committed migrations, through the Prisma CLI (the
 * reference the bot's in-process migration is compared with in test/integration/db/); tests copy it.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "chibo-test-"));
  const path = join(dir, "template.db");
  await migrateWithPrismaCli(`file:${path}`);
  project.provide("templateDbPath", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
