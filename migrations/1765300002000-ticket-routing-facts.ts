import { MigrationInterface, QueryRunner } from 'typeorm';

// The facts routing decided on, as they were at intake (issue #16, simulateRoutingTable): order facts change after
// intake (a parcel is found, a refund is paid) and a ticket's routing columns change with every transfer and
// escalation, so a proposed table can only be tried on past tickets if both are kept. A narrow table of its own,
// written once by the intake statement: `tickets` keeps its width. Tickets opened before this migration have no row.
export class TicketRoutingFacts1765300002000 implements MigrationInterface {
  name = 'TicketRoutingFacts1765300002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_routing_facts (
        ticket_id bigint PRIMARY KEY REFERENCES tickets(id),
        category text NOT NULL,
        classification_confidence double precision NOT NULL,
        customer_tier text NOT NULL,
        -- OrderFacts of src/rules/routing.rule.ts (dates as ISO strings); null when no order was attached.
        order_facts jsonb,
        -- The intake decision: the owner and rule version that routed the ticket.
        owner_party text NOT NULL,
        routing_rule_id text NOT NULL,
        routing_rule_version integer NOT NULL,
        routed_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ticket_routing_facts_routed_idx ON ticket_routing_facts (routed_at, ticket_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_routing_facts`);
  }
}
