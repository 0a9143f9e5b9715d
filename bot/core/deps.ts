import type { Db } from "../db/client.ts";
import type { I18n, Locale } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { Messenger } from "./contract/ports.ts";
import type { Platform } from "./contract/messages.ts";

export interface CoreSettings {
  defaultLocale: Locale;
  defaultTimeZone: string;
  /** 0 = invites never expire. */
  inviteTtlDays: number;
  /**
   * Where documents are served to messengers that cannot send files (PUBLIC_URL, DOWNLOAD_SECRET):
   * absent, such a reader is told why no link can be made.
   */
  downloads?: { publicUrl: string; secret: string; ttlHours: number };
}

/** What the core is built from: made once by main.ts (or a test harness) and shared by every feature. */
export interface CoreDeps {
  db: Db;
  i18n: I18n;
  logger: Logger;
  settings: CoreSettings;
  messengers: ReadonlyMap<Platform, Messenger>;
  now: () => Date;
  /** Asks the scheduler to send due outbox rows soon, instead of at its next tick. */
  kickOutbox?: () => void;
}
