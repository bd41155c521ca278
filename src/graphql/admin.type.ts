import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdminAction, AdminEntityType } from '../domain/enums';
import { ConnectionType } from './connection.type';
import { RoutingRuleRecord } from './routing-rule.type';
import { BusinessCalendarRecord, SlaPolicyRecord } from './sla.type';
import { UserError } from './user-error.type';

@ObjectType({ description: 'One change of the reference data by an admin, written in the change\'s own transaction.' })
export class AdminAuditEntry {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The role of whoever made the change (ADMIN).' })
  actorRole: string;

  @Field(() => String, { nullable: true, description: 'The admin\'s id.' })
  actorId: string | null;

  @Field(() => AdminEntityType)
  entityType: AdminEntityType;

  @Field()
  entityId: string;

  @Field(() => Int, { description: 'The version the change wrote (for RETIRE: the version retired).' })
  version: number;

  @Field(() => AdminAction)
  action: AdminAction;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The active version before the change, as the API shows it; null for a creation.' })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The active version after the change; null for a retirement.' })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The note given with the change.' })
  note: string | null;

  @Field()
  createdAt: Date;
}

export const AdminAuditEntryConnection = ConnectionType(AdminAuditEntry, 'AdminAuditEntry');

@ObjectType({ description: 'Result of saveSlaPolicy and retireSlaPolicy.' })
export class SlaPolicyPayload {
  @Field(() => SlaPolicyRecord, { nullable: true, description: 'The version written (for a retirement: the one retired); null when userErrors is not empty.' })
  policy: SlaPolicyRecord | null;

  @Field(() => [UserError], { description: 'Empty on success; every problem of the table the change would leave.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of reorderSlaPolicies.' })
export class SlaPolicyTablePayload {
  @Field(() => [SlaPolicyRecord], { description: 'The active table in evaluation order; empty when userErrors is not empty.' })
  policies: SlaPolicyRecord[];

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of saveBusinessCalendar and retireBusinessCalendar.' })
export class BusinessCalendarPayload {
  @Field(() => BusinessCalendarRecord, { nullable: true })
  calendar: BusinessCalendarRecord | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of saveRoutingRule and retireRoutingRule.' })
export class RoutingRulePayload {
  @Field(() => RoutingRuleRecord, { nullable: true })
  rule: RoutingRuleRecord | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of reorderRoutingRules.' })
export class RoutingTablePayload {
  @Field(() => [RoutingRuleRecord], { description: 'The active table in evaluation order; empty when userErrors is not empty.' })
  rules: RoutingRuleRecord[];

  @Field(() => [UserError])
  userErrors: UserError[];
}
