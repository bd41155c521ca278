import { run, Runner, TaskList } from 'graphile-worker';
import { Pool } from 'pg';
import { createWorkerLogger } from '../db/job-queue-schema';
import { JobContext } from './job-context';
import { JOB_DEFINITIONS } from './job-definitions';

export interface BackgroundWorker {
  stop(): Promise<void>;
}

/**
 * graphile-worker inside PostgreSQL: jobs are rows, enqueued in the same transaction as the change that needs
 * them, so a job exists exactly when its change committed. Any number of instances may run a worker; a job
 * runs on one of them. Recurring sweeps are graphile-worker cron items (one run per minute across all
 * instances, deduplicated by graphile-worker's known_crontabs).
 */
export async function startBackgroundWorker(
  context: JobContext,
  databaseUrl: string,
  options: { concurrency?: number } = {},
): Promise<BackgroundWorker> {
  const pgPool = new Pool({
    connectionString: databaseUrl,
    max: (options.concurrency ?? 4) + 2,
    application_name: 'marketplace-ticketing-worker',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pgPool.on('error', (error) => context.log.warn({ err: error }, 'worker database connection lost'));
  pgPool.on('connect', (client) => client.on('error', (error) => context.log.warn({ err: error }, 'worker database connection failed')));
  const taskList: TaskList = {};
  const crontabLines: string[] = [];
  for (const definition of JOB_DEFINITIONS) {
    taskList[definition.name] = async (payload, helpers) => {
      await definition.run(context, payload, helpers);
    };
    if (definition.cron) crontabLines.push(`${definition.cron} ${definition.name}`);
  }
  const logger = createWorkerLogger(context.log);
  const runner: Runner = await run({
    pgPool,
    taskList,
    crontab: crontabLines.join('\n'),
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 1000,
    logger,
  });
  return {
    stop: async () => {
      await runner.stop();
      await pgPool.end();
    },
  };
}
