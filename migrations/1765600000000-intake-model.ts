import { MigrationInterface, QueryRunner } from 'typeorm';

// The learned intake classifier (docs/routing.md "The model"):
// - every ticket records the model version that classified its text (null when the category was picked or set by
//   an agent), next to the routing rule version;
// - routing rules version 2 of `platform-services` and `no-order`: a category that is only the model's guess goes
//   to triage first, whatever the guess (version 1 sent a guessed FRAUD_PHISHING to the platform desk as URGENT);
// - ticket_routing_facts keep whether the category was settled or only a guess (simulateRoutingTable replays it);
// - intake_feedback: every agent's correction of a category (reclassifyTicket), a labelled example for the next
//   training (npm run export:intake-feedback).
const RULES_V2 = [
  {
    id: 'platform-services', version: 2, position: 10, owner: 'PLATFORM',
    conditions: [{ categories: ['PAYMENT_ISSUE', 'ACCOUNT_ACCESS', 'FRAUD_PHISHING', 'MEMBERSHIP', 'DIGITAL_SERVICE'], classificationIsGuess: false }],
    reason: 'Category {category} is a platform service: the platform itself handles payments, accounts, fraud, memberships and digital services',
  },
  {
    id: 'no-order', version: 2, position: 20, owner: 'PLATFORM',
    conditions: [{ classificationIsGuess: true }, { hasOrder: false }],
    reason: 'Sent to the platform triage queue because {matchedCondition}',
  },
];

export class IntakeModel1765600000000 implements MigrationInterface {
  name = 'IntakeModel1765600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN classifier_model_version text`);
    await queryRunner.query(`ALTER TABLE ticket_routing_facts ADD COLUMN category_is_guess boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE intake_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        channel text NOT NULL,
        language text NOT NULL,
        subject text NOT NULL,
        -- The customer's first message: what the classifier read.
        body text NOT NULL,
        -- What the ticket's category was before the correction, and the model that chose it (null if picked).
        previous_category text NOT NULL,
        previous_confidence real NOT NULL,
        classifier_model_version text,
        category text NOT NULL,
        reason text NOT NULL,
        -- The order as routing read it at the correction: {fulfillment, status, shipmentStatus, returnStatus}.
        order_facts jsonb,
        corrected_by text NOT NULL,
        corrected_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX intake_feedback_corrected_at_idx ON intake_feedback (corrected_at, id)`);
    for (const rule of RULES_V2) {
      await queryRunner.query(`UPDATE routing_rules SET is_active = false WHERE id = $1 AND is_active`, [rule.id]);
      await queryRunner.query(
        `INSERT INTO routing_rules (id, version, position, owner, conditions, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
        [rule.id, rule.version, rule.position, rule.owner, JSON.stringify(rule.conditions), rule.reason],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const rule of RULES_V2) {
      await queryRunner.query(`DELETE FROM routing_rules WHERE id = $1 AND version = $2`, [rule.id, rule.version]);
      await queryRunner.query(`UPDATE routing_rules SET is_active = true WHERE id = $1 AND version = $2`, [rule.id, rule.version - 1]);
    }
    await queryRunner.query(`DROP TABLE intake_feedback`);
    await queryRunner.query(`ALTER TABLE ticket_routing_facts DROP COLUMN category_is_guess`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN classifier_model_version`);
  }
}
