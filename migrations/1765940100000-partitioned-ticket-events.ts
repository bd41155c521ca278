import { MigrationInterface, QueryRunner } from 'typeorm';

// ticket_events partitioned by month of created_at (issue #15, point 6; docs/events.md, "The event log's
// partitions"). The log grows forever (≈ 6.5 events per ticket): monthly partitions keep each index a month
// deep for the writes and the vacuums, and let old months leave the table by DETACH instead of DELETE.
//
// - PostgreSQL requires every unique constraint of a partitioned table to include the partition key: the
//   primary key becomes (sequence, created_at). `sequence` stays unique by construction (one identity sequence
//   draws it, as before: its last value is carried over, so no number is ever given twice).
// - webhook_deliveries.event_sequence referenced ticket_events(sequence). A foreign key must reference a unique
//   constraint, which would now be (sequence, created_at), and PostgreSQL refuses to detach a referenced
//   partition while rows reference it: retention would have to delete the delivery history first. The reference
//   is dropped; it holds by construction, since a delivery is only written by the statement that appends its
//   event (eventAppendCtes in src/services/ticket-events.ts).
// - ticket_events_default catches an event outside every prepared month (a clock far off); creating a month's
//   partition moves such rows into it (create_ticket_event_partitions).
// - create_ticket_event_partitions(from, through) prepares the months from `from` to `through` (UTC months);
//   detach_ticket_event_partitions(before) detaches the months that end at or before `before` and returns their
//   names: the tables stay in the database, outside the log, for an operator to archive and drop. The hourly job
//   (src/jobs/maintain-event-partitions.job.ts) calls both.
//
// Up copies the existing events into the partitions (their months prepared first, then three months ahead);
// down copies the events of the attached partitions back into one plain table.
export class PartitionedTicketEvents1765940100000 implements MigrationInterface {
  name = 'PartitionedTicketEvents1765940100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_event_sequence_fkey`);
    await queryRunner.query(`ALTER TABLE ticket_events RENAME TO ticket_events_plain`);
    await queryRunner.query(`ALTER SEQUENCE ticket_events_sequence_seq RENAME TO ticket_events_plain_sequence_seq`);
    await queryRunner.query(`ALTER INDEX ticket_events_pkey RENAME TO ticket_events_plain_pkey`);
    await queryRunner.query(`ALTER INDEX ticket_events_ticket_idx RENAME TO ticket_events_plain_ticket_idx`);
    await queryRunner.query(`ALTER INDEX ticket_events_recorded_idx RENAME TO ticket_events_plain_recorded_idx`);
    await queryRunner.query(`ALTER TABLE ticket_events_plain RENAME CONSTRAINT ticket_events_ticket_id_fkey TO ticket_events_plain_ticket_id_fkey`);
    await queryRunner.query(`
      CREATE TABLE ticket_events (
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        type text NOT NULL,
        actor_role text NOT NULL,
        actor_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        recorded_at timestamptz(3) NOT NULL DEFAULT statement_timestamp(),
        PRIMARY KEY (sequence, created_at)
      ) PARTITION BY RANGE (created_at)`);
    await queryRunner.query(`CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, sequence)`);
    await queryRunner.query(`CREATE INDEX ticket_events_recorded_idx ON ticket_events (recorded_at)`);
    await queryRunner.query(`CREATE TABLE ticket_events_default PARTITION OF ticket_events DEFAULT`);
    await queryRunner.query(CREATE_PARTITIONS_FUNCTION);
    await queryRunner.query(DETACH_PARTITIONS_FUNCTION);
    await queryRunner.query(`SELECT create_ticket_event_partitions(coalesce((SELECT min(created_at) FROM ticket_events_plain), now()), now() + interval '3 months')`);
    await queryRunner.query(`
      INSERT INTO ticket_events (sequence, ticket_id, type, actor_role, actor_id, payload, created_at, recorded_at) OVERRIDING SYSTEM VALUE
      SELECT sequence, ticket_id, type, actor_role, actor_id, payload, created_at, recorded_at FROM ticket_events_plain`);
    // The next number continues where the old sequence stood (rolled-back numbers included: never reused).
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence('ticket_events', 'sequence'), last_value, is_called) FROM ticket_events_plain_sequence_seq`);
    await queryRunner.query(`DROP TABLE ticket_events_plain`);
    // Autovacuum analyzes each partition but never the partitioned table itself; without any statistics the
    // feed's gap check was planned as a hash anti-join over the whole log (600 ms at 650,000 events, not 0.5 ms).
    await queryRunner.query(`ANALYZE ticket_events`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_events_plain (
        sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        type text NOT NULL,
        actor_role text NOT NULL,
        actor_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        recorded_at timestamptz(3) NOT NULL DEFAULT statement_timestamp()
      )`);
    await queryRunner.query(`
      INSERT INTO ticket_events_plain (sequence, ticket_id, type, actor_role, actor_id, payload, created_at, recorded_at) OVERRIDING SYSTEM VALUE
      SELECT sequence, ticket_id, type, actor_role, actor_id, payload, created_at, recorded_at FROM ticket_events ORDER BY sequence`);
    await queryRunner.query(`SELECT setval('ticket_events_plain_sequence_seq', last_value, is_called) FROM ticket_events_sequence_seq`);
    await queryRunner.query(`DROP TABLE ticket_events`);
    await queryRunner.query(`DROP FUNCTION create_ticket_event_partitions(timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION detach_ticket_event_partitions(timestamptz)`);
    await queryRunner.query(`ALTER TABLE ticket_events_plain RENAME TO ticket_events`);
    await queryRunner.query(`ALTER SEQUENCE ticket_events_plain_sequence_seq RENAME TO ticket_events_sequence_seq`);
    await queryRunner.query(`ALTER INDEX ticket_events_plain_pkey RENAME TO ticket_events_pkey`);
    await queryRunner.query(`ALTER TABLE ticket_events RENAME CONSTRAINT ticket_events_plain_ticket_id_fkey TO ticket_events_ticket_id_fkey`);
    await queryRunner.query(`CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, sequence)`);
    await queryRunner.query(`CREATE INDEX ticket_events_recorded_idx ON ticket_events (recorded_at)`);
    // Deliveries of events whose months were detached (retention) have no event left: the reference is restored
    // for every new row then, and checked for the old ones only when all of them have their event.
    const rows = (await queryRunner.query(
      `SELECT count(*)::int AS orphans FROM webhook_deliveries d WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.sequence = d.event_sequence)`,
    )) as Array<{ orphans: number }>;
    const orphans = rows[0].orphans;
    await queryRunner.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_event_sequence_fkey FOREIGN KEY (event_sequence) REFERENCES ticket_events(sequence)${orphans > 0 ? ' NOT VALID' : ''}`,
    );
  }
}

// Partitions are named ticket_events_YYYY_MM and hold [first instant of the UTC month, first instant of the next).
const CREATE_PARTITIONS_FUNCTION = `
  CREATE FUNCTION create_ticket_event_partitions(from_at timestamptz, through_at timestamptz) RETURNS integer
  LANGUAGE plpgsql AS $$
  DECLARE
    month_start timestamptz := date_trunc('month', from_at, 'UTC');
    month_end timestamptz;
    partition_name text;
    created integer := 0;
  BEGIN
    WHILE month_start <= through_at LOOP
      month_end := (month_start AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC';
      partition_name := 'ticket_events_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
      IF to_regclass(partition_name) IS NULL THEN
        IF EXISTS (SELECT 1 FROM ticket_events_default WHERE created_at >= month_start AND created_at < month_end) THEN
          -- The default partition may not hold rows of a new partition's range: they move into it.
          ALTER TABLE ticket_events DETACH PARTITION ticket_events_default;
          EXECUTE format('CREATE TABLE %I PARTITION OF ticket_events FOR VALUES FROM (%L) TO (%L)', partition_name, month_start, month_end);
          INSERT INTO ticket_events OVERRIDING SYSTEM VALUE
            SELECT * FROM ticket_events_default WHERE created_at >= month_start AND created_at < month_end;
          DELETE FROM ticket_events_default WHERE created_at >= month_start AND created_at < month_end;
          ALTER TABLE ticket_events ATTACH PARTITION ticket_events_default DEFAULT;
        ELSE
          EXECUTE format('CREATE TABLE %I PARTITION OF ticket_events FOR VALUES FROM (%L) TO (%L)', partition_name, month_start, month_end);
        END IF;
        created := created + 1;
      END IF;
      month_start := month_end;
    END LOOP;
    RETURN created;
  END $$`;

const DETACH_PARTITIONS_FUNCTION = `
  CREATE FUNCTION detach_ticket_event_partitions(before_at timestamptz) RETURNS text[]
  LANGUAGE plpgsql AS $$
  DECLARE
    partition_name text;
    detached text[] := '{}';
  BEGIN
    FOR partition_name IN
      SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'ticket_events'::regclass AND c.relname ~ '^ticket_events_[0-9]{4}_[0-9]{2}$'
        AND ((to_timestamp(substr(c.relname, 15), 'YYYY_MM')::timestamp + interval '1 month') AT TIME ZONE 'UTC') <= before_at
      ORDER BY c.relname
    LOOP
      EXECUTE format('ALTER TABLE ticket_events DETACH PARTITION %I', partition_name);
      detached := detached || partition_name;
    END LOOP;
    RETURN detached;
  END $$`;
