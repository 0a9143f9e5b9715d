/** The monthly digest's screens: choosing its day (a week, then a day), and the message itself. */
import type { Translator } from "../../../../i18n/index.ts";
import type { Choice, OutboundMessage } from "../../../contract/messages.ts";
import { buttons as committeeButtons } from "../buttons.ts";
import type { CommitteeRecord } from "../access.ts";
import type { RollupSummary } from "./assess.ts";
import { rollupButtons } from "./buttons.ts";
import { monthCode, monthLabel } from "./month.ts";
import { summaryText, type RollupScreen } from "./views.ts";

const row = (c: Choice): Choice[] => [c];
const weeks = [1, 2, 3, 4] as const;
/** A week of days: 1–7, 8–14, 15–21, 22–28 (every month has them). */
const daysOf = (week: number) => Array.from({ length: 7 }, (_, i) => (week - 1) * 7 + i + 1);

/** The home's row for a secretary or deputy: the digest's day as it is. */
export const digestRow = (t: Translator, committee: CommitteeRecord): Choice[] => row(rollupButtons.digest.choice(t("rollup-button-digest", { day: committee.digestDay ?? 0 }), { committeeId: committee.id }));

export function digestWeeksView(t: Translator, committee: CommitteeRecord): OutboundMessage {
  return {
    text: [t("rollup-digest-title", { committee: committee.name }), t("rollup-digest-current", { day: committee.digestDay ?? 0 }), t("rollup-digest-explain")].join("\n"),
    choices: [
      ...weeks.map((w) => row(rollupButtons.digestWeek.choice(t("rollup-digest-week", { from: daysOf(w)[0]!, to: daysOf(w)[6]! }), { committeeId: committee.id, week: String(w) }))),
      ...(committee.digestDay ? [row(rollupButtons.digestDay.choice(t("rollup-digest-off"), { committeeId: committee.id, day: "0" }))] : []),
      row(committeeButtons.home.choice(t("committee-button-back"), { committeeId: committee.id })),
    ],
  };
}

export function digestDaysView(t: Translator, committee: CommitteeRecord, week: number): OutboundMessage {
  const days = daysOf(week).map((d) => rollupButtons.digestDay.choice(t("rollup-digest-day", { day: d }), { committeeId: committee.id, day: String(d) }));
  return {
    text: t("rollup-digest-pick-day"),
    // Four and three to a row: short labels that a phone shows side by side.
    choices: [days.slice(0, 4), days.slice(4), row(rollupButtons.digest.choice(t("committee-button-back"), { committeeId: committee.id }))],
  };
}

/** The digest as an officer receives it: the month's summary, and the way into its details. */
export function digestMessage(t: Translator, screen: RollupScreen, summary: RollupSummary): OutboundMessage {
  return {
    text: [t("rollup-digest-header", { month: monthLabel(screen.month), committee: screen.committeeName }), summaryText(t, screen, summary)].join("\n\n"),
    choices: [row(rollupButtons.summary.choice(t("rollup-digest-open"), { committeeId: screen.committeeId, month: monthCode(screen.month), scope: "a" }))],
  };
}
