import { Principal } from '../auth/principal';
import { assertNever, OwnerParty, PrincipalRole } from '../domain/enums';
import { Ticket } from '../entities';
import { TransitionActor } from '../rules/ticket-status.rule';

/** The owning seller or carrier of the ticket (platform staff are handled apart). */
export function isOwningParty(principal: Principal, ticket: Ticket): boolean {
  switch (principal.role) {
    case PrincipalRole.SELLER:
      return ticket.ownerParty === OwnerParty.SELLER && ticket.sellerId === principal.sellerId;
    case PrincipalRole.CARRIER:
      return ticket.ownerParty === OwnerParty.CARRIER && ticket.carrierId === principal.carrierId;
    case PrincipalRole.CUSTOMER:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
    case PrincipalRole.INTEGRATION:
    case PrincipalRole.SYSTEM:
      return false;
    default:
      return assertNever(principal);
  }
}

/** The principal's row of the transition table for a ticket it can see; null when it may not move it at all. */
export function transitionActorOf(principal: Principal, ticket: Ticket): TransitionActor | null {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return 'CUSTOMER';
    case PrincipalRole.SELLER:
    case PrincipalRole.CARRIER:
      return isOwningParty(principal, ticket) ? 'OWNER' : null;
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'AGENT';
    case PrincipalRole.INTEGRATION:
      return null;
    case PrincipalRole.SYSTEM:
      return 'SYSTEM';
    default:
      return assertNever(principal);
  }
}
