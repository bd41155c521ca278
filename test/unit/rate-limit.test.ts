import { PrincipalRole } from '../../src/domain/enums';
import { RateLimitedError, RequestRateLimiter, TokenBucketLimiter } from '../../src/http/rate-limit';

describe('TokenBucketLimiter', () => {
  let nowMs = 0;
  const clock = () => nowMs;
  beforeEach(() => {
    nowMs = 1_000_000;
  });

  it('allows a burst of the per-minute rate, then refills continuously', () => {
    const limiter = new TokenBucketLimiter(600, clock);
    for (let request = 0; request < 600; request += 1) expect(limiter.take('caller')).toEqual({ allowed: true });
    expect(limiter.take('caller')).toEqual({ allowed: false, retryAfterSeconds: 1, limitPerMinute: 600 });
    nowMs += 100; // 600 per minute: one request every 100 ms
    expect(limiter.take('caller')).toEqual({ allowed: true });
    expect(limiter.take('caller').allowed).toBe(false);
  });

  it('tells how long to wait for the next request', () => {
    const limiter = new TokenBucketLimiter(2, clock);
    limiter.take('caller');
    limiter.take('caller');
    expect(limiter.take('caller')).toEqual({ allowed: false, retryAfterSeconds: 30, limitPerMinute: 2 });
  });

  it('keeps callers apart', () => {
    const limiter = new TokenBucketLimiter(1, clock);
    expect(limiter.take('first').allowed).toBe(true);
    expect(limiter.take('first').allowed).toBe(false);
    expect(limiter.take('second').allowed).toBe(true);
  });

  it('forgets callers that have been idle for a minute', () => {
    const limiter = new TokenBucketLimiter(10, clock);
    for (let caller = 0; caller < 1000; caller += 1) limiter.take(`caller ${caller}`);
    expect(limiter.trackedKeys).toBe(1000);
    nowMs += 60_000;
    limiter.take('newcomer');
    expect(limiter.trackedKeys).toBe(1);
  });
});

describe('RequestRateLimiter', () => {
  it('limits principals and anonymous addresses with their own rates', () => {
    const limiter = new RequestRateLimiter({ principalRequestsPerMinute: 2, anonymousRequestsPerMinute: 1 }, () => 0);
    const seller = { principal: { role: PrincipalRole.SELLER as const, sellerId: '5' } };
    expect(limiter.check(seller)).toBeNull();
    expect(limiter.check(seller)).toBeNull();
    const refused = limiter.check(seller);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused!.extensions).toMatchObject({ code: 'RATE_LIMITED', http: { status: 429 } });
    expect(refused!.message).toBe(
      'Rate limit exceeded: at most 2 requests per minute per principal on this server instance; retry in 30 s',
    );
    expect(limiter.check({ address: '192.0.2.1' })).toBeNull();
    expect(limiter.check({ address: '192.0.2.1' })!.message).toMatch(/per IP address/);
    expect(limiter.check({ address: '192.0.2.2' })).toBeNull();
  });
});
