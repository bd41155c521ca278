import { PrincipalRole, TicketCategory } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { RoutingSimulationResult } from './views/admin.view';
import { BadUserInputError, ForbiddenError } from '../domain/errors';
import { SimulateRoutingTableParams } from './params/admin.params';
import { shadowedRoutingRuleProblems } from '../rules/reference-data-validation.rule';
import { RoutedTicket, simulateRouting } from '../rules/routing-simulation.rule';
import { OrderFacts, RoutingRule, routingTableProblems } from '../rules/routing.rule';
import { RequestContext } from './request-context';

const DEFAULT_WINDOW_DAYS = 30;
const DEFAULT_LIMIT = 1000;
const MAXIMUM_LIMIT = 10_000;

interface FactsRow {
  ticket_id: string;
  number: string;
  category: TicketCategory;
  classification_confidence: number;
  category_is_guess: boolean;
  order_facts: OrderFactsJson | null;
  owner_party: RoutedTicket['owner'];
  routing_rule_id: string;
  routed_at: Date;
}

type Dated<T> = { [Key in keyof T]: T[Key] extends Date | null ? string | null : T[Key] };
type OrderFactsJson = Omit<Dated<OrderFacts>, 'shipment' | 'return'> & {
  shipment: Dated<NonNullable<OrderFacts['shipment']>> | null;
  return: Dated<NonNullable<OrderFacts['return']>> | null;
};

/** `simulateRoutingTable` (admins): a proposed table tried on past tickets' intake facts; reads only. */
export class RoutingSimulationService {
  async simulateRoutingTable(ctx: RequestContext, input: SimulateRoutingTableParams): Promise<RoutingSimulationResult> {
    if (ctx.principal.role !== PrincipalRole.ADMIN) throw new ForbiddenError('Routing simulations are for admins');
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAXIMUM_LIMIT)
      throw new BadUserInputError(`limit must be between 1 and ${MAXIMUM_LIMIT} (was ${limit})`, 'input.limit');
    const until = input.until ?? ctx.now();
    const since = input.since ?? new Date(until.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    const rules: RoutingRule[] = input.rules.map((rule) => ({
      id: rule.id,
      version: 1,
      position: rule.position,
      owner: rule.owner,
      when: rule.conditions,
      reason: rule.reason,
    }));
    const problems = [...routingTableProblems(rules), ...shadowedRoutingRuleProblems(rules)];
    if (problems.length > 0)
      return { problems, ticketsReplayed: 0, ticketsWithoutIntakeFacts: 0, changedOwner: 0, changedRuleOnly: 0, groups: [] };
    const [rows, [{ without }]] = await Promise.all([
      ctx.dataSource.query<FactsRow[]>(
        `SELECT f.ticket_id::text, t.number, f.category, f.classification_confidence, f.category_is_guess, f.order_facts, f.owner_party, f.routing_rule_id, f.routed_at
         FROM ticket_routing_facts f JOIN tickets t ON t.id = f.ticket_id
         WHERE f.routed_at >= $1 AND f.routed_at < $2 ORDER BY f.routed_at, f.ticket_id LIMIT $3`,
        [since, until, limit],
      ),
      ctx.dataSource.query<Array<{ without: number }>>(
        `SELECT count(*)::int AS without FROM tickets t
         WHERE t.created_at >= $1 AND t.created_at < $2 AND NOT EXISTS (SELECT 1 FROM ticket_routing_facts f WHERE f.ticket_id = t.id)`,
        [since, until],
      ),
    ]);
    const simulation = simulateRouting(rows.map(routedTicketOf), rules);
    return {
      problems: [],
      ticketsReplayed: simulation.replayed,
      ticketsWithoutIntakeFacts: without,
      changedOwner: simulation.changedOwner,
      changedRuleOnly: simulation.changedRuleOnly,
      groups: simulation.groups.map((group) => ({
        ...group,
        examples: group.examples.map((example) => ({ ...example, ticketId: toGlobalId('Ticket', example.ticketId) })),
      })),
    };
  }
}

function routedTicketOf(row: FactsRow): RoutedTicket {
  return {
    ticketId: row.ticket_id,
    number: row.number,
    facts: {
      category: row.category,
      confidence: row.classification_confidence,
      isGuess: row.category_is_guess,
      order: row.order_facts === null ? null : orderFactsOf(row.order_facts),
    },
    routedAt: row.routed_at,
    owner: row.owner_party,
    ruleId: row.routing_rule_id,
  };
}

const dateOf = (value: string | null) => (value === null ? null : new Date(value));

/** Order facts as stored in jsonb, dates revived. */
function orderFactsOf(json: OrderFactsJson): OrderFacts {
  return {
    ...json,
    promisedDeliveryAt: dateOf(json.promisedDeliveryAt),
    shipment:
      json.shipment === null
        ? null
        : { ...json.shipment, shippedAt: dateOf(json.shipment.shippedAt), deliveredAt: dateOf(json.shipment.deliveredAt) },
    return:
      json.return === null
        ? null
        : {
            ...json.return,
            requestedAt: dateOf(json.return.requestedAt),
            receivedAt: dateOf(json.return.receivedAt),
            refundedAt: dateOf(json.return.refundedAt),
          },
  };
}
