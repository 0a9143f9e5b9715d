/** The meeting the new-meeting dialogue describes so far, as its answers hold it and as the check before saving shows it. */
import type { Translator } from "../../../i18n/index.ts";
import type { DialogueData } from "../../kernel/feature.ts";
import { defaultTimeZone } from "../../time/zoned.ts";
import type { MeetingDocument, MeetingDraft, MeetingKind } from "./model.ts";
import { meetingDetails } from "./views.ts";

/** The moment a date or time step stored (`at:<iso>`), or null while only the day is known. */
export const atOf = (value: string | null | undefined) => (value?.startsWith("at:") ? new Date(value.slice(3)) : null);
export const documentsOf = (data: DialogueData) => JSON.parse(data.documentsJson ?? "[]") as MeetingDocument[];

export function draftOf(data: DialogueData, startsAt: Date): MeetingDraft {
  return {
    kind: (data.kind ?? "chuyen_de") as MeetingKind,
    title: data.title ?? null,
    topic: data.topic ?? null,
    startsAt,
    place: data.place ?? null,
    agenda: data.agenda ?? null,
    preparation: data.preparation ?? null,
    documents: documentsOf(data),
  };
}

/** The meeting as members will read it, before it is saved. */
export function previewText(t: Translator, data: DialogueData, now: Date): string {
  const draft = draftOf(data, atOf(data.time) ?? now);
  const preview = meetingDetails(
    t,
    { ...draft, id: "", cellId: "", ruleId: null, documents: "[]", status: "scheduled", version: 1, notes: null, attendanceRecordedAt: null },
    { name: data.cellName ?? "", timeZone: data.timeZone ?? defaultTimeZone },
  );
  return draft.documents.length ? `${preview}\n${t("meeting-documents-count", { count: draft.documents.length })}` : preview;
}
