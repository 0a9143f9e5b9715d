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
const howToGetTelegramToken =
  "Open Telegram, talk to @BotFather, send /newbot, follow the steps and copy the token it gives you into TELEGRAM_BOT_TOKEN (in the environment or in a .env file).";

export const configSchema = z
  .object({
  TELEGRAM_BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^\d{5,}:[A-Za-z0-9_-]{30,}$/,
        "does not look like a Telegram bot token (it should look like 123456789:AAH…, as @BotFather gives it).",
      )
      .optional(),
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
      .regex(/^(?:file:.+|postgres(?:ql)?:\/\/.+)/, "must be a SQLite file URL such as file:./data/chibo.db, or a PostgreSQL URL such as postgresql://chibo@db.example.org/chibo.")
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
  /**
   * Bot API calls a second over all chats: Telegram's own limit is about 30. A self-hosted Bot API
   * server (TELEGRAM_API_ROOT) may allow more.
   */
  TELEGRAM_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number({ invalid_type_error: "must be a number of calls a second." }).positive("must be above 0.").max(10_000).default(30)),
  /** The reminders' share of it: outbox messages a second. The rest is kept for replies to people. */
  TELEGRAM_SEND_RATE: z.preprocess(emptyAsUndefined, z.coerce.number({ invalid_type_error: "must be a number of messages a second." }).positive("must be above 0.").max(10_000).default(25)),
  /** Outbox messages in flight at once per process; a crash may duplicate up to this many. */
  OUTBOX_PARALLEL_SENDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(32).default(1)),
  ZALO_BOT_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(10, "does not look like a Zalo bot token.").optional()),
  ZALO_API_ROOT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .url("must be a URL such as https://bot-api.zaloplatforms.com.")
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  ZALO_MODE: z.preprocess(emptyAsUndefined, z.enum(["polling", "webhook"], { errorMap: () => ({ message: "must be polling or webhook." }) }).default("polling")),
  ZALO_WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.string().url("must be the public https URL Zalo will call.").optional()),
  ZALO_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters.").optional()),
  ZALO_WEBHOOK_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(8080)),
  /** Zalo publishes no rate limit: outbox sending is paced at this many messages a second and backs off on 429. */
  ZALO_SEND_RATE: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1000).default(5)),
  // The settings below have no default in the parsed config (undefined = not asked for); their
  // effective values come from `httpListener` and `backupSettings`.
  TELEGRAM_MODE: z.preprocess(emptyAsUndefined, z.enum(["polling", "webhook"], { errorMap: () => ({ message: "must be polling or webhook." }) }).optional()),
  TELEGRAM_WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.string().url("must be the public https URL Telegram will call.").optional()),
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 characters, letters, digits, _ and - only (Telegram's rule for a secret_token).")
      .optional(),
  ),
  HTTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  HTTP_HOST: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /**
   * The public https address of the HTTP listener (behind your TLS proxy), for download links to
   * documents on Zalo, which cannot receive files. Unset: Zalo users are told why no link is made.
   */
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .url("must be the public https address of the bot's HTTP listener, e.g. https://bot.example.org.")
      // Links carry a document: in clear text only to this machine (a developer's test).
      .refine((u) => u.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(u), "must be an https address (http only for localhost): the links carry members' documents.")
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  /** Signs download links: 32+ random characters, kept secret (a changed secret voids every link given). */
  DOWNLOAD_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 random characters.").optional()),
  DOWNLOAD_TTL_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1, "must be at least 1 hour.").max(168, "must be at most 168 hours (a week).").default(24)),
  BACKUP_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  BACKUP_KEEP: z.preprocess(emptyAsUndefined, z.coerce.number().int("must be a whole number of backups.").min(1, "must be at least 1.").max(3650).optional()),
  })
  .superRefine((c, ctx) => {
    if (c.BACKUP_DIR && /^postgres/.test(c.DATABASE_URL)) {
      ctx.addIssue({ code: "custom", path: ["BACKUP_DIR"], message: "backs up the SQLite file only; on PostgreSQL use pg_dump (see README, Deploying)." });
    }
    if (c.PUBLIC_URL && !c.DOWNLOAD_SECRET) {
      ctx.addIssue({ code: "custom", path: ["DOWNLOAD_SECRET"], message: "is required with PUBLIC_URL: 32+ random characters that sign the download links (e.g. openssl rand -hex 24)." });
    }
    if (c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_SEND_RATE >= c.TELEGRAM_RATE_LIMIT) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_SEND_RATE"],
        message: `(${c.TELEGRAM_SEND_RATE}) must be below TELEGRAM_RATE_LIMIT (${c.TELEGRAM_RATE_LIMIT}): the rest of the budget is kept for replies to people. Lower TELEGRAM_SEND_RATE, or raise TELEGRAM_RATE_LIMIT if your Bot API server allows more.`,
      });
    }
    if (c.ZALO_BOT_TOKEN && c.ZALO_MODE === "webhook") {
      if (!c.ZALO_WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_URL"], message: "is required when ZALO_MODE=webhook." });
      if (!c.ZALO_WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "is required when ZALO_MODE=webhook (a random string of 16+ characters)." });
    }
    if (c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_MODE === "webhook") {
      if (!c.TELEGRAM_WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_URL"], message: "is required when TELEGRAM_MODE=webhook." });
      if (!c.TELEGRAM_WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "is required when TELEGRAM_MODE=webhook (16+ random letters and digits)." });
    }
    if (c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_MODE === "webhook" && c.ZALO_BOT_TOKEN && c.ZALO_MODE === "webhook" && c.TELEGRAM_WEBHOOK_URL && c.ZALO_WEBHOOK_URL) {
      if (new URL(c.TELEGRAM_WEBHOOK_URL).pathname === new URL(c.ZALO_WEBHOOK_URL).pathname) {
        ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_URL"], message: "must have another path than ZALO_WEBHOOK_URL: both are served by the same listener." });
      }
    }
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
  // Checked apart from the schema so that it is reported together with every other problem.
  const noMessenger = !env.TELEGRAM_BOT_TOKEN?.trim() && !env.ZALO_BOT_TOKEN?.trim();
  const problems = [
    ...(noMessenger ? [`TELEGRAM_BOT_TOKEN is missing (and so is ZALO_BOT_TOKEN; at least one messenger is needed). ${howToGetTelegramToken}`] : []),
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`)),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/**
 * The one HTTP listener (webhooks, /healthz, /readyz, /files): on when a messenger takes updates by
 * webhook, HTTP_PORT is set or download links are (PUBLIC_URL), off otherwise. HTTP_PORT defaults to ZALO_WEBHOOK_PORT, its older name.
 */
export function httpListener(config: Config): { host: string; port: number } | null {
  const webhook = (config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_MODE === "webhook") || (config.ZALO_BOT_TOKEN && config.ZALO_MODE === "webhook");
  if (!webhook && config.HTTP_PORT === undefined && !config.PUBLIC_URL) return null;
  return { host: config.HTTP_HOST ?? "0.0.0.0", port: config.HTTP_PORT ?? config.ZALO_WEBHOOK_PORT };
}

/** Download links for documents: on when PUBLIC_URL (and its DOWNLOAD_SECRET) is set. */
export function downloadSettings(config: Pick<Config, "PUBLIC_URL" | "DOWNLOAD_SECRET" | "DOWNLOAD_TTL_HOURS">): { publicUrl: string; secret: string; ttlHours: number } | null {
  return config.PUBLIC_URL && config.DOWNLOAD_SECRET ? { publicUrl: config.PUBLIC_URL, secret: config.DOWNLOAD_SECRET, ttlHours: config.DOWNLOAD_TTL_HOURS } : null;
}

/** Nightly backups: on when BACKUP_DIR is set; the newest BACKUP_KEEP (14) are kept. */
export function backupSettings(config: Pick<Config, "BACKUP_DIR" | "BACKUP_KEEP">): { dir: string; keep: number } | null {
  return config.BACKUP_DIR ? { dir: config.BACKUP_DIR, keep: config.BACKUP_KEEP ?? 14 } : null;
}

/** What `npm run backup` reads: the database and where backups go; no messenger token needed. */
export function parseBackupConfig(env: Record<string, string | undefined>): Pick<Config, "DATABASE_URL" | "BACKUP_DIR" | "BACKUP_KEEP"> {
  const result = configSchema.innerType().pick({ DATABASE_URL: true, BACKUP_DIR: true, BACKUP_KEEP: true }).safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  if (/^postgres/.test(result.data.DATABASE_URL)) throw new ConfigError(["DATABASE_URL is a PostgreSQL database: `npm run backup` copies the SQLite file only; use pg_dump (see README, Deploying)."]);
  return result.data;
}
