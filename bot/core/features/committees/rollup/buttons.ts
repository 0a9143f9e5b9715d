/** The roll-up's buttons, declared once with their values (two segments, "ru:…"). */
import { z } from "zod";
import { buttonValue, defineButton } from "../../../kernel/buttons.ts";
import { parseMonth, type Month } from "./month.ts";

const id = buttonValue.id;
/** Six digits, "202611"; a month that cannot be is refused like any forged value. */
const month = z
  .string()
  .regex(/^\d{6}$/)
  .transform((s, ctx): Month => {
    const m = parseMonth(s);
    if (!m) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "not a month" });
    return m ?? { year: 0, month: 0 };
  });
/** a: every cell of the committee; m: the cells the officer is in charge of. */
const scope = z.enum(["a", "m"]);
const page = z.string().regex(/^\d{1,4}$/).transform(Number);
const week = z.enum(["1", "2", "3", "4"]).transform(Number);
/** 0 turns the digest off; otherwise a day every month has. */
const day = z
  .string()
  .regex(/^(?:[0-9]|1[0-9]|2[0-8])$/)
  .transform(Number);

export type Scope = z.infer<typeof scope>;

export const rollupButtons = {
  summary: defineButton("ru:s", { committeeId: id, month, scope }, { keep: true }),
  list: defineButton("ru:l", { committeeId: id, month, scope, page }, { keep: true }),
  cell: defineButton("ru:c", { cellId: id, month, scope, page }, { keep: true }),
  sheet: defineButton("ru:x", { committeeId: id, month, scope }),
  /** The digest's day: the weeks, then a week's days, then the day chosen (0: off). */
  digest: defineButton("ru:d", { committeeId: id }, { keep: true }),
  digestWeek: defineButton("ru:dw", { committeeId: id, week }, { keep: true }),
  digestDay: defineButton("ru:dd", { committeeId: id, day }),
};
