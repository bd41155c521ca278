import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { runDeliveryAttempt } from '../../src/jobs/deliver-webhook.job';
import { WebhookSecretBox } from '../../src/webhooks/webhook-secret-box';
import { generateWebhookSecret } from '../../src/webhooks/webhook-signature';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Webhook ports (issue #14, hardening): a webhook URL names port 80 or 443, or one of WEBHOOK_ALLOWED_PORTS, at
// registration (userError on input.url) and at every delivery (an endpoint stored before the policy, or by hand,
// is refused before any connection). Public IP literals are used, so that no DNS look-up is needed; nothing is
// sent to them (a refused attempt opens no connection). WEBHOOK_ALLOW_LOOPBACK (tests, development) allows any
// port of a loopback host, which is how every other webhook test reaches its receiver on a random port.

const CREATE = `mutation Create($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url } userErrors { code field message } } }`;
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }`;

async function register(app: TestApp, url: string) {
  const admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
  const response = await app.graphql(CREATE, { input: { url, eventTypes: ['MESSAGE_POSTED'] } }, admin);
  expect(response.errors).toBeUndefined();
  return response.data!.createWebhookEndpoint as { endpoint: { url: string } | null; userErrors: Array<Record<string, string>> };
}

describe('webhook ports under the default policy (80 and 443)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ webhookAllowLoopback: false });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(['https://93.184.215.14:8443/hooks', 'http://93.184.215.14:6379/', 'https://[2606:4700:4700::1111]:5432/', 'http://8.8.8.8:22/'])(
    'refuses %s at registration with a userError on input.url naming the port',
    async (url) => {
      const created = await register(app, url);
      expect(created.endpoint).toBeNull();
      expect(created.userErrors).toEqual([
        {
          code: 'INVALID_INPUT',
          field: 'input.url',
          message: expect.stringMatching(/^url must name an allowed port: port \d+ is not an allowed/),
        },
      ]);
    },
  );

  it.each(['https://93.184.215.14/hooks', 'https://93.184.215.14:443/hooks', 'http://93.184.215.14:80/hooks'])(
    'accepts %s',
    async (url) => {
      expect((await register(app, url)).userErrors).toEqual([]);
    },
  );

  it('refuses at delivery an endpoint on another port (stored by hand), opening no connection', async () => {
    await app.dataSource.query(`UPDATE webhook_endpoints SET is_enabled = false, disabled_reason = 'previous test'`);
    const sealed = new WebhookSecretBox(app.config.authSecret).seal(generateWebhookSecret());
    await app.dataSource.query(
      `INSERT INTO webhook_endpoints (url, event_types, secret_ciphertext, created_by, created_at, updated_at)
       VALUES ('https://93.184.215.14:8443/hooks', ARRAY['MESSAGE_POSTED'], $1, 'test', now(), now())`,
      [sealed],
    );
    const sellerId = await insertSeller(app.dataSource);
    const customerId = await insertCustomer(app.dataSource);
    const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
    const ticketId = await insertTicket(app.dataSource, { customerId, orderId, sellerId });
    const posted = await app.graphql(POST, { input: { ticketId: toGlobalId('Ticket', ticketId), body: 'ports' } });
    expect(posted.data!.postMessage.userErrors).toEqual([]);
    const due: Array<{ id: string }> = await app.dataSource.query(`SELECT id FROM webhook_deliveries WHERE status = 'PENDING'`);
    expect(due).toHaveLength(1);
    const started = performance.now();
    await runDeliveryAttempt(app.jobContext(), { deliveryId: String(due[0].id) });
    // Refused before connecting: a connection to that address would take until its timeout or fail otherwise.
    expect(performance.now() - started).toBeLessThan(5000);
    const [delivery] = await app.dataSource.query(`SELECT status, last_response_code, last_error FROM webhook_deliveries WHERE id = $1`, [
      due[0].id,
    ]);
    expect(delivery).toEqual({
      status: 'FAILED',
      last_response_code: null,
      last_error: expect.stringMatching(/^Target refused: port 8443 is not an allowed webhook port/),
    });
  });
});

describe('webhook ports with WEBHOOK_ALLOWED_PORTS', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ webhookAllowLoopback: false, environment: { WEBHOOK_ALLOWED_PORTS: '8443, 9000' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('accepts the listed ports and still refuses the others', async () => {
    expect((await register(app, 'https://93.184.215.14:8443/hooks')).userErrors).toEqual([]);
    expect((await register(app, 'https://93.184.215.14:9000/hooks')).userErrors).toEqual([]);
    expect((await register(app, 'https://93.184.215.14:9001/hooks')).userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'input.url',
        message: expect.stringContaining('port 9001 is not an allowed webhook port (allowed: 80, 443, 8443, 9000;'),
      },
    ]);
  });
});
