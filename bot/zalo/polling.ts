/**
 * The long-polling loop of `ZaloBotClient`: one getUpdates at a time, each update handed on; a 408
 * ("nothing yet") means poll again at once; a failure is reported as `polling_error` and followed by
 * a back-off (5 s, doubling, up to 60 s by default). Stopping aborts the poll in flight.
 */
import { CLIENT_DEFAULTS as DEFAULTS, type ZaloCallOptions, type ZaloGetUpdatesForm, type ZaloPollingOptions } from "./client-options.ts";
import { ZaloAbortError } from "./errors.ts";
import type { ZaloTransport } from "./transport.ts";
import type { ZaloUpdate } from "./types.ts";

/** What the loop needs from the client. */
export interface ZaloPollerHooks {
  /** One long poll (the client's `getUpdates`). */
  getUpdates(form: ZaloGetUpdatesForm, options: ZaloCallOptions): Promise<ZaloUpdate | null>;
  /** Emit the events of an update that arrived. */
  emitUpdate(update: ZaloUpdate): void;
  /** Emit `polling_error`. */
  emitPollingError(error: Error): void;
  /** True once the client is closed: the loop ends. */
  isClosed(): boolean;
}

/** Starts, runs and stops the long-poll loop; one loop at a time. */
export class ZaloPoller {
  /** Long-poll seconds sent to getUpdates when the caller gives none. */
  readonly timeoutSec: number;
  /** The options asked to start polling from the constructor (`polling: true` or `{autoStart: true}`). */
  readonly autoStart: boolean;
  readonly #interval: number;
  readonly #errorBackoffMs: number;
  readonly #maxErrorBackoffMs: number;
  readonly #transport: ZaloTransport;
  readonly #hooks: ZaloPollerHooks;
  #controller: AbortController | undefined;
  #loop: Promise<void> | undefined;

  constructor(polling: boolean | ZaloPollingOptions | undefined, transport: ZaloTransport, hooks: ZaloPollerHooks) {
    const options = typeof polling === "object" ? polling : {};
    this.timeoutSec = options.timeout ?? DEFAULTS.pollTimeoutSec;
    this.#interval = options.interval ?? DEFAULTS.pollIntervalMs;
    this.#errorBackoffMs = options.errorBackoffMs ?? DEFAULTS.pollErrorBackoffMs;
    this.#maxErrorBackoffMs = options.maxErrorBackoffMs ?? DEFAULTS.pollMaxErrorBackoffMs;
    this.autoStart = polling === true || (typeof polling === "object" && polling.autoStart === true);
    this.#transport = transport;
    this.#hooks = hooks;
  }

  /** Start the loop in the background; with `restart`, stop a running one first. Resolves once started. */
  async start(restart?: boolean): Promise<void> {
    if (this.#loop) {
      if (!restart) return;
      await this.stop();
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#transport.log("info", { method: "getUpdates", timeoutSec: this.timeoutSec }, "zalo polling started");
    const loop = this.#run(controller.signal).finally(() => {
      if (this.#controller === controller) {
        this.#controller = undefined;
        this.#loop = undefined;
      }
      this.#transport.log("info", { method: "getUpdates" }, "zalo polling stopped");
    });
    this.#loop = loop;
  }

  /** Abort the in-flight getUpdates and resolve when the loop has ended. */
  async stop(): Promise<void> {
    const controller = this.#controller;
    const loop = this.#loop;
    if (!controller || !loop) return;
    controller.abort();
    await loop;
  }

  isRunning(): boolean {
    return this.#loop !== undefined && this.#controller?.signal.aborted === false;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const transport = this.#transport;
    const hooks = this.#hooks;
    let failures = 0;
    while (!signal.aborted && !hooks.isClosed()) {
      let update: ZaloUpdate | null;
      try {
        update = await hooks.getUpdates({ timeout: this.timeoutSec }, { signal });
        failures = 0;
      } catch (err) {
        // Stopped, closed, or aborted some other way: end the loop rather than spin on ZaloAbortError.
        if (signal.aborted || hooks.isClosed() || err instanceof ZaloAbortError) break;
        failures += 1;
        const delay = Math.min(this.#maxErrorBackoffMs, this.#errorBackoffMs * 2 ** Math.min(failures - 1, 30));
        transport.log(
          "warn",
          { method: "getUpdates", failures, delayMs: delay, err: transport.errorSummary(err) },
          "zalo polling failed; backing off",
        );
        try {
          hooks.emitPollingError(err instanceof Error ? err : new Error(transport.redact(String(err))));
        } catch (listenerErr) {
          transport.log("error", { method: "getUpdates", err: transport.errorSummary(listenerErr) }, "polling_error listener threw");
        }
        await transport.sleep(delay, signal);
        continue;
      }
      if (update) {
        try {
          hooks.emitUpdate(update);
        } catch (listenerErr) {
          // The update is already gone from the server; the loop must go on.
          transport.log(
            "error",
            { method: "processUpdate", event_name: update.event_name, err: transport.errorSummary(listenerErr) },
            "zalo update listener threw",
          );
        }
      }
      if (this.#interval > 0 && !signal.aborted) await transport.sleep(this.#interval, signal);
    }
  }
}
