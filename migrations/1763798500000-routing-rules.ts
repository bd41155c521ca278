import { MigrationInterface, QueryRunner } from 'typeorm';

// The ownership routing table of DESIGN §4 as data: versioned rows, evaluated by position, first match wins.
// The seed below is frozen here on purpose: later changes to the table are new versions written by new
// migrations (or an admin), never edits of this file.
const DEFAULT_RULES_V1 = [
  { id: "platform-services", version: 1, position: 10, owner: "PLATFORM", conditions: [{"categories": ["PAYMENT_ISSUE", "ACCOUNT_ACCESS", "FRAUD_PHISHING", "MEMBERSHIP", "DIGITAL_SERVICE"]}], reason: "Category {category} is a platform service: the platform itself handles payments, accounts, fraud, memberships and digital services" },
  { id: "no-order", version: 1, position: 20, owner: "PLATFORM", conditions: [{"hasOrder": false}, {"confidenceBelow": 0.6}], reason: "Sent to the platform triage queue because {matchedCondition}" },
  { id: "platform-fulfilled", version: 1, position: 30, owner: "PLATFORM", conditions: [{"fulfillments": ["PLATFORM"]}, {"soldByPlatform": true}], reason: "The order is {orderParties}: the platform answers for what it ships or sells itself" },
  { id: "lost-parcel", version: 1, position: 40, owner: "PLATFORM", conditions: [{"categories": ["ITEM_NOT_RECEIVED", "DELIVERY_DELAYED"], "shipmentStatuses": ["LOST"]}], reason: "Shipment is {shipmentStatus} and the customer reports {categoryDescription}: the platform compensates the customer and pursues the carrier" },
  { id: "damaged", version: 1, position: 50, owner: "PLATFORM", conditions: [{"categories": ["DAMAGED_IN_TRANSIT"]}], reason: "The item arrived damaged in transit: the platform compensates the customer and claims against the carrier" },
  { id: "delivered-not-received", version: 1, position: 60, owner: "CARRIER", conditions: [{"categories": ["ITEM_NOT_RECEIVED"], "shipmentStatuses": ["DELIVERED"]}], reason: "Shipment is {shipmentStatus} but the customer reports not receiving it: the carrier investigates" },
  { id: "not-handed-over", version: 1, position: 70, owner: "SELLER", conditions: [{"categories": ["ITEM_NOT_RECEIVED", "DELIVERY_DELAYED"], "hasShipment": false}, {"categories": ["ITEM_NOT_RECEIVED", "DELIVERY_DELAYED"], "shipmentStatuses": ["LABEL_CREATED"]}], reason: "The customer reports {categoryDescription} and the seller has not handed the parcel to a carrier ({shipment}): the seller must ship it" },
  { id: "in-transit", version: 1, position: 80, owner: "CARRIER", conditions: [{"categories": ["ITEM_NOT_RECEIVED", "DELIVERY_DELAYED"], "shipmentStatuses": ["IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERY_FAILED"]}], reason: "Shipment is {shipmentStatus} and the customer reports {categoryDescription}: the carrier holds the parcel" },
  { id: "misdelivered", version: 1, position: 90, owner: "CARRIER", conditions: [{"categories": ["MISDELIVERED"]}], reason: "The parcel was delivered to the wrong place: the carrier retrieves it and delivers it correctly" },
  { id: "refund-overdue", version: 1, position: 100, owner: "PLATFORM", conditions: [{"categories": ["REFUND_NOT_RECEIVED"], "returnStatuses": ["RECEIVED"], "returnRefunded": false, "returnReceivedMoreThanBusinessDaysAgo": 2}], reason: "The return was received {returnReceivedBusinessDaysAgo} business days ago and is still not refunded: the platform enforces the refund" },
  { id: "change-after-shipping", version: 1, position: 110, owner: "CARRIER", conditions: [{"categories": ["CHANGE_ORDER"], "orderStatuses": ["SHIPPED"]}], reason: "The order is already {orderStatus}: only the carrier can change the address or the delivery date now" },
  { id: "seller-fulfilled", version: 1, position: 120, owner: "SELLER", conditions: [{"fulfillments": ["SELLER"], "soldByPlatform": false}], reason: "The seller fulfils this order, so the seller handles {categoryDescription}" },
  { id: "fallback", version: 1, position: 130, owner: "PLATFORM", conditions: [{}], reason: "No specific rule covers {categoryDescription}: the platform handles it" },
];

export class RoutingRules1763798500000 implements MigrationInterface {
  name = 'RoutingRules1763798500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing_rules (
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        position integer NOT NULL,
        owner text NOT NULL CHECK (owner IN ('SELLER','CARRIER','PLATFORM')),
        -- Alternatives (OR) of conditions (AND of their fields); see src/rules/routing.rule.ts RuleCondition.
        conditions jsonb NOT NULL,
        reason text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (id, version)
      )`);
    // One active version per rule id.
    await queryRunner.query(`CREATE UNIQUE INDEX routing_rules_one_active_idx ON routing_rules (id) WHERE is_active`);
    await queryRunner.query(`CREATE INDEX routing_rules_active_position_idx ON routing_rules (position, id) WHERE is_active`);
    await queryRunner.query(
      `INSERT INTO routing_rules (id, version, position, owner, conditions, reason)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::jsonb[], $6::text[])`,
      [
        DEFAULT_RULES_V1.map((rule) => rule.id),
        DEFAULT_RULES_V1.map((rule) => rule.version),
        DEFAULT_RULES_V1.map((rule) => rule.position),
        DEFAULT_RULES_V1.map((rule) => rule.owner),
        DEFAULT_RULES_V1.map((rule) => JSON.stringify(rule.conditions)),
        DEFAULT_RULES_V1.map((rule) => rule.reason),
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing_rules`);
  }
}
