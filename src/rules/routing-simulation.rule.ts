// Trying a routing table before publishing it (issue #16): past tickets' intake facts replayed through a proposed
// table, each at the instant it was routed (time-dependent conditions read that instant), compared with the
// decision intake made. Pure; the service reads the facts and writes nothing.

import { OwnerParty, TicketCategory } from '../domain/enums';
import { route, RoutingFacts, RoutingRule } from './routing.rule';

/** A past ticket as intake saw it. */
export interface RoutedTicket {
  ticketId: string;
  number: string;
  facts: RoutingFacts;
  routedAt: Date;
  owner: OwnerParty;
  ruleId: string;
}

export interface SimulatedChange {
  ticketId: string;
  number: string;
  fromRule: string;
  toRule: string;
}

/** Tickets of one category whose decision would change from one owner to another (the same owner: only the rule changes). */
export interface SimulatedGroup {
  category: TicketCategory;
  fromOwner: OwnerParty;
  toOwner: OwnerParty;
  count: number;
  /** The first few, oldest first. */
  examples: SimulatedChange[];
}

export interface RoutingSimulation {
  replayed: number;
  /** Would get another owner. */
  changedOwner: number;
  /** Would keep the owner but be routed by another rule. */
  changedRuleOnly: number;
  /** Largest groups first, then by category and owners. */
  groups: SimulatedGroup[];
}

export const SIMULATION_EXAMPLES_PER_GROUP = 3;

export function simulateRouting(tickets: readonly RoutedTicket[], rules: readonly RoutingRule[]): RoutingSimulation {
  const groups = new Map<string, SimulatedGroup>();
  let changedOwner = 0;
  let changedRuleOnly = 0;
  for (const ticket of tickets) {
    const decision = route(ticket.facts, rules, ticket.routedAt);
    if (decision.owner === ticket.owner && decision.ruleId === ticket.ruleId) continue;
    if (decision.owner !== ticket.owner) changedOwner += 1;
    else changedRuleOnly += 1;
    const key = `${ticket.facts.category}|${ticket.owner}|${decision.owner}`;
    let group = groups.get(key);
    if (!group) {
      group = { category: ticket.facts.category, fromOwner: ticket.owner, toOwner: decision.owner, count: 0, examples: [] };
      groups.set(key, group);
    }
    group.count += 1;
    if (group.examples.length < SIMULATION_EXAMPLES_PER_GROUP)
      group.examples.push({ ticketId: ticket.ticketId, number: ticket.number, fromRule: ticket.ruleId, toRule: decision.ruleId });
  }
  const ordered = [...groups.values()].sort(
    (left, right) =>
      right.count - left.count ||
      compare(left.category, right.category) ||
      compare(left.fromOwner, right.fromOwner) ||
      compare(left.toOwner, right.toOwner),
  );
  return { replayed: tickets.length, changedOwner, changedRuleOnly, groups: ordered };
}

const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
