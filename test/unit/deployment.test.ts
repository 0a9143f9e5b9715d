/**
 * The deployment files cannot be tried here (no Docker engine): this checks that they agree with
 * the code and with each other, so that a change to one is not forgotten in the others.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../bot/config.ts";
import { migrationsDir, projectRoot } from "../../bot/db/client.ts";
import { defaultTemplatesDir } from "../../bot/core/features/reports/template-store.ts";
import { registerHealthRoutes } from "../../bot/http/health.ts";
import type { HttpServer } from "../../bot/http/server.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const variables = Object.keys(configSchema.innerType().shape);
const startCommand = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start!.split(/\s+/);
const dockerfile = read("Dockerfile");
const readme = read("README.md");

describe("the deployment files", () => {
  it("name every configuration variable: .env.example and the README's table", () => {
    const example = read(".env.example");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((v) => !new RegExp(`^#? ?${v}=`, "m").test(example))).toEqual([]);
    expect(variables.filter((v) => !table.includes(`| \`${v}\` |`))).toEqual([]);
  });

  it("start the bot as `npm start` does: the image, the systemd unit and the README", () => {
    expect(startCommand.slice(0, 1)).toEqual(["node"]);
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd!)).toEqual(startCommand);
    const unit = read("deploy/chibo-bot.service");
    expect(/^ExecStart=(.*)$/m.exec(unit)?.[1]).toBe(["/usr/bin/node", ...startCommand.slice(1)].join(" "));
    expect(readme).toContain(startCommand.join(" "));
  });

  it("check a health endpoint the bot serves, on the port the image sets", () => {
    const paths: string[] = [];
    const fake = { route: (_m: string, path: string) => paths.push(path) } as unknown as HttpServer;
    registerHealthRoutes(fake, { database: async () => undefined, schedulerTickedAt: () => new Date(), messengers: new Map(), stopping: () => false });
    const check = /^HEALTHCHECK[^]*?CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    const probed = /\/(readyz|healthz)/.exec(check!)?.[0];
    expect(paths).toContain(probed);
    expect(dockerfile).toMatch(/HTTP_PORT=8080/);
    expect(dockerfile).toMatch(/^EXPOSE 8080$/m);
    expect(read("compose.yaml")).toContain('HTTP_PORT: "8080"');
  });

  it("keep what the compiled bot reads at run time in the image, and the database on the volume", () => {
    const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map((m) => m[1]!);
    for (const needed of ["dist", "node_modules", "package.json", "locales", relative(projectRoot, migrationsDir), relative(projectRoot, defaultTemplatesDir)]) {
      expect(copied.some((c) => needed === c || needed.startsWith(`${c}/`))).toBe(true);
    }
    expect(dockerfile).toMatch(/^VOLUME \["\/app\/data"\]$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain("DATABASE_URL=file:/app/data/chibo.db");
    expect(read("compose.yaml")).toContain("DATABASE_URL: file:/app/data/chibo.db");
    expect(read("compose.yaml")).toContain("/app/data");
  });

  it("are described in the README's Deploying section", () => {
    const deploying = readme.slice(readme.indexOf("## Deploying"));
    for (const word of ["docker compose up -d", "deploy/chibo-bot.service", ".env.example", "/readyz", "npm run backup", "TELEGRAM_MODE=webhook"]) expect(deploying).toContain(word);
  });
});
