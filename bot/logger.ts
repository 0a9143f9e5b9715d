import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Tokens are redacted wherever they could appear; report contents, message
 * texts and phone numbers are never passed to the logger in the first place.
 */
/**
 * Errors are logged without the request they were about: a Bot API error carries the message it
 * failed to send (a report, a profile with a phone number) in its `payload`.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  delete serialized.payload;
  if (error.cause !== undefined) serialized.cause = serializeError(error.cause);
  return serialized;
}

export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  return pino({
    level,
    serializers: { err: serializeError },
    redact: {
      paths: ["token", "*.token", "TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "*.TELEGRAM_BOT_TOKEN", "*.ZALO_BOT_TOKEN", "phone", "*.phone", "text", "*.text"],
      censor: "[redacted]",
    },
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  });
}
