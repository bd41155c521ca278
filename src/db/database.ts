import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { AppConfig } from '../config';
import { migrateJobQueue } from './job-queue-schema';
import { createDataSource } from './data-source';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'ticketing';

export interface OpenDatabase {
  dataSource: DataSource;
  databaseUrl: string;
  embedded: EmbeddedPostgresHandle | null;
  close(): Promise<void>;
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabaseIfMissing(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ''} ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}

/** Drops a database even while connections remain (tests and benchmarks clean up after themselves). */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Connects to DATABASE_URL, or starts embedded PostgreSQL in the data folder when it is not set, then applies
 * pending migrations. DATABASE_URL never touches the data folder.
 */
export async function openDatabase(config: AppConfig, log: Logger): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    log.info({ dataDirectory: config.dataDirectory, port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDirectory: config.dataDirectory,
      port: config.embeddedPostgresPort,
      onNotice: (message) => log.warn(message),
    });
    await createDatabaseIfMissing(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
    databaseUrl = withDatabase(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
  }
  const dataSource = createDataSource({ url: databaseUrl, poolSize: config.databasePoolSize, log });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log.info({ migrations: applied.map((migration) => migration.name) }, 'migrations applied');
    await migrateJobQueue(databaseUrl, log);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    databaseUrl,
    embedded,
    close: async () => {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
