import { ApiKeyPermission, assertNever, PrincipalRole } from '../domain/enums';

// Who is calling, as docs/security.md "Principals" names them. Each variant carries exactly the party id its scope needs.
export type Principal =
  | { role: PrincipalRole.CUSTOMER; customerId: string }
  | { role: PrincipalRole.SELLER; sellerId: string }
  | { role: PrincipalRole.CARRIER; carrierId: string }
  | { role: PrincipalRole.AGENT; agentId: string }
  | { role: PrincipalRole.ADMIN; adminId: string }
  /** An integration's API key: scoped to one seller, or (sellerId null) to the platform; a platform key may hold permissions. */
  | { role: PrincipalRole.INTEGRATION; apiKeyId: string; sellerId: string | null; permissions: readonly ApiKeyPermission[] };

/** Stable `<role>:<party id>` label: the author of records and the scope of idempotency keys. */
export function principalLabel(principal: Principal): string {
  return `${principal.role}:${principalPartyId(principal)}`;
}

export function principalPartyId(principal: Principal): string {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return principal.customerId;
    case PrincipalRole.SELLER:
      return principal.sellerId;
    case PrincipalRole.CARRIER:
      return principal.carrierId;
    case PrincipalRole.AGENT:
      return principal.agentId;
    case PrincipalRole.ADMIN:
      return principal.adminId;
    case PrincipalRole.INTEGRATION:
      return principal.apiKeyId;
    default:
      return assertNever(principal);
  }
}

/** Platform staff and platform-scoped integrations see every ticket. */
export function seesEverything(principal: Principal): boolean {
  return (
    principal.role === PrincipalRole.AGENT ||
    principal.role === PrincipalRole.ADMIN ||
    (principal.role === PrincipalRole.INTEGRATION && principal.sellerId === null)
  );
}

/** The seller whose view applies: a seller, or an integration scoped to a seller. */
export function sellerScopeOf(principal: Principal): string | null {
  if (principal.role === PrincipalRole.SELLER) return principal.sellerId;
  if (principal.role === PrincipalRole.INTEGRATION) return principal.sellerId;
  return null;
}

/** Platform agents and admins; the only principals that see INTERNAL notes. */
export function isPlatformStaff(principal: Principal): boolean {
  return principal.role === PrincipalRole.AGENT || principal.role === PrincipalRole.ADMIN;
}

/** A platform API key given CALLBACK_PHONE_NUMBERS (the SMS and phone notifier): reads callback numbers whole. */
export function readsCallbackPhoneNumbers(principal: Principal): boolean {
  return principal.role === PrincipalRole.INTEGRATION && principal.sellerId === null && principal.permissions.includes(ApiKeyPermission.CALLBACK_PHONE_NUMBERS);
}
