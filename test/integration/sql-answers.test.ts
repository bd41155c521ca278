import { Principal } from '../../src/auth/principal';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertMessage, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #15, point 2: the documents PostgreSQL answers itself (src/graphql/sql-answers.ts) answer exactly what the
// usual path does, for every kind of caller, on the same data. The usual path is the same document with
// `@include(if: true)` on its root field: an answer identical by definition, which the SQL path leaves alone.

const INBOX = `query Inbox {
  tickets(first: 25) {
    edges { cursor node {
      id number subject status priority category ownerParty createdAt updatedAt
      customer { id name email }
      order { id number status placedAt }
      messages(first: 3, order: NEWEST_FIRST) { edges { node { id authorRole body createdAt } } }
      sla { nextDueAt clocks { metric state dueAt } }
    } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const SMALL_PAGE = `query Page($first: Int) { page: tickets(first: $first) { __typename edges { node { __typename id subject } } pageInfo { hasNextPage endCursor } } }`;
const DETAIL = `query Detail($id: ID!) {
  ticket(id: $id) {
    id number subject status priority category channel language ownerParty createdAt updatedAt version missingDetails
    routing { owner rule ruleVersion reason decidedAt classifierModelVersion }
    customer { id name email phone tier preferredLanguage }
    order { id number status placedAt promisedDeliveryAt fulfillment }
    messages(first: 50) { edges { node { id authorRole visibility body createdAt } } }
    sla { nextDueAt escalatesAt clocks { metric owner state startedAt dueAt warnAt pausedAt metAt breachedAt } }
  }
}`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } userErrors { code message } } }`;

/** The same document with the root field under `@include(if: true)`: the usual path's answer. */
const usual = (document: string) => document.replace(/\b(tickets|ticket)(\([^)]*\))/, '$1$2 @include(if: true)');

describe("answers PostgreSQL writes equal the usual path's (issue #15, point 2)", () => {
  let app: TestApp;
  const callers: Array<{ label: string; principal?: Principal; apiKey?: string }> = [];
  const tickets: string[] = [];

  const answered = async (document: string, variables: Record<string, unknown>, caller: (typeof callers)[number]) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller.principal) headers.authorization = `Bearer ${await app.tokenFor(caller.principal)}`;
    if (caller.apiKey) headers['x-api-key'] = caller.apiKey;
    const response = await fetch(app.server.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const sqlAnswers = async () => (await app.server.metrics.sqlAnswers.get()).values[0]?.value ?? 0;

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    const sellerId = await insertSeller(app.dataSource);
    const otherSellerId = await insertSeller(app.dataSource);
    const carrierId = await insertCarrier(app.dataSource, 'SAGAWA');
    const customerId = await insertCustomer(app.dataSource, { phone: '090-1234-5678' });
    const otherCustomerId = await insertCustomer(app.dataSource, { phone: null });
    const sold = await insertOrder(app.dataSource, { customerId, sellerId, carrierId, shipmentStatus: 'IN_TRANSIT' });
    const other = await insertOrder(app.dataSource, { customerId: otherCustomerId, sellerId: otherSellerId, status: 'UNSHIPPED' });
    // Opened through the API: routed, with SLA clocks and deadlines as production writes them.
    for (const [customer, order, subject] of [
      [customerId, sold.orderId, '荷物が届きません'],
      [customerId, sold.orderId, '返品したい'],
      [otherCustomerId, other.orderId, 'Wrong size'],
    ] as const) {
      const opened = await app.graphql(OPEN, {
        input: {
          customerId: toGlobalId('Customer', customer),
          orderId: toGlobalId('Order', order),
          channel: 'CHAT',
          subject,
          body: `${subject}。確認してください。`,
        },
      });
      expect(opened.data!.openTicket.userErrors).toEqual([]);
      tickets.push(opened.data!.openTicket.ticket.id);
    }
    // Without an order, a carrier's, and one more than a small page for the seller.
    tickets.push(
      toGlobalId(
        'Ticket',
        await insertTicket(app.dataSource, { customerId, subject: 'アカウントについて', createdAt: new Date('2026-11-19T01:02:03.456Z') }),
      ),
    );
    tickets.push(
      toGlobalId('Ticket', await insertTicket(app.dataSource, { customerId, carrierId, orderId: sold.orderId, subject: '配達員について' })),
    );
    tickets.push(
      toGlobalId(
        'Ticket',
        await insertTicket(app.dataSource, {
          customerId: otherCustomerId,
          sellerId,
          orderId: sold.orderId,
          subject: "Quote \" and \\ and 'apostrophe' ✓",
        }),
      ),
    );
    const ticketKey = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
    for (const [index, id] of tickets.entries()) {
      await insertMessage(app.dataSource, {
        ticketId: ticketKey(id),
        body: `公開メッセージ ${index}\n改行`,
        createdAt: new Date(Date.UTC(2026, 10, 20, 1, index, 0, 123)),
      });
      await insertMessage(app.dataSource, {
        ticketId: ticketKey(id),
        body: `社内メモ ${index}`,
        authorRole: 'AGENT',
        visibility: 'INTERNAL',
        createdAt: new Date(Date.UTC(2026, 10, 20, 2, index)),
      });
    }
    const admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const createKey = async (input: Record<string, unknown>) =>
      (
        await app.graphql(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key userErrors { code message } } }`,
          { input },
          admin,
        )
      ).data!.createApiKey.key as string;
    callers.push(
      { label: 'customer', principal: { role: PrincipalRole.CUSTOMER, customerId } },
      { label: 'other customer', principal: { role: PrincipalRole.CUSTOMER, customerId: otherCustomerId } },
      { label: 'seller', principal: { role: PrincipalRole.SELLER, sellerId } },
      { label: 'other seller', principal: { role: PrincipalRole.SELLER, sellerId: otherSellerId } },
      { label: 'carrier', principal: { role: PrincipalRole.CARRIER, carrierId } },
      { label: 'agent', principal: { role: PrincipalRole.AGENT, agentId: '1' } },
      { label: 'admin', principal: { role: PrincipalRole.ADMIN, adminId: '1' } },
      { label: 'seller API key', apiKey: await createKey({ name: 'seller integration', sellerId: toGlobalId('Seller', sellerId) }) },
      { label: 'platform API key', apiKey: await createKey({ name: 'platform integration' }) },
    );
  });
  afterAll(() => app.close());

  it('rewrites a document to the usual path by an always-true directive', () => {
    expect(usual(INBOX)).toContain('tickets(first: 25) @include(if: true) {');
    expect(usual(SMALL_PAGE)).toContain('page: tickets(first: $first) @include(if: true) {');
    expect(usual(DETAIL)).toContain('ticket(id: $id) @include(if: true) {');
  });

  const cases = () => [
    { name: 'the seller inbox page', document: INBOX, variables: {} },
    { name: 'a page of 2 by a variable', document: SMALL_PAGE, variables: { first: 2 } },
    { name: 'a page of the default size', document: SMALL_PAGE, variables: {} },
    { name: 'an empty page', document: SMALL_PAGE, variables: { first: 0 } },
    ...tickets.map((id, index) => ({ name: `ticket ${index + 1}`, document: DETAIL, variables: { id } })),
  ];

  it('answers every document as the usual path does, for every kind of caller', async () => {
    let expectedSqlAnswers = await sqlAnswers();
    const seen = { nonEmpty: 0, masked: 0, nullTickets: 0 };
    for (const caller of callers) {
      for (const { name, document, variables } of cases()) {
        const before = await sqlAnswers();
        const viaUsualPath = await answered(usual(document), variables, caller);
        expect(await sqlAnswers()).toBe(before);
        const viaSql = await answered(document, variables, caller);
        expectedSqlAnswers += 1;
        expect(await sqlAnswers()).toBe(expectedSqlAnswers);
        expect({ caller: caller.label, name, ...viaSql }).toEqual({ caller: caller.label, name, ...viaUsualPath });
        const text = JSON.stringify(viaSql.body);
        if (text.includes('"edges":[{')) seen.nonEmpty += 1;
        if (text.includes('@relay.marketplace.example')) seen.masked += 1;
        if (text === '{"data":{"ticket":null}}') seen.nullTickets += 1;
      }
    }
    // The data makes the comparison mean something: pages with tickets, relay addresses, tickets out of scope.
    expect(seen.nonEmpty).toBeGreaterThan(20);
    expect(seen.masked).toBeGreaterThan(5);
    expect(seen.nullTickets).toBeGreaterThan(5);
  });

  it('leaves requests it does not take to the usual path, which refuses them as always', async () => {
    const agent = callers.find((caller) => caller.label === 'agent')!;
    const before = await sqlAnswers();
    const tooMany = await answered(SMALL_PAGE, { first: 101 }, agent);
    expect((tooMany.body.errors as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe('BAD_USER_INPUT');
    const malformed = await answered(DETAIL, { id: 'not-an-id' }, agent);
    expect((malformed.body.errors as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe('BAD_USER_INPUT');
    const withFragment = await answered(
      `query { tickets(first: 1) { ...Page } } fragment Page on TicketConnection { edges { node { id } } }`,
      {},
      agent,
    );
    expect(withFragment.body.errors).toBeUndefined();
    const otherField = await answered(
      `query { tickets(first: 1) { edges { node { id priorityReason: priority subject classificationConfidence } } } }`,
      {},
      agent,
    );
    expect(otherField.body.errors).toBeUndefined();
    expect(await sqlAnswers()).toBe(before);
  });

  it('takes a document selecting totalCount to the usual path, whose answer is the SQL answer of the same document plus the counts', async () => {
    const counted = (document: string) =>
      document
        .replace('pageInfo { hasNextPage hasPreviousPage startCursor endCursor }', '$& totalCount totalCountIsLowerBound')
        .replace(/(messages\([^)]*\) \{ edges \{ node \{[^}]*\} \})/, '$1 totalCount totalCountIsLowerBound');
    expect(counted(INBOX)).toContain('endCursor } totalCount totalCountIsLowerBound');
    expect(counted(INBOX)).toContain('createdAt } } totalCount totalCountIsLowerBound }');
    expect(counted(DETAIL)).toContain('createdAt } } totalCount totalCountIsLowerBound }');
    type Counted = { edges: Array<{ node: Record<string, unknown> }>; totalCount?: number; totalCountIsLowerBound?: boolean };
    /** The answer without its counts, after checking each count against the edges it was given with. */
    const withoutCounts = (connection: Counted, complete: boolean): Counted => {
      const { totalCount, totalCountIsLowerBound, ...rest } = connection;
      expect(totalCountIsLowerBound).toBe(false);
      if (complete) expect(totalCount).toBe(connection.edges.length);
      else expect(totalCount).toBeGreaterThanOrEqual(connection.edges.length);
      return rest;
    };
    const strippedTicket = (ticket: Record<string, unknown> | null, complete: boolean) =>
      ticket && { ...ticket, messages: withoutCounts(ticket.messages as Counted, complete) };
    let countedTickets = 0;
    for (const caller of callers) {
      const before = await sqlAnswers();
      const page = await answered(counted(INBOX), {}, caller);
      const details = await Promise.all(tickets.map((id) => answered(counted(DETAIL), { id }, caller)));
      expect(await sqlAnswers()).toBe(before);
      const plainPage = await answered(INBOX, {}, caller);
      const plainDetails = await Promise.all(tickets.map((id) => answered(DETAIL, { id }, caller)));
      expect(await sqlAnswers()).toBe(before + 1 + tickets.length);
      const ticketsPage = (page.body.data as { tickets: Counted & { pageInfo: { hasNextPage: boolean } } }).tickets;
      countedTickets += ticketsPage.totalCount ?? 0;
      const stripped = {
        ...withoutCounts(ticketsPage, !ticketsPage.pageInfo.hasNextPage),
        edges: ticketsPage.edges.map((edge) => ({ ...edge, node: strippedTicket(edge.node, false) })),
      };
      expect({ caller: caller.label, ...stripped }).toEqual({
        caller: caller.label,
        ...(plainPage.body.data as { tickets: object }).tickets,
      });
      for (const [index, detail] of details.entries()) {
        const ticket = strippedTicket((detail.body.data as { ticket: Record<string, unknown> | null }).ticket, true);
        expect({ caller: caller.label, ticket }).toEqual({ caller: caller.label, ...(plainDetails[index].body.data as object) });
      }
    }
    expect(countedTickets).toBeGreaterThan(10);
  });

  it('counts one statement for a page and for a ticket, whatever the page size', async () => {
    const seller = callers.find((caller) => caller.label === 'seller')!;
    const token = await app.tokenFor(seller.principal!);
    const counts = [];
    for (const first of [1, 2, 25]) counts.push((await app.graphql(SMALL_PAGE, { first }, token)).statementCount);
    counts.push((await app.graphql(DETAIL, { id: tickets[0] }, token)).statementCount);
    expect(new Set(counts).size).toBe(1);
  });
});
