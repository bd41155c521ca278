import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { DEFAULT_ROUTING_RULES } from '../../src/rules/routing.rule';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const OPEN_TICKET = `
  mutation($input: OpenTicketInput!) {
    openTicket(input: $input) {
      ticket {
        id number category priority ownerParty missingDetails version
        routing { owner rule ruleVersion reason decidedAt }
        seller { id } carrier { id }
        messages(first: 10) { edges { node { authorRole visibility body attachments { name sha256 } } } }
        events(first: 10) { edges { node { type payload } } }
      }
      userErrors { code field message }
    }
  }`;

const NOW = '2026-11-20T10:00:00+09:00';

describe('openTicket', () => {
  let app: TestApp;
  let sellerId: string;
  let carrierId: string;
  let customerId: string;
  let otherCustomerId: string;
  let customerToken: string;
  let deliveredOrderId: string;
  let otherCustomersOrderId: string;

  const counts = async () => {
    const [row] = await app.dataSource.query(
      `SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM ticket_events)::int AS events`,
    );
    return row as { tickets: number; messages: number; events: number };
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: NOW });
    sellerId = await insertSeller(app.dataSource, '京都茶舗');
    carrierId = await insertCarrier(app.dataSource, 'SAGAWA');
    customerId = await insertCustomer(app.dataSource);
    otherCustomerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    const delivered = {
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
    };
    deliveredOrderId = (await insertOrderWithFacts(app.dataSource, { customerId, ...delivered })).orderId;
    otherCustomersOrderId = (await insertOrderWithFacts(app.dataSource, { customerId: otherCustomerId, ...delivered })).orderId;
  });
  afterAll(() => app.close());

  const notReceived = (extra: Record<string, unknown> = {}) => ({
    channel: 'CHAT',
    subject: '荷物が届いていません',
    body: '配達完了と表示されていますが、荷物を受け取っていません。',
    orderId: toGlobalId('Order', deliveredOrderId),
    ...extra,
  });

  it("stores the routing decision, the first message with attachments, the bot's question and the events, in one transaction", async () => {
    const response = await app.graphql(
      OPEN_TICKET,
      {
        input: notReceived({
          attachments: [
            { name: 'door.jpg', contentType: 'image/jpeg', size: 2048, sha256: 'A'.repeat(64), url: 'https://files.example.jp/door.jpg' },
          ],
        }),
      },
      customerToken,
    );
    expect(response.data!.openTicket.userErrors).toEqual([]);
    const ticket = response.data!.openTicket.ticket;
    expect(ticket.number).toMatch(/^T-\d{6}$/);
    expect(ticket.routing).toMatchObject({
      owner: 'CARRIER',
      rule: 'delivered-not-received',
      ruleVersion: 1,
      decidedAt: '2026-11-20T01:00:00.000Z',
    });
    expect(ticket.routing.reason).toMatch(/DELIVERED/);
    expect(ticket.carrier.id).toBe(toGlobalId('Carrier', carrierId));
    expect(ticket.seller.id).toBe(toGlobalId('Seller', sellerId));
    // The order links a shipment, so the tracking number is known; whether it was left at the door is not.
    expect(ticket.missingDetails.length).toBeGreaterThan(0);
    expect(ticket.missingDetails).not.toContain('trackingNumber');
    const messages = ticket.messages.edges.map((edge: { node: unknown }) => edge.node);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      authorRole: 'CUSTOMER',
      visibility: 'PUBLIC',
      attachments: [{ name: 'door.jpg', sha256: 'a'.repeat(64) }],
    });
    expect(messages[1]).toMatchObject({ authorRole: 'BOT', visibility: 'PUBLIC' });
    expect(ticket.events.edges.map((edge: { node: { type: string } }) => edge.node.type)).toEqual([
      'TICKET_OPENED',
      'TICKET_ROUTED',
      'MESSAGE_POSTED',
      'MESSAGE_POSTED',
    ]);
  });

  it('asks for nothing when every required detail is given, and still answers from the order', async () => {
    const response = await app.graphql(
      OPEN_TICKET,
      { input: notReceived({ details: { trackingNumber: 'TRK-1', leftAtDoor: true, neighboursChecked: true } }) },
      customerToken,
    );
    const ticket = response.data!.openTicket.ticket;
    expect(ticket.missingDetails).toEqual([]);
    expect(ticket.messages.edges).toHaveLength(2);
    const bot = ticket.messages.edges[1].node;
    expect(bot).toMatchObject({ authorRole: 'BOT', visibility: 'PUBLIC' });
    expect(bot.body).toContain('2026年11月19日（木）に配達が完了しております（置き配）');
    expect(bot.body).not.toContain('以下の情報をお知らせ');
  });

  it('posts no bot message when there is neither an answer nor a question', async () => {
    const response = await app.graphql(
      OPEN_TICKET,
      { input: { channel: 'EMAIL', subject: 'Gift wrapping', body: 'Do you offer gift wrapping for orders?', category: 'OTHER' } },
      customerToken,
    );
    expect(response.data!.openTicket.ticket.messages.edges).toHaveLength(1);
  });

  describe("the bot's first answer from the order", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON, asserted field by field
    const botMessageOf = (response: { data?: Record<string, any> | null }): string => {
      const messages: Array<{ authorRole: string; visibility: string; body: string }> = response.data!.openTicket.ticket.messages.edges.map(
        (edge: { node: unknown }) => edge.node,
      );
      expect(messages[1]).toMatchObject({ authorRole: 'BOT', visibility: 'PUBLIC' });
      return messages[1].body;
    };

    it('tells where an in-transit parcel is, with its carrier and tracking link', async () => {
      const { orderId, shipmentId } = await insertOrderWithFacts(app.dataSource, {
        customerId,
        sellerId,
        fulfillment: 'SELLER',
        status: 'SHIPPED',
        promisedDeliveryAt: '2026-11-22T21:00:00+09:00',
        shipment: { carrierId, status: 'IN_TRANSIT', deliveryMethod: null, shippedAt: '2026-11-19T12:00:00+09:00', deliveredAt: null },
        return: null,
      });
      const [{ tracking_number: trackingNumber, number }] = await app.dataSource.query(
        `SELECT s.tracking_number, o.number FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = $1`,
        [shipmentId],
      );
      const response = await app.graphql(
        OPEN_TICKET,
        {
          input: {
            channel: 'CHAT',
            subject: 'Where is my parcel?',
            body: 'My order has not arrived yet, when will it come?',
            category: 'DELIVERY_DELAYED',
            language: 'en',
            orderId: toGlobalId('Order', orderId),
          },
        },
        customerToken,
      );
      expect(response.data!.openTicket.userErrors).toEqual([]);
      expect(botMessageOf(response).split('\n')).toEqual([
        'Thank you for contacting us.',
        `Here is what we can tell you about your order ${number}:`,
        'Your parcel is on its way with SAGAWA Express.',
        `Tracking number: ${trackingNumber}`,
        `You can follow the parcel here: https://track.example.jp/SAGAWA/${trackingNumber}`,
        'Expected delivery: by Sunday, 22 November 2026.',
        'A member of our team will also follow up with you.',
      ]);
    });

    it("tells the state of a returned order's refund, in Korean", async () => {
      const { orderId } = await insertOrderWithFacts(app.dataSource, {
        customerId,
        sellerId,
        fulfillment: 'SELLER',
        status: 'RETURNED',
        promisedDeliveryAt: '2026-11-05T21:00:00+09:00',
        shipment: {
          carrierId,
          status: 'DELIVERED',
          deliveryMethod: 'HAND_OVER',
          shippedAt: '2026-11-03T12:00:00+09:00',
          deliveredAt: '2026-11-05T14:00:00+09:00',
        },
        return: { status: 'RECEIVED', requestedAt: '2026-11-09T10:00:00+09:00', receivedAt: '2026-11-12T10:00:00+09:00', refundedAt: null },
      });
      const response = await app.graphql(
        OPEN_TICKET,
        {
          input: {
            channel: 'EMAIL',
            subject: '환불 문의',
            body: '반품한 상품의 환불이 아직 들어오지 않았습니다.',
            category: 'REFUND_NOT_RECEIVED',
            orderId: toGlobalId('Order', orderId),
          },
        },
        customerToken,
      );
      const body = botMessageOf(response);
      expect(body).toContain('반송하신 상품은 2026년 11월 12일(목)에 도착했습니다.');
      // Received Thursday 12 Nov: due two JP business days later (Mon 16 Nov), overdue on 20 Nov.
      expect(body).toContain('환불은 2026년 11월 16일(월)까지 처리되었어야 했습니다.');
      expect(response.data!.openTicket.ticket.routing.rule).toBe('refund-overdue');
    });

    it('tells how to return a delivered order and until when, in Chinese, with the missing details asked', async () => {
      const response = await app.graphql(
        OPEN_TICKET,
        {
          input: {
            channel: 'APP',
            subject: '退货',
            body: '我想退货。',
            category: 'RETURN_REQUEST',
            language: 'zh',
            orderId: toGlobalId('Order', deliveredOrderId),
          },
        },
        customerToken,
      );
      const body = botMessageOf(response);
      expect(body).toContain('截止日期为2026年12月19日（周六）（日本时间）');
      expect(body).toContain('1. 该订单由卖家发货');
      expect(body).toContain('为了尽快为您处理，请告知以下信息：');
    });
  });

  it('runs a constant number of SQL statements, whatever the order, details and attachments', async () => {
    // Routing rules and SLA policies are reference data that each process keeps for a minute: loaded here first.
    await app.graphql(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { userErrors { code } } }`,
      { input: notReceived() },
      customerToken,
    );
    const withOrder = await app.graphql(
      OPEN_TICKET.replace(/messages\(first: 10\)[^\n]*\n/, '')
        .replace(/events\(first: 10\)[^\n]*\n/, '')
        .replace('seller { id } carrier { id }', ''),
      { input: notReceived() },
      customerToken,
    );
    const minimal = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { number } userErrors { code } } }`;
    const noOrder = await app.graphql(
      minimal,
      { input: { channel: 'EMAIL', subject: 'Gift wrapping', body: 'Do you offer gift wrapping for orders?' } },
      customerToken,
    );
    const detailed = await app.graphql(
      minimal,
      { input: notReceived({ details: { trackingNumber: 'TRK-1', leftAtDoor: true, neighboursChecked: true } }) },
      customerToken,
    );
    // The order facts with the new ids drawn, then one statement that writes the ticket, its messages, clocks,
    // deadlines and events (src/services/ticket-opening.ts); the answer is built from what was written.
    expect(noOrder.statementCount).toBe(2);
    expect(detailed.statementCount).toBe(2);
    expect(withOrder.statementCount).toBe(2);
  });

  it('returns the first ticket for 10 concurrent requests with the same idempotency key, and creates one', async () => {
    const before = await counts();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => app.graphql(OPEN_TICKET, { input: notReceived({ idempotencyKey: 'retry-42' }) }, customerToken)),
    );
    const numbers = new Set(responses.map((response) => response.data!.openTicket.ticket.number));
    expect(numbers.size).toBe(1);
    const after = await counts();
    expect(after.tickets - before.tickets).toBe(1);
    expect(after.messages - before.messages).toBe(2);
    expect(after.events - before.events).toBe(4);
    // The same key from another principal is another ticket.
    const otherToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: otherCustomerId });
    const other = await app.graphql(OPEN_TICKET, { input: { ...notReceived({ idempotencyKey: 'retry-42' }), orderId: null } }, otherToken);
    expect(numbers.has(other.data!.openTicket.ticket.number)).toBe(false);
  });

  it('refuses an idempotency key reused with another input (IDEMPOTENCY_KEY_REUSED), and writes nothing', async () => {
    const first = await app.graphql(OPEN_TICKET, { input: notReceived({ idempotencyKey: 'reuse-7' }) }, customerToken);
    expect(first.data!.openTicket.userErrors).toEqual([]);
    const before = await counts();
    // Every field of the input counts (a digest of the whole input is kept), not only subject, channel and body.
    const attachment = {
      name: 'door.jpg',
      contentType: 'image/jpeg',
      size: 2048,
      sha256: 'B'.repeat(64),
      url: 'https://files.example.jp/door.jpg',
    };
    for (const changed of [
      { body: '別の問い合わせです。' },
      { subject: '返金について' },
      { channel: 'EMAIL' },
      { orderId: null },
      { attachments: [attachment] },
      { category: 'DEFECTIVE_ITEM' },
      { subject: '荷物が届いていません ' },
    ]) {
      const reused = await app.graphql(OPEN_TICKET, { input: notReceived({ idempotencyKey: 'reuse-7', ...changed }) }, customerToken);
      expect(reused.data!.openTicket).toMatchObject({
        ticket: null,
        userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' }],
      });
    }
    expect(await counts()).toEqual(before);
    const retried = await app.graphql(OPEN_TICKET, { input: notReceived({ idempotencyKey: 'reuse-7' }) }, customerToken);
    expect(retried.data!.openTicket.ticket.number).toBe(first.data!.openTicket.ticket.number);
  });

  it("gives the same user error for an unknown order and for somebody else's order, and writes nothing", async () => {
    const before = await counts();
    const unknown = await app.graphql(OPEN_TICKET, { input: notReceived({ orderId: toGlobalId('Order', '987654') }) }, customerToken);
    const foreign = await app.graphql(
      OPEN_TICKET,
      { input: notReceived({ orderId: toGlobalId('Order', otherCustomersOrderId) }) },
      customerToken,
    );
    expect(unknown.data!.openTicket).toEqual({
      ticket: null,
      userErrors: [{ code: 'ORDER_NOT_FOUND', field: 'input.orderId', message: expect.any(String) }],
    });
    expect(foreign.data!.openTicket).toEqual(unknown.data!.openTicket);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty body, a body over 10,000 characters and bad attachments clearly, writing nothing', async () => {
    const before = await counts();
    const empty = await app.graphql(OPEN_TICKET, { input: notReceived({ body: '   ' }) }, customerToken);
    expect(empty.data!.openTicket.userErrors).toEqual([{ code: 'BODY_EMPTY', field: 'input.body', message: 'The message is empty' }]);
    const long = await app.graphql(OPEN_TICKET, { input: notReceived({ body: 'あ'.repeat(10_001) }) }, customerToken);
    expect(long.data!.openTicket.userErrors[0]).toMatchObject({ code: 'BODY_TOO_LONG', field: 'input.body' });
    const attachment = await app.graphql(
      OPEN_TICKET,
      {
        input: notReceived({
          attachments: [{ name: 'x.jpg', contentType: 'image/jpeg', size: 1, sha256: 'nothex', url: 'http://insecure.example' }],
        }),
      },
      customerToken,
    );
    expect(attachment.data!.openTicket.userErrors.map((error: { field: string }) => error.field)).toEqual([
      'input.attachments.0.sha256',
      'input.attachments.0.url',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('numbers tickets with at least six digits, and past a million', async () => {
    await app.dataSource.query(`SELECT setval('ticket_number_seq', 999998)`);
    const numbers: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const response = await app.graphql(OPEN_TICKET, { input: notReceived() }, customerToken);
      numbers.push(response.data!.openTicket.ticket.number);
    }
    expect(numbers).toEqual(['T-999999', 'T-1000000']);
  });

  it("lets an agent open a ticket on a customer's behalf and refuses sellers", async () => {
    const agent = await app.graphql(OPEN_TICKET, {
      input: { ...notReceived(), customerId: toGlobalId('Customer', customerId), channel: 'PHONE' },
    });
    expect(agent.data!.openTicket.userErrors).toEqual([]);
    const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const seller = await app.graphql(OPEN_TICKET, { input: notReceived() }, sellerToken);
    expect(seller.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ownership changes', () => {
  let app: TestApp;
  let sellerId: string;
  let carrierId: string;
  let customerId: string;
  let orderId: string;
  let shipmentId: string;

  const TRANSFER = `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { ticket { ownerParty version carrier { id } routing { rule reason } } userErrors { code field message } } }`;
  const ESCALATE = `mutation($input: EscalateTicketInput!) { escalateTicket(input: $input) { ticket { ownerParty priority isEscalated routing { rule reason } } userErrors { code field message eligibleAt } } }`;
  const TIMELINE = `query($id: ID!) { ticket(id: $id) { ownerParty version events(first: 100) { edges { node { type payload } } } } }`;

  const openSellerTicket = async (): Promise<string> => {
    const token = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    const response = await app.graphql(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id ownerParty } userErrors { code } } }`,
      {
        input: {
          channel: 'CHAT',
          subject: '初期不良',
          body: '届いた電気ケトルの電源が入りません。初期不良だと思います。',
          orderId: toGlobalId('Order', orderId),
        },
      },
      token,
    );
    expect(response.data!.openTicket.ticket.ownerParty).toBe('SELLER');
    return response.data!.openTicket.ticket.id;
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: NOW });
    sellerId = await insertSeller(app.dataSource);
    carrierId = await insertCarrier(app.dataSource, 'JAPANPOST');
    customerId = await insertCustomer(app.dataSource);
    ({ orderId, shipmentId } = (await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId,
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-11-18T21:00:00+09:00',
      shipment: {
        carrierId,
        status: 'DELIVERED',
        deliveryMethod: 'HAND_OVER',
        shippedAt: '2026-11-16T12:00:00+09:00',
        deliveredAt: '2026-11-19T14:00:00+09:00',
      },
      return: null,
    })) as { orderId: string; shipmentId: string });
  });
  afterAll(() => app.close());

  it('transfers with a reason, and only agents may', async () => {
    const ticketId = await openSellerTicket();
    const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const bySeller = await app.graphql(TRANSFER, { input: { ticketId, toParty: 'PLATFORM', reason: 'not mine' } }, sellerToken);
    expect(bySeller.data!.transferTicket.userErrors[0].code).toBe('NOT_OWNER');
    const byAgent = await app.graphql(TRANSFER, {
      input: { ticketId, toParty: 'CARRIER', reason: 'Parcel damaged on the way, carrier to check' },
    });
    expect(byAgent.data!.transferTicket.ticket).toMatchObject({
      ownerParty: 'CARRIER',
      carrier: { id: toGlobalId('Carrier', carrierId) },
      routing: { rule: 'manual-transfer' },
    });
    const again = await app.graphql(TRANSFER, { input: { ticketId, toParty: 'CARRIER', reason: 'again' } });
    expect(again.data!.transferTicket.userErrors[0].code).toBe('ALREADY_OWNER');
    // The carrier that owned it keeps seeing it after it moves on.
    await app.graphql(TRANSFER, { input: { ticketId, toParty: 'PLATFORM', reason: 'Platform compensates' } });
    const carrierView = await app.graphql(TIMELINE, { id: ticketId }, await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId }));
    expect(carrierView.data!.ticket.ownerParty).toBe('PLATFORM');
  });

  it('ends concurrent transfers with one owner and a timeline that tells the same story', async () => {
    const ticketId = await openSellerTicket();
    const targets = ['PLATFORM', 'CARRIER', 'SELLER', 'PLATFORM', 'CARRIER', 'PLATFORM', 'SELLER', 'CARRIER'];
    const responses = await Promise.all(
      targets.map((toParty, index) => app.graphql(TRANSFER, { input: { ticketId, toParty, reason: `transfer ${index}` } })),
    );
    const applied = responses.filter((response) => response.data!.transferTicket.userErrors.length === 0).length;
    const timeline = await app.graphql(TIMELINE, { id: ticketId });
    const ownerChanges = timeline.data!.ticket.events.edges.filter(
      (edge: { node: { type: string } }) => edge.node.type === 'OWNER_CHANGED',
    );
    expect(ownerChanges).toHaveLength(applied);
    // Each change starts where the previous one ended, and the last one ends at the ticket's owner.
    let owner = 'SELLER';
    for (const change of ownerChanges) {
      expect(change.node.payload.from).toBe(owner);
      owner = change.node.payload.to;
    }
    expect(timeline.data!.ticket.ownerParty).toBe(owner);
    expect(timeline.data!.ticket.version).toBe(1 + applied);
  });

  it('refuses an early customer claim with eligibleAt, accepts it once due, and raises the priority', async () => {
    const ticketId = await openSellerTicket();
    const customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    const early = await app.graphql(ESCALATE, { input: { ticketId, reason: 'The seller does not answer' } }, customerToken);
    expect(early.data!.escalateTicket.userErrors[0]).toMatchObject({ code: 'CLAIM_NOT_ELIGIBLE', eligibleAt: '2026-11-22T01:00:00.000Z' });
    app.clock.set('2026-11-22T10:00:00+09:00');
    const due = await app.graphql(ESCALATE, { input: { ticketId, reason: 'The seller does not answer' } }, customerToken);
    expect(due.data!.escalateTicket.ticket).toMatchObject({
      ownerParty: 'PLATFORM',
      priority: 'HIGH',
      isEscalated: true,
      routing: { rule: 'customer-claim' },
    });
    const timeline = await app.graphql(TIMELINE, { id: ticketId });
    const escalated = timeline.data!.ticket.events.edges.find((edge: { node: { type: string } }) => edge.node.type === 'ESCALATED');
    expect(escalated.node.payload).toMatchObject({
      from: 'SELLER',
      to: 'PLATFORM',
      kind: 'customer-claim',
      reason: 'The seller does not answer',
      priority: 'HIGH',
      previousPriority: 'NORMAL',
    });
    // The seller still sees the ticket it lost.
    const sellerView = await app.graphql(TIMELINE, { id: ticketId }, await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }));
    expect(sellerView.data!.ticket.ownerParty).toBe('PLATFORM');
    app.clock.set(NOW);
  });

  it('lets the owning seller hand a ticket up with a reason, and nobody else', async () => {
    const ticketId = await openSellerTicket();
    const otherSeller = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: await insertSeller(app.dataSource) });
    const stranger = await app.graphql(ESCALATE, { input: { ticketId, reason: 'x' } }, otherSeller);
    expect(stranger.data!.escalateTicket.userErrors[0].code).toBe('NOT_FOUND');
    const owner = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const empty = await app.graphql(ESCALATE, { input: { ticketId, reason: ' ' } }, owner);
    expect(empty.data!.escalateTicket.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'input.reason' });
    const handUp = await app.graphql(ESCALATE, { input: { ticketId, reason: 'Manufacturer recall: the platform handles refunds' } }, owner);
    expect(handUp.data!.escalateTicket.ticket).toMatchObject({
      ownerParty: 'PLATFORM',
      routing: { rule: 'hand-up', reason: 'Manufacturer recall: the platform handles refunds' },
    });
  });

  it("moves the carrier's tickets to the platform when the carrier reports the parcel LOST", async () => {
    const ticketId = await openSellerTicket();
    await app.graphql(TRANSFER, { input: { ticketId, toParty: 'CARRIER', reason: 'Carrier to investigate' } });
    const carrierToken = await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId });
    const update = await app.graphql(
      `mutation($input: RecordShipmentUpdateInput!) { recordShipmentUpdate(input: $input) { shipment { status } userErrors { code } } }`,
      { input: { shipmentId: toGlobalId('Shipment', shipmentId), status: 'LOST', occurredAt: '2026-11-20T09:00:00+09:00' } },
      carrierToken,
    );
    expect(update.data!.recordShipmentUpdate).toEqual({ shipment: { status: 'LOST' }, userErrors: [] });
    const ticket = await app.graphql(`query($id: ID!) { ticket(id: $id) { ownerParty priority routing { rule } } }`, { id: ticketId });
    expect(ticket.data!.ticket).toEqual({ ownerParty: 'PLATFORM', priority: 'HIGH', routing: { rule: 'carrier-stuck' } });
    const otherCarrier = await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId: await insertCarrier(app.dataSource) });
    const foreign = await app.graphql(
      `mutation($input: RecordShipmentUpdateInput!) { recordShipmentUpdate(input: $input) { shipment { status } userErrors { code } } }`,
      { input: { shipmentId: toGlobalId('Shipment', shipmentId), status: 'DELIVERED', occurredAt: '2026-11-20T09:00:00+09:00' } },
      otherCarrier,
    );
    expect(foreign.data!.recordShipmentUpdate).toEqual({ shipment: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });
});

describe('routing table, explainRouting and order sync', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ clock: NOW });
  });
  afterAll(() => app.close());

  it('serves the routing table seeded by the migration, equal to the rules in code', async () => {
    const response = await app.graphql(`{ routingRules { id version position owner conditions reason } }`);
    expect(response.data!.routingRules).toEqual(
      DEFAULT_ROUTING_RULES.map((rule) => ({
        id: rule.id,
        version: rule.version,
        position: rule.position,
        owner: rule.owner,
        conditions: rule.when,
        reason: rule.reason,
      })),
    );
    const customer = await app.graphql(
      `{ routingRules { id } }`,
      {},
      await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: '1' }),
    );
    expect(customer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('explains routing for inline facts at a given time, and writes nothing', async () => {
    const explain = `query($input: ExplainRoutingInput!) { explainRouting(input: $input) { owner rule reason category classificationConfidence language priority missingDetails evaluatedAt } }`;
    const input = {
      subject: '返金されていません',
      body: '返品した商品は相手に届いているはずですが、まだ返金されていません。',
      order: {
        soldByPlatform: false,
        fulfillment: 'SELLER',
        status: 'RETURNED',
        return: { status: 'RECEIVED', requestedAt: '2026-11-10T10:00:00+09:00', receivedAt: '2026-11-19T15:00:00+09:00' },
      },
    };
    const soon = await app.graphql(explain, { input });
    expect(soon.errors).toBeUndefined();
    expect(soon.data!.explainRouting).toMatchObject({
      owner: 'SELLER',
      rule: 'seller-fulfilled',
      category: 'REFUND_NOT_RECEIVED',
      language: 'ja',
      evaluatedAt: '2026-11-20T01:00:00.000Z',
    });
    const later = await app.graphql(explain, { input: { ...input, at: '2026-11-27T10:00:00+09:00' } });
    expect(later.data!.explainRouting).toMatchObject({ owner: 'PLATFORM', rule: 'refund-overdue' });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM tickets`);
    expect(count).toBe(0);
  });

  it('upserts orders idempotently by external id', async () => {
    await insertCarrier(app.dataSource, 'YAMATO');
    const sellerId = await insertSeller(app.dataSource);
    const upsert = `mutation($input: UpsertOrderInput!) { upsertOrder(input: $input) { order { id number status items { sku quantity } shipments { trackingNumber status carrier { code } } returns { status } customer { name tier } } userErrors { code field message } } }`;
    const adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const input = {
      externalId: 'oms-1001',
      number: '503-1111111-2222222',
      customer: { externalId: 'cust-9', name: '山田 太郎', email: 'taro@example.jp', tier: 'PRIME' },
      soldBySellerId: toGlobalId('Seller', sellerId),
      fulfillment: 'SELLER',
      status: 'SHIPPED',
      items: [{ sku: 'TEA-1', title: '宇治抹茶 100g', quantity: 2, unitPrice: '1980' }],
      totalAmount: '3960',
      paymentMethod: 'CREDIT_CARD',
      placedAt: '2026-11-15T10:00:00+09:00',
      promisedDeliveryAt: '2026-11-18T21:00:00+09:00',
      postalCode: '600-8216',
      region: '京都府',
      addressLine: '京都市下京区烏丸通七条下ル',
      recipient: '山田 太郎',
      shipments: [
        {
          externalId: 'shp-1',
          carrierCode: 'YAMATO',
          trackingNumber: '4960-1111-2222',
          status: 'IN_TRANSIT',
          shippedAt: '2026-11-16T12:00:00+09:00',
        },
      ],
    };
    const first = await app.graphql(upsert, { input }, adminToken);
    expect(first.data!.upsertOrder.userErrors).toEqual([]);
    const second = await app.graphql(
      upsert,
      {
        input: {
          ...input,
          status: 'DELIVERED',
          items: [{ sku: 'TEA-1', title: '宇治抹茶 100g', quantity: 3, unitPrice: '1980' }],
          shipments: [{ ...input.shipments[0], status: 'DELIVERED' }],
        },
      },
      adminToken,
    );
    expect(second.data!.upsertOrder.order).toMatchObject({
      id: first.data!.upsertOrder.order.id,
      status: 'DELIVERED',
      items: [{ sku: 'TEA-1', quantity: 3 }],
      shipments: [{ trackingNumber: '4960-1111-2222', status: 'DELIVERED', carrier: { code: 'YAMATO' } }],
      customer: { name: '山田 太郎', tier: 'PRIME' },
    });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM orders`);
    expect(count).toBe(1);
    const bad = await app.graphql(
      upsert,
      { input: { ...input, number: '12', shipments: [{ ...input.shipments[0], carrierCode: 'NOPE' }] } },
      adminToken,
    );
    expect(bad.data!.upsertOrder.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'input.number' });
    const byAgent = await app.graphql(upsert, { input });
    expect(byAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
