/**
 * The committee feature is built of parts (the roll-up, the actions from above) that add their own
 * buttons, dialogues, notices and rows on the committee's home screen, as features add theirs to the
 * kernel. A part knows the committee's shared pieces (access, home) and nothing of the other parts.
 */
import type { Translator } from "../../../i18n/index.ts";
import type { Choice } from "../../contract/messages.ts";
import type { OutboxRenderer } from "../../delivery/outbox.ts";
import type { DocumentProducer } from "../../documents/producer.ts";
import type { ButtonBinding, DialogueDecl, FeatureContext, FeatureJob, Turn } from "../../kernel/feature.ts";
import type { OfficerPost } from "./access.ts";

export interface CommitteePart {
  buttons?: ButtonBinding[];
  dialogues?: DialogueDecl[];
  outbox?: Record<string, OutboxRenderer>;
  documents?: Record<string, DocumentProducer>;
  jobs?: FeatureJob[];
  /** Rows this part adds to the committee's home screen for this post. */
  homeRows?(t: Translator, post: OfficerPost): Choice[][];
  help?(t: Translator): string | null;
}

export interface CommitteeShared {
  /** Shows the committee's home screen to an officer. */
  showHome(turn: Turn, committeeId: string): Promise<void>;
}

export type CommitteePartFactory = (ctx: FeatureContext, shared: CommitteeShared) => CommitteePart;
