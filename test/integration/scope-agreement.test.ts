import { Principal, systemPrincipal } from '../../src/auth/principal';
import {
  eventVisibilitySql,
  isEventVisible,
  isTicketInScope,
  ticketScopeSql,
  webhookEndpointScopeSql,
  webhookEventVisibilitySql,
} from '../../src/auth/scope';
import { SqlParameters } from '../../src/db/sql-parameters';
import { PrincipalRole } from '../../src/domain/enums';
import { insertCarrier, insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The subscription fan-out checks scope in memory (isTicketInScope, isEventVisible), the feed and every other
// read in SQL (ticketScopeSql, eventVisibilitySql), webhooks in SQL per endpoint (webhookEndpointScopeSql). They
// must agree for every principal kind on every kind of ticket; a difference would be a leak or a loss.

describe('scope in SQL and in memory agree', () => {
  let app: TestApp;
  const principals: Principal[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const { dataSource } = app;
    const sellers = [await insertSeller(dataSource), await insertSeller(dataSource)];
    const carriers = [await insertCarrier(dataSource), await insertCarrier(dataSource), await insertCarrier(dataSource)];
    const customers = [await insertCustomer(dataSource), await insertCustomer(dataSource)];
    for (const customerId of customers) {
      for (const sellerId of [...sellers, null]) {
        const { orderId } = await insertOrder(dataSource, { customerId, sellerId });
        for (const carrierId of [...carriers, null]) {
          const ticketId = await insertTicket(dataSource, { customerId, orderId, sellerId, carrierId });
          // A carrier that owned the ticket before the current one.
          if (carrierId === carriers[0])
            await dataSource.query(`UPDATE tickets SET involved_carrier_ids = ARRAY[$2::bigint, $3::bigint] WHERE id = $1`, [
              ticketId,
              carriers[1],
              carrierId,
            ]);
          await dataSource.query(
            `INSERT INTO ticket_events (ticket_id, type, actor_role, payload) VALUES
               ($1, 'MESSAGE_POSTED', 'AGENT', '{"visibility":"INTERNAL"}'), ($1, 'MESSAGE_POSTED', 'AGENT', '{"visibility":"PUBLIC"}'),
               ($1, 'STATUS_CHANGED', 'AGENT', '{"visibility":"INTERNAL"}'), ($1, 'TICKET_OPENED', 'CUSTOMER', '{}'),
               ($1, 'TICKET_QUEUED', 'SYSTEM', '{}'), ($1, 'TICKET_ASSIGNED', 'AGENT', '{}'), ($1, 'TICKET_UNASSIGNED', 'AGENT', '{}'),
               ($1, 'CALLBACK_SCHEDULED', 'CUSTOMER', '{}'), ($1, 'CALLBACK_DUE_SOON', 'SYSTEM', '{}'), ($1, 'CALLBACK_RECORDED', 'AGENT', '{}')`,
            [ticketId],
          );
        }
      }
    }
    principals.push(
      ...customers.map((customerId): Principal => ({ role: PrincipalRole.CUSTOMER, customerId })),
      ...sellers.map((sellerId): Principal => ({ role: PrincipalRole.SELLER, sellerId })),
      ...carriers.map((carrierId): Principal => ({ role: PrincipalRole.CARRIER, carrierId })),
      { role: PrincipalRole.AGENT, agentId: '1' },
      { role: PrincipalRole.ADMIN, adminId: '1' },
      systemPrincipal('scope-agreement'),
      { role: PrincipalRole.INTEGRATION, apiKeyId: '1', sellerId: null, permissions: [] },
      ...sellers.map((sellerId): Principal => ({ role: PrincipalRole.INTEGRATION, apiKeyId: '2', sellerId, permissions: [] })),
    );
  });
  afterAll(() => app.close());

  it('ticketScopeSql and isTicketInScope select the same tickets for every principal kind', async () => {
    const tickets: Array<{ id: string; customer_id: string; seller_id: string | null; involved_carrier_ids: string[] }> =
      await app.dataSource.query(`SELECT id, customer_id, seller_id, involved_carrier_ids FROM tickets ORDER BY id`);
    for (const principal of principals) {
      const parameters = new SqlParameters();
      const inSql: Array<{ id: string }> = await app.dataSource.query(
        `SELECT t.id FROM tickets t WHERE ${ticketScopeSql(principal, 't', parameters)} ORDER BY t.id`,
        parameters.values,
      );
      const inMemory = tickets.filter((ticket) =>
        isTicketInScope(principal, {
          customerId: ticket.customer_id,
          sellerId: ticket.seller_id,
          involvedCarrierIds: ticket.involved_carrier_ids,
        }),
      );
      expect({ principal, tickets: inMemory.map((ticket) => ticket.id) }).toEqual({ principal, tickets: inSql.map((row) => row.id) });
      expect(inSql.length).toBeGreaterThan(0);
    }
  });

  it('eventVisibilitySql and isEventVisible hide the same events', async () => {
    const events: Array<{ sequence: string; type: string; payload: Record<string, unknown> }> = await app.dataSource.query(
      `SELECT sequence, type, payload FROM ticket_events ORDER BY sequence`,
    );
    for (const principal of principals) {
      const inSql: Array<{ sequence: string }> = await app.dataSource.query(
        `SELECT e.sequence FROM ticket_events e WHERE ${eventVisibilitySql(principal, 'e')} ORDER BY e.sequence`,
      );
      expect({ principal, events: events.filter((event) => isEventVisible(principal, event)).map((event) => event.sequence) }).toEqual({
        principal,
        events: inSql.map((row) => row.sequence),
      });
    }
  });

  it('shows queue and assignee events to staff and platform integrations only, callbacks also to customers', async () => {
    const typesSeenBy = async (principal: Principal) => {
      const rows: Array<{ type: string }> = await app.dataSource.query(
        `SELECT DISTINCT e.type FROM ticket_events e WHERE ${eventVisibilitySql(principal, 'e')} ORDER BY e.type`,
      );
      return rows.map((row) => row.type);
    };
    const work = ['TICKET_QUEUED', 'TICKET_ASSIGNED', 'TICKET_UNASSIGNED'];
    const callbacks = ['CALLBACK_SCHEDULED', 'CALLBACK_DUE_SOON', 'CALLBACK_RECORDED'];
    for (const principal of principals) {
      const seen = await typesSeenBy(principal);
      const role = principal.role;
      const platformSide =
        role === PrincipalRole.AGENT ||
        role === PrincipalRole.ADMIN ||
        role === PrincipalRole.SYSTEM ||
        (role === PrincipalRole.INTEGRATION && principal.sellerId === null);
      expect({ principal, work: work.filter((type) => seen.includes(type)) }).toEqual({ principal, work: platformSide ? work : [] });
      expect({ principal, callbacks: callbacks.filter((type) => seen.includes(type)) }).toEqual({
        principal,
        callbacks: platformSide || role === PrincipalRole.CUSTOMER ? callbacks : [],
      });
    }
  });

  it('a webhook endpoint receives what an API key of its scope sees', async () => {
    const sellers: Array<{ id: string }> = await app.dataSource.query(`SELECT id FROM sellers ORDER BY id`);
    for (const sellerId of [null, ...sellers.map((seller) => String(seller.id))]) {
      const integration: Principal = { role: PrincipalRole.INTEGRATION, apiKeyId: '1', sellerId, permissions: [] };
      const parameters = new SqlParameters();
      const asKey: Array<{ sequence: string }> = await app.dataSource.query(
        `SELECT e.sequence FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE ${ticketScopeSql(integration, 't', parameters)} AND ${eventVisibilitySql(integration, 'e')} ORDER BY e.sequence`,
        parameters.values,
      );
      const asEndpoint: Array<{ sequence: string }> = await app.dataSource.query(
        `SELECT e.sequence FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id CROSS JOIN (SELECT $1::bigint AS seller_id) endpoint
         WHERE ${webhookEndpointScopeSql('endpoint', 't')} AND ${webhookEventVisibilitySql('e', 'endpoint')} ORDER BY e.sequence`,
        [sellerId],
      );
      expect({ sellerId, events: asEndpoint.map((row) => row.sequence) }).toEqual({ sellerId, events: asKey.map((row) => row.sequence) });
    }
  });
});
