import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #19, point 4: nodes(ids) — in place, bounded to 100 ids, one statement per type. Who may fetch what is
// the tenant-isolation matrix's (test/integration/tenant-isolation.test.ts).

describe('nodes(ids)', () => {
  let app: TestApp;
  const ticketIds: string[] = [];
  const sellerIds: string[] = [];
  let customerId: string;

  beforeAll(async () => {
    app = await createTestApp();
    customerId = await insertCustomer(app.dataSource);
    for (let index = 0; index < 30; index += 1) {
      const sellerId = await insertSeller(app.dataSource);
      sellerIds.push(sellerId);
      const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
      ticketIds.push(await insertTicket(app.dataSource, { customerId, orderId, sellerId, subject: `件名 ${index}` }));
    }
  });

  afterAll(() => app.close());

  const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Ticket { subject } ... on Seller { name } } }`;

  it('answers each id in its place, of any types, with null for the unknown and the malformed', async () => {
    const ids = [
      toGlobalId('Ticket', ticketIds[3]),
      'garbage',
      toGlobalId('Seller', sellerIds[0]),
      toGlobalId('Ticket', '987654321'),
      toGlobalId('Ticket', ticketIds[0]),
    ];
    const response = await app.graphql(QUERY, { ids }, await app.agentToken());
    expect(response.errors).toBeUndefined();
    expect(response.data!.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([ids[0], null, ids[2], null, ids[4]]);
    expect(response.data!.nodes[0]).toMatchObject({ __typename: 'Ticket', subject: '件名 3' });
  });

  it('issues one statement per type asked for, whatever the number of ids', async () => {
    const token = await app.agentToken();
    const few = [toGlobalId('Ticket', ticketIds[0]), toGlobalId('Seller', sellerIds[0])];
    const many = [...ticketIds.map((id) => toGlobalId('Ticket', id)), ...sellerIds.map((id) => toGlobalId('Seller', id))];
    const [small, large] = [await app.graphql(QUERY, { ids: few }, token), await app.graphql(QUERY, { ids: many }, token)];
    expect(large.data!.nodes.filter((node: unknown) => node !== null)).toHaveLength(60);
    expect(small.statementCount).toBe(2);
    expect(large.statementCount).toBe(small.statementCount);
  });

  it('shows a customer only its own records, and refuses more than 100 ids', async () => {
    const otherCustomerId = await insertCustomer(app.dataSource);
    const stranger = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: otherCustomerId });
    const response = await app.graphql(QUERY, { ids: [toGlobalId('Ticket', ticketIds[0])] }, stranger);
    expect(response.data!.nodes).toEqual([null]);
    const tooMany = await app.graphql(
      QUERY,
      { ids: Array.from({ length: 101 }, () => toGlobalId('Ticket', ticketIds[0])) },
      await app.agentToken(),
    );
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
