import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #17 point 4, SLA scorecards (`slaReport`, docs/sla.md "Scorecards"): each owner measured on its own share.
//
// - sla_clocks.owner_id: the seller (owner_party SELLER) or carrier (CARRIER) a clock measures, written with the
//   clock when it starts (null for the platform). A clock row alone then says whose it is, so a report reads one
//   covering index (owner, start, then metric, state, answer, minutes) without touching tickets.
//   Existing clocks take the ticket's seller and its current carrier: a ticket handed from one carrier to another
//   before this migration counts its earlier carrier clocks for the later carrier (rare; new clocks are exact).
// - ticket_escalations: one row per escalation that took a ticket away from its owner (seller silent, carrier
//   stuck, a customer's or agent's escalation), written in the owner change's transaction; rebuilt here from the
//   ESCALATED events.
// - tickets_rating_by_owner_idx: the ratings of the tickets an owner holds, by rating time.
//
// Rewrites every seller and carrier clock row once: run it in a quiet hour on a large database.
export class SlaScorecards1765730000000 implements MigrationInterface {
  name = 'SlaScorecards1765730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sla_clocks ADD COLUMN owner_id bigint`);
    await queryRunner.query(`
      UPDATE sla_clocks c SET owner_id = CASE c.owner_party WHEN 'SELLER' THEN t.seller_id WHEN 'CARRIER' THEN t.carrier_id END
      FROM tickets t WHERE t.id = c.ticket_id AND c.owner_party IN ('SELLER', 'CARRIER')`);
    await queryRunner.query(`
      CREATE INDEX sla_clocks_scorecard_idx ON sla_clocks (owner_party, owner_id, started_at)
      INCLUDE (metric, state, met_at, used_business_minutes)`);
    await queryRunner.query(`
      CREATE TABLE ticket_escalations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        from_party text NOT NULL CHECK (from_party IN ('SELLER','CARRIER','PLATFORM')),
        -- The seller or carrier that lost the ticket; null for the platform.
        from_owner_id bigint,
        to_party text NOT NULL CHECK (to_party IN ('SELLER','CARRIER','PLATFORM')),
        -- EscalationKind: seller-silent, carrier-stuck, customer-request, …
        kind text NOT NULL,
        escalated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ticket_escalations_from_idx ON ticket_escalations (from_party, from_owner_id, escalated_at)`);
    await queryRunner.query(`CREATE INDEX ticket_escalations_ticket_idx ON ticket_escalations (ticket_id)`);
    await queryRunner.query(`
      INSERT INTO ticket_escalations (ticket_id, from_party, from_owner_id, to_party, kind, escalated_at)
      SELECT e.ticket_id, e.payload->>'from',
        CASE e.payload->>'from' WHEN 'SELLER' THEN t.seller_id WHEN 'CARRIER' THEN t.carrier_id END,
        e.payload->>'to', coalesce(e.payload->>'kind', 'unknown'), e.created_at
      FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
      WHERE e.type = 'ESCALATED' AND e.payload->>'from' IN ('SELLER','CARRIER','PLATFORM') AND e.payload->>'to' IN ('SELLER','CARRIER','PLATFORM')
      ORDER BY e.sequence`);
    await queryRunner.query(`
      CREATE INDEX tickets_rating_by_owner_idx ON tickets (owner_party, (CASE owner_party WHEN 'SELLER' THEN seller_id WHEN 'CARRIER' THEN carrier_id END), rated_at)
      INCLUDE (satisfaction_score) WHERE rated_at IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_rating_by_owner_idx`);
    await queryRunner.query(`DROP TABLE ticket_escalations`);
    await queryRunner.query(`DROP INDEX sla_clocks_scorecard_idx`);
    await queryRunner.query(`ALTER TABLE sla_clocks DROP COLUMN owner_id`);
  }
}
