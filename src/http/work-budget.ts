import { GraphQLError } from 'graphql';
import { Pool, QueryConfig, types } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { Principal, principalLabel } from '../auth/principal';
import { isBrokenConnection, queryOnFreshConnection } from '../db/broken-connection-retry';
import { WorkCharge } from '../domain/work-charge';

// Budgets of work shared by every instance: rate-limiter-flexible's RateLimiterPostgres on our pool, over the
// table work_budgets (migration 1765700000000). A charge is one statement, an upsert that adds the request's
// cost to the caller's window and returns the new total (fixed windows of WINDOW_SECONDS, which start at the
// caller's first request). Refused requests are added too: a caller that keeps hammering stays refused until
// the window ends, and the window does not move.

export interface WorkBudgetSettings {
  /** Points per minute of each authenticated principal (an API key, a JWT's subject). */
  principalPointsPerMinute: number;
  /** Points per minute of each IP address that presents no valid credential. */
  anonymousPointsPerMinute: number;
}

/** Defaults in config.ts (RATE_LIMIT_POINTS_PER_MINUTE, RATE_LIMIT_ANONYMOUS_POINTS_PER_MINUTE). */
export const WORK_BUDGET_WINDOW_SECONDS = 60;
const WORK_BUDGET_TABLE = 'work_budgets';

export type WorkCaller = { principal: Principal } | { address: string };

/** The statements the budgets send, counted (tests and docs: one per charged request). */
interface CountingStore {
  statements: number;
  query(config: QueryConfig): Promise<unknown>;
}

/** bigint (OID 20) columns read as numbers: points and window ends (epoch ms) stay far below 2^53. */
const BIGINT_AS_NUMBER = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? Number : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser,
};

function countingStore(pool: Pool): CountingStore {
  const store: CountingStore = {
    statements: 0,
    query: async (config) => {
      store.statements += 1;
      const typed = { ...config, types: BIGINT_AS_NUMBER };
      try {
        return await pool.query(typed);
      } catch (error) {
        // A charge whose pooled connection broke is sent once more, on a fresh connection: at worst (the first
        // had committed before the break) the caller pays this request's points twice; refused, it would get a 503.
        if (!isBrokenConnection(error)) throw error;
        store.statements += 1;
        return queryOnFreshConnection(pool, typed, { readOnly: false });
      }
    },
  };
  return store;
}

export class WorkBudget {
  private readonly store: CountingStore;
  private readonly principals: RateLimiterPostgres;
  private readonly addresses: RateLimiterPostgres;

  constructor(
    dataSource: DataSource,
    readonly settings: WorkBudgetSettings,
  ) {
    // TypeORM's PostgreSQL driver keeps pg's Pool as `master`.
    this.store = countingStore((dataSource.driver as unknown as { master: Pool }).master);
    const common = {
      storeClient: this.store,
      storeType: 'pool',
      tableName: WORK_BUDGET_TABLE,
      tableCreated: true,
      duration: WORK_BUDGET_WINDOW_SECONDS,
    };
    this.principals = new RateLimiterPostgres({ ...common, keyPrefix: 'principal', points: settings.principalPointsPerMinute });
    this.addresses = new RateLimiterPostgres({ ...common, keyPrefix: 'address', points: settings.anonymousPointsPerMinute });
  }

  /** Statements sent so far by this instance's budgets. */
  get statementsSent(): number {
    return this.store.statements;
  }

  /**
   * Adds `cost` to the caller's window (one statement) and says whether the request may run. An operation
   * that costs more than a whole window's budget could never run: it is refused without being charged (the
   * statement then adds 0, for the figures of the answer's headers).
   */
  async charge(caller: WorkCaller, cost: number): Promise<WorkCharge> {
    const [limiter, key, limit] =
      'principal' in caller
        ? [this.principals, principalLabel(caller.principal), this.settings.principalPointsPerMinute]
        : [this.addresses, caller.address, this.settings.anonymousPointsPerMinute];
    const points = cost > limit ? 0 : cost;
    let outcome: RateLimiterRes;
    let allowed = cost <= limit;
    try {
      outcome = await limiter.consume(key, points);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      outcome = refusal;
      allowed = false;
    }
    const windowMs = outcome.msBeforeNext >= 0 ? outcome.msBeforeNext : WORK_BUDGET_WINDOW_SECONDS * 1000;
    return { cost, limit, remaining: allowed ? outcome.remainingPoints : 0, resetAt: new Date(Date.now() + windowMs), allowed };
  }
}

/** The headers of every GraphQL answer over HTTP: the budget, what is left of it, when it is whole again (epoch s). */
export function workBudgetHeaders(charge: WorkCharge): Record<string, string> {
  return {
    'x-ratelimit-limit': String(charge.limit),
    'x-ratelimit-remaining': String(charge.remaining),
    'x-ratelimit-reset': String(Math.ceil(charge.resetAt.getTime() / 1000)),
    'x-ratelimit-cost': String(charge.cost),
  };
}

/** Whole seconds until the window ends, at least 1: the Retry-After of a refusal. */
export function retryAfterSecondsOf(charge: WorkCharge, nowMs = Date.now()): number {
  return Math.max(1, Math.ceil((charge.resetAt.getTime() - nowMs) / 1000));
}

/** A request over its caller's budget: HTTP 429 with Retry-After, RATE_LIMITED over HTTP and the WebSocket. */
export class WorkBudgetExceededError extends GraphQLError {
  constructor(charge: WorkCharge, nowMs = Date.now()) {
    const retryAfterSeconds = retryAfterSecondsOf(charge, nowMs);
    super(
      `Rate limit exceeded: this operation costs ${charge.cost} points and your budget of ${charge.limit} points per minute is spent until ${charge.resetAt.toISOString()}; retry in ${retryAfterSeconds} s`,
      {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds,
          cost: charge.cost,
          limit: charge.limit,
          resetAt: charge.resetAt.toISOString(),
        },
      },
    );
  }
}

/** An operation that costs more than a whole window's budget: it can never run, retrying does not help (400). */
export class OperationTooCostlyError extends GraphQLError {
  constructor(charge: WorkCharge) {
    super(
      `This operation costs ${charge.cost} points, more than the whole budget of ${charge.limit} points per minute: it can never run. Ask for smaller or fewer nested pages (docs/security.md, "Throttling by cost").`,
      { extensions: { code: 'COST_LIMIT_EXCEEDED', cost: charge.cost, limit: charge.limit } },
    );
  }
}

/** The refusal of a charge that was not allowed. */
export function workRefusal(charge: WorkCharge): WorkBudgetExceededError | OperationTooCostlyError {
  return charge.cost > charge.limit ? new OperationTooCostlyError(charge) : new WorkBudgetExceededError(charge);
}
