/** A cell as every feature sees it: its name, its time zone and its reminder settings. */
export interface CellRecord {
  id: string;
  name: string;
  parentCommittee: string | null;
  timeZone: string;
  reminderOffsets: string;
  summaryOffset: number;
  quietStart: string;
  quietEnd: string;
}
