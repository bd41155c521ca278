import { assertNever, PrincipalRole } from '../domain/enums';
import { Principal, readsCallbackPhoneNumbers } from './principal';

/**
 * What a principal's view of the data depends on: two principals with the same visibility identity get the same
 * answer from every scope predicate (scope.ts), every masking rule (masking.ts) and every loader, so one
 * execution of a document serves both. It is exactly the inputs of those functions and nothing coarser:
 *
 * - agents and admins: one identity (everything, INTERNAL notes included; no masking); their own ids are read by
 *   no predicate;
 * - a customer, a seller, a carrier: their party id (scope and the relay e-mail address depend on it);
 * - an integration's API key: its scope, a seller or the platform. The platform scope sees every ticket but no
 *   INTERNAL note, so it never shares with staff. A seller-scoped key reads what its seller reads today; it is
 *   still kept apart from the seller's own users, so that a rule that one day tells the two roles apart cannot
 *   leak between them. A platform key with CALLBACK_PHONE_NUMBERS reads callback numbers whole: its own identity.
 */
export function visibilityIdentityOf(principal: Principal): string {
  switch (principal.role) {
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'platform-staff';
    case PrincipalRole.SYSTEM:
      // Sees what staff see, but runs no client's documents: kept apart all the same.
      return 'system';
    case PrincipalRole.CUSTOMER:
      return `customer:${principal.customerId}`;
    case PrincipalRole.SELLER:
      return `seller:${principal.sellerId}`;
    case PrincipalRole.CARRIER:
      return `carrier:${principal.carrierId}`;
    case PrincipalRole.INTEGRATION:
      if (principal.sellerId !== null) return `integration:seller:${principal.sellerId}`;
      return readsCallbackPhoneNumbers(principal) ? 'integration:platform:callback-phone-numbers' : 'integration:platform';
    default:
      return assertNever(principal);
  }
}
