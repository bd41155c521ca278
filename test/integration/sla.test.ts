import { spawn } from 'node:child_process';
import path from 'node:path';
import { PrincipalRole } from '../../src/domain/enums';
import { fromGlobalIdOfType, toGlobalId } from '../../src/domain/global-id';
import { runWithStatementTally } from '../../src/db/statement-counter';
import { SellerSilenceFromClocks1765300003000 } from '../../migrations/1765300003000-seller-silence-from-clocks';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// SLA scenarios of docs/sla.md with an injected clock: every due time is asserted exactly, timers are run by
// calling the sweep at a chosen instant (what the per-second loop does in production).

/** Compiled by the build that `npm test` runs first. */
const SWEEP_SCRIPT = path.resolve(__dirname, '../../dist/scripts/run-sla-timers.js');

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id ownerParty priority } userErrors { code message } } }`;
const SLA = `query($id: ID!) { ticket(id: $id) { ownerParty status priority routing { rule }
  sla { nextDueAt escalatesAt clocks { metric owner state startedAt dueAt warnAt pausedAt metAt breachedAt remainingBusinessMinutes usedBusinessMinutes policy { id name version } calendar { id } } }
  events(first: 100) { edges { node { type payload } } } } }`;

interface ClockView {
  metric: string;
  owner: string;
  state: string;
  startedAt: string;
  dueAt: string;
  warnAt: string;
  metAt: string | null;
  breachedAt: string | null;
  remainingBusinessMinutes: number | null;
  usedBusinessMinutes: number | null;
  policy: { id: string };
  calendar: { id: string };
}

describe('SLA clocks', () => {
  let app: TestApp;
  let sellerId: string;
  let carrierId: string;
  let customerId: string;

  const openAs = async (input: Record<string, unknown>, at: string): Promise<string> => {
    app.clock.set(at);
    const response = await app.graphql(OPEN, { input: { customerId: toGlobalId('Customer', customerId), ...input } });
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket.id;
  };
  const slaOf = async (ticketId: string) => (await app.graphql(SLA, { id: ticketId })).data!.ticket;
  const clock = (ticket: { sla: { clocks: ClockView[] } }, metric: string, owner: string) =>
    ticket.sla.clocks.filter((candidate) => candidate.metric === metric && candidate.owner === owner).at(-1)!;
  const runTimers = (at: string) => {
    app.clock.set(at);
    return app.server.services.slaTimer.fireDueTimers(app.systemContext(new Date(at)));
  };
  const eventTypes = (ticket: { events: { edges: Array<{ node: { type: string } }> } }) =>
    ticket.events.edges.map((edge) => edge.node.type);

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    sellerId = await insertSeller(app.dataSource);
    carrierId = await insertCarrier(app.dataSource, 'YAMATO');
    customerId = await insertCustomer(app.dataSource);
  });
  afterAll(() => app.close());

  const sellerOrder = async (shipmentStatus: string) =>
    toGlobalId(
      'Order',
      (
        await insertOrderWithFacts(app.dataSource, {
          customerId,
          sellerId,
          fulfillment: 'SELLER',
          status: 'DELIVERED',
          promisedDeliveryAt: '2026-11-18T21:00:00+09:00',
          shipment: {
            carrierId,
            status: shipmentStatus,
            deliveryMethod: 'LEFT_AT_DOOR',
            shippedAt: '2026-11-16T12:00:00+09:00',
            deliveredAt: '2026-11-19T14:00:00+09:00',
          },
          return: null,
        })
      ).orderId,
    );

  it('phone callback requested Friday 20:55 JST is due Saturday 09:55 (platform-phone on JP_SUPPORT_HOURS)', async () => {
    const ticketId = await openAs(
      { channel: 'PHONE', subject: '二重請求', body: 'カードで二重に請求されています。折り返し電話をお願いします。' },
      '2026-11-20T20:55:00+09:00',
    );
    const ticket = await slaOf(ticketId);
    const firstResponse = clock(ticket, 'FIRST_RESPONSE', 'PLATFORM');
    expect(firstResponse).toMatchObject({ state: 'ACTIVE', policy: { id: 'platform-phone' }, calendar: { id: 'JP_SUPPORT_HOURS' } });
    expect(firstResponse.dueAt).toBe(new Date('2026-11-21T09:55:00+09:00').toISOString());
    // 75 % of 60 minutes = 45 minutes: 5 on Friday, 40 on Saturday morning.
    expect(firstResponse.warnAt).toBe(new Date('2026-11-21T09:40:00+09:00').toISOString());
    expect(ticket.sla.nextDueAt).toBe(firstResponse.dueAt);
  });

  it('phone callback just before the New Year closure is due on 4 January', async () => {
    const ticketId = await openAs(
      { channel: 'PHONE', subject: '決済エラー', body: '決済が何度も失敗します。電話で相談したいです。' },
      '2026-12-30T20:30:00+09:00',
    );
    const firstResponse = clock(await slaOf(ticketId), 'FIRST_RESPONSE', 'PLATFORM');
    expect(firstResponse.dueAt).toBe(new Date('2027-01-04T09:30:00+09:00').toISOString());
  });

  it('a chat at 03:00 is due at 03:10 (platform-chat, ALWAYS)', async () => {
    const ticketId = await openAs(
      { channel: 'CHAT', subject: 'ログインできない', body: 'ログインできません。パスワードを再設定してもだめです。' },
      '2026-11-20T03:00:00+09:00',
    );
    const ticket = await slaOf(ticketId);
    expect(clock(ticket, 'FIRST_RESPONSE', 'PLATFORM')).toMatchObject({
      policy: { id: 'platform-chat' },
      dueAt: new Date('2026-11-20T03:10:00+09:00').toISOString(),
    });
    expect(clock(ticket, 'RESOLUTION', 'PLATFORM').dueAt).toBe(new Date('2026-11-21T03:00:00+09:00').toISOString());
  });

  it('a carrier investigation opened Friday 17:00 spans the weekend and Labour Thanksgiving Day (Mon 23 Nov)', async () => {
    const orderId = await sellerOrder('DELIVERED');
    const ticketId = await openAs(
      { channel: 'EMAIL', subject: '荷物が届いていません', body: '配達完了になっていますが受け取っていません。', orderId },
      '2026-11-20T17:00:00+09:00',
    );
    const ticket = await slaOf(ticketId);
    expect(ticket.ownerParty).toBe('CARRIER');
    // 1440 business minutes on Mon–Fri 09:00–18:00: 1 h Friday, then Tue–Wed 18 h, Thu 5 h (Mon is a holiday).
    expect(clock(ticket, 'FIRST_RESPONSE', 'CARRIER')).toMatchObject({
      policy: { id: 'carrier-investigation' },
      dueAt: new Date('2026-11-26T14:00:00+09:00').toISOString(),
    });
    // 5 business days = 2700 minutes.
    expect(clock(ticket, 'RESOLUTION', 'CARRIER').dueAt).toBe(new Date('2026-11-30T17:00:00+09:00').toISOString());
  });

  it('warns and breaches exactly once, at the moment the timer runs, and escalates a stuck carrier', async () => {
    const orderId = await sellerOrder('DELIVERED');
    const ticketId = await openAs(
      { channel: 'EMAIL', subject: '荷物が届いていません', body: '配達完了になっていますが受け取っていません。', orderId },
      '2026-11-20T17:00:00+09:00',
    );
    // 75 % of 1440 business minutes: Fri 1 h + Tue 9 h + Wed 8 h → Wed 17:00.
    await runTimers('2026-11-25T17:00:01+09:00');
    let ticket = await slaOf(ticketId);
    expect(clock(ticket, 'FIRST_RESPONSE', 'CARRIER').state).toBe('ACTIVE');
    expect(eventTypes(ticket).filter((type) => type === 'SLA_WARNING')).toHaveLength(1);
    await runTimers('2026-11-26T14:00:05+09:00');
    await runTimers('2026-11-26T14:00:06+09:00');
    ticket = await slaOf(ticketId);
    expect(clock(ticket, 'FIRST_RESPONSE', 'CARRIER')).toMatchObject({
      state: 'BREACHED',
      breachedAt: new Date('2026-11-26T14:00:05+09:00').toISOString(),
    });
    expect(eventTypes(ticket).filter((type) => type === 'SLA_BREACHED')).toHaveLength(1);
    // Five business days unresolved: the platform takes over, once.
    await runTimers('2026-11-30T17:00:01+09:00');
    await runTimers('2026-11-30T17:05:00+09:00');
    ticket = await slaOf(ticketId);
    expect(ticket).toMatchObject({ ownerParty: 'PLATFORM', priority: 'HIGH', routing: { rule: 'carrier-stuck' } });
    expect(eventTypes(ticket).filter((type) => type === 'ESCALATED')).toHaveLength(1);
    expect(clock(ticket, 'FIRST_RESPONSE', 'PLATFORM').startedAt).toBe(new Date('2026-11-30T17:00:01+09:00').toISOString());
  });

  it('escalates a seller silent for 48 hours to the platform, once', async () => {
    const orderId = await sellerOrder('DELIVERED');
    const ticketId = await openAs(
      { channel: 'CHAT', subject: '初期不良', body: '届いたイヤホンの電源が入りません。初期不良だと思います。', orderId },
      '2026-11-20T10:00:00+09:00',
    );
    let ticket = await slaOf(ticketId);
    expect(ticket.ownerParty).toBe('SELLER');
    expect(ticket.sla.escalatesAt).toBe(new Date('2026-11-22T10:00:00+09:00').toISOString());
    await runTimers('2026-11-22T09:59:59+09:00');
    expect((await slaOf(ticketId)).ownerParty).toBe('SELLER');
    const results = await Promise.all([
      runTimers('2026-11-22T10:00:01+09:00'),
      app.server.services.slaTimer.fireDueTimers(app.systemContext(new Date('2026-11-22T10:00:01+09:00'))),
    ]);
    expect(results.reduce((sum, result) => sum + result.escalations, 0)).toBeGreaterThanOrEqual(1);
    await runTimers('2026-11-22T10:05:00+09:00');
    ticket = await slaOf(ticketId);
    expect(ticket).toMatchObject({ ownerParty: 'PLATFORM', priority: 'HIGH', routing: { rule: 'seller-silent' } });
    expect(eventTypes(ticket).filter((type) => type === 'ESCALATED')).toHaveLength(1);
    // The seller's clocks ended with its share; the platform's started at the escalation (chat policy).
    expect(clock(ticket, 'FIRST_RESPONSE', 'SELLER')).toMatchObject({ state: 'BREACHED' });
    expect(clock(ticket, 'FIRST_RESPONSE', 'PLATFORM')).toMatchObject({ state: 'ACTIVE', policy: { id: 'platform-chat' } });
    expect(ticket.sla.escalatesAt).toBeNull();
  });

  it("a transfer mid-clock ends the old owner's clock with its share and starts the new owner's", async () => {
    const orderId = await sellerOrder('DELIVERED');
    const ticketId = await openAs(
      { channel: 'EMAIL', subject: '色が違う', body: '商品ページの写真と色が違うものが届きました。', orderId },
      '2026-11-20T10:00:00+09:00',
    );
    app.clock.set('2026-11-20T15:00:00+09:00');
    const transfer = await app.graphql(`mutation($input: TransferTicketInput!) { transferTicket(input: $input) { userErrors { code } } }`, {
      input: { ticketId, toParty: 'PLATFORM', reason: 'Counterfeit suspected: the platform investigates' },
    });
    expect(transfer.data!.transferTicket.userErrors).toEqual([]);
    const ticket = await slaOf(ticketId);
    expect(clock(ticket, 'FIRST_RESPONSE', 'SELLER')).toMatchObject({
      state: 'CANCELLED',
      usedBusinessMinutes: 300,
      remainingBusinessMinutes: null,
    });
    expect(clock(ticket, 'FIRST_RESPONSE', 'PLATFORM')).toMatchObject({
      state: 'ACTIVE',
      policy: { id: 'platform-default' },
      startedAt: new Date('2026-11-20T15:00:00+09:00').toISOString(),
      dueAt: new Date('2026-11-21T15:00:00+09:00').toISOString(),
      remainingBusinessMinutes: 1440,
    });
    expect(ticket.sla.escalatesAt).toBeNull();
  });

  it('fires each warning and breach of 200 clocks due at the same moment exactly once across two worker processes', async () => {
    const customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    app.clock.set('2026-11-24T09:00:00+09:00');
    const opened = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        app.graphql(
          OPEN,
          { input: { channel: 'CHAT', subject: `ログインできない ${index}`, body: 'ログインできません。SMSのコードが届きません。' } },
          customerToken,
        ),
      ),
    );
    expect(opened.every((response) => response.data!.openTicket.userErrors.length === 0)).toBe(true);
    const ticketIds = opened.map((response) => response.data!.openTicket.ticket.id as string);
    // 100 chat tickets opened at 09:00: at 03:00 the next day their 100 FIRST_RESPONSE clocks (due 09:10) warn and
    // breach, and their 100 RESOLUTION clocks (24 h, warned at 75 %) warn: 200 clocks fire in the same sweep.
    // Two sweeps as two processes (the script every instance's timer loop runs, once), small batches so that
    // they interleave over many transactions instead of one taking everything.
    const at = new Date('2026-11-25T03:00:00+09:00');
    const sweep = () =>
      new Promise<{ warnings: number; breaches: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [
          SWEEP_SCRIPT,
          '--database-url',
          app.config.databaseUrl!,
          '--at',
          at.toISOString(),
          '--batch-size',
          '7',
        ]);
        let output = '';
        child.stdout.on('data', (chunk) => (output += String(chunk)));
        child.stderr.on('data', (chunk) => (output += String(chunk)));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(output))));
      });
    const [left, right] = await Promise.all([sweep(), sweep()]);
    const [counted] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE type = 'SLA_WARNING')::int AS warnings, count(*) FILTER (WHERE type = 'SLA_BREACHED')::int AS breaches,
              count(DISTINCT (payload->>'clockId', type))::int AS distinct_firings
       FROM ticket_events WHERE created_at = $1 AND ticket_id = ANY($2::bigint[])`,
      [at, ticketIds.map((id) => fromGlobalIdOfType(id, 'Ticket'))],
    );
    expect(counted).toEqual({ warnings: 200, breaches: 100, distinct_firings: 300 });
    // Together the processes fired each exactly once (other tests' older clocks come along in the totals).
    const [all] = await app.dataSource.query(
      `SELECT count(*)::int AS fired FROM ticket_events WHERE created_at = $1 AND type IN ('SLA_WARNING', 'SLA_BREACHED')`,
      [at],
    );
    expect(left.warnings + right.warnings + left.breaches + right.breaches).toBe(all.fired);
    expect(await app.server.services.slaTimer.fireDueTimers(app.systemContext(at))).toEqual({ warnings: 0, breaches: 0, escalations: 0 });
  });

  it('filters tickets by SLA state and orders them by the next due time', async () => {
    app.clock.set('2026-11-25T08:30:00+09:00');
    const query = `query($filter: TicketFilter, $orderBy: TicketOrder) { tickets(first: 100, filter: $filter, orderBy: $orderBy) { edges { node { id sla { nextDueAt } } } } }`;
    const breached = await app.graphql(query, { filter: { sla: { breached: true } } });
    expect(breached.errors).toBeUndefined();
    expect(breached.data!.tickets.edges.length).toBeGreaterThanOrEqual(100);
    const dueSoon = await app.graphql(query, { filter: { sla: { dueWithinMinutes: 60 } }, orderBy: 'NEXT_SLA_DUE' });
    const dueTimes: string[] = dueSoon.data!.tickets.edges.map((edge: { node: { sla: { nextDueAt: string } } }) => edge.node.sla.nextDueAt);
    expect(dueTimes.length).toBeGreaterThan(0);
    expect([...dueTimes].sort()).toEqual(dueTimes);
    for (const due of dueTimes) expect(Date.parse(due)).toBeLessThanOrEqual(Date.parse('2026-11-25T09:30:00+09:00'));
    expect(dueTimes.length).toBeGreaterThanOrEqual(100);
  });

  it('escalates a wave of stuck carriers in the same number of statements whether 2 or 12 tickets are stuck', async () => {
    // Carrier investigations opened on a Monday at 09:00: RESOLUTION (2700 business minutes, 5 × 9 h) is due
    // Friday 18:00; each wave is swept once just before (everything older fires then) and once just after, counted.
    const statementsOfWave = async (tickets: number, openedAt: string, dueAt: string) => {
      const ticketIds: string[] = [];
      for (let index = 0; index < tickets; index += 1) {
        const orderId = await sellerOrder('DELIVERED');
        ticketIds.push(
          await openAs(
            { channel: 'EMAIL', subject: `荷物が届いていません ${index}`, body: '配達完了になっていますが受け取っていません。', orderId },
            openedAt,
          ),
        );
      }
      await runTimers(new Date(Date.parse(dueAt) - 1000).toISOString());
      app.clock.set(dueAt);
      const tally = { count: 0 };
      const result = await runWithStatementTally(tally, () =>
        app.server.services.slaTimer.fireDueTimers(app.systemContext(new Date(dueAt))),
      );
      expect(result).toEqual({ warnings: 0, breaches: tickets, escalations: tickets });
      for (const ticketId of ticketIds) {
        const ticket = await slaOf(ticketId);
        expect(ticket).toMatchObject({ ownerParty: 'PLATFORM', priority: 'HIGH', routing: { rule: 'carrier-stuck' } });
        expect(clock(ticket, 'RESOLUTION', 'CARRIER')).toMatchObject({ state: 'BREACHED', breachedAt: new Date(dueAt).toISOString() });
        expect(clock(ticket, 'FIRST_RESPONSE', 'PLATFORM')).toMatchObject({ state: 'ACTIVE', startedAt: new Date(dueAt).toISOString() });
        expect(eventTypes(ticket).filter((type) => type === 'ESCALATED')).toHaveLength(1);
      }
      return tally.count;
    };
    const few = await statementsOfWave(2, '2027-03-01T09:00:00+09:00', '2027-03-05T18:00:00+09:00');
    const many = await statementsOfWave(12, '2027-03-08T09:00:00+09:00', '2027-03-12T18:00:00+09:00');
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(20);
  });

  it('a sweeper works past the batch another sweeper holds, instead of stopping at it', async () => {
    const customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    app.clock.set('2027-04-05T09:00:00+09:00');
    for (let index = 0; index < 20; index += 1) {
      const response = await app.graphql(
        OPEN,
        { input: { channel: 'CHAT', subject: `ログインできない ${index}`, body: 'ログインできません。' } },
        customerToken,
      );
      expect(response.data!.openTicket.userErrors).toEqual([]);
    }
    await runTimers('2027-04-05T09:00:30+09:00');
    // 09:11: the 20 chat FIRST_RESPONSE clocks are due. Another sweeper holds the 10 tickets a batch of 10 looks at first.
    const at = new Date('2027-04-05T09:11:00+09:00');
    const other = app.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      const held: Array<{ id: string }> = await other.query(
        `SELECT t.id FROM tickets t WHERE t.id IN (SELECT c.ticket_id FROM sla_clocks c WHERE c.next_fire_at <= $1 ORDER BY c.next_fire_at LIMIT 10) FOR NO KEY UPDATE OF t`,
        [at],
      );
      expect(held).toHaveLength(10);
      const result = await app.server.services.slaTimer.fireDueTimers(app.systemContext(at), { batchSize: 10 });
      expect(result.breaches).toBe(10);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect((await app.server.services.slaTimer.fireDueTimers(app.systemContext(at), { batchSize: 10 })).breaches).toBe(10);
  });
});

describe('SLA clocks through the conversation', () => {
  let app: TestApp;
  let customerId: string;
  let customerToken: string;

  const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ticket { status } userErrors { code message } } }`;
  const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { ticket { status } userErrors { code message } } }`;
  const RESOLVE = `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { ticket { status } userErrors { code message } } }`;
  const clockOf = async (ticketId: string, metric: string) => {
    const response = await app.graphql(SLA, { id: ticketId });
    return (response.data!.ticket.sla.clocks as ClockView[]).filter((candidate) => candidate.metric === metric).at(-1);
  };
  const at = async (time: string, query: string, input: Record<string, unknown>, token?: string) => {
    app.clock.set(time);
    const response = await app.graphql(query, { input }, token);
    const payload = Object.values(response.data ?? {})[0] as { userErrors: unknown[] };
    expect(payload.userErrors).toEqual([]);
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    customerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
  });
  afterAll(() => app.close());

  it("meets FIRST_RESPONSE on the owner's public reply, starts NEXT_RESPONSE on the customer's next message, and pays a PENDING pause back", async () => {
    app.clock.set('2026-11-20T10:00:00+09:00');
    const opened = await app.graphql(
      OPEN,
      { input: { channel: 'EMAIL', subject: 'ログインできない', body: 'ログインできません。パスワードを変えてもだめです。' } },
      customerToken,
    );
    const ticketId = opened.data!.openTicket.ticket.id;
    // platform-default: FIRST_RESPONSE 24 h, NEXT_RESPONSE 24 h, RESOLUTION 72 h (ALWAYS).
    expect((await clockOf(ticketId, 'RESOLUTION'))!.dueAt).toBe(new Date('2026-11-23T10:00:00+09:00').toISOString());

    // An internal note is no response; a public agent reply is.
    await at('2026-11-20T11:00:00+09:00', POST, { ticketId, body: '調査中', visibility: 'INTERNAL' });
    expect((await clockOf(ticketId, 'FIRST_RESPONSE'))!.state).toBe('ACTIVE');
    await at('2026-11-20T12:00:00+09:00', POST, {
      ticketId,
      body: 'ご不便をおかけしております。端末の種類を教えてください。',
      visibility: 'PUBLIC',
    });
    expect(await clockOf(ticketId, 'FIRST_RESPONSE')).toMatchObject({
      state: 'MET',
      metAt: new Date('2026-11-20T12:00:00+09:00').toISOString(),
      usedBusinessMinutes: 120,
    });

    // Waiting on the customer: RESOLUTION pauses at 13:00 …
    await at('2026-11-20T13:00:00+09:00', STATUS, { ticketId, status: 'PENDING' });
    expect((await clockOf(ticketId, 'RESOLUTION'))!.state).toBe('PAUSED');
    // … and the customer's reply 5 hours later resumes it, paid back: due 5 hours later than before.
    await at('2026-11-20T18:00:00+09:00', POST, { ticketId, body: 'iPhone 15 です。', visibility: 'PUBLIC' }, customerToken);
    expect(await clockOf(ticketId, 'RESOLUTION')).toMatchObject({
      state: 'ACTIVE',
      dueAt: new Date('2026-11-23T15:00:00+09:00').toISOString(),
    });
    expect(await clockOf(ticketId, 'NEXT_RESPONSE')).toMatchObject({
      state: 'ACTIVE',
      startedAt: new Date('2026-11-20T18:00:00+09:00').toISOString(),
      dueAt: new Date('2026-11-21T18:00:00+09:00').toISOString(),
    });

    // Solving meets RESOLUTION; reopening resumes it without charging the solved time.
    await at('2026-11-21T09:00:00+09:00', RESOLVE, { ticketId, resolution: 'INFORMATION', note: 'Reset the second factor' });
    expect(await clockOf(ticketId, 'RESOLUTION')).toMatchObject({ state: 'MET' });
    expect((await clockOf(ticketId, 'NEXT_RESPONSE'))!.state).toBe('CANCELLED');
    await at('2026-11-22T09:00:00+09:00', POST, { ticketId, body: 'まだログインできません。', visibility: 'PUBLIC' }, customerToken);
    // 18 h had been used when solved (Fri 10:00 → Sat 09:00 less the 5 h pause); the 24 h solved are not charged.
    expect(await clockOf(ticketId, 'RESOLUTION')).toMatchObject({
      state: 'ACTIVE',
      dueAt: new Date('2026-11-24T15:00:00+09:00').toISOString(),
    });
    const events = (await app.graphql(SLA, { id: ticketId })).data!.ticket.events.edges.map(
      (edge: { node: { type: string } }) => edge.node.type,
    );
    expect(events.filter((type: string) => type === 'SLA_MET')).toHaveLength(2);
  });
});

describe('SLA clocks through the life cycle (issue #16 defects)', () => {
  let app: TestApp;
  let sellerId: string;
  let carrierId: string;
  let customerId: string;
  let tokens: Record<'customer' | 'seller', string>;

  const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ticket { status } userErrors { code message } } }`;
  const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { ticket { status } userErrors { code message } } }`;
  const RESOLVE = `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { ticket { status } userErrors { code message } } }`;
  const iso = (time: string) => new Date(time).toISOString();
  const slaOf = async (ticketId: string) => (await app.graphql(SLA, { id: ticketId })).data!.ticket;
  const clocksOf = async (ticketId: string, metric: string): Promise<ClockView[]> =>
    ((await slaOf(ticketId)).sla.clocks as ClockView[]).filter((candidate) => candidate.metric === metric);
  const eventTypes = (ticket: { events: { edges: Array<{ node: { type: string } }> } }) =>
    ticket.events.edges.map((edge) => edge.node.type);
  /** Runs a mutation at `time` and expects it to succeed. */
  const at = async (time: string, query: string, input: Record<string, unknown>, token?: string) => {
    app.clock.set(time);
    const response = await app.graphql(query, { input }, token);
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data ?? {})[0] as { userErrors: unknown[] };
    expect(payload.userErrors).toEqual([]);
  };
  const runTimers = (time: string) => {
    app.clock.set(time);
    return app.server.services.slaTimer.fireDueTimers(app.systemContext(new Date(time)));
  };
  const open = async (input: Record<string, unknown>, time: string, token?: string): Promise<string> => {
    app.clock.set(time);
    const response = await app.graphql(
      OPEN,
      { input: token ? input : { customerId: toGlobalId('Customer', customerId), ...input } },
      token,
    );
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket.id;
  };
  const sellerTicket = async (time: string) => {
    const { orderId } = await insertOrderWithFacts(app.dataSource, {
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
    });
    return open(
      {
        channel: 'EMAIL',
        subject: '初期不良',
        body: '届いたイヤホンの電源が入りません。初期不良だと思います。',
        orderId: toGlobalId('Order', orderId),
      },
      time,
    );
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    sellerId = await insertSeller(app.dataSource);
    carrierId = await insertCarrier(app.dataSource, 'SAGAWA');
    customerId = await insertCustomer(app.dataSource);
    tokens = {
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
      seller: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }),
    };
  });
  afterAll(() => app.close());

  it('a seller who answered and then sets ON_HOLD, PENDING and OPEN again is never escalated; the next customer message arms it 48 h later', async () => {
    const ticketId = await sellerTicket('2026-11-20T10:00:00+09:00');
    expect((await slaOf(ticketId)).sla.escalatesAt).toBe(iso('2026-11-22T10:00:00+09:00'));
    await at(
      '2026-11-20T11:00:00+09:00',
      POST,
      { ticketId, body: 'ご不便をおかけしております。交換品を手配します。', visibility: 'PUBLIC' },
      tokens.seller,
    );
    expect((await slaOf(ticketId)).sla.escalatesAt).toBeNull();
    await at('2026-11-20T12:00:00+09:00', STATUS, { ticketId, status: 'ON_HOLD' }, tokens.seller);
    expect((await slaOf(ticketId)).sla.escalatesAt).toBeNull();
    await at('2026-11-20T13:00:00+09:00', STATUS, { ticketId, status: 'PENDING' }, tokens.seller);
    await at('2026-11-20T14:00:00+09:00', STATUS, { ticketId, status: 'OPEN' }, tokens.seller);
    expect((await slaOf(ticketId)).sla.escalatesAt).toBeNull();
    // 48 h after each of the seller's status changes: nothing happens, the customer was never kept waiting.
    await runTimers('2026-11-22T14:00:01+09:00');
    let ticket = await slaOf(ticketId);
    expect(ticket.ownerParty).toBe('SELLER');
    expect(eventTypes(ticket)).not.toContain('ESCALATED');

    // The customer writes Monday 09:00: due Wednesday 09:00, whatever the seller does with the status meanwhile.
    await at('2026-11-23T09:00:00+09:00', POST, { ticketId, body: '交換品はいつ届きますか。', visibility: 'PUBLIC' }, tokens.customer);
    expect((await slaOf(ticketId)).sla.escalatesAt).toBe(iso('2026-11-25T09:00:00+09:00'));
    await at('2026-11-23T10:00:00+09:00', STATUS, { ticketId, status: 'ON_HOLD' }, tokens.seller);
    expect((await slaOf(ticketId)).sla.escalatesAt).toBe(iso('2026-11-25T09:00:00+09:00'));
    await runTimers('2026-11-25T08:59:59+09:00');
    expect((await slaOf(ticketId)).ownerParty).toBe('SELLER');
    await runTimers('2026-11-25T09:00:00+09:00');
    ticket = await slaOf(ticketId);
    expect(ticket).toMatchObject({ ownerParty: 'PLATFORM', routing: { rule: 'seller-silent' }, sla: { escalatesAt: null } });
    expect(eventTypes(ticket).filter((type) => type === 'ESCALATED')).toHaveLength(1);
  });

  it('a reopened ticket whose RESOLUTION clock breached runs it again until the next solve, and never fires the breach twice', async () => {
    // platform-chat: RESOLUTION 1440 minutes on ALWAYS, from Friday 10:00 → due Saturday 10:00.
    const ticketId = await open(
      { channel: 'CHAT', subject: 'ログインできない', body: 'ログインできません。SMSのコードが届きません。' },
      '2026-12-04T10:00:00+09:00',
      tokens.customer,
    );
    await runTimers('2026-12-05T10:00:30+09:00');
    await at('2026-12-05T12:00:00+09:00', RESOLVE, { ticketId, resolution: 'INFORMATION', note: 'Reset the second factor' });
    const resolutionOf = async () => (await clocksOf(ticketId, 'RESOLUTION')).at(-1)!;
    expect(await resolutionOf()).toMatchObject({
      state: 'BREACHED',
      breachedAt: iso('2026-12-05T10:00:30+09:00'),
      metAt: iso('2026-12-05T12:00:00+09:00'),
      usedBusinessMinutes: 1560,
    });

    // Reopened by the customer 24 h after the solve: the clock runs again; the solved day is not charged.
    await at('2026-12-06T12:00:00+09:00', POST, { ticketId, body: 'まだログインできません。', visibility: 'PUBLIC' }, tokens.customer);
    expect(await clocksOf(ticketId, 'RESOLUTION')).toHaveLength(1);
    expect(await resolutionOf()).toMatchObject({
      state: 'BREACHED',
      dueAt: iso('2026-12-05T10:00:00+09:00'),
      breachedAt: iso('2026-12-05T10:00:30+09:00'),
      metAt: null,
      usedBusinessMinutes: null,
      remainingBusinessMinutes: -120,
    });
    await runTimers('2026-12-06T14:00:00+09:00');
    await at('2026-12-06T15:00:00+09:00', RESOLVE, { ticketId, resolution: 'INFORMATION', note: 'Unlocked the account' });
    // Used: Friday 10:00 → Sunday 15:00 (53 h) less the 24 h solved = 29 h.
    expect(await resolutionOf()).toMatchObject({
      state: 'BREACHED',
      breachedAt: iso('2026-12-05T10:00:30+09:00'),
      metAt: iso('2026-12-06T15:00:00+09:00'),
      usedBusinessMinutes: 1740,
    });
    const events = (await slaOf(ticketId)).events.edges.map((edge: { node: { type: string; payload: { metric?: string } } }) => edge.node);
    expect(
      events.filter(
        (event: { type: string; payload: { metric?: string } }) => event.type === 'SLA_BREACHED' && event.payload.metric === 'RESOLUTION',
      ),
    ).toHaveLength(1);
  });

  it('two pause/resume cycles timed to the millisecond give due and warning times exact to the millisecond', async () => {
    // platform-default (e-mail): RESOLUTION 4320 minutes on ALWAYS from Monday 10:00 → due Thursday 10:00, warns at 75 % (Wednesday 16:00).
    const ticketId = await open(
      { channel: 'EMAIL', subject: 'ログインできない', body: 'ログインできません。パスワードを変えてもだめです。' },
      '2026-12-07T10:00:00.000+09:00',
      tokens.customer,
    );
    // Pause 1: Monday 11:00:00.000 → Tuesday 07:23:45.678 (20:23:45.678); pause 2: 09:00:00.000 → 10:02:05.789 (1:02:05.789).
    await at('2026-12-07T11:00:00.000+09:00', STATUS, { ticketId, status: 'PENDING' });
    await at('2026-12-08T07:23:45.678+09:00', STATUS, { ticketId, status: 'OPEN' });
    await at('2026-12-08T09:00:00.000+09:00', STATUS, { ticketId, status: 'PENDING' });
    await at('2026-12-08T10:02:05.789+09:00', STATUS, { ticketId, status: 'OPEN' });
    // 21:25:51.467 paused in all: each instant later by exactly that.
    const resolution = async () => (await clocksOf(ticketId, 'RESOLUTION')).at(-1)!;
    expect(await resolution()).toMatchObject({
      state: 'ACTIVE',
      dueAt: iso('2026-12-11T07:25:51.467+09:00'),
      warnAt: iso('2026-12-10T13:25:51.467+09:00'),
    });
    // Used when solved Tuesday 12:00: 26 h less the pauses = 4:34:08.533 = 16,448,533 ms.
    await at('2026-12-08T12:00:00.000+09:00', RESOLVE, { ticketId, resolution: 'INFORMATION' });
    expect(await resolution()).toMatchObject({ state: 'MET', usedBusinessMinutes: 16_448_533 / 60_000 });
    const [stored] = await app.dataSource.query(
      `SELECT round(paused_business_minutes::numeric * 60000) AS paused_milliseconds, pg_typeof(paused_business_minutes)::text AS type
       FROM sla_clocks WHERE ticket_id = $1 AND metric = 'RESOLUTION'`,
      [fromGlobalIdOfType(ticketId, 'Ticket')],
    );
    expect(stored).toEqual({ paused_milliseconds: '77151467', type: 'double precision' });
  });

  it("the SOLVED → CLOSED job and an agent's close leave identical clocks, used minutes recorded", async () => {
    // Two chat tickets opened Monday 10:00; both FIRST_RESPONSE clocks (10 min) breach unanswered, both are
    // solved at 11:00 (RESOLUTION met after 60 minutes) and closed 7 days later: one by an agent, one by the job.
    const opened = '2026-12-14T10:00:00.000+09:00';
    const byAgent = await open({ channel: 'CHAT', subject: '返金について', body: '返金はいつになりますか。' }, opened, tokens.customer);
    const byJob = await open({ channel: 'CHAT', subject: '返金について', body: '返金はいつになりますか。' }, opened, tokens.customer);
    await runTimers('2026-12-14T10:11:00.000+09:00');
    for (const ticketId of [byAgent, byJob]) await at('2026-12-14T11:00:00.000+09:00', RESOLVE, { ticketId, resolution: 'INFORMATION' });
    const closedAt = '2026-12-21T11:00:00.000+09:00';
    await at(closedAt, STATUS, { ticketId: byAgent, status: 'CLOSED' });
    app.clock.set(closedAt);
    expect(await app.server.services.solvedTicketClosing.closeSolvedTickets(app.systemContext(new Date(closedAt)))).toBeGreaterThanOrEqual(
      1,
    );

    const storedClocks = (ticketId: string) =>
      app.dataSource.query(
        `SELECT metric, owner_party, policy_id, state, started_at, due_at, warn_at, paused_business_minutes, paused_at, warned_at, met_at, breached_at,
                cancelled_at, used_business_minutes, next_fire_at
         FROM sla_clocks WHERE ticket_id = $1 ORDER BY id`,
        [fromGlobalIdOfType(ticketId, 'Ticket')],
      );
    const agentClocks = await storedClocks(byAgent);
    expect(await storedClocks(byJob)).toEqual(agentClocks);
    expect(
      agentClocks.map((row: { metric: string; state: string; cancelled_at: Date | null; used_business_minutes: number | null }) => [
        row.metric,
        row.state,
        row.cancelled_at?.toISOString() ?? null,
        row.used_business_minutes,
      ]),
    ).toEqual([
      // The unanswered first response ends at the close with its 7 days and 1 hour (10,140 minutes) recorded.
      ['FIRST_RESPONSE', 'BREACHED', iso(closedAt), 10_140],
      ['RESOLUTION', 'MET', null, 60],
    ]);
    expect((await slaOf(byJob)).status).toBe('CLOSED');
    expect((await slaOf(byJob)).sla).toEqual((await slaOf(byAgent)).sla);
  });

  it('migration 1765300003000 recomputes seller-silence deadlines the old rule re-armed, from the clocks', async () => {
    const answered = await sellerTicket('2026-12-14T10:00:00+09:00');
    await at('2026-12-14T11:00:00+09:00', POST, { ticketId: answered, body: '確認いたします。', visibility: 'PUBLIC' }, tokens.seller);
    const waiting = await sellerTicket('2026-12-14T12:00:00+09:00');
    // As the old rule left them: re-armed by a status change, and moved by one.
    const stale = new Date('2026-12-17T09:00:00+09:00');
    await app.dataSource.query(`UPDATE ticket_deadlines SET escalation_due_at = $1 WHERE ticket_id = ANY($2::bigint[])`, [
      stale,
      [answered, waiting].map((id) => fromGlobalIdOfType(id, 'Ticket')),
    ]);
    const queryRunner = app.dataSource.createQueryRunner();
    try {
      await new SellerSilenceFromClocks1765300003000().up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    expect((await slaOf(answered)).sla.escalatesAt).toBeNull();
    expect((await slaOf(waiting)).sla.escalatesAt).toBe(iso('2026-12-16T12:00:00+09:00'));
    await app.dataSource.query(`UPDATE ticket_deadlines SET escalation_due_at = $1 WHERE ticket_id = $2`, [
      new Date('2026-12-20T00:00:00+09:00'),
      fromGlobalIdOfType(waiting, 'Ticket'),
    ]);
    const again = app.dataSource.createQueryRunner();
    try {
      await new SellerSilenceFromClocks1765300003000().up(again);
    } finally {
      await again.release();
    }
    expect((await slaOf(waiting)).sla.escalatesAt).toBe(iso('2026-12-16T12:00:00+09:00'));
  });
});
