import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, points 1 and 2: the budget charges the document a request carries, so no request may run a document
// it does not carry. Automatic persisted queries (a hash standing for a stored document) are not accepted: before,
// a hash-only request ran a page of 100 tickets with their messages (cost 4,301) for 1 point.

describe('persisted queries (issue #14, points 1 and 2)', () => {
  let app: TestApp;
  let token: string;
  const query = '{ tickets(first: 100) { edges { node { id messages(first: 20) { edges { node { body } } } } } } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.agentToken();
  });
  afterAll(() => app.close());

  const post = async (body: object) => {
    const response = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      cost: response.headers.get('x-ratelimit-cost'),
      body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
    };
  };

  it('runs no document from a hash: registering and hash-only requests are refused, and a full document pays its cost', async () => {
    for (const extensions of [
      { persistedQuery: { version: 1, sha256Hash } },
      { persistedQuery: { version: 2, sha256Hash: 'f'.repeat(64) } },
    ]) {
      const registering = await post({ query, extensions });
      expect(registering.body.data).toBeUndefined();
      expect(registering.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      const hashOnly = await post({ extensions });
      expect(hashOnly.status).toBeLessThan(500);
      expect(hashOnly.body.data).toBeUndefined();
      expect(hashOnly.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    }
    const plain = await post({ query });
    expect(plain.body.errors).toBeUndefined();
    expect(plain.cost).toBe('4301');
  });
});
