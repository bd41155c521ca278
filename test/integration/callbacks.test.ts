import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { ASK_TO_WRITE_MESSAGES } from '../../src/rules/callback-request.rule';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Callback requests over GraphQL (issue #17, point 3): scheduled in the next free slot of the team's support hours
// (JP_SUPPORT_HOURS, 09:00–21:00 JST every day but the New Year), announced, warned before the slot exactly once,
// recorded by agents (REACHED meets a PHONE ticket's FIRST_RESPONSE; NO_ANSWER reschedules once, then asks the
// customer to write), cancelled on close and hand-off; never seen by sellers or carriers. 20 Nov 2026 is a Friday.

const CALLBACK = `callback { id status phoneNumber callbackAt slotEndsAt attempt teamId warnedAt outcomeRecordedBy outcomeRecordedAt askedToWriteAt cancelledAt cancelledReason preferredWindows { startsAt endsAt } }`;
const REQUEST = `mutation($input: RequestCallbackInput!) { requestCallback(input: $input) { ${CALLBACK} ticket { id status } userErrors { code field message } } }`;
const CANCEL = `mutation($input: CancelCallbackInput!) { cancelCallback(input: $input) { ${CALLBACK} ticket { id status } userErrors { code field message } } }`;
const RECORD = `mutation($input: RecordCallbackInput!) { recordCallback(input: $input) { ${CALLBACK} ticket { id status } userErrors { code field message } } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id ownerParty channel } userErrors { code field message } } }`;
const READ = `query($id: ID!) { ticket(id: $id) { id status version ${CALLBACK}
  sla { clocks { metric owner state metAt } }
  messages(first: 20) { edges { node { authorRole visibility body } } }
  events(first: 50) { edges { node { type actorRole payload } } } } }`;

const jst = (local: string) => new Date(`${local}+09:00`).toISOString();

describe('callback requests', () => {
  let app: TestApp;
  let customerId: string;
  let customerToken: string;
  let agentToken: string;
  let sequence = 0;

  async function openTicket(fields: Record<string, unknown> = {}, token = customerToken) {
    sequence += 1;
    const response = await app.graphql(
      OPEN,
      { input: { channel: 'PHONE', subject: `電話のお願い ${sequence}`, body: '折り返しお電話ください。', language: 'ja', ...fields } },
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket as { id: string; ownerParty: string; channel: string };
  }
  const request = async (input: Record<string, unknown>, token = customerToken) =>
    (await app.graphql(REQUEST, { input }, token)).data!.requestCallback;
  const record = async (ticketId: string, outcome: string, token = agentToken) => {
    const response = await app.graphql(RECORD, { input: { ticketId, outcome } }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.recordCallback;
  };
  const cancel = async (ticketId: string, token = customerToken) => {
    const response = await app.graphql(CANCEL, { input: { ticketId } }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.cancelCallback;
  };
  const read = async (id: string, token = agentToken) => (await app.graphql(READ, { id }, token)).data!.ticket;
  const eventsOf = (
    ticket: { events: { edges: Array<{ node: { type: string; actorRole: string; payload: Record<string, unknown> } }> } },
    prefix = 'CALLBACK_',
  ) => ticket.events.edges.map((edge) => edge.node).filter((event) => event.type.startsWith(prefix));
  const warnDue = (at: string) => app.server.services.callbackRequests.fireDueCallbackWarnings(app.systemContext(at));

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T22:30:00+09:00' });
    customerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    agentToken = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '11' });
  });
  afterAll(() => app.close());

  it("schedules a callback requested at 22:30 JST at 09:00 the next open day, and meets the phone ticket's FIRST_RESPONSE when reached", async () => {
    app.clock.set('2026-11-20T22:30:00+09:00');
    const ticket = await openTicket();
    expect(ticket).toMatchObject({ ownerParty: 'PLATFORM', channel: 'PHONE' });
    const requested = await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' });
    expect(requested.userErrors).toEqual([]);
    expect(requested.callback).toMatchObject({
      status: 'SCHEDULED',
      callbackAt: jst('2026-11-21T09:00:00'),
      slotEndsAt: jst('2026-11-21T09:30:00'),
      attempt: 1,
      teamId: 'triage',
      outcomeRecordedBy: null,
    });
    // The customer reads its own number masked; staff read it whole.
    expect(requested.callback.phoneNumber).toBe('+81******5678');
    const before = await read(ticket.id);
    expect(before.callback.phoneNumber).toBe('+819012345678');
    const [scheduled] = eventsOf(before);
    expect(scheduled).toMatchObject({
      type: 'CALLBACK_SCHEDULED',
      actorRole: 'CUSTOMER',
      payload: {
        callbackAt: jst('2026-11-21T09:00:00'),
        team: 'triage',
        attempt: 1,
        phoneNumber: '+81******5678',
        callbackId: requested.callback.id,
      },
    });
    expect(before.sla.clocks.find((clock: { metric: string }) => clock.metric === 'FIRST_RESPONSE')).toMatchObject({
      owner: 'PLATFORM',
      state: 'ACTIVE',
      metAt: null,
    });

    app.clock.set('2026-11-21T09:05:00+09:00');
    const reached = await record(ticket.id, 'REACHED');
    expect(reached.userErrors).toEqual([]);
    expect(reached.callback).toMatchObject({
      status: 'REACHED',
      outcomeRecordedBy: '11',
      outcomeRecordedAt: jst('2026-11-21T09:05:00'),
      phoneNumber: '+819012345678',
    });
    expect(reached.ticket.status).toBe('OPEN');
    const after = await read(ticket.id);
    // 60 business minutes on JP_SUPPORT_HOURS from 22:30: due 10:00; met at 09:05 by the call, not by a message.
    expect(after.sla.clocks.find((clock: { metric: string }) => clock.metric === 'FIRST_RESPONSE')).toMatchObject({
      owner: 'PLATFORM',
      state: 'MET',
      metAt: jst('2026-11-21T09:05:00'),
    });
    expect(eventsOf(after, 'SLA_MET')).toHaveLength(1);
    expect(eventsOf(after).map((event) => event.type)).toEqual(['CALLBACK_SCHEDULED', 'CALLBACK_RECORDED']);
    expect(eventsOf(after)[1].payload).toMatchObject({ outcome: 'REACHED', attempt: 1, version: after.version });
    expect(after.callback.status).toBe('REACHED');
  });

  it('schedules a callback requested at 22:30 JST on 30 December at 09:00 on 4 January, the next open day after the New Year closure', async () => {
    app.clock.set('2026-12-30T22:30:00+09:00');
    const ticket = await openTicket();
    const requested = await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' });
    expect(requested.userErrors).toEqual([]);
    expect(requested.callback).toMatchObject({
      status: 'SCHEDULED',
      callbackAt: jst('2027-01-04T09:00:00'),
      slotEndsAt: jst('2027-01-04T09:30:00'),
      attempt: 1,
    });
  });

  it('reschedules after the first NO_ANSWER and asks the customer to write, in its language, after the second', async () => {
    app.clock.set('2026-11-22T10:10:00+09:00');
    const ticket = await openTicket({ language: 'en', subject: 'Please call me', body: 'I would like a phone call about my account.' });
    const requested = await request({ ticketId: ticket.id, phoneNumber: '+44 20 7946 0018' });
    expect(requested.callback).toMatchObject({ callbackAt: jst('2026-11-22T10:30:00'), attempt: 1 });

    app.clock.set('2026-11-22T10:40:00+09:00');
    const missed = await record(ticket.id, 'NO_ANSWER');
    expect(missed.userErrors).toEqual([]);
    // The next free slot after the missed one (10:30–11:00).
    expect(missed.callback).toMatchObject({
      status: 'SCHEDULED',
      attempt: 2,
      callbackAt: jst('2026-11-22T11:00:00'),
      phoneNumber: '+442079460018',
    });

    app.clock.set('2026-11-22T11:05:00+09:00');
    const missedAgain = await record(ticket.id, 'NO_ANSWER');
    expect(missedAgain.callback).toMatchObject({ status: 'NO_ANSWER', attempt: 2, askedToWriteAt: jst('2026-11-22T11:05:00') });
    const after = await read(ticket.id);
    const system = after.messages.edges
      .map((edge: { node: { authorRole: string } }) => edge.node)
      .filter((message: { authorRole: string }) => message.authorRole === 'SYSTEM');
    expect(system).toEqual([{ authorRole: 'SYSTEM', visibility: 'PUBLIC', body: ASK_TO_WRITE_MESSAGES.en }]);
    expect(eventsOf(after).map((event) => [event.type, event.payload.attempt])).toEqual([
      ['CALLBACK_SCHEDULED', 1],
      ['CALLBACK_RECORDED', 1],
      ['CALLBACK_SCHEDULED', 2],
      ['CALLBACK_RECORDED', 2],
    ]);
    expect(eventsOf(after)[1].payload).toMatchObject({ outcome: 'NO_ANSWER', rescheduledAt: jst('2026-11-22T11:00:00') });
    expect(eventsOf(after)[3].payload).toMatchObject({ outcome: 'NO_ANSWER', askedToWrite: true });
    // The customer sees the message on its ticket; nothing is left to record.
    const customerView = await read(ticket.id, customerToken);
    expect(customerView.messages.edges.some((edge: { node: { body: string } }) => edge.node.body === ASK_TO_WRITE_MESSAGES.en)).toBe(true);
    expect((await record(ticket.id, 'NO_ANSWER')).userErrors).toMatchObject([{ code: 'NO_SCHEDULED_CALLBACK', field: 'input.ticketId' }]);
  });

  it('books the next slot when a slot is full (capacity per team as data), and honours preferred windows', async () => {
    app.clock.set('2026-11-24T22:00:00+09:00');
    await app.dataSource.query(`UPDATE teams SET callback_slot_capacity = 2 WHERE id = 'triage'`);
    try {
      const tickets = [await openTicket(), await openTicket(), await openTicket()];
      const slots: string[] = [];
      for (const ticket of tickets) slots.push((await request({ ticketId: ticket.id, phoneNumber: '03-1234-5678' })).callback.callbackAt);
      expect(slots).toEqual([jst('2026-11-25T09:00:00'), jst('2026-11-25T09:00:00'), jst('2026-11-25T09:30:00')]);
      const windowed = await openTicket();
      const inWindow = await request({
        ticketId: windowed.id,
        phoneNumber: '03-1234-5678',
        preferredWindows: [{ startsAt: jst('2026-11-25T14:10:00'), endsAt: jst('2026-11-25T15:30:00') }],
      });
      expect(inWindow.callback).toMatchObject({
        callbackAt: jst('2026-11-25T14:30:00'),
        preferredWindows: [{ startsAt: jst('2026-11-25T14:10:00'), endsAt: jst('2026-11-25T15:30:00') }],
      });
      const closedHours = await openTicket();
      const none = await request({
        ticketId: closedHours.id,
        phoneNumber: '03-1234-5678',
        preferredWindows: [{ startsAt: jst('2026-11-25T21:00:00'), endsAt: jst('2026-11-25T23:00:00') }],
      });
      expect(none).toMatchObject({ callback: null, userErrors: [{ code: 'NO_CALLBACK_SLOT', field: 'input.preferredWindows' }] });
    } finally {
      await app.dataSource.query(`UPDATE teams SET callback_slot_capacity = 4 WHERE id = 'triage'`);
    }
  });

  it('warns CALLBACK_DUE_SOON 15 minutes before the slot, exactly once', async () => {
    app.clock.set('2026-11-26T22:30:00+09:00');
    const ticket = await openTicket();
    const requested = await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' });
    expect(requested.callback.callbackAt).toBe(jst('2026-11-27T09:00:00'));
    expect(await warnDue(jst('2026-11-27T08:44:59'))).toBe(0);
    const [first, concurrent] = await Promise.all([warnDue(jst('2026-11-27T08:45:00')), warnDue(jst('2026-11-27T08:45:00'))]);
    expect(first + concurrent).toBe(1);
    expect(await warnDue(jst('2026-11-27T08:50:00'))).toBe(0);
    const after = await read(ticket.id);
    const warnings = eventsOf(after).filter((event) => event.type === 'CALLBACK_DUE_SOON');
    expect(warnings).toEqual([
      {
        type: 'CALLBACK_DUE_SOON',
        actorRole: 'SYSTEM',
        payload: { callbackId: requested.callback.id, callbackAt: jst('2026-11-27T09:00:00'), team: 'triage', attempt: 1 },
      },
    ]);
    expect(after.callback.warnedAt).toBe(jst('2026-11-27T08:45:00'));
  });

  it('cancels the scheduled callback when the ticket is closed, and when it is handed off away from the platform', async () => {
    app.clock.set('2026-11-28T12:00:00+09:00');
    const closed = await openTicket();
    await request({ ticketId: closed.id, phoneNumber: '090-1234-5678' });
    const resolve = await app.graphql(
      `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { userErrors { code message } } }`,
      { input: { ticketId: closed.id, resolution: 'NO_ACTION' } },
      agentToken,
    );
    expect(resolve.data!.resolveTicket.userErrors).toEqual([]);
    expect((await read(closed.id)).callback.status).toBe('SCHEDULED');
    const close = await app.graphql(
      `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { userErrors { code message } } }`,
      { input: { ticketId: closed.id, status: 'CLOSED' } },
      agentToken,
    );
    expect(close.data!.changeTicketStatus.userErrors).toEqual([]);
    const afterClose = await read(closed.id);
    expect(afterClose.callback).toMatchObject({
      status: 'CANCELLED',
      cancelledReason: 'TICKET_CLOSED',
      cancelledAt: jst('2026-11-28T12:00:00'),
    });
    expect(eventsOf(afterClose).map((event) => event.type)).toEqual(['CALLBACK_SCHEDULED', 'CALLBACK_CANCELLED']);
    expect(eventsOf(afterClose)[1].payload).toMatchObject({ reason: 'TICKET_CLOSED', version: afterClose.version });
    // Nothing is left to warn about.
    expect(await warnDue(jst('2026-11-28T12:15:00'))).toBe(0);

    const sellerId = await insertSeller(app.dataSource);
    const { orderId } = await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId,
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-11-25T21:00:00+09:00',
      shipment: null,
      return: null,
    });
    const handedOff = await openTicket({ category: 'PAYMENT_ISSUE', orderId: toGlobalId('Order', orderId) });
    expect(handedOff.ownerParty).toBe('PLATFORM');
    await request({ ticketId: handedOff.id, phoneNumber: '090-1234-5678' });
    const transfer = await app.graphql(
      `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { userErrors { code message } } }`,
      { input: { ticketId: handedOff.id, toParty: 'SELLER', reason: 'The seller must answer' } },
      agentToken,
    );
    expect(transfer.data!.transferTicket.userErrors).toEqual([]);
    const afterTransfer = await read(handedOff.id);
    expect(afterTransfer.callback).toMatchObject({ status: 'CANCELLED', cancelledReason: 'OWNER_CHANGED' });
    // A seller's ticket is not called back.
    expect((await request({ ticketId: handedOff.id, phoneNumber: '090-1234-5678' })).userErrors).toMatchObject([
      { code: 'NOT_PLATFORM_TICKET' },
    ]);
  });

  it('lets the customer and an agent cancel a scheduled callback: its slot is freed, no warning follows, the phone clock keeps running', async () => {
    app.clock.set('2026-12-01T22:30:00+09:00');
    // One callback per slot, so that a freed place shows.
    await app.dataSource.query(`UPDATE teams SET callback_slot_capacity = 1 WHERE id = 'triage'`);
    try {
      const ticket = await openTicket();
      const requested = await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' });
      expect(requested.callback.callbackAt).toBe(jst('2026-12-02T09:00:00'));
      const other = await openTicket();
      expect((await request({ ticketId: other.id, phoneNumber: '090-1234-5678' })).callback.callbackAt).toBe(jst('2026-12-02T09:30:00'));

      const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: await insertSeller(app.dataSource) });
      expect(await cancel(ticket.id, sellerToken)).toMatchObject({
        callback: null,
        ticket: null,
        userErrors: [{ code: 'CALLBACK_NOT_ALLOWED', field: 'input.ticketId' }],
      });
      const otherCustomer = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: await insertCustomer(app.dataSource) });
      expect((await cancel(ticket.id, otherCustomer)).userErrors).toEqual([
        { code: 'NOT_FOUND', field: 'input.ticketId', message: 'No such ticket' },
      ]);
      expect((await read(ticket.id)).callback.status).toBe('SCHEDULED');

      app.clock.set('2026-12-01T23:00:00+09:00');
      const cancelled = await cancel(ticket.id);
      expect(cancelled.userErrors).toEqual([]);
      expect(cancelled.callback).toMatchObject({
        id: requested.callback.id,
        status: 'CANCELLED',
        cancelledReason: 'REQUESTED',
        cancelledAt: jst('2026-12-01T23:00:00'),
        phoneNumber: '+81******5678',
        callbackAt: jst('2026-12-02T09:00:00'),
      });
      expect(cancelled.ticket).toMatchObject({ id: ticket.id, status: 'NEW' });
      const after = await read(ticket.id);
      expect(eventsOf(after).map((event) => [event.type, event.actorRole])).toEqual([
        ['CALLBACK_SCHEDULED', 'CUSTOMER'],
        ['CALLBACK_CANCELLED', 'CUSTOMER'],
      ]);
      expect(eventsOf(after)[1].payload).toEqual({
        callbackId: requested.callback.id,
        callbackAt: jst('2026-12-02T09:00:00'),
        team: 'triage',
        attempt: 1,
        reason: 'REQUESTED',
      });
      // Booking changed no clock, so cancelling changes none back: FIRST_RESPONSE runs on, unmet.
      expect(after.sla.clocks.find((clock: { metric: string }) => clock.metric === 'FIRST_RESPONSE')).toMatchObject({
        owner: 'PLATFORM',
        state: 'ACTIVE',
        metAt: null,
      });
      expect((await cancel(ticket.id)).userErrors).toEqual([
        { code: 'NO_SCHEDULED_CALLBACK', field: 'input.ticketId', message: 'The ticket has no scheduled callback to cancel' },
      ]);
      expect((await record(ticket.id, 'REACHED')).userErrors).toMatchObject([{ code: 'NO_SCHEDULED_CALLBACK' }]);

      // The 09:00 place is free again; the other ticket's callback still warns, the cancelled one never does.
      const third = await openTicket();
      expect((await request({ ticketId: third.id, phoneNumber: '03-1234-5678' })).callback.callbackAt).toBe(jst('2026-12-02T09:00:00'));
      expect(await warnDue(jst('2026-12-02T08:45:00'))).toBe(1);
      expect(eventsOf(await read(ticket.id)).filter((event) => event.type === 'CALLBACK_DUE_SOON')).toEqual([]);

      // An agent cancels a callback the customer asked for again.
      const again = await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' });
      expect(again.userErrors).toEqual([]);
      const byAgent = await cancel(ticket.id, agentToken);
      expect(byAgent.callback).toMatchObject({ status: 'CANCELLED', cancelledReason: 'REQUESTED', phoneNumber: '+819012345678' });
      expect(eventsOf(await read(ticket.id)).at(-1)).toMatchObject({
        type: 'CALLBACK_CANCELLED',
        actorRole: 'AGENT',
        payload: { reason: 'REQUESTED' },
      });
    } finally {
      await app.dataSource.query(`UPDATE teams SET callback_slot_capacity = 4 WHERE id = 'triage'`);
    }
  });

  it('shows sellers and carriers no callback and lets them request none; lets the chat bot request for the customer', async () => {
    app.clock.set('2026-11-29T12:00:00+09:00');
    const sellerId = await insertSeller(app.dataSource);
    const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const { orderId } = await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId,
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-11-25T21:00:00+09:00',
      shipment: null,
      return: null,
    });
    const sellerTicket = await openTicket({ channel: 'CHAT', category: 'DEFECTIVE_ITEM', orderId: toGlobalId('Order', orderId) });
    expect(sellerTicket.ownerParty).toBe('SELLER');
    // Handed up to the platform, the seller still reads the ticket; the customer asks for a call.
    const escalate = await app.graphql(
      `mutation($input: EscalateTicketInput!) { escalateTicket(input: $input) { userErrors { code message } } }`,
      { input: { ticketId: sellerTicket.id, reason: 'Needs the platform' } },
      sellerToken,
    );
    expect(escalate.data!.escalateTicket.userErrors).toEqual([]);
    expect((await request({ ticketId: sellerTicket.id, phoneNumber: '090-1234-5678' })).userErrors).toEqual([]);
    const sellerView = await read(sellerTicket.id, sellerToken);
    expect(sellerView.callback).toBeNull();
    expect(eventsOf(sellerView)).toEqual([]);
    expect(sellerView.messages).toBeDefined();
    const bySeller = await request({ ticketId: sellerTicket.id, phoneNumber: '090-1234-5678' }, sellerToken);
    expect(bySeller).toMatchObject({
      callback: null,
      ticket: null,
      userErrors: [{ code: 'CALLBACK_NOT_ALLOWED', field: 'input.ticketId' }],
    });
    expect((await record(sellerTicket.id, 'REACHED', sellerToken)).userErrors).toMatchObject([{ code: 'CALLBACK_NOT_ALLOWED' }]);

    const carrierId = await insertCarrier(app.dataSource);
    const carrierToken = await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId });
    const carrierTicketId = toGlobalId('Ticket', await insertTicket(app.dataSource, { customerId, carrierId }));
    expect((await read(carrierTicketId, carrierToken)).callback).toBeNull();
    expect((await request({ ticketId: carrierTicketId, phoneNumber: '090-1234-5678' }, carrierToken)).userErrors).toMatchObject([
      { code: 'CALLBACK_NOT_ALLOWED' },
    ]);

    // The chat bot: a platform API key asks on the customer's behalf.
    const adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const key = (await app.graphql(`mutation { createApiKey(input: { name: "chat bot" }) { key userErrors { code } } }`, {}, adminToken))
      .data!.createApiKey.key as string;
    const botTicket = await openTicket({ channel: 'CHAT' });
    const byBot = await request({ ticketId: botTicket.id, phoneNumber: '0312345678' }, key);
    expect(byBot.userErrors).toEqual([]);
    expect(byBot.callback).toMatchObject({ status: 'SCHEDULED', phoneNumber: '+81*****5678' });
  });

  it('gives the number whole only to staff and to a platform key with CALLBACK_PHONE_NUMBERS (the notifier); events carry it masked for everyone', async () => {
    app.clock.set('2026-11-29T15:00:00+09:00');
    const adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const createKey = async (input: Record<string, unknown>) =>
      (
        await app.graphql(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { scope permissions } userErrors { code field message } } }`,
          { input },
          adminToken,
        )
      ).data!.createApiKey;
    const notifier = await createKey({ name: 'SMS notifier', permissions: ['CALLBACK_PHONE_NUMBERS'] });
    expect(notifier.apiKey).toEqual({ scope: 'PLATFORM', permissions: ['CALLBACK_PHONE_NUMBERS'] });
    const plainKey = await createKey({ name: 'reporting' });
    expect(plainKey.apiKey.permissions).toEqual([]);
    const sellerId = await insertSeller(app.dataSource);
    expect(await createKey({ name: 'shop', sellerId: toGlobalId('Seller', sellerId), permissions: ['CALLBACK_PHONE_NUMBERS'] })).toEqual({
      key: null,
      apiKey: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          field: 'input.permissions',
          message: 'Permissions are given to platform keys only; a seller key sees what its seller sees',
        },
      ],
    });
    const sellerKey = await createKey({ name: 'shop', sellerId: toGlobalId('Seller', sellerId) });

    const ticket = await openTicket();
    expect((await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' })).userErrors).toEqual([]);
    const callbackOf = async (token: string) =>
      (await app.graphql(`query($id: ID!) { ticket(id: $id) { callback { phoneNumber outcomeRecordedBy } } }`, { id: ticket.id }, token))
        .data?.ticket;
    expect(await callbackOf(notifier.key)).toEqual({ callback: { phoneNumber: '+819012345678', outcomeRecordedBy: null } });
    expect(await callbackOf(agentToken)).toEqual({ callback: { phoneNumber: '+819012345678', outcomeRecordedBy: null } });
    expect(await callbackOf(plainKey.key)).toEqual({ callback: { phoneNumber: '+81******5678', outcomeRecordedBy: null } });
    expect(await callbackOf(customerToken)).toEqual({ callback: { phoneNumber: '+81******5678', outcomeRecordedBy: null } });
    // A seller key does not even see this platform ticket.
    expect(await callbackOf(sellerKey.key)).toBeNull();

    // What the notifier consumes: CALLBACK_SCHEDULED names the ticket and the callback, with the number masked.
    const events = (
      await app.graphql(
        `query($id: ID!) { ticket(id: $id) { events(first: 20) { edges { node { type payload } } } } }`,
        { id: ticket.id },
        notifier.key,
      )
    ).data!.ticket.events.edges;
    const scheduled = events
      .map((edge: { node: { type: string; payload: Record<string, unknown> } }) => edge.node)
      .find((event: { type: string }) => event.type === 'CALLBACK_SCHEDULED');
    expect(scheduled.payload.phoneNumber).toBe('+81******5678');

    // Once the callback is recorded, the notifier still sees no agent.
    app.clock.set('2026-11-29T15:40:00+09:00');
    expect((await record(ticket.id, 'REACHED')).userErrors).toEqual([]);
    expect(await callbackOf(notifier.key)).toEqual({ callback: { phoneNumber: '+819012345678', outcomeRecordedBy: null } });
    expect(await callbackOf(agentToken)).toEqual({ callback: { phoneNumber: '+819012345678', outcomeRecordedBy: '11' } });
  });

  it('refuses what is expected to be refused, as userErrors, writing nothing', async () => {
    app.clock.set('2026-11-30T12:00:00+09:00');
    const ticket = await openTicket();
    const [{ count: before }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM ticket_events`);
    expect((await request({ ticketId: ticket.id, phoneNumber: 'not a number' })).userErrors).toMatchObject([
      { code: 'INVALID_PHONE_NUMBER', field: 'input.phoneNumber' },
    ]);
    expect((await request({ ticketId: ticket.id, phoneNumber: '0990-123-456' })).userErrors).toMatchObject([
      { code: 'INVALID_PHONE_NUMBER', field: 'input.phoneNumber' },
    ]);
    const window = { startsAt: jst('2026-11-30T15:00:00'), endsAt: jst('2026-11-30T14:00:00') };
    expect((await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678', preferredWindows: [window] })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: 'input.preferredWindows.0.endsAt' },
    ]);
    expect((await record(ticket.id, 'REACHED')).userErrors).toMatchObject([{ code: 'NO_SCHEDULED_CALLBACK' }]);
    const [{ count: after }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM ticket_events`);
    expect(after).toBe(before);
    expect((await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' })).userErrors).toEqual([]);
    expect((await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' })).userErrors).toMatchObject([
      { code: 'CALLBACK_ALREADY_SCHEDULED' },
    ]);
    expect((await record(ticket.id, 'REACHED', customerToken)).userErrors).toMatchObject([{ code: 'CALLBACK_NOT_ALLOWED' }]);
    const otherCustomer = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: await insertCustomer(app.dataSource) });
    expect((await request({ ticketId: ticket.id, phoneNumber: '090-1234-5678' }, otherCustomer)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: 'input.ticketId', message: 'No such ticket' },
    ]);
  });
});
