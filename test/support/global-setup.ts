import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createDatabaseIfMissing, withDatabase } from '../../src/db/database';
import { freePort } from '../../src/db/free-port';
import { createDataSource } from '../../src/db/data-source';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrateJobQueue } from '../../src/db/job-queue-schema';

// Once per `npm test`: a PostgreSQL server (TEST_DATABASE_URL, or embedded in a temporary folder) and a
// migrated template database; every test file then copies the template into a database of its own.

declare global {
  var embeddedPostgresForTests: EmbeddedPostgresHandle | undefined;
  /** The embedded server's temporary folder, removed by the teardown (the server leaves it empty). */
  var embeddedPostgresFolderForTests: string | undefined;
}

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'ticketing-test-'));
    const embedded = await startEmbeddedPostgres({ dataDirectory, port: await freePort(), isEphemeral: true });
    globalThis.embeddedPostgresForTests = embedded;
    globalThis.embeddedPostgresFolderForTests = dataDirectory;
    serverUrl = embedded.serverUrl;
  }
  const template = `ticketing_template_${process.pid}`;
  await createDatabaseIfMissing(serverUrl, template);
  const dataSource = createDataSource({ url: withDatabase(serverUrl, template), poolSize: 2, log: console });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  // Event appends enqueue webhook jobs: graphile-worker's schema is part of every test database.
  await migrateJobQueue(withDatabase(serverUrl, template), pino({ level: 'silent' }));
  process.env.TEST_POSTGRES_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
}
