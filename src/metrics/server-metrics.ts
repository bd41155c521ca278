import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SubscriptionStatistics } from '../events/shared-subscription-executor';
import { JobMetrics } from '../jobs/job-context';
import { registerEventFanOutMetrics } from './event-fan-out.metrics';
import { createJobQueueReader, registerJobQueueGauges } from './job-queue.metrics';
import { createOperationTimingPlugin } from './operation-timing.plugin';

// What `GET /metrics` exposes (Prometheus text format). One Registry per server instance, never prom-client's
// global one, so that several instances in one process (tests) keep their numbers apart.

export interface ServerMetrics extends JobMetrics {
  registry: Registry;
  /** One scrape: every metric collected, the job queue read once for all its gauges. */
  scrape(): Promise<string>;
  /** Times every GraphQL operation over HTTP by operation name. */
  apolloPlugin: ApolloServerPlugin;
  /** GraphQL answers PostgreSQL wrote as JSON text (src/graphql/sql-answers.ts). */
  sqlAnswers: Counter;
}

export function createServerMetrics(options: {
  dataSource: DataSource;
  eventSubscriptions: SubscriptionStatistics;
  log: Logger;
}): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ticketing_' });
  const apolloPlugin = createOperationTimingPlugin(registry);
  const slaWarnings = new Counter({
    name: 'ticketing_sla_warnings_total',
    help: "SLA_WARNING events fired by this instance's timer sweeps",
    registers: [registry],
  });
  const slaBreaches = new Counter({
    name: 'ticketing_sla_breaches_total',
    help: "SLA_BREACHED events fired by this instance's timer sweeps",
    registers: [registry],
  });
  const webhookFailures = new Counter({
    name: 'ticketing_webhook_delivery_failures_total',
    help: "Failed webhook delivery attempts run by this instance's worker (non-2xx, timeout, refused, redirect elsewhere)",
    registers: [registry],
  });
  const jobQueue = createJobQueueReader(options.dataSource);
  const sqlAnswers = new Counter({
    name: 'ticketing_graphql_sql_answers_total',
    help: 'GraphQL answers PostgreSQL wrote as JSON text (ticket pages, tickets)',
    registers: [registry],
  });
  registerJobQueueGauges(registry, jobQueue, options.log);
  registerEventFanOutMetrics(registry, options.eventSubscriptions);
  return {
    registry,
    sqlAnswers,
    scrape: () => jobQueue.duringOneScrape(() => registry.metrics()),
    apolloPlugin,
    slaTimersFired(fired) {
      slaWarnings.inc(fired.warnings);
      slaBreaches.inc(fired.breaches);
    },
    webhookAttemptFailed() {
      webhookFailures.inc();
    },
  };
}
