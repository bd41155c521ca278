import pino from 'pino';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SignJWT } from 'jose';
import { CREDENTIAL_REVOKED_CLOSE_CODE, TOKEN_EXPIRED_CLOSE_CODE } from '../../src/auth/live-credentials';
import { PrincipalRole } from '../../src/domain/enums';
import { RunningServer, startServer } from '../../src/server';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 4: credentials end. Two instances on one database: a key revoked through instance A closes
// the socket it opened on instance B (NOTIFY api_key_revoked) and disables the endpoint it registered, within 5 s.

const SUBSCRIBE = 'subscription { ticketEvents { id type } }';
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } userErrors { code } } }`;
const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id isEnabled } userErrors { code } } }`;

interface OpenSocket {
  closed: Promise<{ code: number; reason: string; afterMs: number }>;
  dispose(): Promise<void>;
}

/** A graphql-ws client with one subscription, resolving `closed` with the close frame the server sent. */
async function openSubscription(graphqlUrl: string, connectionParams: Record<string, string>): Promise<OpenSocket> {
  let openedAt = 0;
  let resolveClosed: (value: { code: number; reason: string; afterMs: number }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string; afterMs: number }>((resolve) => (resolveClosed = resolve));
  let acknowledged: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (acknowledged = resolve));
  const client: Client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // The close is what the test waits for, not an error to print.
    onNonLazyError: () => undefined,
    on: {
      connected: () => acknowledged(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolveClosed({ code, reason: String(reason), afterMs: Date.now() - openedAt });
      },
    },
  });
  client.subscribe({ query: SUBSCRIBE }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  await connected;
  // The subscribe message authenticates and registers the socket; give the server its turn.
  await new Promise((resolve) => setTimeout(resolve, 200));
  openedAt = Date.now();
  return { closed, dispose: () => client.dispose() as Promise<void> };
}

describe('credentials end (two instances)', () => {
  let app: TestApp;
  let instanceB: RunningServer;
  let adminBearer: string;

  beforeAll(async () => {
    app = await createTestApp();
    instanceB = await startServer({ config: app.config, dataSource: app.dataSource, log: pino({ level: 'silent' }) });
    adminBearer = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
  });

  afterAll(async () => {
    await instanceB.stop();
    await app.close();
  });

  it('a key revoked on instance A closes its socket on instance B and disables its endpoint within 5 s', async () => {
    const created = (await app.graphql(CREATE_KEY, { input: { name: 'order sync' } }, adminBearer)).data!.createApiKey;
    const key: string = created.key;
    const endpoint = (
      await app.graphql(CREATE_ENDPOINT, { input: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['MESSAGE_POSTED'] } }, key)
    ).data!.createWebhookEndpoint;
    expect(endpoint.endpoint.isEnabled).toBe(true);
    const onB = await openSubscription(instanceB.graphqlUrl, { 'x-api-key': key });
    const otherKey = (await app.graphql(CREATE_KEY, { input: { name: 'another integration' } }, adminBearer)).data!.createApiKey
      .key as string;
    const bystander = await openSubscription(instanceB.graphqlUrl, { 'x-api-key': otherKey });

    const revokedAt = Date.now();
    expect((await app.graphql(REVOKE, { id: created.apiKey.id }, adminBearer)).data!.revokeApiKey.userErrors).toEqual([]);
    const closed = await Promise.race([onB.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
    expect(closed).toMatchObject({ code: CREDENTIAL_REVOKED_CLOSE_CODE, reason: 'API key revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    // The only endpoint of this database: the one the revoked key registered.
    const [row] = await app.dataSource.query(`SELECT is_enabled, disabled_reason FROM webhook_endpoints`);
    expect(row).toEqual({ is_enabled: false, disabled_reason: 'The API key that registered it was revoked' });
    // Another key's socket stays open.
    expect(await Promise.race([bystander.closed, new Promise((resolve) => setTimeout(() => resolve('open'), 300))])).toBe('open');
    await bystander.dispose();
    await onB.dispose();
  });

  it('closes a socket when the JWT that opened it expires', async () => {
    const key = new TextEncoder().encode(app.config.authSecret);
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({ role: 'AGENT' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer('marketplace-ticketing')
      .setIssuedAt(now)
      .setExpirationTime(now + 2)
      .sign(key);
    const socket = await openSubscription(instanceB.graphqlUrl, { authorization: `Bearer ${shortLived}` });
    const closed = await Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
    expect(closed).toMatchObject({ code: TOKEN_EXPIRED_CLOSE_CODE, reason: 'Token expired' });
    await socket.dispose();
  });
});
