import { describe, expect, it } from "vitest";
import { backupSettings, httpListener, parseBackupConfig, parseConfig } from "../../bot/config.ts";

const token = "123456789:AAH-valid-looking-token-abcdefghijkl";
const webhook = { TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram", TELEGRAM_WEBHOOK_SECRET: "s".repeat(16) };

describe("the HTTP listener's settings", () => {
  it("are off with long polling unless HTTP_PORT asks for the health endpoints", () => {
    expect(httpListener(parseConfig({ TELEGRAM_BOT_TOKEN: token }))).toBeNull();
    expect(httpListener(parseConfig({ TELEGRAM_BOT_TOKEN: token, HTTP_PORT: "9000" }))).toEqual({ host: "0.0.0.0", port: 9000 });
  });

  it("are on for a webhook, on ZALO_WEBHOOK_PORT (the older name) unless HTTP_PORT is set", () => {
    expect(httpListener(parseConfig(webhook))).toEqual({ host: "0.0.0.0", port: 8080 });
    expect(httpListener(parseConfig({ ...webhook, ZALO_WEBHOOK_PORT: "8443" }))).toEqual({ host: "0.0.0.0", port: 8443 });
    expect(httpListener(parseConfig({ ...webhook, ZALO_WEBHOOK_PORT: "8443", HTTP_PORT: "9000", HTTP_HOST: "127.0.0.1" }))).toEqual({ host: "127.0.0.1", port: 9000 });
    // A webhook setting of a messenger that does not run turns nothing on.
    expect(httpListener(parseConfig({ TELEGRAM_BOT_TOKEN: token, ZALO_MODE: "webhook" }))).toBeNull();
  });
});

describe("Telegram's webhook settings", () => {
  it("need the URL and a secret Telegram accepts", () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook" })).toThrow(/TELEGRAM_WEBHOOK_URL is required[\s\S]*TELEGRAM_WEBHOOK_SECRET is required/);
    expect(() => parseConfig({ ...webhook, TELEGRAM_WEBHOOK_SECRET: "short" })).toThrow(/TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters/);
    expect(() => parseConfig({ ...webhook, TELEGRAM_WEBHOOK_SECRET: "has spaces in it, sixteen+" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => parseConfig({ ...webhook, TELEGRAM_MODE: "push" })).toThrow(/TELEGRAM_MODE must be polling or webhook/);
  });

  it("may not share a path with Zalo's webhook on the one listener", () => {
    const zalo = { ZALO_BOT_TOKEN: "1234567890:zalo-token", ZALO_MODE: "webhook", ZALO_WEBHOOK_SECRET: "z".repeat(16) };
    expect(() => parseConfig({ ...webhook, ...zalo, ZALO_WEBHOOK_URL: "https://other.example.org/telegram" })).toThrow(/another path than ZALO_WEBHOOK_URL/);
    expect(parseConfig({ ...webhook, ...zalo, ZALO_WEBHOOK_URL: "https://bot.example.org/zalo" }).TELEGRAM_MODE).toBe("webhook");
  });
});

describe("backup settings", () => {
  it("turn the nightly backup on with BACKUP_DIR, keeping 14 unless told", () => {
    expect(backupSettings(parseConfig({ TELEGRAM_BOT_TOKEN: token }))).toBeNull();
    expect(backupSettings(parseConfig({ TELEGRAM_BOT_TOKEN: token, BACKUP_DIR: "/srv/backups" }))).toEqual({ dir: "/srv/backups", keep: 14 });
    expect(backupSettings(parseConfig({ TELEGRAM_BOT_TOKEN: token, BACKUP_DIR: "b", BACKUP_KEEP: "3" }))).toEqual({ dir: "b", keep: 3 });
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token, BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP must be at least 1/);
  });

  it("are all `npm run backup` needs: no messenger token", () => {
    expect(parseBackupConfig({})).toEqual({ DATABASE_URL: "file:./data/chibo.db" });
    expect(() => parseBackupConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a SQLite file URL/);
    expect(() => parseBackupConfig({ DATABASE_URL: "postgresql://chibo@db/chibo" })).toThrow(/use pg_dump/);
  });
});
