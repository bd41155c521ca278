import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { runDeliveryAttempt } from '../../src/jobs/deliver-webhook.job';
import { JobContext } from '../../src/jobs/job-context';
import { startBackgroundWorker } from '../../src/jobs/worker';
import { WEBHOOK_RETRY_DELAYS_SECONDS } from '../../src/rules/webhook-retry.rule';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Webhooks (docs/events.md) against a real receiver on 127.0.0.1. Retries are driven by running the delivery job at
// chosen instants of the injected clock (what graphile-worker does when each retry's run_at comes), so a day
// of backoff takes milliseconds; the durability tests run real workers, and a real server process killed with
// SIGKILL.

const MAIN = path.resolve(__dirname, '../../dist/src/main.js');
const CREATE = `mutation Create($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url scope eventTypes isEnabled seller { id } } secret userErrors { code field message } } }`;
const DELIVERIES = `query Deliveries($endpointId: ID, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: 100) { edges { node {
    id eventId eventType status attemptCount lastResponseCode lastError nextAttemptAt deliveredAt event { id type } endpoint { id } } } } }`;
const ENDPOINTS = `{ webhookEndpoints(first: 100) { edges { node { id url isEnabled disabledReason failingSince } } } }`;
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }`;

interface ReceivedRequest {
  /** Path and query the request was sent to. */
  target: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  answeredStatus: number;
}

/**
 * A webhook receiver as an integrator writes it (docs/events.md), written here independently of the server's
 * code: the HMAC-SHA256 of "<id>.<timestamp>.<body>" with the decoded secret, compared in constant time.
 */
function verifySignature(secret: string, headers: IncomingHttpHeaders, body: string, nowSeconds: number): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((candidate) => {
      const [version, signature] = candidate.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

class Receiver {
  readonly requests: ReceivedRequest[] = [];
  /** Status codes to answer, in order; 200 once they run out. */
  answers: number[] = [];
  secret = '';
  private server: Server | null = null;
  port = 0;

  constructor(private readonly nowSeconds: () => number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/tickets`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const answeredStatus = this.answers.shift() ?? 200;
        this.requests.push({
          target: request.url ?? '',
          id: String(request.headers['webhook-id']),
          timestamp: String(request.headers['webhook-timestamp']),
          signature: String(request.headers['webhook-signature']),
          body,
          verified: verifySignature(this.secret, request.headers, body, this.nowSeconds()),
          answeredStatus,
        });
        response.writeHead(answeredStatus, { 'content-type': 'text/plain' }).end(answeredStatus === 200 ? 'ok' : 'receiver is failing');
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: the port refuses connections until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  idsReceived(): string[] {
    return this.requests.filter((request) => request.answeredStatus === 200).map((request) => request.id);
  }
}

describe('webhooks', () => {
  describe('registration, signatures and the retry schedule', () => {
    let app: TestApp;
    let jobs: JobContext;
    let receiver: Receiver;
    let adminBearer: string;
    let ticketId: string;
    let sellerId: string;
    let otherSellerTicketId: string;
    const T0 = Date.parse('2026-11-20T10:00:00+09:00');
    const at = (seconds: number) => new Date(T0 + seconds * 1000);

    /** What graphile-worker does when run_at comes: every delivery due at `time` gets its attempt. */
    async function runDueDeliveries(time: Date): Promise<string[]> {
      app.clock.set(time);
      const due: Array<{ id: string }> = await app.dataSource.query(
        `SELECT id FROM webhook_deliveries WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= $1 ORDER BY id`,
        [time],
      );
      const outcomes: string[] = [];
      for (const { id } of due) outcomes.push((await runDeliveryAttempt(jobs, { deliveryId: String(id) })).outcome);
      return outcomes;
    }

    async function createEndpoint(input: Record<string, unknown>, bearer = adminBearer) {
      const response = await app.graphql(CREATE, { input }, bearer);
      expect(response.errors).toBeUndefined();
      return response.data!.createWebhookEndpoint;
    }

    async function post(body: string, visibility = 'PUBLIC', onTicket = ticketId): Promise<string> {
      const response = await app.graphql(POST, { input: { ticketId: toGlobalId('Ticket', onTicket), body, visibility } });
      expect(response.data!.postMessage.userErrors).toEqual([]);
      const [{ sequence }] = await app.dataSource.query(`SELECT sequence FROM ticket_events WHERE payload->>'messageId' = $1`, [
        response.data!.postMessage.message.id,
      ]);
      return toGlobalId('TicketEvent', sequence);
    }

    const deliveriesOf = async (endpointId: string) =>
      (await app.graphql(DELIVERIES, { endpointId }, adminBearer)).data!.webhookDeliveries.edges.map(
        (edge: { node: Record<string, unknown> }) => edge.node,
      );

    beforeAll(async () => {
      app = await createTestApp({ clock: new Date(T0).toISOString() });
      jobs = { ...app.jobContext(), metrics: app.server.metrics };
      receiver = new Receiver(() => Math.floor(app.clock.now().getTime() / 1000));
      await receiver.start();
      adminBearer = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
      sellerId = await insertSeller(app.dataSource, '京都茶舗');
      const customerId = await insertCustomer(app.dataSource);
      const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
      ticketId = await insertTicket(app.dataSource, { customerId, orderId, sellerId });
      const otherSeller = await insertSeller(app.dataSource, '大阪雑貨');
      otherSellerTicketId = await insertTicket(app.dataSource, {
        customerId,
        orderId: (await insertOrder(app.dataSource, { customerId, sellerId: otherSeller })).orderId,
        sellerId: otherSeller,
      });
    });

    afterAll(async () => {
      await receiver.stop();
      await app.close();
    });

    beforeEach(async () => {
      // Each test watches its own endpoint: older ones are switched off.
      await app.dataSource.query(`UPDATE webhook_endpoints SET is_enabled = false, disabled_reason = 'previous test'`);
      await app.dataSource.query(`UPDATE webhook_deliveries SET status = 'DEAD' WHERE status IN ('PENDING', 'FAILED')`);
      receiver.requests.length = 0;
      receiver.answers = [];
      app.clock.set(new Date(T0));
    });

    it('returns the signing secret once (whsec_, Standard Webhooks), stores it encrypted, and validates the registration', async () => {
      const created = await createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED', 'MESSAGE_POSTED', 'STATUS_CHANGED'] });
      expect(created.userErrors).toEqual([]);
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
      expect(created.endpoint).toMatchObject({
        url: receiver.url,
        scope: 'PLATFORM',
        eventTypes: ['MESSAGE_POSTED', 'STATUS_CHANGED'],
        isEnabled: true,
        seller: null,
      });
      const fields = await app.graphql(`{ __type(name: "WebhookEndpoint") { fields { name } } }`);
      expect(fields.data!.__type.fields.map((field: { name: string }) => field.name)).not.toContain('secret');
      const [stored] = await app.dataSource.query(
        `SELECT encode(secret_ciphertext, 'escape') AS sealed FROM webhook_endpoints ORDER BY id DESC LIMIT 1`,
      );
      expect(stored.sealed).not.toContain(created.secret.slice('whsec_'.length, 20));

      const refusals = await Promise.all([
        createEndpoint({ url: 'ftp://127.0.0.1/hooks', eventTypes: ['MESSAGE_POSTED'] }),
        createEndpoint({ url: 'https://user:password@hooks.example.jp/', eventTypes: ['MESSAGE_POSTED'] }),
        createEndpoint({ url: receiver.url, eventTypes: [] }),
        createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED'], sellerId: toGlobalId('Seller', '987654321') }),
      ]);
      expect(refusals.map((refusal) => refusal.userErrors[0]?.field)).toEqual([
        'input.url',
        'input.url',
        'input.eventTypes',
        'input.sellerId',
      ]);
      const customer = await app.graphql(
        CREATE,
        { input: { url: receiver.url, eventTypes: ['MESSAGE_POSTED'] } },
        await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }),
      );
      expect(customer.errors![0].extensions!.code).toBe('FORBIDDEN');
    });

    it('delivers every matching event in scope once, signed, with the event id as webhook-id', async () => {
      const platform = await createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED', 'STATUS_CHANGED'] });
      receiver.secret = platform.secret;
      const sellerKey = await app.graphql(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        { input: { name: 'shop system', sellerId: toGlobalId('Seller', sellerId) } },
        adminBearer,
      );
      const sellerScoped = await app.graphql(
        CREATE,
        { input: { url: `${receiver.url}?seller`, eventTypes: ['MESSAGE_POSTED'] } },
        sellerKey.data!.createApiKey.key,
      );
      expect(sellerScoped.data!.createWebhookEndpoint.endpoint).toMatchObject({
        scope: 'SELLER',
        seller: { id: toGlobalId('Seller', sellerId) },
      });

      const expected = [await post('一件目'), await post('二件目'), await post('他のセラーの件', 'PUBLIC', otherSellerTicketId)];
      const internal = await post('社内メモ', 'INTERNAL');
      const outcomes = await runDueDeliveries(at(0));
      expect(outcomes).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED']);

      // The platform endpoint got every message but the INTERNAL note; the seller's endpoint its seller's two.
      const toPlatform = receiver.requests.filter((request) => !request.target.endsWith('?seller'));
      const toSeller = receiver.requests.filter((request) => request.target.endsWith('?seller'));
      expect(toPlatform.map((request) => request.id).sort()).toEqual([...expected].sort());
      expect(toPlatform.every((request) => request.verified)).toBe(true);
      expect(toSeller.map((request) => request.id).sort()).toEqual(expected.slice(0, 2).sort());
      const sellerSecret: string = sellerScoped.data!.createWebhookEndpoint.secret;
      for (const request of toSeller) {
        const headers = { 'webhook-id': request.id, 'webhook-timestamp': request.timestamp, 'webhook-signature': request.signature };
        expect(verifySignature(sellerSecret, headers, request.body, Math.floor(T0 / 1000))).toBe(true);
        expect(verifySignature(platform.secret, headers, request.body, Math.floor(T0 / 1000))).toBe(false);
      }
      expect(receiver.requests.map((request) => request.id)).not.toContain(internal);

      const first = JSON.parse(receiver.requests.find((request) => request.id === expected[0])!.body);
      expect(first).toMatchObject({
        type: 'MESSAGE_POSTED',
        data: {
          id: expected[0],
          type: 'MESSAGE_POSTED',
          ticketId: toGlobalId('Ticket', ticketId),
          actorRole: 'AGENT',
          payload: { visibility: 'PUBLIC' },
        },
      });
      expect(first.data.sequence).toBe(Buffer.from(expected[0], 'base64url').toString().split(':')[1]);
      expect(Number(receiver.requests[0].timestamp)).toBe(Math.floor(T0 / 1000));
      const deliveries = await deliveriesOf(platform.endpoint.id);
      expect(
        deliveries.map((delivery: { status: string; attemptCount: number; lastResponseCode: number }) => [
          delivery.status,
          delivery.attemptCount,
          delivery.lastResponseCode,
        ]),
      ).toEqual(expected.map(() => ['DELIVERED', 1, 200]));
      expect(await runDueDeliveries(at(3600))).toEqual([]);
    });

    it('retries after a 500 with the same webhook-id, 5 seconds later, and counts the failure in /metrics', async () => {
      const endpoint = await createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED'] });
      receiver.secret = endpoint.secret;
      receiver.answers = [500];
      const eventId = await post('500 を返されるイベント');
      expect(await runDueDeliveries(at(0))).toEqual(['RETRY_SCHEDULED']);
      const [failed] = await deliveriesOf(endpoint.endpoint.id);
      expect(failed).toMatchObject({
        status: 'FAILED',
        attemptCount: 1,
        lastResponseCode: 500,
        lastError: 'HTTP 500: Internal Server Error',
        nextAttemptAt: at(5).toISOString(),
      });
      const [job] = await app.dataSource.query(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1`, [
        `webhook-delivery:${Buffer.from(failed.id, 'base64url').toString().split(':')[1]}`,
      ]);
      expect(job.run_at.toISOString()).toBe(at(5).toISOString());
      expect(await runDueDeliveries(at(4))).toEqual([]);
      expect(await runDueDeliveries(at(5))).toEqual(['DELIVERED']);
      expect(receiver.requests.map((request) => [request.id, request.answeredStatus, request.verified, Number(request.timestamp)])).toEqual(
        [
          [eventId, 500, true, Math.floor(T0 / 1000)],
          [eventId, 200, true, Math.floor(T0 / 1000) + 5],
        ],
      );
      const metrics = await (await fetch(`${app.server.url}/metrics`)).text();
      expect(metrics).toMatch(/^ticketing_webhook_delivery_failures_total [1-9]/m);
    });

    it('keeps retrying while the receiver is down, and delivers when it is back', async () => {
      const endpoint = await createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED'] });
      receiver.secret = endpoint.secret;
      await receiver.stop();
      const eventId = await post('受信側が落ちている間のイベント');
      let elapsed = 0;
      for (const delay of [0, ...WEBHOOK_RETRY_DELAYS_SECONDS.slice(0, 3)]) {
        elapsed += delay;
        expect(await runDueDeliveries(at(elapsed))).toEqual(['RETRY_SCHEDULED']);
      }
      const [down] = await deliveriesOf(endpoint.endpoint.id);
      expect(down).toMatchObject({ status: 'FAILED', attemptCount: 4, lastResponseCode: null });
      expect(down.lastError).toMatch(/ECONNREFUSED/);
      expect((await app.graphql(ENDPOINTS, {}, adminBearer)).data!.webhookEndpoints.edges[0].node.failingSince).toBe(at(0).toISOString());

      await receiver.start();
      elapsed += WEBHOOK_RETRY_DELAYS_SECONDS[3];
      expect(await runDueDeliveries(at(elapsed))).toEqual(['DELIVERED']);
      expect(receiver.idsReceived()).toEqual([eventId]);
      const [delivered] = await deliveriesOf(endpoint.endpoint.id);
      expect(delivered).toMatchObject({ status: 'DELIVERED', attemptCount: 5, deliveredAt: at(elapsed).toISOString() });
      expect((await app.graphql(ENDPOINTS, {}, adminBearer)).data!.webhookEndpoints.edges[0].node).toMatchObject({
        isEnabled: true,
        failingSince: null,
      });
    });

    it('dead-letters after the last attempt (27.6 hours), disables an endpoint failing for 24 hours and says so, and replays', async () => {
      const endpoint = await createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED'] });
      receiver.secret = endpoint.secret;
      receiver.answers = Array.from({ length: 20 }, () => 503);
      const eventId = await post('ずっと失敗するイベント');
      const outcomes: string[] = [];
      let elapsed = 0;
      for (const delay of [0, ...WEBHOOK_RETRY_DELAYS_SECONDS]) {
        elapsed += delay;
        outcomes.push(...(await runDueDeliveries(at(elapsed))));
      }
      expect(outcomes).toEqual([...WEBHOOK_RETRY_DELAYS_SECONDS.map(() => 'RETRY_SCHEDULED'), 'DEAD']);
      expect(elapsed).toBeGreaterThanOrEqual(24 * 3600);
      expect(receiver.requests.map((request) => request.id)).toEqual(Array.from({ length: 8 }, () => eventId));
      const [dead] = await deliveriesOf(endpoint.endpoint.id);
      expect(dead).toMatchObject({ status: 'DEAD', attemptCount: 8, lastResponseCode: 503, nextAttemptAt: null });
      const [disabled] = (await app.graphql(ENDPOINTS, {}, adminBearer)).data!.webhookEndpoints.edges.map(
        (edge: { node: unknown }) => edge.node,
      );
      expect(disabled).toMatchObject({ isEnabled: false, failingSince: at(0).toISOString() });
      expect(disabled.disabledReason).toMatch(/failed for 24 hours/);

      // Nothing is enqueued for a disabled endpoint, and a replay waits until it is enabled again.
      await post('無効化の後のイベント');
      expect(await deliveriesOf(endpoint.endpoint.id)).toHaveLength(1);
      const REDELIVER = `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { id status attemptCount nextAttemptAt } userErrors { code } } }`;
      expect((await app.graphql(REDELIVER, { id: dead.id }, adminBearer)).data!.redeliverWebhook.userErrors).toEqual([
        { code: 'ENDPOINT_DISABLED' },
      ]);
      const enabled = await app.graphql(
        `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { endpoint { isEnabled disabledReason failingSince } userErrors { code } } }`,
        { id: endpoint.endpoint.id },
        adminBearer,
      );
      expect(enabled.data!.enableWebhookEndpoint).toEqual({
        endpoint: { isEnabled: true, disabledReason: null, failingSince: null },
        userErrors: [],
      });
      receiver.answers = [];
      app.clock.set(at(elapsed + 60));
      const replayed = await app.graphql(REDELIVER, { id: dead.id }, adminBearer);
      expect(replayed.data!.redeliverWebhook).toEqual({
        delivery: { id: dead.id, status: 'PENDING', attemptCount: 0, nextAttemptAt: at(elapsed + 60).toISOString() },
        userErrors: [],
      });
      expect(await runDueDeliveries(at(elapsed + 60))).toEqual(['DELIVERED']);
      expect(receiver.idsReceived()).toEqual([eventId]);
      const unknown = await app.graphql(REDELIVER, { id: Buffer.from('WebhookDelivery:987654321').toString('base64url') }, adminBearer);
      expect(unknown.data!.redeliverWebhook.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    });

    it('dead-letters the queued attempts of an endpoint disabled by hand', async () => {
      const endpoint = await createEndpoint({ url: receiver.url, eventTypes: ['MESSAGE_POSTED'] });
      await post('手動で無効化する前のイベント');
      const disabled = await app.graphql(
        `mutation($id: ID!) { disableWebhookEndpoint(id: $id, reason: "受信システムの移行中") { endpoint { isEnabled disabledReason } userErrors { code } } }`,
        { id: endpoint.endpoint.id },
        adminBearer,
      );
      expect(disabled.data!.disableWebhookEndpoint.endpoint).toEqual({ isEnabled: false, disabledReason: '受信システムの移行中' });
      expect(await runDueDeliveries(at(0))).toEqual(['DEAD']);
      expect(receiver.requests).toEqual([]);
      expect((await deliveriesOf(endpoint.endpoint.id))[0]).toMatchObject({
        status: 'DEAD',
        lastError: 'Endpoint disabled: 受信システムの移行中',
      });
    });
  });

  describe('durability: what is committed is delivered, whatever happens to the server', () => {
    let app: TestApp;
    let receiver: Receiver;
    let ticketId: string;
    let endpointSecret: string;
    const realSeconds = () => Math.floor(Date.now() / 1000);

    async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await read();
        if (done(value)) return value;
        if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    async function commitMessages(count: number, prefix: string): Promise<string[]> {
      const ids: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const response = await app.graphql(POST, { input: { ticketId: toGlobalId('Ticket', ticketId), body: `${prefix} ${index + 1}` } });
        const [{ sequence }] = await app.dataSource.query(`SELECT sequence FROM ticket_events WHERE payload->>'messageId' = $1`, [
          response.data!.postMessage.message.id,
        ]);
        ids.push(toGlobalId('TicketEvent', sequence));
      }
      return ids;
    }

    beforeAll(async () => {
      app = await createTestApp();
      receiver = new Receiver(realSeconds);
      await receiver.start();
      const customerId = await insertCustomer(app.dataSource);
      ticketId = await insertTicket(app.dataSource, { customerId });
      const created = await app.graphql(
        CREATE,
        { input: { url: receiver.url, eventTypes: ['MESSAGE_POSTED'] } },
        await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }),
      );
      endpointSecret = created.data!.createWebhookEndpoint.secret;
      receiver.secret = endpointSecret;
    });

    afterAll(async () => {
      await receiver.stop();
      await app.close();
    });

    it('keeps deliveries committed while no worker runs, and a worker started later delivers every one', async () => {
      const committed = await commitMessages(12, 'ワーカー停止中のイベント');
      const [queued] = await app.dataSource.query(
        `SELECT (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'PENDING') AS pending,
                (SELECT count(*)::int FROM graphile_worker.jobs WHERE task_identifier = 'deliver-webhook') AS jobs`,
      );
      expect(queued).toEqual({ pending: 12, jobs: 12 });
      const worker = await startBackgroundWorker({ ...app.jobContext(), now: () => new Date() }, app.config.databaseUrl!);
      try {
        await waitUntil(
          async () => receiver.idsReceived(),
          (ids) => committed.every((id) => ids.includes(id)),
          15_000,
        );
      } finally {
        await worker.stop();
      }
      expect(receiver.requests.every((request) => request.verified)).toBe(true);
      const [{ delivered }] = await app.dataSource.query(
        `SELECT count(*)::int AS delivered FROM webhook_deliveries WHERE status = 'DELIVERED'`,
      );
      expect(delivered).toBe(12);
    });

    it('loses nothing when the server process is killed with SIGKILL between commit and delivery', async () => {
      receiver.requests.length = 0;
      await receiver.stop();
      const environment = {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: app.config.databaseUrl!,
        AUTH_SECRET: app.config.authSecret,
        LOAD_DEMO_DATA: 'false',
        SHUTDOWN_GRACE_MS: '0',
        WEBHOOK_ALLOW_LOOPBACK: 'true',
      };
      const startProcess = async (): Promise<{ child: ChildProcess; graphqlUrl: string }> => {
        const child = spawn(process.execPath, [MAIN], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += String(chunk)));
        child.stderr.on('data', (chunk) => (output += String(chunk)));
        await waitUntil(
          async () => output,
          (text) => /ready at/.test(text) || child.exitCode !== null,
          60_000,
        );
        if (child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
        return { child, graphqlUrl: /ready at (\S+)/.exec(output)![1] };
      };
      const exited = (child: ChildProcess) =>
        new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

      const first = await startProcess();
      // Committed by the process that is about to be killed, through its own API.
      const posted = await fetch(first.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.agentToken()}` },
        body: JSON.stringify({
          query: POST,
          variables: { input: { ticketId: toGlobalId('Ticket', ticketId), body: '強制終了の直前のイベント' } },
        }),
      });
      const messageId = ((await posted.json()) as { data: { postMessage: { message: { id: string } } } }).data.postMessage.message.id;
      const [{ sequence }] = await app.dataSource.query(`SELECT sequence FROM ticket_events WHERE payload->>'messageId' = $1`, [messageId]);
      const beforeKill = toGlobalId('TicketEvent', sequence);
      // The process's worker tried while the receiver was down; the retry is queued in PostgreSQL.
      await waitUntil(
        async () => (await app.dataSource.query(`SELECT attempt_count, status FROM webhook_deliveries ORDER BY id DESC LIMIT 1`))[0],
        (row: { attempt_count: number; status: string }) => row.attempt_count >= 1 && row.status === 'FAILED',
        15_000,
      );
      first.child.kill('SIGKILL');
      await exited(first.child);
      // Committed while no server runs at all.
      const [whileDead] = await commitMessages(1, '停止中のイベント');

      await receiver.start();
      const second = await startProcess();
      try {
        await waitUntil(
          async () => receiver.idsReceived(),
          (ids) => ids.includes(beforeKill) && ids.includes(whileDead),
          20_000,
        );
      } finally {
        second.child.kill('SIGTERM');
        await exited(second.child);
      }
      expect(receiver.requests.every((request) => request.verified)).toBe(true);
    }, 120_000);
  });
});
