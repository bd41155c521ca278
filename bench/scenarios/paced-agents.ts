import { percentile } from '../load';

// Open-loop load for S7: agents that each pull on their own schedule, the way people at a console do, instead of
// autocannon's fixed rate. autocannon's `overallRate` is not a schedule: with rate R over C connections it keeps
// min(R, C) connections that each send their requests at the start of every second (a burst of R every second,
// not R spread over it), and its coordinated-omission correction for a rate of 1 per connection per second
// records every response of L ms as L samples (an expected interval of ceil(1 / rate) = 1 ms), so a percentile
// is weighted by the latency itself. Here every pull has an intended start; its latency is measured from that
// instant (a pull started late because the agent's previous one had not returned counts its wait), once per pull.

export interface PacedAgentsPhase {
  /** Each agent's time between the intended starts of two pulls (ms). */
  intervalMs: number;
  warmupSeconds: number;
  measureSeconds: number;
  /**
   * `staggered`: agent i starts i/agents of an interval after agent 0 (pulls spread evenly over time);
   * `together`: every agent at the same instant (50 concurrent pulls every interval: the worst case).
   */
  start: 'staggered' | 'together';
}

export interface PacedAgentsMeasurement {
  /** Pulls whose intended start lay in the measurement window. */
  pulls: number;
  pullsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  failures: number;
  firstFailure: string | null;
  sqlStatementsPerRequest: { median: number; max: number };
}

interface PacedRequest {
  url: string;
  body: string;
  tokens: readonly string[];
}

const sleepUntil = (instant: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, instant - performance.now())));

/** One agent's loop: a pull at each intended start (or as soon as the previous one returned, when later). */
async function runAgent(
  request: PacedRequest,
  token: string,
  schedule: { firstMs: number; intervalMs: number; measureFromMs: number; endMs: number },
  sink: (latencyMs: number | null, statements: number, failure: string | null) => void,
) {
  for (let intended = schedule.firstMs; intended < schedule.endMs; intended += schedule.intervalMs) {
    await sleepUntil(intended);
    let failure: string | null = null;
    let statements = Number.NaN;
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: request.body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      statements = Number(response.headers.get('x-sql-statement-count'));
      if (response.status !== 200 || text.includes('"errors":[')) failure = `HTTP ${response.status}: ${text.slice(0, 300)}`;
    } catch (error) {
      failure = String(error);
    }
    if (intended >= schedule.measureFromMs) sink(failure === null ? performance.now() - intended : null, statements, failure);
  }
}

/** Warm-up and measurement in one schedule; only pulls intended after the warm-up are recorded. */
export async function measurePacedAgents(request: PacedRequest, phase: PacedAgentsPhase): Promise<PacedAgentsMeasurement> {
  const latencies: number[] = [];
  const statements: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const origin = performance.now() + 50;
  const measureFromMs = origin + phase.warmupSeconds * 1000;
  const endMs = measureFromMs + phase.measureSeconds * 1000;
  await Promise.all(
    request.tokens.map((token, index) => {
      const offset = phase.start === 'staggered' ? (phase.intervalMs * index) / request.tokens.length : 0;
      return runAgent(
        request,
        token,
        { firstMs: origin + offset, intervalMs: phase.intervalMs, measureFromMs, endMs },
        (latencyMs, count, failure) => {
          if (Number.isFinite(count)) statements.push(count);
          if (latencyMs !== null) latencies.push(latencyMs);
          else {
            failures += 1;
            firstFailure ??= failure;
          }
        },
      );
    }),
  );
  const round = (value: number) => Number(value.toFixed(1));
  return {
    pulls: latencies.length + failures,
    pullsPerSecond: round((latencies.length + failures) / phase.measureSeconds),
    latencyMs: {
      p50: round(percentile(latencies, 0.5)),
      p90: round(percentile(latencies, 0.9)),
      p99: round(percentile(latencies, 0.99)),
      max: round(percentile(latencies, 1)),
    },
    failures,
    firstFailure,
    sqlStatementsPerRequest: { median: percentile(statements, 0.5), max: percentile(statements, 1) },
  };
}
