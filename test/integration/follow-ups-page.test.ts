import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #19, Build 4: Ticket.followUps is a keyset-paginated connection (oldest first, at most 100 a page) in
// the caller's scope, forwards and backwards alike, with as many statements for a page of 2 as for one of 50.

const PAGE_FIELDS = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const FOLLOW_UPS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { node(id: $id) { ... on Ticket {
  followUps(first: $first, after: $after, last: $last, before: $before) { ${PAGE_FIELDS} edges { node { id subject } } } } } }`;

interface Page {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ node: { id: string; subject: string } }>;
}

describe('Ticket.followUps as a connection', () => {
  let app: TestApp;
  let parentId: string;
  let sellerToken: string;
  const visibleToSeller: string[] = [];
  const all: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const customerId = await insertCustomer(app.dataSource);
    const sellerId = await insertSeller(app.dataSource);
    const otherSellerId = await insertSeller(app.dataSource);
    sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
    const other = await insertOrder(app.dataSource, { customerId, sellerId: otherSellerId });
    parentId = await insertTicket(app.dataSource, {
      customerId,
      orderId,
      sellerId,
      status: 'CLOSED',
      createdAt: new Date('2026-11-01T00:00:00Z'),
    });
    for (let index = 0; index < 25; index += 1) {
      // Every fifth follow-up is about another seller's order, which the seller never sees.
      const about = index % 5 === 4 ? { orderId: other.orderId, sellerId: otherSellerId } : { orderId, sellerId };
      const id = await insertTicket(app.dataSource, {
        customerId,
        ...about,
        subject: `フォローアップ ${index}`,
        createdAt: new Date(Date.UTC(2026, 10, 2, 0, index)),
      });
      await app.dataSource.query(`UPDATE tickets SET follow_up_of_ticket_id = $1 WHERE id = $2`, [parentId, id]);
      all.push(toGlobalId('Ticket', id));
      if (index % 5 !== 4) visibleToSeller.push(toGlobalId('Ticket', id));
    }
  });

  afterAll(() => app.close());

  async function page(variables: Record<string, unknown>, token: string): Promise<Page> {
    const response = await app.graphql(FOLLOW_UPS, { id: toGlobalId('Ticket', parentId), ...variables }, token);
    expect(response.errors).toBeUndefined();
    return (response.data!.node as { followUps: Page }).followUps;
  }

  async function forwards(size: number, token: string): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const current: Page = await page({ first: size, after }, token);
      ids.push(...current.edges.map((edge) => edge.node.id));
      if (!current.pageInfo.hasNextPage) return ids;
      after = current.pageInfo.endCursor;
    }
  }

  async function backwards(size: number, token: string): Promise<string[]> {
    const ids: string[] = [];
    let before: string | null = null;
    for (;;) {
      const current: Page = await page({ last: size, before }, token);
      ids.unshift(...current.edges.map((edge) => edge.node.id));
      if (!current.pageInfo.hasPreviousPage) return ids;
      before = current.pageInfo.startCursor;
    }
  }

  it('pages every follow-up oldest first, forwards and backwards alike', async () => {
    const agent = await app.agentToken();
    expect(await forwards(10, agent)).toEqual(all);
    expect(await backwards(7, agent)).toEqual(all);
    expect((await page({}, agent)).edges).toHaveLength(20);
  });

  it('shows a seller only the follow-ups in its scope', async () => {
    expect(await forwards(6, sellerToken)).toEqual(visibleToSeller);
    expect(await backwards(6, sellerToken)).toEqual(visibleToSeller);
  });

  it('issues as many statements for first: 2 as for first: 50 over a page of tickets, and refuses more than 100', async () => {
    const agent = await app.agentToken();
    const query = `query($first: Int) { tickets(first: 30) { edges { node { number followUps(first: $first) { edges { node { number } } } } } } }`;
    const two = await app.graphql(query, { first: 2 }, agent);
    const fifty = await app.graphql(query, { first: 50 }, agent);
    expect(two.errors).toBeUndefined();
    const counts = (response: typeof two) =>
      response.data!.tickets.edges.map((edge: { node: { followUps: { edges: unknown[] } } }) => edge.node.followUps.edges.length);
    expect(Math.max(...counts(fifty))).toBe(25);
    expect(Math.max(...counts(two))).toBe(2);
    expect(two.statementCount).toBe(fifty.statementCount);
    const tooMany = await app.graphql(FOLLOW_UPS, { id: toGlobalId('Ticket', parentId), first: 101 }, agent);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
