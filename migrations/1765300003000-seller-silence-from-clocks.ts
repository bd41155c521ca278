import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #16: the seller-silence deadline used to be re-armed by the seller's own status changes (ON_HOLD, PENDING
// then OPEN), so stored deadlines may escalate sellers who answered. It is now derived from the clocks
// (sellerSilenceEscalationAt): 48 h after the start of the oldest seller FIRST_RESPONSE / NEXT_RESPONSE clock still
// awaiting a reply, none while the ticket is PENDING, SOLVED or CLOSED. This recomputes every stored seller deadline
// the same way, once. Re-running it is harmless; `down` keeps the corrected values (the wrong ones are not worth
// restoring).
export class SellerSilenceFromClocks1765300003000 implements MigrationInterface {
  name = 'SellerSilenceFromClocks1765300003000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH due AS (
        SELECT t.id AS ticket_id,
          CASE WHEN t.owner_party = 'SELLER' AND t.status NOT IN ('PENDING', 'SOLVED', 'CLOSED') THEN
            (SELECT min(c.started_at) FROM sla_clocks c
             WHERE c.ticket_id = t.id AND c.owner_party = 'SELLER' AND c.metric IN ('FIRST_RESPONSE', 'NEXT_RESPONSE')
               AND (c.state IN ('ACTIVE', 'PAUSED') OR (c.state = 'BREACHED' AND c.met_at IS NULL AND c.cancelled_at IS NULL))) + interval '48 hours'
          END AS escalation_due_at
        FROM tickets t
        WHERE t.id IN (SELECT ticket_id FROM ticket_deadlines WHERE escalation_due_at IS NOT NULL)
           OR (t.owner_party = 'SELLER' AND t.status NOT IN ('PENDING', 'SOLVED', 'CLOSED'))
      )
      INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at, escalation_due_at)
      SELECT ticket_id, NULL, escalation_due_at FROM due
      WHERE escalation_due_at IS NOT NULL OR EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = due.ticket_id)
      ON CONFLICT (ticket_id) DO UPDATE SET escalation_due_at = excluded.escalation_due_at
      WHERE ticket_deadlines.escalation_due_at IS DISTINCT FROM excluded.escalation_due_at`);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the recomputed deadlines are the ones the code keeps from now on.
  }
}
