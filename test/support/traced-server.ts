import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type PinoModule from 'pino';
import type * as ConfigModule from '../../src/config';
import type * as DataSourceModule from '../../src/db/data-source';
import { startTracing } from '../../src/observability/tracing';
import type * as ServerModule from '../../src/server';

// A server process with tracing registered first, as main.ts does, and its spans kept in memory. Run by
// test/integration/tracing.test.ts (node -r ./test/support/typescript-require-hook.js): it reports its URL over
// IPC, and answers 'spans' with every finished span.

const exporter = new InMemorySpanExporter();
const tracing = startTracing({ exporter, exportEachSpan: true });

/** What the test asserts on: the tree (ids), the names, kinds and attributes. */
export interface RecordedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  scope: string;
  attributes: Record<string, unknown>;
}

function recorded(span: ReadableSpan): RecordedSpan {
  return {
    name: span.name,
    kind: span.kind,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    scope: span.instrumentationScope.name,
    attributes: { ...span.attributes },
  };
}

async function main(): Promise<void> {
  // Only now the instrumented modules (http, express, pg) load: `import` statements would be hoisted above startTracing.
  require('reflect-metadata'); // eslint-disable-line @typescript-eslint/no-require-imports -- loaded after startTracing on purpose
  const pino = require('pino') as typeof PinoModule; // eslint-disable-line @typescript-eslint/no-require-imports -- loaded after startTracing on purpose
  const { loadConfig } = require('../../src/config') as typeof ConfigModule; // eslint-disable-line @typescript-eslint/no-require-imports -- loaded after startTracing on purpose
  const { createDataSource } = require('../../src/db/data-source') as typeof DataSourceModule; // eslint-disable-line @typescript-eslint/no-require-imports -- loaded after startTracing on purpose
  const { startServer } = require('../../src/server') as typeof ServerModule; // eslint-disable-line @typescript-eslint/no-require-imports -- loaded after startTracing on purpose
  const config = {
    ...loadConfig({ NODE_ENV: 'test', PORT: '0', RUN_WORKER: 'false', SHUTDOWN_GRACE_MS: '0' }),
    databaseUrl: process.env.DATABASE_URL ?? null,
  };
  const log = pino({ level: 'silent' });
  const dataSource = createDataSource({ url: config.databaseUrl!, poolSize: 2, log });
  await dataSource.initialize();
  const server = await startServer({ config, dataSource, log });
  process.on('message', (message: string) => {
    if (message === 'spans') {
      process.send!({ spans: exporter.getFinishedSpans().map(recorded) });
      return;
    }
    void server
      .stop()
      .then(() => dataSource.destroy())
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  });
  process.send!({ graphqlUrl: server.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`traced server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
