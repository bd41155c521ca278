import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';

// slaReport (docs/sla.md, "Scorecards") on a fixture whose clock outcomes are known: tickets opened, answered,
// breached, escalated and rated through the API at chosen instants, and a set of clock rows with chosen minutes.
// Every expected number below is worked out by hand in the comments, not by the code under test.

const REPORT = `query($input: SlaReportInput!) { slaReport(input: $input) {
  party sellerId carrierId from to groupBy timeZone
  total { ...period }
  periods { ...period } } }
fragment period on SlaReportPeriod { from to escalationsAway ratings satisfactionAverage
  metrics { metric clocks met breached cancelled running answered achievementRate medianBusinessMinutes p90BusinessMinutes } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id ownerParty } userErrors { code message } } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { userErrors { code message } } }`;
const RESOLVE = `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { userErrors { code message } } }`;
const RATE = `mutation($input: RateTicketInput!) { rateTicket(input: $input) { userErrors { code message } } }`;

interface MetricScore {
  metric: string;
  clocks: number;
  met: number;
  breached: number;
  cancelled: number;
  running: number;
  answered: number;
  achievementRate: number | null;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
}
interface Period {
  from: string;
  to: string;
  escalationsAway: number;
  ratings: number;
  satisfactionAverage: number | null;
  metrics: MetricScore[];
}

const NONE = {
  clocks: 0,
  met: 0,
  breached: 0,
  cancelled: 0,
  running: 0,
  answered: 0,
  achievementRate: null,
  medianBusinessMinutes: null,
  p90BusinessMinutes: null,
};
/** A period's three metrics: FIRST_RESPONSE as given, the others as given or empty. */
const metrics = (
  firstResponse: Partial<MetricScore>,
  others: { NEXT_RESPONSE?: Partial<MetricScore>; RESOLUTION?: Partial<MetricScore> } = {},
) => [
  { metric: 'FIRST_RESPONSE', ...NONE, ...firstResponse },
  { metric: 'NEXT_RESPONSE', ...NONE, ...others.NEXT_RESPONSE },
  { metric: 'RESOLUTION', ...NONE, ...others.RESOLUTION },
];
const emptyPeriod = (from: string, to: string): Period => ({
  from,
  to,
  escalationsAway: 0,
  ratings: 0,
  satisfactionAverage: null,
  metrics: metrics({}),
});

describe('slaReport', () => {
  let app: TestApp;
  let customerId: string;
  let sellerA: string;
  let sellerB: string;
  let sellerD: string;
  let carrierC: string;
  let tokens: Record<'customer' | 'sellerA' | 'sellerB' | 'carrierC' | 'agent', string>;

  const at = (time: string) => app.clock.set(time);
  const ok = (response: GraphQLResponse, name: string) => {
    expect(response.errors).toBeUndefined();
    expect(response.data![name].userErrors ?? []).toEqual([]);
    return response.data![name];
  };
  const sellerOrder = async (sellerId: string) =>
    toGlobalId(
      'Order',
      (
        await insertOrderWithFacts(app.dataSource, {
          customerId,
          sellerId,
          fulfillment: 'SELLER',
          status: 'DELIVERED',
          promisedDeliveryAt: '2026-11-13T21:00:00+09:00',
          shipment: null,
          return: null,
        })
      ).orderId,
    );
  const carrierOrder = async () =>
    toGlobalId(
      'Order',
      (
        await insertOrderWithFacts(app.dataSource, {
          customerId,
          sellerId: sellerA,
          fulfillment: 'SELLER',
          status: 'DELIVERED',
          promisedDeliveryAt: '2026-11-13T21:00:00+09:00',
          shipment: {
            carrierId: carrierC,
            status: 'DELIVERED',
            deliveryMethod: 'LEFT_AT_DOOR',
            shippedAt: '2026-11-11T12:00:00+09:00',
            deliveredAt: '2026-11-12T14:00:00+09:00',
          },
          return: null,
        })
      ).orderId,
    );
  const open = async (time: string, orderId: string, category: 'DEFECTIVE_ITEM' | 'ITEM_NOT_RECEIVED', owner: string): Promise<string> => {
    at(time);
    const details =
      category === 'DEFECTIVE_ITEM'
        ? { reason: '電源が入りません', wantedOutcome: 'REPLACEMENT' }
        : { trackingNumber: 'TRK1', leftAtDoor: true, neighboursChecked: true };
    const opened = ok(
      await app.graphql(
        OPEN,
        { input: { channel: 'EMAIL', subject: '問い合わせ', body: '届いた商品について問い合わせます。', orderId, category, details } },
        tokens.customer,
      ),
      'openTicket',
    );
    expect(opened.ticket.ownerParty).toBe(owner);
    return opened.ticket.id;
  };
  const reply = async (time: string, ticketId: string, token: string) => {
    at(time);
    ok(await app.graphql(POST, { input: { ticketId, body: 'ご連絡ありがとうございます。確認いたします。' } }, token), 'postMessage');
  };
  const resolve = async (time: string, ticketId: string, token: string) => {
    at(time);
    ok(await app.graphql(RESOLVE, { input: { ticketId, resolution: 'REPLACEMENT' } }, token), 'resolveTicket');
  };
  const rate = async (time: string, ticketId: string, score: number) => {
    at(time);
    ok(await app.graphql(RATE, { input: { ticketId, score } }, tokens.customer), 'rateTicket');
  };
  const runTimers = (time: string) => {
    at(time);
    return app.server.services.slaTimer.fireDueTimers(app.systemContext(new Date(time)));
  };
  const report = (input: Record<string, unknown>, token: string = tokens.agent) => app.graphql(REPORT, { input }, token);
  const reportOf = async (input: Record<string, unknown>, token?: string) => {
    const response = await report(input, token);
    expect(response.errors).toBeUndefined();
    return response.data!.slaReport as { total: Period; periods: Period[]; [field: string]: unknown };
  };
  const refusal = (response: GraphQLResponse) => ({
    code: response.errors?.[0]?.extensions?.code,
    field: response.errors?.[0]?.extensions?.field,
    data: response.data ?? null,
  });

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-16T09:00:00+09:00' });
    customerId = await insertCustomer(app.dataSource);
    sellerA = await insertSeller(app.dataSource, 'Seller A');
    sellerB = await insertSeller(app.dataSource, 'Seller B');
    sellerD = await insertSeller(app.dataSource, 'Seller D');
    carrierC = await insertCarrier(app.dataSource, 'CARRIERC');
    tokens = {
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
      sellerA: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: sellerA }),
      sellerB: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: sellerB }),
      carrierC: await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId: carrierC }),
      agent: await app.agentToken(),
    };

    // Seller A (seller-marketplace: FIRST_RESPONSE 1,440 minutes on ALWAYS, no RESOLUTION target), times JST.
    // T1 Mon 16 Nov 10:00, answered 10:30 (30 min, met), solved, rated 4 on 16 Nov.
    const t1 = await open('2026-11-16T10:00:00+09:00', await sellerOrder(sellerA), 'DEFECTIVE_ITEM', 'SELLER');
    await reply('2026-11-16T10:30:00+09:00', t1, tokens.sellerA);
    await resolve('2026-11-16T11:00:00+09:00', t1, tokens.sellerA);
    await rate('2026-11-16T12:00:00+09:00', t1, 4);
    // T2 Tue 17 Nov 10:00, answered 11:30 (90 min, met), solved; rated 5 on 24 Nov (below).
    const t2 = await open('2026-11-17T10:00:00+09:00', await sellerOrder(sellerA), 'DEFECTIVE_ITEM', 'SELLER');
    await reply('2026-11-17T11:30:00+09:00', t2, tokens.sellerA);
    await resolve('2026-11-17T11:40:00+09:00', t2, tokens.sellerA);
    // Seller B: Wed 18 Nov 10:00, answered 10:10 (10 min). Not seller A's.
    const t6 = await open('2026-11-18T10:00:00+09:00', await sellerOrder(sellerB), 'DEFECTIVE_ITEM', 'SELLER');
    await reply('2026-11-18T10:10:00+09:00', t6, tokens.sellerB);
    // Carrier C (carrier-investigation on JP_BUSINESS_DAYS, Mon–Fri 09:00–18:00): Thu 19 Nov 17:00, answered Fri
    // 20 Nov 10:00 = 60 business minutes on Thursday + 60 on Friday = 120. Its RESOLUTION clock keeps running.
    const t7 = await open('2026-11-19T17:00:00+09:00', await carrierOrder(), 'ITEM_NOT_RECEIVED', 'CARRIER');
    await reply('2026-11-20T10:00:00+09:00', t7, tokens.carrierC);
    // T3 Mon 23 Nov 10:00, never answered: FIRST_RESPONSE breaches at the sweep of 24 Nov 10:05, and 48 h after
    // the customer's message (25 Nov 10:00) the sweep of 10:05 escalates it to the platform (seller silent).
    await open('2026-11-23T10:00:00+09:00', await sellerOrder(sellerA), 'DEFECTIVE_ITEM', 'SELLER');
    await runTimers('2026-11-24T10:05:00+09:00');
    await rate('2026-11-24T12:00:00+09:00', t2, 5);
    await runTimers('2026-11-25T10:05:00+09:00');
    // T4 Mon 30 Nov 23:30 JST (14:30 UTC), answered 1 Dec 00:10: 40 min, November's (when the clock started).
    const t4 = await open('2026-11-30T23:30:00+09:00', await sellerOrder(sellerA), 'DEFECTIVE_ITEM', 'SELLER');
    await reply('2026-12-01T00:10:00+09:00', t4, tokens.sellerA);
    // T5 Tue 1 Dec 00:30 JST — still 30 Nov 15:30 in UTC — answered 01:30: 60 min, December's in Tokyo.
    const t5 = await open('2026-12-01T00:30:00+09:00', await sellerOrder(sellerA), 'DEFECTIVE_ITEM', 'SELLER');
    await reply('2026-12-01T01:30:00+09:00', t5, tokens.sellerA);
  });
  afterAll(() => app.close());

  it('gives a seller its own November by week, in Asia/Tokyo, with the figures worked out by hand', async () => {
    const november = await reportOf(
      { party: 'SELLER', sellerId: toGlobalId('Seller', sellerA), from: '2026-11-01', to: '2026-11-30', groupBy: 'WEEK' },
      tokens.sellerA,
    );
    expect(november).toMatchObject({
      party: 'SELLER',
      sellerId: toGlobalId('Seller', sellerA),
      carrierId: null,
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'WEEK',
      timeZone: 'Asia/Tokyo',
    });
    // ISO weeks: Sun 1 Nov belongs to the week of Mon 26 Oct; Mon 30 Nov starts the week of 30 Nov – 6 Dec.
    expect(november.periods).toEqual([
      emptyPeriod('2026-11-01', '2026-11-01'),
      emptyPeriod('2026-11-02', '2026-11-08'),
      emptyPeriod('2026-11-09', '2026-11-15'),
      // T1 30 and T2 90: median (30 + 90) / 2 = 60; p90 at rank 0.9 × (2 − 1) = 0.9: 30 + 0.9 × 60 = 84. T1 rated 4.
      {
        from: '2026-11-16',
        to: '2026-11-22',
        escalationsAway: 0,
        ratings: 1,
        satisfactionAverage: 4,
        metrics: metrics({ clocks: 2, met: 2, answered: 2, achievementRate: 1, medianBusinessMinutes: 60, p90BusinessMinutes: 84 }),
      },
      // T3 breached, never answered, then escalated away on 25 Nov; T2's rating (5) came on 24 Nov.
      {
        from: '2026-11-23',
        to: '2026-11-29',
        escalationsAway: 1,
        ratings: 1,
        satisfactionAverage: 5,
        metrics: metrics({ clocks: 1, breached: 1, achievementRate: 0 }),
      },
      // T4 only: T5 started on 1 Dec in Tokyo although it was 30 Nov in UTC.
      {
        from: '2026-11-30',
        to: '2026-11-30',
        escalationsAway: 0,
        ratings: 0,
        satisfactionAverage: null,
        metrics: metrics({ clocks: 1, met: 1, answered: 1, achievementRate: 1, medianBusinessMinutes: 40, p90BusinessMinutes: 40 }),
      },
    ]);
    // The month: met 3 of 4 decided = 0.75; answered 30, 40, 90: median 40; p90 at rank 0.9 × 2 = 1.8: 40 + 0.8 × 50 = 80.
    // Ratings 4 and 5: 4.5. Seller B's 10 minutes are not in it.
    expect(november.total).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      escalationsAway: 1,
      ratings: 2,
      satisfactionAverage: 4.5,
      metrics: metrics({
        clocks: 4,
        met: 3,
        breached: 1,
        answered: 3,
        achievementRate: 0.75,
        medianBusinessMinutes: 40,
        p90BusinessMinutes: 80,
      }),
    });
    const december = await reportOf(
      { party: 'SELLER', sellerId: toGlobalId('Seller', sellerA), from: '2026-12-01', to: '2026-12-31', groupBy: 'MONTH' },
      tokens.sellerA,
    );
    expect(december.periods).toEqual([
      {
        from: '2026-12-01',
        to: '2026-12-31',
        escalationsAway: 0,
        ratings: 0,
        satisfactionAverage: null,
        metrics: metrics({ clocks: 1, met: 1, answered: 1, achievementRate: 1, medianBusinessMinutes: 60, p90BusinessMinutes: 60 }),
      },
    ]);
  });

  it('buckets by day and measures the carrier and the platform on their own shares', async () => {
    const days = await reportOf({
      party: 'SELLER',
      sellerId: toGlobalId('Seller', sellerB),
      from: '2026-11-17',
      to: '2026-11-19',
      groupBy: 'DAY',
    });
    expect(days.periods.map((period) => [period.from, period.metrics[0].clocks, period.metrics[0].medianBusinessMinutes])).toEqual([
      ['2026-11-17', 0, null],
      ['2026-11-18', 1, 10],
      ['2026-11-19', 0, null],
    ]);

    const carrier = await reportOf(
      { party: 'CARRIER', carrierId: toGlobalId('Carrier', carrierC), from: '2026-11-01', to: '2026-11-30' },
      tokens.carrierC,
    );
    expect(carrier.groupBy).toBe('MONTH');
    // 120 business minutes (JP_BUSINESS_DAYS); its RESOLUTION clock has not ended.
    expect(carrier.total.metrics).toEqual(
      metrics(
        { clocks: 1, met: 1, answered: 1, achievementRate: 1, medianBusinessMinutes: 120, p90BusinessMinutes: 120 },
        { RESOLUTION: { clocks: 1, running: 1 } },
      ),
    );

    // T3's platform share started at the escalation (25 Nov 10:05): first response and resolution, both running.
    const platform = await reportOf({ party: 'PLATFORM', from: '2026-11-25', to: '2026-11-25', groupBy: 'DAY' });
    expect(platform.total).toEqual({
      from: '2026-11-25',
      to: '2026-11-25',
      escalationsAway: 0,
      ratings: 0,
      satisfactionAverage: null,
      metrics: metrics({ clocks: 1, running: 1 }, { RESOLUTION: { clocks: 1, running: 1 } }),
    });
  });

  it('computes the exact median and p90 over answered clocks, late answers included', async () => {
    // Seller D's FIRST_RESPONSE clocks on 2 Nov (JST), written as rows: met after 5, 1, 9, 3, 7, 2, 8, 4, 6 and 10
    // minutes; breached and answered late after 30 and 50; breached and never answered; cancelled after 15
    // (transferred); one still running.
    const rows: Array<[state: string, minutes: number | null, answered: boolean]> = [
      ...[5, 1, 9, 3, 7, 2, 8, 4, 6, 10].map((minutes): [string, number, boolean] => ['MET', minutes, true]),
      ['BREACHED', 30, true],
      ['BREACHED', 50, true],
      ['BREACHED', null, false],
      ['CANCELLED', 15, false],
      ['ACTIVE', null, false],
    ];
    for (const [index, [state, minutes, answered]] of rows.entries()) {
      const ticketId = await insertTicket(app.dataSource, { customerId, sellerId: sellerD, ownerParty: 'SELLER' });
      const startedAt = new Date(Date.parse('2026-11-02T08:00:00+09:00') + index * 60_000);
      await app.dataSource.query(
        `INSERT INTO sla_clocks (ticket_id, owner_id, metric, owner_party, policy_id, policy_version, calendar_id, target_minutes, warning_threshold, state,
           started_at, due_at, warn_at, met_at, breached_at, cancelled_at, used_business_minutes)
         VALUES ($1, $2, 'FIRST_RESPONSE', 'SELLER', 'seller-marketplace', 1, 'ALWAYS', 20, 0.75, $3, $4, $4::timestamptz + interval '20 minutes', $4::timestamptz + interval '15 minutes',
           CASE WHEN $5 THEN $4::timestamptz + make_interval(mins => $6::int) END, CASE WHEN $3 = 'BREACHED' THEN $4::timestamptz + interval '20 minutes' END,
           CASE WHEN $3 = 'CANCELLED' THEN $4::timestamptz + make_interval(mins => $6::int) END, $6::float8)`,
        [ticketId, sellerD, state, startedAt, answered, minutes],
      );
    }
    const sellerDReport = await reportOf({
      party: 'SELLER',
      sellerId: toGlobalId('Seller', sellerD),
      from: '2026-11-02',
      to: '2026-11-02',
      groupBy: 'DAY',
    });
    // Answered: 1…10, 30, 50 (12 values). Median: (6 + 7) / 2 = 6.5. p90 at rank 0.9 × 11 = 9.9 between the 10th
    // (10) and 11th (30) values: 10 + 0.9 × 20 = 28. Achievement: 10 met of 13 decided.
    expect(sellerDReport.total.metrics[0]).toEqual({
      metric: 'FIRST_RESPONSE',
      clocks: 15,
      met: 10,
      breached: 3,
      cancelled: 1,
      running: 1,
      answered: 12,
      achievementRate: 10 / 13,
      medianBusinessMinutes: 6.5,
      p90BusinessMinutes: 28,
    });
    // 08:00 JST on 2 Nov is still 1 Nov in UTC: the day before holds nothing.
    const dayBefore = await reportOf({
      party: 'SELLER',
      sellerId: toGlobalId('Seller', sellerD),
      from: '2026-11-01',
      to: '2026-11-01',
      groupBy: 'DAY',
    });
    expect(dayBefore.total.metrics[0].clocks).toBe(0);
  });

  it("refuses another seller's, another carrier's and the platform's scorecard to sellers and carriers, and every one to customers", async () => {
    const ofSellerA = { party: 'SELLER', sellerId: toGlobalId('Seller', sellerA), from: '2026-11-01', to: '2026-11-30' };
    const ofCarrierC = { party: 'CARRIER', carrierId: toGlobalId('Carrier', carrierC), from: '2026-11-01', to: '2026-11-30' };
    const ofPlatform = { party: 'PLATFORM', from: '2026-11-01', to: '2026-11-30' };
    const otherCarrier = await insertCarrier(app.dataSource, 'OTHERCARRIER');
    const forbidden = { code: 'FORBIDDEN', field: undefined, data: null };
    expect(refusal(await report(ofSellerA, tokens.sellerB))).toEqual(forbidden);
    expect(refusal(await report(ofPlatform, tokens.sellerA))).toEqual(forbidden);
    expect(refusal(await report(ofCarrierC, tokens.sellerA))).toEqual(forbidden);
    expect(refusal(await report(ofSellerA, tokens.carrierC))).toEqual(forbidden);
    expect(refusal(await report({ ...ofCarrierC, carrierId: toGlobalId('Carrier', otherCarrier) }, tokens.carrierC))).toEqual(forbidden);
    expect(refusal(await report(ofPlatform, tokens.carrierC))).toEqual(forbidden);
    for (const input of [ofSellerA, ofCarrierC, ofPlatform]) expect(refusal(await report(input, tokens.customer))).toEqual(forbidden);
    // A seller id that does not exist is refused the same way: the answer tells nothing.
    expect(refusal(await report({ ...ofSellerA, sellerId: toGlobalId('Seller', '987654') }, tokens.sellerB))).toEqual(forbidden);
    // A seller-scoped API key reads its seller's only; a platform key every one.
    const admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const createKey = async (sellerId: string | null) =>
      (
        await app.graphql(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key userErrors { code } } }`,
          { input: { name: 'scorecard key', sellerId } },
          admin,
        )
      ).data!.createApiKey.key as string;
    const sellerKey = await createKey(toGlobalId('Seller', sellerB));
    expect(refusal(await report(ofSellerA, sellerKey))).toEqual(forbidden);
    expect(refusal(await report(ofPlatform, sellerKey))).toEqual(forbidden);
    expect((await report({ ...ofSellerA, sellerId: toGlobalId('Seller', sellerB) }, sellerKey)).errors).toBeUndefined();
    const platformKey = await createKey(null);
    for (const input of [ofSellerA, ofCarrierC, ofPlatform]) expect((await report(input, platformKey)).errors).toBeUndefined();
    for (const input of [ofSellerA, ofCarrierC, ofPlatform]) expect((await report(input, tokens.agent)).errors).toBeUndefined();
    expect((await report(ofSellerA, admin)).data!.slaReport.total.metrics[0].clocks).toBe(4);
  });

  it('answers malformed requests with BAD_USER_INPUT naming the field, never an internal error', async () => {
    const seller = toGlobalId('Seller', sellerA);
    const cases: Array<[input: Record<string, unknown>, field: string | undefined]> = [
      [{ party: 'SELLER', sellerId: seller, from: '2026-11-30', to: '2026-11-01' }, 'input.to'],
      [{ party: 'SELLER', sellerId: seller, from: '2026-01-01', to: '2027-01-02' }, 'input.to'],
      [{ party: 'SELLER', from: '2026-11-01', to: '2026-11-30' }, 'input.sellerId'],
      [{ party: 'CARRIER', from: '2026-11-01', to: '2026-11-30' }, 'input.carrierId'],
      [
        { party: 'CARRIER', carrierId: toGlobalId('Carrier', carrierC), sellerId: seller, from: '2026-11-01', to: '2026-11-30' },
        'input.sellerId',
      ],
      [{ party: 'PLATFORM', sellerId: seller, from: '2026-11-01', to: '2026-11-30' }, 'input.sellerId'],
      [{ party: 'SELLER', sellerId: 'not-an-id', from: '2026-11-01', to: '2026-11-30' }, 'input.sellerId'],
      [{ party: 'SELLER', sellerId: toGlobalId('Carrier', carrierC), from: '2026-11-01', to: '2026-11-30' }, 'input.sellerId'],
      [{ party: 'SELLER', sellerId: toGlobalId('Seller', '987654'), from: '2026-11-01', to: '2026-11-30' }, 'input.sellerId'],
    ];
    for (const [input, field] of cases) {
      const response = await report(input);
      expect({ input, ...refusal(response) }).toEqual({ input, code: 'BAD_USER_INPUT', field, data: null });
    }
    // Dates that are not calendar dates, and groupings that do not exist, fail variable coercion (no field).
    for (const input of [
      { party: 'PLATFORM', from: '2026-02-30', to: '2026-03-01' },
      { party: 'PLATFORM', from: '2026-11-01', to: '2026-11-30', groupBy: 'YEAR' },
    ]) {
      const response = await report(input);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // The longest report, a leap year of 366 days, is answered.
    expect(
      (await report({ party: 'PLATFORM', from: '2028-01-01', to: '2028-12-31', groupBy: 'MONTH' })).data!.slaReport.periods,
    ).toHaveLength(12);
  });
});
