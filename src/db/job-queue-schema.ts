import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';
import { Logger } from 'pino';

/** graphile-worker's log lines in the application log. */
export function createWorkerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[method]({ worker: scope, ...meta }, message);
  });
}

/**
 * Installs or upgrades graphile-worker's schema. Every event append may enqueue webhook jobs with
 * `graphile_worker.add_job`, so the schema must exist before the first event, whether or not this process runs
 * a worker: openDatabase calls this right after the application's migrations.
 */
export async function migrateJobQueue(databaseUrl: string, log: Logger): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: createWorkerLogger(log) });
}
