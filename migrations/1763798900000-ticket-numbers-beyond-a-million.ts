import { MigrationInterface, QueryRunner } from 'typeorm';

// The first default, 'T-' || lpad(n, 6, '0'), truncates: lpad cuts a longer string to 6 characters, so ticket
// 1,000,000 would have been numbered T-100000 again (and refused as a duplicate). Numbers keep six digits at
// least and grow beyond: T-000123, T-999999, T-1000000.
export class TicketNumbersBeyondAMillion1763798900000 implements MigrationInterface {
  name = 'TicketNumbersBeyondAMillion1763798900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION next_ticket_number() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT 'T-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM (SELECT nextval('ticket_number_seq') AS n) next_value
      $$`);
    await queryRunner.query(`ALTER TABLE tickets ALTER COLUMN number SET DEFAULT next_ticket_number()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets ALTER COLUMN number SET DEFAULT ('T-' || lpad(nextval('ticket_number_seq')::text, 6, '0'))`);
    await queryRunner.query(`DROP FUNCTION next_ticket_number()`);
  }
}
