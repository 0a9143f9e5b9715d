import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The environment the bot runs with. Parsed once in `main.ts`; everything else receives the
 * parsed `Config`, so tests never need a real environment.
 */
export const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string({
      required_error:
        "is missing. Open Telegram, talk to @BotFather, send /newbot, follow the steps and copy the token it gives you into TELEGRAM_BOT_TOKEN (in the environment or in a .env file).",
    })
    .regex(
      /^\d{5,}:[A-Za-z0-9_-]{30,}$/,
      "does not look like a Telegram bot token (it should look like 123456789:AAH…, as @BotFather gives it).",
    ),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .url("must be a URL such as http://localhost:8081 (a self-hosted Bot API server or an emulator).")
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/chibo.db.")
      .default("file:./data/chibo.db"),
  ),
  TZ: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine(isValidTimeZone, "is not a time zone name; use an IANA name such as Asia/Ho_Chi_Minh.")
      .default("Asia/Ho_Chi_Minh"),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(logLevels, { errorMap: () => ({ message: `must be one of ${logLevels.join(", ")}.` }) }).default("info"),
  ),
  DEFAULT_LOCALE: z.preprocess(
    emptyAsUndefined,
    z.enum(["vi", "en"], { errorMap: () => ({ message: "must be vi or en." }) }).default("vi"),
  ),
  INVITE_TTL_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ invalid_type_error: "must be a number of days." })
      .int("must be a whole number of days.")
      .min(0, "must be 0 (never expires) or more.")
      .max(365, "must be at most 365.")
      .default(30),
  ),
  SHUTDOWN_GRACE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(10_000)),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a `ConfigError` that names every problem and how to fix it. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
}
