import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// changeTicketPriority (issue #16 point 4): who may, what is refused, and the re-targeted clocks with exact times.

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id priority } userErrors { code message } } }`;
const CHANGE_PRIORITY = `mutation($input: ChangeTicketPriorityInput!) {
  changeTicketPriority(input: $input) { ticket { id priority version } userErrors { code field message } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { priority version
  sla { nextDueAt clocks { metric owner state startedAt dueAt warnAt breachedAt remainingBusinessMinutes policy { id version } calendar { id } } }
  events(first: 100) { edges { node { type actorRole payload } } } } }`;

interface TimelineEvent {
  type: string;
  actorRole: string;
  payload: Record<string, unknown>;
}

describe('changeTicketPriority', () => {
  let app: TestApp;
  let tokens: Record<'customer' | 'seller' | 'admin', string>;
  const iso = (time: string) => new Date(time).toISOString();

  const open = async (input: Record<string, unknown>, time: string): Promise<{ id: string; priority: string }> => {
    app.clock.set(time);
    const response = await app.graphql(OPEN, { input }, tokens.customer);
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket;
  };
  const changePriority = async (input: Record<string, unknown>, token?: string) => {
    const response = await app.graphql(CHANGE_PRIORITY, { input }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.changeTicketPriority;
  };
  const read = async (id: string) => (await app.graphql(TICKET, { id })).data!.ticket;
  const timeline = async (id: string): Promise<TimelineEvent[]> =>
    (await read(id)).events.edges.map((edge: { node: TimelineEvent }) => edge.node);

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-12-07T10:00:00+09:00' });
    const customerId = await insertCustomer(app.dataSource);
    const sellerId = await insertSeller(app.dataSource);
    tokens = {
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
      seller: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }),
      admin: await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }),
    };
  });
  afterAll(() => app.close());

  it('to URGENT re-targets the running clocks to platform-urgent from their start, with exact due times and events', async () => {
    // An e-mail about a login on Monday 10:00: platform-default (FIRST_RESPONSE 24 h, RESOLUTION 72 h, ALWAYS).
    const ticket = await open(
      { channel: 'EMAIL', subject: 'ログインできない', body: 'ログインできません。パスワードを変えてもだめです。' },
      '2026-12-07T10:00:00+09:00',
    );
    expect(ticket.priority).not.toBe('URGENT');
    app.clock.set('2026-12-07T10:30:00+09:00');
    const changed = await changePriority({
      ticketId: ticket.id,
      priority: 'URGENT',
      reason: 'Account takeover: the card was charged from abroad',
    });
    expect(changed).toMatchObject({ ticket: { id: ticket.id, priority: 'URGENT', version: 2 }, userErrors: [] });

    const after = await read(ticket.id);
    const clocks = after.sla.clocks.map((clock: Record<string, unknown>) => [
      clock.metric,
      clock.state,
      clock.policy,
      clock.startedAt,
      clock.dueAt,
      clock.warnAt,
      clock.remainingBusinessMinutes,
    ]);
    // platform-urgent: FIRST_RESPONSE 60 min, RESOLUTION 24 h, from the clocks' start at 10:00; 30 minutes already used.
    expect(clocks).toEqual([
      [
        'FIRST_RESPONSE',
        'ACTIVE',
        { id: 'platform-urgent', version: 1 },
        iso('2026-12-07T10:00:00+09:00'),
        iso('2026-12-07T11:00:00+09:00'),
        iso('2026-12-07T10:45:00+09:00'),
        30,
      ],
      [
        'RESOLUTION',
        'ACTIVE',
        { id: 'platform-urgent', version: 1 },
        iso('2026-12-07T10:00:00+09:00'),
        iso('2026-12-08T10:00:00+09:00'),
        iso('2026-12-08T04:00:00+09:00'),
        1410,
      ],
    ]);
    expect(after.sla.nextDueAt).toBe(iso('2026-12-07T11:00:00+09:00'));
    const events = (await timeline(ticket.id)).slice(-3);
    expect(events).toEqual([
      {
        type: 'PRIORITY_CHANGED',
        actorRole: 'AGENT',
        payload: { from: ticket.priority, to: 'URGENT', reason: 'Account takeover: the card was charged from abroad', version: 2 },
      },
      expect.objectContaining({
        type: 'SLA_RETARGETED',
        payload: expect.objectContaining({
          metric: 'FIRST_RESPONSE',
          outcome: 'RETARGETED',
          policy: { id: 'platform-urgent', version: 1 },
          dueAt: iso('2026-12-07T11:00:00+09:00'),
          warnAt: iso('2026-12-07T10:45:00+09:00'),
          targetMinutes: 60,
          version: 2,
        }),
      }),
      expect.objectContaining({
        type: 'SLA_RETARGETED',
        payload: expect.objectContaining({
          metric: 'RESOLUTION',
          policy: { id: 'platform-urgent', version: 1 },
          dueAt: iso('2026-12-08T10:00:00+09:00'),
          version: 2,
        }),
      }),
    ]);

    // The timers act on the new instants: a warning at 10:45, the breach at 11:00, once each.
    app.clock.set('2026-12-07T11:00:01+09:00');
    await app.server.services.slaTimer.fireDueTimers(app.systemContext(new Date('2026-12-07T11:00:01+09:00')));
    const breached = await read(ticket.id);
    expect(breached.sla.clocks[0]).toMatchObject({
      metric: 'FIRST_RESPONSE',
      state: 'BREACHED',
      breachedAt: iso('2026-12-07T11:00:01+09:00'),
    });

    // Back to NORMAL at 12:00: the breached first response stays as it was; RESOLUTION returns to 72 h from 10:00.
    app.clock.set('2026-12-07T12:00:00+09:00');
    expect(
      (await changePriority({ ticketId: ticket.id, priority: 'NORMAL', reason: 'Not a takeover after all' }, tokens.admin)).userErrors,
    ).toEqual([]);
    const lowered = await read(ticket.id);
    expect(
      lowered.sla.clocks.map((clock: Record<string, unknown>) => [
        clock.metric,
        clock.state,
        (clock.policy as { id: string }).id,
        clock.dueAt,
      ]),
    ).toEqual([
      ['FIRST_RESPONSE', 'BREACHED', 'platform-urgent', iso('2026-12-07T11:00:00+09:00')],
      ['RESOLUTION', 'ACTIVE', 'platform-default', iso('2026-12-10T10:00:00+09:00')],
    ]);
    expect((await timeline(ticket.id)).filter((event) => event.type === 'SLA_BREACHED')).toHaveLength(1);
  });

  it('refuses other callers and bad input with userErrors, writing nothing', async () => {
    const ticket = await open({ channel: 'EMAIL', subject: '返金について', body: '返金はいつになりますか。' }, '2026-12-07T13:00:00+09:00');
    const input = { ticketId: ticket.id, priority: 'URGENT', reason: 'Fraud suspected' };
    expect((await changePriority(input, tokens.customer)).userErrors).toMatchObject([{ code: 'NOT_PERMITTED', field: 'input.ticketId' }]);
    expect((await changePriority(input, tokens.seller)).userErrors).toMatchObject([{ code: 'NOT_PERMITTED' }]);
    expect((await changePriority({ ...input, reason: '  ' })).userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: 'input.reason' }]);
    expect((await changePriority({ ...input, reason: 'x'.repeat(1001) })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: 'input.reason' },
    ]);
    expect((await changePriority({ ...input, priority: ticket.priority })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: 'input.priority' },
    ]);
    expect((await changePriority({ ...input, expectedVersion: 5 })).userErrors).toMatchObject([
      { code: 'VERSION_CONFLICT', field: 'input.expectedVersion' },
    ]);
    expect((await changePriority({ ...input, ticketId: toGlobalId('Ticket', '9999999') })).userErrors).toMatchObject([
      { code: 'NOT_FOUND' },
    ]);
    const unchanged = await read(ticket.id);
    expect(unchanged).toMatchObject({ priority: ticket.priority, version: 1 });
    expect((await timeline(ticket.id)).map((event) => event.type)).not.toContain('PRIORITY_CHANGED');
  });
});
