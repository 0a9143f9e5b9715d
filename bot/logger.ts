import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Tokens are redacted wherever they could appear; report contents, message
 * texts and phone numbers are never passed to the logger in the first place.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  return pino({
    level,
    redact: {
      paths: ["token", "*.token", "TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "*.TELEGRAM_BOT_TOKEN", "*.ZALO_BOT_TOKEN", "phone", "*.phone", "text", "*.text"],
      censor: "[redacted]",
    },
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  });
}
