import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { systemPrincipal } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { createServices } from '../src/services';
import { createRequestContext } from '../src/services/context-factory';

// `node dist/scripts/run-sla-timers.js --database-url <url> [--at <ISO time>] [--batch-size N]`: runs the SLA timer
// sweep once, as every instance does each second, and prints what fired as JSON. For operators (catch up after an
// outage with the workers off) and for the test that runs two sweeps as two processes.

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    at: { type: 'string' },
    'batch-size': { type: 'string', default: '1000' },
  },
});

async function main(): Promise<void> {
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('--database-url (or DATABASE_URL) is required');
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new Error(`--at "${values.at}" is not a time`);
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a whole number of at least 1');
  const log = pino({ level: 'warn' });
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2, log });
  await dataSource.initialize();
  try {
    const services = createServices();
    const system = createRequestContext({
      dataSource,
      principal: systemPrincipal('run-sla-timers'),
      secret: loadConfig(process.env).authSecret,
      log,
      now: () => at,
    });
    const result = await services.slaTimer.fireDueTimers(system, { batchSize });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
