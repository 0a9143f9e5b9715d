import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, migrateDatabase } from "../../../bot/db/client.ts";

const modeOf = (path: string) => statSync(path).mode & 0o777;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the database files", () => {
  it("are the owner's alone: a new folder 700, the file and its WAL companions 600", async () => {
    const dir = join(tmpdir(), `chibo-perm-${randomUUID()}`, "data");
    dirs.push(join(dir, ".."));
    const url = `file:${join(dir, "chibo.db")}`;
    await migrateDatabase(url);
    const db = await createDb(url);
    await db.person.create({ data: { locale: "vi" } });
    expect(modeOf(dir)).toBe(0o700);
    for (const suffix of ["", "-wal", "-shm"]) {
      expect(existsSync(join(dir, `chibo.db${suffix}`))).toBe(true);
      expect(modeOf(join(dir, `chibo.db${suffix}`))).toBe(0o600);
    }
    await db.$disconnect();
  });

  it("are made 600 at start when an earlier release left them readable by everyone", async () => {
    const dir = join(tmpdir(), `chibo-perm-${randomUUID()}`);
    dirs.push(dir);
    mkdirSync(dir, { mode: 0o755 });
    const path = join(dir, "chibo.db");
    const url = `file:${path}`;
    await migrateDatabase(url);
    chmodSync(path, 0o644);
    writeFileSync(`${path}-journal`, "");
    chmodSync(`${path}-journal`, 0o644);
    await migrateDatabase(url);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-journal`)).toBe(0o600);
  });
});
