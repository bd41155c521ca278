import { JobHelpers } from 'graphile-worker';
import pino from 'pino';
import { ForbiddenError } from '../../src/domain/errors';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { JobContext } from '../../src/jobs/job-context';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions';
import { createRequestContext } from '../../src/services/context-factory';
import { insertCarrier, insertCustomer, insertOrder, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const START = '2026-12-01T10:00:00+09:00';
const DAY_MINUTES = 24 * 60;

const OPEN_TICKET = `
  mutation($input: OpenTicketInput!) {
    openTicket(input: $input) { ticket { id number ownerParty } userErrors { code message } }
  }`;

const TICKET_FIELDS = `id number status version solvedAt closedAt reopenedCount resolution resolutionNote satisfactionScore satisfactionComment ratedAt ownerParty`;
const USER_ERRORS = `userErrors { code field message allowedStatuses }`;

const CHANGE_STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { ticket { ${TICKET_FIELDS} } ${USER_ERRORS} } }`;
const RESOLVE = `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { ticket { ${TICKET_FIELDS} } ${USER_ERRORS} } }`;
const REOPEN = `mutation($input: ReopenTicketInput!) { reopenTicket(input: $input) { ticket { ${TICKET_FIELDS} } ${USER_ERRORS} } }`;
const RATE = `mutation($input: RateTicketInput!) { rateTicket(input: $input) { ticket { ${TICKET_FIELDS} } ${USER_ERRORS} } }`;
const POST_MESSAGE = `
  mutation($input: PostMessageInput!) {
    postMessage(input: $input) {
      message { id body authorRole }
      ticket { ${TICKET_FIELDS} }
      followUpTicket {
        ${TICKET_FIELDS} category channel language subject
        seller { id } followUpOf { id number }
        routing { owner rule reason }
        messages(first: 10) { edges { node { id body authorRole } } }
        events(first: 10) { edges { node { type actorRole payload } } }
      }
      ${USER_ERRORS}
    }
  }`;
const TICKET = `
  query($id: ID!) {
    ticket(id: $id) {
      ${TICKET_FIELDS}
      followUps(first: 10) { edges { node { id } } }
      events(first: 100) { edges { node { type actorRole payload } } }
    }
  }`;

interface TimelineEvent {
  type: string;
  actorRole: string;
  payload: Record<string, unknown>;
}

describe('ticket lifecycle', () => {
  let app: TestApp;
  let customerId: string;
  let orderId: string;
  let tokens: Record<'customer' | 'seller' | 'carrier' | 'agent', string>;

  beforeAll(async () => {
    app = await createTestApp({ clock: START });
    const { dataSource } = app;
    customerId = await insertCustomer(dataSource, { name: '佐藤 花子' });
    const sellerId = await insertSeller(dataSource, '京都茶舗');
    const carrierId = await insertCarrier(dataSource, 'YAMATO');
    orderId = (await insertOrder(dataSource, { customerId, sellerId, carrierId })).orderId;
    tokens = {
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
      seller: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }),
      carrier: await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId }),
      agent: await app.agentToken(),
    };
  });
  afterAll(() => app.close());

  /** Opened by the customer through the real intake: DEFECTIVE_ITEM goes to the seller, ITEM_NOT_RECEIVED (delivered) to the carrier. */
  async function openTicket(
    category: 'DEFECTIVE_ITEM' | 'ITEM_NOT_RECEIVED' = 'DEFECTIVE_ITEM',
  ): Promise<{ id: string; number: string; ownerParty: string }> {
    const details =
      category === 'DEFECTIVE_ITEM'
        ? { reason: '電源が入りません', wantedOutcome: 'REPLACEMENT' }
        : { trackingNumber: 'TRK1', leftAtDoor: true, neighboursChecked: true };
    const response = await app.graphql(
      OPEN_TICKET,
      {
        input: {
          channel: 'EMAIL',
          subject: '初期不良',
          body: '届いた商品の電源が入りません。',
          orderId: toGlobalId('Order', orderId),
          category,
          details,
        },
      },
      tokens.customer,
    );
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket;
  }

  const mutate = async (mutation: string, name: string, input: Record<string, unknown>, token: string) => {
    const response = await app.graphql(mutation, { input }, token);
    expect(response.errors).toBeUndefined();
    return response.data![name];
  };
  const changeStatus = (token: string, input: Record<string, unknown>) => mutate(CHANGE_STATUS, 'changeTicketStatus', input, token);
  const resolve = (token: string, input: Record<string, unknown>) => mutate(RESOLVE, 'resolveTicket', input, token);
  const reopen = (token: string, input: Record<string, unknown>) => mutate(REOPEN, 'reopenTicket', input, token);
  const rate = (token: string, input: Record<string, unknown>) => mutate(RATE, 'rateTicket', input, token);
  const postMessage = (token: string, input: Record<string, unknown>) => mutate(POST_MESSAGE, 'postMessage', input, token);
  const readTicket = async (id: string) => (await app.graphql(TICKET, { id }, tokens.agent)).data!.ticket;
  const timelineOf = async (id: string): Promise<TimelineEvent[]> =>
    (await readTicket(id)).events.edges.map((edge: { node: TimelineEvent }) => edge.node);

  const jobContext = (): JobContext => app.jobContext();
  const closeDueTickets = () => app.server.services.solvedTicketClosing.closeSolvedTickets(app.systemContext());
  const solvedTicketsDue = async () =>
    Number(
      (
        await app.dataSource.query(`SELECT count(*) AS count FROM tickets WHERE status = 'SOLVED' AND solved_at <= $1`, [
          new Date(app.clock.now().getTime() - 7 * DAY_MINUTES * 60_000),
        ])
      )[0].count,
    );

  it('refuses an illegal transition with INVALID_TRANSITION and the statuses allowed now, writing nothing', async () => {
    const ticket = await openTicket();
    const close = await changeStatus(tokens.seller, { ticketId: ticket.id, status: 'CLOSED' });
    expect(close).toEqual({
      ticket: null,
      userErrors: [
        {
          code: 'INVALID_TRANSITION',
          field: 'input.status',
          message: 'Only platform agents close tickets, and only solved ones',
          allowedStatuses: ['OPEN', 'PENDING', 'ON_HOLD', 'SOLVED'],
        },
      ],
    });
    expect((await changeStatus(tokens.seller, { ticketId: ticket.id, status: 'NEW' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION', message: 'The ticket is already NEW' },
    ]);
    expect((await changeStatus(tokens.agent, { ticketId: ticket.id, status: 'CLOSED' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION', allowedStatuses: ['OPEN', 'PENDING', 'ON_HOLD', 'SOLVED'] },
    ]);
    expect((await changeStatus(tokens.customer, { ticketId: ticket.id, status: 'PENDING' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION', allowedStatuses: [] },
    ]);
    expect((await changeStatus(tokens.seller, { ticketId: ticket.id, status: 'SOLVED' })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: 'input.status', message: expect.stringMatching(/resolveTicket/) },
    ]);
    expect((await changeStatus(tokens.seller, { ticketId: ticket.id, status: 'PENDING', expectedVersion: 7 })).userErrors).toMatchObject([
      { code: 'VERSION_CONFLICT' },
    ]);
    expect((await readTicket(ticket.id)).version).toBe(1);
    expect(await timelineOf(ticket.id)).toHaveLength(4); // opened, routed, the customer's message, the bot's first answer

    const accepted = await app.graphql(
      CHANGE_STATUS,
      { input: { ticketId: ticket.id, status: 'PENDING', expectedVersion: 1 } },
      tokens.seller,
    );
    expect(accepted.data!.changeTicketStatus).toMatchObject({ ticket: { status: 'PENDING', version: 2 }, userErrors: [] });
    // BEGIN, lock, ticket update, SLA clocks read, ticket SLA times (waiting on the customer stops the
    // seller-silence timer), events, COMMIT.
    expect(accepted.statementCount).toBe(7);
  });

  it('lets sellers and carriers change the status only while they own the ticket, and never close it', async () => {
    const carrierTicket = await openTicket('ITEM_NOT_RECEIVED');
    expect(carrierTicket.ownerParty).toBe('CARRIER');
    expect((await changeStatus(tokens.seller, { ticketId: carrierTicket.id, status: 'PENDING' })).userErrors).toMatchObject([
      { code: 'NOT_OWNER' },
    ]);
    expect((await changeStatus(tokens.carrier, { ticketId: carrierTicket.id, status: 'ON_HOLD' })).ticket).toMatchObject({
      status: 'ON_HOLD',
      version: 2,
    });
    expect((await resolve(tokens.carrier, { ticketId: carrierTicket.id, resolution: 'RESHIPMENT' })).ticket).toMatchObject({
      status: 'SOLVED',
      resolution: 'RESHIPMENT',
    });
    expect((await changeStatus(tokens.carrier, { ticketId: carrierTicket.id, status: 'CLOSED' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION', allowedStatuses: ['OPEN'] },
    ]);

    const closed = await changeStatus(tokens.agent, { ticketId: carrierTicket.id, status: 'CLOSED' });
    expect(closed.ticket).toMatchObject({ status: 'CLOSED', closedAt: app.clock.now().toISOString(), version: 4 });
    expect((await timelineOf(carrierTicket.id)).slice(-2)).toEqual([
      { type: 'STATUS_CHANGED', actorRole: 'AGENT', payload: { from: 'SOLVED', to: 'CLOSED', trigger: 'REQUEST', version: 4 } },
      { type: 'TICKET_CLOSED', actorRole: 'AGENT', payload: { solvedAt: app.clock.now().toISOString(), trigger: 'REQUEST', version: 4 } },
    ]);
    expect((await changeStatus(tokens.agent, { ticketId: carrierTicket.id, status: 'OPEN' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION', allowedStatuses: [] },
    ]);

    const transferred = await openTicket();
    await app.graphql(
      `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { userErrors { code } } }`,
      { input: { ticketId: transferred.id, toParty: 'PLATFORM', reason: '運営で対応します' } },
      tokens.agent,
    );
    expect((await changeStatus(tokens.seller, { ticketId: transferred.id, status: 'PENDING' })).userErrors).toMatchObject([
      { code: 'NOT_OWNER' },
    ]);
  });

  it('resolves with a resolution, lets the customer reopen within 7 days but not after, and agents until it is closed', async () => {
    const ticket = await openTicket();
    const solved = await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'REFUND', note: '全額返金しました。' });
    expect(solved).toMatchObject({
      ticket: {
        status: 'SOLVED',
        solvedAt: app.clock.now().toISOString(),
        resolution: 'REFUND',
        resolutionNote: '全額返金しました。',
        version: 2,
      },
      userErrors: [],
    });
    expect((await timelineOf(ticket.id)).slice(-2)).toEqual([
      { type: 'STATUS_CHANGED', actorRole: 'SELLER', payload: { from: 'NEW', to: 'SOLVED', trigger: 'REQUEST', version: 2 } },
      { type: 'TICKET_SOLVED', actorRole: 'SELLER', payload: { resolution: 'REFUND', note: '全額返金しました。', version: 2 } },
    ]);
    expect((await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'REFUND' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION' },
    ]);
    expect((await resolve(tokens.customer, { ticketId: ticket.id, resolution: 'REFUND' })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION' },
    ]);

    app.clock.advanceMinutes(6 * DAY_MINUTES);
    const reopened = await reopen(tokens.customer, { ticketId: ticket.id, reason: '返金が反映されていません' });
    expect(reopened.ticket).toMatchObject({
      status: 'OPEN',
      reopenedCount: 1,
      solvedAt: null,
      resolution: null,
      resolutionNote: null,
      version: 3,
    });
    expect((await timelineOf(ticket.id)).slice(-1)).toEqual([
      {
        type: 'TICKET_REOPENED',
        actorRole: 'CUSTOMER',
        payload: { reopenedCount: 1, reason: '返金が反映されていません', trigger: 'REQUEST', version: 3 },
      },
    ]);
    expect((await reopen(tokens.customer, { ticketId: ticket.id })).userErrors).toMatchObject([
      { code: 'INVALID_TRANSITION', message: 'Only a SOLVED ticket can be reopened; this one is OPEN' },
    ]);

    await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'REFUND' });
    app.clock.advanceMinutes(7 * DAY_MINUTES);
    expect((await reopen(tokens.customer, { ticketId: ticket.id })).userErrors).toEqual([
      {
        code: 'INVALID_TRANSITION',
        field: 'input.ticketId',
        message: 'A solved ticket can be reopened by the customer only within 7 days of being solved',
        allowedStatuses: [],
      },
    ]);
    expect((await reopen(tokens.agent, { ticketId: ticket.id })).ticket).toMatchObject({ status: 'OPEN', reopenedCount: 2 });
  });

  it('reopens a SOLVED ticket when its customer writes within 7 days', async () => {
    const ticket = await openTicket();
    await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'REPLACEMENT' });
    app.clock.advanceMinutes(3 * DAY_MINUTES);
    const reply = await postMessage(tokens.customer, { ticketId: ticket.id, body: '交換品も動きません。' });
    expect(reply).toMatchObject({ ticket: { status: 'OPEN', reopenedCount: 1, version: 3 }, followUpTicket: null, userErrors: [] });
    expect((await timelineOf(ticket.id)).slice(-3).map((event) => [event.type, event.payload.trigger ?? null])).toEqual([
      ['MESSAGE_POSTED', null],
      ['STATUS_CHANGED', 'CUSTOMER_REPLY'],
      ['TICKET_REOPENED', 'CUSTOMER_REPLY'],
    ]);
  });

  it('closes tickets solved 7 days ago, and opens a follow-up when the customer writes to one, end to end over GraphQL', async () => {
    const ticket = await openTicket();
    const resolvedAt = app.clock.now();
    await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'INFORMATION', note: '使い方をご案内しました。' });
    app.clock.advanceMinutes(DAY_MINUTES);
    const solvedLater = await openTicket();
    await resolve(tokens.seller, { ticketId: solvedLater.id, resolution: 'NO_ACTION' });

    app.clock.set(new Date(resolvedAt.getTime() + 7 * DAY_MINUTES * 60_000 - 60_000));
    const dueEarly = await solvedTicketsDue();
    expect(await closeDueTickets()).toBe(dueEarly);
    expect((await readTicket(ticket.id)).status).toBe('SOLVED');

    app.clock.set(new Date(resolvedAt.getTime() + 7 * DAY_MINUTES * 60_000));
    const due = await solvedTicketsDue();
    expect(due).toBeGreaterThanOrEqual(1);
    expect(await closeDueTickets()).toBe(due);
    expect(await solvedTicketsDue()).toBe(0);
    const closed = await readTicket(ticket.id);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: app.clock.now().toISOString(), version: 3 });
    expect((await readTicket(solvedLater.id)).status).toBe('SOLVED');
    expect((await timelineOf(ticket.id)).slice(-2)).toEqual([
      {
        type: 'STATUS_CHANGED',
        actorRole: 'SYSTEM',
        payload: { from: 'SOLVED', to: 'CLOSED', trigger: 'REOPEN_WINDOW_ELAPSED', version: 3 },
      },
      {
        type: 'TICKET_CLOSED',
        actorRole: 'SYSTEM',
        payload: { solvedAt: resolvedAt.toISOString(), trigger: 'REOPEN_WINDOW_ELAPSED', version: 3 },
      },
    ]);

    expect((await postMessage(tokens.seller, { ticketId: ticket.id, body: 'ご連絡ありがとうございます。' })).userErrors).toMatchObject([
      { code: 'TICKET_CLOSED' },
    ]);

    app.clock.advanceMinutes(60);
    const input = { ticketId: ticket.id, body: 'また同じ症状が出ました。', idempotencyKey: 'after-close-1' };
    const written = await postMessage(tokens.customer, input);
    expect(written.userErrors).toEqual([]);
    expect(written.ticket).toMatchObject({ id: ticket.id, status: 'CLOSED', version: 3 });
    const followUp = written.followUpTicket;
    expect(followUp).toMatchObject({
      status: 'NEW',
      version: 1,
      ownerParty: 'SELLER',
      category: 'DEFECTIVE_ITEM',
      channel: 'EMAIL',
      language: 'ja',
      subject: '初期不良',
      followUpOf: { id: ticket.id, number: ticket.number },
      routing: { owner: 'SELLER', rule: 'follow-up' },
      messages: { edges: [{ node: { id: written.message.id, body: 'また同じ症状が出ました。', authorRole: 'CUSTOMER' } }] },
    });
    expect(followUp.number).not.toBe(ticket.number);
    // The reason and the events reach every reader of the follow-up: they name no other ticket (issue #14).
    expect(followUp.routing.reason).toBe("Follow-up of a closed ticket of the same customer: it stays with that ticket's owner (SELLER)");
    expect(JSON.stringify(followUp.events)).not.toContain(ticket.number);
    expect(JSON.stringify(followUp.events)).not.toContain(ticket.id);
    expect(followUp.events.edges.map((edge: { node: TimelineEvent }) => edge.node.type)).toEqual([
      'TICKET_OPENED',
      'TICKET_ROUTED',
      'MESSAGE_POSTED',
    ]);
    expect(followUp.events.edges[0].node.payload).toMatchObject({ isFollowUp: true, customerId: toGlobalId('Customer', customerId) });
    expect((await readTicket(ticket.id)).followUps.edges).toEqual([{ node: { id: followUp.id } }]);

    const retried = await postMessage(tokens.customer, input);
    expect(retried).toMatchObject({ message: { id: written.message.id }, followUpTicket: { id: followUp.id }, userErrors: [] });
    expect((await readTicket(ticket.id)).followUps.edges).toHaveLength(1);

    const sellerAnswer = await postMessage(tokens.seller, { ticketId: followUp.id, body: '再度交換いたします。' });
    expect(sellerAnswer.ticket).toMatchObject({ id: followUp.id, status: 'OPEN' });
  });

  it('closes a ticket whose reopen window passed before the sweep, when its customer writes, and opens the follow-up', async () => {
    const ticket = await openTicket();
    await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'NO_ACTION' });
    app.clock.advanceMinutes(8 * DAY_MINUTES);
    const written = await postMessage(tokens.customer, { ticketId: ticket.id, body: 'まだ解決していません。' });
    expect(written.ticket).toMatchObject({ status: 'CLOSED', closedAt: app.clock.now().toISOString(), version: 3 });
    expect(written.followUpTicket).toMatchObject({ status: 'NEW', followUpOf: { id: ticket.id } });
    expect((await timelineOf(ticket.id)).slice(-2).map((event) => [event.type, event.actorRole, event.payload.trigger])).toEqual([
      ['STATUS_CHANGED', 'SYSTEM', 'REOPEN_WINDOW_ELAPSED'],
      ['TICKET_CLOSED', 'SYSTEM', 'REOPEN_WINDOW_ELAPSED'],
    ]);
  });

  it('registers the close sweep as a per-minute cron job that closes due tickets', async () => {
    const job = JOB_DEFINITIONS.find((definition) => definition.name === 'close-solved-tickets');
    expect(job).toMatchObject({ cron: '* * * * *' });
    const ticket = await openTicket();
    await resolve(tokens.agent, { ticketId: ticket.id, resolution: 'INFORMATION' });
    app.clock.advanceMinutes(7 * DAY_MINUTES);
    // The sweep uses no graphile-worker helper.
    await job!.run(jobContext(), {}, {} as JobHelpers);
    expect((await readTicket(ticket.id)).status).toBe('CLOSED');
    // The job acts as the SYSTEM principal: the transition table's SYSTEM cell, and SYSTEM on the event.
    expect((await timelineOf(ticket.id)).slice(-2)).toMatchObject([
      { type: 'STATUS_CHANGED', actorRole: 'SYSTEM' },
      { type: 'TICKET_CLOSED', actorRole: 'SYSTEM' },
    ]);
  });

  it("refuses the background work's use cases to every caller but the SYSTEM principal", async () => {
    const agent = createRequestContext({
      dataSource: app.dataSource,
      principal: { role: PrincipalRole.AGENT, agentId: '1' },
      secret: app.config.authSecret,
      log: pino({ level: 'silent' }),
      now: app.clock.now,
    });
    const { solvedTicketClosing, slaTimer, webhookAttempts, callbackRequests } = app.server.services;
    await expect(solvedTicketClosing.closeSolvedTickets(agent)).rejects.toThrow(ForbiddenError);
    await expect(slaTimer.fireDueTimers(agent)).rejects.toThrow(ForbiddenError);
    await expect(webhookAttempts.attemptDelivery(agent, { deliveryId: '1' })).rejects.toThrow(ForbiddenError);
    await expect(callbackRequests.fireDueCallbackWarnings(agent)).rejects.toThrow(ForbiddenError);
  });

  it('lets the customer rate a SOLVED or CLOSED ticket, once', async () => {
    const ticket = await openTicket();
    expect((await rate(tokens.customer, { ticketId: ticket.id, score: 5 })).userErrors).toMatchObject([{ code: 'NOT_RATEABLE' }]);
    await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'REPLACEMENT' });
    expect((await rate(tokens.seller, { ticketId: ticket.id, score: 5 })).userErrors).toMatchObject([{ code: 'NOT_PERMITTED' }]);
    expect((await rate(tokens.customer, { ticketId: ticket.id, score: 6 })).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: 'input.score' },
    ]);
    const rated = await rate(tokens.customer, { ticketId: ticket.id, score: 4, comment: '対応が早かったです。' });
    expect(rated.ticket).toMatchObject({
      satisfactionScore: 4,
      satisfactionComment: '対応が早かったです。',
      ratedAt: app.clock.now().toISOString(),
      version: 3,
    });
    expect((await timelineOf(ticket.id)).slice(-1)).toEqual([
      { type: 'TICKET_RATED', actorRole: 'CUSTOMER', payload: { score: 4, comment: '対応が早かったです。', version: 3 } },
    ]);
    expect((await rate(tokens.customer, { ticketId: ticket.id, score: 1 })).userErrors).toMatchObject([{ code: 'ALREADY_RATED' }]);
    expect(await readTicket(ticket.id)).toMatchObject({ satisfactionScore: 4, version: 3 });

    const closedTicket = await openTicket();
    await resolve(tokens.seller, { ticketId: closedTicket.id, resolution: 'REFUND' });
    await changeStatus(tokens.agent, { ticketId: closedTicket.id, status: 'CLOSED' });
    expect((await rate(tokens.customer, { ticketId: closedTicket.id, score: 3 })).ticket).toMatchObject({
      status: 'CLOSED',
      satisfactionScore: 3,
    });
  });

  it('tells the whole story of a ticket in its timeline, in order', async () => {
    const ticket = await openTicket();
    await postMessage(tokens.seller, { ticketId: ticket.id, body: '写真をお送りいただけますか。' });
    await changeStatus(tokens.seller, { ticketId: ticket.id, status: 'PENDING' });
    await postMessage(tokens.customer, { ticketId: ticket.id, body: '写真です。' });
    await resolve(tokens.seller, { ticketId: ticket.id, resolution: 'REPLACEMENT' });
    await rate(tokens.customer, { ticketId: ticket.id, score: 2 });
    app.clock.advanceMinutes(DAY_MINUTES);
    await postMessage(tokens.customer, { ticketId: ticket.id, body: '交換品が届きません。' });
    await postMessage(tokens.agent, { ticketId: ticket.id, body: '配送状況を確認', visibility: 'INTERNAL' });
    await resolve(tokens.agent, { ticketId: ticket.id, resolution: 'RESHIPMENT' });
    app.clock.advanceMinutes(7 * DAY_MINUTES);
    await closeDueTickets();

    const story = (await timelineOf(ticket.id)).map((event) => {
      const { version, ...rest } = event.payload;
      const detail =
        event.type === 'STATUS_CHANGED'
          ? `${rest.from}→${rest.to}`
          : event.type === 'MESSAGE_POSTED'
            ? `${rest.authorRole} ${rest.visibility}`
            : '';
      return `${version ?? '-'} ${event.actorRole} ${event.type} ${detail}`.trim();
    });
    expect(story).toEqual([
      '- CUSTOMER TICKET_OPENED',
      '- SYSTEM TICKET_ROUTED',
      '- CUSTOMER MESSAGE_POSTED CUSTOMER PUBLIC',
      '- BOT MESSAGE_POSTED BOT PUBLIC',
      '2 SELLER MESSAGE_POSTED SELLER PUBLIC',
      '2 SELLER STATUS_CHANGED NEW→OPEN',
      '2 SYSTEM SLA_MET',
      '3 SELLER STATUS_CHANGED OPEN→PENDING',
      '4 CUSTOMER MESSAGE_POSTED CUSTOMER PUBLIC',
      '4 CUSTOMER STATUS_CHANGED PENDING→OPEN',
      '5 SELLER STATUS_CHANGED OPEN→SOLVED',
      '5 SELLER TICKET_SOLVED',
      '6 CUSTOMER TICKET_RATED',
      '7 CUSTOMER MESSAGE_POSTED CUSTOMER PUBLIC',
      '7 CUSTOMER STATUS_CHANGED SOLVED→OPEN',
      '7 CUSTOMER TICKET_REOPENED',
      // An INTERNAL note changes nothing a non-staff reader sees: the ticket keeps its version (issue #14).
      '7 AGENT MESSAGE_POSTED AGENT INTERNAL',
      '8 AGENT STATUS_CHANGED OPEN→SOLVED',
      '8 AGENT TICKET_SOLVED',
      '9 SYSTEM STATUS_CHANGED SOLVED→CLOSED',
      '9 SYSTEM TICKET_CLOSED',
    ]);
    expect(await readTicket(ticket.id)).toMatchObject({
      status: 'CLOSED',
      version: 9,
      reopenedCount: 1,
      resolution: 'RESHIPMENT',
      satisfactionScore: 2,
    });
  });
});
