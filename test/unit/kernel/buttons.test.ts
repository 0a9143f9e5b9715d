import { z } from "zod";
import { describe, expect, it } from "vitest";
import { buttonValue, defineButton, maxButtonBytes } from "../../../bot/core/kernel/buttons.ts";
import { on, type Feature } from "../../../bot/core/kernel/feature.ts";
import { createRegistry } from "../../../bot/core/kernel/registry.ts";

const id = "ckq2x7b3h0000abcdxyz12345";

describe("a declared button", () => {
  const role = defineButton("r", { membershipId: buttonValue.id, role: z.enum(["d", "c", "m"]).transform((c) => ({ d: "deputy", c: "committee", m: "member" })[c]) });

  it("makes its data and reads it back, with values checked and transformed by its own schemas", () => {
    const choice = role.choice("Phó bí thư", { membershipId: id, role: "d" });
    expect(choice).toEqual({ label: "Phó bí thư", data: `r:${id}:d` });
    expect(role.decode([id, "d"])).toEqual({ membershipId: id, role: "deputy" });
  });

  it("refuses values that do not fit, as a forged button would carry", () => {
    expect(role.decode([id, "x"])).toBeNull();
    expect(role.decode(["../etc", "d"])).toBeNull();
    expect(role.decode([id])).toBeNull();
  });

  it("lets only the last value hold a colon, and leaves an empty last value off the wire", () => {
    const step = defineButton("d", { step: z.string().regex(/^\w+$/), value: z.string().min(1) });
    expect(step.data({ step: "time", value: "19:30" })).toBe("d:time:19:30");
    expect(step.decode(["time", "19", "30"])).toEqual({ step: "time", value: "19:30" });
    expect(() => defineButton("q", { a: z.string(), b: z.string() }).data({ a: "x:y", b: "z" })).toThrow(/must not contain/);
    const engine = defineButton("rp", { tag: z.string(), args: z.string() });
    expect(engine.data({ tag: "ab12", args: "" })).toBe("rp:ab12");
    expect(engine.decode(["ab12"])).toEqual({ tag: "ab12", args: "" });
  });

  it("refuses to make data its own schema would refuse, or data over Telegram's limit", () => {
    expect(() => role.data({ membershipId: "not an id!", role: "d" })).toThrow(/refused by its own schema/);
    const long = defineButton("long", { text: z.string() });
    expect(() => long.data({ text: "x".repeat(maxButtonBytes) })).toThrow(/bytes/);
  });

  it("marks the buttons of menus and lists, whose messages keep their keyboard", () => {
    const menu = defineButton("m", { command: z.string() }, { keep: true });
    expect(menu.choice("Lịch", { command: "lich" })).toEqual({ label: "Lịch", data: "m:lich", keep: true });
  });

  it("has an id of one or two plain segments", () => {
    expect(() => defineButton("Bad")).toThrow();
    expect(() => defineButton("a:b:c")).toThrow();
    expect(() => defineButton("rm!")).not.toThrow();
  });
});

describe("the registry", () => {
  const noop = async () => undefined;
  const feature = (name: string, ids: string[]): Feature => ({ name, buttons: ids.map((i) => on(defineButton(i, { v: z.string().min(1) }), noop)) });

  it("routes a press to the handler declared with its button, and nothing else", () => {
    const reg = createRegistry([feature("meetings", ["mt:v", "mt:a"]), feature("membership", ["ap"])]);
    expect(reg.button("mt:v:x")?.binding.def.id).toBe("mt:v");
    expect(reg.button("ap:x")?.binding.def.id).toBe("ap");
    expect(reg.button("mt:zz:x")).toBeNull();
    expect(reg.button("zz:x")).toBeNull();
    expect(reg.button("ap")).toBeNull();
  });

  it("refuses two features claiming one prefix, one button twice, a one-segment id beside two-segment ones, or one command twice", () => {
    expect(() => createRegistry([feature("a", ["mt:v"]), feature("b", ["mt:x"])])).toThrow(/belongs to a/);
    expect(() => createRegistry([feature("a", ["ap", "ap"])])).toThrow(/twice/);
    expect(() => createRegistry([feature("a", ["mt:v", "mt"])])).toThrow(/collides/);
    expect(() => createRegistry([feature("a", ["mt", "mt:v"])])).toThrow(/collides/);
    const cmd = (name: string): Feature => ({ name, commands: [{ name: "lich", run: noop }] });
    expect(() => createRegistry([cmd("a"), cmd("b")])).toThrow(/command "lich" is taken/);
    expect(() => createRegistry([{ name: "a", commands: [{ name: "Lịch", run: noop }] }])).toThrow(/folded/);
  });

  it("knows a command by its name and its aliases, and nothing inherited from Object", () => {
    const reg = createRegistry([{ name: "a", commands: [{ name: "ngonngu", aliases: ["language"], run: noop }] }]);
    expect(reg.command("language")?.name).toBe("ngonngu");
    expect(reg.command("constructor")).toBeUndefined();
    expect(reg.command("__proto__")).toBeUndefined();
  });
});
