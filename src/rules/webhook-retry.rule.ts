// When a failed webhook delivery is tried again (docs/events.md "Retry schedule": exponential backoff for at least 24 hours, then
// dead-lettered), and when an endpoint that keeps failing is switched off. Pure: `now` is passed in.

/**
 * Seconds to wait after the n-th failed attempt (index n − 1): Standard Webhooks' reference schedule. Attempts
 * run at +0, 5 s, 5 min 5 s, 35 min 5 s, 2 h 35 min, 7 h 35 min, 17 h 35 min and 27 h 35 min: eight attempts
 * over 27.6 hours.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

export const WEBHOOK_MAXIMUM_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;

/** An endpoint whose every attempt failed for this long is disabled. */
export const ENDPOINT_DISABLE_AFTER_FAILING_MS = 24 * 3600 * 1000;

export type FailedAttemptPlan = { retry: true; nextAttemptAt: Date } | { retry: false };

/** After attempt number `attempt` (1 for the first) failed: when to try again, or never (dead-lettered). */
export function planAfterFailedAttempt(attempt: number, now: Date): FailedAttemptPlan {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a whole number from 1, was ${attempt}`);
  const delaySeconds = WEBHOOK_RETRY_DELAYS_SECONDS[attempt - 1];
  return delaySeconds === undefined ? { retry: false } : { retry: true, nextAttemptAt: new Date(now.getTime() + delaySeconds * 1000) };
}

/** The endpoint has failed continuously since `failingSince` (its first failure after the last success). */
export function shouldDisableEndpoint(failingSince: Date, now: Date): boolean {
  return now.getTime() - failingSince.getTime() >= ENDPOINT_DISABLE_AFTER_FAILING_MS;
}
