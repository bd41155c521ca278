import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertOrder, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const NOW = '2026-12-01T10:00:00+09:00';

const OPEN_TICKET = `
  mutation($input: OpenTicketInput!) {
    openTicket(input: $input) { ticket { id number status ownerParty version } userErrors { code message } }
  }`;

const POST_MESSAGE = `
  mutation($input: PostMessageInput!) {
    postMessage(input: $input) {
      message { id body authorRole visibility createdAt attachments { name sha256 } }
      ticket { id status version firstRespondedAt lastOwnerMessageAt lastCustomerMessageAt }
      followUpTicket { id }
      userErrors { code field message }
    }
  }`;

const CHANGE_STATUS = `
  mutation($input: ChangeTicketStatusInput!) {
    changeTicketStatus(input: $input) { ticket { status version } userErrors { code field message allowedStatuses } }
  }`;

const TIMELINE = `
  query($id: ID!) {
    ticket(id: $id) {
      status version firstRespondedAt
      messages(first: 100) { edges { node { id body authorRole visibility } } }
      events(first: 100) { edges { node { type actorRole payload } } }
    }
  }`;

interface TimelineEvent {
  type: string;
  actorRole: string;
  payload: Record<string, unknown>;
}

/** Every STATUS_CHANGED must start where the previous one ended, from NEW; returns where the chain ends. */
function replayStatuses(events: TimelineEvent[]): string {
  let status = 'NEW';
  for (const event of events.filter((candidate) => candidate.type === 'STATUS_CHANGED')) {
    expect(event.payload.from).toBe(status);
    status = event.payload.to as string;
  }
  return status;
}

describe('postMessage', () => {
  let app: TestApp;
  let customerId: string;
  let sellerId: string;
  let carrierId: string;
  let orderId: string;
  let tokens: Record<'customer' | 'otherCustomer' | 'seller' | 'otherSeller' | 'carrier' | 'otherCarrier' | 'agent', string>;

  beforeAll(async () => {
    app = await createTestApp({ clock: NOW });
    const { dataSource } = app;
    customerId = await insertCustomer(dataSource, { name: '佐藤 花子' });
    const otherCustomerId = await insertCustomer(dataSource);
    sellerId = await insertSeller(dataSource, '京都茶舗');
    const otherSellerId = await insertSeller(dataSource, '大阪雑貨');
    carrierId = await insertCarrier(dataSource, 'YAMATO');
    const otherCarrierId = await insertCarrier(dataSource, 'SAGAWA');
    orderId = (await insertOrder(dataSource, { customerId, sellerId, carrierId })).orderId;
    tokens = {
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
      otherCustomer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: otherCustomerId }),
      seller: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }),
      otherSeller: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: otherSellerId }),
      carrier: await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId }),
      otherCarrier: await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId: otherCarrierId }),
      agent: await app.agentToken(),
    };
  });
  afterAll(() => app.close());

  /** Opened by the customer through the real intake: DEFECTIVE_ITEM goes to the seller, ITEM_NOT_RECEIVED (delivered) to the carrier, PAYMENT_ISSUE to the platform. */
  async function openTicket(
    category: 'DEFECTIVE_ITEM' | 'ITEM_NOT_RECEIVED' | 'PAYMENT_ISSUE',
  ): Promise<{ id: string; number: string; ownerParty: string }> {
    const details =
      category === 'DEFECTIVE_ITEM'
        ? { reason: '電源が入りません', opened: true, wantedOutcome: 'REPLACEMENT' }
        : category === 'ITEM_NOT_RECEIVED'
          ? { trackingNumber: 'TRK1', leftAtDoor: true, neighboursChecked: true }
          : { paymentMethod: 'CREDIT_CARD', chargeDate: '2026-11-28', amount: 3980, doubleCharge: true };
    const response = await app.graphql(
      OPEN_TICKET,
      {
        input: {
          channel: 'CHAT',
          subject: 'お問い合わせ',
          body: '商品について確認させてください。',
          orderId: toGlobalId('Order', orderId),
          category,
          details,
        },
      },
      tokens.customer,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket;
  }

  const post = (token: string, input: Record<string, unknown>) => app.graphql(POST_MESSAGE, { input }, token);
  const messageCount = async () => Number((await app.dataSource.query('SELECT count(*) AS count FROM messages'))[0].count);

  it('lets the owning seller answer: the first public reply opens the ticket and is its first response', async () => {
    const ticket = await openTicket('DEFECTIVE_ITEM');
    expect(ticket.ownerParty).toBe('SELLER');
    const reply = await post(tokens.seller, {
      ticketId: ticket.id,
      body: '交換品を手配いたします。',
      attachments: [
        {
          name: 'label.pdf',
          contentType: 'application/pdf',
          size: 1024,
          sha256: 'B'.repeat(64),
          url: 'https://files.example.jp/label.pdf',
        },
      ],
    });
    expect(reply.errors).toBeUndefined();
    const payload = reply.data!.postMessage;
    expect(payload.userErrors).toEqual([]);
    expect(payload.message).toMatchObject({
      authorRole: 'SELLER',
      visibility: 'PUBLIC',
      attachments: [{ name: 'label.pdf', sha256: 'b'.repeat(64) }],
    });
    expect(payload.ticket).toMatchObject({
      status: 'OPEN',
      version: 2,
      firstRespondedAt: '2026-12-01T01:00:00.000Z',
      lastOwnerMessageAt: '2026-12-01T01:00:00.000Z',
    });
    expect(payload.followUpTicket).toBeNull();
    // BEGIN, lock, message, ticket update, SLA clocks read, clock update (FIRST_RESPONSE met), ticket SLA
    // times, events, COMMIT.
    expect(reply.statementCount).toBe(9);

    app.clock.advanceMinutes(30);
    const second = await post(tokens.seller, { ticketId: ticket.id, body: '発送しました。' });
    expect(second.data!.postMessage.ticket).toMatchObject({
      status: 'OPEN',
      version: 3,
      firstRespondedAt: '2026-12-01T01:00:00.000Z',
      lastOwnerMessageAt: '2026-12-01T01:30:00.000Z',
    });
    // Nothing left for the clocks to do: no clock or SLA-time writes.
    expect(second.statementCount).toBe(7);

    const timeline = await app.graphql(TIMELINE, { id: ticket.id }, tokens.agent);
    const events: TimelineEvent[] = timeline.data!.ticket.events.edges.map((edge: { node: TimelineEvent }) => edge.node);
    // The customer's message, the bot's first answer from the order (a delivered, returnable order), the seller's reply.
    expect(events.map((event) => event.type)).toEqual([
      'TICKET_OPENED',
      'TICKET_ROUTED',
      'MESSAGE_POSTED',
      'MESSAGE_POSTED',
      'MESSAGE_POSTED',
      'STATUS_CHANGED',
      'SLA_MET',
      'MESSAGE_POSTED',
    ]);
    expect(events[3]).toMatchObject({ actorRole: 'BOT', payload: { authorRole: 'BOT', visibility: 'PUBLIC' } });
    expect(events[4]).toMatchObject({
      actorRole: 'SELLER',
      payload: { messageId: payload.message.id, authorRole: 'SELLER', visibility: 'PUBLIC', version: 2 },
    });
    expect(events[5].payload).toEqual({ from: 'NEW', to: 'OPEN', trigger: 'OWNER_FIRST_REPLY', version: 2 });
  });

  it('moves a PENDING ticket back to OPEN when the customer replies', async () => {
    const ticket = await openTicket('DEFECTIVE_ITEM');
    await app.graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status: 'PENDING' } }, tokens.seller);
    const reply = await post(tokens.customer, { ticketId: ticket.id, body: '写真を添付します。' });
    expect(reply.data!.postMessage.message.authorRole).toBe('CUSTOMER');
    expect(reply.data!.postMessage.ticket).toMatchObject({
      status: 'OPEN',
      version: 3,
      lastCustomerMessageAt: app.clock.now().toISOString(),
      firstRespondedAt: null,
    });
  });

  it('refuses a seller on a ticket its party does not own, and INTERNAL notes from sellers and customers; nothing is written', async () => {
    const carrierTicket = await openTicket('ITEM_NOT_RECEIVED');
    const sellerTicket = await openTicket('DEFECTIVE_ITEM');
    expect(carrierTicket.ownerParty).toBe('CARRIER');
    const before = await messageCount();

    const notOwner = await post(tokens.seller, { ticketId: carrierTicket.id, body: '確認します。' });
    expect(notOwner.data!.postMessage).toMatchObject({
      message: null,
      ticket: null,
      userErrors: [{ code: 'NOT_OWNER', field: 'input.ticketId' }],
    });
    const invisible = await post(tokens.otherSeller, { ticketId: sellerTicket.id, body: '確認します。' });
    expect(invisible.data!.postMessage.userErrors).toEqual([{ code: 'NOT_FOUND', field: 'input.ticketId', message: 'No such ticket' }]);
    const unknown = await post(tokens.seller, { ticketId: toGlobalId('Ticket', '999999'), body: '確認します。' });
    expect(unknown.data!.postMessage.userErrors).toEqual(invisible.data!.postMessage.userErrors);
    const internal = await post(tokens.seller, { ticketId: sellerTicket.id, body: 'メモ', visibility: 'INTERNAL' });
    expect(internal.data!.postMessage.userErrors).toMatchObject([{ code: 'NOT_PERMITTED', field: 'input.visibility' }]);
    const customerInternal = await post(tokens.customer, { ticketId: sellerTicket.id, body: 'メモ', visibility: 'INTERNAL' });
    expect(customerInternal.data!.postMessage.userErrors).toMatchObject([{ code: 'NOT_PERMITTED' }]);
    const otherCustomer = await post(tokens.otherCustomer, { ticketId: sellerTicket.id, body: 'こんにちは' });
    expect(otherCustomer.data!.postMessage.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const empty = await post(tokens.seller, { ticketId: sellerTicket.id, body: '   ' });
    expect(empty.data!.postMessage.userErrors).toMatchObject([{ code: 'BODY_EMPTY', field: 'input.body' }]);
    const malformed = await post(tokens.seller, { ticketId: 'nonsense!', body: 'x' });
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    expect(await messageCount()).toBe(before);
  });

  it('lets the owning carrier write, and refuses it once the ticket left it, on tickets it never had, and for INTERNAL notes', async () => {
    const ticket = await openTicket('ITEM_NOT_RECEIVED');
    const sellerTicket = await openTicket('DEFECTIVE_ITEM');
    const reply = await post(tokens.carrier, { ticketId: ticket.id, body: '配達状況を調査します。' });
    expect(reply.data!.postMessage).toMatchObject({
      message: { authorRole: 'CARRIER' },
      ticket: { status: 'OPEN', version: 2 },
      userErrors: [],
    });
    expect(
      (await post(tokens.carrier, { ticketId: ticket.id, body: 'メモ', visibility: 'INTERNAL' })).data!.postMessage.userErrors,
    ).toMatchObject([{ code: 'NOT_PERMITTED' }]);
    expect((await post(tokens.otherCarrier, { ticketId: ticket.id, body: '確認' })).data!.postMessage.userErrors).toMatchObject([
      { code: 'NOT_FOUND' },
    ]);
    expect((await post(tokens.carrier, { ticketId: sellerTicket.id, body: '確認' })).data!.postMessage.userErrors).toMatchObject([
      { code: 'NOT_FOUND' },
    ]);

    const transfer = await app.graphql(
      `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { ticket { ownerParty } userErrors { code } } }`,
      { input: { ticketId: ticket.id, toParty: 'PLATFORM', reason: '紛失の可能性があるため' } },
      tokens.agent,
    );
    expect(transfer.data!.transferTicket).toEqual({ ticket: { ownerParty: 'PLATFORM' }, userErrors: [] });
    const afterTransfer = await post(tokens.carrier, { ticketId: ticket.id, body: '追加情報です。' });
    expect(afterTransfer.data!.postMessage.userErrors).toMatchObject([{ code: 'NOT_OWNER' }]);
  });

  it("lets a seller answer a claim escalated from it, without that counting as the owner's response", async () => {
    const ticket = await openTicket('DEFECTIVE_ITEM');
    const escalation = await app.graphql(
      `mutation($input: EscalateTicketInput!) { escalateTicket(input: $input) { ticket { ownerParty isEscalated } userErrors { code } } }`,
      { input: { ticketId: ticket.id, reason: '購入者保証の申請' } },
      tokens.agent,
    );
    expect(escalation.data!.escalateTicket).toEqual({ ticket: { ownerParty: 'PLATFORM', isEscalated: true }, userErrors: [] });
    const answer = await post(tokens.seller, { ticketId: ticket.id, body: '返金に応じます。' });
    expect(answer.data!.postMessage).toMatchObject({
      message: { authorRole: 'SELLER' },
      ticket: { status: 'NEW', firstRespondedAt: null, lastOwnerMessageAt: null },
      userErrors: [],
    });
    const platformReply = await post(tokens.agent, { ticketId: ticket.id, body: '返金手続きを開始しました。' });
    expect(platformReply.data!.postMessage.ticket).toMatchObject({ status: 'OPEN', firstRespondedAt: app.clock.now().toISOString() });
  });

  it("counts an agent's public reply as a response only when the platform owns the ticket, and hides INTERNAL notes from customers and sellers", async () => {
    const sellerTicket = await openTicket('DEFECTIVE_ITEM');
    const agentOnSeller = await post(tokens.agent, { ticketId: sellerTicket.id, body: '出品者に確認中です。' });
    expect(agentOnSeller.data!.postMessage.ticket).toMatchObject({ status: 'NEW', firstRespondedAt: null, lastOwnerMessageAt: null });
    const note = await post(tokens.agent, { ticketId: sellerTicket.id, body: '過去にも同様の申告あり', visibility: 'INTERNAL' });
    expect(note.data!.postMessage.message).toMatchObject({ authorRole: 'AGENT', visibility: 'INTERNAL' });
    const asCustomer = await app.graphql(TIMELINE, { id: sellerTicket.id }, tokens.customer);
    const asSeller = await app.graphql(TIMELINE, { id: sellerTicket.id }, tokens.seller);
    const asAgent = await app.graphql(TIMELINE, { id: sellerTicket.id }, tokens.agent);
    const visibilities = (response: typeof asAgent) =>
      response.data!.ticket.messages.edges.map((edge: { node: { visibility: string } }) => edge.node.visibility);
    // The customer's message, the bot's first answer, then the agent's note (only for agents) and public reply.
    expect(visibilities(asCustomer)).toEqual(['PUBLIC', 'PUBLIC', 'PUBLIC']);
    expect(visibilities(asSeller)).toEqual(['PUBLIC', 'PUBLIC', 'PUBLIC']);
    expect(visibilities(asAgent)).toEqual(['PUBLIC', 'PUBLIC', 'INTERNAL', 'PUBLIC']);

    const platformTicket = await openTicket('PAYMENT_ISSUE');
    expect(platformTicket.ownerParty).toBe('PLATFORM');
    const internalFirst = await post(tokens.agent, { ticketId: platformTicket.id, body: '決済ログ確認', visibility: 'INTERNAL' });
    expect(internalFirst.data!.postMessage.ticket).toMatchObject({ status: 'NEW', firstRespondedAt: null });
    const publicReply = await post(tokens.agent, { ticketId: platformTicket.id, body: '二重請求を確認しました。' });
    expect(publicReply.data!.postMessage.ticket).toMatchObject({ status: 'OPEN', firstRespondedAt: app.clock.now().toISOString() });
  });

  it('stores a message once per (caller, idempotency key) and returns the first one on a retry', async () => {
    const ticket = await openTicket('DEFECTIVE_ITEM');
    const first = await post(tokens.customer, { ticketId: ticket.id, body: '追加の質問です。', idempotencyKey: 'question-1' });
    const retry = await post(tokens.customer, { ticketId: ticket.id, body: '追加の質問です。', idempotencyKey: 'question-1' });
    expect(retry.data!.postMessage.message.id).toBe(first.data!.postMessage.message.id);
    expect(retry.data!.postMessage.ticket.version).toBe(2);
    const sameKeyOtherCaller = await post(tokens.seller, { ticketId: ticket.id, body: '回答です。', idempotencyKey: 'question-1' });
    expect(sameKeyOtherCaller.data!.postMessage.message.id).not.toBe(first.data!.postMessage.message.id);
    // The same key with another body is another request: refused, nothing stored (issue #14, point 7).
    const reused = await post(tokens.customer, { ticketId: ticket.id, body: '別の質問です。', idempotencyKey: 'question-1' });
    expect(reused.data!.postMessage.message).toBeNull();
    expect(reused.data!.postMessage.userErrors).toMatchObject([{ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' }]);
    // So is the same body with other attachments, or on another ticket: the whole input counts.
    const attachment = {
      name: 'photo.jpg',
      contentType: 'image/jpeg',
      size: 1024,
      sha256: 'C'.repeat(64),
      url: 'https://files.example.jp/photo.jpg',
    };
    const otherTicket = await openTicket('DEFECTIVE_ITEM');
    for (const changed of [{ attachments: [attachment] }, { ticketId: otherTicket.id }]) {
      const reusedAgain = await post(tokens.customer, {
        ticketId: ticket.id,
        body: '追加の質問です。',
        idempotencyKey: 'question-1',
        ...changed,
      });
      expect(reusedAgain.data!.postMessage.userErrors).toMatchObject([{ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' }]);
    }
    // An agent's INTERNAL note and a PUBLIC reply of the same words under one key are two requests.
    const note = await post(tokens.agent, { ticketId: ticket.id, body: '確認中', visibility: 'INTERNAL', idempotencyKey: 'note-1' });
    expect(note.data!.postMessage.userErrors).toEqual([]);
    const published = await post(tokens.agent, { ticketId: ticket.id, body: '確認中', visibility: 'PUBLIC', idempotencyKey: 'note-1' });
    expect(published.data!.postMessage.userErrors).toMatchObject([{ code: 'IDEMPOTENCY_KEY_REUSED' }]);
    const timeline = await app.graphql(TIMELINE, { id: ticket.id }, tokens.agent);
    expect(timeline.data!.ticket.messages.edges).toHaveLength(5); // with the bot's first answer and the note
    expect(timeline.data!.ticket.version).toBe(3); // the INTERNAL note moves no version
  });

  it('stores one message when the same key is sent at once to two tickets, and refuses the other as a reused key', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [first, second] = [await openTicket('DEFECTIVE_ITEM'), await openTicket('DEFECTIVE_ITEM')];
      const before = await messageCount();
      const responses = await Promise.all(
        [first, second].map((ticket) =>
          post(tokens.customer, { ticketId: ticket.id, body: '同じ内容です。', idempotencyKey: `shared-key-${round}` }),
        ),
      );
      // Two tickets are two inputs: one request stores its message, the other is IDEMPOTENCY_KEY_REUSED.
      const codes = responses
        .map((response) => response.data!.postMessage.userErrors.map((error: { code: string }) => error.code).join(','))
        .sort();
      expect(codes).toEqual(['', 'IDEMPOTENCY_KEY_REUSED']);
      expect(await messageCount()).toBe(before + 1);
    }
  });

  it('pages through the conversation in order with a cursor', async () => {
    const ticket = await openTicket('DEFECTIVE_ITEM');
    for (let index = 1; index <= 4; index += 1) {
      app.clock.advanceMinutes(1);
      await post(index % 2 === 0 ? tokens.seller : tokens.customer, { ticketId: ticket.id, body: `メッセージ ${index}` });
    }
    const page = `query($id: ID!, $after: String) { ticket(id: $id) { messages(first: 2, after: $after) { edges { node { body } } pageInfo { hasNextPage endCursor } } } }`;
    const bodies: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await app.graphql(page, { id: ticket.id, after }, tokens.customer);
      const connection: { edges: Array<{ node: { body: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        response.data!.ticket.messages;
      bodies.push(...connection.edges.map((edge) => edge.node.body));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(bodies[1]).toMatch(/^お問い合わせいただきありがとうございます。\n/); // the bot's first answer
    expect(bodies.filter((_, index) => index !== 1)).toEqual([
      '商品について確認させてください。',
      'メッセージ 1',
      'メッセージ 2',
      'メッセージ 3',
      'メッセージ 4',
    ]);
  });

  it('keeps every message and every change when the customer and the seller write and move the status at once (20 rounds of 20)', async () => {
    const STATUS_TARGETS = ['PENDING', 'ON_HOLD', 'OPEN', 'PENDING', 'OPEN', 'ON_HOLD', 'PENDING', 'OPEN'];
    for (let round = 0; round < 20; round += 1) {
      const ticket = await openTicket('DEFECTIVE_ITEM');
      // 12 messages (10 distinct keys; the last two retry the first two) and 8 status changes, all at once.
      const operations = Array.from({ length: 20 }, (_unused, index) => {
        if (index < 12) {
          const keyIndex = index < 10 ? index : index - 10;
          const token = keyIndex % 2 === 0 ? tokens.customer : tokens.seller;
          return post(token, {
            ticketId: ticket.id,
            body: `round ${round} message ${keyIndex}`,
            idempotencyKey: `round-${round}-message-${keyIndex}`,
          }).then((response) => ({ kind: 'message' as const, keyIndex, response }));
        }
        return app
          .graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status: STATUS_TARGETS[index - 12] } }, tokens.seller)
          .then((response) => ({ kind: 'status' as const, keyIndex: -1, response }));
      });
      const results = await Promise.all(operations);

      for (const { response } of results) expect(response.errors).toBeUndefined();
      const messageResults = results.filter((result) => result.kind === 'message');
      for (const result of messageResults) expect(result.response.data!.postMessage.userErrors).toEqual([]);
      const messageIdByKey = new Map<number, string>();
      for (const result of messageResults) {
        const id = result.response.data!.postMessage.message.id;
        expect(messageIdByKey.get(result.keyIndex) ?? id).toBe(id);
        messageIdByKey.set(result.keyIndex, id);
      }
      const statusResults = results.filter((result) => result.kind === 'status').map((result) => result.response.data!.changeTicketStatus);
      for (const result of statusResults) {
        // The only refusal possible here: the ticket is already where the seller asked to move it.
        if (result.userErrors.length > 0)
          expect(result.userErrors).toMatchObject([
            { code: 'INVALID_TRANSITION', message: expect.stringMatching(/^The ticket is already /) },
          ]);
      }
      const statusChanges = statusResults.filter((result) => result.userErrors.length === 0).length;

      const timeline = await app.graphql(TIMELINE, { id: ticket.id }, tokens.agent);
      const stored = timeline.data!.ticket;
      const bodies: string[] = stored.messages.edges.map((edge: { node: { body: string } }) => edge.node.body);
      expect(bodies).toHaveLength(12); // the customer's first message, the bot's first answer, 10 more
      expect(new Set(bodies).size).toBe(12);
      const storedIds = new Set(stored.messages.edges.map((edge: { node: { id: string } }) => edge.node.id));
      expect([...messageIdByKey.values()].every((id) => storedIds.has(id))).toBe(true);

      // One version per change: 10 messages and every accepted status change.
      expect(stored.version).toBe(1 + 10 + statusChanges);
      const events: TimelineEvent[] = stored.events.edges.map((edge: { node: TimelineEvent }) => edge.node);
      expect(events.filter((event) => event.type === 'MESSAGE_POSTED')).toHaveLength(12);
      expect(replayStatuses(events)).toBe(stored.status);
      // After opened, routed, the customer's message and the bot's first answer: one version per change.
      const versions = events.slice(4).map((event) => event.payload.version as number);
      expect(versions).toEqual([...versions].sort((left, right) => left - right));
      expect(new Set(versions)).toEqual(new Set(Array.from({ length: stored.version - 1 }, (_unused, index) => index + 2)));
      expect(stored.firstRespondedAt).toBe(app.clock.now().toISOString());
    }
  }, 180_000);
});
