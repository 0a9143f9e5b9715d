import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../bot/config.ts";

const token = "123456789:AAH-valid-looking-token-abcdefghijkl";

describe("parseConfig", () => {
  it("fills defaults from a token alone", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: token })).toEqual({
      TELEGRAM_BOT_TOKEN: token,
      DATABASE_URL: "file:./data/chibo.db",
      TZ: "Asia/Ho_Chi_Minh",
      LOG_LEVEL: "info",
      DEFAULT_LOCALE: "vi",
      INVITE_TTL_DAYS: 30,
      SHUTDOWN_GRACE_MS: 10_000,
      TELEGRAM_RATE_LIMIT: 30,
      TELEGRAM_SEND_RATE: 25,
      OUTBOX_PARALLEL_SENDS: 1,
      ZALO_MODE: "polling",
      ZALO_WEBHOOK_PORT: 8080,
      ZALO_SEND_RATE: 5,
      DOWNLOAD_TTL_HOURS: 24,
    });
  });

  it("reads every setting and trims a trailing slash off the API root", () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: "http://localhost:8081/",
      DATABASE_URL: "file:/var/lib/chibo/chibo.db",
      TZ: "Europe/Berlin",
      LOG_LEVEL: "debug",
      DEFAULT_LOCALE: "en",
      INVITE_TTL_DAYS: "0",
    });
    expect(config).toMatchObject({ TELEGRAM_API_ROOT: "http://localhost:8081", TZ: "Europe/Berlin", DEFAULT_LOCALE: "en", INVITE_TTL_DAYS: 0 });
  });

  it("keeps part of Telegram's budget for replies: the reminders' share must stay below the overall limit", () => {
    const refused = () => parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_SEND_RATE: "40" });
    expect(refused).toThrow(ConfigError);
    expect(refused).toThrow("TELEGRAM_SEND_RATE (40) must be below TELEGRAM_RATE_LIMIT (30): the rest of the budget is kept for replies to people.");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_SEND_RATE: "30" })).toThrow("must be below TELEGRAM_RATE_LIMIT (30)");
    // A self-hosted Bot API server that allows more: both go up.
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_RATE_LIMIT: "200", TELEGRAM_SEND_RATE: "150" })).toMatchObject({ TELEGRAM_RATE_LIMIT: 200, TELEGRAM_SEND_RATE: 150 });
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_RATE_LIMIT: "fast" })).toThrow("TELEGRAM_RATE_LIMIT must be a number of calls a second.");
    // Not checked when the bot does not run on Telegram.
    expect(parseConfig({ ZALO_BOT_TOKEN: "zalo-token-1234567890", TELEGRAM_SEND_RATE: "40" }).TELEGRAM_SEND_RATE).toBe(40);
  });

  it("takes a PostgreSQL URL as well as a SQLite file, and refuses SQLite-only backups on PostgreSQL", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: token, DATABASE_URL: "postgresql://chibo@db.example.org/chibo" }).DATABASE_URL).toBe("postgresql://chibo@db.example.org/chibo");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token, DATABASE_URL: "postgresql://chibo@db/chibo", BACKUP_DIR: "backups" })).toThrow(/BACKUP_DIR backs up the SQLite file only; on PostgreSQL use pg_dump/);
  });

  it("wants download links over https (http only on this machine)", () => {
    const withUrl = (PUBLIC_URL: string) => parseConfig({ TELEGRAM_BOT_TOKEN: token, PUBLIC_URL, DOWNLOAD_SECRET: "k".repeat(32) });
    expect(() => withUrl("http://bot.example.org")).toThrow("PUBLIC_URL must be an https address");
    expect(withUrl("https://bot.example.org/").PUBLIC_URL).toBe("https://bot.example.org");
    expect(withUrl("http://127.0.0.1:8080").PUBLIC_URL).toBe("http://127.0.0.1:8080");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token, PUBLIC_URL: "https://bot.example.org" })).toThrow("DOWNLOAD_SECRET is required with PUBLIC_URL");
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: "", TZ: " " }).TZ).toBe("Asia/Ho_Chi_Minh");
  });

  it("names every problem at once, with how to fix a missing token", () => {
    let error: unknown;
    try {
      parseConfig({ TZ: "Mars/Olympus", LOG_LEVEL: "loud", TELEGRAM_API_ROOT: "not a url", INVITE_TTL_DAYS: "-1", DATABASE_URL: "mysql://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toContain("TELEGRAM_BOT_TOKEN is missing (and so is ZALO_BOT_TOKEN; at least one messenger is needed). Open Telegram, talk to @BotFather");
    expect(problems.join("\n")).toMatch(/TZ is not a time zone name/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join("\n")).toMatch(/TELEGRAM_API_ROOT must be a URL/);
    expect(problems.join("\n")).toMatch(/INVITE_TTL_DAYS must be 0/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL must be a SQLite file URL/);
  });

  it("runs on Zalo alone, and asks for the webhook's URL and secret only in webhook mode", () => {
    expect(parseConfig({ ZALO_BOT_TOKEN: "1234567890:zalo-token" }).TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(() => parseConfig({ ZALO_BOT_TOKEN: "1234567890:zalo-token", ZALO_MODE: "webhook" })).toThrow(/ZALO_WEBHOOK_URL is required[\s\S]*ZALO_WEBHOOK_SECRET is required/);
  });

  it("refuses a token that is not shaped like one, without echoing it", () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: "hello" })).toThrow(/does not look like a Telegram bot token/);
    try {
      parseConfig({ TELEGRAM_BOT_TOKEN: "secret-ish" });
    } catch (e) {
      expect((e as Error).message).not.toContain("secret-ish");
    }
  });
});
