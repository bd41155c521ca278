import { Client, Pool } from 'pg';
import { brokenConnectionRetries, poolOf } from '../../src/db/broken-connection-retry';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 7: a read on a broken pooled connection is retried once, on a fresh connection; a write is
// never retried, but a transaction's BEGIN (nothing of it ran yet) is, once, on a fresh connection the
// transaction then keeps. A connection is broken as a real one breaks: its backend is terminated (pg_terminate_backend)
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
  /** A customer's ticket, made before any connection is broken. */
  let writer: { ticketId: string; customerToken: string };

  beforeAll(async () => {
    app = await createTestApp();
    admin = new Client({ connectionString: app.config.databaseUrl ?? undefined });
    await admin.connect();
    const customerId = await insertCustomer(app.dataSource);
    writer = {
      ticketId: await insertTicket(app.dataSource, { customerId }),
      customerToken: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
    };
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
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [
        pids,
      ]);
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

  it('retries a BEGIN that met a broken pooled connection once, on a fresh connection: the transaction runs and commits once', async () => {
    await breakIdleConnections();
    const retriedBefore = brokenConnectionRetries(app.dataSource);
    const made: Array<{ id: string }> = await app.dataSource.transaction((manager) =>
      manager.query(`INSERT INTO sellers (name, contact_email) VALUES ('broken-begin', 'b@example.jp') RETURNING id`),
    );
    expect(made).toHaveLength(1);
    expect(brokenConnectionRetries(app.dataSource)).toBe(retriedBefore + 1);
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM sellers WHERE name = 'broken-begin'`);
    expect(rows[0].n).toBe(1);
    // The fresh connection was closed with its transaction; the pool serves on.
    expect(await app.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('never retries a statement of a transaction after its BEGIN: it died with its connection, and nothing is committed', async () => {
    let retriedBefore = 0;
    await expect(
      app.dataSource.transaction(async (manager) => {
        const [{ pid }]: Array<{ pid: number }> = await manager.query('SELECT pg_backend_pid() AS pid');
        retriedBefore = brokenConnectionRetries(app.dataSource); // its BEGIN may have met a connection broken before
        await manager.query(`INSERT INTO sellers (name, contact_email) VALUES ('broken-mid-transaction', 'm@example.jp')`);
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await manager.query('SELECT 1');
      }),
    ).rejects.toThrow();
    expect(brokenConnectionRetries(app.dataSource)).toBe(retriedBefore);
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM sellers WHERE name = 'broken-mid-transaction'`);
    expect(rows[0].n).toBe(0);
    expect(await app.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('answers a GraphQL write in a transaction over HTTP normally when every idle pooled connection was broken', async () => {
    const { ticketId, customerToken } = writer;
    await breakIdleConnections(6);
    const answer = await app.graphql(
      'mutation($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }',
      { input: { ticketId: toGlobalId('Ticket', ticketId), body: 'Written over a broken pool.' } },
      customerToken,
    );
    expect({ status: answer.status, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
    expect(answer.data!.postMessage).toMatchObject({ message: { id: expect.any(String) }, userErrors: [] });
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1 AND body = 'Written over a broken pool.'`,
      [ticketId],
    );
    expect(rows[0].n).toBe(1);
  });
});
