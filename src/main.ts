// First: tracing instruments http, express and pg as they load (nothing without OTEL_EXPORTER_OTLP_ENDPOINT).
import { tracing } from './observability/register-tracing';
import 'reflect-metadata';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { describeDemoAccess, seedDemoDataIfEmpty } from './demo/seed-demo-data';
import { BackgroundWorker, startBackgroundWorker } from './jobs/worker';
import { SlaTimerLoop, startSlaTimerLoop } from './jobs/sla-timer-loop';
import { startServer } from './server';

// `npm start`: configuration → database (embedded unless DATABASE_URL) → migrations → demo data → server.
// The start banner goes to stderr (it is for the person at the terminal); stdout carries only the JSON log lines.
// SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the pool and the embedded server.

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Credentials never reach the logs.
  const log = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'] });
  const database = await openDatabase(config, log);
  const server = await startServer({ config, dataSource: database.dataSource, log });
  const jobContext = {
    dataSource: database.dataSource,
    services: server.services,
    log,
    now: () => new Date(),
    secret: config.authSecret,
    metrics: server.metrics,
  };
  let worker: BackgroundWorker | null = null;
  let slaTimers: SlaTimerLoop | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight requests');
    // Even the forced exit first closes the write gate: no write commits after it whose answer the exit drops.
    const forceExit = setTimeout(() => {
      log.error('shutdown timed out; exiting once no write can commit unanswered');
      void server.closeWrites().finally(() => process.exit(1));
    }, config.shutdownTimeoutMs);
    forceExit.unref();
    try {
      await server.stop();
      log.info('requests drained');
      await slaTimers?.stop();
      await worker?.stop();
      log.info('background work stopped');
      await Promise.all([database.close(), tracing?.shutdown()]); // the last spans are exported as the pool closes
      log.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Demo tickets are replayed at their own past times before the timers start, so no timer acts mid-story.
  const demo = config.loadDemoData ? await seedDemoDataIfEmpty(database.dataSource, server.services, log, config.authSecret) : false;
  if (config.runWorker && !stopping) {
    worker = await startBackgroundWorker(jobContext, database.databaseUrl);
    slaTimers = startSlaTimerLoop(jobContext);
  }
  process.stderr.write(await startBanner(config, database, server.url, server.graphqlUrl, demo));
}

/** The configuration, or exit with its problem (EX_CONFIG): a start never runs half-configured. */
function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** The start banner for the person at the terminal: where the API is, its database, and how to sign in. */
async function startBanner(
  config: AppConfig,
  database: { dataSource: DataSource },
  url: string,
  graphqlUrl: string,
  demo: boolean,
): Promise<string> {
  return [
    '',
    `Marketplace ticketing API ready at ${graphqlUrl}`,
    `  health: ${url}/healthz   readiness: ${url}/readyz`,
    `  database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDirectory}/`}${demo ? ' (demo data loaded)' : ''}`,
    '',
    // Tokens are printed (and signed) only for a development start with demo data: never in production, where
    // AUTH_SECRET is real and a printed token would be a working credential in every log collector.
    showsDemoTokens(config)
      ? await describeDemoAccess(database.dataSource, config, graphqlUrl)
      : 'Tokens: none printed (demo tokens are for NODE_ENV=development with demo data)',
    '',
  ].join('\n');
}

/** Every start-up failure names its cause: a message, its code and its causes, never a bare "undefined". */
function describeStartFailure(error: unknown): string {
  if (!(error instanceof Error)) return error === undefined || error === null ? 'an unnamed failure (no error was given)' : String(error); // eslint-disable-line @typescript-eslint/no-base-to-string -- a thrown non-Error is shown as JavaScript prints it
  const code = (error as NodeJS.ErrnoException).code;
  const parts = [`${error.message || error.name}${code ? ` (${code})` : ''}`];
  if (error instanceof AggregateError) parts.push(...error.errors.map((inner) => describeStartFailure(inner)));
  if (error.cause !== undefined) parts.push(`caused by: ${describeStartFailure(error.cause)}`);
  return `${parts.join('; ')}\n${error.stack ?? ''}`;
}

function showsDemoTokens(config: AppConfig): boolean {
  return config.nodeEnv === 'development' && config.loadDemoData;
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
