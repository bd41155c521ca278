import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { RELAY_EMAIL_DOMAIN } from '../../src/auth/masking';
import { insertCarrier, insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { recordSubscription, SubscriptionRecording } from '../support/subscriptions';
import { createTestApp, TestApp } from '../support/test-app';

// Shared execution of the fan-out (docs/events.md): subscriptions with the same document, variables and
// visibility identity form one group; each event is executed once per group and its one result reaches every
// member over graphql-ws, each with its own messages. Groups never share results, and members come and go alone.

interface SeenEvent {
  sequence: string;
  type: string;
  ticketId: string;
  payload: Record<string, unknown>;
  ticket: { subject: string; status: string; customer: { email: string } | null } | null;
}

const SHARED = `subscription Shared { ticketEvents { sequence type ticketId payload ticket { subject status customer { email } } } }`;
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code message } } }`;
const CHANGE_STATUS = `mutation Change($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { userErrors { code message } } }`;

describe('shared execution of the event fan-out', () => {
  let app: TestApp;
  const open: Array<SubscriptionRecording<SeenEvent>> = [];
  const ids = {} as Record<'seller1' | 'seller2' | 'customer1' | 'customer2' | 'carrier1' | 'ticket1' | 'ticket2' | 'ticket3', string>;
  const bearers = {} as Record<
    'agent' | 'otherAgent' | 'admin' | 'seller1' | 'seller2' | 'customer1' | 'customer2' | 'carrier1' | 'platformKey' | 'seller1Key',
    string
  >;
  const global = (ticketId: string) => toGlobalId('Ticket', ticketId);

  const metric = async (name: string): Promise<number> => {
    const text = await (await fetch(`${app.server.url}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)![1]);
  };

  const waitUntil = async (condition: () => Promise<boolean> | boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  /** A subscription, returned once the server counts it. */
  async function subscribe(bearer: string, query = SHARED, variables: Record<string, unknown> = {}) {
    const before = app.server.eventSubscriptions.subscriberCount();
    const recording = await recordSubscription<SeenEvent>({
      graphqlUrl: app.server.graphqlUrl,
      bearer,
      query,
      variables,
      field: 'ticketEvents',
      registered: () => waitUntil(() => app.server.eventSubscriptions.subscriberCount() > before, 'the subscription'),
    });
    open.push(recording);
    return recording;
  }

  async function close(recording: SubscriptionRecording<SeenEvent>) {
    const before = app.server.eventSubscriptions.subscriberCount();
    await recording.close();
    open.splice(open.indexOf(recording), 1);
    await waitUntil(() => app.server.eventSubscriptions.subscriberCount() < before, 'the subscription to end');
  }

  async function post(ticketId: string, body: string, visibility = 'PUBLIC'): Promise<string> {
    const response = await app.graphql(POST, { input: { ticketId: global(ticketId), body, visibility } }, bearers.agent);
    expect(response.data!.postMessage.userErrors).toEqual([]);
    return response.data!.postMessage.message.id;
  }

  const postedEvent = (messageId: string) => (event: SeenEvent) => event.type === 'MESSAGE_POSTED' && event.payload.messageId === messageId;
  const postedMessages = (recording: SubscriptionRecording<SeenEvent>) =>
    recording.received.filter((event) => event.type === 'MESSAGE_POSTED').map((event) => event.payload.messageId);
  const newestSequence = async (): Promise<string> =>
    (await app.dataSource.query(`SELECT coalesce(max(sequence), 0)::text AS newest FROM ticket_events`))[0].newest;
  const groupOf = (visibilityIdentity: string, operationName: string) =>
    app.server.eventSubscriptions
      .snapshots()
      .find((group) => group.visibilityIdentity === visibilityIdentity && group.operationName === operationName);

  beforeAll(async () => {
    app = await createTestApp();
    const { dataSource } = app;
    ids.seller1 = await insertSeller(dataSource);
    ids.seller2 = await insertSeller(dataSource);
    ids.customer1 = await insertCustomer(dataSource);
    ids.customer2 = await insertCustomer(dataSource);
    ids.carrier1 = await insertCarrier(dataSource);
    const order1 = await insertOrder(dataSource, { customerId: ids.customer1, sellerId: ids.seller1, carrierId: ids.carrier1 });
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
    ids.ticket3 = await insertTicket(dataSource, {
      customerId: ids.customer1,
      orderId: order1.orderId,
      sellerId: ids.seller1,
      carrierId: ids.carrier1,
      subject: '配達されていません',
    });
    bearers.agent = await app.agentToken();
    bearers.otherAgent = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '2' });
    bearers.admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    bearers.seller1 = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: ids.seller1 });
    bearers.seller2 = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: ids.seller2 });
    bearers.customer1 = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: ids.customer1 });
    bearers.customer2 = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: ids.customer2 });
    bearers.carrier1 = await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId: ids.carrier1 });
    const createKey = async (input: Record<string, unknown>): Promise<string> => {
      const created = await app.graphql(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key userErrors { code } } }`,
        { input },
        bearers.admin,
      );
      expect(created.data!.createApiKey.userErrors).toEqual([]);
      return created.data!.createApiKey.key;
    };
    bearers.platformKey = await createKey({ name: 'platform integration' });
    bearers.seller1Key = await createKey({ name: 'seller 1 shop system', sellerId: toGlobalId('Seller', ids.seller1) });
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((recording) => recording.close()));
    await waitUntil(() => app.server.eventSubscriptions.groupCount() === 0, 'every group to close');
  });

  afterAll(async () => {
    await app.close();
  });

  it('executes each event once for a group of many subscribers, and delivers the one result to every member', async () => {
    const members = [];
    for (const bearer of [
      bearers.agent,
      bearers.agent,
      bearers.agent,
      bearers.otherAgent,
      bearers.otherAgent,
      bearers.otherAgent,
      bearers.admin,
      bearers.admin,
    ]) {
      members.push(await subscribe(bearer));
    }
    // Agents and admins see alike: one group, whoever they are.
    expect(app.server.eventSubscriptions.snapshots()).toEqual([
      { visibilityIdentity: 'platform-staff', operationName: 'Shared', members: 8, executions: 0 },
    ]);
    expect(await metric('ticketing_event_subscribers')).toBe(8);
    expect(await metric('ticketing_event_subscription_groups')).toBe(1);
    const executionsBefore = await metric('ticketing_event_subscription_executions_total');
    const sequenceBefore = await newestSequence();

    await post(ids.ticket1, '缶の写真を送ってください。');
    await post(ids.ticket2, '交換品を手配します。');
    const last = await post(ids.ticket1, '社内メモ: 交換で対応', 'INTERNAL');
    await Promise.all(members.map((member) => member.waitFor(postedEvent(last))));

    const [{ events }] = await app.dataSource.query(`SELECT count(*)::int AS events FROM ticket_events WHERE sequence > $1`, [
      sequenceBefore,
    ]);
    expect(events).toBeGreaterThanOrEqual(3);
    for (const member of members) {
      expect(member.received).toEqual(members[0].received);
      expect(member.errors).toEqual([]);
    }
    expect(members[0].received).toHaveLength(events);
    expect(groupOf('platform-staff', 'Shared')).toEqual({
      visibilityIdentity: 'platform-staff',
      operationName: 'Shared',
      members: 8,
      executions: events,
    });
    expect((await metric('ticketing_event_subscription_executions_total')) - executionsBefore).toBe(events);
  });

  it('never shares results between visibility identities: scope and masking stay per principal', async () => {
    const agent = await subscribe(bearers.agent);
    const platformKey = await subscribe(bearers.platformKey);
    const seller1 = [await subscribe(bearers.seller1), await subscribe(bearers.seller1)];
    const seller1Key = await subscribe(bearers.seller1Key);
    const seller2 = await subscribe(bearers.seller2);
    const customer1 = await subscribe(bearers.customer1);
    const customer2 = await subscribe(bearers.customer2);
    const carrier1 = await subscribe(bearers.carrier1);
    expect(
      app.server.eventSubscriptions
        .snapshots()
        .map((group) => [group.visibilityIdentity, group.members])
        .sort(),
    ).toEqual(
      [
        ['platform-staff', 1],
        ['integration:platform', 1],
        [`seller:${ids.seller1}`, 2],
        [`integration:seller:${ids.seller1}`, 1],
        [`seller:${ids.seller2}`, 1],
        [`customer:${ids.customer1}`, 1],
        [`customer:${ids.customer2}`, 1],
        [`carrier:${ids.carrier1}`, 1],
      ].sort(),
    );

    const public1 = await post(ids.ticket1, 'セラー1の問い合わせへの返信');
    const public2 = await post(ids.ticket2, 'セラー2の問い合わせへの返信');
    const internal1 = await post(ids.ticket1, '社内メモ: 返金の可能性あり', 'INTERNAL');
    const public3 = await post(ids.ticket3, '配送業者の問い合わせへの返信');
    // Markers after everything: a subscriber that has its marker was offered every earlier event.
    const marker2 = await post(ids.ticket2, 'マーカー2');
    const marker3 = await post(ids.ticket3, 'マーカー3');
    await Promise.all([
      ...[agent, platformKey, ...seller1, seller1Key, customer1, carrier1].map((recording) => recording.waitFor(postedEvent(marker3))),
      ...[seller2, customer2].map((recording) => recording.waitFor(postedEvent(marker2))),
    ]);

    expect(postedMessages(agent)).toEqual([public1, public2, internal1, public3, marker2, marker3]);
    expect(postedMessages(platformKey)).toEqual([public1, public2, public3, marker2, marker3]);
    for (const recording of [...seller1, seller1Key, customer1]) expect(postedMessages(recording)).toEqual([public1, public3, marker3]);
    for (const recording of [seller2, customer2]) expect(postedMessages(recording)).toEqual([public2, marker2]);
    expect(postedMessages(carrier1)).toEqual([public3, marker3]);
    expect(seller1[1].received).toEqual(seller1[0].received);

    // Nested fields are masked by the group's own identity: a relay address per seller and per carrier.
    const emailOn = (recording: SubscriptionRecording<SeenEvent>, messageId: string) =>
      recording.received.find(postedEvent(messageId))!.ticket!.customer!.email;
    expect(emailOn(agent, public3)).toMatch(/@example\.jp$/);
    expect(emailOn(customer1, public3)).toBe(emailOn(agent, public3));
    expect(emailOn(seller1[0], public3)).toMatch(new RegExp(`@${RELAY_EMAIL_DOMAIN}$`));
    expect(emailOn(carrier1, public3)).toMatch(new RegExp(`@${RELAY_EMAIL_DOMAIN}$`));
    expect(emailOn(carrier1, public3)).not.toBe(emailOn(seller1[0], public3));
    expect(emailOn(platformKey, public3)).toBe(emailOn(agent, public3));
  });

  it('keeps a group going for the others when members leave, and forms a new one after the last', async () => {
    const LEAVING = `subscription Leaving($filter: TicketEventSubscriptionFilter) { ticketEvents(filter: $filter) { sequence type ticketId payload } }`;
    const variables = { filter: { ticketId: global(ids.ticket2), types: ['MESSAGE_POSTED'] } };
    const members = [
      await subscribe(bearers.agent, LEAVING, variables),
      await subscribe(bearers.agent, LEAVING, variables),
      await subscribe(bearers.admin, LEAVING, variables),
    ];
    // The same variables with their keys in another order are the same variables; other variables, another group.
    members.push(await subscribe(bearers.agent, LEAVING, { filter: { types: ['MESSAGE_POSTED'], ticketId: global(ids.ticket2) } }));
    const otherVariables = await subscribe(bearers.agent, LEAVING, { filter: { ticketId: global(ids.ticket2) } });
    const leavingGroups = () =>
      app.server.eventSubscriptions
        .snapshots()
        .filter((group) => group.operationName === 'Leaving')
        .map((group) => group.members)
        .sort();
    expect(leavingGroups()).toEqual([1, 4]);
    await close(otherVariables);
    expect(leavingGroups()).toEqual([4]);

    const first = await post(ids.ticket2, '一通目');
    await Promise.all(members.map((member) => member.waitFor(postedEvent(first))));
    await close(members[0]);
    expect(leavingGroups()).toEqual([3]);
    const second = await post(ids.ticket2, '二通目');
    await Promise.all(members.slice(1).map((member) => member.waitFor(postedEvent(second))));
    for (const member of members.slice(1)) expect(postedMessages(member)).toEqual([first, second]);
    expect(postedMessages(members[0])).toEqual([first]);

    for (const member of members.slice(1)) await close(member);
    expect(leavingGroups()).toEqual([]);
    const newcomer = await subscribe(bearers.agent, LEAVING, variables);
    expect(groupOf('platform-staff', 'Leaving')).toEqual({
      visibilityIdentity: 'platform-staff',
      operationName: 'Leaving',
      members: 1,
      executions: 0,
    });
    const third = await post(ids.ticket2, '三通目');
    await newcomer.waitFor(postedEvent(third));
    expect(postedMessages(newcomer)).toEqual([third]);
  });

  it('reads nested fields fresh for every event of a group', async () => {
    const members = [await subscribe(bearers.agent), await subscribe(bearers.otherAgent)];
    for (const status of ['ON_HOLD', 'PENDING']) {
      const changed = await app.graphql(CHANGE_STATUS, { input: { ticketId: global(ids.ticket2), status } }, bearers.agent);
      expect(changed.data!.changeTicketStatus.userErrors).toEqual([]);
      const isChange = (event: SeenEvent) => event.type === 'STATUS_CHANGED' && event.payload.to === status;
      for (const member of members) expect((await member.waitFor(isChange)).ticket!.status).toBe(status);
    }
  });

  it('confines a failing execution to its group: errors go through the formatter, other groups still get data', async () => {
    const FAILING = `subscription Failing { ticketEvents { sequence type payload ticket { subject messages(first: 101) { edges { node { id } } } } } }`;
    const failing = [await subscribe(bearers.agent, FAILING), await subscribe(bearers.agent, FAILING)];
    const healthy = await subscribe(bearers.agent);
    const messageId = await post(ids.ticket1, '失敗するグループの確認');
    await Promise.all([...failing, healthy].map((recording) => recording.waitFor(postedEvent(messageId))));

    for (const recording of failing) {
      expect(recording.received.find(postedEvent(messageId))!.ticket).toBeNull();
      expect(recording.errors.length).toBeGreaterThan(0);
      for (const error of recording.errors as Array<{ extensions: Record<string, unknown> }>) {
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
      }
    }
    expect(healthy.errors).toEqual([]);
    expect(healthy.received.find(postedEvent(messageId))!.ticket!.subject).toBe('抹茶の缶がへこんでいました');
  });
});
