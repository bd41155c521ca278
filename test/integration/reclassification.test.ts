import { PrincipalRole } from '../../src/domain/enums';
import { fromGlobalIdOfType, toGlobalId } from '../../src/domain/global-id';
import { readFeedbackExamples } from '../../src/intake/intake-feedback-export';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// reclassifyTicket end to end over GraphQL: the table re-routes with the corrected category (owner change with
// its reason, clocks handed over), priority is derived again, TICKET_RECLASSIFIED is written, and the correction
// is stored as a labelled example that export:intake-feedback reads.

const TICKET_FIELDS = `
  id category priority ownerParty classificationConfidence version
  routing { owner rule reason classifierModelVersion }
  carrier { id }
  sla { clocks { metric owner state } }
  events(first: 20) { edges { node { type payload } } }`;

const OPEN_TICKET = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { ${TICKET_FIELDS} } userErrors { code field message } } }`;
const RECLASSIFY = `mutation($input: ReclassifyTicketInput!) { reclassifyTicket(input: $input) { ticket { ${TICKET_FIELDS} } userErrors { code field message } } }`;

describe('reclassifyTicket', () => {
  let app: TestApp;
  let customerToken: string;
  let sellerToken: string;
  let orderId: string;
  let carrierId: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    const sellerId = await insertSeller(app.dataSource, '京都茶舗');
    carrierId = await insertCarrier(app.dataSource, 'YAMATO');
    const customerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    orderId = (
      await insertOrderWithFacts(app.dataSource, {
        customerId,
        sellerId,
        fulfillment: 'SELLER',
        status: 'DELIVERED',
        promisedDeliveryAt: '2026-11-18T21:00:00+09:00',
        shipment: {
          carrierId,
          status: 'DELIVERED',
          deliveryMethod: 'LEFT_AT_DOOR',
          shippedAt: '2026-11-16T12:00:00+09:00',
          deliveredAt: '2026-11-19T14:00:00+09:00',
        },
        return: null,
      })
    ).orderId;
  });
  afterAll(() => app.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON
  async function openDefectiveTicket(): Promise<Record<string, any>> {
    const response = await app.graphql(
      OPEN_TICKET,
      {
        input: {
          channel: 'CHAT',
          subject: '初期不良',
          body: '届いた電気ケトルの電源が入りません。初期不良だと思います。',
          orderId: toGlobalId('Order', orderId),
        },
      },
      customerToken,
    );
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket;
  }

  it('re-routes a seller ticket the agent recognises as a parcel that never came to the carrier, with clocks, events and a stored example', async () => {
    const opened = await openDefectiveTicket();
    expect(opened).toMatchObject({ category: 'DEFECTIVE_ITEM', ownerParty: 'SELLER' });
    expect(opened.routing.classifierModelVersion).toMatch(/^intake-[0-9a-f]{12}$/);

    const response = await app.graphql(RECLASSIFY, {
      input: {
        ticketId: opened.id,
        category: 'ITEM_NOT_RECEIVED',
        reason: 'The customer says on the phone the kettle never arrived',
        expectedVersion: opened.version,
      },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.reclassifyTicket.userErrors).toEqual([]);
    const ticket = response.data!.reclassifyTicket.ticket;
    expect(ticket).toMatchObject({ category: 'ITEM_NOT_RECEIVED', ownerParty: 'CARRIER', classificationConfidence: 1, priority: 'NORMAL' });
    expect(ticket.version).toBe(opened.version + 2);
    expect(ticket.carrier.id).toBe(toGlobalId('Carrier', carrierId));
    expect(ticket.routing).toMatchObject({ owner: 'CARRIER', rule: 'delivered-not-received', classifierModelVersion: null });
    expect(ticket.routing.reason).toMatch(
      /^Reclassified as ITEM_NOT_RECEIVED \(The customer says on the phone the kettle never arrived\): Shipment is DELIVERED/,
    );

    // The seller's clock ended with the hand-over; the carrier's started.
    const firstResponse = ticket.sla.clocks.filter((clock: { metric: string }) => clock.metric === 'FIRST_RESPONSE');
    expect(firstResponse.find((clock: { owner: string }) => clock.owner === 'SELLER')?.state).not.toBe('ACTIVE');
    expect(firstResponse.find((clock: { owner: string }) => clock.owner === 'CARRIER')?.state).toBe('ACTIVE');

    const events = ticket.events.edges.map((edge: { node: { type: string; payload: Record<string, unknown> } }) => edge.node);
    const reclassified = events.find((event: { type: string }) => event.type === 'TICKET_RECLASSIFIED');
    expect(reclassified.payload).toMatchObject({
      from: 'DEFECTIVE_ITEM',
      to: 'ITEM_NOT_RECEIVED',
      previousPriority: 'NORMAL',
      priority: 'NORMAL',
      routedBy: 'delivered-not-received',
      version: opened.version + 1,
    });
    expect(reclassified.payload.previousClassifierModelVersion).toBe(opened.routing.classifierModelVersion);
    expect(events.filter((event: { type: string }) => event.type === 'OWNER_CHANGED').at(-1).payload).toMatchObject({
      from: 'SELLER',
      to: 'CARRIER',
      rule: 'delivered-not-received',
    });

    const [example] = await app.dataSource.query(
      `SELECT subject, body, previous_category, category, classifier_model_version, order_facts, corrected_by FROM intake_feedback WHERE ticket_id = $1`,
      [fromGlobalIdOfType(opened.id, 'Ticket')],
    );
    expect(example).toMatchObject({
      subject: '初期不良',
      body: '届いた電気ケトルの電源が入りません。初期不良だと思います。',
      previous_category: 'DEFECTIVE_ITEM',
      category: 'ITEM_NOT_RECEIVED',
      classifier_model_version: opened.routing.classifierModelVersion,
      order_facts: { fulfillment: 'SELLER', status: 'DELIVERED', shipmentStatus: 'DELIVERED', returnStatus: null },
    });

    // export:intake-feedback reads it back as a corpus record with a fixed split.
    const exported = await readFeedbackExamples(
      (sql, parameters) => app.dataSource.query(sql, parameters),
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(exported).toContainEqual(
      expect.objectContaining({
        source: 'feedback',
        category: 'ITEM_NOT_RECEIVED',
        language: 'ja',
        channel: 'CHAT',
        subject: '初期不良',
        split: expect.stringMatching(/^(train|dev|test)$/),
        order: { fulfillment: 'SELLER', status: 'DELIVERED', shipmentStatus: 'DELIVERED', returnStatus: null },
      }),
    );
  });

  it('derives the priority again and keeps the owner when the table does not move the ticket', async () => {
    const opened = await openDefectiveTicket();
    const response = await app.graphql(RECLASSIFY, {
      input: { ticketId: opened.id, category: 'OTHER', reason: 'A question about the warranty, not a defect' },
    });
    const ticket = response.data!.reclassifyTicket.ticket;
    expect(ticket).toMatchObject({ category: 'OTHER', ownerParty: 'SELLER', priority: 'LOW', version: opened.version + 1 });
    expect(ticket.events.edges.map((edge: { node: { type: string } }) => edge.node.type)).not.toContain('OWNER_CHANGED');
  });

  it.each([
    ['a seller', 'seller', 'NOT_PERMITTED', 'input.ticketId'],
    ['an empty reason', 'agent', 'INVALID_INPUT', 'input.reason'],
    ['a stale version', 'agent', 'VERSION_CONFLICT', 'input.expectedVersion'],
  ])('refuses %s and writes nothing', async (_name, who, code, field) => {
    const opened = await openDefectiveTicket();
    const input = {
      ticketId: opened.id,
      category: 'NOT_AS_DESCRIBED',
      reason: field === 'input.reason' ? '  ' : 'wrong colour',
      expectedVersion: field === 'input.expectedVersion' ? opened.version + 5 : undefined,
    };
    const response = await app.graphql(RECLASSIFY, { input }, who === 'seller' ? sellerToken : undefined);
    expect(response.data!.reclassifyTicket.userErrors).toEqual([expect.objectContaining({ code, field })]);
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS corrections FROM intake_feedback`);
    const after = await app.graphql(`query($id: ID!) { ticket(id: $id) { category version } }`, { id: opened.id });
    expect(after.data!.ticket).toEqual({ category: 'DEFECTIVE_ITEM', version: opened.version });
    expect(row.corrections).toBeLessThanOrEqual(2);
  });
});
