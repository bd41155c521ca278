import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SubscriptionStatistics } from '../events/shared-subscription-executor';
import { JobMetrics } from '../jobs/job-context';
import { JOB_DEFINITIONS } from '../jobs/job-definitions';

// What `GET /metrics` exposes (Prometheus text format). One Registry per server instance, never prom-client's
// global one, so that several instances in one process (tests) keep their numbers apart.

export interface ServerMetrics extends JobMetrics {
  registry: Registry;
  /** One scrape: every metric collected, the job queue read once for all its gauges. */
  scrape(): Promise<string>;
  /** Times every GraphQL operation over HTTP by operation name. */
  apolloPlugin: ApolloServerPlugin;
}

/** Distinct operation names labelled at most; later ones count as "other", so clients cannot grow the series without bound. */
const MAXIMUM_OPERATION_NAMES = 200;

interface QueueRow {
  task_identifier: string;
  ready: string;
  scheduled: string;
  running: string;
  failed: string;
  lag_seconds: string;
}

// eslint-disable-next-line max-lines-per-function -- #18: split pending
export function createServerMetrics(options: { dataSource: DataSource; eventSubscriptions: SubscriptionStatistics; log: Logger }): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ticketing_' });

  const operationDuration = new Histogram({
    name: 'ticketing_graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP, from request to response, by operation name and type',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const slaWarnings = new Counter({ name: 'ticketing_sla_warnings_total', help: 'SLA_WARNING events fired by this instance\'s timer sweeps', registers: [registry] });
  const slaBreaches = new Counter({ name: 'ticketing_sla_breaches_total', help: 'SLA_BREACHED events fired by this instance\'s timer sweeps', registers: [registry] });
  const webhookFailures = new Counter({
    name: 'ticketing_webhook_delivery_failures_total',
    help: 'Failed webhook delivery attempts run by this instance\'s worker (non-2xx, timeout, refused, redirect elsewhere)',
    registers: [registry],
  });

  // Set for the duration of one scrape, so that its gauges share one query.
  let scrapeSnapshot: Promise<QueueRow[]> | null = null;
  const readQueue = (): Promise<QueueRow[]> =>
    options.dataSource.query(
          `SELECT task_identifier,
             count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()) AS ready,
             count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now()) AS scheduled,
             count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
             count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts) AS failed,
             coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())), 0) AS lag_seconds
           FROM graphile_worker.jobs GROUP BY task_identifier`,
    );
  const queueRows = (): Promise<QueueRow[]> => scrapeSnapshot ?? readQueue();
  const knownTasks = JOB_DEFINITIONS.map((definition) => definition.name);
  new Gauge({
    name: 'ticketing_job_queue_depth',
    help: 'graphile-worker jobs by task and state: ready (due, waiting for a worker), scheduled (due later), running, failed (out of attempts)',
    labelNames: ['task', 'state'] as const,
    registers: [registry],
    async collect() {
      try {
        const rows = await queueRows();
        this.reset();
        for (const task of knownTasks) for (const state of ['ready', 'scheduled', 'running', 'failed']) this.set({ task, state }, 0);
        for (const row of rows) {
          for (const state of ['ready', 'scheduled', 'running', 'failed'] as const) this.set({ task: row.task_identifier, state }, Number(row[state]));
        }
      } catch (error) {
        options.log.warn({ err: error }, 'job queue depth unavailable');
      }
    },
  });
  new Gauge({
    name: 'ticketing_job_queue_lag_seconds',
    help: 'How long the oldest due job of each task has been waiting for a worker (0: none waiting)',
    labelNames: ['task'] as const,
    registers: [registry],
    async collect() {
      try {
        const rows = await queueRows();
        this.reset();
        for (const task of knownTasks) this.set({ task }, 0);
        for (const row of rows) this.set({ task: row.task_identifier }, Number(row.lag_seconds));
      } catch (error) {
        options.log.warn({ err: error }, 'job queue lag unavailable');
      }
    },
  });
  new Gauge({
    name: 'ticketing_event_subscribers',
    help: 'ticketEvents subscriptions open on this instance',
    registers: [registry],
    collect() {
      this.set(options.eventSubscriptions.subscriberCount());
    },
  });
  new Gauge({
    name: 'ticketing_event_subscription_groups',
    help: 'Groups of ticketEvents subscriptions sharing one execution per event (same document, variables and visibility)',
    registers: [registry],
    collect() {
      this.set(options.eventSubscriptions.groupCount());
    },
  });
  new Counter({
    name: 'ticketing_event_subscription_executions_total',
    help: 'Executions of subscription documents by the fan-out: one per event and group (not per subscriber)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(options.eventSubscriptions.executionCount());
    },
  });
  new Counter({
    name: 'ticketing_event_subscription_deliveries_total',
    help: 'Subscription results handed to subscribers by the fan-out',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(options.eventSubscriptions.deliveryCount());
    },
  });

  const labelledNames = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (labelledNames.has(name)) return name;
    if (labelledNames.size >= MAXIMUM_OPERATION_NAMES) return 'other';
    labelledNames.add(name);
    return name;
  };

  return {
    registry,
    async scrape() {
      const snapshot = readQueue();
      // A failed read is reported by the gauges' collect; here it must not go unhandled.
      snapshot.catch(() => undefined);
      scrapeSnapshot = snapshot;
      try {
        return await registry.metrics();
      } finally {
        if (scrapeSnapshot === snapshot) scrapeSnapshot = null;
      }
    },
    apolloPlugin: {
      async requestDidStart() {
        const startedAt = process.hrtime.bigint();
        return {
          async willSendResponse({ request, operation, response }) {
            const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
            const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
            operationDuration.observe(
              { operation_name: operationLabel(operation?.name?.value ?? request.operationName), operation_type: operation?.operation ?? 'unknown', outcome: failed ? 'error' : 'ok' },
              seconds,
            );
          },
        };
      },
    },
    slaTimersFired(fired) {
      slaWarnings.inc(fired.warnings);
      slaBreaches.inc(fired.breaches);
    },
    webhookAttemptFailed() {
      webhookFailures.inc();
    },
  };
}
