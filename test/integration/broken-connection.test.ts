import { Client, Pool } from 'pg';
import { brokenConnectionRetries, poolOf } from '../../src/db/broken-connection-retry';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 7: a read on a broken pooled connection is retried once, on a fresh connection; a write is
// never retried. A connection is broken as a real one breaks: its backend is terminated (pg_terminate_backend)
// while it sits idle in the pool. To make sure the next statement meets the broken connection (rather than the
// pool hearing of the break first and dropping it), the idle connections' sockets are paused while their backends
// are terminated and resumed only once the next statement has been written on them: the termination then arrives
// under that statement, as it does when a server restarts between two queries.

interface IdleClient {
  processID: number;
  connection: { stream: NodeJS.ReadWriteStream & { write: (...args: unknown[]) => boolean } };
}

/** The pool's idle connections (pg-pool keeps them in `_idle`). */
function idleClients(pool: Pool): IdleClient[] {
  return (pool as unknown as { _idle: Array<{ client: IdleClient }> })._idle.map((item) => item.client);
}

describe('a read on a broken pooled connection (issue #14, point 7)', () => {
  let app: TestApp;
  let admin: Client;

  beforeAll(async () => {
    app = await createTestApp();
    admin = new Client({ connectionString: app.config.databaseUrl ?? undefined });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await app.close();
  });

  /** Terminates the backend of every idle pooled connection; each learns of it only under its next statement. */
  const broken = new Set<IdleClient>();
  const breakIdleConnections = async (warm = 4): Promise<number> => {
    // Connections broken before and still idle hear of it now, and the pool drops them.
    for (const client of idleClients(poolOf(app.dataSource))) if (broken.has(client)) client.connection.stream.resume();
    for (let waits = 0; idleClients(poolOf(app.dataSource)).some((client) => broken.has(client)); waits += 1) {
      if (waits > 500) throw new Error('broken connections stayed in the pool');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(Array.from({ length: warm }, () => app.dataSource.query('SELECT pg_sleep(0.01)')));
    const clients = idleClients(poolOf(app.dataSource));
    for (const client of clients) {
      broken.add(client);
      const stream = client.connection.stream;
      stream.pause();
      const write = stream.write.bind(stream);
      stream.write = (...args: unknown[]) => {
        stream.write = write;
        const written = write(...args);
        setImmediate(() => stream.resume());
        return written;
      };
    }
    const pids = clients.map((client) => client.processID);
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
    for (let polls = 0; ; polls += 1) {
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids]);
      if (rows[0].n === 0) break;
      if (polls > 500) throw new Error('the backends did not end');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return clients.length;
  };

  it('answers the next read normally after the backend of its pooled connection was terminated between two queries', async () => {
    const [first] = await app.dataSource.query('SELECT 41 + 1 AS answer');
    expect(first.answer).toBe(42);
    const retriedBefore = brokenConnectionRetries(app.dataSource);
    expect(await breakIdleConnections()).toBeGreaterThan(0);
    const [next] = await app.dataSource.query('SELECT count(*)::int AS tickets FROM tickets');
    expect(next).toEqual({ tickets: expect.any(Number) });
    expect(brokenConnectionRetries(app.dataSource)).toBe(retriedBefore + 1);
  });

  it('answers a GraphQL read over HTTP normally when every idle pooled connection was broken', async () => {
    const brokenCount = await breakIdleConnections(6);
    const answer = await app.graphql('{ tickets(first: 5) { edges { node { id } } } sellers(first: 5) { edges { node { name } } } }');
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(Array.isArray(answer.data!.tickets.edges)).toBe(true);
    expect(brokenCount).toBeGreaterThan(1);
  });

  it('never retries a write: an INSERT, and a CTE that inserts, fail on the broken connection and write once at most', async () => {
    for (const statement of [
      `INSERT INTO sellers (name, contact_email) VALUES ('broken-write-1', 'w1@example.jp') RETURNING id`,
      `WITH made AS (INSERT INTO sellers (name, contact_email) VALUES ('broken-write-2', 'w2@example.jp') RETURNING id) SELECT id FROM made`,
    ]) {
      const retriedBefore = brokenConnectionRetries(app.dataSource);
      await breakIdleConnections();
      await expect(app.dataSource.query(statement)).rejects.toThrow(/terminat|Connection|ECONNRESET/i);
      expect(brokenConnectionRetries(app.dataSource)).toBe(retriedBefore);
    }
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM sellers WHERE name LIKE 'broken-write-%'`);
    expect(rows[0].n).toBe(0);
  });

  it('never retries a statement of a transaction, which died with its connection', async () => {
    await breakIdleConnections();
    const retriedBefore = brokenConnectionRetries(app.dataSource);
    await expect(app.dataSource.transaction((manager) => manager.query('SELECT 1'))).rejects.toThrow();
    expect(brokenConnectionRetries(app.dataSource)).toBe(retriedBefore);
    expect(await app.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
