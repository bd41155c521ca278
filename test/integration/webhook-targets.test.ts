import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { runDeliveryAttempt } from '../../src/jobs/deliver-webhook.job';
import { JobContext } from '../../src/jobs/job-context';
import { WebhookSecretBox } from '../../src/webhooks/webhook-secret-box';
import { generateWebhookSecret } from '../../src/webhooks/webhook-signature';
import { guardedLookup, WebhookTargetRefusedError } from '../../src/webhooks/webhook-target';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 3: webhook targets are public, at registration and at every delivery. The production policy
// (WEBHOOK_ALLOW_LOOPBACK off) is tried with a receiver on 127.0.0.1 that must never see a request.

const CREATE = `mutation Create($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id } userErrors { code field message } } }`;
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }`;

/** Answers every request with `status`, a `location` and a body an internal service might leak. */
class InternalService {
  requests = 0;
  status = 500;
  location = '';
  port = 0;
  private server: Server | null = null;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      request.resume();
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (this.location) headers.location = this.location;
      response.writeHead(this.status, headers).end('INTERNAL-SECRET root:x:0:0 redis_version:7.2');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function ticketOf(app: TestApp): Promise<string> {
  const sellerId = await insertSeller(app.dataSource);
  const customerId = await insertCustomer(app.dataSource);
  const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
  return insertTicket(app.dataSource, { customerId, orderId, sellerId });
}

/** Posts a message (one MESSAGE_POSTED event) and runs the attempt of every delivery it made. */
async function postAndDeliver(
  app: TestApp,
  ticketId: string,
): Promise<Array<{ status: string; last_response_code: number | null; last_error: string | null }>> {
  const posted = await app.graphql(POST, { input: { ticketId: toGlobalId('Ticket', ticketId), body: '配送状況を確認しました' } });
  expect(posted.data!.postMessage.userErrors).toEqual([]);
  const jobs: JobContext = app.jobContext();
  const due: Array<{ id: string }> = await app.dataSource.query(`SELECT id FROM webhook_deliveries WHERE status = 'PENDING' ORDER BY id`);
  for (const { id } of due) await runDeliveryAttempt(jobs, { deliveryId: String(id) });
  return app.dataSource.query(
    `SELECT status, last_response_code, last_error FROM webhook_deliveries WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [due.map((row) => row.id)],
  );
}

describe('webhook targets under the production policy (public only)', () => {
  let app: TestApp;
  let service: InternalService;
  let adminBearer: string;

  beforeAll(async () => {
    app = await createTestApp({ webhookAllowLoopback: false });
    service = new InternalService();
    await service.start();
    adminBearer = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
  });

  afterAll(async () => {
    await service.stop();
    await app.close();
  });

  it('refuses every non-public spelling at registration with a userError on input.url, and stores none', async () => {
    const port = service.port;
    const spellings = [
      `http://127.0.0.1:${port}/`,
      `https://127.0.0.1/`,
      `http://127.1:${port}/`,
      `http://0x7f000001:${port}/`,
      `http://2130706433:${port}/`,
      `http://0177.0.0.1:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://localhost:${port}/`,
      `http://LocalHost.:${port}/`,
      'http://0.0.0.0/',
      'http://10.0.0.1/',
      'http://192.168.0.10/',
      'http://172.20.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/',
      'http://100.64.1.1/',
      'http://224.0.0.251/',
      'http://[fe80::1]/',
      'http://metadata.google.internal/',
      'http://[::ffff:10.1.1.1]/',
    ];
    for (const url of spellings) {
      const response = await app.graphql(CREATE, { input: { url, eventTypes: ['MESSAGE_POSTED'] } }, adminBearer);
      expect({
        url,
        errors: response.errors,
        userErrors: response.data!.createWebhookEndpoint.userErrors.map((error: { code: string; field: string }) => [
          error.code,
          error.field,
        ]),
      }).toEqual({ url, errors: undefined, userErrors: [['INVALID_INPUT', 'input.url']] });
    }
    const [{ endpoints }] = await app.dataSource.query(`SELECT count(*)::int AS endpoints FROM webhook_endpoints`);
    expect(endpoints).toBe(0);
    expect(service.requests).toBe(0);
  });

  it('refuses at delivery an endpoint whose target is not public (stored before the policy, or by hand), sending nothing', async () => {
    const ticketId = await ticketOf(app);
    const sealed = new WebhookSecretBox(app.config.authSecret).seal(generateWebhookSecret());
    for (const url of [
      `http://127.0.0.1:${service.port}/`,
      `http://localhost:${service.port}/`,
      `http://[::ffff:127.0.0.1]:${service.port}/`,
    ]) {
      await app.dataSource.query(
        `INSERT INTO webhook_endpoints (url, event_types, secret_ciphertext, created_by, created_at, updated_at) VALUES ($1, ARRAY['MESSAGE_POSTED'], $2, 'test', now(), now())`,
        [url, sealed],
      );
    }
    const deliveries = await postAndDeliver(app, ticketId);
    expect(deliveries).toHaveLength(3);
    for (const delivery of deliveries) {
      expect(delivery.status).toBe('FAILED');
      expect(delivery.last_response_code).toBeNull();
      expect(delivery.last_error).toMatch(/^Target refused: .*(loopback|names this machine)/);
    }
    expect(service.requests).toBe(0);
  });

  it('resolves names at connection time and refuses a name that resolves to loopback; loopback allowed connects', async () => {
    const refused = await new Promise<unknown>((resolve) =>
      guardedLookup({ allowLoopback: false })('localhost', {}, (error) => resolve(error)),
    );
    expect(refused).toBeInstanceOf(WebhookTargetRefusedError);
    expect((refused as Error).message).toMatch(/loopback/);
    const allowed = await new Promise<string>((resolve, reject) =>
      guardedLookup({ allowLoopback: true })('localhost', {}, (error, address) => (error ? reject(error) : resolve(String(address)))),
    );
    expect(['127.0.0.1', '::1']).toContain(allowed);
  });
});

describe('webhook answers under the development policy (loopback allowed)', () => {
  let app: TestApp;
  let service: InternalService;
  let ticketId: string;

  beforeAll(async () => {
    app = await createTestApp({ webhookAllowLoopback: true });
    service = new InternalService();
    await service.start();
    ticketId = await ticketOf(app);
  });

  afterAll(async () => {
    await service.stop();
    await app.close();
  });

  beforeEach(async () => {
    await app.dataSource.query(`UPDATE webhook_endpoints SET is_enabled = false, disabled_reason = 'previous test'`);
    service.requests = 0;
  });

  const register = async (url: string) => {
    const response = await app.graphql(
      CREATE,
      { input: { url, eventTypes: ['MESSAGE_POSTED'] } },
      await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }),
    );
    expect(response.data!.createWebhookEndpoint.userErrors).toEqual([]);
  };

  it("keeps the status and our reason in lastError, never the receiver's body", async () => {
    service.status = 500;
    service.location = '';
    await register(`http://127.0.0.1:${service.port}/hooks`);
    const [delivery] = await postAndDeliver(app, ticketId);
    expect(delivery).toEqual({ status: 'FAILED', last_response_code: 500, last_error: 'HTTP 500: Internal Server Error' });
    expect(service.requests).toBe(1);
  });

  it.each([301, 302, 303, 307, 308])('refuses a %i redirect, even to the same origin, and never follows it', async (status) => {
    service.status = status;
    service.location = `http://127.0.0.1:${service.port}/elsewhere`;
    await register(`http://127.0.0.1:${service.port}/hooks?redirect=${status}`);
    const [delivery] = await postAndDeliver(app, ticketId);
    expect(delivery.last_response_code).toBe(status);
    expect(delivery.last_error).toBe(`HTTP ${status}: redirect refused (deliveries go to the registered URL only)`);
    expect(service.requests).toBe(1);
  });

  it('still refuses private and metadata targets: only loopback is allowed', async () => {
    const response = await app.graphql(
      CREATE,
      { input: { url: 'http://169.254.169.254/', eventTypes: ['MESSAGE_POSTED'] } },
      await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }),
    );
    expect(response.data!.createWebhookEndpoint.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'input.url' });
  });
});
