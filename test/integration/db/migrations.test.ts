import { describe, expect, it } from "vitest";
import { createTestDb } from "../../helpers/db.ts";

describe("committed migrations", () => {
  it("create every table and column the Prisma schema declares", async () => {
    const { db, close } = await createTestDb();
    try {
      const missing: string[] = [];
      // The generated client carries the schema it was generated from.
      type Field = { name: string; kind: string; dbName?: string };
      const models = (db as unknown as { _runtimeDataModel: { models: Record<string, { dbName?: string; fields: Field[] }> } })._runtimeDataModel.models;
      expect(Object.keys(models).length).toBeGreaterThan(10);
      for (const [name, model] of Object.entries(models)) {
        const table = model.dbName ?? name;
        const columns = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${table}')`);
        if (columns.length === 0) missing.push(table);
        const names = new Set(columns.map((c) => c.name));
        for (const field of model.fields) {
          if (field.kind === "object") continue;
          const column = field.dbName ?? field.name;
          if (!names.has(column)) missing.push(`${table}.${column}`);
        }
      }
      expect(missing).toEqual([]);
    } finally {
      await close();
    }
  });
});
