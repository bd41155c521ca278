import { MigrationInterface, QueryRunner } from 'typeorm';

// Events for integrations (DESIGN §6): webhook endpoints and their deliveries, and the insert time of each
// event, which the event feed needs to tell a sequence still in flight from one that was rolled back.
export class Webhooks1763798800000 implements MigrationInterface {
  name = 'Webhooks1763798800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // When the row was inserted by the database's clock (created_at is the application's clock). A constant
    // default for the rows already there, so adding the column rewrites nothing.
    await queryRunner.query(`ALTER TABLE ticket_events ADD COLUMN recorded_at timestamptz(3) NOT NULL DEFAULT statement_timestamp()`);
    await queryRunner.query(`CREATE INDEX ticket_events_recorded_idx ON ticket_events (recorded_at)`);

    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        -- Null: the platform's scope; otherwise exactly what this seller sees.
        seller_id bigint REFERENCES sellers(id),
        -- The signing secret, AES-256-GCM encrypted (version, IV, tag, ciphertext): a copy of this table signs nothing.
        secret_ciphertext bytea NOT NULL,
        is_enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz(3),
        -- First failed attempt since the last success; null while deliveries succeed.
        failing_since timestamptz(3),
        created_by text NOT NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CHECK (is_enabled OR disabled_reason IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_endpoints_created_idx ON webhook_endpoints (created_at DESC, id DESC)`);
    // Every appended event is matched against the enabled endpoints.
    await queryRunner.query(`CREATE INDEX webhook_endpoints_enabled_idx ON webhook_endpoints (seller_id) WHERE is_enabled`);

    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        endpoint_id bigint NOT NULL REFERENCES webhook_endpoints(id),
        event_sequence bigint NOT NULL REFERENCES ticket_events(sequence),
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DEAD')),
        -- Attempts since the delivery was enqueued or last replayed (redeliverWebhook restarts the schedule).
        attempt_count integer NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
        last_response_code integer,
        last_error text,
        next_attempt_at timestamptz(3),
        last_attempt_at timestamptz(3),
        delivered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        UNIQUE (endpoint_id, event_sequence)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (status, id DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await queryRunner.query(`DROP TABLE IF EXISTS webhook_endpoints`);
    await queryRunner.query(`DROP INDEX IF EXISTS ticket_events_recorded_idx`);
    await queryRunner.query(`ALTER TABLE ticket_events DROP COLUMN IF EXISTS recorded_at`);
  }
}
