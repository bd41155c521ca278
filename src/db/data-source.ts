import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { retryReadsOnBrokenConnections } from './broken-connection-retry';
import { MIGRATIONS } from './migration-list';
import { gateWritesAtShutdown } from './write-gate';
import { StatementCountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  log: { warn(object: object, message: string): void };
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new StatementCountingLogger(options.log),
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize, application_name: 'marketplace-ticketing-api' },
  });
  // A read whose pooled connection broke runs once more on a fresh connection (broken-connection-retry.ts).
  retryReadsOnBrokenConnections(dataSource, options.log);
  // At shutdown no write of a request commits once its answer could be dropped (write-gate.ts).
  gateWritesAtShutdown(dataSource);
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
