import type { Db } from "../../../db/client.ts";
import { isLocale } from "../../../i18n/index.ts";
import type { FeatureContext, Turn } from "../../kernel/feature.ts";
import { engineTextsFor, type EngineTexts } from "./engine/engine-texts.ts";
import type { TemplateStore } from "./template-store.ts";

/** What every part of the reports feature works with. */
export interface Runtime {
  ctx: FeatureContext;
  /** Handed to services and queries; handlers never use it themselves. */
  db: Db;
  store: TemplateStore;
  now(): Date;
  /** The engine's texts in the language of the person on this turn. */
  texts(turn: Turn): EngineTexts;
}

export function createRuntime(ctx: FeatureContext, store: TemplateStore): Runtime {
  const { deps } = ctx;
  return {
    ctx,
    db: deps.db,
    store,
    now: () => deps.now(),
    texts: (turn) => engineTextsFor(deps.i18n, isLocale(turn.person.locale) ? turn.person.locale : deps.settings.defaultLocale, turn.event.platform),
  };
}
