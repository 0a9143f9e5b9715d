/**
 * Health for container and systemd checks.
 *
 * - `GET /healthz`: the process is up and its event loop answers. Always 200 while it runs.
 * - `GET /readyz`: 200 when the database answers, the scheduler ticked within the last two minutes
 *   and each messenger's last call succeeded or it is backing off from a passing failure (an
 *   outage of Telegram is no reason to restart the bot); 503 otherwise, and while stopping. The
 *   body names each check's state and nothing else (no token, no address, no error text).
 */
import type { HttpServer } from "./server.ts";
import { reply } from "./server.ts";

/**
 * - ok: the last call was answered (a refusal for one message, such as a blocked user, counts:
 *   the messenger answered).
 * - backing-off: the last call failed in a way retrying cures (network, 5xx, 429); retries go on.
 * - failing: the messenger refuses the bot itself (token revoked or wrong): retrying will not help.
 */
export type CallState = "ok" | "backing-off" | "failing";

export interface CallHealth {
  record(state: CallState): void;
  state(): CallState;
}

export function createCallHealth(): CallHealth {
  let current: CallState = "ok";
  return {
    record(state) {
      current = state;
    },
    state: () => current,
  };
}

/** An adapter whose messenger reports how its calls go. */
export interface HealthReporting {
  health(): CallState;
}

export interface ReadinessChecks {
  /** Resolves when the database answers a trivial query. */
  database(): Promise<void>;
  /** When the scheduler last ticked (its start counts as a tick). */
  schedulerTickedAt(): Date;
  messengers: ReadonlyMap<string, HealthReporting>;
  stopping(): boolean;
  now?: () => Date;
}

export const schedulerStaleMs = 2 * 60_000;
const databaseTimeoutMs = 2000;

export async function readiness(checks: ReadinessChecks): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const now = (checks.now ?? (() => new Date()))();
  const result: Record<string, string> = {};
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      checks.database(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), databaseTimeoutMs);
      }),
    ]);
    result.database = "ok";
  } catch {
    result.database = "failing";
  } finally {
    clearTimeout(timer);
  }
  result.scheduler = now.getTime() - checks.schedulerTickedAt().getTime() <= schedulerStaleMs ? "ok" : "stalled";
  for (const [name, reporter] of checks.messengers) result[name] = reporter.health();
  if (checks.stopping()) result.process = "stopping";
  const ready = Object.values(result).every((v) => v === "ok" || v === "backing-off");
  return { ready, checks: result };
}

export function registerHealthRoutes(server: HttpServer, checks: ReadinessChecks): void {
  server.route("GET", "/healthz", async (req, res) => {
    req.resume();
    reply(res, 200, { ok: true });
  });
  server.route("GET", "/readyz", async (req, res) => {
    req.resume();
    const { ready, checks: states } = await readiness(checks);
    reply(res, ready ? 200 : 503, { ok: ready, checks: states });
  });
}
