/**
 * A committee with four cells and a crafted November 2026 (Asia/Ho_Chi_Minh), each cell showing one
 * case of the roll-up, plus a cell of another committee that must never show:
 *  - An Bình: met 05/11 19:30–21:30, documents two days ahead; 3 present, 1 excused, 1 absent;
 *    its own round due 20/11 with 2 accepted, 1 submitted, 1 returned, 1 not started.
 *  - Bến Cát: met 10/11 19:30–20:30 (60 minutes), documents 3 hours ahead; Xuân absent without
 *    reason in September, twice in October and in November (3 months), Yên in October and November
 *    (2 months), Vỹ excused in each of them, Zung absent in December 2025 and November (1 month this
 *    year), Lâm (who left) absent in three months.
 *  - Cửa Lò: a meeting on 15/11 whose attendance was never recorded; its own round due 30/11 with
 *    3 reports not started.
 *  - Đông Hà: its November meeting cancelled, a thematic meeting held, and a regular one held at
 *    00:30 on 1 December local time (30/11 17:30 UTC), which is December's.
 *  - The committee's round «Báo cáo quý IV» due 20/12, in An Bình (1 accepted, 4 not started) and
 *    Bến Cát (4 submitted).
 * Report texts and a return comment are stored, to show they never reach the committee.
 */
import type { Harness } from "../../helpers/core-harness.ts";
import { seedCell, walkCreateCell } from "../../helpers/core-harness.ts";
import { walkCreateCommittee } from "../../helpers/committees.ts";

export const secretText = "Nội dung riêng tư trong báo cáo của đảng viên";
export const secretComment = "Lời nhắc riêng của bí thư khi trả lại";

/** Wall time in Hà Nội (UTC+7, no DST) as an instant. */
export const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

export interface RollupFixture {
  committeeId: string;
  officerId: string;
  cells: Record<"a" | "b" | "c" | "d" | "other", string>;
  people: Map<string, string>;
}

async function meeting(h: Harness, cellId: string, createdById: string, m: { kind?: string; at: string; end?: string; status?: string; recorded?: boolean; documents?: boolean }) {
  return h.deps.db.meeting.create({
    data: {
      cellId,
      kind: m.kind ?? "dinh_ky",
      startsAt: local(m.at),
      endedAt: m.end ? local(m.end) : null,
      status: m.status ?? "scheduled",
      attendanceRecordedAt: m.recorded === false ? null : local(m.end ?? m.at),
      documents: m.documents ? JSON.stringify([{ kind: "link", ref: "https://example.org/nghi-quyet.pdf", name: "Nghị quyết" }]) : "[]",
      createdById,
    },
  });
}

async function attend(h: Harness, meetingId: string, marks: [string, "present" | "excused" | "absent"][], people: Map<string, string>) {
  await h.deps.db.attendance.createMany({ data: marks.map(([who, status]) => ({ meetingId, personId: people.get(who)!, status, recordedById: people.get("officer") ?? people.get(who)!, recordedAt: new Date() })) });
}

/** The documents went out with the announcement at `at` (what the meetings feature records when it sends). */
async function sent(h: Harness, meetingId: string, personId: string, at: string) {
  await h.deps.db.outboxMessage.create({ data: { key: `announce-${meetingId}-${personId}`, kind: "meeting-announce", personId, subjectId: meetingId, dueAt: local(at), status: "sent", sentAt: local(at) } });
}

async function round(h: Harness, cellId: string, r: { title: string; deadline: string; createdAt: string; committeeRoundId?: string }, drafts: [string, string][], people: Map<string, string>) {
  const db = h.deps.db;
  const created = await db.reportRound.create({
    data: { cellId, templateId: "tu-kiem-tra", title: r.title, deadline: local(r.deadline), createdById: people.get(drafts[0]![0])!, createdAt: local(r.createdAt), committeeRoundId: r.committeeRoundId ?? null },
  });
  for (const [who, status] of drafts) {
    const state = status === "not_started" ? null : JSON.stringify({ answers: { "uu-diem": secretText } });
    const draft = await db.reportDraft.create({ data: { roundId: created.id, personId: people.get(who)!, status, state, createdAt: local(r.createdAt), updatedAt: local(r.createdAt) } });
    if (status !== "not_started" && status !== "drafting") {
      await db.reportVersion.create({
        data: { draftId: draft.id, number: 1, state: state!, templateId: "tu-kiem-tra", templateVersion: 1, enteredById: draft.personId, submittedAt: local(r.createdAt), status, returnComment: status === "returned" ? secretComment : null },
      });
    }
  }
  return created;
}

export async function seedRollupFixture(h: Harness): Promise<RollupFixture> {
  const db = h.deps.db;
  const officer = h.user("900");
  await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
  await walkCreateCommittee(officer);
  const committee = await db.committee.findFirstOrThrow();
  const people = new Map<string, string>([["officer", await officer.personId()]]);
  const cell = async (name: string, who: string[]) => {
    const { cellId, personIds } = await seedCell(
      h,
      who.map((w, i) => ({ userId: w, fullName: w, role: i === 0 ? ("secretary" as const) : ("member" as const) })),
      name,
    );
    for (const [k, v] of personIds) people.set(k, v);
    return cellId;
  };
  const a = await cell("Chi bộ An Bình", ["An Sec", "An 1", "An 2", "An 3", "An 4"]);
  const b = await cell("Chi bộ Bến Cát", ["Bến Sec", "Bến 1", "Xuân", "Yên", "Vỹ", "Zung", "Lâm"]);
  const c = await cell("Chi bộ Cửa Lò", ["Cửa Sec", "Cửa 1", "Cửa 2"]);
  const d = await cell("Chi bộ Đông Hà", ["Đông Sec", "Đông 1"]);
  const other = await cell("Chi bộ Ngoài", ["Ngoài Sec", "Ngoài 1"]);
  await db.cell.updateMany({ where: { id: { in: [a, b, c, d] } }, data: { committeeId: committee.id } });
  const otherCommittee = await db.committee.create({ data: { name: "Đảng ủy xã Khác", code: "OTHERCODE1", createdById: people.get("Ngoài Sec")!, createdAt: new Date() } });
  await db.cell.update({ where: { id: other }, data: { committeeId: otherCommittee.id } });
  await db.membership.update({ where: { cellId_personId: { cellId: b, personId: people.get("Lâm")! } }, data: { status: "left" } });
  const by = people.get("officer")!;

  // An Bình
  const ma = await meeting(h, a, by, { at: "2026-11-05 19:30", end: "2026-11-05 21:30", documents: true });
  await attend(h, ma.id, [["An Sec", "present"], ["An 1", "present"], ["An 2", "present"], ["An 3", "excused"], ["An 4", "absent"]], people);
  await sent(h, ma.id, people.get("An 1")!, "2026-11-03 19:00");
  await sent(h, ma.id, people.get("An 2")!, "2026-11-05 18:00");

  // Bến Cát: the month's meeting, and the year's absences.
  const mb = await meeting(h, b, by, { at: "2026-11-10 19:30", end: "2026-11-10 20:30", documents: true });
  await attend(h, mb.id, [["Bến Sec", "present"], ["Bến 1", "present"], ["Xuân", "absent"], ["Yên", "absent"], ["Vỹ", "excused"], ["Zung", "absent"], ["Lâm", "absent"]], people);
  await sent(h, mb.id, people.get("Bến 1")!, "2026-11-10 16:30");
  const sep = await meeting(h, b, by, { at: "2026-09-08 19:30", end: "2026-09-08 21:30" });
  await attend(h, sep.id, [["Xuân", "absent"], ["Vỹ", "excused"], ["Lâm", "absent"]], people);
  const oct1 = await meeting(h, b, by, { at: "2026-10-06 19:30", end: "2026-10-06 21:30" });
  await attend(h, oct1.id, [["Xuân", "absent"], ["Yên", "absent"], ["Vỹ", "excused"], ["Lâm", "absent"]], people);
  const oct2 = await meeting(h, b, by, { kind: "chuyen_de", at: "2026-10-20 19:30", end: "2026-10-20 21:30" });
  await attend(h, oct2.id, [["Xuân", "absent"]], people);
  const lastYear = await meeting(h, b, by, { at: "2025-12-08 19:30", end: "2025-12-08 21:30" });
  await attend(h, lastYear.id, [["Zung", "absent"]], people);

  // Cửa Lò: a meeting nobody recorded.
  await meeting(h, c, by, { at: "2026-11-15 19:30", recorded: false });
  await round(h, c, { title: "Tự kiểm tra quý IV", deadline: "2026-11-30 17:00", createdAt: "2026-11-02 08:00" }, [["Cửa Sec", "not_started"], ["Cửa 1", "not_started"], ["Cửa 2", "not_started"]], people);

  // Đông Hà: nothing regular in November.
  await meeting(h, d, by, { at: "2026-11-12 19:30", status: "cancelled", recorded: false });
  const thematic = await meeting(h, d, by, { kind: "chuyen_de", at: "2026-11-19 19:30", end: "2026-11-19 21:30" });
  await attend(h, thematic.id, [["Đông Sec", "present"], ["Đông 1", "present"]], people);
  const december = await meeting(h, d, by, { at: "2026-12-01 00:30", end: "2026-12-01 02:30" });
  await attend(h, december.id, [["Đông Sec", "present"], ["Đông 1", "absent"]], people);

  // The other committee's cell meets too.
  const mo = await meeting(h, other, by, { at: "2026-11-05 19:30", end: "2026-11-05 21:30" });
  await attend(h, mo.id, [["Ngoài Sec", "present"], ["Ngoài 1", "absent"]], people);

  // Rounds: An Bình's own, and the committee's in An Bình and Bến Cát.
  await round(h, a, { title: "Kiểm điểm giữa nhiệm kỳ", deadline: "2026-11-20 17:00", createdAt: "2026-11-01 08:00" }, [["An Sec", "accepted"], ["An 1", "accepted"], ["An 2", "submitted"], ["An 3", "returned"], ["An 4", "not_started"]], people);
  const cr = await db.committeeRound.create({ data: { committeeId: committee.id, templateId: "tu-kiem-tra", title: "Báo cáo quý IV", deadline: local("2026-12-20 17:00"), createdById: by, createdAt: local("2026-11-25 08:00") } });
  await round(h, a, { title: "Báo cáo quý IV", deadline: "2026-12-20 17:00", createdAt: "2026-11-25 08:00", committeeRoundId: cr.id }, [["An Sec", "accepted"], ["An 1", "not_started"], ["An 2", "drafting"], ["An 3", "not_started"], ["An 4", "not_started"]], people);
  await round(h, b, { title: "Báo cáo quý IV", deadline: "2026-12-20 17:00", createdAt: "2026-11-25 08:00", committeeRoundId: cr.id }, [["Bến Sec", "submitted"], ["Bến 1", "submitted"], ["Xuân", "submitted"], ["Yên", "submitted"]], people);
  // A round closed long before November shows nowhere.
  const old = await round(h, a, { title: "Đợt cũ", deadline: "2026-06-30 17:00", createdAt: "2026-06-01 08:00" }, [["An Sec", "accepted"]], people);
  await db.reportRound.update({ where: { id: old.id }, data: { status: "closed", closedAt: local("2026-07-01 08:00") } });

  return { committeeId: committee.id, officerId: (await db.committeeOfficer.findFirstOrThrow({ where: { committeeId: committee.id } })).id, cells: { a, b, c, d, other }, people };
}
