/**
 * A document kind a feature can make («report», «minutes», «attendance»…): given who asks and what
 * it is about, the file, or null when that person may not have it (or it is gone). The same
 * producer answers a press in chat and a download link, so a link is re-checked when it is used.
 */
import type { Translator } from "../../i18n/index.ts";
import type { DocumentFile } from "./models.ts";

export interface DocumentRequest {
  personId: string;
  /** What the document is about: a report version, a round, a meeting, a cell and year… */
  subjectId: string;
  /** The reader's language, for the headings and labels inside the file. */
  t: Translator;
  now: Date;
}

export type DocumentProducer = (request: DocumentRequest) => Promise<DocumentFile | null>;

/** Document kinds are words on the wire (in a link and in a button). */
export const documentKindPattern = /^[a-z][a-z0-9-]{0,23}$/;
