/**
 * The meetings' documents, for the cell's secretary and deputy: the minutes draft (biên bản) of a
 * meeting, prefilled with what the bot knows and with marked blanks for what only people can
 * write, and the year's attendance as a spreadsheet.
 */
import type { Db } from "../../../db/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import { isCellAdmin } from "../../domain/members.ts";
import { safeFileName } from "../../documents/file-name.ts";
import { documentHeader } from "../../documents/header.ts";
import type { AttendanceMark, AttendanceSheet, MinutesDocument } from "../../documents/models.ts";
import type { DocumentProducer } from "../../documents/producer.ts";
import { utcToZonedWall } from "../../time/zoned.ts";
import { absenceTallies } from "./queries.ts";
import { meetingOutboxKinds, parseDocuments } from "./model.ts";
import { meetingTitle, whenText } from "./views.ts";

export const meetingDocumentKinds = { minutes: "minutes", attendance: "attendance-year" } as const;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The attendance sheet's subject: the cell and the year, one id. */
export const attendanceSubject = (cellId: string, year: number) => `${cellId}.${year}`;

export function meetingDocumentProducers(db: Db): Record<string, DocumentProducer> {
  return {
    [meetingDocumentKinds.minutes]: async ({ personId, subjectId, t }) => {
      const meeting = await db.meeting.findUnique({ where: { id: subjectId }, include: { cell: { include: { committee: { select: { name: true } } } } } });
      if (!meeting || meeting.status !== "scheduled" || !(await isCellAdmin(db, personId, meeting.cellId))) return null;
      const rows = await db.attendance.findMany({ where: { meetingId: meeting.id }, include: { person: { select: { fullName: true } } }, orderBy: { person: { fullName: "asc" } } });
      const names = (status: string) => rows.filter((r) => r.status === status).map((r) => r.person.fullName ?? "?");
      const firstSent = await db.outboxMessage.findFirst({
        where: { subjectId: meeting.id, kind: { in: [meetingOutboxKinds.announce, meetingOutboxKinds.reminder] }, status: "sent" },
        orderBy: { sentAt: "asc" },
        select: { sentAt: true },
      });
      const tz = meeting.cell.timeZone;
      const sentAt = firstSent?.sentAt ? t("minutes-sent-at", { when: whenText(t, firstSent.sentAt, tz) }) : null;
      const doc: MinutesDocument = {
        header: documentHeader(t, meeting.cell, meeting.startsAt),
        title: t("minutes-title"),
        subtitle: minutesSubtitle(t, meeting, tz),
        facts: [
          [t("minutes-started"), whenText(t, meeting.startsAt, tz)],
          [t("minutes-ended"), meeting.endedAt ? whenText(t, meeting.endedAt, tz) : ""],
          [t("minutes-place"), meeting.place ?? ""],
          [t("minutes-chair"), meeting.chairName ?? ""],
          [t("minutes-recorder"), meeting.recorderName ?? ""],
        ],
        attendance: {
          invited: rows.length,
          present: names("present"),
          excused: rows.filter((r) => r.status === "excused").map((r) => ({ name: r.person.fullName ?? "?", reason: r.reason ? reasonLabel(t, r.reason) : null })),
          absent: names("absent"),
        },
        agenda: meeting.agenda ?? meeting.topic,
        documentsSent: parseDocuments(meeting.documents).map((d) => ({ name: d.name || d.ref, sentAt })),
        resolution: meeting.notes,
        blankSections: [t("minutes-blank-report"), t("minutes-blank-discussion"), t("minutes-blank-votes")],
        labels: {
          attendance: t("minutes-attendance"),
          present: t("minutes-present"),
          excused: t("minutes-excused"),
          absent: t("minutes-absent"),
          agenda: t("minutes-agenda"),
          documents: t("minutes-documents"),
          resolution: t("minutes-resolution"),
          blank: t("minutes-blank-hint"),
          chair: t("minutes-sign-chair"),
          recorder: t("minutes-sign-recorder"),
          nobody: t("summary-nobody"),
        },
        signatures: { chair: meeting.chairName, recorder: meeting.recorderName },
      };
      const { renderMinutesDocx } = await import("../../documents/word/minutes.ts");
      return renderMinutesDocx(doc);
    },

    [meetingDocumentKinds.attendance]: async ({ personId, subjectId, t }) => {
      const match = /^([A-Za-z0-9]{8,40})\.(\d{4})$/.exec(subjectId);
      if (!match) return null;
      const [, cellId, yearText] = match as unknown as [string, string, string];
      const year = Number(yearText);
      const cell = await db.cell.findUnique({ where: { id: cellId } });
      if (!cell || !(await isCellAdmin(db, personId, cell.id))) return null;
      const meetings = (await db.meeting.findMany({ where: { cellId, status: "scheduled", attendanceRecordedAt: { not: null } }, orderBy: { startsAt: "asc" }, include: { attendance: true } })).filter(
        (m) => utcToZonedWall(m.startsAt, cell.timeZone).year === year,
      );
      const members = await db.membership.findMany({ where: { cellId, OR: [{ status: "active" }, { personId: { in: meetings.flatMap((m) => m.attendance.map((a) => a.personId)) } }] }, include: { person: { select: { fullName: true } } } });
      const tallies = await absenceTallies(db, cellId, year, cell.timeZone);
      const byMeeting = meetings.map((m) => new Map(m.attendance.map((a) => [a.personId, a])));
      const sheet: AttendanceSheet = {
        title: t("attendance-sheet-title", { cell: cell.name, year: String(year) }),
        labels: {
          number: t("doc-col-number"),
          name: t("doc-col-name"),
          present: t("attendance-col-present"),
          excused: t("attendance-col-excused"),
          absent: t("attendance-col-absent"),
          unexcusedMonths: t("attendance-col-months"),
          "present-mark": t("attendance-mark-present"),
          "excused-mark": t("attendance-mark-excused"),
          "absent-mark": t("attendance-mark-absent"),
        },
        meetings: meetings.map((m) => {
          const w = utcToZonedWall(m.startsAt, cell.timeZone);
          return { heading: `${pad2(w.day)}/${pad2(w.month)}`, date: m.startsAt };
        }),
        rows: members
          .map((member) => ({
            name: member.person.fullName ?? "?",
            marks: byMeeting.map((attendance) => {
              const a = attendance.get(member.personId);
              return { mark: (a?.status ?? null) as AttendanceMark, reason: a?.reason ? reasonLabel(t, a.reason) : null };
            }),
            unexcusedMonths: tallies.get(member.personId)?.unexcusedMonths ?? 0,
          }))
          .sort((a, b) => a.name.localeCompare(b.name, "vi")),
      };
      const { renderAttendanceXlsx } = await import("../../documents/excel/attendance.ts");
      return renderAttendanceXlsx(sheet, safeFileName([t("attendance-sheet-file"), cell.name, String(year)], "xlsx"), cell.timeZone);
    },
  };
}

/** «Diễn đàn: Vai trò của…»; a title that already names the kind (a regular meeting's, or typed so) is left alone. */
export function minutesSubtitle(t: Translator, meeting: { kind: string; title: string | null; startsAt: Date } & Parameters<typeof meetingTitle>[1], timeZone: string): string {
  const kind = t(`meeting-kind-${meeting.kind}`);
  const title = meetingTitle(t, meeting, timeZone);
  return title.toLocaleLowerCase("vi").startsWith(kind.toLocaleLowerCase("vi")) ? title : `${kind}: ${title}`;
}

/** A stored reason: one of the answer codes (worded), or the secretary's own words. */
function reasonLabel(t: Translator, reason: string): string {
  return ["om_dau", "cong_tac", "gia_dinh", "khac"].includes(reason) ? t(`reason-${reason}`) : reason;
}
