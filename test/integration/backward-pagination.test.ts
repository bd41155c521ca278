import { PrincipalRole } from '../../src/domain/enums';
import { Principal } from '../../src/auth/principal';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertMessage, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';

// Issue #19, point 4: a client paging backwards (last/before) gets exactly the items of paging forwards
// (first/after), in the same order, for every order, several filters and every kind of caller.

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE_FIELDS = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

const TICKETS = `query Tickets($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) { ${PAGE_FIELDS} } }`;

const MESSAGES = `query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $order: MessageOrder) {
  node(id: $id) { ... on Ticket { messages(first: $first, after: $after, last: $last, before: $before, order: $order) { ${PAGE_FIELDS} } } } }`;

const SELLER_TICKETS = `query SellerTickets($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  node(id: $id) { ... on Seller { tickets(first: $first, after: $after, last: $last, before: $before) { ${PAGE_FIELDS} } } } }`;

type Fetch = (variables: Record<string, unknown>) => Promise<Page>;

async function forwards(fetch: Fetch, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page: Page = await fetch({ first: size, after });
    ids.push(...page.edges.map((edge) => edge.node.id));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

async function backwards(fetch: Fetch, size: number): Promise<string[]> {
  const ids: string[] = [];
  let before: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page: Page = await fetch({ last: size, before });
    expect(page.edges.length).toBeLessThanOrEqual(size);
    ids.unshift(...page.edges.map((edge) => edge.node.id));
    expect(page.pageInfo.hasNextPage).toBe(before !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    if (!page.pageInfo.hasPreviousPage) return ids;
    before = page.pageInfo.startCursor;
  }
  throw new Error('more than 100 pages');
}

describe('Relay pagination backwards (issue #19, point 4)', () => {
  let app: TestApp;
  let sellerId: string;
  let otherSellerId: string;
  let carrierId: string;
  let customerId: string;
  let conversationId: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    app = await createTestApp();
    const { dataSource } = app;
    sellerId = await insertSeller(dataSource, '京都茶舗');
    otherSellerId = await insertSeller(dataSource, '大阪雑貨');
    carrierId = await insertCarrier(dataSource, 'YAMATO');
    customerId = await insertCustomer(dataSource, { name: '佐藤 花子' });
    const otherCustomerId = await insertCustomer(dataSource, { name: '鈴木 一郎' });
    const start = Date.parse('2026-11-01T00:00:00Z');
    const statuses = ['NEW', 'OPEN', 'PENDING'];
    for (let index = 0; index < 47; index += 1) {
      const customer = index % 3 === 0 ? otherCustomerId : customerId;
      const seller = index % 4 === 0 ? otherSellerId : sellerId;
      const { orderId } = await insertOrder(dataSource, { customerId: customer, sellerId: seller, carrierId });
      // Every third pair of tickets shares its creation time: the id breaks the tie, both ways.
      const ticketId = await insertTicket(dataSource, {
        customerId: customer,
        orderId,
        sellerId: seller,
        carrierId: index % 2 === 0 ? carrierId : null,
        status: statuses[index % 3],
        createdAt: new Date(start + Math.floor(index / 2) * 60_000),
      });
      // Updated in another order than created, with ties too.
      await dataSource.query(`UPDATE tickets SET updated_at = $2 WHERE id = $1`, [
        ticketId,
        new Date(start + ((index * 7) % 11) * 3_600_000),
      ]);
      if (index % 5 !== 0)
        await dataSource.query(`INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at) VALUES ($1, $2)`, [
          ticketId,
          new Date(start + ((index * 5) % 9) * 600_000),
        ]);
      if (index === 5) conversationId = ticketId;
    }
    for (let message = 0; message < 23; message += 1) {
      await insertMessage(dataSource, {
        ticketId: conversationId,
        body: `メッセージ ${message}`,
        visibility: message % 4 === 3 ? 'INTERNAL' : 'PUBLIC',
        createdAt: new Date(start + Math.floor(message / 3) * 1000),
      });
    }
    const principals: Record<string, Principal> = {
      agent: { role: PrincipalRole.AGENT, agentId: '1' },
      seller: { role: PrincipalRole.SELLER, sellerId },
      customer: { role: PrincipalRole.CUSTOMER, customerId },
      carrier: { role: PrincipalRole.CARRIER, carrierId },
    };
    for (const [name, principal] of Object.entries(principals)) tokens.set(name, await app.tokenFor(principal));
  });

  afterAll(() => app.close());

  const ask = async <T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    pick: (data: Record<string, unknown>) => T,
  ): Promise<T> => {
    const response: GraphQLResponse = await app.graphql(query, variables, token);
    expect(response.errors).toBeUndefined();
    return pick(response.data!);
  };

  const roles = ['agent', 'seller', 'customer', 'carrier'];
  const orders = ['CREATED_AT_DESC', 'CREATED_AT_ASC', 'UPDATED_AT_DESC', 'UPDATED_AT_ASC', 'NEXT_SLA_DUE'];
  const filters: Array<[string, Record<string, unknown> | null]> = [
    ['no filter', null],
    ['status NEW or PENDING', { status: ['NEW', 'PENDING'] }],
    ['owned by the seller', { ownerParty: ['SELLER'] }],
  ];

  describe.each(roles)('tickets, as the %s', (role) => {
    it.each(orders.flatMap((orderBy) => filters.map(([name, filter]) => [orderBy, name, filter] as const)))(
      'ordered %s, %s: the same tickets backwards as forwards',
      async (orderBy, _name, filter) => {
        const token = tokens.get(role)!;
        const fetch: Fetch = (page) => ask(TICKETS, { ...page, filter, orderBy }, token, (data) => data.tickets as Page);
        const all = await forwards(fetch, 100);
        expect(await forwards(fetch, 6)).toEqual(all);
        expect(await backwards(fetch, 6)).toEqual(all);
        expect(await backwards(fetch, 100)).toEqual(all);
      },
    );
  });

  it('gives every caller something to page through (the cases above are not empty)', async () => {
    for (const role of roles) {
      const page = await ask(TICKETS, { first: 100 }, tokens.get(role)!, (data) => data.tickets as Page);
      expect(page.edges.length).toBeGreaterThan(6);
    }
  });

  it.each([
    ['agent', 'OLDEST_FIRST', 23],
    ['agent', 'NEWEST_FIRST', 23],
    ['customer', 'OLDEST_FIRST', 18],
    ['customer', 'NEWEST_FIRST', 18],
    ['seller', 'NEWEST_FIRST', 18],
  ])("a ticket's messages, as the %s, %s: the same messages backwards as forwards", async (role, order, visible) => {
    const id = toGlobalId('Ticket', conversationId);
    const fetch: Fetch = (page) =>
      ask(MESSAGES, { ...page, id, order }, tokens.get(role)!, (data) => (data.node as { messages: Page }).messages);
    const all = await forwards(fetch, 100);
    expect(all).toHaveLength(visible);
    expect(await forwards(fetch, 4)).toEqual(all);
    expect(await backwards(fetch, 4)).toEqual(all);
    expect(await backwards(fetch, 5)).toEqual(all);
  });

  it("pages a seller's tickets backwards as forwards", async () => {
    const id = toGlobalId('Seller', sellerId);
    const fetch: Fetch = (page) =>
      ask(SELLER_TICKETS, { ...page, id }, tokens.get('agent')!, (data) => (data.node as { tickets: Page }).tickets);
    const all = await forwards(fetch, 100);
    expect(all.length).toBeGreaterThan(20);
    expect(await backwards(fetch, 7)).toEqual(all);
  });

  it('issues as many statements for last: 5 as for last: 50, and refuses more than 100', async () => {
    const token = tokens.get('seller')!;
    const query = `query($last: Int, $before: String) { tickets(last: $last, before: $before) { ${PAGE_FIELDS} edges { node { number customer { name } messages(last: 2) { edges { node { body } } } } } } }`;
    const five = await app.graphql(query, { last: 5 }, token);
    const fifty = await app.graphql(query, { last: 50 }, token);
    expect(five.errors).toBeUndefined();
    expect(fifty.data!.tickets.edges.length).toBeGreaterThan(5);
    expect(five.statementCount).toBe(fifty.statementCount);
    const tooMany = await app.graphql(query, { last: 101 }, token);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses paging both ways at once, and a cursor of another kind, as the client's mistakes", async () => {
    const token = tokens.get('agent')!;
    const both = await app.graphql(`{ tickets(first: 2, last: 2) { edges { node { id } } } }`, {}, token);
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const mixed = await app.graphql(`query($c: String) { tickets(after: $c, last: 2) { edges { node { id } } } }`, { c: 'x' }, token);
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const garbage = await app.graphql(`{ tickets(last: 2, before: "not-a-cursor") { edges { node { id } } } }`, {}, token);
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
