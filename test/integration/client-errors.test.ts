import { createClient } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { RunningServer, startServer } from '../../src/server';
import { insertCarrier, insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 5, case by case, on a production instance (NODE_ENV=production: no error details): every bad
// input named in the issue is the client's error, with a code a client can act on and a message naming the field.

interface Answer {
  status: number;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
  data?: Record<string, { userErrors?: Array<{ code: string; field: string | null; message: string }> } | null> | null;
}

const TICKETS = `query($after: String, $text: String) { tickets(after: $after, filter: { text: $text }) { edges { cursor } } }`;
const TRANSFER = `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { ticket { ownerParty } userErrors { code field message } } }`;
const UPSERT = `mutation($input: UpsertOrderInput!) { upsertOrder(input: $input) { order { number } userErrors { code field message } } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { subject } userErrors { code field message } } }`;

const orderInput = (externalId: string, number: string) => ({
  externalId,
  number,
  customer: { externalId: 'cust-1', name: '山田 太郎', email: 'taro@example.jp', tier: 'PRIME' },
  fulfillment: 'PLATFORM',
  status: 'UNSHIPPED',
  items: [{ sku: 'TEA-1', title: '宇治抹茶 100g', quantity: 1, unitPrice: '1980' }],
  totalAmount: '1980',
  paymentMethod: 'CREDIT_CARD',
  placedAt: '2026-11-15T10:00:00+09:00',
  postalCode: '600-8216',
  region: '京都府',
  addressLine: '京都市下京区烏丸通七条下ル',
  recipient: '山田 太郎',
});

describe("bad input is the client's error, in production (issue #14, point 5)", () => {
  let app: TestApp;
  let production: RunningServer;
  let tokens: { agent: string; admin: string; customer: string };
  let ticketId: string;
  let orderId: string;

  beforeAll(async () => {
    app = await createTestApp();
    production = await startServer({
      config: { ...app.config, nodeEnv: 'production', introspection: false },
      dataSource: app.dataSource,
      log: pino({ level: 'silent' }),
    });
    const customerId = await insertCustomer(app.dataSource);
    const sellerId = await insertSeller(app.dataSource);
    ({ orderId } = await insertOrder(app.dataSource, { customerId, sellerId }));
    ticketId = toGlobalId('Ticket', await insertTicket(app.dataSource, { customerId, orderId, sellerId }));
    tokens = {
      agent: await app.agentToken(),
      admin: await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }),
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
    };
  });
  afterAll(async () => {
    await production.stop();
    await app.close();
  });

  const post = async (body: Record<string, unknown>, token = tokens.agent): Promise<Answer> => {
    const response = await fetch(production.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const firstError = (answer: Answer) => ({
    status: answer.status,
    code: answer.errors?.[0]?.extensions?.code,
    field: answer.errors?.[0]?.extensions?.field,
    message: answer.errors?.[0]?.message,
  });

  it.each([
    [
      'a NUL byte in a variable',
      { query: TICKETS, variables: { text: 'ab\u0000c' } },
      {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'text',
        message: 'Variable "$text" at "text" contains a NUL character (U+0000), which is not accepted in text',
      },
    ],
    [
      'a NUL byte in a literal',
      { query: `{ tickets(filter: { text: "ab\\u0000c" }) { edges { cursor } } }` },
      {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'filter.text',
        message: 'Argument "filter.text" contains a NUL character (U+0000), which is not accepted in text',
      },
    ],
    [
      'a lone surrogate',
      { query: TICKETS, variables: { text: 'ab\uD800' } },
      {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'text',
        message: 'Variable "$text" at "text" contains a lone UTF-16 surrogate, which is not a character; send valid Unicode',
      },
    ],
    [
      'a malformed cursor',
      { query: TICKETS, variables: { after: 'zzz' } },
      { status: 200, code: 'BAD_USER_INPUT', field: 'after', message: 'after: "zzz" is not a cursor this API issued for this connection' },
    ],
    [
      'a cursor with an id past bigint',
      { query: TICKETS, variables: { after: Buffer.from('["2026-01-01T00:00:00.000Z","9999999999999999999"]').toString('base64url') } },
      { status: 200, code: 'BAD_USER_INPUT', field: 'after' },
    ],
    [
      'a cursor whose sort value is not a time',
      { query: TICKETS, variables: { after: Buffer.from('["yesterday","1"]').toString('base64url') } },
      { status: 200, code: 'BAD_USER_INPUT', field: 'after' },
    ],
    ['a malformed id', { query: `{ ticket(id: "garbage") { id } }` }, { status: 200, code: 'BAD_USER_INPUT', field: 'id' }],
    [
      'a variable of the wrong type',
      { query: `query($first: Int) { tickets(first: $first) { edges { cursor } } }`, variables: { first: 'ten' } },
      { status: 400, code: 'BAD_USER_INPUT' },
    ],
    [
      'a missing variable',
      { query: `query($id: ID!) { ticket(id: $id) { id } }`, variables: {} },
      { status: 400, code: 'BAD_USER_INPUT', message: 'Variable "$id" of required type "ID!" was not provided.' },
    ],
    [
      'an unknown enum value in a variable',
      { query: `query($s: [TicketStatus!]) { tickets(filter: { status: $s }) { edges { cursor } } }`, variables: { s: ['NOPE'] } },
      { status: 400, code: 'BAD_USER_INPUT' },
    ],
    [
      'an unknown enum value in the document',
      { query: `{ tickets(filter: { status: [NOPE] }) { edges { cursor } } }` },
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    ],
    [
      'an operationName not in the document',
      { query: `query A { me { role } }`, operationName: 'B' },
      { status: 400, code: 'OPERATION_RESOLUTION_FAILURE', message: 'operationName: the document has no operation named "B"' },
    ],
    [
      'no operationName for a document of two',
      { query: `query A { me { role } } query B { me { role } }` },
      {
        status: 400,
        code: 'OPERATION_RESOLUTION_FAILURE',
        message: 'operationName: the document has several operations; say which one to run',
      },
    ],
    [
      'a string of 20,001 characters',
      { query: TICKETS, variables: { text: '🙏'.repeat(20_001) } },
      {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'text',
        message: 'Variable "$text" at "text" has 20001 characters; at most 20000 are accepted in any text input',
      },
    ],
  ])('%s', async (_name, body, expected) => {
    // Twice: the second request of a document takes the compiled path (graphql-jit), which answered differently.
    for (let attempt = 0; attempt < 2; attempt += 1) expect(firstError(await post(body))).toMatchObject(expected);
  });

  it('answers the two-anonymous-operations document with 400 every time', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await post({ query: `{ me { role } } { me { role } }` });
      expect(firstError(answer)).toMatchObject({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: 'This anonymous operation must be the only defined operation.',
      });
    }
  });

  it('answers a carrier id that does not exist with CARRIER_NOT_FOUND, and writes nothing', async () => {
    const answer = await post({
      query: TRANSFER,
      variables: { input: { ticketId, toParty: 'CARRIER', carrierId: toGlobalId('Carrier', '999999'), reason: 'the carrier should look' } },
    });
    expect(answer.data!.transferTicket).toEqual({
      ticket: null,
      userErrors: [{ code: 'CARRIER_NOT_FOUND', field: 'input.carrierId', message: 'No carrier has this id' }],
    });
    const carrierId = await insertCarrier(app.dataSource);
    const transferred = await post({
      query: TRANSFER,
      variables: {
        input: { ticketId, toParty: 'CARRIER', carrierId: toGlobalId('Carrier', carrierId), reason: 'the carrier should look' },
      },
    });
    expect(transferred.data!.transferTicket).toEqual({ ticket: { ownerParty: 'CARRIER' }, userErrors: [] });
  });

  it("answers another order's number in upsertOrder with ORDER_NUMBER_TAKEN, and repeated shipment ids with INVALID_INPUT", async () => {
    const first = await post({ query: UPSERT, variables: { input: orderInput('oms-1', '503-1111111-2222222') } }, tokens.admin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.upsertOrder!.userErrors).toEqual([]);
    const taken = await post({ query: UPSERT, variables: { input: orderInput('oms-2', '503-1111111-2222222') } }, tokens.admin);
    expect(taken.data!.upsertOrder!).toEqual({
      order: null,
      userErrors: [
        { code: 'ORDER_NUMBER_TAKEN', field: 'input.number', message: 'Another order already has the number 503-1111111-2222222' },
      ],
    });
    // The same order keeps its number on a second upsert.
    expect(
      (await post({ query: UPSERT, variables: { input: orderInput('oms-1', '503-1111111-2222222') } }, tokens.admin)).data!.upsertOrder!
        .userErrors,
    ).toEqual([]);
    const shipment = { externalId: 'shp-1', carrierCode: 'NOPE', trackingNumber: '1', status: 'IN_TRANSIT' };
    const repeated = await post(
      { query: UPSERT, variables: { input: { ...orderInput('oms-3', '503-1111111-3333333'), shipments: [shipment, shipment] } } },
      tokens.admin,
    );
    expect(repeated.data!.upsertOrder!.userErrors).toContainEqual({
      code: 'INVALID_INPUT',
      field: 'input.shipments.1.externalId',
      message: 'each shipment of an order has its own externalId',
    });
  });

  it('counts lengths in characters: 200 emoji make a subject of 200, 201 are refused as 201', async () => {
    const input = (subject: string) => ({ channel: 'CHAT', subject, body: 'The parcel never came', orderId: toGlobalId('Order', orderId) });
    const accepted = await post({ query: OPEN, variables: { input: input('📦'.repeat(200)) } }, tokens.customer);
    expect(accepted.data!.openTicket).toEqual({ ticket: { subject: '📦'.repeat(200) }, userErrors: [] });
    const refused = await post({ query: OPEN, variables: { input: input('📦'.repeat(201)) } }, tokens.customer);
    expect(refused.data!.openTicket!.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: 'input.subject', message: 'The subject has 201 characters; at most 200 are accepted' },
    ]);
  });

  it('answers the same refusals over the WebSocket', async () => {
    const client = createClient({
      url: production.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens.agent}` },
      retryAttempts: 0,
    });
    const overWebSocket = (payload: { query: string; variables?: Record<string, unknown>; operationName?: string }) =>
      new Promise<Array<{ message: string; extensions?: { code?: string; field?: string } }>>((resolve) => {
        let errors: Array<{ message: string; extensions?: { code?: string } }> = [];
        client.subscribe(payload, {
          next: (value) => void (errors = (value.errors ?? []) as typeof errors),
          error: (error) => resolve(error as never),
          complete: () => resolve(errors),
        });
      });
    try {
      expect((await overWebSocket({ query: TICKETS, variables: { text: 'ab\u0000c' } }))[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'text' },
      });
      expect((await overWebSocket({ query: `query A { me { role } }`, operationName: 'B' }))[0]).toEqual({
        message: 'operationName: the document has no operation named "B"',
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      });
      expect((await overWebSocket({ query: `query($id: ID!) { ticket(id: $id) { id } }`, variables: {} }))[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await overWebSocket({ query: TICKETS, variables: { after: 'zzz' } }))[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    } finally {
      await client.dispose();
    }
  });
});
