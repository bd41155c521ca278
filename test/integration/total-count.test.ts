import { DataSource } from 'typeorm';
import { PrincipalRole } from '../../src/domain/enums';
import { Principal } from '../../src/auth/principal';
import { toGlobalId } from '../../src/domain/global-id';
import { TOTAL_COUNT_BOUND } from '../../src/rules/pagination.rule';
import { insertCarrier, insertCustomer, insertMessage, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';

// Issue #19, point 4: `totalCount` of the ticket and message connections counts the very list the pages are read
// from (the caller's scope, the filter, what the order requires), bounded at TOTAL_COUNT_BOUND, in one more
// statement only when it is asked for.

interface CountedPage {
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  totalCountIsLowerBound: boolean;
}

const COUNTED_FIELDS = 'edges { node { id } } pageInfo { hasNextPage endCursor } totalCount totalCountIsLowerBound';

const TICKETS = `query Tickets($first: Int, $after: String, $last: Int, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, filter: $filter, orderBy: $orderBy) { ${COUNTED_FIELDS} } }`;

const MESSAGES = `query Messages($id: ID!, $first: Int, $after: String, $order: MessageOrder) {
  node(id: $id) { ... on Ticket { messages(first: $first, after: $after, order: $order) { ${COUNTED_FIELDS} } } } }`;

/** `count` tickets of one seller and customer in one statement (the bound is too many for the fixtures one by one). */
async function insertManyTickets(dataSource: DataSource, fields: { customerId: string; sellerId: string; count: number }): Promise<void> {
  await dataSource.query(
    `INSERT INTO tickets (subject, category, channel, language, priority, status, owner_party, customer_id, seller_id, involved_carrier_ids,
       routing_rule_id, routing_rule_version, routing_reason, routed_at, created_by, created_at, updated_at)
     SELECT 'bulk', 'ITEM_NOT_RECEIVED', 'CHAT', 'ja', 'NORMAL', 'OPEN', 'SELLER', $1, $2, '{}',
       'fixture', 1, 'Inserted by a test fixture', now(), 'TEST:1', now() - g * interval '1 second', now()
     FROM generate_series(1, $3::int) g`,
    [fields.customerId, fields.sellerId, fields.count],
  );
}

describe('bounded totalCount of ticket and message connections (issue #19, point 4)', () => {
  let app: TestApp;
  let sellerId: string;
  let otherSellerId: string;
  let conversationId: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    // A count costs a page of 100 objects (docs/security.md): pages of 100 tickets with two counts each exceed the default budget.
    app = await createTestApp({ environment: { RATE_LIMIT_POINTS_PER_MINUTE: '100000000' } });
    const { dataSource } = app;
    sellerId = await insertSeller(dataSource, '京都茶舗');
    otherSellerId = await insertSeller(dataSource, '大阪雑貨');
    const carrierId = await insertCarrier(dataSource, 'YAMATO');
    const customerId = await insertCustomer(dataSource, { name: '佐藤 花子' });
    const otherCustomerId = await insertCustomer(dataSource, { name: '鈴木 一郎' });
    const start = Date.parse('2026-11-01T00:00:00Z');
    const statuses = ['NEW', 'OPEN', 'PENDING'];
    for (let index = 0; index < 31; index += 1) {
      const customer = index % 3 === 0 ? otherCustomerId : customerId;
      const seller = index % 4 === 0 ? otherSellerId : sellerId;
      const { orderId } = await insertOrder(dataSource, { customerId: customer, sellerId: seller, carrierId });
      const ticketId = await insertTicket(dataSource, {
        customerId: customer,
        orderId,
        sellerId: seller,
        carrierId: index % 2 === 0 ? carrierId : null,
        status: statuses[index % 3],
        createdAt: new Date(start + index * 60_000),
      });
      // NEXT_SLA_DUE lists only tickets with a deadline: its count must leave the others out too.
      if (index % 5 !== 0)
        await dataSource.query(`INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at) VALUES ($1, $2)`, [
          ticketId,
          new Date(start + ((index * 5) % 9) * 600_000),
        ]);
      // Every ticket gets index % 4 messages, every third of them INTERNAL.
      for (let message = 0; message < (index === 5 ? 0 : index % 4); message += 1)
        await insertMessage(dataSource, {
          ticketId,
          body: `メッセージ ${message}`,
          visibility: message === 2 ? 'INTERNAL' : 'PUBLIC',
          createdAt: new Date(start + index * 60_000 + message * 1000),
        });
      if (index === 5) conversationId = ticketId;
    }
    for (let message = 0; message < 23; message += 1)
      await insertMessage(dataSource, {
        ticketId: conversationId,
        body: `会話 ${message}`,
        visibility: message % 4 === 3 ? 'INTERNAL' : 'PUBLIC',
        createdAt: new Date(start + 3_600_000 + message * 1000),
      });
    const principals: Record<string, Principal> = {
      agent: { role: PrincipalRole.AGENT, agentId: '1' },
      seller: { role: PrincipalRole.SELLER, sellerId },
      customer: { role: PrincipalRole.CUSTOMER, customerId },
      carrier: { role: PrincipalRole.CARRIER, carrierId },
    };
    for (const [name, principal] of Object.entries(principals)) tokens.set(name, await app.tokenFor(principal));
  });

  afterAll(() => app.close());

  const ask = async (query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse> => {
    const response = await app.graphql(query, variables, token);
    expect(response.errors).toBeUndefined();
    return response;
  };

  /** Every id of the list, paging forwards by `size`, and the totalCount each page gave. */
  async function everyPage(fetch: (page: Record<string, unknown>) => Promise<CountedPage>, size: number) {
    const ids: string[] = [];
    const counts: Array<[number, boolean]> = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page: CountedPage = await fetch({ first: size, after });
      ids.push(...page.edges.map((edge) => edge.node.id));
      counts.push([page.totalCount, page.totalCountIsLowerBound]);
      if (!page.pageInfo.hasNextPage) return { ids, counts };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  }

  const roles = ['agent', 'seller', 'customer', 'carrier'];
  const orders = ['CREATED_AT_DESC', 'UPDATED_AT_ASC', 'NEXT_SLA_DUE'];
  const filters: Array<[string, Record<string, unknown> | null]> = [
    ['no filter', null],
    ['status NEW or PENDING', { status: ['NEW', 'PENDING'] }],
    ['owned by the seller', { ownerParty: ['SELLER'] }],
    ['created in the first ten minutes', { createdBefore: '2026-11-01T00:10:00Z' }],
  ];

  it.each(roles.flatMap((role) => orders.flatMap((orderBy) => filters.map(([name, filter]) => [role, orderBy, name, filter] as const))))(
    'tickets as the %s, ordered %s, %s: totalCount is the number of tickets its pages list, on every page',
    async (role, orderBy, _name, filter) => {
      const token = tokens.get(role)!;
      const fetch = async (page: Record<string, unknown>) =>
        (await ask(TICKETS, { ...page, filter, orderBy }, token)).data!.tickets as CountedPage;
      const { ids, counts } = await everyPage(fetch, 4);
      expect(counts.length).toBeGreaterThan(0);
      for (const count of counts) expect(count).toEqual([ids.length, false]);
      const last = await fetch({ last: 2 });
      expect([last.totalCount, last.totalCountIsLowerBound]).toEqual([ids.length, false]);
    },
  );

  it('counts only what the scope allows: a seller never counts another seller’s tickets', async () => {
    const everything = (await ask(TICKETS, { first: 0 }, tokens.get('agent')!)).data!.tickets as CountedPage;
    const seller = (await ask(TICKETS, { first: 0 }, tokens.get('seller')!)).data!.tickets as CountedPage;
    const ofOtherSeller = (
      await ask(TICKETS, { first: 0, filter: { sellerId: toGlobalId('Seller', otherSellerId) } }, tokens.get('seller')!)
    ).data!.tickets as CountedPage;
    expect(everything.totalCount).toBe(31);
    // index % 4 === 0 belong to the other seller: 8 of 31.
    expect(seller.totalCount).toBe(23);
    expect(ofOtherSeller.totalCount).toBe(0);
    const nested = await ask(
      `query($id: ID!) { seller(id: $id) { tickets(first: 1) { totalCount totalCountIsLowerBound } } }`,
      { id: toGlobalId('Seller', otherSellerId) },
      tokens.get('agent')!,
    );
    expect(nested.data!.seller.tickets).toEqual({ totalCount: 8, totalCountIsLowerBound: false });
  });

  it.each([
    ['agent', 23],
    ['customer', 18],
    ['seller', 18],
  ])("a ticket's messages as the %s: totalCount is the number its pages list (INTERNAL notes for staff only)", async (role, visible) => {
    const id = toGlobalId('Ticket', conversationId);
    for (const order of ['OLDEST_FIRST', 'NEWEST_FIRST']) {
      const fetch = async (page: Record<string, unknown>) =>
        ((await ask(MESSAGES, { ...page, id, order }, tokens.get(role)!)).data!.node as { messages: CountedPage }).messages;
      const { ids, counts } = await everyPage(fetch, 5);
      expect(ids).toHaveLength(visible);
      for (const count of counts) expect(count).toEqual([visible, false]);
    }
  });

  it("counts the messages of every ticket of a page, prefetched or not, as each ticket's own list", async () => {
    for (const role of roles) {
      const token = tokens.get(role)!;
      // messages(first: 2) is fetched ahead with the page (src/loaders/ticket-graph.loader.ts); first: 100 pages later.
      const response = await ask(
        `{ tickets(first: 100) { edges { node { id
            ahead: messages(first: 2) { totalCount totalCountIsLowerBound }
            all: messages(first: 100) { edges { node { id } } totalCount } } } } }`,
        {},
        token,
      );
      const nodes = (response.data!.tickets as { edges: Array<{ node: Record<string, CountedPage> }> }).edges.map((edge) => edge.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        expect(node.ahead.totalCount).toBe(node.all.edges.length);
        expect(node.all.totalCount).toBe(node.all.edges.length);
        expect(node.ahead.totalCountIsLowerBound).toBe(false);
      }
    }
  });

  it('adds exactly one statement for totalCount, whatever the page size, and none when it is not asked for', async () => {
    const token = tokens.get('seller')!;
    const page = (fields: string) => `query($first: Int) { tickets(first: $first) { edges { node { id subject } } ${fields} } }`;
    const without5 = await ask(page(''), { first: 5 }, token);
    const without50 = await ask(page(''), { first: 50 }, token);
    const with5 = await ask(page('totalCount'), { first: 5 }, token);
    const with50 = await ask(page('totalCount totalCountIsLowerBound'), { first: 50 }, token);
    expect(without5.statementCount).toBeGreaterThan(0);
    expect(without50.statementCount).toBe(without5.statementCount);
    expect(with5.statementCount).toBe(without5.statementCount + 1);
    expect(with50.statementCount).toBe(with5.statementCount);

    const nested = (fields: string) =>
      `query($first: Int) { tickets(first: $first) { edges { node { id messages(first: 3) { edges { node { body } } ${fields} } } } } }`;
    const nestedWithout5 = await ask(nested(''), { first: 5 }, token);
    const nestedWith5 = await ask(nested('totalCount'), { first: 5 }, token);
    const nestedWith50 = await ask(nested('totalCount totalCountIsLowerBound'), { first: 50 }, token);
    expect((nestedWith50.data!.tickets as { edges: unknown[] }).edges.length).toBeGreaterThan(5);
    expect(nestedWith5.statementCount).toBe(nestedWithout5.statementCount + 1);
    expect(nestedWith50.statementCount).toBe(nestedWith5.statementCount);
  });
});

describe('totalCount beyond its bound (issue #19, point 4)', () => {
  let app: TestApp;
  let sellerId: string;
  let customerId: string;
  let sellerToken: string;

  beforeAll(async () => {
    app = await createTestApp();
    sellerId = await insertSeller(app.dataSource, '大量商店');
    customerId = await insertCustomer(app.dataSource, { name: '高橋 次郎' });
    sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
  });

  afterAll(() => app.close());

  const counted = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await app.graphql(query, variables, token);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  it(`is exact at ${TOTAL_COUNT_BOUND} tickets and a lower bound of ${TOTAL_COUNT_BOUND} beyond`, async () => {
    const query = `{ tickets(first: 1) { totalCount totalCountIsLowerBound } }`;
    await insertManyTickets(app.dataSource, { customerId, sellerId, count: TOTAL_COUNT_BOUND - 1 });
    expect((await counted(query, {}, sellerToken)).tickets).toEqual({ totalCount: TOTAL_COUNT_BOUND - 1, totalCountIsLowerBound: false });
    await insertManyTickets(app.dataSource, { customerId, sellerId, count: 1 });
    expect((await counted(query, {}, sellerToken)).tickets).toEqual({ totalCount: TOTAL_COUNT_BOUND, totalCountIsLowerBound: false });
    await insertManyTickets(app.dataSource, { customerId, sellerId, count: 1 });
    expect((await counted(query, {}, sellerToken)).tickets).toEqual({ totalCount: TOTAL_COUNT_BOUND, totalCountIsLowerBound: true });
    // Another seller counts none of them; a filter that leaves few is exact again.
    const otherSellerId = await insertSeller(app.dataSource, '別の店');
    const other = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: otherSellerId });
    expect((await counted(query, {}, other)).tickets).toEqual({ totalCount: 0, totalCountIsLowerBound: false });
    const filtered = await counted(
      `{ tickets(first: 1, filter: { status: [NEW] }) { totalCount totalCountIsLowerBound } }`,
      {},
      sellerToken,
    );
    expect(filtered.tickets).toEqual({ totalCount: 0, totalCountIsLowerBound: false });
  });

  it(`counts a ticket's messages up to ${TOTAL_COUNT_BOUND} as well`, async () => {
    const ticketId = await insertTicket(app.dataSource, { customerId, sellerId });
    await app.dataSource.query(
      `INSERT INTO messages (ticket_id, author_role, body, visibility, created_at)
       SELECT $1, 'CUSTOMER', 'bulk ' || g, 'PUBLIC', now() - g * interval '1 second' FROM generate_series(1, $2::int) g`,
      [ticketId, TOTAL_COUNT_BOUND + 1],
    );
    const data = await counted(
      `query($id: ID!) { node(id: $id) { ... on Ticket { messages(first: 1) { totalCount totalCountIsLowerBound } } } }`,
      { id: toGlobalId('Ticket', ticketId) },
      sellerToken,
    );
    expect(data.node.messages).toEqual({ totalCount: TOTAL_COUNT_BOUND, totalCountIsLowerBound: true });
  });
});
