/**
 * Composable raw SQL for the few statements the query builder makes too slow (a fan-out's
 * inserts, its supersede). Values always go as parameters; keep the SQL standard so it runs on
 * SQLite and PostgreSQL alike.
 */
import { Prisma } from "./generated/client.ts";

export const sql = Prisma.sql;
export const joinSql = Prisma.join;
export const emptySql = Prisma.empty;
export type Sql = Prisma.Sql;
