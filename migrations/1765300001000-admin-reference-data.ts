import { MigrationInterface, QueryRunner } from 'typeorm';

// Admins change routing rules, SLA policies and business calendars through the API (issue #16):
// - calendars get versions like rules and policies (one active version per id; earlier versions stay readable), and a
//   clock records the calendar version it runs on, so that a later change (a holiday closure) never moves the due
//   time of a clock started before it;
// - every change is recorded in admin_audit_log, in the change's own transaction: who, when, what, before and after.
// The foreign keys to business_calendars(id) go: an id alone no longer identifies a row (the service checks that a
// policy names a calendar that exists).
export class AdminReferenceData1765300001000 implements MigrationInterface {
  name = 'AdminReferenceData1765300001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sla_policies DROP CONSTRAINT sla_policies_calendar_id_fkey`);
    await queryRunner.query(`ALTER TABLE sla_clocks DROP CONSTRAINT sla_clocks_calendar_id_fkey`);
    await queryRunner.query(`
      ALTER TABLE business_calendars
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN is_active boolean NOT NULL DEFAULT true,
        DROP CONSTRAINT business_calendars_pkey,
        ADD PRIMARY KEY (id, version)`);
    await queryRunner.query(`CREATE UNIQUE INDEX business_calendars_one_active_idx ON business_calendars (id) WHERE is_active`);
    // Every clock so far ran on version 1, the only one there was.
    await queryRunner.query(`ALTER TABLE sla_clocks ADD COLUMN calendar_version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      CREATE TABLE admin_audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_role text NOT NULL,
        actor_id text,
        entity_type text NOT NULL CHECK (entity_type IN ('ROUTING_RULE', 'SLA_POLICY', 'BUSINESS_CALENDAR')),
        entity_id text NOT NULL,
        -- The version the change wrote (for a retirement: the version retired).
        version integer NOT NULL,
        action text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'REORDER', 'RETIRE')),
        -- The active version before and after the change, as the API shows it; null before a creation, after a retirement.
        before jsonb,
        after jsonb,
        reason text,
        created_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX admin_audit_log_entity_idx ON admin_audit_log (entity_type, entity_id, id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE admin_audit_log`);
    await queryRunner.query(`ALTER TABLE sla_clocks DROP COLUMN calendar_version`);
    // Only the active version of each calendar survives: the id is a key again.
    await queryRunner.query(`DELETE FROM business_calendars WHERE NOT is_active`);
    await queryRunner.query(`DROP INDEX business_calendars_one_active_idx`);
    await queryRunner.query(`ALTER TABLE business_calendars DROP CONSTRAINT business_calendars_pkey, DROP COLUMN version, DROP COLUMN is_active, ADD PRIMARY KEY (id)`);
    await queryRunner.query(`ALTER TABLE sla_clocks ADD CONSTRAINT sla_clocks_calendar_id_fkey FOREIGN KEY (calendar_id) REFERENCES business_calendars(id)`);
    await queryRunner.query(`ALTER TABLE sla_policies ADD CONSTRAINT sla_policies_calendar_id_fkey FOREIGN KEY (calendar_id) REFERENCES business_calendars(id)`);
  }
}
