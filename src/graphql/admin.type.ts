import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActorRole, AdminAction, AdminEntityType, OwnerParty, TicketCategory } from '../domain/enums';
import { SlaMetric } from '../rules/sla-policy.rule';
import { ConnectionType } from './connection.type';
import { RoutingRuleRecord } from './routing-rule.type';
import { BusinessCalendarRecord, SlaPolicyRecord } from './sla.type';
import { UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';
import type * as view from '../services/views/admin.view';
import { Node } from '../entities/node.interface';

@ObjectType({ implements: Node, description: "One change of the reference data by an admin, written in the change's own transaction." })
export class AdminAuditEntry implements view.AdminAuditEntry {
  /** Position in the log (database id); clients see its global id (AdminAuditEntryResolver). */
  id: string;

  @Field(() => ActorRole, { description: 'The role of whoever made the change: ADMIN.' })
  actorRole: ActorRole;

  @Field(() => String, { nullable: true, description: "The admin's id." })
  actorId: string | null;

  @Field(() => AdminEntityType, { description: 'What kind of entry changed.' })
  entityType: AdminEntityType;

  @Field({ description: 'The id of the rule, policy or calendar.' })
  entityId: string;

  @Field(() => Int, { description: 'The version the change wrote (for RETIRE: the version retired).' })
  version: number;

  @Field(() => AdminAction, { description: 'What the change did.' })
  action: AdminAction;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The active version before the change, as the API shows it; null for a creation.',
  })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The active version after the change; null for a retirement.' })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The note given with the change.' })
  note: string | null;

  @Field({ description: 'When the change was committed.' })
  createdAt: Date;
}

export const AdminAuditEntryConnection = ConnectionType(AdminAuditEntry, 'AdminAuditEntry');

@ObjectType({ description: 'Result of saveSlaPolicy and retireSlaPolicy.' })
export class SlaPolicyPayload {
  @Field(() => SlaPolicyRecord, {
    nullable: true,
    description: 'The version written (for a retirement: the one retired); null when userErrors is not empty.',
  })
  policy: SlaPolicyRecord | null;

  @Field(() => [UserErrorType], { description: 'Empty on success; every problem of the table the change would leave.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of reorderSlaPolicies.' })
export class SlaPolicyTablePayload {
  @Field(() => [SlaPolicyRecord], { description: 'The active table in evaluation order; empty when userErrors is not empty.' })
  policies: SlaPolicyRecord[];

  @Field(() => [UserErrorType], { description: 'Empty on success; otherwise why nothing was written.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of saveBusinessCalendar and retireBusinessCalendar.' })
export class BusinessCalendarPayload {
  @Field(() => BusinessCalendarRecord, {
    nullable: true,
    description: 'The version written (for a retirement: the one retired); null when userErrors is not empty.',
  })
  calendar: BusinessCalendarRecord | null;

  @Field(() => [UserErrorType], { description: 'Empty on success; otherwise why nothing was written.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of saveRoutingRule and retireRoutingRule.' })
export class RoutingRulePayload {
  @Field(() => RoutingRuleRecord, {
    nullable: true,
    description: 'The version written (for a retirement: the one retired); null when userErrors is not empty.',
  })
  rule: RoutingRuleRecord | null;

  @Field(() => [UserErrorType], { description: 'Empty on success; otherwise why nothing was written.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of reorderRoutingRules.' })
export class RoutingTablePayload {
  @Field(() => [RoutingRuleRecord], { description: 'The active table in evaluation order; empty when userErrors is not empty.' })
  rules: RoutingRuleRecord[];

  @Field(() => [UserErrorType], { description: 'Empty on success; otherwise why nothing was written.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'A replayed ticket whose routing would change.' })
export class RoutingSimulationExample implements view.RoutingSimulationExample {
  @Field(() => ID, { description: "The ticket's global id." })
  ticketId: string;

  @Field({ description: "The ticket's number." })
  number: string;

  @Field({ description: 'The rule that routed it at intake.' })
  fromRule: string;

  @Field({ description: 'The rule of the proposed table that would route it.' })
  toRule: string;
}

@ObjectType({
  description: 'Replayed tickets of one category that would move from one owner to another (the same owner: only the rule changes).',
})
export class RoutingSimulationGroup implements view.RoutingSimulationGroup {
  @Field(() => TicketCategory, { description: 'The category at intake.' })
  category: TicketCategory;

  @Field(() => OwnerParty, { description: 'The owner intake chose.' })
  fromOwner: OwnerParty;

  @Field(() => OwnerParty, { description: 'The owner the proposed table would choose.' })
  toOwner: OwnerParty;

  @Field(() => Int, { description: 'How many replayed tickets.' })
  count: number;

  @Field(() => [RoutingSimulationExample], { description: 'The first three, oldest first.' })
  examples: RoutingSimulationExample[];
}

@ObjectType({ description: 'What a proposed routing table would have done to past tickets. Nothing was written.' })
export class RoutingSimulationResult implements view.RoutingSimulationResult {
  @Field(() => [String], {
    description: 'What is wrong with the proposed table (saveRoutingRule would refuse it); when any, nothing was replayed.',
  })
  problems: string[];

  @Field(() => Int, { description: 'Tickets replayed (those with intake facts in the window, up to the limit).' })
  ticketsReplayed: number;

  @Field(() => Int, { description: 'Tickets in the window opened before intake facts were recorded (or follow-ups): not replayed.' })
  ticketsWithoutIntakeFacts: number;

  @Field(() => Int, { description: 'Replayed tickets that would get another owner.' })
  changedOwner: number;

  @Field(() => Int, { description: 'Replayed tickets that would keep their owner but be routed by another rule.' })
  changedRuleOnly: number;

  @Field(() => [RoutingSimulationGroup], { description: 'By category and owner pair, largest first.' })
  groups: RoutingSimulationGroup[];
}

@ObjectType({ description: 'An answered clock whose outcome would change under the proposed policies.' })
export class SlaSimulationExample implements view.SlaSimulationExample {
  @Field(() => ID, { description: "The ticket's global id." })
  ticketId: string;

  @Field({ description: "The ticket's number." })
  number: string;

  @Field({ description: 'When the owner answered.' })
  metAt: Date;

  @Field({ description: 'The due time it was measured against.' })
  dueAt: Date;

  @Field({ description: 'The due time under the proposed policy.' })
  proposedDueAt: Date;
}

@ObjectType({ description: 'Clocks of one metric moving from one policy to another whose outcome would change.' })
export class SlaSimulationGroup implements view.SlaSimulationGroup {
  @Field(() => SlaMetric, { description: "The clocks' metric." })
  metric: SlaMetric;

  @Field({ description: 'The policy that measured them.' })
  fromPolicy: string;

  @Field({ description: 'The policy the proposed set would choose.' })
  toPolicy: string;

  @Field(() => Int, { description: 'Met in time, but late under the proposed policy.' })
  breachedInsteadOfMet: number;

  @Field(() => Int, { description: 'Late, but in time under the proposed policy.' })
  metInsteadOfBreached: number;

  @Field(() => [SlaSimulationExample], { description: 'The first three, oldest first.' })
  examples: SlaSimulationExample[];
}

@ObjectType({ description: 'What a proposed SLA policy set would have made of past answered clocks. Nothing was written.' })
export class SlaSimulationResult implements view.SlaSimulationResult {
  @Field(() => [String], {
    description: 'What is wrong with the proposed set (saveSlaPolicy would refuse it); when any, nothing was compared.',
  })
  problems: string[];

  @Field(() => Int, { description: 'Answered clocks measured again.' })
  clocksCompared: number;

  @Field(() => Int, { description: 'Clocks met in time that would have been breached under the proposed set.' })
  breachedInsteadOfMet: number;

  @Field(() => Int, { description: 'Clocks breached that would have been met under the proposed set.' })
  metInsteadOfBreached: number;

  @Field(() => Int, { description: 'Clocks whose metric the proposed policy would not measure at all.' })
  notMeasured: number;

  @Field(() => [SlaSimulationGroup], { description: 'By metric and policy pair, largest first.' })
  groups: SlaSimulationGroup[];
}
