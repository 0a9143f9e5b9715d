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
  cellName?: string;
  /** Already formatted by the caller (the engine does not read the clock). */
  dateText?: string;
}

export function renderReport(template: Template, state: DraftState, member: ReportMember, texts?: EngineTexts | EngineLocale): string {
  const t = resolveTexts(texts);
  const r = resolve(template, state.answers, member);
  const valuesOf = (id: string) => {
    const a = r.effective[id];
    return a ? answerValues(a) : undefined;
  };
  const head = [(template.reportTitle ?? template.title).toUpperCase()];
  for (const sub of template.reportSubtitles ?? []) if (!sub.when || evaluate(sub.when, valuesOf, r.profile)) head.push(sub.text);

  const fields = [`${t.fullName}: ${member.fullName}`];
  if (member.cellName) fields.push(`${t.cell}: ${member.cellName}`);
  const body: string[] = [];
  let section: string | undefined;
  // The member's numbers («Câu n/N»), so that the secretary, the member and the change note speak
  // of the same «câu 8»; a number in the header or skipped is simply not in the list.
  r.questions.forEach((q, i) => {
    const n = i + 1;
    const a = r.effective[q.id];
    if (q.reportAs === "field") {
      // A skipped header field is left out rather than printed empty.
      if (a?.kind !== "skipped") fields.push(`${q.title}: ${a ? answerText(t, q, a) : t.reportNoAnswer}`);
      return;
    }
    if (q.section && q.section !== section) {
      section = q.section;
      body.push(section);
    }
    // A skipped question takes one line, so its number is not missing from the list.
    if (a?.kind === "skipped") body.push(`${n}. ${q.title}: ${t.answerSkipped}`);
    else body.push(`${n}. ${q.title}\n${a ? answerText(t, q, a) : t.reportNoAnswer}`);
  });
  if (member.dateText) fields.push(`${t.date}: ${member.dateText}`);
  return [head.join("\n"), fields.join("\n"), ...body, ...(template.reportNote ? [template.reportNote] : [])].join("\n\n");
}
