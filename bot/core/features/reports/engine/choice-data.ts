/**
 * Button payloads: `rp:<tag>:<step>:<action>[:<arg>…]`, at most 63 bytes (Telegram's limit less
 * the adapter's byte). The tag (a hash of the template id) and the step id let the engine recognise a
 * button pressed on an old message — an earlier question, another report, or after submission — and
 * refuse it politely. The format is the feature's one declaration (`buttons.engine`): encoding and
 * decoding both go through it.
 */
import { buttons } from "../buttons.ts";

export const choicePrefix = `${buttons.engine.id}:`;
/** Pseudo step ids for the review and the confirmation screens; "@" never occurs in a real step id. */
export const reviewStep = "@r";
export const confirmStep = "@c";

export const actions = {
  option: "o",
  toggle: "t",
  page: "p",
  done: "d",
  back: "b",
  skip: "s",
  pause: "z",
  keep: "k",
  level: "l",
  edit: "e",
  submit: "f",
  confirm: "y",
  cancel: "c",
  /** The hint of the current question, shown on request. */
  hint: "g",
  /** One answer of the review, whole. */
  view: "v",
  /** The whole review again (after an edit, only the changed line is shown). */
  whole: "w",
} as const;
export type Action = (typeof actions)[keyof typeof actions];

export const levelCodes = { none: "n", present: "p", risk: "r" } as const;

export interface DecodedChoice {
  tag: string;
  step: string;
  action: string;
  args: string[];
}

/** FNV-1a, four base-36 characters: enough to tell a handful of templates apart, short enough to fit. */
export function templateTag(templateId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < templateId.length; i++) {
    h ^= templateId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 4).toString(36).padStart(4, "0");
}

export function encodeChoice(tag: string, step: string, action: Action, ...args: string[]): string {
  return buttons.engine.data({ tag, step, action, args: args.join(":") });
}

export function decodeChoice(data: string): DecodedChoice | null {
  if (!data.startsWith(choicePrefix)) return null;
  const values = buttons.engine.decode(data.slice(choicePrefix.length).split(":"));
  return values ? fromValues(values) : null;
}

/** A press the kernel already decoded with `buttons.engine`, as the engine reads it. */
export function fromValues(values: { tag: string; step: string; action: string; args: string }): DecodedChoice {
  return { tag: values.tag, step: values.step, action: values.action, args: values.args === "" ? [] : values.args.split(":") };
}

export function isReportChoice(data: string): boolean {
  return data.startsWith(choicePrefix);
}
