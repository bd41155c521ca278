import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { getSchema } from '../src/resolvers/schema';
import { startServer } from '../src/server';

// The server under test, in a process of its own so that its CPU time and memory are its own (the load
// generator runs in the parent). Started by bench/server-handle.ts with fork(); talks over the IPC channel.

export type ServerRequest = { type: 'stats' } | { type: 'stop' };
export type ServerReply =
  | { type: 'ready'; graphqlUrl: string; subscriptionFields: string[] }
  | { type: 'stats'; cpuMicroseconds: number; rssBytes: number; heapUsedBytes: number }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

/** Far above any benchmark's rate: the limiter still runs (its cost is measured), it just never refuses. */
const UNTHROTTLED = { principalRequestsPerMinute: 1_000_000_000, anonymousRequestsPerMinute: 1_000_000_000 };

function send(reply: ServerReply): void {
  process.send?.(reply);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
  const authSecret = process.env.BENCH_AUTH_SECRET;
  if (!databaseUrl || !authSecret) throw new Error('BENCH_SERVER_DATABASE_URL and BENCH_AUTH_SECRET are required');
  // Production settings (no field suggestions, no introspection, no stack traces), silent logs, no worker.
  const config = loadConfig({
    NODE_ENV: 'production',
    AUTH_SECRET: authSecret,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    RUN_WORKER: 'false',
    SHUTDOWN_GRACE_MS: '0',
    DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '10',
    // A budget far above any benchmark's load: it is still charged (one statement per request), it never refuses.
    RATE_LIMIT_POINTS_PER_MINUTE: '1000000000',
    // S5 holds 1,000 subscriptions of one agent on one instance, far past a principal's default quota.
    WEB_SOCKET_SOCKETS_PER_PRINCIPAL: '100000',
    WEB_SOCKET_OPERATIONS_PER_PRINCIPAL: '1000000',
    // Every benchmark client connects from 127.0.0.1: S5's 1,000 sockets are far past one address's caps.
    HTTP_CONNECTIONS_PER_ADDRESS: '1000000',
    WEB_SOCKET_UNAUTHENTICATED_SOCKETS_PER_ADDRESS: '1000000',
  });
  const log = pino({ level: 'silent' });
  const dataSource = createDataSource({ url: databaseUrl, poolSize: config.databasePoolSize, log });
  await dataSource.initialize();
  const server = await startServer({ config, dataSource, log, rateLimits: UNTHROTTLED });
  const subscriptionType = (await getSchema()).getSubscriptionType();
  send({
    type: 'ready',
    graphqlUrl: server.graphqlUrl,
    subscriptionFields: subscriptionType ? Object.keys(subscriptionType.getFields()) : [],
  });

  process.on('message', (message: ServerRequest) => {
    switch (message.type) {
      case 'stats': {
        const cpu = process.cpuUsage();
        const memory = process.memoryUsage();
        send({ type: 'stats', cpuMicroseconds: cpu.user + cpu.system, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
        break;
      }
      case 'stop':
        void (async () => {
          await server.stop();
          await dataSource.destroy();
          send({ type: 'stopped' });
          // Exit normally (not process.exit at once) so that --cpu-prof writes its profile.
          process.disconnect?.();
          setTimeout(() => process.exit(0), 200).unref();
        })();
        break;
    }
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
