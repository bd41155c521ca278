import { Client } from 'pg';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Queues and assignment over GraphQL (issue #17, points 1 and 2): a platform ticket lands in its team's queue by
// the queue table; agents pull the most urgent ticket of their teams and languages, never the same one twice at
// once; assignment is kept through owner changes; sellers never see any of it.

const QUEUE = `queue { team { key } ruleId ruleVersion reason isWaiting assignee { subject name } assignedAt }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id ownerParty ${QUEUE} } userErrors { code field message } } }`;
const TAKE = `mutation { takeNextTicket { ticket { id priority ${QUEUE} } userErrors { code field message } } }`;
const ASSIGN = `mutation($input: AssignTicketInput!) { assignTicket(input: $input) { ticket { id ${QUEUE} } userErrors { code field message } } }`;
const SAVE_AGENT = `mutation($input: SaveAgentInput!) { saveAgent(input: $input) { userErrors { code } } }`;

describe('team queues and assignment', () => {
  let app: TestApp;
  let adminToken: string;
  let customerId: string;
  let customerToken: string;
  let sequence = 0;

  const agentToken = (agentId: string) => app.tokenFor({ role: PrincipalRole.AGENT, agentId });
  async function saveAgent(agentId: string, teamIds: string[], languages = ['ja']) {
    const response = await app.graphql(SAVE_AGENT, { input: { agentId, name: `Agent ${agentId}`, languages, teamIds } }, adminToken);
    expect(response.data!.saveAgent.userErrors).toEqual([]);
  }
  async function openTicket(fields: Record<string, unknown> = {}) {
    sequence += 1;
    const response = await app.graphql(
      OPEN,
      { input: { channel: 'EMAIL', subject: `問い合わせ ${sequence}`, body: '注文について質問があります。', language: 'ja', ...fields } },
      customerToken,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.openTicket.userErrors).toEqual([]);
    return response.data!.openTicket.ticket;
  }

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    customerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
  });
  afterAll(() => app.close());

  it('puts a triage ticket in the triage queue and a payment issue in the payments queue, with the rule and its reason', async () => {
    const triage = await openTicket({ category: 'DEFECTIVE_ITEM' });
    expect(triage.ownerParty).toBe('PLATFORM');
    const queue = (
      await app.graphql(`query($id: ID!) { ticket(id: $id) { ${QUEUE} events(first: 20) { edges { node { type payload } } } } }`, {
        id: triage.id,
      })
    ).data!.ticket;
    expect(queue.queue).toEqual({
      team: { key: 'triage' },
      ruleId: 'triage-routing',
      ruleVersion: 1,
      reason: 'Routed by rule no-order: triage settles the category and the owner first',
      isWaiting: true,
      assignee: null,
      assignedAt: null,
    });
    const queued = queue.events.edges
      .map((edge: { node: { type: string; payload: Record<string, unknown> } }) => edge.node)
      .find((event: { type: string }) => event.type === 'TICKET_QUEUED');
    expect(queued.payload).toMatchObject({ team: 'triage', rule: 'triage-routing', ruleVersion: 1 });

    const payment = await openTicket({ category: 'PAYMENT_ISSUE' });
    const read = await app.graphql(`query($id: ID!) { ticket(id: $id) { ${QUEUE} } }`, { id: payment.id });
    expect(read.data!.ticket.queue).toMatchObject({ team: { key: 'payments' }, ruleId: 'payments' });
  });

  it('queues a follow-up of a finished platform ticket like a new contact (it is opened by the same writer)', async () => {
    const original = await openTicket({ category: 'PAYMENT_ISSUE' });
    const resolved = await app.graphql(`mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { userErrors { code } } }`, {
      input: { ticketId: original.id, resolution: 'INFORMATION' },
    });
    expect(resolved.data!.resolveTicket.userErrors).toEqual([]);
    await app.graphql(`mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { userErrors { code } } }`, {
      input: { ticketId: original.id, status: 'CLOSED' },
    });
    const posted = await app.graphql(
      `mutation($input: PostMessageInput!) { postMessage(input: $input) { followUpTicket { id } userErrors { code } } }`,
      { input: { ticketId: original.id, body: 'まだ返金されていません。' } },
      customerToken,
    );
    expect(posted.data!.postMessage.userErrors).toEqual([]);
    // Read by an agent: queues and the platform's work events are staff's.
    const read = await app.graphql(
      `query($id: ID!) { ticket(id: $id) { ownerParty followUpOf { id } ${QUEUE} events(first: 20) { edges { node { type } } } } }`,
      { id: posted.data!.postMessage.followUpTicket.id },
    );
    const followUp = read.data!.ticket;
    expect(followUp).toMatchObject({
      ownerParty: 'PLATFORM',
      followUpOf: { id: original.id },
      queue: { team: { key: 'payments' }, isWaiting: true, assignee: null },
    });
    expect(followUp.events.edges.map((edge: { node: { type: string } }) => edge.node.type)).toEqual(
      expect.arrayContaining(['TICKET_OPENED', 'TICKET_ROUTED', 'MESSAGE_POSTED', 'TICKET_QUEUED']),
    );
  });

  it('never gives two agents pulling at once the same ticket (20 rounds)', async () => {
    await app.dataSource.query(`UPDATE ticket_queue_entries SET is_waiting = false`);
    await saveAgent('21', ['triage']);
    await saveAgent('22', ['triage']);
    for (let index = 0; index < 40; index += 1) await openTicket({ category: 'DEFECTIVE_ITEM' });
    const tokens = [await agentToken('21'), await agentToken('22')];
    const taken = new Set<string>();
    for (let round = 0; round < 20; round += 1) {
      const [first, second] = await Promise.all(tokens.map((token) => app.graphql(TAKE, {}, token)));
      const firstTicket = first.data!.takeNextTicket.ticket;
      const secondTicket = second.data!.takeNextTicket.ticket;
      expect(first.data!.takeNextTicket.userErrors).toEqual([]);
      expect(firstTicket).not.toBeNull();
      expect(secondTicket).not.toBeNull();
      expect(firstTicket.id).not.toBe(secondTicket.id);
      // The pull (agent, pick, claim, event: one statement, no BEGIN/COMMIT), then the answer's ticket and its queue (two reads).
      expect([first.statementCount, second.statementCount]).toEqual([3, 3]);
      expect(taken.has(firstTicket.id) || taken.has(secondTicket.id)).toBe(false);
      taken.add(firstTicket.id);
      taken.add(secondTicket.id);
      expect(firstTicket.queue.assignee.subject).toBe('21');
      expect(secondTicket.queue.assignee.subject).toBe('22');
    }
    expect(taken.size).toBe(40);
    const empty = await app.graphql(TAKE, {}, tokens[0]);
    expect(empty.data!.takeNextTicket).toEqual({ ticket: null, userErrors: [] });
    // The bounded pull, then the unbounded one (nothing among the candidates), no ticket to read.
    expect(empty.statementCount).toBe(2);
  });

  it('records TICKET_ASSIGNED for a pull and notifies the event listeners after the commit, not in it', async () => {
    await app.dataSource.query(`UPDATE ticket_queue_entries SET is_waiting = false`);
    await saveAgent('26', ['triage']);
    const ticket = await openTicket({ category: 'DEFECTIVE_ITEM' });
    const listener = new Client({ connectionString: app.config.databaseUrl! });
    await listener.connect();
    try {
      await listener.query('LISTEN ticket_events');
      const notified: string[] = [];
      listener.on('notification', (notification) => notified.push(notification.payload ?? ''));
      const taken = await app.graphql(TAKE, {}, await agentToken('26'));
      expect(taken.data!.takeNextTicket.ticket.id).toBe(ticket.id);
      const [event]: Array<{ sequence: string; actor_role: string; actor_id: string; payload: Record<string, unknown> }> =
        await app.dataSource.query(
          `SELECT sequence::text, actor_role, actor_id, payload FROM ticket_events WHERE ticket_id = $1 AND type = 'TICKET_ASSIGNED'`,
          [globalToId(ticket.id)],
        );
      expect(event).toMatchObject({
        actor_role: 'AGENT',
        actor_id: '26',
        payload: { team: 'triage', assigneeId: '26', previousAssigneeId: null, how: 'TAKEN' },
      });
      // The signal is sent after the answer's commit; its payload is a committed sequence at least the event's.
      for (let wait = 0; wait < 100 && !notified.some((payload) => BigInt(payload) >= BigInt(event.sequence)); wait += 1)
        await listener.query('SELECT 1');
      expect(notified.some((payload) => BigInt(payload) >= BigInt(event.sequence))).toBe(true);
    } finally {
      await listener.end();
    }
  });

  it("pulls by next SLA due time, then priority, only in the agent's teams and languages", async () => {
    await app.dataSource.query(`UPDATE ticket_queue_entries SET is_waiting = false`);
    await saveAgent('31', ['account-security'], ['en']);
    const japanese = await openTicket({ category: 'FRAUD_PHISHING' });
    const english = await openTicket({ category: 'ACCOUNT_ACCESS', language: 'en' });
    const englishUrgent = await openTicket({ category: 'FRAUD_PHISHING', language: 'en' });
    // The earliest due first: the later ticket's clock is made to fall due before the first one's.
    await app.dataSource.query(`UPDATE ticket_deadlines SET next_sla_due_at = '2026-11-20T00:00:00Z' WHERE ticket_id = $1`, [
      globalToId(english.id),
    ]);
    const token = await agentToken('31');
    const first = await app.graphql(TAKE, {}, token);
    expect(first.data!.takeNextTicket.ticket.id).toBe(english.id);
    const second = await app.graphql(TAKE, {}, token);
    expect(second.data!.takeNextTicket.ticket.id).toBe(englishUrgent.id);
    const none = await app.graphql(TAKE, {}, token);
    expect(none.data!.takeNextTicket.ticket).toBeNull();
    expect(japanese.id).toBeDefined();
  });

  it('refuses what is expected to be refused, as userErrors', async () => {
    const ticket = await openTicket({ category: 'PAYMENT_ISSUE' });
    await saveAgent('41', ['logistics']);
    await saveAgent('42', ['payments']);
    const agent = await agentToken('42');
    const notInTeam = await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: '41' } }, agent);
    expect(notInTeam.data!.assignTicket.userErrors).toEqual([
      { code: 'AGENT_NOT_IN_TEAM', field: 'input.agentId', message: 'The agent is not in team payments, whose queue holds the ticket' },
    ]);
    const unknownAgent = await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: '999' } }, agent);
    expect(unknownAgent.data!.assignTicket.userErrors[0].code).toBe('AGENT_NOT_FOUND');
    const assigned = await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: '42' } }, agent);
    expect(assigned.data!.assignTicket.ticket.queue.assignee).toEqual({ subject: '42', name: 'Agent 42' });
    const again = await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: '42' } }, agent);
    expect(again.data!.assignTicket.userErrors[0].code).toBe('ALREADY_ASSIGNED');
    const byCustomer = await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: '42' } }, customerToken);
    expect(byCustomer.data!.assignTicket.userErrors[0].code).toBe('NOT_PERMITTED');
    const unregistered = await app.graphql(TAKE, {}, await agentToken('777'));
    expect(unregistered.data!.takeNextTicket.userErrors[0].code).toBe('AGENT_NOT_FOUND');
    const back = await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: null } }, agent);
    expect(back.data!.assignTicket.ticket.queue).toMatchObject({ assignee: null, isWaiting: true });
  });

  it('lists "my tickets" and a queue\'s unassigned tickets, and finds nothing by them for sellers', async () => {
    await saveAgent('51', ['payments']);
    const mine = await openTicket({ category: 'PAYMENT_ISSUE' });
    const waiting = await openTicket({ category: 'PAYMENT_ISSUE' });
    await app.graphql(ASSIGN, { input: { ticketId: mine.id, agentId: '51' } }, adminToken);
    const token = await agentToken('51');
    const list = async (filter: Record<string, unknown>, as = token) =>
      app.graphql(`query($filter: TicketFilter) { tickets(first: 100, filter: $filter) { edges { node { id } } } }`, { filter }, as);
    const ids = (response: Awaited<ReturnType<typeof list>>) =>
      response.data!.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids(await list({ assignedToMe: true }))).toEqual([mine.id]);
    expect(ids(await list({ assigneeId: '51' }))).toEqual([mine.id]);
    const unassignedPayments = ids(await list({ queue: ['payments'], unassigned: true }));
    expect(unassignedPayments).toContain(waiting.id);
    expect(unassignedPayments).not.toContain(mine.id);
    const page = await app.graphql(
      `query($filter: TicketFilter) { tickets(first: 1, filter: $filter) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { filter: { queue: ['payments'] } },
      token,
    );
    const next = await app.graphql(
      `query($filter: TicketFilter, $after: String) { tickets(first: 1, after: $after, filter: $filter) { edges { node { id } } } }`,
      { filter: { queue: ['payments'] }, after: page.data!.tickets.pageInfo.endCursor },
      token,
    );
    expect(next.data!.tickets.edges[0].node.id).not.toBe(page.data!.tickets.edges[0].node.id);

    const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: await insertSeller(app.dataSource) });
    const nothing = await list({ assigneeId: '51' }, sellerToken);
    expect(nothing.data!.tickets.edges).toEqual([]);
  });

  it('keeps the assignee when the ticket comes back to the platform, and shows the seller no queue', async () => {
    const sellerId = await insertSeller(app.dataSource);
    const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const { orderId } = await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId,
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-11-18T21:00:00+09:00',
      shipment: null,
      return: null,
    });
    const ticket = await openTicket({ category: 'DEFECTIVE_ITEM', orderId: toGlobalId('Order', orderId) });
    expect(ticket.ownerParty).toBe('SELLER');
    expect(ticket.queue).toBeNull();
    const escalate = `mutation($input: EscalateTicketInput!) { escalateTicket(input: $input) { ticket { ownerParty ${QUEUE} } userErrors { code message } } }`;
    const handedUp = await app.graphql(escalate, { input: { ticketId: ticket.id, reason: 'Needs the platform' } }, sellerToken);
    expect(handedUp.data!.escalateTicket.userErrors).toEqual([]);
    // The seller sees the ticket, not the platform's queue.
    expect(handedUp.data!.escalateTicket.ticket.queue).toBeNull();
    const agentView = await app.graphql(`query($id: ID!) { ticket(id: $id) { ${QUEUE} } }`, { id: ticket.id });
    expect(agentView.data!.ticket.queue).toMatchObject({ team: { key: 'triage' }, ruleId: 'fallback', isWaiting: true });

    await saveAgent('61', ['triage', 'guarantee-claims']);
    await app.graphql(ASSIGN, { input: { ticketId: ticket.id, agentId: '61' } }, adminToken);
    const transfer = `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { ticket { ownerParty ${QUEUE} } userErrors { code message } } }`;
    const toSeller = await app.graphql(transfer, { input: { ticketId: ticket.id, toParty: 'SELLER', reason: 'The seller must answer' } });
    expect(toSeller.data!.transferTicket.ticket.queue).toMatchObject({ isWaiting: false, assignee: { subject: '61' } });
    const back = await app.graphql(transfer, { input: { ticketId: ticket.id, toParty: 'PLATFORM', reason: 'Back to us' } });
    expect(back.data!.transferTicket.ticket).toMatchObject({
      ownerParty: 'PLATFORM',
      queue: { isWaiting: true, ruleId: 'fallback', assignee: { subject: '61' } },
    });

    const sellerEvents = await app.graphql(
      `query($id: ID!) { ticket(id: $id) { events(first: 50) { edges { node { type } } } } }`,
      { id: ticket.id },
      sellerToken,
    );
    const types = sellerEvents.data!.ticket.events.edges.map((edge: { node: { type: string } }) => edge.node.type);
    expect(types).toContain('OWNER_CHANGED');
    expect(types.filter((type: string) => ['TICKET_QUEUED', 'TICKET_ASSIGNED', 'TICKET_UNASSIGNED'].includes(type))).toEqual([]);
  });
});

function globalToId(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1];
}
