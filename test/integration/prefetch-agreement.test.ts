import pino from 'pino';
import { Principal } from '../../src/auth/principal';
import { seedDemoDataIfEmpty } from '../../src/demo/seed-demo-data';
import { PrincipalRole } from '../../src/domain/enums';
import { createTestApp, TestApp } from '../support/test-app';

// Ticket lists and ticket(id) fetch the records around their tickets ahead, in one statement, with only the
// columns the query reads (src/loaders/ticket-graph.loader.ts). On the demo data (every owner, status, SLA state,
// INTERNAL notes, escalations), every principal must get from them exactly what node(id) answers through the
// loaders, record by record.

const FIELDS = `id number subject status priority category channel language ownerParty createdAt updatedAt version missingDetails isEscalated escalatedAt
  resolution satisfactionScore firstRespondedAt solvedAt reopenedCount lastCustomerMessageAt
  routing { owner rule ruleVersion reason decidedAt }
  customer { id name email phone tier }
  order { id number status placedAt fulfillment paymentMethod total { amount currency } deliveryAddress { recipient region }
    customer { name } soldBy { name } items { sku unitPrice { amount } } shipments { id trackingNumber status deliveryMethod trackingUrl carrier { id code name } } }
  seller { id name contactEmail } carrier { id code } shipment { trackingNumber status }
  messages(first: 5, order: NEWEST_FIRST) { edges { cursor node { id body authorRole visibility createdAt } } pageInfo { hasNextPage endCursor } }
  oldest: messages(first: 2) { edges { node { id body } } }
  events(first: 4) { edges { cursor node { id sequence type ticketId actorRole payload createdAt } } pageInfo { hasNextPage endCursor } }
  sla { nextDueAt escalatesAt clocks { metric owner state startedAt dueAt warnAt pausedAt metAt breachedAt targetMinutes remainingBusinessMinutes usedBusinessMinutes policy { id name version } calendar { id name } } }
  followUpOf { number } followUps(first: 5) { edges { cursor node { number } } pageInfo { hasNextPage endCursor } }`;

describe('tickets fetched ahead agree with tickets loaded one by one', () => {
  let app: TestApp;
  const principals: Array<[string, Principal]> = [];

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-25T12:00:00+09:00' });
    await seedDemoDataIfEmpty(
      app.dataSource,
      app.server.services,
      pino({ level: 'silent' }),
      app.config.authSecret,
      new Date('2026-11-25T12:00:00+09:00'),
    );
    principals.push(['agent', { role: PrincipalRole.AGENT, agentId: '1' }]);
    for (const { id } of await app.dataSource.query(`SELECT id FROM sellers ORDER BY id LIMIT 3`))
      principals.push([`seller ${id}`, { role: PrincipalRole.SELLER, sellerId: String(id) }]);
    for (const { id } of await app.dataSource.query(`SELECT id FROM carriers ORDER BY id LIMIT 2`))
      principals.push([`carrier ${id}`, { role: PrincipalRole.CARRIER, carrierId: String(id) }]);
    for (const { id } of await app.dataSource.query(
      `SELECT customer_id AS id FROM tickets GROUP BY customer_id ORDER BY count(*) DESC LIMIT 2`,
    )) {
      principals.push([`customer ${id}`, { role: PrincipalRole.CUSTOMER, customerId: String(id) }]);
    }
  });
  afterAll(() => app.close());

  it('for every principal kind, on every demo ticket it may see', async () => {
    let compared = 0;
    for (const [name, principal] of principals) {
      const token = await app.tokenFor(principal);
      const page = await app.graphql(`{ tickets(first: 100) { edges { node { ${FIELDS} } } } }`, {}, token);
      expect({ name, errors: page.errors }).toEqual({ name, errors: undefined });
      for (const { node } of page.data!.tickets.edges) {
        const single = await app.graphql(`query($id: ID!) { node(id: $id) { ... on Ticket { ${FIELDS} } } }`, { id: node.id }, token);
        const byId = await app.graphql(`query($id: ID!) { ticket(id: $id) { ${FIELDS} } }`, { id: node.id }, token);
        expect({ name, ticket: node.number, answer: single.data!.node }).toEqual({ name, ticket: node.number, answer: node });
        expect({ name, ticket: node.number, answer: byId.data!.ticket }).toEqual({ name, ticket: node.number, answer: node });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });
});
