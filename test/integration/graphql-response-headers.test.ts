import { createTestApp, TestApp } from '../support/test-app';

// Issue #15, point 3: a GraphQL answer is not hashed for an ETag (express's default would SHA-1 every body for a
// conditional request no GraphQL client makes), and the handlers' own application says no more about the server
// than the main one does; refusals before Apollo are still answered by the main application's handlers.

describe('GraphQL answers over HTTP: headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const post = async (body: string) =>
    fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.agentToken()}` },
      body,
    });

  it('answers a query without an ETag and without X-Powered-By', async () => {
    const response = await post(JSON.stringify({ query: '{ me { role } }' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: { role: 'AGENT' } } });
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers a conditional repeat in full (no 304 from a body hash)', async () => {
    const response = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.agentToken()}`, 'if-none-match': '*' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });

  // The main application's handler answers it (with its own small ETag: refusals are not the hot path).
  it('still refuses a body that is not JSON through the main error handler (400, a GraphQL error body)', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBeDefined();
  });
});
