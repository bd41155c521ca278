import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { ABANDONED_DELIVERY_LOCK_SECONDS, releaseAbandonedDeliveries } from '../../src/jobs/release-abandoned-deliveries.job';
import { startBackgroundWorker } from '../../src/jobs/worker';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 7: faults. Each test fails on the main of 2026-12-02 and passes after.

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } userErrors { code } } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }`;

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits, if needed, until at least `marginMs` remain before the next wall-clock minute. */
async function waitOutMinuteBoundary(marginMs: number): Promise<void> {
  const untilNextMinuteMs = 60_000 - (Date.now() % 60_000);
  if (untilNextMinuteMs < marginMs) await new Promise((resolve) => setTimeout(resolve, untilNextMinuteMs + 100));
}

describe('webhook deliveries held by a dead worker', () => {
  let app: TestApp;
  let receiver: Server;
  let received = 0;

  beforeAll(async () => {
    app = await createTestApp();
    receiver = createServer((request, response) => {
      request.resume();
      received += 1;
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await app.close();
  });

  it("are released within minutes (not graphile-worker's 4 hours) and delivered by a live worker", async () => {
    const admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    expect(
      (await app.graphql(CREATE, { input: { url, eventTypes: ['MESSAGE_POSTED'] } }, admin)).data!.createWebhookEndpoint.userErrors,
    ).toEqual([]);
    const sellerId = await insertSeller(app.dataSource);
    const customerId = await insertCustomer(app.dataSource);
    const ticketId = await insertTicket(app.dataSource, {
      customerId,
      sellerId,
      orderId: (await insertOrder(app.dataSource, { customerId, sellerId })).orderId,
    });
    expect(
      (await app.graphql(POST, { input: { ticketId: toGlobalId('Ticket', ticketId), body: '強制終了されたワーカー' } })).data!.postMessage
        .userErrors,
    ).toEqual([]);
    // A worker took the job and was killed with SIGKILL 3 minutes ago: the lock stays behind.
    await app.dataSource.query(
      `UPDATE graphile_worker._private_jobs SET locked_at = now() - make_interval(secs => $1), locked_by = 'worker-killed-with-sigkill', attempts = 1`,
      [ABANDONED_DELIVERY_LOCK_SECONDS + 60],
    );
    // The worker's own per-minute sweep would release the lock if the 1.5 s window below crossed a minute
    // boundary (CI saw it once): start the window early enough in a minute that it cannot.
    await waitOutMinuteBoundary(6_000);
    const worker = await startBackgroundWorker({ ...app.jobContext(), now: () => new Date() }, app.config.databaseUrl!);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(received).toBe(0);
      expect(await releaseAbandonedDeliveries(app.dataSource)).toBe(1);
      await waitUntil(
        async () => received,
        (count) => count === 1,
        10_000,
      );
    } finally {
      await worker.stop();
    }
    const [{ status }] = await app.dataSource.query(`SELECT status FROM webhook_deliveries`);
    expect(status).toBe('DELIVERED');
  });

  it('leaves a job locked for less than the abandonment threshold alone (a live worker is sending it)', async () => {
    await app.dataSource.query(
      `SELECT graphile_worker.add_job('deliver-webhook', json_build_object('deliveryId', '987654321'), job_key => 'fresh-lock')`,
    );
    await app.dataSource.query(
      `UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '10 seconds', locked_by = 'live-worker' WHERE key = 'fresh-lock'`,
    );
    expect(await releaseAbandonedDeliveries(app.dataSource)).toBe(0);
  });
});

describe('database unavailable', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.dataSource.query(`SELECT 1`).catch(() => undefined);
    await app.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, for JWT and API-key callers, and recovers', async () => {
    const admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const key = (await app.graphql(`mutation { createApiKey(input: { name: "sync" }) { key } }`, {}, admin)).data!.createApiKey
      .key as string;
    const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
    const maintenance = new Client({ connectionString: serverUrl });
    await maintenance.connect();
    try {
      // The database refuses new connections and every open one is cut: what an outage looks like to the pool.
      await maintenance.query(`ALTER DATABASE "${app.databaseName}" ALLOW_CONNECTIONS false`);
      await maintenance.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
        app.databaseName,
      ]);
      for (const headers of <Array<Record<string, string>>>[{ authorization: `Bearer ${await app.agentToken()}` }, { 'x-api-key': key }]) {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const response = await fetch(app.server.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query: '{ tickets(first: 1) { edges { node { id } } } }' }),
          });
          const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
          expect({
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            code: body.errors[0].extensions.code,
          }).toEqual({ status: 503, retryAfter: '5', code: 'SERVICE_UNAVAILABLE' });
        }
      }
    } finally {
      await maintenance.query(`ALTER DATABASE "${app.databaseName}" ALLOW_CONNECTIONS true`);
      await maintenance.end();
    }
    const recovered = await app.graphql('{ tickets(first: 1) { edges { node { id } } } }');
    expect(recovered.status).toBe(200);
    expect(recovered.errors).toBeUndefined();
  });
});
