import { createClient } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import { PrincipalRole } from '../../src/domain/enums';
import { RunningServer, startServer } from '../../src/server';
import { insertCustomer } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 2: throttling by cost, across instances. Each principal has a budget of points per minute in
// PostgreSQL, charged with what its document costs (docs/security.md "Throttling by cost"). Every test here
// fails on the main of 2026-12-02 (requests counted per process, no budget headers, no rateLimit field).

const OPEN_FIELDS = `openTicket(input: $input) { ticket { id } userErrors { code } }`;
const OPEN_ONE = `mutation($input: OpenTicketInput!) { ${OPEN_FIELDS} }`;
const OPEN_TWENTY = `mutation($input: OpenTicketInput!) { ${Array.from({ length: 20 }, (_, index) => `t${index}: ${OPEN_FIELDS}`).join(' ')} }`;
const GIFT_WRAP = { channel: 'EMAIL', subject: 'Gift wrapping', body: 'Do you offer gift wrapping for orders?' };
/** tickets (1) + 9 edges (9 × 1): 10 points. */
const TEN_POINTS = `{ tickets(first: 9) { edges { cursor } } }`;
const RATE_LIMIT = `{ rateLimit { cost limit remaining resetAt } me { role } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/** One operation over graphql-ws: its single result, or its errors; never waits longer than 5 s. */
async function overWebSocket(
  graphqlUrl: string,
  token: string,
  query: string,
): Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer over the WebSocket within 5 s')), 5_000);
      let result: { data?: unknown; errors?: never } = {};
      client.subscribe(
        { query },
        {
          next: (value) => void (result = value as typeof result),
          error: (errors) => {
            clearTimeout(timer);
            resolve({ errors: errors as never });
          },
          complete: () => {
            clearTimeout(timer);
            resolve(result);
          },
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('throttling by cost, across instances', () => {
  let app: TestApp;
  let customerToken: string;

  beforeAll(async () => {
    app = await createTestApp();
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: await insertCustomer(app.dataSource) });
  });
  afterAll(() => app.close());

  it('charges 20 aliased openTicket 20 times what one costs, and each creates its ticket', async () => {
    const one = await post(app.server.graphqlUrl, customerToken, OPEN_ONE, { input: GIFT_WRAP });
    expect(one.body.data!.openTicket.userErrors).toEqual([]);
    const oneCost = Number(one.headers.get('x-ratelimit-cost'));
    expect(oneCost).toBe(12); // 10 for the mutation field, 1 for the ticket it returns, 1 for its userErrors
    const before = Number(one.headers.get('x-ratelimit-remaining'));
    const twenty = await post(app.server.graphqlUrl, customerToken, OPEN_TWENTY, { input: GIFT_WRAP });
    expect(Object.keys(twenty.body.data!)).toHaveLength(20);
    expect(Number(twenty.headers.get('x-ratelimit-cost'))).toBe(20 * oneCost);
    expect(before - Number(twenty.headers.get('x-ratelimit-remaining'))).toBe(20 * oneCost);
  });

  it("puts the budget headers on every answer, decreasing by each request's cost, and tells it in rateLimit", async () => {
    const token = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '901' });
    const answers = [
      await post(app.server.graphqlUrl, token, RATE_LIMIT),
      await post(app.server.graphqlUrl, token, TEN_POINTS),
      await post(app.server.graphqlUrl, token, RATE_LIMIT),
    ];
    const remaining = answers.map((answer) => Number(answer.headers.get('x-ratelimit-remaining')));
    const limit = app.config.workBudgets.principalPointsPerMinute;
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(Number(answer.headers.get('x-ratelimit-limit'))).toBe(limit);
      const reset = Number(answer.headers.get('x-ratelimit-reset'));
      expect(reset * 1000).toBeGreaterThan(Date.now());
      expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    }
    // `rateLimit` and `me` are one object each: 2 points; the page of 9 costs 10.
    expect(remaining).toEqual([limit - 2, limit - 12, limit - 14]);
    const status = answers[2].body.data!.rateLimit;
    expect(status).toMatchObject({ cost: 2, limit, remaining: limit - 14 });
    expect(Math.ceil(new Date(status.resetAt).getTime() / 1000)).toBe(Number(answers[2].headers.get('x-ratelimit-reset')));
    // A refused document (unknown field) still costs its minimum and carries the headers.
    const refused = await post(app.server.graphqlUrl, token, '{ noSuchField }');
    expect(refused.status).toBe(400);
    expect(Number(refused.headers.get('x-ratelimit-remaining'))).toBe(limit - 15);
  });

  it('counts a variable page size at its value', async () => {
    const token = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '902' });
    const query = `query($n: Int) { tickets(first: $n) { edges { cursor } } }`;
    expect(Number((await post(app.server.graphqlUrl, token, query, { n: 50 })).headers.get('x-ratelimit-cost'))).toBe(51);
    expect(Number((await post(app.server.graphqlUrl, token, query, {})).headers.get('x-ratelimit-cost'))).toBe(21);
  });

  it('costs one statement per request, over HTTP and over the WebSocket', async () => {
    const token = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '903' });
    const before = app.server.workBudget.statementsSent;
    for (let request = 0; request < 5; request += 1) await post(app.server.graphqlUrl, token, RATE_LIMIT);
    expect((await overWebSocket(app.server.graphqlUrl, token, RATE_LIMIT)).data).toMatchObject({ rateLimit: { cost: 2 } });
    expect(app.server.workBudget.statementsSent - before).toBe(6);
  });

  describe('two instances on one database', () => {
    const log = pino({ level: 'silent' });
    let first: RunningServer;
    let second: RunningServer;

    beforeAll(async () => {
      const config = { ...app.config, workBudgets: { principalPointsPerMinute: 30, anonymousPointsPerMinute: 5 } };
      first = await startServer({ config, dataSource: app.dataSource, log });
      second = await startServer({ config, dataSource: app.dataSource, log });
    });
    afterAll(async () => {
      await first.stop();
      await second.stop();
    });

    it('share one budget: the second refuses with 429, Retry-After and RATE_LIMITED once the first spent it', async () => {
      const token = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '904' });
      const spent = [];
      for (let request = 0; request < 3; request += 1) spent.push(await post(first.graphqlUrl, token, TEN_POINTS));
      expect(spent.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(Number(spent[2].headers.get('x-ratelimit-remaining'))).toBe(0);
      const refused = await post(second.graphqlUrl, token, TEN_POINTS);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 10, limit: 30 });
      expect(refused.body.errors![0].message).toMatch(
        /costs 10 points and your budget of 30 points per minute is spent until .*; retry in \d+ s$/,
      );
      // Over the WebSocket of either instance the same budget refuses operations too.
      const overSocket = await overWebSocket(second.graphqlUrl, token, RATE_LIMIT);
      expect(overSocket.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      // Another principal has a budget of its own.
      const other = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '905' });
      expect((await post(second.graphqlUrl, other, TEN_POINTS)).status).toBe(200);
    });

    it('refuses a mutation whose aliases together cost more than what is left, and writes nothing', async () => {
      const customerId = await insertCustomer(app.dataSource);
      const token = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
      const tickets = async () =>
        Number((await app.dataSource.query(`SELECT count(*) AS n FROM tickets WHERE customer_id = $1`, [customerId]))[0].n);
      expect((await post(first.graphqlUrl, token, OPEN_ONE, { input: GIFT_WRAP })).status).toBe(200);
      const three = `mutation($input: OpenTicketInput!) { a: ${OPEN_FIELDS} b: ${OPEN_FIELDS} }`;
      const refused = await post(second.graphqlUrl, token, three, { input: GIFT_WRAP });
      expect(refused.status).toBe(429);
      expect(await tickets()).toBe(1);
    });

    it('answers an operation that costs more than a whole budget with 400 COST_LIMIT_EXCEEDED, without spending it', async () => {
      const token = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '906' });
      const refused = await post(first.graphqlUrl, token, `{ tickets(first: 50) { edges { cursor } } }`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', cost: 51, limit: 30 });
      expect(refused.headers.get('retry-after')).toBeNull();
      expect((await post(second.graphqlUrl, token, TEN_POINTS)).headers.get('x-ratelimit-remaining')).toBe('20');
    });

    it('charges callers without a valid credential by IP address', async () => {
      const statuses: number[] = [];
      for (let request = 0; request < 6; request += 1)
        statuses.push((await post(request % 2 === 0 ? first.graphqlUrl : second.graphqlUrl, 'forged', RATE_LIMIT)).status);
      // 2 points each against 5 per minute: the third is refused, whichever instance it reaches.
      expect(statuses).toEqual([401, 401, 429, 429, 429, 429]);
    });
  });

  it('measures a document of fragments spreading fragments in linear time', async () => {
    const token = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '907' });
    const levels = 40;
    const fragments = [`fragment F0 on Query { me { role } }`];
    for (let level = 1; level <= levels; level += 1)
      fragments.push(`fragment F${level} on Query { ${Array.from({ length: 12 }, () => `...F${level - 1}`).join(' ')} }`);
    const answer = await post(app.server.graphqlUrl, token, `{ ...F${levels} } ${fragments.join(' ')}`);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors!.length).toBeGreaterThan(0);
  }, 10_000);
});
