import { createHash } from 'node:crypto';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { key apiKey { id name prefix scope seller { id } createdBy revokedAt lastUsedAt } userErrors { code field message } }
}`;
const LIST = `{ apiKeys(first: 10) { edges { node { id name prefix scope lastUsedAt revokedAt } } } }`;
const NOW = '2026-11-20T10:00:00.000Z';

describe('API keys', () => {
  let app: TestApp;
  let adminToken: string;
  let sellerId: string;
  let otherSellerId: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: NOW });
    adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    sellerId = await insertSeller(app.dataSource, 'Kyoto Tea');
    otherSellerId = await insertSeller(app.dataSource, 'Osaka Knives');
    const customerId = await insertCustomer(app.dataSource);
    for (const seller of [sellerId, otherSellerId]) {
      const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId: seller });
      await insertTicket(app.dataSource, { customerId, orderId, sellerId: seller, subject: `ticket of seller ${seller}` });
    }
  });
  afterAll(() => app.close());

  const create = async (input: Record<string, unknown>) => (await app.graphql(CREATE, { input }, adminToken)).data!.createApiKey;

  it('issues a key once, stores only the digest of its secret, and lists it without the secret', async () => {
    const created = await create({ name: 'Kyoto Tea shop system', sellerId: toGlobalId('Seller', sellerId) });
    expect(created.userErrors).toEqual([]);
    expect(created.key).toMatch(/^tk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: 'Kyoto Tea shop system',
      scope: 'SELLER',
      seller: { id: toGlobalId('Seller', sellerId) },
      createdBy: 'ADMIN:1',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);

    const secret = created.key.slice(created.apiKey.prefix.length);
    const [row] = await app.dataSource.query(`SELECT to_jsonb(k)::text AS stored, secret_sha256 FROM api_keys k`);
    expect(row.stored).not.toContain(secret);
    expect(Buffer.compare(row.secret_sha256, createHash('sha256').update(secret).digest())).toBe(0);

    const listed = await app.graphql(LIST, {}, adminToken);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(listed.data!.apiKeys.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([created.apiKey.id]);
  });

  it("acts for its seller exactly: the seller's tickets, the seller's masking, INTEGRATION in me", async () => {
    const { key } = await create({ name: 'scoped', sellerId: toGlobalId('Seller', sellerId) });
    const viaHeader = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        query: `{ me { role scope seller { id } } tickets { edges { node { subject customer { email phone } order { paymentMethod } } } } }`,
      }),
    });
    interface SeenTicket {
      subject: string;
      customer: { email: string; phone: string | null };
      order: { paymentMethod: string | null };
    }
    const { data } = (await viaHeader.json()) as {
      data: { me: { role: string; scope: string; seller: { id: string } }; tickets: { edges: Array<{ node: SeenTicket }> } };
    };
    expect(data.me).toMatchObject({ role: 'INTEGRATION', seller: { id: toGlobalId('Seller', sellerId) } });
    expect(data.me.scope).toMatch(/^As the API key of seller/);
    expect(data.tickets.edges.map((edge) => edge.node.subject)).toEqual([`ticket of seller ${sellerId}`]);
    expect(data.tickets.edges[0].node.customer).toMatchObject({
      phone: null,
      email: expect.stringMatching(/@relay\.marketplace\.example$/),
    });
    expect(data.tickets.edges[0].node.order.paymentMethod).toBeNull();
  });

  it('writes lastUsedAt at most once a minute, not on every request', async () => {
    const { key, apiKey } = await create({ name: 'busy integration' });
    const lastUsedAt = async () => {
      const [row] = await app.dataSource.query(`SELECT last_used_at FROM api_keys WHERE key_prefix = $1`, [
        apiKey.prefix.slice('tk_'.length, -1),
      ]);
      return (row.last_used_at as Date | null)?.toISOString() ?? null;
    };
    const use = async () => {
      const response = await app.graphql(`{ me { role } }`, {}, key);
      expect(response.data!.me.role).toBe('INTEGRATION');
    };
    await use();
    expect(await lastUsedAt()).toBe(NOW);
    app.clock.advanceMinutes(0.5);
    await use();
    await use();
    expect(await lastUsedAt()).toBe(NOW);
    app.clock.advanceMinutes(0.5);
    await use();
    expect(await lastUsedAt()).toBe('2026-11-20T10:01:00.000Z');
    app.clock.set(NOW);
  });

  it('refuses a revoked key from the next request on; revoking again keeps the first revocation time', async () => {
    const { key, apiKey } = await create({ name: 'to be revoked' });
    expect((await app.graphql(`{ me { role } }`, {}, key)).data!.me.role).toBe('INTEGRATION');
    const revoke = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } userErrors { code field } } }`;
    const first = await app.graphql(revoke, { id: apiKey.id }, adminToken);
    expect(first.data!.revokeApiKey).toEqual({ apiKey: { id: apiKey.id, revokedAt: NOW }, userErrors: [] });
    app.clock.advanceMinutes(5);
    const again = await app.graphql(revoke, { id: apiKey.id }, adminToken);
    expect(again.data!.revokeApiKey.apiKey.revokedAt).toBe(NOW);
    app.clock.set(NOW);
    const refused = await app.graphql(`{ me { role } }`, {}, key);
    expect(refused.errors![0]).toMatchObject({
      message: 'The API key is unknown or has been revoked',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const unknown = await app.graphql(revoke, { id: Buffer.from('ApiKey:999999').toString('base64url') }, adminToken);
    expect(unknown.data!.revokeApiKey).toEqual({ apiKey: null, userErrors: [{ code: 'NOT_FOUND', field: 'id' }] });
    const malformed = await app.graphql(revoke, { id: toGlobalId('Ticket', '1') }, adminToken);
    expect(malformed.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a blank name and an unknown seller as user errors, and everyone but admins with FORBIDDEN', async () => {
    expect((await create({ name: '  ' })).userErrors).toEqual([
      { code: 'INVALID_INPUT', field: 'input.name', message: 'name must be 1–100 characters' },
    ]);
    expect((await create({ name: 'x', sellerId: toGlobalId('Seller', '999999') })).userErrors).toEqual([
      { code: 'INVALID_INPUT', field: 'input.sellerId', message: 'No such seller' },
    ]);
    for (const token of [await app.agentToken(), await app.tokenFor({ role: PrincipalRole.SELLER, sellerId })]) {
      const created = await app.graphql(CREATE, { input: { name: 'mine' } }, token);
      expect(created.errors![0]).toMatchObject({ message: 'API keys are managed by admins', extensions: { code: 'FORBIDDEN' } });
      expect((await app.graphql(LIST, {}, token)).errors![0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
