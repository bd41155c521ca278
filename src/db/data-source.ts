import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { AfterCommitSubscriber, afterCommitWorkSettled } from './after-commit';
import { retryReadsOnBrokenConnections } from './broken-connection-retry';
import { MIGRATIONS } from './migration-list';
import { gateWritesOfRequests } from './write-gate';
import { StatementCountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  log: { warn(object: object, message: string): void };
}

/**
 * ms between PostgreSQL's checks, while a statement runs, that its client is still there. A backend whose client
 * died (the process killed with `kill -9`, its socket gone) ends the statement, rolled back, instead of finishing
 * it (an INSERT waiting on a lock would commit once the lock went away, its answer long lost).
 */
export const CLIENT_CONNECTION_CHECK_MS = 1000;

/** The connection's `options` (PostgreSQL settings): the URL's own, then the check above. */
function connectionOptionsOf(url: string): string {
  const own = new URL(url).searchParams.get('options');
  const check = `-c client_connection_check_interval=${CLIENT_CONNECTION_CHECK_MS}`;
  return own ? `${own} ${check}` : check;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Work that must wait for COMMIT (after-commit.ts): the NOTIFY of appended events.
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new StatementCountingLogger(options.log),
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize, application_name: 'marketplace-ticketing-api', options: connectionOptionsOf(options.url) },
  });
  // A read whose pooled connection broke runs once more on a fresh connection (broken-connection-retry.ts).
  retryReadsOnBrokenConnections(dataSource, options.log);
  // At shutdown no write of a request commits once its answer could be dropped (write-gate.ts).
  gateWritesOfRequests(dataSource);
  // The pool closes only after the work that followed commits (their NOTIFYs) has been sent (after-commit.ts).
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await afterCommitWorkSettled(dataSource);
    await destroy();
  };
  return dataSource;
}

/** True when every known migration has been applied (the readiness condition). */
export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}

/** The URL the DataSource connects with, for the connections a server opens beside its pool (the event listener's). */
export function connectionUrlOf(dataSource: DataSource): string {
  const { options } = dataSource;
  if (options.type === 'postgres' && typeof options.url === 'string') return options.url;
  throw new Error('The DataSource has no PostgreSQL URL');
}
