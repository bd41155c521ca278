import { connect, Socket } from 'node:net';
import pino from 'pino';
import { Client } from 'pg';
import { poolOf } from '../../src/db/broken-connection-retry';
import WebSocket from 'ws';
import { PrincipalRole } from '../../src/domain/enums';
import { RunningServer, startServer, STOP_MARGIN_MS } from '../../src/server';
import { insertCustomer } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 7: shutdown never commits a write whose answer it then drops. Writes (openTicket) are sent on
// kept-alive sockets just before, as and just after shutdown begins, one at a time and pipelined; each is either
// answered with its result (and committed) or not run at all (refused with 503, or its socket closed unread).
// Never committed and unanswered. Real HTTP over raw sockets (keep-alive and pipelining as clients do them),
// real PostgreSQL.

const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } userErrors { code } } }';

interface Exchange {
  /** The HTTP answers read from the socket, in order. */
  answers: Array<{ status: number; body: string }>;
  /** Resolves when the socket has closed. */
  closed: Promise<void>;
  send(requests: string[]): void;
  socket: Socket;
}

function httpRequest(port: number, token: string, body: string): string {
  return [
    'POST /graphql HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    `Authorization: Bearer ${token}`,
    'Connection: keep-alive',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

/** A raw kept-alive HTTP/1.1 connection that parses the answers it gets (Content-Length bodies only, as ours are). */
async function openExchange(port: number): Promise<Exchange> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const answers: Exchange['answers'] = [];
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const headerEnd = buffered.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const head = buffered.subarray(0, headerEnd).toString('latin1');
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < headerEnd + 4 + length) return;
      answers.push({ status: Number(head.split(' ')[1]), body: buffered.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8') });
      buffered = buffered.subarray(headerEnd + 4 + length);
    }
  });
  socket.on('error', () => undefined); // a reset socket is one outcome under test
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { answers, closed, socket, send: (requests) => socket.write(requests.join('')) };
}

describe('shutdown answers every write it commits (issue #14, point 7)', () => {
  let app: TestApp;
  let customerToken: string;
  let sequence = 0;

  beforeAll(async () => {
    app = await createTestApp();
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: await insertCustomer(app.dataSource) });
  });
  afterAll(() => app.close());

  const startInstance = () =>
    startServer({ config: { ...app.config, shutdownGraceMs: 150 }, dataSource: app.dataSource, log: pino({ level: 'silent' }) });
  const portOf = (server: RunningServer) => Number(new URL(server.url).port);

  const newWrite = () => {
    sequence += 1;
    const subject = `shutdown write ${sequence} ${process.pid}`;
    return {
      subject,
      body: JSON.stringify({
        query: OPEN_TICKET,
        variables: { input: { channel: 'CHAT', subject, body: 'The parcel never came.', orderId: null } },
      }),
    };
  };
  const committed = async (subject: string) =>
    Number((await app.dataSource.query('SELECT count(*)::int AS n FROM tickets WHERE subject = $1', [subject]))[0].n);

  /** Each write: answered with its ticket and committed once, or not committed. Returns the tally of outcomes. */
  const judge = async (exchange: Exchange, subjects: string[]) => {
    await exchange.closed;
    const tally = { answered: 0, refused: 0, unanswered: 0 };
    for (const [index, subject] of subjects.entries()) {
      const answer = exchange.answers[index];
      const rows = await committed(subject);
      if (answer === undefined) {
        expect({ subject, outcome: 'unanswered', committed: rows }).toEqual({ subject, outcome: 'unanswered', committed: 0 });
        tally.unanswered += 1;
      } else if (answer.status === 503) {
        expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
        expect({ subject, outcome: 'refused', committed: rows }).toEqual({ subject, outcome: 'refused', committed: 0 });
        tally.refused += 1;
      } else {
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toMatchObject({ data: { openTicket: { ticket: { id: expect.any(String) }, userErrors: [] } } });
        expect({ subject, outcome: 'answered', committed: rows }).toEqual({ subject, outcome: 'answered', committed: 1 });
        tally.answered += 1;
      }
    }
    return tally;
  };

  /** A socket made kept-alive by one answered read, as a client's connection pool holds it. */
  const keptAlive = async (port: number) => {
    const exchange = await openExchange(port);
    exchange.send([httpRequest(port, customerToken, JSON.stringify({ query: '{ me { role } }' }))]);
    for (let waited = 0; exchange.answers.length === 0; waited += 1) {
      if (waited > 2000) throw new Error('no answer to the first read');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    exchange.answers.shift();
    return exchange;
  };

  it('answers every pipelined write it runs, and runs none it cannot answer, on a kept-alive socket as shutdown begins', async () => {
    const totals = { answered: 0, refused: 0, unanswered: 0 };
    for (let round = 0; round < 4; round += 1) {
      const server = await startInstance();
      const port = portOf(server);
      const exchange = await keptAlive(port);
      const writes = [newWrite(), newWrite(), newWrite()];
      exchange.send(writes.map((write) => httpRequest(port, customerToken, write.body)));
      // Shutdown begins while the pipelined writes are being read and run (round 0: in the same turn).
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, round * 2));
      const stopped = server.stop();
      const tally = await judge(
        exchange,
        writes.map((write) => write.subject),
      );
      await stopped;
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += tally[key];
    }
    // Writes pipelined before shutdown began are all answered (in order); those read after it are not run.
    expect(totals.answered + totals.refused + totals.unanswered).toBe(12);
  });

  it('answers or does not run a write sent on a kept-alive socket just before, as or just after shutdown begins', async () => {
    const outcomes: string[] = [];
    for (const offset of [-2, -1, 0, 1, 2, 5]) {
      const server = await startInstance();
      const port = portOf(server);
      const sockets = await Promise.all([keptAlive(port), keptAlive(port), keptAlive(port)]);
      const writes = sockets.map(() => newWrite());
      const sendAll = () => sockets.forEach((exchange, index) => exchange.send([httpRequest(port, customerToken, writes[index].body)]));
      if (offset < 0) {
        sendAll();
        await new Promise((resolve) => setTimeout(resolve, -offset));
      }
      const stopped = server.stop();
      if (offset === 0) sendAll();
      if (offset > 0) {
        await new Promise((resolve) => setTimeout(resolve, offset));
        sendAll();
      }
      for (const [index, exchange] of sockets.entries()) {
        const tally = await judge(exchange, [writes[index].subject]);
        outcomes.push(Object.entries(tally).find(([, count]) => count > 0)![0]);
      }
      await stopped;
    }
    // Sent after shutdown began, a write on an idle kept-alive socket meets a closed socket and is not run.
    expect(outcomes.slice(-9).every((outcome) => outcome !== 'answered')).toBe(true);
    expect(outcomes).toHaveLength(18);
  });

  it('answers every mutation a WebSocket already sent when shutdown drains it, and runs none sent after', async () => {
    const outcomes: Record<string, number> = {};
    for (const delay of [0, 1, 3, 8]) {
      const server = await startServer({
        config: { ...app.config, shutdownGraceMs: 0 },
        dataSource: app.dataSource,
        log: pino({ level: 'silent' }),
      });
      const webSocket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      const messages: Array<{ id?: string; type: string; payload?: unknown }> = [];
      webSocket.on('message', (data) => messages.push(JSON.parse(String(data)) as { id?: string; type: string }));
      const closed = new Promise<number>((resolve) => webSocket.on('close', (code) => resolve(code)));
      await new Promise((resolve) => webSocket.once('open', resolve));
      webSocket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${customerToken}` } }));
      while (!messages.some((message) => message.type === 'connection_ack')) await new Promise((resolve) => setTimeout(resolve, 5));
      const writes = [newWrite(), newWrite(), newWrite()];
      const subscribe = (index: number) => {
        const { query, variables } = JSON.parse(writes[index].body) as { query: string; variables: unknown };
        webSocket.send(JSON.stringify({ id: `w${index}`, type: 'subscribe', payload: { query, variables } }));
      };
      subscribe(0);
      subscribe(1);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const stopped = server.stop();
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (webSocket.readyState === WebSocket.OPEN) subscribe(2);
      expect(await closed).toBe(1001);
      await stopped;
      for (const [index, write] of writes.entries()) {
        const answer = messages.find((message) => message.id === `w${index}` && (message.type === 'next' || message.type === 'error'));
        const rows = await committed(write.subject);
        const outcome = answer === undefined ? 'unanswered' : answer.type === 'next' ? 'answered' : 'refused';
        expect({ subject: write.subject, outcome, committed: rows }).toEqual({
          subject: write.subject,
          outcome,
          committed: outcome === 'answered' ? 1 : 0,
        });
        if (answer?.type === 'error') expect(answer.payload).toMatchObject([{ extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }
    // The two sent before shutdown began were running when the drain began: each is answered.
    expect(outcomes.answered).toBeGreaterThanOrEqual(8);
  });

  it('serves a new connection during the grace period with Connection: close, and refuses every request after it', async () => {
    const server = await startInstance();
    const port = portOf(server);
    const stopped = server.stop();
    const fresh = await openExchange(port);
    const first = newWrite();
    const pipelined = newWrite();
    fresh.send([httpRequest(port, customerToken, first.body), httpRequest(port, customerToken, pipelined.body)]);
    const tally = await judge(fresh, [first.subject, pipelined.subject]);
    expect(tally.answered).toBe(1);
    expect(await committed(pipelined.subject)).toBe(0);
    await stopped;
  });
});

// A write that is still running when the drain deadline comes (here: blocked on a lock the test holds) is never
// committed after its answer can no longer be written: the write gate closes at the deadline, cancels the write
// statement and refuses its commit, the client is told 503 (or SERVICE_UNAVAILABLE over its socket), and only
// then do sockets close. On the main of 2026-12-03 both writes committed once the lock was released, their
// sockets long closed (WebSocket 1001 after 5 s, HTTP destroyed by Apollo's drain after 10 s).
describe('a write still running when shutdown can wait no longer (issue #14, point 7)', () => {
  let app: TestApp;
  let customerToken: string;
  let locker: Client;
  let observer: Client;

  beforeAll(async () => {
    app = await createTestApp();
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: await insertCustomer(app.dataSource) });
    locker = new Client({ connectionString: app.config.databaseUrl ?? undefined });
    observer = new Client({ connectionString: app.config.databaseUrl ?? undefined });
    await Promise.all([locker.connect(), observer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([locker.end(), observer.end()]);
    await app.close();
  });

  const committed = async (subject: string) =>
    Number((await app.dataSource.query('SELECT count(*)::int AS n FROM tickets WHERE subject = $1', [subject]))[0].n);
  /**
   * Backends of this database running a statement that inserts tickets (waiting on the lock, or not yet done).
   * Asked outside the locker's transaction, which would see pg_stat_activity as it was when it began.
   */
  const runningInserts = async (waitingOnLock: boolean) =>
    (
      await observer.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), $2) AND state = 'active' AND query ILIKE '%INSERT INTO tickets%' AND ($1::boolean IS FALSE OR wait_event_type = 'Lock')`,
        [waitingOnLock, (locker as unknown as { processID: number }).processID],
      )
    ).rows[0].n;
  const until = async (condition: () => Promise<boolean>, what: string) => {
    for (let polls = 0; !(await condition()); polls += 1) {
      if (polls > 1000) {
        const rows: unknown = await app.dataSource.query(
          `SELECT state, wait_event_type, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        throw new Error(`timed out waiting for ${what}; activity: ${JSON.stringify(rows)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('refuses the commit of a write still running at the drain deadline, answers it, and commits nothing after', async () => {
    const server = await startServer({
      config: { ...app.config, shutdownGraceMs: 0, shutdownTimeoutMs: STOP_MARGIN_MS + 600 },
      dataSource: app.dataSource,
      log: pino({ level: 'silent' }),
    });
    const port = Number(new URL(server.url).port);
    const [overHttp, overSocket] = [`slow write http ${process.pid}`, `slow write socket ${process.pid}`];
    const inputOf = (subject: string) => ({ channel: 'CHAT', subject, body: 'The parcel never came.', orderId: null });
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE tickets IN SHARE MODE'); // openTicket's INSERT waits; reads do not
    try {
      const exchange = await openExchange(port);
      exchange.send([httpRequest(port, customerToken, JSON.stringify({ query: OPEN_TICKET, variables: { input: inputOf(overHttp) } }))]);
      const webSocket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      const messages: Array<{ id?: string; type: string; payload?: unknown }> = [];
      webSocket.on('message', (data) => messages.push(JSON.parse(String(data)) as { id?: string; type: string }));
      const socketClosed = new Promise<number>((resolve) => webSocket.on('close', (code) => resolve(code)));
      await new Promise((resolve) => webSocket.once('open', resolve));
      webSocket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${customerToken}` } }));
      await until(async () => messages.some((message) => message.type === 'connection_ack'), 'connection_ack');
      webSocket.send(
        JSON.stringify({ id: 'slow', type: 'subscribe', payload: { query: OPEN_TICKET, variables: { input: inputOf(overSocket) } } }),
      );
      await until(async () => (await runningInserts(true)) === 2, 'both writes to wait on the lock');

      await server.stop();
      expect(await socketClosed).toBe(1001);
      await exchange.closed;
      // Each was told, before its socket closed, that nothing was committed.
      expect(exchange.answers).toHaveLength(1);
      expect(exchange.answers[0].status).toBe(503);
      expect(JSON.parse(exchange.answers[0].body)).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      expect(messages.find((message) => message.id === 'slow' && message.type === 'next')?.payload).toMatchObject({
        errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    } finally {
      await locker.query('COMMIT');
    }
    // Had a write survived its answer, it would commit now that the lock is gone: wait until no insert runs.
    await until(async () => (await runningInserts(false)) === 0, 'no insert to run any more');
    expect({ overHttp: await committed(overHttp), overSocket: await committed(overSocket) }).toEqual({ overHttp: 0, overSocket: 0 });
  });

  // kill -9 leaves nothing of ours to run: what is left is PostgreSQL noticing the client is gone. The process's
  // death is its connection's socket destroyed under a write that waits on a lock (client_connection_check_interval,
  // src/db/data-source.ts). Without the check the write committed as soon as the lock was released.
  it('rolls back a write whose process died while it waited on a lock', async () => {
    const subject = `write of a killed process ${process.pid}`;
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE tickets IN SHARE MODE');
    try {
      const answer = app
        .graphql(OPEN_TICKET, { input: { channel: 'CHAT', subject, body: 'The parcel never came.', orderId: null } }, customerToken)
        .catch((error: unknown) => error);
      await until(async () => (await runningInserts(true)) === 1, 'the write to wait on the lock');
      const pool = poolOf(app.dataSource) as unknown as { _clients: Array<{ activeQuery: unknown; connection: { stream: Socket } }> };
      const writing = pool._clients.filter((client) => client.activeQuery);
      expect(writing).toHaveLength(1);
      writing[0].connection.stream.destroy();
      await answer;
      // The backend notices within CLIENT_CONNECTION_CHECK_MS and ends the statement while the lock is still held.
      await until(async () => (await runningInserts(true)) === 0, 'the backend to end the orphaned write');
    } finally {
      await locker.query('COMMIT');
    }
    await until(async () => (await runningInserts(false)) === 0, 'no insert to run any more');
    expect(await committed(subject)).toBe(0);
  });
});
