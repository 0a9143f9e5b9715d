/**
 * The finished report as plain text, for the cell secretary and for reading aloud at the meeting.
 */
import { evaluate, type MemberProfile } from "./conditions.ts";
import type { DraftState } from "./draft-state.ts";
import { resolveTexts, type EngineLocale, type EngineTexts } from "./engine-texts.ts";
import { answerText } from "./engine-view.ts";
import { answerValues, resolve } from "./flow.ts";
import type { Template } from "./template-schema.ts";

export interface ReportMember extends MemberProfile {
  fullName: string;
  /** The year the report is for, put in place of «{year}» in the subtitles («Năm {year}»). */
  year?: number;
  cellName?: string;
  /** Already formatted by the caller (the engine does not read the clock). */
  dateText?: string;
}

/** The finished report as parts: what the plain text and the Word file are both made from. */
export interface ReportModel {
  title: string;
  subtitles: string[];
  /** [label, value] lines of the header: the member, the cell, answers marked `reportAs: "field"`, the date. */
  fields: [string, string][];
  /** `part` is the heading above sections («A. NỘI DUNG KIỂM ĐIỂM»), set on the first section of each part. */
  sections: { part: string | null; heading: string | null; items: { n: number; title: string; answer: string; skipped: boolean }[] }[];
  /** Whether items carry the question's number («3. …»); not when the titles carry the form's own numbering. */
  numbered: boolean;
  note: string | null;
}

/** An item's heading line: «3. Title», or the title alone when it carries the form's numbering. */
export const itemHeading = (m: Pick<ReportModel, "numbered">, item: { n: number; title: string }) => (m.numbered ? `${item.n}. ${item.title}` : item.title);

export function reportModel(template: Template, state: DraftState, member: ReportMember, texts?: EngineTexts | EngineLocale): ReportModel {
  const t = resolveTexts(texts);
  const r = resolve(template, state.answers, member);
  const valuesOf = (id: string) => {
    const a = r.effective[id];
    return a ? answerValues(a) : undefined;
  };
  const subtitles: string[] = [];
  for (const sub of template.reportSubtitles ?? []) if (!sub.when || evaluate(sub.when, valuesOf, r.profile)) subtitles.push(sub.text.replaceAll("{year}", member.year ? String(member.year) : "…"));
  const fields: [string, string][] = [[t.fullName, member.fullName]];
  if (member.cellName) fields.push([t.cell, member.cellName]);
  const sections: ReportModel["sections"] = [];
  let currentPart: string | null = null;
  // The member's numbers («Câu n/N»), so that the secretary, the member and the change note speak
  // of the same «câu 8»; a number in the header or skipped is simply not in the list.
  r.questions.forEach((q, i) => {
    const n = i + 1;
    const a = r.effective[q.id];
    if (q.reportAs === "field") {
      // A skipped header field is left out rather than printed empty.
      if (a?.kind !== "skipped") fields.push([q.title, a ? answerText(t, q, a) : t.reportNoAnswer]);
      return;
    }
    const current = sections[sections.length - 1];
    const newPart = Boolean(q.part && q.part !== currentPart);
    if (!current || newPart || (q.section && q.section !== current.heading)) {
      sections.push({ part: newPart ? q.part! : null, heading: q.section ?? null, items: [] });
      if (q.part) currentPart = q.part;
    }
    const skipped = a?.kind === "skipped";
    sections[sections.length - 1]!.items.push({ n, title: q.heading ?? q.title, answer: skipped ? t.answerSkipped : a ? answerText(t, q, a) : t.reportNoAnswer, skipped });
  });
  if (member.dateText) fields.push([t.date, member.dateText]);
  return { title: (template.reportTitle ?? template.title).toUpperCase(), subtitles, fields, sections, numbered: template.numbering !== "form", note: template.reportNote ?? null };
}

export function renderReport(template: Template, state: DraftState, member: ReportMember, texts?: EngineTexts | EngineLocale): string {
  const m = reportModel(template, state, member, texts);
  const body: string[] = [];
  for (const section of m.sections) {
    if (section.part) body.push(section.part);
    if (section.heading) body.push(section.heading);
    // A skipped question takes one line, so its number is not missing from the list.
    for (const item of section.items) body.push(item.skipped ? `${itemHeading(m, item)}: ${item.answer}` : `${itemHeading(m, item)}\n${item.answer}`);
  }
  const head = [m.title, ...m.subtitles].join("\n");
  const fields = m.fields.map(([label, value]) => `${label}: ${value}`).join("\n");
  return [head, fields, ...body, ...(m.note ? [m.note] : [])].join("\n\n");
}
