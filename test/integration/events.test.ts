import pino from 'pino';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { PrincipalRole, TicketEventType } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { RunningServer, startServer } from '../../src/server';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { encodeCursor } from '../../src/rules/pagination.rule';
import { appendTicketEvents } from '../../src/services/ticket-events';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { recordSubscription, SubscriptionRecording } from '../support/subscriptions';
import { createTestApp, TestApp } from '../support/test-app';

// docs/events.md: committed events reach subscribers of every instance, never a rolled-back one, in sequence order per
// ticket, within the subscriber's scope; the feed pages the same log by sequence. Two server instances share one
// database, each with its own DataSource and its own listening connection, as two processes would.

interface SeenEvent {
  id: string;
  sequence: string;
  type: string;
  ticketId: string;
  actorRole: string;
  payload: Record<string, unknown>;
  ticket: { id: string; subject: string } | null;
}

interface FeedPage {
  edges: Array<{ cursor: string; node: SeenEvent }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const EVENT_FIELDS = 'id sequence type ticketId actorRole payload ticket { id subject }';
const SUBSCRIBE = `subscription Watch($filter: TicketEventSubscriptionFilter) { ticketEvents(filter: $filter) { ${EVENT_FIELDS} } }`;
const FEED = `query Feed($first: Int, $after: String, $filter: EventFeedFilter) {
  events(first: $first, after: $after, filter: $filter) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code message } } }`;
const CHANGE_STATUS = `mutation Change($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { ticket { status } userErrors { code message } } }`;

const subscriberGauge = async (serverUrl: string): Promise<number> => {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  return Number(/^ticketing_event_subscribers (\d+)/m.exec(text)![1]);
};

describe('events across server instances', () => {
  let app: TestApp;
  let dataSourceB: DataSource;
  let serverB: RunningServer;
  let agentBearer: string;
  let adminBearer: string;
  const open: Array<SubscriptionRecording<SeenEvent>> = [];
  const ids = {} as {
    seller1: string;
    seller2: string;
    customer1: string;
    customer2: string;
    ticket1: string;
    ticket2: string;
    ticket3: string;
  };
  const global = (ticketId: string) => toGlobalId('Ticket', ticketId);

  /** A subscription on `server`, returned once that server has registered it. */
  async function subscribe(server: { url: string; graphqlUrl: string }, bearer: string, filter: Record<string, unknown> | null = null) {
    const before = await subscriberGauge(server.url);
    const recording = await recordSubscription<SeenEvent>({
      graphqlUrl: server.graphqlUrl,
      bearer,
      query: SUBSCRIBE,
      variables: { filter },
      field: 'ticketEvents',
      registered: async () => {
        const deadline = Date.now() + 5_000;
        while ((await subscriberGauge(server.url)) < before + 1) {
          if (Date.now() > deadline) throw new Error('the subscription was not registered');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
    });
    open.push(recording);
    return recording;
  }

  async function post(ticketId: string, body: string, options: { visibility?: string; bearer?: string } = {}): Promise<string> {
    const response = await app.graphql(
      POST,
      { input: { ticketId: global(ticketId), body, visibility: options.visibility ?? 'PUBLIC' } },
      options.bearer ?? agentBearer,
    );
    expect(response.data!.postMessage.userErrors).toEqual([]);
    return response.data!.postMessage.message.id;
  }

  const postedEvent = (messageId: string) => (event: SeenEvent) => event.type === 'MESSAGE_POSTED' && event.payload.messageId === messageId;

  async function feed(variables: Record<string, unknown>, bearer = agentBearer): Promise<FeedPage> {
    const response = await app.graphql(FEED, variables, bearer);
    expect(response.errors).toBeUndefined();
    const page: FeedPage = response.data!.events;
    // The page, and one batch for the tickets of all its events.
    expect(response.statementCount).toBe(page.edges.length > 0 ? 2 : 1);
    return page;
  }

  async function readWholeFeed(bearer: string, filter: Record<string, unknown> | null = null, pageSize = 7): Promise<SeenEvent[]> {
    const events: SeenEvent[] = [];
    let after: string | null = null;
    for (;;) {
      const page: FeedPage = await feed({ first: pageSize, after, filter }, bearer);
      events.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return events;
      after = page.pageInfo.endCursor;
    }
  }

  /** Ages the whole log past the feed's settle time: gaps left by earlier rollbacks no longer hold it back. */
  const settleEventLog = () => app.dataSource.query(`UPDATE ticket_events SET recorded_at = recorded_at - interval '10 minutes'`);

  beforeAll(async () => {
    app = await createTestApp();
    dataSourceB = createDataSource({ url: app.config.databaseUrl!, poolSize: 5, log: pino({ level: 'silent' }) });
    await dataSourceB.initialize();
    serverB = await startServer({ config: app.config, dataSource: dataSourceB, log: pino({ level: 'silent' }), now: app.clock.now });
    agentBearer = await app.agentToken();
    adminBearer = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const { dataSource } = app;
    ids.seller1 = await insertSeller(dataSource, '京都茶舗');
    ids.seller2 = await insertSeller(dataSource, '大阪雑貨');
    ids.customer1 = await insertCustomer(dataSource);
    ids.customer2 = await insertCustomer(dataSource);
    const order1 = await insertOrder(dataSource, { customerId: ids.customer1, sellerId: ids.seller1 });
    const order2 = await insertOrder(dataSource, { customerId: ids.customer2, sellerId: ids.seller2 });
    ids.ticket1 = await insertTicket(dataSource, {
      customerId: ids.customer1,
      orderId: order1.orderId,
      sellerId: ids.seller1,
      subject: '抹茶の缶がへこんでいました',
    });
    ids.ticket2 = await insertTicket(dataSource, {
      customerId: ids.customer2,
      orderId: order2.orderId,
      sellerId: ids.seller2,
      subject: '色が違います',
    });
    ids.ticket3 = await insertTicket(dataSource, { customerId: ids.customer1, subject: 'ポイントが反映されません' });
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((recording) => recording.close()));
  });

  afterAll(async () => {
    await serverB.stop();
    await dataSourceB.destroy();
    await app.close();
  });

  it('delivers to a subscriber on instance B, within 1 s, the event of a mutation on instance A', async () => {
    const onB = await subscribe(serverB, agentBearer, { ticketId: global(ids.ticket1) });
    const startedAt = Date.now();
    const messageId = await post(ids.ticket1, '缶の写真を送ってください。');
    const event = await onB.waitFor(postedEvent(messageId), 1_000);
    const elapsedMs = Date.now() - startedAt;
    expect(elapsedMs).toBeLessThan(1_000);
    const [stored] = await app.dataSource.query(`SELECT sequence FROM ticket_events WHERE payload->>'messageId' = $1`, [messageId]);
    expect(event).toMatchObject({
      sequence: stored.sequence,
      id: toGlobalId('TicketEvent', stored.sequence),
      ticketId: global(ids.ticket1),
      actorRole: 'AGENT',
      ticket: { id: global(ids.ticket1) },
    });
    console.log(`cross-instance delivery: mutation on A to event on B in ${elapsedMs} ms`);
  });

  it('announces nothing, anywhere, of a change that rolled back: no event, no NOTIFY, no webhook delivery or job', async () => {
    const endpoint = await app.graphql(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } userErrors { code } } }`,
      { input: { url: 'http://127.0.0.1:9/never-called', eventTypes: Object.values(TicketEventType) } },
      adminBearer,
    );
    expect(endpoint.data!.createWebhookEndpoint.userErrors).toEqual([]);
    const onA = await subscribe(app.server, agentBearer);
    const onB = await subscribe(serverB, agentBearer);
    const [{ newest }] = await app.dataSource.query(`SELECT max(sequence)::text AS newest FROM ticket_events`);

    await expect(
      app.dataSource.transaction(async (manager) => {
        await appendTicketEvents(manager, [
          {
            ticketId: ids.ticket1,
            type: TicketEventType.STATUS_CHANGED,
            actor: SYSTEM_ACTOR,
            createdAt: new Date(),
            payload: { rolledBack: true },
          },
        ]);
        throw new Error('forced failure after the events were appended');
      }),
    ).rejects.toThrow('forced failure');
    // A refused mutation writes nothing either.
    const refused = await app.graphql(CHANGE_STATUS, { input: { ticketId: global(ids.ticket1), status: 'SOLVED' } });
    expect(refused.data!.changeTicketStatus.userErrors[0].code).toBe('INVALID_INPUT');

    const markerId = await post(ids.ticket1, 'ロールバックの後のメッセージ');
    await Promise.all([onA.waitFor(postedEvent(markerId)), onB.waitFor(postedEvent(markerId))]);
    for (const recording of [onA, onB]) {
      expect(recording.received.filter((event) => event.payload.rolledBack === true)).toEqual([]);
      expect(recording.received.map((event) => event.type)).toEqual(['MESSAGE_POSTED']);
    }
    const [after] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM ticket_events WHERE sequence > $1) AS events,
              (SELECT count(*)::int FROM ticket_events WHERE payload ? 'rolledBack') AS rolled_back,
              (SELECT count(*)::int FROM webhook_deliveries WHERE event_sequence > $1) AS deliveries,
              (SELECT count(*)::int FROM graphile_worker.jobs WHERE task_identifier = 'deliver-webhook') AS jobs`,
      [newest],
    );
    expect(after).toEqual({ events: 1, rolled_back: 0, deliveries: 1, jobs: 1 });
    await app.graphql(
      `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { userErrors { code } } }`,
      { id: endpoint.data!.createWebhookEndpoint.endpoint.id },
      adminBearer,
    );
  });

  it('delivers an event whose transaction commits after later ones, and the feed waits for it', async () => {
    await settleEventLog();
    const onB = await subscribe(serverB, agentBearer);
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const [heldSequence] = await appendTicketEvents(runner.manager, [
        {
          ticketId: ids.ticket3,
          type: TicketEventType.STATUS_CHANGED,
          actor: SYSTEM_ACTOR,
          createdAt: new Date(),
          payload: { held: true },
        },
      ]);
      const overtakingId = await post(ids.ticket1, '先にコミットされるメッセージ');
      const overtaking = await onB.waitFor(postedEvent(overtakingId));
      expect(BigInt(overtaking.sequence)).toBeGreaterThan(BigInt(heldSequence));

      // The feed stops before the sequence still in flight instead of passing it for good.
      const beforeHeld = encodeCursor({ sortValue: String(BigInt(heldSequence) - 1n), id: String(BigInt(heldSequence) - 1n) });
      const waiting = await feed({ first: 10, after: beforeHeld });
      expect(waiting.edges).toEqual([]);
      expect(waiting.pageInfo.hasNextPage).toBe(false);

      await runner.commitTransaction();
      const held = await onB.waitFor((event) => event.payload.held === true);
      expect(held.sequence).toBe(heldSequence);
      const caughtUp = await feed({ first: 10, after: beforeHeld });
      expect(caughtUp.edges.map((edge) => edge.node.sequence)).toEqual([heldSequence, overtaking.sequence]);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('pauses the feed at a rolled-back sequence until it is settled, then moves past it', async () => {
    await settleEventLog();
    const everything = await readWholeFeed(agentBearer);
    const tail = encodeCursor({ sortValue: everything.at(-1)!.sequence, id: everything.at(-1)!.sequence });
    await expect(
      app.dataSource.transaction(async (manager) => {
        await appendTicketEvents(manager, [
          {
            ticketId: ids.ticket1,
            type: TicketEventType.STATUS_CHANGED,
            actor: SYSTEM_ACTOR,
            createdAt: new Date(),
            payload: { rolledBack: true },
          },
        ]);
        throw new Error('forced failure');
      }),
    ).rejects.toThrow('forced failure');
    const messageId = await post(ids.ticket1, 'ギャップの後のメッセージ');
    expect((await feed({ first: 10, after: tail })).edges).toEqual([]);
    // What the settle time does on its own after 30 seconds.
    await app.dataSource.query(`UPDATE ticket_events SET recorded_at = now() - interval '31 seconds' WHERE payload->>'messageId' = $1`, [
      messageId,
    ]);
    expect((await feed({ first: 10, after: tail })).edges.map((edge) => edge.node.payload.messageId)).toEqual([messageId]);
  });

  it('pages the feed by sequence with cursors, with every filter, and refuses bad pages', async () => {
    await post(ids.ticket2, '交換品を発送しました。');
    await post(ids.ticket3, 'ポイントを付与しました。');
    await settleEventLog();
    const stored: Array<{ sequence: string; ticket_id: string; type: string; created_at: Date }> = await app.dataSource.query(
      `SELECT sequence, ticket_id, type, created_at FROM ticket_events ORDER BY sequence`,
    );
    expect((await readWholeFeed(agentBearer, null, 3)).map((event) => event.sequence)).toEqual(stored.map((row) => row.sequence));
    expect((await readWholeFeed(agentBearer, { ticketId: global(ids.ticket2) })).map((event) => event.sequence)).toEqual(
      stored.filter((row) => String(row.ticket_id) === ids.ticket2).map((row) => row.sequence),
    );
    expect((await readWholeFeed(agentBearer, { types: ['MESSAGE_POSTED'] })).map((event) => event.sequence)).toEqual(
      stored.filter((row) => row.type === 'MESSAGE_POSTED').map((row) => row.sequence),
    );
    const since = stored[Math.floor(stored.length / 2)].created_at;
    expect((await readWholeFeed(agentBearer, { since: since.toISOString() })).map((event) => event.sequence)).toEqual(
      stored.filter((row) => row.created_at.getTime() >= since.getTime()).map((row) => row.sequence),
    );
    // Resuming from a saved cursor gives exactly what follows it.
    const firstPage = await feed({ first: 4 });
    const rest = await feed({ first: 100, after: firstPage.pageInfo.endCursor });
    expect([...firstPage.edges, ...rest.edges].map((edge) => edge.node.sequence)).toEqual(stored.map((row) => row.sequence));

    const tooMany = await app.graphql(FEED, { first: 101 });
    expect(tooMany.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const badCursor = await app.graphql(FEED, { first: 10, after: 'not-a-cursor' });
    expect(badCursor.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps subscriptions and the feed in scope: sellers see only their tickets, non-staff no INTERNAL notes', async () => {
    const seller1 = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: ids.seller1 });
    const seller2 = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: ids.seller2 });
    const customer1 = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: ids.customer1 });
    const seller1All = await subscribe(serverB, seller1);
    const seller1OnOthersTicket = await subscribe(serverB, seller1, { ticketId: global(ids.ticket2) });
    const seller2All = await subscribe(app.server, seller2);
    const customer1All = await subscribe(serverB, customer1);
    const agentAll = await subscribe(serverB, agentBearer);

    const public1 = await post(ids.ticket1, 'セラー1の問い合わせへの返信');
    const public2 = await post(ids.ticket2, 'セラー2の問い合わせへの返信');
    const internal1 = await post(ids.ticket1, '社内メモ: 返金の可能性あり', { visibility: 'INTERNAL' });
    const public3 = await post(ids.ticket3, 'プラットフォームの問い合わせへの返信');
    // Markers after everything: a subscriber that has its marker was offered every earlier event (sequence order).
    const marker1 = await post(ids.ticket1, 'セラー1のマーカー');
    const marker2 = await post(ids.ticket2, 'セラー2のマーカー');
    await Promise.all([
      seller1All.waitFor(postedEvent(marker1)),
      seller2All.waitFor(postedEvent(marker2)),
      customer1All.waitFor(postedEvent(marker1)),
      agentAll.waitFor(postedEvent(marker2)),
    ]);

    const messagesOf = (recording: SubscriptionRecording<SeenEvent>) => recording.received.map((event) => event.payload.messageId);
    expect(messagesOf(seller1All)).toEqual([public1, marker1]);
    expect(messagesOf(seller2All)).toEqual([public2, marker2]);
    expect(messagesOf(customer1All)).toEqual([public1, public3, marker1]);
    expect(messagesOf(agentAll)).toEqual([public1, public2, internal1, public3, marker1, marker2]);
    expect(seller1OnOthersTicket.received).toEqual([]);
    for (const recording of [seller1All, seller2All, customer1All, agentAll]) {
      const byTicket = new Map<string, bigint[]>();
      for (const event of recording.received)
        byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), BigInt(event.sequence)]);
      for (const sequences of byTicket.values()) expect([...sequences].sort((left, right) => (left < right ? -1 : 1))).toEqual(sequences);
    }

    await settleEventLog();
    const seller1Feed = await readWholeFeed(seller1);
    expect(new Set(seller1Feed.map((event) => event.ticketId))).toEqual(new Set([global(ids.ticket1)]));
    expect(seller1Feed.filter((event) => event.payload.visibility === 'INTERNAL')).toEqual([]);
    expect(seller1Feed.map((event) => event.payload.messageId)).toContain(public1);
    expect(await readWholeFeed(seller1, { ticketId: global(ids.ticket2) })).toEqual([]);
    const customerFeed = await readWholeFeed(customer1);
    expect(new Set(customerFeed.map((event) => event.ticketId))).toEqual(new Set([global(ids.ticket1), global(ids.ticket3)]));
    expect(customerFeed.map((event) => event.payload.messageId)).not.toContain(internal1);
  });

  it('filters a subscription by ticket, event types and current owner', async () => {
    const messagesOnly = await subscribe(serverB, agentBearer, { types: ['MESSAGE_POSTED'] });
    const sellerOwned = await subscribe(serverB, agentBearer, { owner: 'SELLER' });
    const everything = await subscribe(serverB, agentBearer);
    const changed = await app.graphql(CHANGE_STATUS, { input: { ticketId: global(ids.ticket3), status: 'ON_HOLD' } });
    expect(changed.data!.changeTicketStatus.userErrors).toEqual([]);
    const onSellerTicket = await post(ids.ticket1, 'フィルタの確認');
    await everything.waitFor(postedEvent(onSellerTicket));
    await messagesOnly.waitFor(postedEvent(onSellerTicket));
    await sellerOwned.waitFor(postedEvent(onSellerTicket));
    expect(everything.received.map((event) => event.type)).toContain('STATUS_CHANGED');
    expect(messagesOnly.received.every((event) => event.type === 'MESSAGE_POSTED')).toBe(true);
    expect(sellerOwned.received.every((event) => event.ticketId === global(ids.ticket1))).toBe(true);
  });

  it('re-reads from the last delivered sequence after its listening connection drops', async () => {
    const onB = await subscribe(serverB, agentBearer, { ticketId: global(ids.ticket1) });
    const [{ terminated }] = await app.dataSource.query(
      `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
       WHERE application_name = 'marketplace-ticketing-events' AND datname = current_database()`,
    );
    expect(terminated).toBe(2);
    // Committed while both listeners are down or reconnecting: its NOTIFY reaches nobody.
    const messageId = await post(ids.ticket1, '接続が切れている間のメッセージ');
    await onB.waitFor(postedEvent(messageId), 10_000);
    const later = await post(ids.ticket1, '再接続の後のメッセージ');
    await onB.waitFor(postedEvent(later));
    expect(onB.received.map((event) => event.payload.messageId)).toEqual([messageId, later]);
    const [{ listening }] = await app.dataSource.query(
      `SELECT count(*)::int AS listening FROM pg_stat_activity WHERE application_name = 'marketplace-ticketing-events' AND datname = current_database()`,
    );
    expect(listening).toBe(2);
  });
});
