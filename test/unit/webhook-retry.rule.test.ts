import {
  ENDPOINT_DISABLE_AFTER_FAILING_MS,
  planAfterFailedAttempt,
  shouldDisableEndpoint,
  WEBHOOK_MAXIMUM_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_SECONDS,
} from '../../src/rules/webhook-retry.rule';

const NOW = new Date('2026-11-20T10:00:00+09:00');
const after = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('webhook retry schedule', () => {
  it.each([
    [1, 5],
    [2, 5 * 60],
    [3, 30 * 60],
    [4, 2 * 3600],
    [5, 5 * 3600],
    [6, 10 * 3600],
    [7, 10 * 3600],
  ])('after failed attempt %i, tries again %i seconds later', (attempt, seconds) => {
    expect(planAfterFailedAttempt(attempt, NOW)).toEqual({ retry: true, nextAttemptAt: after(seconds) });
  });

  it('dead-letters after the eighth attempt, which runs more than 24 hours after the first', () => {
    expect(WEBHOOK_MAXIMUM_ATTEMPTS).toBe(8);
    expect(planAfterFailedAttempt(8, NOW)).toEqual({ retry: false });
    const lastAttemptAfterSeconds = WEBHOOK_RETRY_DELAYS_SECONDS.reduce((sum, seconds) => sum + seconds, 0);
    expect(lastAttemptAfterSeconds).toBe(27 * 3600 + 35 * 60 + 5);
    expect(lastAttemptAfterSeconds * 1000).toBeGreaterThanOrEqual(24 * 3600 * 1000);
  });

  it('grows: every wait is at least the one before', () => {
    WEBHOOK_RETRY_DELAYS_SECONDS.forEach((seconds, index) =>
      expect(seconds).toBeGreaterThanOrEqual(WEBHOOK_RETRY_DELAYS_SECONDS[index - 1] ?? 0),
    );
  });

  it('refuses attempt numbers that do not exist', () => {
    expect(() => planAfterFailedAttempt(0, NOW)).toThrow();
    expect(() => planAfterFailedAttempt(1.5, NOW)).toThrow();
  });

  it('disables an endpoint once it has failed for 24 hours, not before', () => {
    expect(ENDPOINT_DISABLE_AFTER_FAILING_MS).toBe(24 * 3600 * 1000);
    expect(shouldDisableEndpoint(NOW, after(24 * 3600 - 1))).toBe(false);
    expect(shouldDisableEndpoint(NOW, after(24 * 3600))).toBe(true);
    // The schedule's seventh attempt (17 h 35 min) still runs on an endpoint failing since the first; the eighth disables it.
    expect(shouldDisableEndpoint(NOW, after(17 * 3600 + 35 * 60 + 5))).toBe(false);
    expect(shouldDisableEndpoint(NOW, after(27 * 3600 + 35 * 60 + 5))).toBe(true);
  });
});
