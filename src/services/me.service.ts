import { CallerPrincipal, isPlatformStaff } from '../auth/principal';
import { assertNever, PrincipalRole } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import type { Me } from './views/me.view';
import { RequestContext } from './request-context';

const SELLER_VIEW =
  'tickets about orders it sold (also after an escalation), and those orders; PUBLIC messages; customers reached through a relay e-mail address, without phone or payment data';

function scopeOf(principal: CallerPrincipal): string {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return 'Your own tickets and orders, and their PUBLIC messages. You open tickets on your orders, write, claim, reopen and rate.';
    case PrincipalRole.SELLER:
      return `As a seller: ${SELLER_VIEW}. You reply and change status while you own a ticket, and hand it up to the platform.`;
    case PrincipalRole.CARRIER:
      return 'As a carrier: tickets you own or owned, and orders you carry a parcel of; shipment and delivery address only, no payment data and no prices. You reply while you own a ticket, and hand it up.';
    case PrincipalRole.AGENT:
      return 'As a platform agent: everything, INTERNAL notes included; every action on tickets.';
    case PrincipalRole.ADMIN:
      return 'As an admin: everything, INTERNAL notes included; policies, rules, calendars, webhooks and API keys.';
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null
        ? 'As a platform API key: every ticket, order and event (INTERNAL notes excepted); order and shipment sync; webhooks in the platform scope.'
        : `As the API key of seller ${toGlobalId('Seller', principal.sellerId)}: what that seller sees, ${SELLER_VIEW}; webhooks in its scope.`;
    default:
      return assertNever(principal);
  }
}

function partyIdOf(principal: CallerPrincipal): string {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return toGlobalId('Customer', principal.customerId);
    case PrincipalRole.SELLER:
      return toGlobalId('Seller', principal.sellerId);
    case PrincipalRole.CARRIER:
      return toGlobalId('Carrier', principal.carrierId);
    case PrincipalRole.AGENT:
      return principal.agentId;
    case PrincipalRole.ADMIN:
      return principal.adminId;
    case PrincipalRole.INTEGRATION:
      return toGlobalId('ApiKey', principal.apiKeyId);
    default:
      return assertNever(principal);
  }
}

export class MeService {
  /** Reads nothing: everything it says comes from the authenticated principal. */
  describe(ctx: RequestContext): Me {
    const { principal } = ctx;
    if (principal.role === PrincipalRole.SYSTEM) throw new Error("The service's own work has no Me: it is no caller of the API");
    return {
      role: principal.role,
      partyId: partyIdOf(principal),
      customerId: principal.role === PrincipalRole.CUSTOMER ? principal.customerId : null,
      sellerId: principal.role === PrincipalRole.SELLER || principal.role === PrincipalRole.INTEGRATION ? principal.sellerId : null,
      carrierId: principal.role === PrincipalRole.CARRIER ? principal.carrierId : null,
      scope: scopeOf(principal),
      seesInternalNotes: isPlatformStaff(principal),
    };
  }
}
