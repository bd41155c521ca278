import { DataSource } from 'typeorm';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { FollowUpsNameNoEarlierTicket1765100000000 } from '../../migrations/1765100000000-follow-ups-name-no-earlier-ticket';
import { insertCarrier, insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 6: events, payloads and reasons name only tickets their reader may see, and INTERNAL
// activity leaves no trace a non-staff caller can observe (`version`, `updatedAt`, the timeline).

const TICKET = `query($id: ID!) { ticket(id: $id) { id number version updatedAt status followUpOf { id number } routing { reason }
  messages(first: 50) { edges { node { body visibility } } } events(first: 50) { edges { node { type payload } } } } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ticket { version } followUpTicket { id } userErrors { code } } }`;
const TRANSFER = `mutation($input: TransferTicketInput!) { transferTicket(input: $input) { userErrors { code } } }`;

describe('nothing about what you may not see (issue #14, point 6)', () => {
  let app: TestApp;
  let tokens: Record<'customer' | 'seller' | 'firstCarrier' | 'laterCarrier' | 'agent', string>;
  let ids: { customer: string; seller: string; firstCarrier: string; laterCarrier: string; order: string };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-12-01T10:00:00+09:00' });
    const customer = await insertCustomer(app.dataSource);
    const seller = await insertSeller(app.dataSource);
    const firstCarrier = await insertCarrier(app.dataSource);
    const laterCarrier = await insertCarrier(app.dataSource);
    const { orderId: order } = await insertOrder(app.dataSource, { customerId: customer, sellerId: seller, carrierId: firstCarrier });
    ids = { customer, seller, firstCarrier, laterCarrier, order };
    tokens = {
      customer: await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: customer }),
      seller: await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: seller }),
      firstCarrier: await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId: firstCarrier }),
      laterCarrier: await app.tokenFor({ role: PrincipalRole.CARRIER, carrierId: laterCarrier }),
      agent: await app.agentToken(),
    };
  });
  afterAll(() => app.close());

  const read = async (token: string, id: string) => (await app.graphql(TICKET, { id }, token)).data!.ticket;

  it('names the earlier ticket to no reader of a follow-up: a carrier given the follow-up later sees neither its number nor its id', async () => {
    const closed = await insertTicket(app.dataSource, {
      customerId: ids.customer,
      orderId: ids.order,
      sellerId: ids.seller,
      status: 'CLOSED',
    });
    const [{ number: closedNumber }] = await app.dataSource.query(`SELECT number FROM tickets WHERE id = $1`, [closed]);
    const closedId = toGlobalId('Ticket', closed);
    const written = await app.graphql(POST, { input: { ticketId: closedId, body: 'It broke again' } }, tokens.customer);
    const followUpId = written.data!.postMessage.followUpTicket.id as string;
    expect(
      (
        await app.graphql(TRANSFER, {
          input: {
            ticketId: followUpId,
            toParty: 'CARRIER',
            carrierId: toGlobalId('Carrier', ids.laterCarrier),
            reason: 'The carrier checks the parcel',
          },
        })
      ).data!.transferTicket.userErrors,
    ).toEqual([]);

    // The later carrier sees the follow-up, never the earlier ticket: not by id, not in any words.
    expect(await read(tokens.laterCarrier, closedId)).toBeNull();
    const seenByCarrier = await read(tokens.laterCarrier, followUpId);
    expect(seenByCarrier.followUpOf).toBeNull();
    const everythingItReads = JSON.stringify(seenByCarrier);
    expect(everythingItReads).not.toContain(closedNumber);
    expect(everythingItReads).not.toContain(closedId);
    const feed = await app.graphql(`{ events(first: 100) { edges { node { payload } } } }`, {}, tokens.laterCarrier);
    expect(JSON.stringify(feed.data)).not.toContain(closedNumber);
    expect(JSON.stringify(feed.data)).not.toContain(closedId);
    // Who may see the earlier ticket finds it through followUpOf.
    expect((await read(tokens.customer, followUpId)).followUpOf).toEqual({ id: closedId, number: closedNumber });
  });

  it('leaves version and updatedAt as non-staff callers saw them when an agent writes an INTERNAL note', async () => {
    const ticketId = toGlobalId(
      'Ticket',
      await insertTicket(app.dataSource, { customerId: ids.customer, orderId: ids.order, sellerId: ids.seller }),
    );
    const before = { customer: await read(tokens.customer, ticketId), seller: await read(tokens.seller, ticketId) };
    app.clock.advanceMinutes(5);
    const note = await app.graphql(
      POST,
      { input: { ticketId, body: 'Same customer reported this last month', visibility: 'INTERNAL' } },
      tokens.agent,
    );
    expect(note.data!.postMessage).toMatchObject({ ticket: { version: before.seller.version }, userErrors: [] });

    for (const [caller, token] of [
      ['customer', tokens.customer],
      ['seller', tokens.seller],
    ] as const) {
      const after = await read(token, ticketId);
      expect(after).toEqual(before[caller]);
    }
    // Staff see the note, and its event carries the version the ticket kept.
    const asAgent = await read(tokens.agent, ticketId);
    expect(asAgent.messages.edges.map((edge: { node: { visibility: string } }) => edge.node.visibility)).toEqual(['INTERNAL']);
    expect(asAgent.version).toBe(before.seller.version);
    expect(asAgent.events.edges.at(-1).node).toMatchObject({
      type: 'MESSAGE_POSTED',
      payload: { visibility: 'INTERNAL', version: before.seller.version },
    });
    // A public reply moves both, for everyone.
    app.clock.advanceMinutes(5);
    await app.graphql(POST, { input: { ticketId, body: 'We are looking into it' } }, tokens.seller);
    const replied = await read(tokens.customer, ticketId);
    expect(replied.version).toBe(before.customer.version + 1);
    expect(replied.updatedAt).not.toBe(before.customer.updatedAt);
  });

  it('rewrites follow-ups stored before, and restores them on the way down', async () => {
    const original = await insertTicket(app.dataSource, {
      customerId: ids.customer,
      orderId: ids.order,
      sellerId: ids.seller,
      status: 'CLOSED',
    });
    const [{ number }] = await app.dataSource.query(`SELECT number FROM tickets WHERE id = $1`, [original]);
    const oldReason = `Follow-up of ${number}, which was closed: it stays with its owner (SELLER)`;
    const followUp = await insertTicket(app.dataSource, { customerId: ids.customer, orderId: ids.order, sellerId: ids.seller });
    await app.dataSource.query(
      `UPDATE tickets SET routing_rule_id = 'follow-up', routing_reason = $2, follow_up_of_ticket_id = $3 WHERE id = $1`,
      [followUp, oldReason, original],
    );
    const oldOpened = { number: 'T-x', followUpOf: toGlobalId('Ticket', original), followUpOfNumber: number };
    await app.dataSource.query(
      `INSERT INTO ticket_events (ticket_id, type, actor_role, payload, created_at) VALUES ($1, 'TICKET_OPENED', 'CUSTOMER', $2, now()), ($1, 'TICKET_ROUTED', 'SYSTEM', $3, now())`,
      [followUp, JSON.stringify(oldOpened), JSON.stringify({ rule: 'follow-up', reason: oldReason })],
    );
    const stored = async (dataSource: DataSource) => ({
      reason: (await dataSource.query(`SELECT routing_reason FROM tickets WHERE id = $1`, [followUp]))[0].routing_reason,
      payloads: (await dataSource.query(`SELECT payload FROM ticket_events WHERE ticket_id = $1 ORDER BY sequence`, [followUp])).map(
        (row: { payload: unknown }) => row.payload,
      ),
    });
    const migration = new FollowUpsNameNoEarlierTicket1765100000000();
    const runner = app.dataSource.createQueryRunner();
    try {
      await migration.up(runner);
      const newReason = "Follow-up of a closed ticket of the same customer: it stays with that ticket's owner (SELLER)";
      expect(await stored(app.dataSource)).toEqual({
        reason: newReason,
        payloads: [
          { number: 'T-x', isFollowUp: true },
          { rule: 'follow-up', reason: newReason },
        ],
      });
      await migration.down(runner);
      expect(await stored(app.dataSource)).toEqual({ reason: oldReason, payloads: [oldOpened, { rule: 'follow-up', reason: oldReason }] });
    } finally {
      await runner.release();
    }
  });
});
