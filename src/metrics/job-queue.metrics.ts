import { Logger } from 'pino';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { JOB_DEFINITIONS } from '../jobs/job-definitions';

interface QueueRow {
  task_identifier: string;
  ready: string;
  scheduled: string;
  running: string;
  failed: string;
  lag_seconds: string;
}

const QUEUE_STATES = ['ready', 'scheduled', 'running', 'failed'] as const;

/** The graphile-worker queue by task, read once per scrape however many gauges ask. */
export interface JobQueueReader {
  rows(): Promise<QueueRow[]>;
  /** Runs one scrape with one shared read of the queue. */
  duringOneScrape<T>(scrape: () => Promise<T>): Promise<T>;
}

export function createJobQueueReader(dataSource: DataSource): JobQueueReader {
  // Set for the duration of one scrape, so that its gauges share one query.
  let scrapeSnapshot: Promise<QueueRow[]> | null = null;
  const readQueue = (): Promise<QueueRow[]> =>
    dataSource.query<QueueRow[]>(
      `SELECT task_identifier,
         count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()) AS ready,
         count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now()) AS scheduled,
         count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
         count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts) AS failed,
         coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())), 0) AS lag_seconds
       FROM graphile_worker.jobs GROUP BY task_identifier`,
    );
  return {
    rows: () => scrapeSnapshot ?? readQueue(),
    async duringOneScrape(scrape) {
      const snapshot = readQueue();
      // A failed read is reported by the gauges' collect; here it must not go unhandled.
      snapshot.catch(() => undefined);
      scrapeSnapshot = snapshot;
      try {
        return await scrape();
      } finally {
        if (scrapeSnapshot === snapshot) scrapeSnapshot = null;
      }
    },
  };
}

/** Depth by task and state, and the lag of the oldest due job; every known task is reported, at 0 when idle. */
export function registerJobQueueGauges(registry: Registry, queue: JobQueueReader, log: Logger): void {
  const knownTasks = JOB_DEFINITIONS.map((definition) => definition.name);
  new Gauge({
    name: 'ticketing_job_queue_depth',
    help: 'graphile-worker jobs by task and state: ready (due, waiting for a worker), scheduled (due later), running, failed (out of attempts)',
    labelNames: ['task', 'state'] as const,
    registers: [registry],
    async collect() {
      try {
        const rows = await queue.rows();
        this.reset();
        for (const task of knownTasks) for (const state of QUEUE_STATES) this.set({ task, state }, 0);
        for (const row of rows) {
          for (const state of QUEUE_STATES) this.set({ task: row.task_identifier, state }, Number(row[state]));
        }
      } catch (error) {
        log.warn({ err: error }, 'job queue depth unavailable');
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
        const rows = await queue.rows();
        this.reset();
        for (const task of knownTasks) this.set({ task }, 0);
        for (const row of rows) this.set({ task: row.task_identifier }, Number(row.lag_seconds));
      } catch (error) {
        log.warn({ err: error }, 'job queue lag unavailable');
      }
    },
  });
}
