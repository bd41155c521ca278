import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { signPrincipalToken } from '../../src/auth/jwt';
import { DEVELOPMENT_AUTH_SECRET } from '../../src/config';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../../src/db/database';
import { PrincipalRole } from '../../src/domain/enums';
import type { RecordedSpan } from '../support/traced-server';

// OpenTelemetry over a real server process (jest's module loader bypasses the hooks instrumentations patch
// modules with, so the server runs in a child, with tracing registered before anything loads, as in main.ts):
// one request yields one trace in which the HTTP server span holds the GraphQL operation's span, which holds
// the SQL statements' spans.

const root = path.resolve(__dirname, '../..');
let child: ChildProcess;
let graphqlUrl: string;
let databaseName: string;
const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;

function nextMessage<T>(predicate: (message: Record<string, unknown>) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!predicate(message)) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the traced server exited with ${code}`)));
  });
}

beforeAll(async () => {
  databaseName = `ticketing_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, databaseName, process.env.TEST_TEMPLATE_DATABASE);
  child = fork(path.join(root, 'test/support/traced-server.ts'), [], {
    cwd: root,
    execArgv: ['-r', path.join(root, 'test/support/typescript-require-hook.js')],
    env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, databaseName), NODE_ENV: 'test' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  ({ graphqlUrl } = await nextMessage<{ graphqlUrl: string }>((message) => 'graphqlUrl' in message));
});

afterAll(async () => {
  if (child?.connected) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    await exited;
  }
  await dropDatabase(serverUrl, databaseName);
});

async function spans(): Promise<RecordedSpan[]> {
  const next = nextMessage<{ spans: RecordedSpan[] }>((message) => 'spans' in message);
  child.send('spans');
  return (await next).spans;
}

/** The spans from `span` up to its trace's root. */
function ancestry(span: RecordedSpan, all: RecordedSpan[]): RecordedSpan[] {
  const byId = new Map(all.map((candidate) => [candidate.spanId, candidate]));
  const chain: RecordedSpan[] = [];
  for (let current: RecordedSpan | undefined = span; current; current = current.parentSpanId ? byId.get(current.parentSpanId) : undefined)
    chain.push(current);
  return chain;
}

it('records one trace per request: HTTP server span → GraphQL operation → SQL statements', async () => {
  const token = await signPrincipalToken({ role: PrincipalRole.AGENT, agentId: '1' }, DEVELOPMENT_AUTH_SECRET);
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query Inbox { tickets(first: 2) { edges { node { number customer { name } } } } }' }),
  });
  expect(response.status).toBe(200);

  let all: RecordedSpan[] = [];
  for (let attempt = 0; attempt < 100 && !all.some((span) => span.kind === SpanKind.SERVER); attempt += 1) {
    all = await spans();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const server = all.find((span) => span.kind === SpanKind.SERVER && span.attributes['http.route'] === '/graphql');
  expect(server).toBeDefined();
  const trace = all.filter((span) => span.traceId === server!.traceId);
  const operation = trace.find((span) => span.name === 'query Inbox');
  expect(operation?.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Inbox' });
  expect(ancestry(operation!, trace).at(-1)).toBe(server);

  const statements = trace.filter(
    (span) =>
      span.scope === '@opentelemetry/instrumentation-pg' &&
      span.attributes['db.system.name'] === 'postgresql' &&
      typeof span.attributes['db.query.text'] === 'string',
  );
  expect(statements.length).toBeGreaterThan(0);
  const underOperation = statements.filter((span) => ancestry(span, trace).includes(operation!));
  expect(underOperation.length).toBeGreaterThan(0);
  expect(underOperation.some((span) => String(span.attributes['db.query.text']).includes('FROM tickets'))).toBe(true);
  // Express's route and middleware spans sit between the server span and the operation.
  expect(trace.some((span) => span.scope === '@opentelemetry/instrumentation-express')).toBe(true);
  // Every span of the request is in this one trace, and it has one root.
  expect(trace.filter((span) => span.parentSpanId === null || !trace.some((parent) => parent.spanId === span.parentSpanId))).toEqual([
    server,
  ]);
});
