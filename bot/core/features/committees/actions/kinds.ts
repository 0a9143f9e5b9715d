/** The outbox kinds of the committee's actions; dotted so they are never mistaken for locale keys. */
export const actionKinds = {
  /** A cell's secretary or deputy told that the committee opened a round in the cell. */
  roundOpened: "committee.round-opened",
  /** A committee's notice to one person of its cells. */
  notice: "committee.notice",
} as const;
