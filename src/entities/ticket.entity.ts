import { Field, ID, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Language, OwnerParty, TicketCategory, TicketChannel, TicketPriority, TicketResolution, TicketStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ description: 'Why a ticket belongs to its owner: the routing rule that matched, and when.' })
export class RoutingDecisionRecord {
  @Field(() => OwnerParty, { description: 'The party the decision gave the ticket to.' })
  owner: OwnerParty;

  @Field({ description: 'Id of the routing rule (e.g. `delivered-not-received`) or of the escalation that set the owner.' })
  rule: string;

  @Field(() => Int, { description: 'Version of the rule table entry that matched.' })
  ruleVersion: number;

  @Field({ description: 'One line a person can read.' })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Version of the intake model that classified the text the category came from; null when the customer picked the category or an agent set it.',
  })
  classifierModelVersion: string | null;

  @Field({ description: 'When the decision was taken (intake, transfer, escalation, re-routing).' })
  decidedAt: Date;
}

@ObjectType({ implements: Node, description: 'A customer issue, owned by exactly one party at a time.' })
@Entity('tickets')
export class Ticket implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Ticket', this.id);
  }

  @Field({ description: 'Human case number, e.g. T-000123.' })
  @Column({ type: 'text', insert: false, update: false })
  number: string;

  @Field({ description: 'Subject line as the customer wrote it (1–200 characters).' })
  @Column('text')
  subject: string;

  @Field(() => TicketCategory, {
    description: "What the ticket is about: the customer's pick, the classifier's, or an agent's correction.",
  })
  @Column('text')
  category: TicketCategory;

  @Field(() => Float, { description: 'Confidence of the text classifier, 0–1; 1 when the customer picked the category.' })
  @Column({ name: 'classification_confidence', type: 'real' })
  classificationConfidence: number;

  @Field(() => TicketChannel, { description: 'How the customer reached us.' })
  @Column('text')
  channel: TicketChannel;

  @Field(() => Language, { description: 'Language of the conversation, given or detected at intake.' })
  @Column('text')
  language: Language;

  @Field(() => TicketPriority, { description: 'Current priority; decides the SLA policy and queue order.' })
  @Column('text')
  priority: TicketPriority;

  @Field(() => TicketStatus, { description: 'Where the ticket is in its life cycle.' })
  @Column('text')
  status: TicketStatus;

  @Field(() => OwnerParty, { description: 'The party that must answer and resolve the ticket now.' })
  @Column({ name: 'owner_party', type: 'text' })
  ownerParty: OwnerParty;

  @Column({ name: 'customer_id', type: 'bigint' })
  customerId: string;

  @Column({ name: 'order_id', type: 'bigint', nullable: true })
  orderId: string | null;

  @Column({ name: 'shipment_id', type: 'bigint', nullable: true })
  shipmentId: string | null;

  @Column({ name: 'seller_id', type: 'bigint', nullable: true })
  sellerId: string | null;

  @Column({ name: 'carrier_id', type: 'bigint', nullable: true })
  carrierId: string | null;

  @Column({ name: 'involved_carrier_ids', type: 'bigint', array: true })
  involvedCarrierIds: string[];

  @Column({ name: 'routing_rule_id', type: 'text' })
  routingRuleId: string;

  @Column({ name: 'routing_rule_version', type: 'integer' })
  routingRuleVersion: number;

  @Column({ name: 'routing_reason', type: 'text' })
  routingReason: string;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt: Date;

  @Column({ name: 'classifier_model_version', type: 'text', nullable: true })
  classifierModelVersion: string | null;

  @Field(() => RoutingDecisionRecord, { description: 'The decision that gave the ticket its current owner.' })
  get routing(): RoutingDecisionRecord {
    return {
      owner: this.ownerParty,
      rule: this.routingRuleId,
      ruleVersion: this.routingRuleVersion,
      reason: this.routingReason,
      classifierModelVersion: this.classifierModelVersion,
      decidedAt: this.routedAt,
    };
  }

  /** Structured facts the customer gave (tracking number, wanted outcome, …); see TicketDetailsInput. */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Field(() => [String], { description: 'Facts an agent would otherwise have to ask for; the bot asked the customer for them.' })
  @Column({ name: 'missing_details', type: 'text', array: true })
  missingDetails: string[];

  @Field({ description: 'True once the ticket was escalated to the platform.' })
  @Column({ name: 'is_escalated', type: 'boolean' })
  isEscalated: boolean;

  @Field(() => Date, { nullable: true, description: 'When the ticket was last escalated to the platform; null if never.' })
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Field(() => TicketResolution, { nullable: true, description: 'How it was resolved; null until SOLVED, cleared again on reopening.' })
  @Column({ type: 'text', nullable: true })
  resolution: TicketResolution | null;

  @Field(() => String, {
    nullable: true,
    description: "What was done, in the resolver's words; null when none was given or the ticket is not SOLVED.",
  })
  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;

  @Field(() => Int, { nullable: true, description: 'Customer satisfaction, 1 (bad) to 5 (excellent).' })
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true })
  satisfactionScore: number | null;

  @Field(() => String, { nullable: true, description: "The customer's comment with the rating; null without one." })
  @Column({ name: 'satisfaction_comment', type: 'text', nullable: true })
  satisfactionComment: string | null;

  @Field(() => Date, { nullable: true, description: 'When the customer rated the ticket; null until rated.' })
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ name: 'follow_up_of_ticket_id', type: 'bigint', nullable: true })
  followUpOfTicketId: string | null;

  /** `<role>:<party id>` of the principal that opened the ticket; scopes its idempotency key. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the whole input made under the key (src/rules/idempotency.rule.ts); null before digests were kept. */
  @Column({ name: 'idempotency_input_digest', type: 'text', nullable: true })
  idempotencyInputDigest: string | null;

  @Field(() => Date, { nullable: true, description: 'First PUBLIC reply by an owning party.' })
  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the ticket was last SOLVED; null until then, and after reopening.' })
  @Column({ name: 'solved_at', type: 'timestamptz', nullable: true })
  solvedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the ticket was CLOSED; null until then.' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: 'How many times a SOLVED ticket was reopened.' })
  @Column({ name: 'reopened_count', type: 'integer' })
  reopenedCount: number;

  @Field(() => Date, { nullable: true, description: "The customer's latest message; null when only the opening text exists." })
  @Column({ name: 'last_customer_message_at', type: 'timestamptz', nullable: true })
  lastCustomerMessageAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'The latest PUBLIC message by the owning party; null before its first reply.' })
  @Column({ name: 'last_owner_message_at', type: 'timestamptz', nullable: true })
  lastOwnerMessageAt: Date | null;

  @Field({ description: 'When the ticket was opened.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When anything of the ticket last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Incremented by every change; use it to detect that a ticket changed under you.' })
  @Column('integer')
  version: number;
}
