import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { openRawWebSocket } from '../support/raw-web-socket';
import { createTestApp, TestApp } from '../support/test-app';

// Invisible and control characters and line breaks through the API (issue #14, hardening; the properties are in
// test/unit/invisible-controls-property.test.ts): refused at the edge with 400 BAD_USER_INPUT naming the field,
// as a variable, as a literal and over the WebSocket, before anything runs; accepted text is stored as sent.

const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { message { id body } userErrors { code } } }`;
const EXPLAIN = `query Explain($input: ExplainRoutingInput!) { explainRouting(input: $input) { category } }`;

describe('invisible and control characters through the API', () => {
  let app: TestApp;
  let ticketId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const sellerId = await insertSeller(app.dataSource);
    const customerId = await insertCustomer(app.dataSource);
    const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
    ticketId = toGlobalId('Ticket', await insertTicket(app.dataSource, { customerId, orderId, sellerId }));
  });

  afterAll(async () => {
    await app.close();
  });

  const messagesStored = async (): Promise<number> => Number((await app.dataSource.query(`SELECT count(*)::int AS n FROM messages`))[0].n);

  it('stores a multi-line body with joiners, right-to-left marks and emoji flags exactly as sent', async () => {
    const body = 'Line one\r\nLine two\n👩‍💻 \u200Fשלום\u200E ok 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}\tend';
    const posted = await app.graphql(POST, { input: { ticketId, body } });
    expect(posted.status).toBe(200);
    expect(posted.data!.postMessage).toMatchObject({ userErrors: [], message: { body } });
  });

  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'U+202E'],
    ['a left-to-right isolate', 'a\u2066b', 'U+2066'],
    ['a zero-width space', 'pay\u200Bpal', 'U+200B'],
    ['a byte order mark', '\uFEFFhello', 'U+FEFF'],
    ['an escape control', 'red \u001B[31m', 'U+001B'],
    ['a C1 control (NEL)', 'a\u0085b', 'U+0085'],
    ['a stray tag character', 'hi\u{E0041}', 'U+E0041'],
  ])('refuses a body holding %s, naming input.body, and stores nothing', async (_name, body, codePoint) => {
    const before = await messagesStored();
    const posted = await app.graphql(POST, { input: { ticketId, body } });
    expect(posted.status).toBe(400);
    expect(posted.errors).toEqual([
      {
        message: expect.stringContaining(`(${codePoint}), which is not accepted in text`),
        extensions: { code: 'BAD_USER_INPUT', field: 'input.body' },
      },
    ]);
    expect(await messagesStored()).toBe(before);
  });

  it('refuses a line break in a single-line field (as a variable, as a literal, and through a variable given for it)', async () => {
    const asVariable = await app.graphql(EXPLAIN, { input: { subject: 'two\nlines', body: 'body' } });
    expect(asVariable.status).toBe(400);
    expect(asVariable.errors![0]).toMatchObject({
      message: expect.stringContaining('line break (U+000A), which is accepted only in multi-line text'),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.subject' },
    });
    const asLiteral = await app.graphql(`{ explainRouting(input: { subject: """two\nlines""", body: "x" }) { category } }`);
    expect(asLiteral.status).toBe(400);
    expect(asLiteral.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subject' });
    // $body is given for `subject`: its name does not make it multi-line.
    const givenFor = await app.graphql(`query($body: String!) { explainRouting(input: { subject: $body, body: "x" }) { category } }`, {
      body: 'two\u2028lines',
    });
    expect(givenFor.status).toBe(400);
    expect(givenFor.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    const search = await app.graphql(`query($t: String) { tickets(first: 1, filter: { text: $t }) { edges { cursor } } }`, { t: 'a\rb' });
    expect(search.status).toBe(400);
    expect(search.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 't' });
  });

  it('accepts a line break in the multi-line fields, as a variable and as a block-string literal', async () => {
    const asVariable = await app.graphql(EXPLAIN, {
      input: { subject: 'one line', body: 'two\nlines', details: { stepsToReproduce: '1. open\n2. tap', recentChanges: 'a\nb' } },
    });
    expect(asVariable.status).toBe(200);
    expect(asVariable.errors).toBeUndefined();
    const asLiteral = await app.graphql(`{ explainRouting(input: { subject: "one line", body: """two\nlines""" }) { category } }`);
    expect(asLiteral.status).toBe(200);
  });

  it('refuses the same over the WebSocket, before anything runs', async () => {
    const socket = await openRawWebSocket(`${app.server.url.replace(/^http/, 'ws')}/graphql`);
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${await app.agentToken()}` } });
    await socket.next('connection_ack');
    const before = await messagesStored();
    socket.send({ id: '1', type: 'subscribe', payload: { query: POST, variables: { input: { ticketId, body: 'x\u202Dy' } } } });
    const refusedBody = await socket.next('error');
    expect(refusedBody).toMatchObject({ id: '1', payload: [{ extensions: { code: 'BAD_USER_INPUT', field: 'input.body' } }] });
    socket.send({ id: '2', type: 'subscribe', payload: { query: EXPLAIN, variables: { input: { subject: 'a\nb', body: 'b' } } } });
    const refusedSubject = await socket.next('error');
    expect(refusedSubject).toMatchObject({ id: '2', payload: [{ extensions: { code: 'BAD_USER_INPUT', field: 'input.subject' } }] });
    socket.send({
      id: '3',
      type: 'subscribe',
      payload: { query: `{ explainRouting(input: { subject: "a\\u2067b", body: "b" }) { category } }` },
    });
    const refusedLiteral = await socket.next('error');
    expect(refusedLiteral).toMatchObject({ id: '3', payload: [{ extensions: { code: 'BAD_USER_INPUT', field: 'input.subject' } }] });
    expect(await messagesStored()).toBe(before);
    socket.webSocket.close();
  });
});
