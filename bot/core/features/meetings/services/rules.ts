/**
 * The cell's regular monthly meeting: setting or stopping the rule, and keeping its next
 * occurrences scheduled (the hourly job). One meeting per rule and month (a unique key), so
 * expanding again, or from two schedulers at once, never makes a second one.
 */
import type { Db, DbTx } from "../../../../db/client.ts";
import { isUniqueViolation } from "../../../../db/errors.ts";
import { audit } from "../../../domain/audit.ts";
import type { CellRecord } from "../../../domain/cells.ts";
import { adminRoles, requireRole } from "../../../domain/members.ts";
import { monthlyRuleSchema, nextOccurrences, type MonthlyRule } from "../../../time/monthly-rule.ts";
import { utcToZonedWall } from "../../../time/zoned.ts";
import { planMeeting } from "../planning.ts";

/** How many upcoming occurrences of a rule are kept scheduled. */
const occurrencesAhead = 2;

const monthKey = (date: Date, timeZone: string) => {
  const w = utcToZonedWall(date, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}`;
};

interface RuleRow {
  id: string;
  cellId: string;
  rule: string;
  place: string | null;
  createdById: string;
  cell: CellRecord;
}

/**
 * Schedules the rule's next occurrences and plans their reminders; occurrences no one has moved
 * follow a changed rule (members hear of the move). Returns how many meetings it made or moved.
 */
async function expandRule(tx: DbTx, row: RuleRow, now: Date): Promise<number> {
  const parsed = monthlyRuleSchema.safeParse(JSON.parse(row.rule));
  if (!parsed.success) return 0;
  const timeZone = row.cell.timeZone;
  let changed = 0;
  for (const at of nextOccurrences(parsed.data, { after: now, count: occurrencesAhead, timeZone })) {
    const occurrence = monthKey(at, timeZone);
    const existing = await tx.meeting.findUnique({ where: { ruleId_occurrence: { ruleId: row.id, occurrence } } });
    if (!existing) {
      const meeting = await tx.meeting.create({ data: { cellId: row.cellId, ruleId: row.id, occurrence, kind: "dinh_ky", startsAt: at, place: row.place, createdById: row.createdById } });
      await planMeeting(tx, meeting.id, now);
      changed++;
    } else if (existing.status === "scheduled" && existing.version === 1 && existing.startsAt > now && existing.startsAt.getTime() !== at.getTime()) {
      // Untouched occurrences follow the rule; one moved by hand (version > 1) keeps its own time.
      const { count } = await tx.meeting.updateMany({ where: { id: existing.id, version: 1 }, data: { startsAt: at, place: row.place, version: { increment: 1 } } });
      if (count === 0) continue;
      await planMeeting(tx, existing.id, now, "moved");
      changed++;
    }
  }
  return changed;
}

/** Runs `work` in a transaction, once more if another scheduler made the same occurrence meanwhile. */
async function withRetry<T>(db: Db, work: (tx: DbTx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(work);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 1) throw error;
    }
  }
}

/** Sets (or replaces) the cell's monthly rule, schedules its next occurrences and plans their reminders. */
export async function setMonthlyRule(db: Db, input: { actorId: string; cellId: string; rule: MonthlyRule; place: string | null; now: Date }) {
  return withRetry(db, async (tx) => {
    const { cell } = await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const existing = await tx.meetingRule.findFirst({ where: { cellId: input.cellId, active: true } });
    const rule = existing
      ? await tx.meetingRule.update({ where: { id: existing.id }, data: { rule: JSON.stringify(input.rule), place: input.place } })
      : await tx.meetingRule.create({ data: { cellId: input.cellId, rule: JSON.stringify(input.rule), place: input.place, createdById: input.actorId } });
    await audit(tx, { cellId: input.cellId, actorPersonId: input.actorId, action: "meeting.rule_set", details: { rule: input.rule, place: input.place }, at: input.now });
    const changed = await expandRule(tx, { ...rule, cell }, input.now);
    return { cell, changed };
  });
}

export async function stopMonthlyRule(db: Db, input: { actorId: string; cellId: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await requireRole(tx, input.actorId, input.cellId, adminRoles);
    const { count } = await tx.meetingRule.updateMany({ where: { cellId: input.cellId, active: true }, data: { active: false } });
    if (count > 0) await audit(tx, { cellId: input.cellId, actorPersonId: input.actorId, action: "meeting.rule_stopped", at: input.now });
    return count > 0;
  });
}

/** The hourly job: every active rule's next occurrences, one rule per transaction. Returns how many meetings it made or moved. */
export async function expandRules(db: Db, now: Date): Promise<number> {
  const rules = await db.meetingRule.findMany({ where: { active: true }, include: { cell: true } });
  let changed = 0;
  for (const row of rules) changed += await withRetry(db, (tx) => expandRule(tx, row, now));
  return changed;
}
