import { CALLBACK_EVENT_TYPES, PLATFORM_WORK_EVENT_TYPES, PrincipalRole, assertNever } from '../domain/enums';
import { SqlParameters } from '../db/sql-parameters';
import { Principal } from './principal';

// Who sees what (docs/security.md) as SQL predicates. Every read of tickets, orders and customers goes through one of these, so a
// record outside the caller's scope never leaves the database: it does not exist for the caller.

/** Tickets the principal may see, as a predicate over the `tickets` row aliased `alias`. */
export function ticketScopeSql(principal: Principal, alias: string, parameters: SqlParameters): string {
  switch (principal.role) {
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'true';
    case PrincipalRole.CUSTOMER:
      return `${alias}.customer_id = ${parameters.add(principal.customerId)}`;
    case PrincipalRole.SELLER:
      // Tickets on orders it sold, also after an escalation moved them to the platform.
      return `${alias}.seller_id = ${parameters.add(principal.sellerId)}`;
    case PrincipalRole.CARRIER:
      // Tickets it owns or owned. `<> '{}'` (implied by the containment) is the predicate of the partial
      // tickets_involved_carriers_idx, stated so that the planner may use it.
      return `(${alias}.involved_carrier_ids @> ARRAY[${parameters.add(principal.carrierId)}::bigint] AND ${alias}.involved_carrier_ids <> '{}')`;
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null ? 'true' : `${alias}.seller_id = ${parameters.add(principal.sellerId)}`;
    default:
      return assertNever(principal);
  }
}

/** Orders the principal may see, as a predicate over the `orders` row aliased `alias`. */
export function orderScopeSql(principal: Principal, alias: string, parameters: SqlParameters): string {
  switch (principal.role) {
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'true';
    case PrincipalRole.CUSTOMER:
      return `${alias}.customer_id = ${parameters.add(principal.customerId)}`;
    case PrincipalRole.SELLER:
      return `${alias}.sold_by_seller_id = ${parameters.add(principal.sellerId)}`;
    case PrincipalRole.CARRIER:
      // Orders it carries a parcel of.
      return `EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = ${alias}.id AND s.carrier_id = ${parameters.add(principal.carrierId)})`;
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null ? 'true' : `${alias}.sold_by_seller_id = ${parameters.add(principal.sellerId)}`;
    default:
      return assertNever(principal);
  }
}

/** Customers the principal may see: itself, or those with a ticket or order in the principal's scope. */
export function customerScopeSql(principal: Principal, alias: string, parameters: SqlParameters): string {
  switch (principal.role) {
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'true';
    case PrincipalRole.CUSTOMER:
      return `${alias}.id = ${parameters.add(principal.customerId)}`;
    case PrincipalRole.SELLER:
    case PrincipalRole.CARRIER:
    case PrincipalRole.INTEGRATION:
      return `(EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = ${alias}.id AND ${ticketScopeSql(principal, 't', parameters)})
        OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = ${alias}.id AND ${orderScopeSql(principal, 'o', parameters)}))`;
    default:
      return assertNever(principal);
  }
}

/** The columns of a ticket that decide who sees it: what `ticketScopeSql` reads, for checks outside SQL. */
export interface TicketScopeColumns {
  customerId: string;
  sellerId: string | null;
  involvedCarrierIds: string[];
}

/**
 * `ticketScopeSql` evaluated in memory, for events already read (the subscription fan-out checks one batch of
 * events against many subscribers without a query each). The two must agree: test/integration/scope-agreement
 * compares them on every principal kind. Ids are canonical decimal strings on both sides.
 */
export function isTicketInScope(principal: Principal, ticket: TicketScopeColumns): boolean {
  switch (principal.role) {
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return true;
    case PrincipalRole.CUSTOMER:
      return ticket.customerId === principal.customerId;
    case PrincipalRole.SELLER:
      return ticket.sellerId === principal.sellerId;
    case PrincipalRole.CARRIER:
      return ticket.involvedCarrierIds.includes(principal.carrierId);
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null || ticket.sellerId === principal.sellerId;
    default:
      return assertNever(principal);
  }
}

/**
 * Events of a visible ticket the principal may see, as a predicate over the `ticket_events` row aliased `alias`:
 * an INTERNAL note is invisible to non-staff, and so is the MESSAGE_POSTED event that announces it. The
 * platform's own work (queue and assignee events) is seen by staff and platform integrations only; callback
 * events also by the customer, never by sellers, carriers or their integrations.
 */
export function eventVisibilitySql(principal: Principal, alias: string): string {
  switch (eventView(principal)) {
    case 'STAFF':
      return 'true';
    case 'PLATFORM_INTEGRATION':
      return `NOT ${internalNoteEventSql(alias)}`;
    case 'CUSTOMER':
      return `NOT ${internalNoteEventSql(alias)} AND NOT ${typeInSql(alias, PLATFORM_WORK_EVENT_TYPES)}`;
    case 'PARTY':
      return `NOT ${internalNoteEventSql(alias)} AND NOT ${typeInSql(alias, [...PLATFORM_WORK_EVENT_TYPES, ...CALLBACK_EVENT_TYPES])}`;
  }
}

/** Which events a principal sees: every one, all but INTERNAL notes, also without the platform's work, or also without callbacks. */
type EventView = 'STAFF' | 'PLATFORM_INTEGRATION' | 'CUSTOMER' | 'PARTY';

function eventView(principal: Principal): EventView {
  switch (principal.role) {
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'STAFF';
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null ? 'PLATFORM_INTEGRATION' : 'PARTY';
    case PrincipalRole.CUSTOMER:
      return 'CUSTOMER';
    case PrincipalRole.SELLER:
    case PrincipalRole.CARRIER:
      return 'PARTY';
    default:
      return assertNever(principal);
  }
}

function internalNoteEventSql(alias: string): string {
  return `(${alias}.type = 'MESSAGE_POSTED' AND ${alias}.payload->>'visibility' = 'INTERNAL')`;
}

/** The event types are constants of the domain, never client input. */
function typeInSql(alias: string, types: readonly string[]): string {
  return `(${alias}.type IN (${types.map((type) => `'${type}'`).join(', ')}))`;
}

/** `eventVisibilitySql` in memory. */
export function isEventVisible(principal: Principal, event: { type: string; payload: Record<string, unknown> }): boolean {
  const internalNote = event.type === 'MESSAGE_POSTED' && event.payload.visibility === 'INTERNAL';
  const platformWork = (PLATFORM_WORK_EVENT_TYPES as readonly string[]).includes(event.type);
  const callback = (CALLBACK_EVENT_TYPES as readonly string[]).includes(event.type);
  switch (eventView(principal)) {
    case 'STAFF':
      return true;
    case 'PLATFORM_INTEGRATION':
      return !internalNote;
    case 'CUSTOMER':
      return !internalNote && !platformWork;
    case 'PARTY':
      return !internalNote && !platformWork && !callback;
  }
}

/**
 * Tickets whose events a webhook endpoint (aliased `endpoint`, over the ticket aliased `ticket`) receives: an
 * endpoint acts as an integration of its scope, so this is `ticketScopeSql` of an INTEGRATION principal with the
 * endpoint's seller (null: the platform). Its events are filtered with the integration's `eventVisibilitySql`.
 */
export function webhookEndpointScopeSql(endpoint: string, ticket: string): string {
  return `(${endpoint}.seller_id IS NULL OR ${ticket}.seller_id = ${endpoint}.seller_id)`;
}

/**
 * `webhookEndpointScopeSql` for the event of the ticket whose id is the SQL expression `ticketId`, the ticket read
 * from `tickets` (a relation with id and seller_id) only for a seller's endpoint: a platform endpoint sees every
 * ticket, and an event with no endpoint to go to reads no ticket at all.
 */
export function webhookEndpointSeesTicketSql(endpoint: string, ticketId: string, tickets: string): string {
  return `(${endpoint}.seller_id IS NULL OR EXISTS (SELECT 1 FROM ${tickets} ticket WHERE ticket.id = ${ticketId} AND ${webhookEndpointScopeSql(endpoint, 'ticket')}))`;
}

/**
 * Events a webhook endpoint (aliased `endpoint`) may receive, over the `ticket_events` row aliased `alias`: the view
 * of an integration of its scope (`eventVisibilitySql`), a platform endpoint's or a seller's.
 */
export function webhookEventVisibilitySql(alias: string, endpoint: string): string {
  const partyHides = typeInSql(alias, [...PLATFORM_WORK_EVENT_TYPES, ...CALLBACK_EVENT_TYPES]);
  return `NOT ${internalNoteEventSql(alias)} AND (${endpoint}.seller_id IS NULL OR NOT ${partyHides})`;
}

/**
 * Webhook endpoints the principal manages, as a predicate over the `webhook_endpoints` row aliased `alias`:
 * admins all of them, an API key those of its own scope (a seller's, or the platform's). Nobody else manages
 * webhooks; the services refuse them before asking.
 */
export function managedWebhookEndpointsSql(principal: Principal, alias: string, parameters: SqlParameters): string {
  switch (principal.role) {
    case PrincipalRole.ADMIN:
      return 'true';
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null ? `${alias}.seller_id IS NULL` : `${alias}.seller_id = ${parameters.add(principal.sellerId)}`;
    case PrincipalRole.CUSTOMER:
    case PrincipalRole.SELLER:
    case PrincipalRole.CARRIER:
    case PrincipalRole.AGENT:
    case PrincipalRole.SYSTEM:
      return 'false';
    default:
      return assertNever(principal);
  }
}

/** Whose SLA scorecard a request names: a party and, for a seller or carrier, its id. */
export interface ScorecardSubject {
  party: 'SELLER' | 'CARRIER' | 'PLATFORM';
  sellerId: string | null;
  carrierId: string | null;
}

/**
 * Whose SLA scorecards (`slaReport`) the principal may read: a seller (or an integration of that seller) its own,
 * a carrier its own, platform staff and platform integrations every one. Customers none. Sellers and carriers are
 * a public directory, so a refusal says nothing about existence.
 */
export function mayReadScorecard(principal: Principal, subject: ScorecardSubject): boolean {
  switch (principal.role) {
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return true;
    case PrincipalRole.CUSTOMER:
      return false;
    case PrincipalRole.SELLER:
      return subject.party === 'SELLER' && subject.sellerId === principal.sellerId;
    case PrincipalRole.CARRIER:
      return subject.party === 'CARRIER' && subject.carrierId === principal.carrierId;
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null || (subject.party === 'SELLER' && subject.sellerId === principal.sellerId);
    default:
      return assertNever(principal);
  }
}
