/**
 * The one button codec. A feature declares each kind of button once: an id and the values it
 * carries, each with a zod schema. The same declaration makes the button (`choice`), reads it back
 * (`decode`) and routes a press to its handler (see registry.ts), so what is sent and what is
 * accepted cannot drift apart.
 *
 * Wire format (Telegram's callback_data, Zalo's remembered options): `<id>[:<value>…]`, where the id
 * is one segment ("ap") or two ("mt:v"), and the last value may itself contain ":" ("19:30").
 * At most 63 bytes: Telegram allows 64 and its adapter may add one byte of its own.
 */
import { z } from "zod";
import type { Choice } from "../contract/messages.ts";

/** A button value on the wire is a string; its schema checks it and may turn it into something else. */
export type FieldSchema = z.ZodType<unknown, z.ZodTypeDef, string>;
export type FieldShape = Record<string, FieldSchema>;
export type ButtonValues<S extends FieldShape> = { [K in keyof S]: z.output<S[K]> };
export type ButtonInput<S extends FieldShape> = { [K in keyof S]: string };

export const maxButtonBytes = 63;

/** Ids are lower-case letters and digits, optionally ending in "!" (a confirmation: "rm!"). */
const idSegment = /^[a-z][a-z0-9]*!?$/;

export interface ButtonDef<S extends FieldShape = FieldShape> {
  readonly id: string;
  readonly fields: S;
  /** Pressing it leaves the message's buttons in place (menus and lists, pressed again and again). */
  readonly keep: boolean;
  /** The callback data for these values; throws on values its own schema refuses (a bug, not input). */
  data(values: ButtonInput<S>): string;
  choice(label: string, values: ButtonInput<S>): Choice;
  /** The values after the id, checked; null when they do not fit (a forged or outdated button). */
  decode(rest: readonly string[]): ButtonValues<S> | null;
}

export function defineButton<S extends FieldShape = Record<never, FieldSchema>>(id: string, fields: S = {} as S, options: { keep?: boolean } = {}): ButtonDef<S> {
  const segments = id.split(":");
  if (segments.length > 2 || !segments.every((s) => idSegment.test(s))) throw new Error(`Button id "${id}" must be one or two segments of [a-z0-9], optionally ending in "!"`);
  const names = Object.keys(fields) as (keyof S & string)[];
  const keep = options.keep ?? false;

  function data(values: ButtonInput<S>): string {
    const parts = names.map((name, i) => {
      const raw = values[name];
      if (i < names.length - 1 && raw.includes(":")) throw new Error(`Button ${id}: value "${name}" must not contain ":"`);
      if (!fields[name]!.safeParse(raw).success) throw new Error(`Button ${id}: value "${name}" is refused by its own schema`);
      return raw;
    });
    // An empty last value is left off the wire, and read back as empty (see decode).
    if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    const encoded = [id, ...parts].join(":");
    if (Buffer.byteLength(encoded, "utf8") > maxButtonBytes) throw new Error(`Button ${id}: ${Buffer.byteLength(encoded, "utf8")} bytes, more than ${maxButtonBytes}`);
    return encoded;
  }

  function decode(rest: readonly string[]): ButtonValues<S> | null {
    if (names.length === 0) return rest.length === 0 ? ({} as ButtonValues<S>) : null;
    const padded = rest.length === names.length - 1 ? [...rest, ""] : rest;
    if (padded.length < names.length) return null;
    const raw = [...padded.slice(0, names.length - 1), padded.slice(names.length - 1).join(":")];
    const out: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) {
      const parsed = fields[name]!.safeParse(raw[i]);
      if (!parsed.success) return null;
      out[name] = parsed.data;
    }
    return out as ButtonValues<S>;
  }

  return {
    id,
    fields,
    keep,
    data,
    decode,
    choice: (label, values) => ({ label, data: data(values), ...(keep ? { keep: true } : {}) }),
  };
}

/** Common value schemas. */
export const buttonValue = {
  /** A database id (cuid): letters and digits only. */
  id: z.string().regex(/^[a-z0-9]{8,40}$/i),
  /** A short code word chosen by the feature (an action, a step id, a locale). */
  word: z.string().regex(/^[\w-]{1,40}$/),
  /** Free text of limited length, checked further by whoever reads it. */
  text: z.string().min(1).max(56),
} as const;

/** Splits callback data into the id candidates and the values after each. */
export function splitButtonData(data: string): { one: { id: string; rest: string[] }; two: { id: string; rest: string[] } | null } {
  const parts = data.split(":");
  return {
    one: { id: parts[0] ?? "", rest: parts.slice(1) },
    two: parts.length >= 2 ? { id: `${parts[0]}:${parts[1]}`, rest: parts.slice(2) } : null,
  };
}
