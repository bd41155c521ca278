import { TicketEventType } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { PartitionedTicketEvents1765940100000 } from '../../migrations/1765940100000-partitioned-ticket-events';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { EventPartitionService } from '../../src/services/event-partition.service';
import { appendTicketEvents } from '../../src/services/ticket-events';
import { insertCustomer, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The event log is partitioned by UTC month of created_at (docs/events.md, "The event log's partitions"): the
// feed and the timeline read across months, the hourly job prepares months and detaches those past the
// retention setting (TICKET_EVENT_RETENTION_MONTHS, unset: keep forever), and the migration converts both ways.

const FEED = `query Feed($after: String) { events(first: 50, after: $after) { edges { node { sequence type createdAt } } } }`;
const TIMELINE = `query Timeline($id: ID!) { ticket(id: $id) { events(first: 50) { edges { node { sequence type } } } } }`;

describe('the partitioned event log', () => {
  let app: TestApp;
  let ticketId: string;
  let agent: string;
  const partitionsOf = async (): Promise<Array<{ partition: string; events: number }>> =>
    app.dataSource.query(`SELECT tableoid::regclass::text AS partition, count(*)::int AS events FROM ticket_events GROUP BY 1 ORDER BY 1`);
  const feed = async (): Promise<string[]> =>
    (await app.graphql(FEED, {}, agent)).data!.events.edges.map(
      (edge: { node: { sequence: string; type: string } }) => `${edge.node.sequence} ${edge.node.type}`,
    );
  const timeline = async (): Promise<string[]> =>
    (await app.graphql(TIMELINE, { id: toGlobalId('Ticket', ticketId) }, agent)).data!.ticket.events.edges.map(
      (edge: { node: { sequence: string } }) => edge.node.sequence,
    );
  const append = (type: TicketEventType, at: string) =>
    app.dataSource.transaction((manager) =>
      appendTicketEvents(manager, [{ ticketId, type, actor: SYSTEM_ACTOR, createdAt: new Date(at), payload: { at } }]),
    );

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-03-10T03:00:00Z', environment: { TICKET_EVENT_RETENTION_MONTHS: '1' } });
    agent = await app.agentToken();
    ticketId = await insertTicket(app.dataSource, {
      customerId: await insertCustomer(app.dataSource),
      createdAt: new Date('2026-03-10T03:00:00Z'),
    });
    await append(TicketEventType.TICKET_OPENED, '2026-03-10T03:00:00Z');
    await append(TicketEventType.STATUS_CHANGED, '2026-03-31T23:59:59.999Z');
    await append(TicketEventType.TICKET_SOLVED, '2026-04-01T00:00:00Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps events of months not yet prepared in the default partition, then moves them into their month, the feed unchanged', async () => {
    // The template database was migrated today: its prepared months start with the current one.
    expect(await partitionsOf()).toEqual([{ partition: 'ticket_events_default', events: 3 }]);
    const before = { feed: await feed(), timeline: await timeline() };
    expect(before.feed).toHaveLength(3);

    const result = await app.server.services.eventPartitions.maintain(app.systemContext());
    // March (the clock's month) through June, three months ahead.
    expect(result).toEqual({ created: 4, detached: [] });
    expect(await partitionsOf()).toEqual([
      { partition: 'ticket_events_2026_03', events: 2 },
      { partition: 'ticket_events_2026_04', events: 1 },
    ]);
    expect({ feed: await feed(), timeline: await timeline() }).toEqual(before);
    // A second run finds everything in place.
    expect(await app.server.services.eventPartitions.maintain(app.systemContext())).toEqual({ created: 0, detached: [] });
  });

  it('appends into the month of created_at and reads across months in sequence order', async () => {
    await append(TicketEventType.STATUS_CHANGED, '2026-05-02T00:00:00Z');
    expect(await partitionsOf()).toContainEqual({ partition: 'ticket_events_2026_05', events: 1 });
    const sequences = (await feed()).map((entry) => BigInt(entry.split(' ')[0]));
    expect(sequences).toHaveLength(4);
    expect([...sequences].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequences);
    expect(await timeline()).toEqual(sequences.map(String));
  });

  it('keeps every month without a retention setting', async () => {
    app.clock.set('2030-01-15T00:00:00Z');
    const keepForever = new EventPartitionService(null);
    const result = await keepForever.maintain(app.systemContext());
    expect(result.detached).toEqual([]);
    expect((await feed()).length).toBe(4);
  });

  it('detaches the months past TICKET_EVENT_RETENTION_MONTHS: gone from the feed and the timeline, kept as tables', async () => {
    // Retention 1 at 2026-05-20: May and April stay, March leaves.
    app.clock.set('2026-05-20T00:00:00Z');
    const result = await app.server.services.eventPartitions.maintain(app.systemContext());
    expect(result.detached).toEqual(['ticket_events_2026_03']);
    // The feed waits 30 s (recorded_at) at a gap before the first event after it; detached months are months
    // old in practice, here seconds: the log is aged as if so.
    await app.dataSource.query(`UPDATE ticket_events SET recorded_at = recorded_at - interval '10 minutes'`);
    expect(await feed()).toHaveLength(2);
    expect(await timeline()).toHaveLength(2);
    const [{ kept }] = await app.dataSource.query(`SELECT count(*)::int AS kept FROM ticket_events_2026_03`);
    expect(kept).toBe(2);
    // New events still append after the detached ones' sequences.
    await append(TicketEventType.STATUS_CHANGED, '2026-05-20T00:00:00Z');
    const sequences = (await feed()).map((entry) => BigInt(entry.split(' ')[0]));
    expect(sequences).toHaveLength(3);
    await app.dataSource.query(`DROP TABLE ticket_events_2026_03`);
  });

  it('converts the log back into one plain table and forth again, events and their sequence kept', async () => {
    const read = () =>
      app.dataSource.query(
        `SELECT sequence::text, ticket_id::text, type, payload, created_at, recorded_at FROM ticket_events ORDER BY sequence`,
      );
    const kind = async () => (await app.dataSource.query(`SELECT relkind FROM pg_class WHERE relname = 'ticket_events'`))[0].relkind;
    const events = await read();
    const runner = app.dataSource.createQueryRunner();
    const migration = new PartitionedTicketEvents1765940100000();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      expect(await kind()).toBe('r');
      expect(await read()).toEqual(events);
      await append(TicketEventType.STATUS_CHANGED, '2026-05-21T00:00:00Z');
      const afterDown = await read();
      expect(BigInt(afterDown[afterDown.length - 1].sequence)).toBeGreaterThan(BigInt(events[events.length - 1].sequence));

      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
      expect(await kind()).toBe('p');
      expect(await read()).toEqual(afterDown);
      await append(TicketEventType.STATUS_CHANGED, '2026-05-22T00:00:00Z');
      const afterUp = await read();
      expect(BigInt(afterUp[afterUp.length - 1].sequence)).toBeGreaterThan(BigInt(afterDown[afterDown.length - 1].sequence));
    } finally {
      await runner.release();
    }
  });
});
