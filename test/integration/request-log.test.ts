import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestApp, TestApp } from '../support/test-app';

// The request log (pino-http): one line per request with the real path, the route and the GraphQL operation.

interface LogLine {
  msg: string;
  reqId?: string;
  req?: { id: string; method: string; path: string; headers?: unknown };
  res?: { statusCode: number };
  route?: string | null;
  graphqlOperation?: { name: string | null; type: string } | null;
  durationMs?: number;
}

const lines: LogLine[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
    done();
  },
});

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ log: pino({ level: 'info' }, sink) });
});
afterAll(() => app.close());

async function post(body: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(app.server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.agentToken()}`, ...headers },
    body: JSON.stringify(body),
  });
}

/** The completed-request line of the request with this id (written when its response finished). */
async function lineOf(requestId: string): Promise<LogLine> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const line = lines.find((candidate) => candidate.req?.id === requestId && candidate.res !== undefined);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no request line for ${requestId}; lines: ${JSON.stringify(lines)}`);
}

describe('the request log', () => {
  it('names the path, the route and the GraphQL operation of a query, with status and duration', async () => {
    const response = await post({ query: 'query Inbox { tickets(first: 1) { edges { node { id } } } }' }, { 'x-request-id': 'inbox-1' });
    expect(response.headers.get('x-request-id')).toBe('inbox-1');
    const line = await lineOf('inbox-1');
    expect(line).toMatchObject({
      msg: 'request completed',
      req: { id: 'inbox-1', method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      route: '/graphql',
      graphqlOperation: { name: 'Inbox', type: 'query' },
    });
    expect(typeof line.durationMs).toBe('number');
  });

  it('picks the operation operationName names, and logs an anonymous one by its type', async () => {
    await post(
      { query: 'query A { me { role } } mutation B { revokeApiKey(input: { id: "x" }) { userErrors { code } } }', operationName: 'A' },
      { 'x-request-id': 'pick-1' },
    );
    expect((await lineOf('pick-1')).graphqlOperation).toEqual({ name: 'A', type: 'query' });
    await post({ query: '{ me { role } }' }, { 'x-request-id': 'anonymous-1' });
    expect((await lineOf('anonymous-1')).graphqlOperation).toEqual({ name: null, type: 'query' });
  });

  it('logs no header and no query string, replaces a malformed request id, and keeps the probes out', async () => {
    const response = await fetch(`${app.server.graphqlUrl}?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${await app.agentToken()}`, 'x-request-id': 'no good!' },
    });
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).not.toBe('no good!');
    const line = await lineOf(requestId);
    expect(line.req).toEqual({ id: requestId, method: 'GET', path: '/graphql' });
    expect(JSON.stringify(line)).not.toContain('Bearer');
    await fetch(`${app.server.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    await post({ query: '{ me { role } }' }, { 'x-request-id': 'after-probe' });
    await lineOf('after-probe');
    expect(lines.some((candidate) => candidate.req?.id === 'probe-1')).toBe(false);
  });

  it('gives the route of operational and IDE routes', async () => {
    const response = await fetch(`${app.server.url}/graphql-ide/graphiql.css`, { headers: { 'x-request-id': 'ide-css' } });
    expect(response.status).toBe(200);
    expect(await lineOf('ide-css')).toMatchObject({ req: { path: '/graphql-ide/graphiql.css' }, route: '/graphql-ide/:file' });
  });
});
