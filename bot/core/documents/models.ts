/**
 * What the documents are made from: plain data, already worded in the reader's language and with
 * dates already formatted in the cell's zone. The renderers (Word and Excel) read nothing else:
 * no database, no clock, no translator.
 */

/** The header block every Party document of the cell carries. */
export interface DocumentHeader {
  /** The committee above the cell as typed at cell creation («Đảng bộ phường X»), if known. */
  committee: string | null;
  /** The cell's name («Chi bộ Khu phố 3»). */
  cell: string;
  /** «Khu phố 3, ngày 05 tháng 12 năm 2026»: place (if known) and date, already worded. */
  placeAndDate: string;
}

/** One answered question of a report. */
export interface ReportItem {
  /** The member's question number («Câu n»), as in chat. */
  n: number;
  title: string;
  /** The answer as text; paragraphs separated by "\n", list lines start with "- ". */
  answer: string;
}

export interface ReportSection {
  /** The part above this section («A. NỘI DUNG KIỂM ĐIỂM»), on the first section of each part. */
  part?: string | null;
  /** The section's heading («I. Ưu điểm, kết quả đạt được»), or null for questions before any heading. */
  heading: string | null;
  items: ReportItem[];
}

/** A member's submitted report, as the template it answers lays it out. */
export interface ReportDocument {
  header: DocumentHeader;
  /** «BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN» or the template's own title. */
  title: string;
  /** Lines under the title («Năm 2026», «(Đảng viên không làm việc trong hệ thống chính trị)»). */
  subtitles: string[];
  /** The member's details: [label, value] in order («Họ và tên», «Chi bộ», …). */
  fields: [string, string][];
  sections: ReportSection[];
  /** Whether items print their question number («3. …»); not when titles carry the form's numbering. */
  numbered?: boolean;
  /** A closing note of the template, if any. */
  note: string | null;
  /** The signature block: «NGƯỜI TỰ KIỂM ĐIỂM» (worded) and the member's name. */
  signature: { role: string; name: string };
  /** Labels the renderer prints (worded in the reader's language). */
  labels: { noAnswer: string };
}

export type AttendanceMark = "present" | "excused" | "absent" | null;

/** The minutes draft (biên bản) of one meeting: what the bot knows, and blanks for the rest. */
export interface MinutesDocument {
  header: DocumentHeader;
  /** «BIÊN BẢN», then the meeting's kind and title («Sinh hoạt chi bộ định kỳ tháng 12/2026»). */
  title: string;
  subtitle: string;
  /** [label, value] lines: time started, ended, place, chair, secretary of the meeting, … ; "" = a blank to fill by hand. */
  facts: [string, string][];
  attendance: {
    invited: number;
    present: string[];
    excused: { name: string; reason: string | null }[];
    absent: string[];
  };
  agenda: string | null;
  /** Documents sent before the meeting, and when. */
  documentsSent: { name: string; sentAt: string | null }[];
  /** The resolution's points as the secretary entered them. */
  resolution: string | null;
  /** Section headings to leave blank for hand-writing («Ý kiến thảo luận», «Biểu quyết», …). */
  blankSections: string[];
  /** Worded labels the renderer prints. */
  labels: Record<"attendance" | "present" | "excused" | "absent" | "agenda" | "documents" | "resolution" | "blank" | "chair" | "recorder" | "nobody", string>;
  signatures: { chair: string | null; recorder: string | null };
}

/** A year of the cell's attendance: members × meetings. */
export interface AttendanceSheet {
  title: string;
  /** Column headings of the fixed columns: «STT», «Họ và tên», then per meeting, then totals. */
  labels: Record<"number" | "name" | "present" | "excused" | "absent" | "unexcusedMonths" | "present-mark" | "excused-mark" | "absent-mark", string>;
  meetings: { heading: string; date: Date }[];
  rows: { name: string; marks: { mark: AttendanceMark; reason: string | null }[]; unexcusedMonths: number }[];
}

/** A report round's status: one row per member who must answer. */
export interface RoundStatusSheet {
  title: string;
  labels: Record<"number" | "name" | "status" | "submittedAt" | "versions" | "decidedBy" | "decidedAt", string>;
  rows: { name: string; status: string; submittedAt: Date | null; versions: number; decidedBy: string | null; decidedAt: Date | null }[];
  /** For date cells: the cell's zone (dates are shown as wall time there). */
  timeZone: string;
}

/** A produced file, ready to send or serve. */
export interface DocumentFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export const docxMime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const xlsxMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One member's words quoted in the cell's review draft, with their name (the secretary summarises). */
export interface NamedQuote {
  name: string;
  text: string;
}

/**
 * The cell's own year-end review draft (Mẫu 01 headings, HD 43), assembled from the members'
 * reviews for the secretary to edit: counts, the members' own words quoted with their names, the
 * self-scores and proposed grades. Nothing in it is the bot's judgement.
 */
export interface CollectiveReviewDocument {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  /** What the draft is and how it was made, in italics under the title. */
  note: string;
  /** Count lines (members, reviews received, left out and why, not received). */
  facts: string[];
  parts: {
    heading: string;
    sections: { heading: string; lines: string[]; quotes: NamedQuote[]; blank: boolean }[];
  }[];
  scores: { labels: { name: string; groups: string[]; total: string; proposed: string }; rows: { name: string; groups: string[]; total: string; proposed: string }[] } | null;
  signature: { role: string; name: string | null };
  labels: { nothing: string };
}
