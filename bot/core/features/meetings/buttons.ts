/**
 * Every button of the meetings feature, declared once with the values it carries. The wire format
 * is the one messages already sent carry: `mt:<action>:<meetingId>[:<a>[:<b>]]`.
 */
import { z } from "zod";
import { buttonValue, defineButton } from "../../kernel/buttons.ts";
import type { AnswerGroup } from "./answer-lines.ts";
import type { AbsenceReason } from "./model.ts";

const meetingId = buttonValue.id;
const membershipId = buttonValue.id;

/** One letter per reason keeps the data short: o(m đau), c(ông tác), g(ia đình), k(hác). */
export const reasonCodes = { o: "om_dau", c: "cong_tac", g: "gia_dinh", k: "khac" } as const satisfies Record<string, AbsenceReason>;
export type ReasonCode = keyof typeof reasonCodes;
export const reasonCodeList = Object.keys(reasonCodes) as ReasonCode[];
const reason = z.enum(["o", "c", "g", "k"]).transform((c) => reasonCodes[c]);
/** A proxy answer: a(ttend), or absent with one of the reason codes. */
const proxyAnswer = z.enum(["a", "o", "c", "g", "k"]).transform((c): "attend" | AbsenceReason => (c === "a" ? "attend" : reasonCodes[c]));

/** A page of a long list, from 0. */
const page = z.string().regex(/^\d{1,5}$/).transform(Number);
/** One letter per group of the answers summary. */
const answerGroupCodes = { a: "attend", x: "absent", n: "none", u: "unreachable" } as const satisfies Record<string, AnswerGroup>;
const answerGroup = z.enum(["a", "x", "n", "u"]).transform((c): AnswerGroup => answerGroupCodes[c]);

export const buttons = {
  attend: defineButton("mt:a", { meetingId }),
  absent: defineButton("mt:b", { meetingId }),
  reason: defineButton("mt:r", { meetingId, reason }),
  view: defineButton("mt:v", { meetingId }),
  newMeeting: defineButton("mt:new"),
  rule: defineButton("mt:rule"),
  move: defineButton("mt:mv", { meetingId }),
  place: defineButton("mt:pl", { meetingId }),
  cancel: defineButton("mt:cx", { meetingId }),
  cancelConfirm: defineButton("mt:cx!", { meetingId }),
  answers: defineButton("mt:st", { meetingId }),
  proxyList: defineButton("mt:px", { meetingId }),
  proxyPage: defineButton("mt:pp", { meetingId, page }),
  answersList: defineButton("mt:al", { meetingId, group: answerGroup, page }),
  proxyPick: defineButton("mt:pm", { meetingId, membershipId }),
  proxyAnswer: defineButton("mt:pa", { meetingId, membershipId, answer: proxyAnswer }),
  attendance: defineButton("mt:at", { meetingId }),
  /** The minutes draft of a meeting (Word); the cell's attendance of a year (Excel). */
  minutes: defineButton("mt:mn", { meetingId }),
  attendanceYear: defineButton("mt:ay", { cellId: buttonValue.id, year: z.string().regex(/^20\d\d$/).transform(Number) }),
};
