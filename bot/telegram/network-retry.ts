import { HttpError, type Transformer } from "grammy";

/**
 * A Bot API call that failed on the network (no answer at all) is tried again a bounded number of
 * times, then fails. auto-retry would retry such errors forever, so during a Telegram outage a
 * handler or the outbox would hang instead of failing over: the outbox owns retries (with its own
 * backoff and attempt limit), and a person's reply is simply not sent.
 */
export function retryNetworkErrors(delaysMs: readonly number[]): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        const delay = delaysMs[attempt];
        if (!(error instanceof HttpError) || delay === undefined || signal?.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
}
