import type { Translator } from "../../i18n/index.ts";
import { utcToZonedWall } from "../time/zoned.ts";
import type { DocumentHeader } from "./models.ts";

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The header every document of a cell carries: the committee above (the one the cell is linked to
 * in the bot, else as typed at cell creation), the cell, and the place-and-date line with the place
 * left blank (the bot does not know where the paper is signed) and the date in the cell's zone.
 */
export function documentHeader(t: Translator, cell: { name: string; parentCommittee: string | null; timeZone: string; committee?: { name: string } | null }, at: Date): DocumentHeader {
  const w = utcToZonedWall(at, cell.timeZone);
  return { committee: cell.committee?.name ?? cell.parentCommittee, cell: cell.name, placeAndDate: t("document-place-date", { day: pad2(w.day), month: pad2(w.month), year: String(w.year) }) };
}
