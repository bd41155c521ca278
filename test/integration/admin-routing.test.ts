import pino from 'pino';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { createDataSource } from '../../src/db/data-source';
import { RunningServer, startServer } from '../../src/server';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #16 acceptance, over GraphQL: an admin adds a carrier-specific rule and a holiday closure, simulates the
// rule on past tickets, sees the counts, publishes; a ticket opened on another instance within 2 s uses the new
// version; the audit log shows both changes; a non-admin is refused.

const RULES = `{ routingRules { id position owner conditions reason } }`;
const SIMULATE = `query($input: SimulateRoutingTableInput!) { simulateRoutingTable(input: $input) {
  problems ticketsReplayed ticketsWithoutIntakeFacts changedOwner changedRuleOnly groups { category fromOwner toOwner count examples { ticketId number fromRule toRule } } } }`;
const SAVE_RULE = `mutation($input: SaveRoutingRuleInput!) { saveRoutingRule(input: $input) { rule { id version position owner } userErrors { code field message } } }`;
const RETIRE_RULE = `mutation($input: RetireReferenceDataInput!) { retireRoutingRule(input: $input) { rule { id version } userErrors { code field message } } }`;
const REORDER_RULES = `mutation($input: ReorderReferenceDataInput!) { reorderRoutingRules(input: $input) { rules { id version position } userErrors { code field message } } }`;
const SAVE_CALENDAR = `mutation($input: SaveBusinessCalendarInput!) { saveBusinessCalendar(input: $input) { calendar { id version } userErrors { code field message } } }`;
const AUDIT = `{ adminAuditLog(first: 20) { edges { node { entityType entityId version action actorRole } } } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id number ownerParty routing { rule } } userErrors { code message } } }`;

interface Rule {
  id: string;
  position: number;
  owner: string;
  conditions: Array<Record<string, unknown>>;
  reason: string;
}

describe('admin API: routing rules, simulation and publication', () => {
  let app: TestApp;
  let admin: string;
  let customerId: string;
  let sellerId: string;
  let sagawa: string;
  let yamato: string;
  const openFor = async (carrierId: string, category: 'ITEM_NOT_RECEIVED' | 'DEFECTIVE_ITEM', time: string, url?: string) => {
    const { orderId } = await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId,
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-11-28T21:00:00+09:00',
      shipment: {
        carrierId,
        status: 'DELIVERED',
        deliveryMethod: 'LEFT_AT_DOOR',
        shippedAt: '2026-11-26T12:00:00+09:00',
        deliveredAt: '2026-11-28T14:00:00+09:00',
      },
      return: null,
    });
    const text =
      category === 'ITEM_NOT_RECEIVED'
        ? { subject: '荷物が届いていません', body: '配達完了になっていますが受け取っていません。' }
        : { subject: '初期不良', body: '届いたイヤホンの電源が入りません。初期不良だと思います。' };
    app.clock.set(time);
    const variables = {
      input: { customerId: toGlobalId('Customer', customerId), channel: 'EMAIL', ...text, orderId: toGlobalId('Order', orderId) },
    };
    const data = url ? await postTo(url, OPEN, variables, await app.agentToken()) : (await app.graphql(OPEN, variables)).data!;
    expect(data.openTicket.userErrors).toEqual([]);
    return data.openTicket.ticket as { id: string; number: string; ownerParty: string; routing: { rule: string } };
  };
  const sagawaRule = () => ({
    id: 'sagawa-not-received',
    position: 55,
    owner: 'PLATFORM',
    conditions: [{ categories: ['ITEM_NOT_RECEIVED'], shipmentStatuses: ['DELIVERED'], carrierIds: [toGlobalId('Carrier', sagawa)] }],
    reason: 'Shipment is {shipmentStatus} but not received, and SAGAWA claims go through the platform this winter',
  });
  const currentTable = async (): Promise<Rule[]> => (await app.graphql(RULES)).data!.routingRules;

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-12-01T10:00:00+09:00' });
    admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '5' });
    customerId = await insertCustomer(app.dataSource);
    sellerId = await insertSeller(app.dataSource);
    sagawa = await insertCarrier(app.dataSource, 'SAGAWA');
    yamato = await insertCarrier(app.dataSource, 'YAMATO');
  });
  afterAll(() => app.close());

  it('simulates a carrier-specific rule on past tickets, publishes it with a holiday closure, and another instance routes by it within 2 s', async () => {
    const past = [
      await openFor(sagawa, 'ITEM_NOT_RECEIVED', '2026-12-01T10:00:00+09:00'),
      await openFor(sagawa, 'ITEM_NOT_RECEIVED', '2026-12-01T11:00:00+09:00'),
      await openFor(yamato, 'ITEM_NOT_RECEIVED', '2026-12-01T12:00:00+09:00'),
      await openFor(sagawa, 'ITEM_NOT_RECEIVED', '2026-12-02T10:00:00+09:00'),
      await openFor(sagawa, 'DEFECTIVE_ITEM', '2026-12-02T11:00:00+09:00'),
    ];
    expect(past.map((ticket) => [ticket.ownerParty, ticket.routing.rule])).toEqual([
      ['CARRIER', 'delivered-not-received'],
      ['CARRIER', 'delivered-not-received'],
      ['CARRIER', 'delivered-not-received'],
      ['CARRIER', 'delivered-not-received'],
      ['SELLER', 'seller-fulfilled'],
    ]);

    // A non-admin may neither simulate nor publish.
    const proposed = [...(await currentTable()), sagawaRule()];
    expect((await app.graphql(SIMULATE, { input: { rules: proposed } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(SAVE_RULE, { input: sagawaRule() })).data!.saveRoutingRule.userErrors).toMatchObject([
      { code: 'NOT_PERMITTED' },
    ]);

    app.clock.set('2026-12-03T09:00:00+09:00');
    const simulation = (await app.graphql(SIMULATE, { input: { rules: proposed, since: '2026-12-01T00:00:00+09:00' } }, admin)).data!
      .simulateRoutingTable;
    expect(simulation).toEqual({
      problems: [],
      ticketsReplayed: 5,
      ticketsWithoutIntakeFacts: 0,
      changedOwner: 3,
      changedRuleOnly: 0,
      groups: [
        {
          category: 'ITEM_NOT_RECEIVED',
          fromOwner: 'CARRIER',
          toOwner: 'PLATFORM',
          count: 3,
          examples: [past[0], past[1], past[3]].map((ticket) => ({
            ticketId: ticket.id,
            number: ticket.number,
            fromRule: 'delivered-not-received',
            toRule: 'sagawa-not-received',
          })),
        },
      ],
    });
    // A window and a limit narrow it; a broken table is explained, not replayed.
    expect(
      (await app.graphql(SIMULATE, { input: { rules: proposed, since: '2026-12-02T00:00:00+09:00' } }, admin)).data!.simulateRoutingTable,
    ).toMatchObject({ ticketsReplayed: 2, changedOwner: 1 });
    expect(
      (await app.graphql(SIMULATE, { input: { rules: proposed, since: '2026-12-01T00:00:00+09:00', limit: 2 } }, admin)).data!
        .simulateRoutingTable,
    ).toMatchObject({ ticketsReplayed: 2, changedOwner: 2 });
    const broken = (
      await app.graphql(SIMULATE, { input: { rules: [...proposed, { ...sagawaRule(), id: 'too-late', position: 500 }] } }, admin)
    ).data!.simulateRoutingTable;
    expect(broken).toMatchObject({
      problems: [
        'the last rule must be a catch-all (when: [{}])',
        'too-late: can never match: shadowed by the earlier rule sagawa-not-received',
      ],
      ticketsReplayed: 0,
    });
    // The simulation wrote nothing.
    expect((await currentTable()).map((rule) => rule.id)).not.toContain('sagawa-not-received');
    expect((await app.graphql(AUDIT, {}, admin)).data!.adminAuditLog.edges).toEqual([]);

    const otherDataSource = createDataSource({ url: app.config.databaseUrl!, poolSize: 2, log: pino({ level: 'silent' }) });
    await otherDataSource.initialize();
    let other: RunningServer | null = null;
    try {
      other = await startServer({ config: app.config, dataSource: otherDataSource, log: pino({ level: 'silent' }), now: app.clock.now });
      // The other instance routes by the old table (and keeps it cached).
      expect((await openFor(sagawa, 'ITEM_NOT_RECEIVED', '2026-12-03T09:00:00+09:00', other.graphqlUrl)).routing.rule).toBe(
        'delivered-not-received',
      );

      const published = (
        await app.graphql(SAVE_RULE, { input: { ...sagawaRule(), note: 'Simulated on 5 tickets: 3 move to the platform' } }, admin)
      ).data!.saveRoutingRule;
      expect(published).toEqual({ rule: { id: 'sagawa-not-received', version: 1, position: 55, owner: 'PLATFORM' }, userErrors: [] });
      const closure = await app.graphql(
        SAVE_CALENDAR,
        {
          input: {
            id: 'JP_BUSINESS_DAYS',
            name: 'Business days, Mon–Fri 09:00–18:00 JST',
            timeZone: 'Asia/Tokyo',
            alwaysOpen: false,
            holidayCountry: 'JP',
            weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' })),
            closures: [
              { startDate: '12-29', endDate: '01-03', recurringYearly: true, reason: 'Year-end and New Year holidays (年末年始)' },
              { startDate: '2026-12-25', endDate: '2026-12-25', reason: 'Depot closed' },
            ],
          },
        },
        admin,
      );
      expect(closure.data!.saveBusinessCalendar).toEqual({ calendar: { id: 'JP_BUSINESS_DAYS', version: 2 }, userErrors: [] });

      const publishedAt = Date.now();
      let rule = 'delivered-not-received';
      while (rule !== 'sagawa-not-received' && Date.now() - publishedAt < 2000) {
        rule = (await openFor(sagawa, 'ITEM_NOT_RECEIVED', '2026-12-03T09:00:00+09:00', other.graphqlUrl)).routing.rule;
        if (rule !== 'sagawa-not-received') await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect({ rule, withinTwoSeconds: Date.now() - publishedAt < 2000 }).toEqual({ rule: 'sagawa-not-received', withinTwoSeconds: true });
      expect((await openFor(yamato, 'ITEM_NOT_RECEIVED', '2026-12-03T09:00:00+09:00', other.graphqlUrl)).routing.rule).toBe(
        'delivered-not-received',
      );
    } finally {
      await other?.stop();
      await otherDataSource.destroy();
    }

    const audit = (await app.graphql(AUDIT, {}, admin)).data!.adminAuditLog.edges.map(
      (edge: { node: Record<string, unknown> }) => edge.node,
    );
    expect(audit).toEqual([
      { entityType: 'BUSINESS_CALENDAR', entityId: 'JP_BUSINESS_DAYS', version: 2, action: 'UPDATE', actorRole: 'ADMIN' },
      { entityType: 'ROUTING_RULE', entityId: 'sagawa-not-received', version: 1, action: 'CREATE', actorRole: 'ADMIN' },
    ]);
  });

  it('refuses a move that shadows a rule, reorders, updates and retires with new versions', async () => {
    // Behind delivered-not-received (60), the SAGAWA rule could never match.
    const shadowing = (await app.graphql(REORDER_RULES, { input: { positions: [{ id: 'sagawa-not-received', position: 65 }] } }, admin))
      .data!.reorderRoutingRules;
    expect(shadowing.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'input',
        message: 'sagawa-not-received: can never match: shadowed by the earlier rule delivered-not-received',
      },
    ]);
    const moved = (await app.graphql(REORDER_RULES, { input: { positions: [{ id: 'sagawa-not-received', position: 57 }] } }, admin)).data!
      .reorderRoutingRules;
    expect(moved.userErrors).toEqual([]);
    expect(moved.rules.find((rule: { id: string }) => rule.id === 'sagawa-not-received')).toEqual({
      id: 'sagawa-not-received',
      version: 2,
      position: 57,
    });
    expect(
      (await app.graphql(SAVE_RULE, { input: { ...sagawaRule(), expectedVersion: 1 } }, admin)).data!.saveRoutingRule.userErrors,
    ).toMatchObject([{ code: 'VERSION_CONFLICT' }]);
    const unknownField = (await app.graphql(SAVE_RULE, { input: { ...sagawaRule(), conditions: [{ colour: ['red'] }] } }, admin)).data!
      .saveRoutingRule;
    expect(unknownField.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', message: 'sagawa-not-received: unknown condition field "colour"' },
    ]);
    expect((await app.graphql(RETIRE_RULE, { input: { id: 'fallback' } }, admin)).data!.retireRoutingRule.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', message: 'the last rule must be a catch-all (when: [{}])' },
    ]);
    const retired = (await app.graphql(RETIRE_RULE, { input: { id: 'sagawa-not-received', expectedVersion: 2 } }, admin)).data!
      .retireRoutingRule;
    expect(retired).toEqual({ rule: { id: 'sagawa-not-received', version: 2 }, userErrors: [] });
    expect((await openFor(sagawa, 'ITEM_NOT_RECEIVED', '2026-12-03T10:00:00+09:00')).routing.rule).toBe('delivered-not-received');
    // Published again later: the next version of the id, not version 1.
    expect((await app.graphql(SAVE_RULE, { input: sagawaRule() }, admin)).data!.saveRoutingRule.rule).toMatchObject({ version: 3 });
    // Every version stays readable (agents too): what tickets' routing.ruleVersion refers to.
    const versions = (
      await app.graphql(`{ routingRuleVersions(id: "sagawa-not-received") { edges { node { version position isActive } } } }`)
    ).data!.routingRuleVersions.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(versions).toEqual([
      { version: 1, position: 55, isActive: false },
      { version: 2, position: 57, isActive: false },
      { version: 3, position: 55, isActive: true },
    ]);
  });
});

async function postTo(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}
