import { PrincipalRole, assertNever } from '../domain/enums';
import { SqlParameters } from '../db/sql-parameters';
import { Principal } from './principal';

// DESIGN §7 as SQL predicates. Every read of tickets, orders and customers goes through one of these, so a
// record outside the caller's scope never leaves the database: it does not exist for the caller.

/** Tickets the principal may see, as a predicate over the `tickets` row aliased `alias`. */
export function ticketScopeSql(principal: Principal, alias: string, parameters: SqlParameters): string {
  switch (principal.role) {
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'true';
    case PrincipalRole.CUSTOMER:
      return `${alias}.customer_id = ${parameters.add(principal.customerId)}`;
    case PrincipalRole.SELLER:
      // Tickets on orders it sold, also after an escalation moved them to the platform.
      return `${alias}.seller_id = ${parameters.add(principal.sellerId)}`;
    case PrincipalRole.CARRIER:
      // Tickets it owns or owned.
      return `${alias}.involved_carrier_ids @> ARRAY[${parameters.add(principal.carrierId)}::bigint]`;
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null ? 'true' : `${alias}.seller_id = ${parameters.add(principal.sellerId)}`;
    default:
      return assertNever(principal);
  }
}

/** Orders the principal may see, as a predicate over the `orders` row aliased `alias`. */
export function orderScopeSql(principal: Principal, alias: string, parameters: SqlParameters): string {
  switch (principal.role) {
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
