import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { readSharedCases } from '../support/shared-cases';
import { createTestApp, TestApp } from '../support/test-app';

interface RoutingCase {
  id: string;
  ticket: { channel: string; subject: string; body: string; category?: string };
  customer: { tier: string };
  order: null | {
    soldBy: 'SELLER' | 'PLATFORM';
    fulfillment: string;
    status: string;
    promisedDeliveryAt: string | null;
    shipment: null | { status: string; deliveryMethod: string | null; shippedAt: string | null; deliveredAt: string | null };
    return: null | { status: string; requestedAt: string; receivedAt: string | null; refundedAt?: string | null };
  };
  expect: { category: string; language: string; owner: string; rule: string; priority: string };
}

const routingCases = readSharedCases<{ now: string; cases: RoutingCase[] }>('routing.json');

const OPEN_TICKET = `
  mutation($input: OpenTicketInput!) {
    openTicket(input: $input) {
      ticket { number category language ownerParty priority routing { owner rule ruleVersion reason decidedAt } }
      userErrors { code field message }
    }
  }`;

// The acceptance cases of ../shared/cases/routing.json, end to end: a customer opens each ticket over GraphQL on an
// order with exactly the case's facts, at the case's time.
(routingCases ? describe : describe.skip)('routing acceptance cases through openTicket', () => {
  let app: TestApp;
  let carrierId: string;
  let sellerId: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: routingCases!.now });
    carrierId = await insertCarrier(app.dataSource, 'YAMATO');
    sellerId = await insertSeller(app.dataSource, '京都茶舗');
  });
  afterAll(() => app.close());

  it.each((routingCases?.cases ?? []).map((routingCase) => [routingCase.id, routingCase] as const))('%s', async (_id, routingCase) => {
    const customerId = await insertCustomer(app.dataSource, { tier: routingCase.customer.tier });
    let orderId: string | null = null;
    if (routingCase.order) {
      const order = routingCase.order;
      ({ orderId } = await insertOrderWithFacts(app.dataSource, {
        customerId,
        sellerId: order.soldBy === 'SELLER' ? sellerId : null,
        fulfillment: order.fulfillment,
        status: order.status,
        promisedDeliveryAt: order.promisedDeliveryAt,
        shipment: order.shipment ? { carrierId, ...order.shipment } : null,
        return: order.return,
      }));
    }
    const token = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    const response = await app.graphql(
      OPEN_TICKET,
      {
        input: {
          channel: routingCase.ticket.channel,
          subject: routingCase.ticket.subject,
          body: routingCase.ticket.body,
          category: routingCase.ticket.category ?? null,
          orderId: orderId ? toGlobalId('Order', orderId) : null,
        },
      },
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.openTicket.userErrors).toEqual([]);
    const ticket = response.data!.openTicket.ticket;
    expect({
      category: ticket.category,
      language: ticket.language,
      owner: ticket.ownerParty,
      rule: ticket.routing.rule,
      priority: ticket.priority,
    }).toEqual(routingCase.expect);
  });
});
