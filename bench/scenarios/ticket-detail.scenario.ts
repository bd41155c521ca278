import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { LONG_CONVERSATION_MESSAGES } from '../generate-data';
import { measureRepeated, RequestMix } from '../load';
import { createPrng } from '../sql-random';
import { graphqlOnce, ScenarioContext } from './scenario-context';

/** S2 ticket detail as an agent's console opens it: order and shipments, 50 messages, clocks, 20 events. */
export const TICKET_DETAIL_QUERY = `query TicketDetail($id: ID!) {
  ticket(id: $id) {
    id number subject status priority category channel language ownerParty createdAt updatedAt version missingDetails
    routing { owner rule ruleVersion reason decidedAt }
    customer { id name email phone tier preferredLanguage }
    order {
      id number status placedAt promisedDeliveryAt fulfillment
      total { amount currency }
      shipments { id trackingNumber status deliveryMethod shippedAt deliveredAt carrier { id name } }
    }
    messages(first: 50) { edges { node { id authorRole visibility body createdAt } } pageInfo { hasNextPage endCursor } }
    sla { nextDueAt escalatesAt clocks { metric owner state startedAt dueAt warnAt metAt breachedAt remainingBusinessMinutes policy { id name version } } }
    events(first: 20) { edges { node { id sequence type actorRole createdAt payload } } pageInfo { hasNextPage endCursor } }
  }
}`;

export async function runTicketDetail(context: ScenarioContext) {
  const { dataSource, settings, log } = context;
  const tickets: Array<{ id: string }> = await dataSource.query(
    `SELECT t.id FROM tickets t WHERE (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id) >= ${LONG_CONVERSATION_MESSAGES} AND t.order_id IS NOT NULL ORDER BY t.id LIMIT 1000`,
  );
  if (tickets.length === 0) throw new Error('S2: no ticket with a long conversation');
  const token = await signPrincipalToken({ role: PrincipalRole.AGENT, agentId: '1' }, context.authSecret);
  const ids = tickets.map((ticket) => toGlobalId('Ticket', ticket.id));
  const check = await graphqlOnce<{ ticket: { messages: { edges: unknown[] }; events: { edges: unknown[] } } }>(
    context.server.graphqlUrl,
    token,
    TICKET_DETAIL_QUERY,
    { id: ids[0] },
  );
  if (check.errors || check.data?.ticket.messages.edges.length !== 50 || check.data.ticket.events.edges.length !== 20) {
    throw new Error(`S2 sanity check failed: ${JSON.stringify(check).slice(0, 500)}`);
  }
  log(`S2 ticket detail: ${ids.length} tickets with ≥ ${LONG_CONVERSATION_MESSAGES} messages, ${check.statements} statements per request`);
  const random = createPrng(settings.seed + 2);
  const mix: RequestMix = {
    next: () => ({
      body: JSON.stringify({ query: TICKET_DETAIL_QUERY, variables: { id: ids[Math.floor(random() * ids.length)] } }),
      token,
    }),
  };
  const oneConnection = await measureRepeated(
    context.server,
    mix,
    { connections: 1, warmupSeconds: settings.warmupSeconds, measureSeconds: settings.measureSeconds },
    settings.repetitions,
    log,
    'S2 one connection',
  );
  return { caller: 'agent JWT, a random long-conversation ticket per request', tickets: ids.length, oneConnection };
}
