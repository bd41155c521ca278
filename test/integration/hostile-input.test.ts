import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import pino from 'pino';
import WebSocket from 'ws';
import { PrincipalRole } from '../../src/domain/enums';
import { GRAPHQL_LIMITS } from '../../src/graphql/graphql-limits';
import { VARIABLE_LIMITS } from '../../src/http/request-body.middleware';
import { RunningServer, startServer } from '../../src/server';
import { createTestApp, TestApp } from '../support/test-app';

// Every hostile request below is refused with a clear error before it costs the server real work, and the
// server answers normally afterwards.

interface ErrorBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const ME = `{ me { role } }`;

function nested(field: string, depth: number, leaf: string): string {
  return `${`${field} { `.repeat(depth)}${leaf}${' }'.repeat(depth)}`;
}

describe('hostile input', () => {
  let app: TestApp;
  let agentToken: string;
  let adminToken: string;

  beforeAll(async () => {
    app = await createTestApp();
    agentToken = await app.agentToken();
    adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
  });
  afterAll(() => app.close());

  const send = async (body: string | Buffer, headers: Record<string, string> = {}) => {
    const response = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}`, ...headers },
      body,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as ErrorBody };
  };
  const sendOperation = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    send(JSON.stringify({ query, variables }), headers);

  const expectHealthy = async () => {
    const health = await fetch(`${app.server.url}/healthz`);
    expect(health.status).toBe(200);
    const me = await sendOperation(ME);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ data: { me: { role: 'AGENT' } } });
  };

  describe('query shape', () => {
    it('refuses a query 30 levels deep', async () => {
      const response = await sendOperation(`query($id: ID!) { ticket(id: $id) { ${nested('followUpOf', 29, 'id')} } }`, {
        id: 'VGlja2V0OjE',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors!.map((error) => error.message)).toContain(
        `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found 31.`,
      );
      await expectHealthy();
    });

    it('refuses brackets nested 4,000 deep before parsing (the recursive parser would overflow its stack)', async () => {
      for (const query of [
        `{ ${nested('me', 4000, 'role')} }`,
        `{ tickets(filter: { status: ${'['.repeat(4000)}${']'.repeat(4000)} }) { edges { cursor } } }`,
      ]) {
        const response = await sendOperation(query);
        expect(response.status).toBe(400);
        expect(response.body.errors![0]).toEqual({
          message: `Syntax Error: Document nests brackets deeper than ${GRAPHQL_LIMITS.maxNesting} levels. Parsing refused.`,
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        });
      }
      await expectHealthy();
    });

    it('refuses 1,000 aliases', async () => {
      const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: me { role }`).join(' ');
      const response = await sendOperation(`{ ${aliases} }`);
      expect(response.status).toBe(400);
      expect(response.body.errors!.map((error) => error.message)).toContain(
        `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found 1000.`,
      );
      expect(response.body.data).toBeUndefined();
      await expectHealthy();
    });

    it('refuses first: 1000000, as a literal (cost) and as a variable (page size)', async () => {
      const literal = await sendOperation(`{ tickets(first: 1000000) { edges { node { id } } } }`);
      expect(literal.status).toBe(400);
      expect(literal.body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(literal.body.errors!.map((error) => error.message).join('\n')).toMatch(`Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded`);
      const variable = await sendOperation(`query($first: Int) { tickets(first: $first) { edges { node { id } } } }`, { first: 1_000_000 });
      expect(variable.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(variable.body.errors![0].message).toBe('first must be between 0 and 100 (was 1000000)');
      await expectHealthy();
    });

    it('refuses nested pages that could return a million objects, although every page is within 100', async () => {
      const query = `query($first: Int) { tickets(first: $first) { edges { node { order { tickets(first: $first) { edges { node {
        messages(first: $first) { edges { node { body } } } } } } } } } } }`;
      const response = await sendOperation(query, { first: 100 });
      expect(response.status).toBe(400);
      expect(response.body.errors![0].message).toMatch(
        `Query may return up to 1010100 objects; at most ${GRAPHQL_LIMITS.maxNodes} are served`,
      );
      await expectHealthy();
    });

    it('refuses more tokens than the limit, and more directives than the limit', async () => {
      const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'role').join(' ');
      const tokens = await sendOperation(`{ me { ${fields} } }`);
      expect(tokens.status).toBe(400);
      expect(tokens.body.errors![0]).toMatchObject({
        message: `Syntax Error: Document contains more than ${GRAPHQL_LIMITS.maxTokens} tokens. Parsing refused.`,
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
      const directives = await sendOperation(`{ me { role ${'@include(if: true) '.repeat(GRAPHQL_LIMITS.maxDirectives + 1)} } }`);
      expect(directives.status).toBe(400);
      expect(directives.body.errors!.map((error) => error.message)).toContain(
        `Directives limit of ${GRAPHQL_LIMITS.maxDirectives} exceeded, found ${GRAPHQL_LIMITS.maxDirectives + 1}.`,
      );
      await expectHealthy();
    });

    it('refuses batched operations', async () => {
      const response = await send(JSON.stringify([{ query: ME }, { query: ME }]));
      expect(response.status).toBe(400);
      await expectHealthy();
    });
  });

  describe('request body', () => {
    it('answers malformed JSON with 400 and says so', async () => {
      const response = await send('{"query": "{ me { role } }"');
      expect(response.status).toBe(400);
      expect(response.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      expect(response.body.errors![0].message).toMatch(/^Malformed request: .*JSON/);
      await expectHealthy();
    });

    it('answers invalid UTF-8 bytes with 400 instead of storing replacement characters', async () => {
      const body = Buffer.concat([
        Buffer.from('{"query":"{ me { role } }","variables":{"note":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}}'),
      ]);
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors![0]).toEqual({
        message: 'Malformed request: the request body is not valid UTF-8',
        extensions: { code: 'BAD_REQUEST' },
      });
      await expectHealthy();
    });

    it('answers a 5 MB body with 413', async () => {
      const response = await send(JSON.stringify({ query: ME, variables: { padding: 'x'.repeat(5 * 1024 * 1024) } }));
      expect(response.status).toBe(413);
      expect(response.body.errors![0]).toEqual({
        message: 'Request body is larger than 1000000 bytes',
        extensions: { code: 'BAD_REQUEST' },
      });
      await expectHealthy();
    });

    it('refuses a huge variables object within the body limit: too many values, too many characters, too deep', async () => {
      const manyValues = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`v${index}`, index]));
      const values = await sendOperation(ME, manyValues);
      expect(values.status).toBe(413);
      expect(values.body.errors![0].message).toBe(`Request refused: variables hold more than ${VARIABLE_LIMITS.maxValues} values`);

      const characters = await sendOperation(ME, { text: 'あ'.repeat(300_000) });
      expect(characters.status).toBe(413);
      expect(characters.body.errors![0].message).toBe(
        `Request refused: variables hold more than ${VARIABLE_LIMITS.maxCharacters} characters`,
      );

      const deep = await send(`{"query":"{ me { role } }","variables":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
      expect(deep.status).toBe(413);
      expect(deep.body.errors![0].message).toBe(`Request refused: variables are nested deeper than ${VARIABLE_LIMITS.maxDepth} levels`);
      await expectHealthy();
    });
  });

  describe('credentials', () => {
    const expectUnauthenticated = async (headers: Record<string, string>, message: RegExp) => {
      const response = await sendOperation(ME, {}, headers);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.body.errors![0].message).toMatch(message);
      expect(response.status).toBe(401);
    };

    it('refuses a JWT signed with another secret, and one that claims alg "none"', async () => {
      const forged = await new SignJWT({ role: 'ADMIN' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('1')
        .setIssuer('marketplace-ticketing')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('an-attacker-s-own-secret-of-32-characters'));
      await expectUnauthenticated({ authorization: `Bearer ${forged}` }, /The token is invalid/);
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ role: 'ADMIN', sub: '1', iss: 'marketplace-ticketing', exp: Math.floor(Date.now() / 1000) + 3600 }),
      ).toString('base64url')}.`;
      await expectUnauthenticated({ authorization: `Bearer ${unsigned}` }, /The token is invalid/);
      await expectHealthy();
    });

    it('refuses an expired JWT and says that it expired', async () => {
      const expired = await new SignJWT({ role: 'AGENT' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('1')
        .setIssuer('marketplace-ticketing')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(new TextEncoder().encode(app.config.authSecret));
      await expectUnauthenticated({ authorization: `Bearer ${expired}` }, /The token has expired/);
      await expectHealthy();
    });

    it('refuses a revoked API key, in either header, and an unknown one', async () => {
      const created = await app.graphql(
        `mutation { createApiKey(input: { name: "Warehouse sync" }) { key apiKey { id } userErrors { code } } }`,
        {},
        adminToken,
      );
      const { key, apiKey } = created.data!.createApiKey;
      expect((await sendOperation(ME, {}, { authorization: `Bearer ${key}` })).body).toEqual({ data: { me: { role: 'INTEGRATION' } } });
      const revoked = await app.graphql(
        `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } userErrors { code } } }`,
        { id: apiKey.id },
        adminToken,
      );
      expect(revoked.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
      await expectUnauthenticated({ authorization: `Bearer ${key}` }, /The API key is unknown or has been revoked/);
      const withoutJwt = await fetch(app.server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: ME }),
      });
      expect(((await withoutJwt.json()) as ErrorBody).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      await expectUnauthenticated({ authorization: `Bearer tk_abcdefghijkl_${'A'.repeat(43)}` }, /unknown or has been revoked/);
      await expectUnauthenticated({ authorization: `Bearer ${key}`, 'x-api-key': key }, /either the Authorization header or x-api-key/);
      await expectHealthy();
    });
  });

  describe('per-instance rate limits', () => {
    let limited: RunningServer;

    beforeAll(async () => {
      limited = await startServer({
        config: app.config,
        dataSource: app.dataSource,
        log: pino({ level: 'silent' }),
        rateLimits: { principalRequestsPerMinute: 5, anonymousRequestsPerMinute: 3 },
      });
    });
    afterAll(() => limited.stop());

    const post = (headers: Record<string, string>) =>
      fetch(limited.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: ME }),
      });

    it('answers the request over the limit of a principal with 429 RATE_LIMITED and Retry-After, and counts each principal apart', async () => {
      const bearer = { authorization: `Bearer ${agentToken}` };
      const statuses: number[] = [];
      for (let request = 0; request < 5; request += 1) statuses.push((await post(bearer)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const refused = await post(bearer);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await refused.json()) as ErrorBody;
      expect(body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(body.errors![0].message).toMatch(/at most 5 requests per minute per principal on this server instance/);
      expect((await post({ authorization: `Bearer ${adminToken}` })).status).toBe(200);
    });

    it('limits callers without valid credentials per IP address', async () => {
      const statuses: number[] = [];
      for (let request = 0; request < 4; request += 1) statuses.push((await post({ authorization: 'Bearer forged' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  describe('production mode', () => {
    let production: RunningServer;

    beforeAll(async () => {
      production = await startServer({
        config: { ...app.config, nodeEnv: 'production', introspection: false },
        dataSource: app.dataSource,
        log: pino({ level: 'silent' }),
      });
    });
    afterAll(() => production.stop());

    const post = async (query: string) => {
      const response = await fetch(production.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as ErrorBody;
    };

    it('refuses introspection and hides field suggestions, over HTTP and over the WebSocket', async () => {
      const introspection = await post(`{ __schema { types { name } } }`);
      expect(introspection.errors![0].message).toMatch(/introspection is not allowed/);
      const typo = await post(`{ me { rol } }`);
      expect(typo.errors![0].message).not.toMatch(/Did you mean/);
      expect(typo.errors![0].message).toMatch(/Cannot query field "rol"/);

      const client = createClient({
        url: production.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${agentToken}` },
        retryAttempts: 0,
      });
      const overWebSocket = (query: string) =>
        new Promise<unknown>((resolve) =>
          client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(null) }),
        );
      try {
        const refusedIntrospection = (await overWebSocket(`{ __schema { types { name } } }`)) as Array<{ message: string }>;
        expect(refusedIntrospection[0].message).toMatch(/introspection has been disabled/);
        const refusedTypo = (await overWebSocket(`{ me { rol } }`)) as Array<{ message: string }>;
        expect(refusedTypo[0].message).toMatch(/Cannot query field "rol"/);
        expect(refusedTypo[0].message).not.toMatch(/Did you mean/);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('over the WebSocket', () => {
    const webSocketUrl = () => app.server.graphqlUrl.replace(/^http/, 'ws');

    /** Runs one operation over graphql-ws and returns what the server answered: a result, errors, or a close. */
    const overWebSocket = (query: string, connectionParams: Record<string, string>): Promise<ErrorBody | { closeCode: number }> => {
      const client = createClient({ url: webSocketUrl(), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
      return new Promise<ErrorBody | { closeCode: number }>((resolve) => {
        let result: ErrorBody = {};
        client.subscribe(
          { query },
          {
            next: (value) => {
              result = value as ErrorBody;
            },
            error: (error: unknown) => {
              if (Array.isArray(error)) resolve({ errors: error as ErrorBody['errors'] });
              else resolve({ closeCode: (error as { code: number }).code });
            },
            complete: () => resolve(result),
          },
        );
      }).finally(() => client.dispose());
    };

    it('answers a normal query, and applies the same depth and alias limits as HTTP', async () => {
      const authorization = `Bearer ${agentToken}`;
      expect(await overWebSocket(ME, { authorization })).toEqual({ data: { me: { role: 'AGENT' } } });

      const deep = (await overWebSocket(`{ ticket(id: "VGlja2V0OjE") { ${nested('followUpOf', 29, 'id')} } }`, {
        authorization,
      })) as ErrorBody;
      expect(deep.errors!.map((error) => error.message)).toContain(`Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found 31.`);

      const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: me { role }`).join(' ');
      const aliased = (await overWebSocket(`{ ${aliases} }`, { authorization })) as ErrorBody;
      expect(aliased.errors!.map((error) => error.message)).toContain(
        `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found 1000.`,
      );

      const paged = (await overWebSocket(`{ tickets(first: 1000000) { edges { node { id } } } }`, { authorization })) as ErrorBody;
      expect(paged.errors!.map((error) => error.message).join('\n')).toMatch(`Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded`);
      await expectHealthy();
    });

    it('closes a connection without valid credentials with 4401, and closes on a message over 64 KiB', async () => {
      expect(await overWebSocket(ME, {})).toEqual({ closeCode: 4401 });
      expect(await overWebSocket(ME, { authorization: 'Bearer not-a-token' })).toEqual({ closeCode: 4401 });

      // ws closes the socket with 1009 (the server logs the socket error).
      const oversized = await overWebSocket(`{ me { role } } # ${'x'.repeat(70 * 1024)}`, { authorization: `Bearer ${agentToken}` });
      expect(oversized).toEqual({ closeCode: 1009 });
      await expectHealthy();
    });
  });
});
