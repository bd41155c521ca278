import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #16 points 1 and 5: admins change business calendars (a holiday closure, a seller's own hours) over
// GraphQL; clocks keep the calendar version they started on.

const SAVE_CALENDAR = `mutation($input: SaveBusinessCalendarInput!) { saveBusinessCalendar(input: $input) { calendar { id version closures } userErrors { code field message } } }`;
const RETIRE_CALENDAR = `mutation($input: RetireReferenceDataInput!) { retireBusinessCalendar(input: $input) { calendar { id version } userErrors { code field message } } }`;
const SAVE_POLICY = `mutation($input: SaveSlaPolicyInput!) { saveSlaPolicy(input: $input) { policy { id version calendar { id version } } userErrors { code field message } } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id ownerParty } userErrors { code message } } }`;
const CLOCKS = `query($id: ID!) { ticket(id: $id) { sla { clocks { metric owner dueAt policy { id version } calendar { id version } } } } }`;
const AUDIT = `{ adminAuditLog(first: 10, entityType: BUSINESS_CALENDAR) { edges { node { entityId version action before after } } } }`;

const JP_BUSINESS_DAYS_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' }));
const NEW_YEAR = { startDate: '12-29', endDate: '01-03', recurringYearly: true, reason: 'Year-end and New Year holidays (年末年始)' };

describe('admin API: business calendars', () => {
  let app: TestApp;
  let admin: string;
  let customerId: string;
  let carrierId: string;
  let sellerId: string;
  const iso = (time: string) => new Date(time).toISOString();
  const mutate = async (document: string, input: Record<string, unknown>, token = admin) =>
    Object.values((await app.graphql(document, { input }, token)).data!)[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
  const firstResponseOf = async (ticketId: string) =>
    (await app.graphql(CLOCKS, { id: ticketId })).data!.ticket.sla.clocks.find(
      (clock: { metric: string }) => clock.metric === 'FIRST_RESPONSE',
    );
  const openOn = async (category: 'ITEM_NOT_RECEIVED' | 'DEFECTIVE_ITEM', time: string, expectedOwner: string) => {
    const { orderId } = await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId,
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-12-01T21:00:00+09:00',
      shipment: {
        carrierId,
        status: 'DELIVERED',
        deliveryMethod: 'LEFT_AT_DOOR',
        shippedAt: '2026-11-28T12:00:00+09:00',
        deliveredAt: '2026-11-30T14:00:00+09:00',
      },
      return: null,
    });
    const text =
      category === 'ITEM_NOT_RECEIVED'
        ? { subject: '荷物が届いていません', body: '配達完了になっていますが受け取っていません。' }
        : { subject: '初期不良', body: '届いたイヤホンの電源が入りません。初期不良だと思います。' };
    app.clock.set(time);
    const response = await app.graphql(OPEN, {
      input: { customerId: toGlobalId('Customer', customerId), channel: 'EMAIL', ...text, orderId: toGlobalId('Order', orderId) },
    });
    expect(response.data!.openTicket.userErrors).toEqual([]);
    expect(response.data!.openTicket.ticket.ownerParty).toBe(expectedOwner);
    return response.data!.openTicket.ticket.id as string;
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-12-04T17:00:00+09:00' });
    admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '3' });
    customerId = await insertCustomer(app.dataSource);
    carrierId = await insertCarrier(app.dataSource, 'SAGAWA');
    sellerId = await insertSeller(app.dataSource, '京都茶舗');
  });
  afterAll(() => app.close());

  it('a holiday closure is a new version: clocks started before keep their due time, clocks started after skip the closure', async () => {
    // Carrier investigation, FIRST_RESPONSE 1440 business minutes on Mon–Fri 09:00–18:00 from Friday 17:00.
    const before = await openOn('ITEM_NOT_RECEIVED', '2026-12-04T17:00:00+09:00', 'CARRIER');
    // Friday 1 h, Monday 9 h, Tuesday 9 h, Wednesday 5 h.
    expect(await firstResponseOf(before)).toMatchObject({
      dueAt: iso('2026-12-09T14:00:00+09:00'),
      calendar: { id: 'JP_BUSINESS_DAYS', version: 1 },
    });

    const closure = { startDate: '2026-12-08', endDate: '2026-12-09', reason: 'Depot inventory (棚卸し)' };
    const saved = await mutate(SAVE_CALENDAR, {
      id: 'JP_BUSINESS_DAYS',
      name: 'Business days, Mon–Fri 09:00–18:00 JST',
      timeZone: 'Asia/Tokyo',
      alwaysOpen: false,
      holidayCountry: 'JP',
      weeklyHours: JP_BUSINESS_DAYS_HOURS,
      closures: [NEW_YEAR, closure],
      expectedVersion: 1,
      note: 'Depot closed for inventory',
    });
    expect(saved).toMatchObject({ userErrors: [], calendar: { id: 'JP_BUSINESS_DAYS', version: 2 } });

    const after = await openOn('ITEM_NOT_RECEIVED', '2026-12-04T17:00:00+09:00', 'CARRIER');
    // Friday 1 h, Monday 9 h, (Tuesday and Wednesday closed), Thursday 9 h, Friday 5 h.
    expect(await firstResponseOf(after)).toMatchObject({
      dueAt: iso('2026-12-11T14:00:00+09:00'),
      calendar: { id: 'JP_BUSINESS_DAYS', version: 2 },
    });
    expect(await firstResponseOf(before)).toMatchObject({
      dueAt: iso('2026-12-09T14:00:00+09:00'),
      calendar: { id: 'JP_BUSINESS_DAYS', version: 1 },
    });

    const versions = (
      await app.graphql(`{ businessCalendarVersions(id: "JP_BUSINESS_DAYS") { edges { node { version isActive closures } } } }`)
    ).data!.businessCalendarVersions.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(versions).toEqual([
      { version: 1, isActive: false, closures: [NEW_YEAR] },
      { version: 2, isActive: true, closures: [NEW_YEAR, closure] },
    ]);
    const audit = (await app.graphql(AUDIT, {}, admin)).data!.adminAuditLog.edges.map(
      (edge: { node: Record<string, unknown> }) => edge.node,
    );
    expect(audit[0]).toMatchObject({
      entityId: 'JP_BUSINESS_DAYS',
      version: 2,
      action: 'UPDATE',
      before: { version: 1, closures: [NEW_YEAR] },
      after: { version: 2, closures: [NEW_YEAR, closure] },
    });
  });

  it('a seller closed on Sundays gets its own calendar and policy and is measured on its open hours', async () => {
    const calendar = await mutate(SAVE_CALENDAR, {
      id: 'SELLER_KYOTO_TEA',
      name: 'Kyoto tea shop, Mon–Sat 10:00–18:00',
      timeZone: 'Asia/Tokyo',
      alwaysOpen: false,
      weeklyHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt: '10:00', closesAt: '18:00' })),
      closures: [],
    });
    expect(calendar).toMatchObject({ userErrors: [], calendar: { id: 'SELLER_KYOTO_TEA', version: 1 } });
    const policy = await mutate(SAVE_POLICY, {
      id: 'seller-kyoto-tea',
      name: 'Seller: Kyoto tea shop',
      position: 5,
      conditions: { ownerParties: ['SELLER'], sellerIds: [toGlobalId('Seller', sellerId)] },
      targetsInMinutes: { FIRST_RESPONSE: 480, NEXT_RESPONSE: 480 },
      calendarId: 'SELLER_KYOTO_TEA',
      warningThreshold: 0.75,
    });
    expect(policy).toMatchObject({ userErrors: [], policy: { calendar: { id: 'SELLER_KYOTO_TEA', version: 1 } } });
    // Saturday 17:00: 1 h on Saturday, Sunday closed, 7 h on Monday → due Monday 17:00.
    const ticket = await openOn('DEFECTIVE_ITEM', '2026-12-05T17:00:00+09:00', 'SELLER');
    expect(await firstResponseOf(ticket)).toMatchObject({
      policy: { id: 'seller-kyoto-tea', version: 1 },
      calendar: { id: 'SELLER_KYOTO_TEA', version: 1 },
      dueAt: iso('2026-12-07T17:00:00+09:00'),
    });

    // In use by the policy: cannot be retired.
    expect((await mutate(RETIRE_CALENDAR, { id: 'SELLER_KYOTO_TEA' })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', message: 'SELLER_KYOTO_TEA is the calendar of the SLA policy seller-kyoto-tea: move them first' },
    ]);
  });

  it('refuses a calendar without an open minute, a malformed one, a version conflict and non-admins', async () => {
    const base = {
      id: 'WAREHOUSE',
      name: 'Warehouse',
      timeZone: 'Asia/Tokyo',
      alwaysOpen: false,
      weeklyHours: JP_BUSINESS_DAYS_HOURS,
      closures: [],
    };
    const closedForever = await mutate(SAVE_CALENDAR, {
      ...base,
      closures: [{ startDate: '2026-12-01', endDate: '2028-12-31', reason: 'Moving' }],
    });
    expect(closedForever.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: 'input', message: `no open time at all within 366 days after ${iso('2026-12-05T17:00:00+09:00')}` },
    ]);
    expect((await mutate(SAVE_CALENDAR, { ...base, timeZone: 'Mars/Olympus' })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', message: 'unknown time zone "Mars/Olympus"' },
    ]);
    expect(
      (await mutate(SAVE_CALENDAR, { ...base, id: 'ALWAYS', alwaysOpen: true, weeklyHours: [], expectedVersion: 4 })).userErrors,
    ).toMatchObject([{ code: 'VERSION_CONFLICT' }]);
    expect((await mutate(SAVE_CALENDAR, base, await app.agentToken())).userErrors).toMatchObject([{ code: 'NOT_PERMITTED' }]);
    expect((await mutate(RETIRE_CALENDAR, { id: 'WAREHOUSE' })).userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });
});
