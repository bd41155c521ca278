// What the use cases return, as plain data; src/graphql/admin.type.ts exposes each as the GraphQL type of the
// same name (its class implements the interface, so the two agree by the compiler).
import { ActorRole, AdminAction, AdminEntityType, OwnerParty, TicketCategory } from '../../domain/enums';
import type { SlaSimulationExample, SlaSimulationGroup } from '../../rules/sla-simulation.rule';

// The SLA simulation's examples and groups are the rule's own records (src/rules/sla-simulation.rule.ts).
export type { SlaSimulationExample, SlaSimulationGroup };

/** One change of the reference data by an admin, written in the change's own transaction. */
export interface AdminAuditEntry {
  id: string;
  actorRole: ActorRole;
  actorId: string | null;
  entityType: AdminEntityType;
  entityId: string;
  version: number;
  action: AdminAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  createdAt: Date;
}

/** A replayed ticket whose routing would change. */
export interface RoutingSimulationExample {
  ticketId: string;
  number: string;
  fromRule: string;
  toRule: string;
}

/** Replayed tickets of one category that would move from one owner to another (the same owner: only the rule changes). */
export interface RoutingSimulationGroup {
  category: TicketCategory;
  fromOwner: OwnerParty;
  toOwner: OwnerParty;
  count: number;
  examples: RoutingSimulationExample[];
}

/** What a proposed routing table would have done to past tickets. Nothing was written. */
export interface RoutingSimulationResult {
  problems: string[];
  ticketsReplayed: number;
  ticketsWithoutIntakeFacts: number;
  changedOwner: number;
  changedRuleOnly: number;
  groups: RoutingSimulationGroup[];
}

/** What a proposed SLA policy set would have made of past answered clocks. Nothing was written. */
export interface SlaSimulationResult {
  problems: string[];
  clocksCompared: number;
  breachedInsteadOfMet: number;
  metInsteadOfBreached: number;
  notMeasured: number;
  groups: SlaSimulationGroup[];
}
