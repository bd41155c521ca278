import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertMessage, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';

const TICKET_PAGE = `
  query Page($first: Int, $after: String, $filter: TicketFilter) {
    tickets(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id number subject status ownerParty
          customer { id name email }
          order { id number items { title } shipments { trackingNumber carrier { code } } }
          seller { id name }
          carrier { id code }
          messages(first: 3, order: NEWEST_FIRST) { edges { node { id body authorRole } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

describe('read API', () => {
  let app: TestApp;
  let sellerId: string;
  let carrierId: string;
  let customerId: string;
  const ticketIds: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const { dataSource } = app;
    sellerId = await insertSeller(dataSource, '京都茶舗');
    carrierId = await insertCarrier(dataSource, 'YAMATO');
    customerId = await insertCustomer(dataSource, { name: '佐藤 花子' });
    const start = Date.parse('2026-11-01T00:00:00Z');
    for (let index = 0; index < 60; index += 1) {
      const { orderId } = await insertOrder(dataSource, { customerId, sellerId, carrierId });
      const ticketId = await insertTicket(dataSource, {
        customerId,
        orderId,
        sellerId,
        carrierId: index % 2 === 0 ? carrierId : null,
        subject: `問い合わせ ${index}`,
        createdAt: new Date(start + index * 60_000),
      });
      ticketIds.push(ticketId);
      for (let message = 0; message < 4; message += 1) {
        await insertMessage(dataSource, {
          ticketId,
          body: `メッセージ ${message}`,
          createdAt: new Date(start + index * 60_000 + message * 1000),
        });
      }
    }
    await insertMessage(dataSource, { ticketId: ticketIds[7], body: '置き配指定はしていません。玄関前にもありませんでした。' });
  });

  afterAll(() => app.close());

  it('pages through all tickets newest first with a stable keyset cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await app.graphql(TICKET_PAGE, { first: 25, after });
      expect(response.errors).toBeUndefined();
      const connection: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        response.data!.tickets;
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ticketIds].reverse().map((id) => toGlobalId('Ticket', id)));
  });

  it('issues the same number of SQL statements for 5 tickets as for 50, with every relation loaded', async () => {
    const five = await app.graphql(TICKET_PAGE, { first: 5 });
    const fifty = await app.graphql(TICKET_PAGE, { first: 50 });
    expect(five.errors).toBeUndefined();
    expect(fifty.data!.tickets.edges).toHaveLength(50);
    expect(fifty.data!.tickets.edges[0].node.messages.edges).toHaveLength(3);
    expect(fifty.data!.tickets.edges[0].node.order.items[0].title).toBe('宇治抹茶 100g');
    // The page with its customers, orders and their shipments with their carriers, sellers, carriers and messages;
    // then the orders' items, which are not fetched ahead.
    expect(five.statementCount).toBe(2);
    expect(fifty.statementCount).toBe(five.statementCount);
  });

  const TICKET_FIELDS = `id number subject status priority category channel language ownerParty createdAt updatedAt version missingDetails isEscalated
    routing { owner rule ruleVersion reason decidedAt }
    customer { id name email phone tier preferredLanguage createdAt }
    order { id number status placedAt promisedDeliveryAt fulfillment paymentMethod total { amount currency } deliveryAddress { recipient }
      customer { name } soldBy { name } items { sku } shipments { id trackingNumber status trackingUrl carrier { id code name } } }
    seller { id name } carrier { code } shipment { trackingNumber carrier { code } }
    messages(first: 3, order: NEWEST_FIRST) { edges { cursor node { id body authorRole visibility createdAt attachments { name } } } pageInfo { hasNextPage endCursor } }
    newest: messages(first: 3, order: NEWEST_FIRST) { edges { node { id authorRole } } }
    oldest: messages(first: 2) { edges { node { id } } }
    events(first: 2) { edges { node { id sequence type ticketId payload } } pageInfo { hasNextPage } }
    sla { nextDueAt escalatesAt clocks { metric owner state dueAt remainingBusinessMinutes policy { id } } }`;

  it.each([
    ['a seller', () => ({ role: PrincipalRole.SELLER, sellerId }) as const],
    ['an agent', () => ({ role: PrincipalRole.AGENT, agentId: '1' }) as const],
  ])(
    'reads a page of tickets with everything around them in one statement, exactly as the loaders would, for %s',
    async (_caller, principal) => {
      const inbox = `query Inbox($first: Int) { tickets(first: $first) { edges { node { ${TICKET_FIELDS} } } } }`;
      const token = await app.tokenFor(principal());
      await app.graphql(inbox, { first: 1 }, token); // loads the SLA catalog, which each process keeps for a minute
      const five = await app.graphql(inbox, { first: 5 }, token);
      const fifty = await app.graphql(inbox, { first: 50 }, token);
      expect(five.errors).toBeUndefined();
      expect(fifty.data!.tickets.edges).toHaveLength(50);
      // The page with everything around it; then the orders' items, the orders' customers and sellers, the second
      // page size of messages: what is not fetched ahead, one statement each whatever the page size.
      expect(five.statementCount).toBe(fifty.statementCount);
      // The same tickets one by one through node(id), whose relations every loader reads on its own.
      const nodes = `query($id: ID!) { node(id: $id) { ... on Ticket { ${TICKET_FIELDS} } } }`;
      for (const edge of fifty.data!.tickets.edges.slice(0, 12)) {
        const single = await app.graphql(nodes, { id: edge.node.id }, token);
        expect(single.errors).toBeUndefined();
        expect(single.data!.node).toEqual(edge.node);
      }
    },
  );

  it('reads a seller inbox in one statement', async () => {
    const inbox = `query Inbox($first: Int) { tickets(first: $first) { edges { node { id number subject status priority category ownerParty createdAt updatedAt
      customer { id name email } order { id number status placedAt }
      messages(first: 3, order: NEWEST_FIRST) { edges { node { id authorRole body createdAt } } } sla { nextDueAt clocks { metric state dueAt } } } }
      pageInfo { hasNextPage endCursor } } }`;
    const token = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    await app.graphql(inbox, { first: 1 }, token);
    const [five, fifty] = [await app.graphql(inbox, { first: 5 }, token), await app.graphql(inbox, { first: 50 }, token)];
    expect([five.statementCount, fifty.statementCount]).toEqual([1, 1]);
  });

  it('refuses first: 101 with BAD_USER_INPUT', async () => {
    const response = await app.graphql(TICKET_PAGE, { first: 101 });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/first must be between 0 and 100/);
  });

  it('answers a malformed id with BAD_USER_INPUT and an unknown one with null', async () => {
    const malformed = await app.graphql(`{ ticket(id: "not-an-id!") { id } }`);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wrongType = await app.graphql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: toGlobalId('Order', '1') });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await app.graphql(`query($id: ID!) { ticket(id: $id) { id } node(id: $id) { id } }`, {
      id: toGlobalId('Ticket', '999999'),
    });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ ticket: null, node: null });
  });

  it('finds a ticket by a Japanese word that stands only in a message body', async () => {
    const response = await app.graphql(TICKET_PAGE, { filter: { text: '置き配' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      toGlobalId('Ticket', ticketIds[7]),
    ]);
  });

  it('filters by seller, carrier, status, owner and created range', async () => {
    const query = `query($filter: TicketFilter) { tickets(first: 100, filter: $filter) { edges { node { id } } } }`;
    const count = async (filter: Record<string, unknown>) => (await app.graphql(query, { filter })).data!.tickets.edges.length;
    expect(await count({ sellerId: toGlobalId('Seller', sellerId) })).toBe(60);
    expect(await count({ carrierId: toGlobalId('Carrier', carrierId) })).toBe(30);
    expect(await count({ ownerParty: ['CARRIER'] })).toBe(30);
    expect(await count({ status: ['SOLVED'] })).toBe(0);
    expect(await count({ createdAfter: '2026-11-01T00:10:00Z', createdBefore: '2026-11-01T00:20:00Z' })).toBe(10);
  });

  it('resolves nested connections of orders, sellers and carriers, and node() for every type', async () => {
    const response = await app.graphql(
      `query($seller: ID!, $carrier: ID!) {
        seller(id: $seller) { name tickets(first: 2) { edges { node { number } } pageInfo { hasNextPage } } }
        carrier(id: $carrier) { code tickets(first: 100) { edges { node { number } } } }
        orders(first: 1) { edges { node { id number tickets { edges { node { subject } } } returns { status } } } }
        sellers { edges { node { name } } }
        carriers { edges { node { code } } }
      }`,
      { seller: toGlobalId('Seller', sellerId), carrier: toGlobalId('Carrier', carrierId) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.seller.tickets.edges).toHaveLength(2);
    expect(response.data!.seller.tickets.pageInfo.hasNextPage).toBe(true);
    expect(response.data!.carrier.tickets.edges).toHaveLength(30);
    expect(response.data!.orders.edges[0].node.tickets.edges).toHaveLength(1);
    const orderId = response.data!.orders.edges[0].node.id;
    const node = await app.graphql(`query($id: ID!) { node(id: $id) { __typename ... on Order { number } } }`, { id: orderId });
    expect(node.data!.node).toEqual({ __typename: 'Order', number: response.data!.orders.edges[0].node.number });
  });

  it('refuses a request without a token and keeps health endpoints open', async () => {
    const response = await app.graphql(`{ tickets { edges { cursor } } }`, {}, null);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const health = await fetch(`${app.server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.server.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("answers with the caller's request id when it is well-formed, and with a new one otherwise", async () => {
    const post = (requestId?: string) =>
      fetch(app.server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(requestId === undefined ? {} : { 'x-request-id': requestId }) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await post('portal-7f3a_01')).headers.get('x-request-id')).toBe('portal-7f3a_01');
    for (const malformed of [undefined, 'x'.repeat(65), 'a b', '<script>']) {
      const issued = (await post(malformed)).headers.get('x-request-id');
      expect(issued).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('shows a seller only its own tickets, with the customer masked', async () => {
    const otherSeller = await insertSeller(app.dataSource, 'Other Shop');
    const token = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: otherSeller });
    const response = await app.graphql(TICKET_PAGE, { first: 10 }, token);
    expect(response.data!.tickets.edges).toHaveLength(0);
    const own = await app.graphql(TICKET_PAGE, { first: 1 }, await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }));
    expect(own.data!.tickets.edges[0].node.customer.email).toMatch(/@relay\.marketplace\.example$/);
  });
});
