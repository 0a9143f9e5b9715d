import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { serializeError } from "../../bot/logger.ts";

describe("error logging", () => {
  it("never writes the payload a failed API call was carrying (a report, a phone number)", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ serializers: { err: serializeError } }, sink);
    const inner = Object.assign(new Error("Call to 'sendMessage' failed!"), { payload: { chat_id: 1, text: "Báo cáo: 0912 345 678" } });
    const outer = Object.assign(new Error("notification failed", { cause: inner }), { payload: { text: "bí mật" } });
    logger.error({ err: outer }, "failed");
    expect(lines.join("")).toContain("notification failed");
    expect(lines.join("")).toContain("Call to 'sendMessage' failed!");
    expect(lines.join("")).not.toContain("0912 345 678");
    expect(lines.join("")).not.toContain("bí mật");
  });
});
