/** Creating a committee: its code, its first officer (the secretary), and the request to the committee above. */
import { randomBytes } from "node:crypto";
import type { Db } from "../../../../db/client.ts";
import { isUniqueViolation } from "../../../../db/errors.ts";
import { audit } from "../../../domain/audit.ts";
import { leadRoles, requirePost, type CommitteeRecord } from "../access.ts";
import { generateCommitteeCode } from "../code.ts";

export interface CreatedCommittee {
  committee: CommitteeRecord;
  /** The link asked of the committee above, when a code was given. */
  parentRequest: { linkId: string; parent: CommitteeRecord } | null;
}

/** Finds a committee by its (normalized) code. */
export async function committeeByCode(db: Db, code: string): Promise<CommitteeRecord | null> {
  return db.committee.findUnique({ where: { code } });
}

/**
 * Creates the committee with its creator as secretary, all audited in one transaction; a code that
 * happens to be taken is drawn again.
 */
export async function createCommittee(
  db: Db,
  input: { personId: string; name: string; parentId: string | null; timeZone: string; now: Date; random?: (n: number) => Uint8Array },
): Promise<CreatedCommittee> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const committee = await tx.committee.create({
          data: { name: input.name, code: generateCommitteeCode(input.random ?? randomBytes), timeZone: input.timeZone, createdById: input.personId, createdAt: input.now },
        });
        await tx.committeeOfficer.create({
          data: { committeeId: committee.id, personId: input.personId, role: "secretary", appointedById: input.personId, appointedAt: input.now },
        });
        await audit(tx, { committeeId: committee.id, actorPersonId: input.personId, targetPersonId: input.personId, action: "committee.created", details: { role: "secretary" }, at: input.now });
        let parentRequest: CreatedCommittee["parentRequest"] = null;
        if (input.parentId) {
          const parent = await tx.committee.findUnique({ where: { id: input.parentId } });
          if (parent) {
            const link = await tx.committeeLink.create({ data: { committeeId: parent.id, childCommitteeId: committee.id, requestedById: input.personId, requestedAt: input.now } });
            await audit(tx, { committeeId: parent.id, actorPersonId: input.personId, action: "committee.link_requested", details: { linkId: link.id, childCommitteeId: committee.id }, at: input.now });
            parentRequest = { linkId: link.id, parent };
          }
        }
        return { committee, parentRequest };
      });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Sets the day of the month the roll-up digest goes out (null: none). Secretary or deputy; audited. */
export async function setDigestDay(db: Db, input: { actorId: string; committeeId: string; day: number | null; now: Date }): Promise<CommitteeRecord> {
  return db.$transaction(async (tx) => {
    const { committee: before } = await requirePost(tx, input.actorId, input.committeeId, leadRoles);
    const committee = await tx.committee.update({ where: { id: input.committeeId }, data: { digestDay: input.day } });
    await audit(tx, { committeeId: input.committeeId, actorPersonId: input.actorId, action: "committee.digest_day_set", details: { before: before.digestDay, after: input.day }, at: input.now });
    return committee;
  });
}
