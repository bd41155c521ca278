import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { systemPrincipal } from '../auth/principal';
import { Services } from '../services';
import { createRequestContext } from '../services/context-factory';
import { RequestContext } from '../services/request-context';

/** What background work reports to `/metrics` (src/metrics/server-metrics.ts). */
export interface JobMetrics {
  slaTimersFired(fired: { warnings: number; breaches: number }): void;
  webhookAttemptFailed(): void;
}

/** What the background worker and the SLA timer loop run with: the process's shared resources, no caller. */
export interface JobContext {
  dataSource: DataSource;
  services: Services;
  log: Logger;
  now: () => Date;
  /** The API's AUTH_SECRET: the SYSTEM context's loaders derive what a request's would (relay addresses). */
  secret: string;
  /** Absent where nothing is scraped (scripts, tests that run jobs directly). */
  metrics?: JobMetrics;
}

/**
 * The context one run of background work calls its use case with: a request context like any caller's, whose
 * principal is SYSTEM naming the work (so the rule tables' SYSTEM cells decide, and events say SYSTEM). Made per
 * run: its loaders cache that run's reads only.
 */
export function systemContextOf(context: JobContext, work: string): RequestContext {
  return createRequestContext({
    dataSource: context.dataSource,
    principal: systemPrincipal(work),
    secret: context.secret,
    log: context.log,
    now: context.now,
  });
}
