import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { OwnerParty } from '../domain/enums';
import type * as view from '../services/views/routing-rule.view';
import { ConnectionType } from './connection.type';

@ObjectType({ description: 'One row of the ownership routing table. Rules are evaluated by position; the first match wins.' })
export class RoutingRuleRecord implements view.RoutingRuleRecord {
  @Field({ description: 'Stable id, e.g. delivered-not-received; recorded on every ticket it routes.' })
  id: string;

  @Field(() => Int, { description: 'Increases whenever the rule changes; tickets record the version that routed them.' })
  version: number;

  @Field({ description: 'False for a retired or superseded version (routingRuleVersions lists them all).' })
  isActive: boolean;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first matching rule wins.' })
  position: number;

  @Field(() => OwnerParty, { description: 'The party the rule gives the ticket to.' })
  owner: OwnerParty;

  @Field(() => [GraphQLJSONObject], {
    description: 'Alternatives (OR); every field of one alternative must hold (AND). See docs/routing.md.',
  })
  conditions: Array<Record<string, unknown>>;

  @Field({ description: 'The reason recorded on tickets this rule routes.' })
  reason: string;
}

/** `routingRuleVersions`: one rule's versions, oldest first. */
export const RoutingRuleVersionConnection = ConnectionType(RoutingRuleRecord, 'RoutingRuleVersion');
