import fc from 'fast-check';
import pino from 'pino';
import WebSocket from 'ws';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { RunningServer, startServer } from '../../src/server';
import { insertCarrier, insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { ANSWER_LEAKS } from '../support/answer-leaks';

// Issue #14, point 5, as a property: whatever document and variables a client sends — generated strings with
// NUL bytes and lone surrogates, ids and cursors of every shape, values of the wrong type, broken documents,
// unknown operation names — the answer is a client error or a result, never a 5xx, never INTERNAL_SERVER_ERROR,
// never a stack, SQL or a file path; over HTTP (development and production) and over the WebSocket
// (production), and the server stays healthy. Deterministic: a fixed seed, so a failure reproduces.

const SEED = 20261202;
const HTTP_RUNS = 400;
const WEB_SOCKET_RUNS = 200;

/** Strings a client may send: any code unit (lone surrogates included), NUL, and a few well-known troublemakers. */
const hostileCharacter = fc.oneof(
  fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uFFFF', '\u202E', '"', '\\', '%', '_', "'", '{', '$', '\n'),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: hostileCharacter, maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '-1',
      '0',
      '1e309',
      'NaN',
      '99999999999999999999',
      "'; DROP TABLE tickets; --",
      '置き配',
      '🙏',
      'T-000001',
      '503-1234567-7654321',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_001), 'あ'.repeat(20_001), '🙏'.repeat(5_001)) },
);
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((value) => Number(value)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

interface Records {
  ticketId: string;
  orderId: string;
  carrierId: string;
  sellerId: string;
  customerId: string;
}

function idOf(records: Records): fc.Arbitrary<unknown> {
  const types = fc.constantFrom('Ticket', 'Order', 'Carrier', 'Seller', 'Customer', 'Message', 'TicketEvent', 'Nope', '');
  const localIds = fc.oneof(hostileString, fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String));
  return fc.oneof(
    fc.constantFrom(
      toGlobalId('Ticket', records.ticketId),
      toGlobalId('Order', records.orderId),
      toGlobalId('Carrier', records.carrierId),
      toGlobalId('Seller', records.sellerId),
    ),
    fc.tuple(types, localIds).map(([type, id]) => base64url(`${type}:${id}`)),
    hostileString,
    anyValue,
  );
}

const cursor: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value))),
  fc
    .tuple(
      fc.oneof(
        hostileString,
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.integer(),
        fc.constant(null),
      ),
      fc.oneof(hostileString, fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String)),
    )
    .map((pair) => base64url(JSON.stringify(pair))),
  anyValue,
);

/** A field's good value most of the time, anything at all sometimes. */
const mostly = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const enumValue = (...values: string[]) => mostly(fc.constantFrom(...values));

interface Operation {
  query: string;
  variables: unknown;
  operationName?: unknown;
  admin: boolean;
}

function operations(records: Records): fc.Arbitrary<Operation> {
  const id = idOf(records);
  const ticketFilter = fc.record(
    {
      status: mostly(fc.array(fc.constantFrom('NEW', 'OPEN', 'SOLVED', 'NOPE'))),
      text: mostly(hostileString),
      ownerParty: mostly(fc.array(fc.constantFrom('SELLER', 'CARRIER', 'PLATFORM'))),
      createdAfter: mostly(
        fc.oneof(
          hostileString,
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        ),
      ),
      orderId: id,
      sellerId: id,
      sla: mostly(fc.record({ breached: fc.boolean(), dueWithinMinutes: fc.integer() }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );
  const open = fc.record(
    {
      channel: enumValue('CHAT', 'EMAIL', 'PHONE', 'WEB'),
      subject: mostly(hostileString),
      body: mostly(hostileString),
      orderId: maybe(id),
      customerId: maybe(id),
      idempotencyKey: maybe(mostly(hostileString)),
      details: maybe(
        mostly(fc.record({ trackingNumber: hostileString, stepsToReproduce: hostileString, amount: fc.double() }, { requiredKeys: [] })),
      ),
    },
    { requiredKeys: ['channel', 'subject', 'body'] },
  );
  const templates: Array<fc.Arbitrary<Operation>> = [
    id.map((value) => ({
      query: `query($id: ID!) { ticket(id: $id) { id number subject version updatedAt } }`,
      variables: { id: value },
      admin: false,
    })),
    id.map((value) => ({
      query: `query($id: ID!) { node(id: $id) { id ... on Ticket { number } } }`,
      variables: { id: value },
      admin: false,
    })),
    fc
      .record({ first: mostly(fc.integer({ min: -5, max: 150 })), after: maybe(cursor), filter: maybe(mostly(ticketFilter)) })
      .map((variables) => ({
        query: `query($first: Int, $after: String, $filter: TicketFilter) { tickets(first: $first, after: $after, filter: $filter) { edges { cursor node { id } } pageInfo { endCursor } } }`,
        variables,
        admin: false,
      })),
    fc.record({ first: mostly(fc.integer({ min: -5, max: 150 })), after: maybe(cursor) }).map((variables) => ({
      query: `query($first: Int, $after: String) { events(first: $first, after: $after) { edges { cursor } } sellers(first: $first, after: $after) { edges { cursor } } carriers(after: $after) { edges { cursor } } orders(after: $after) { edges { cursor } } }`,
      variables,
      admin: false,
    })),
    fc.record({ first: mostly(fc.integer({ min: -5, max: 150 })), after: maybe(cursor) }).map((variables) => ({
      query: `query($id: ID!, $first: Int, $after: String) { ticket(id: $id) { messages(first: $first, after: $after) { edges { cursor } } events(first: $first, after: $after) { edges { cursor } } } }`,
      variables: { ...variables, id: toGlobalId('Ticket', records.ticketId) },
      admin: false,
    })),
    hostileString.map((number) => ({
      query: `query($n: String!) { ticketByNumber(number: $n) { id } orderByNumber(number: $n) { id } }`,
      variables: { n: number },
      admin: false,
    })),
    open.map((input) => ({
      query: `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } userErrors { code field message } } }`,
      variables: { input },
      admin: false,
    })),
    fc
      .record({
        ticketId: mostly(fc.constant(toGlobalId('Ticket', records.ticketId))),
        body: mostly(hostileString),
        visibility: maybe(enumValue('PUBLIC', 'INTERNAL')),
        idempotencyKey: maybe(hostileString),
      })
      .map((input) => ({
        query: `mutation($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code field message } } }`,
        variables: { input },
        admin: false,
      })),
    fc
      .record({
        ticketId: mostly(fc.constant(toGlobalId('Ticket', records.ticketId))),
        toParty: enumValue('SELLER', 'CARRIER', 'PLATFORM'),
        carrierId: maybe(id),
        reason: mostly(hostileString),
        expectedVersion: maybe(mostly(fc.integer())),
      })
      .map((input) => ({
        query: `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { ticket { ownerParty } userErrors { code field message } } }`,
        variables: { input },
        admin: false,
      })),
    fc
      .record({
        externalId: mostly(fc.constantFrom('oms-1', 'oms-2', 'oms-3')),
        number: mostly(fc.constantFrom('503-1111111-2222222', '503-1111111-3333333')),
        customer: mostly(
          fc.record({
            externalId: mostly(fc.constantFrom('c-1', 'c-2')),
            name: mostly(hostileString),
            email: mostly(fc.constant('a@example.jp')),
            tier: enumValue('STANDARD', 'PRIME'),
          }),
        ),
        fulfillment: enumValue('SELLER', 'PLATFORM'),
        status: enumValue('UNSHIPPED', 'SHIPPED', 'DELIVERED'),
        items: mostly(
          fc.array(
            fc.record({
              sku: mostly(hostileString),
              title: mostly(hostileString),
              quantity: mostly(fc.integer()),
              unitPrice: mostly(fc.constantFrom('1980', '1e9', '-1')),
            }),
            { maxLength: 3 },
          ),
        ),
        totalAmount: mostly(fc.constantFrom('3960', '99999999999999', 'abc')),
        paymentMethod: enumValue('CREDIT_CARD', 'CONVENIENCE_STORE'),
        placedAt: mostly(fc.constantFrom('2026-11-15T10:00:00+09:00', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z')),
        postalCode: mostly(hostileString),
        region: mostly(hostileString),
        addressLine: mostly(hostileString),
        recipient: mostly(hostileString),
        shipments: maybe(
          mostly(
            fc.array(
              fc.record({
                externalId: mostly(fc.constantFrom('s-1', 's-2')),
                carrierCode: mostly(fc.constantFrom('YAMATO', 'NOPE')),
                trackingNumber: mostly(hostileString),
                status: enumValue('IN_TRANSIT', 'DELIVERED'),
              }),
              { maxLength: 3 },
            ),
          ),
        ),
      })
      .map((input) => ({
        query: `mutation($input: UpsertOrderInput!) { upsertOrder(input: $input) { order { id } userErrors { code field message } } }`,
        variables: { input },
        admin: true,
      })),
  ];
  const wellFormed = fc.oneof(...templates);
  return fc.oneof(
    { weight: 6, arbitrary: wellFormed },
    // Broken documents: a slice cut out, or hostile characters put in, anywhere; and any operation name.
    {
      weight: 2,
      arbitrary: fc
        .tuple(wellFormed, fc.nat(), fc.nat({ max: 30 }), fc.string({ unit: hostileCharacter, maxLength: 6 }))
        .map(([operation, at, cut, inserted]) => {
          const position = at % (operation.query.length + 1);
          return { ...operation, query: operation.query.slice(0, position) + inserted + operation.query.slice(position + cut) };
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(wellFormed, fc.oneof(hostileString, anyValue))
        .map(([operation, operationName]) => ({ ...operation, operationName })),
    },
    { weight: 1, arbitrary: fc.tuple(wellFormed, anyValue).map(([operation, variables]) => ({ ...operation, variables })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          `{ me { role } } { me { role } }`,
          `query A { me { role } } query A { me { role } }`,
          `{ me { role } } query B { me { role } }`,
        )
        .map((query) => ({ query, variables: {}, admin: false })),
    },
  );
}

/** Tallies for the figures the test states. */
class Tally {
  readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  toString(): string {
    return [...this.counts]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ');
  }
}

function expectNoLeak(text: string, context: string): void {
  for (const [leak, pattern] of ANSWER_LEAKS) {
    if (pattern.test(text)) throw new Error(`${leak} in the answer to ${context}: ${text.slice(0, 500)}`);
  }
}

function tallyAnswer(
  tally: Tally,
  body: {
    errors?: Array<{ extensions?: { code?: string } }>;
    data?: Record<string, { userErrors?: Array<{ code: string }> } | null> | null;
  },
): void {
  for (const error of body.errors ?? []) tally.add(`error ${error.extensions?.code ?? 'none'}`);
  for (const field of Object.values(body.data ?? {}))
    for (const userError of field?.userErrors ?? []) tally.add(`userError ${userError.code}`);
  if (!body.errors?.length && body.data) tally.add('answered');
}

describe('hostile input, generated (issue #14, point 5)', () => {
  let app: TestApp;
  let development: RunningServer;
  let production: RunningServer;
  let records: Records;
  let tokens: { agent: string; admin: string };
  const unlimited = { principalRequestsPerMinute: 1_000_000, anonymousRequestsPerMinute: 1_000_000 };

  beforeAll(async () => {
    app = await createTestApp();
    const log = pino({ level: 'silent' });
    development = await startServer({ config: app.config, dataSource: app.dataSource, log, rateLimits: unlimited });
    production = await startServer({
      config: { ...app.config, nodeEnv: 'production', introspection: false },
      dataSource: app.dataSource,
      log,
      rateLimits: unlimited,
    });
    await insertCarrier(app.dataSource, 'YAMATO');
    const carrierId = await insertCarrier(app.dataSource);
    const sellerId = await insertSeller(app.dataSource);
    const customerId = await insertCustomer(app.dataSource);
    const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId, carrierId });
    const ticketId = await insertTicket(app.dataSource, { customerId, orderId, sellerId });
    records = { ticketId, orderId, carrierId, sellerId, customerId };
    tokens = { agent: await app.agentToken(), admin: await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }) };
  });
  afterAll(async () => {
    await development.stop();
    await production.stop();
    await app.close();
  });

  const counts = async () => {
    const [row] = await app.dataSource.query(
      `SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM ticket_events)::int AS events`,
    );
    return row as { tickets: number; messages: number; orders: number; events: number };
  };

  const expectHealthy = async (server: RunningServer) => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const me = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.agent}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { role: 'AGENT' } } });
  };

  it(`answers ${HTTP_RUNS} generated hostile requests over HTTP, in development and production, with client errors only`, async () => {
    const before = await counts();
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(operations(records), fc.boolean(), async (operation, inProduction) => {
        const server = inProduction ? production : development;
        const body = JSON.stringify({
          query: operation.query,
          variables: operation.variables,
          ...(operation.operationName === undefined ? {} : { operationName: operation.operationName }),
        });
        const response = await fetch(server.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${operation.admin ? tokens.admin : tokens.agent}` },
          body,
        });
        const text = await response.text();
        tally.add(`HTTP ${response.status}`);
        expect(response.status).toBeLessThan(500);
        expectNoLeak(text, body.slice(0, 300));
        tallyAnswer(tally, JSON.parse(text));
      }),
      { seed: SEED, numRuns: HTTP_RUNS },
    );
    const after = await counts();
    console.log(
      `hostile HTTP input: ${HTTP_RUNS} requests; ${tally}; state before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
    );
    await expectHealthy(development);
    await expectHealthy(production);
  });

  it(`answers ${WEB_SOCKET_RUNS} generated hostile subscribe messages over the WebSocket (production) with client errors only`, async () => {
    const tally = new Tally();
    let socket: {
      webSocket: WebSocket;
      messages: Array<{ id?: string; type: string; payload?: unknown }>;
      closed: { code: number } | null;
    } | null = null;
    const connect = async () => {
      const webSocket = new WebSocket(production.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      const opened = {
        webSocket,
        messages: [] as Array<{ id?: string; type: string; payload?: unknown }>,
        closed: null as { code: number } | null,
      };
      webSocket.on('message', (data) => {
        const text = String(data);
        expectNoLeak(text, 'a WebSocket message');
        opened.messages.push(JSON.parse(text));
      });
      webSocket.on('close', (code, reason) => {
        expectNoLeak(String(reason), 'a WebSocket close');
        opened.closed = { code };
      });
      await new Promise((resolve) => webSocket.once('open', resolve));
      webSocket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens.admin}` } }));
      for (let waited = 0; !opened.messages.some((message) => message.type === 'connection_ack'); waited += 5) {
        if (waited > 2000) throw new Error('no connection_ack');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return opened;
    };
    let id = 0;
    await fc.assert(
      fc.asyncProperty(operations(records), async (operation) => {
        if (socket === null || socket.closed !== null) socket = await connect();
        const current = socket;
        id += 1;
        const messageId = String(id);
        current.webSocket.send(
          JSON.stringify({
            id: messageId,
            type: 'subscribe',
            payload: {
              query: operation.query,
              variables: operation.variables,
              ...(operation.operationName === undefined ? {} : { operationName: operation.operationName }),
            },
          }),
        );
        for (let waited = 0; ; waited += 5) {
          const answer =
            current.messages.find((message) => message.id === messageId && message.type !== 'next') ??
            current.messages.find((message) => message.id === messageId);
          if (answer) {
            tally.add(`WebSocket ${answer.type}`);
            if (answer.type === 'error')
              for (const error of answer.payload as Array<{ extensions?: { code?: string } }>)
                tally.add(`error ${error.extensions?.code ?? 'none'}`);
            if (answer.type === 'next') tallyAnswer(tally, answer.payload as never);
            if (answer.type !== 'next' || current.messages.some((message) => message.id === messageId && message.type === 'complete'))
              break;
          }
          if (current.closed !== null) {
            // A message graphql-ws cannot read (variables that are not an object) closes with 4400: the client's error.
            tally.add(`WebSocket close ${current.closed.code}`);
            expect([4400, 1008, 1009]).toContain(current.closed.code);
            break;
          }
          if (waited > 5000) throw new Error(`no answer to ${JSON.stringify(operation).slice(0, 300)}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }),
      { seed: SEED, numRuns: WEB_SOCKET_RUNS },
    );
    (socket as { webSocket: WebSocket } | null)?.webSocket.close();
    console.log(`hostile WebSocket input: ${WEB_SOCKET_RUNS} subscribe messages; ${tally}`);
    await expectHealthy(production);
  });
});
