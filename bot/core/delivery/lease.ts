/**
 * Named leases in the database: one holder at a time, for as long as it keeps renewing. The outbox
 * takes one so that a single process spends each messenger's rate budget, however many instances
 * share the database. Time is the caller's: the outbox run's own clock, as for its claims.
 * One standard upsert (SQLite ≥ 3.24, PostgreSQL): taking, renewing and taking over are one row.
 */
import type { DbTx } from "../../db/client.ts";

/** Takes the lease, or renews it for its holder; false while another holder's lease runs. */
export async function takeLease(db: DbTx, input: { name: string; holder: string; ttlMs: number; now?: Date }): Promise<boolean> {
  const now = input.now ?? new Date();
  const until = new Date(now.getTime() + input.ttlMs);
  const changed = await db.$executeRaw`INSERT INTO lease (name, holder, expires_at) VALUES (${input.name}, ${input.holder}, ${until})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE lease.holder = excluded.holder OR lease.expires_at < ${now}`;
  return changed === 1;
}

/** Gives the lease up, if this holder has it, so another process can take it at once. */
export async function releaseLease(db: DbTx, input: { name: string; holder: string }): Promise<void> {
  await db.lease.deleteMany({ where: { name: input.name, holder: input.holder } });
}

/** Leases of holders known dead (their worker stopped beating): free at once. */
export async function releaseLeasesOf(db: DbTx, holders: string[]): Promise<number> {
  if (holders.length === 0) return 0;
  return (await db.lease.deleteMany({ where: { holder: { in: holders } } })).count;
}
