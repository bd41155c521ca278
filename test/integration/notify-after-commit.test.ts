import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import { afterCommitWorkSettled } from '../../src/db/after-commit';
import { PrincipalRole, TicketEventType } from '../../src/domain/enums';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { appendTicketEvents } from '../../src/services/ticket-events';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCarrier, insertCustomer, insertOrderWithFacts, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// No writer NOTIFYs inside its transaction (issue #17: a NOTIFY in a transaction takes PostgreSQL's database-wide
// lock at COMMIT and keeps it through the disk flush, so notifying commits queue one behind another). Every writer
// of events is driven over GraphQL while the statements the server sends are recorded: none but the signal sent
// after the COMMIT may notify, and a listener still hears of every change.

const SIGNAL = /set_config\('synchronous_commit', 'off', true\), pg_notify\(/;

interface MutationPayload {
  ticket?: { id: string };
  userErrors: unknown[];
}

interface SentStatement {
  text: string;
  inTransaction: boolean;
}

describe('event NOTIFY after the commit, for every writer', () => {
  let app: TestApp;
  let customerToken: string;
  let agentToken: string;
  let orderId: string;
  let listener: Client;
  const notified: bigint[] = [];
  const sent: SentStatement[] = [];

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
    const customerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    const order = await insertOrderWithFacts(app.dataSource, {
      customerId,
      sellerId: await insertSeller(app.dataSource),
      fulfillment: 'SELLER',
      status: 'DELIVERED',
      promisedDeliveryAt: '2026-11-18T21:00:00+09:00',
      shipment: {
        carrierId: await insertCarrier(app.dataSource),
        status: 'DELIVERED',
        deliveryMethod: 'HAND_OVER',
        shippedAt: '2026-11-16T12:00:00+09:00',
        deliveredAt: '2026-11-18T14:00:00+09:00',
      },
      return: null,
    });
    orderId = toGlobalId('Order', order.orderId);
    agentToken = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '41' });
    const logger = app.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    // Observes what is sent (the database is real); `{ text }` is a prepared statement (prepared-statements.ts).
    logger.logQuery = (query: string | { text: string }, parameters?: unknown[], runner?: QueryRunner) => {
      sent.push({ text: typeof query === 'string' ? query : query.text, inTransaction: runner?.isTransactionActive ?? false });
      logQuery(query as string, parameters, runner);
    };
    listener = new Client({ connectionString: app.config.databaseUrl! });
    await listener.connect();
    await listener.query('LISTEN ticket_events');
    listener.on('notification', (notification) => notified.push(BigInt(notification.payload ?? '0')));
  });
  afterAll(async () => {
    await listener?.end();
    await app.close();
  });

  async function lastSequence(): Promise<bigint> {
    const [row]: Array<{ sequence: string }> = await app.dataSource.query(
      `SELECT coalesce(max(sequence), 0)::text AS sequence FROM ticket_events`,
    );
    return BigInt(row.sequence);
  }

  /** Runs `write`; asserts it appended events, notified none in its own statements, and that the listener heard. */
  async function expectNotifiedAfterCommit(write: () => Promise<unknown>): Promise<void> {
    const before = await lastSequence();
    sent.length = 0;
    await write();
    const after = await lastSequence();
    expect(after).toBeGreaterThan(before);
    for (let wait = 0; wait < 200 && !notified.some((payload) => payload >= after); wait += 1) await listener.query('SELECT 1');
    expect(notified.some((payload) => payload >= after)).toBe(true);
    const notifying = sent.filter((statement) => /pg_notify|\bNOTIFY\b/i.test(statement.text));
    expect(notifying.length).toBeGreaterThan(0);
    for (const statement of notifying) {
      expect(statement.text).toMatch(SIGNAL);
      expect(statement.inTransaction).toBe(false);
    }
  }

  async function mutate(document: string, input: Record<string, unknown>, token: string): Promise<MutationPayload> {
    const response = await app.graphql<Record<string, MutationPayload>>(document, { input }, token);
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data!)[0];
    expect(payload.userErrors).toEqual([]);
    return payload;
  }

  it('opening, replying, status, priority, escalation, transfer and reclassification notify after their commit', async () => {
    let ticketId = '';
    await expectNotifiedAfterCommit(async () => {
      const opened = await mutate(
        `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } userErrors { code } } }`,
        { channel: 'EMAIL', subject: '初期不良', body: '届いたイヤホンの電源が入りません。', language: 'ja', orderId },
        customerToken,
      );
      ticketId = opened.ticket!.id;
    });
    const writes: Array<[string, Record<string, unknown>, string]> = [
      [
        `mutation($input: PostMessageInput!) { postMessage(input: $input) { userErrors { code } } }`,
        { ticketId, body: '追跡番号も見られません。' },
        customerToken,
      ],
      [
        `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { userErrors { code } } }`,
        { ticketId, status: 'ON_HOLD' },
        agentToken,
      ],
      [
        `mutation($input: ChangeTicketPriorityInput!) { changeTicketPriority(input: $input) { userErrors { code } } }`,
        { ticketId, priority: 'HIGH', reason: '再三の問い合わせ' },
        agentToken,
      ],
      [
        `mutation($input: EscalateTicketInput!) { escalateTicket(input: $input) { userErrors { code } } }`,
        { ticketId, reason: '出品者の回答なし' },
        agentToken,
      ],
      [
        `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { userErrors { code } } }`,
        { ticketId, toParty: 'SELLER', reason: '出品者の対応が必要' },
        agentToken,
      ],
      [
        `mutation($input: ReclassifyTicketInput!) { reclassifyTicket(input: $input) { userErrors { code } } }`,
        { ticketId, category: 'NOT_AS_DESCRIBED', reason: '説明と違う商品' },
        agentToken,
      ],
    ];
    for (const [document, input, token] of writes) await expectNotifiedAfterCommit(() => mutate(document, input, token));
  });

  it('sends no NOTIFY for events whose transaction rolled back, and one after a commit', async () => {
    const [ticket]: Array<{ id: string }> = await app.dataSource.query(`SELECT id::text FROM tickets ORDER BY id DESC LIMIT 1`);
    const event = {
      ticketId: ticket.id,
      type: TicketEventType.ESCALATED,
      actor: SYSTEM_ACTOR,
      payload: { reason: 'test' },
      createdAt: new Date('2026-11-20T01:00:00Z'),
    };
    sent.length = 0;
    await expect(
      app.dataSource.transaction(async (manager) => {
        await appendTicketEvents(manager, [event]);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await afterCommitWorkSettled(app.dataSource);
    expect(sent.some((statement) => SIGNAL.test(statement.text))).toBe(false);
    await expectNotifiedAfterCommit(() => app.dataSource.transaction((manager) => appendTicketEvents(manager, [event])));
  });
});
