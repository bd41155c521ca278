import { GraphQLError } from 'graphql';
import { Principal, principalLabel } from '../auth/principal';

// Token buckets in the memory of one process: every API instance limits on its own, so behind a load balancer
// with N instances a caller may reach up to N times these rates. That bounds what one caller can cost an
// instance; it is not a quota (docs/security.md says so to integrators).

export interface RateLimitSettings {
  /** Requests (HTTP requests and WebSocket operations) per minute for each authenticated principal. */
  principalRequestsPerMinute: number;
  /** Requests per minute for each client IP address that presents no valid credentials. */
  anonymousRequestsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { principalRequestsPerMinute: 600, anonymousRequestsPerMinute: 120 };

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; limitPerMinute: number };

interface Bucket {
  tokens: number;
  refilledAtMs: number;
}

const MILLISECONDS_PER_MINUTE = 60_000;

/**
 * One bucket per key: it holds up to `perMinute` requests (the allowed burst) and refills continuously at
 * `perMinute` per minute. Buckets that have refilled completely are forgotten, so memory follows recent callers.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweepAtMs: number;

  constructor(
    private readonly perMinute: number,
    /** Monotonic milliseconds; injected by tests. */
    private readonly monotonicNowMs: () => number = () => performance.now(),
  ) {
    this.lastSweepAtMs = monotonicNowMs();
  }

  take(key: string): RateLimitDecision {
    const nowMs = this.monotonicNowMs();
    this.sweepIdleBuckets(nowMs);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, refilledAtMs: nowMs };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((nowMs - bucket.refilledAtMs) * this.perMinute) / MILLISECONDS_PER_MINUTE);
    bucket.refilledAtMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const millisecondsToNextToken = ((1 - bucket.tokens) * MILLISECONDS_PER_MINUTE) / this.perMinute;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(millisecondsToNextToken / 1000)), limitPerMinute: this.perMinute };
  }

  /** Number of keys currently remembered. */
  get trackedKeys(): number {
    return this.buckets.size;
  }

  /** At most once a minute: a bucket untouched for a minute is full again, indistinguishable from a new one. */
  private sweepIdleBuckets(nowMs: number): void {
    if (nowMs - this.lastSweepAtMs < MILLISECONDS_PER_MINUTE) return;
    this.lastSweepAtMs = nowMs;
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.refilledAtMs >= MILLISECONDS_PER_MINUTE) this.buckets.delete(key);
    }
  }
}

export class RateLimitedError extends GraphQLError {
  constructor(
    readonly retryAfterSeconds: number,
    limitPerMinute: number,
    subject: 'principal' | 'IP address',
  ) {
    super(
      `Rate limit exceeded: at most ${limitPerMinute} requests per minute per ${subject} on this server instance; retry in ${retryAfterSeconds} s`,
      {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429 } },
      },
    );
  }
}

/** Authenticated callers are limited per principal, everyone else per IP address. */
export class RequestRateLimiter {
  private readonly principals: TokenBucketLimiter;
  private readonly addresses: TokenBucketLimiter;

  constructor(settings: RateLimitSettings, monotonicNowMs?: () => number) {
    this.principals = new TokenBucketLimiter(settings.principalRequestsPerMinute, monotonicNowMs);
    this.addresses = new TokenBucketLimiter(settings.anonymousRequestsPerMinute, monotonicNowMs);
  }

  /** Null when the request may proceed; otherwise the error to answer with (HTTP 429). */
  check(caller: { principal: Principal } | { address: string }): RateLimitedError | null {
    const decision = 'principal' in caller ? this.principals.take(principalLabel(caller.principal)) : this.addresses.take(caller.address);
    if (decision.allowed) return null;
    return new RateLimitedError(decision.retryAfterSeconds, decision.limitPerMinute, 'principal' in caller ? 'principal' : 'IP address');
  }
}
