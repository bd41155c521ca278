import { MigrationInterface, QueryRunner } from 'typeorm';

// The two SLA instants the timers move (the earliest due time of the counting clocks, and when a silent seller
// loses the ticket) leave the tickets row for a narrow table of their own. Both are indexed, so every change of
// them used to be a non-HOT update of `tickets` and an insertion into each of its 17 indexes (two of them GIN):
// ≈ 0.25 ms per ticket, 2.5 s of a 10,000-breach wave. Here a breach rewrites a 3-column row with 3 indexes.
// A ticket without a row has neither instant.
export class TicketDeadlines1764000000000 implements MigrationInterface {
  name = 'TicketDeadlines1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_deadlines (
        ticket_id bigint PRIMARY KEY REFERENCES tickets(id),
        -- Earliest due time among the ticket's ACTIVE clocks (Ticket.sla.nextDueAt).
        next_sla_due_at timestamptz(3),
        -- When the seller-silence escalation fires (Ticket.sla.escalatesAt).
        escalation_due_at timestamptz(3)
      )`);
    await queryRunner.query(`
      INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at, escalation_due_at)
      SELECT id, next_sla_due_at, escalation_due_at FROM tickets WHERE next_sla_due_at IS NOT NULL OR escalation_due_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ticket_deadlines_next_sla_due_idx ON ticket_deadlines (next_sla_due_at, ticket_id) WHERE next_sla_due_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ticket_deadlines_escalation_due_idx ON ticket_deadlines (escalation_due_at) WHERE escalation_due_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN next_sla_due_at, DROP COLUMN escalation_due_at`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN next_sla_due_at timestamptz(3), ADD COLUMN escalation_due_at timestamptz(3)`);
    await queryRunner.query(`
      UPDATE tickets t SET next_sla_due_at = d.next_sla_due_at, escalation_due_at = d.escalation_due_at
      FROM ticket_deadlines d WHERE d.ticket_id = t.id`);
    await queryRunner.query(`CREATE INDEX tickets_next_sla_due_idx ON tickets (next_sla_due_at, id) WHERE next_sla_due_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tickets_escalation_due_idx ON tickets (escalation_due_at) WHERE escalation_due_at IS NOT NULL`);
    await queryRunner.query(`DROP TABLE ticket_deadlines`);
  }
}
