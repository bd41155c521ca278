// What the use cases return, as plain data; src/graphql/routing-rule.type.ts exposes each as the GraphQL type of the
// same name (its class implements the interface, so the two agree by the compiler).
import { OwnerParty } from '../../domain/enums';

/** One row of the ownership routing table. Rules are evaluated by position; the first match wins. */
export interface RoutingRuleRecord {
  id: string;
  version: number;
  isActive: boolean;
  position: number;
  owner: OwnerParty;
  conditions: Array<Record<string, unknown>>;
  reason: string;
}
