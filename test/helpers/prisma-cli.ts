import { execFile } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { protectDatabaseFiles } from "../../bot/db/client.ts";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const execFileAsync = promisify(execFile);

/**
 * Runs the Prisma CLI (through the driver adapter, see prisma.config.ts) on the database at `url`.
 * The bot migrates in-process; tests use the CLI as the reference it must agree with.
 */
export async function prismaCli(url: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [resolve(projectRoot, "node_modules/prisma/build/index.js"), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? String(error) };
  }
}

/** `prisma migrate deploy`, as the bot did before it migrated in-process. */
export async function migrateWithPrismaCli(url: string): Promise<void> {
  protectDatabaseFiles(url);
  const result = await prismaCli(url, ["migrate", "deploy"]);
  if (result.code !== 0) throw new Error(`prisma migrate deploy failed: ${result.stderr.trim() || result.stdout.trim()}`);
}
