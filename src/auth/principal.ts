import { ApiKeyPermission, assertNever, PrincipalRole } from '../domain/enums';
import { ForbiddenError } from '../domain/errors';

// Who is calling, as docs/security.md "Principals" names them. Each variant carries exactly the party id its scope needs.
export type Principal =
  | { role: PrincipalRole.CUSTOMER; customerId: string }
  | { role: PrincipalRole.SELLER; sellerId: string }
  | { role: PrincipalRole.CARRIER; carrierId: string }
  | { role: PrincipalRole.AGENT; agentId: string }
  | { role: PrincipalRole.ADMIN; adminId: string }
  /** An integration's API key: scoped to one seller, or (sellerId null) to the platform; a platform key may hold permissions. */
  | { role: PrincipalRole.INTEGRATION; apiKeyId: string; sellerId: string | null; permissions: readonly ApiKeyPermission[] }
  /** The service's own work (a job, a timer), named by `work`: it sees everything and acts in the SYSTEM cells of the rule tables. */
  | { role: PrincipalRole.SYSTEM; work: string };

/** A principal a credential can carry: every one but SYSTEM. */
export type CallerPrincipal = Exclude<Principal, { role: PrincipalRole.SYSTEM }>;

/** The principal of background work: what jobs and timers pass to the use cases they run (`work` names the job). */
export function systemPrincipal(work: string): Principal {
  return { role: PrincipalRole.SYSTEM, work };
}

/** For use cases only the service's own work runs (the close job, the timers): anyone else is refused. */
export function assertSystemPrincipal(principal: Principal, work: string): void {
  if (principal.role !== PrincipalRole.SYSTEM) throw new ForbiddenError(`${work} is the service's own work, run by its jobs`);
}

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
    case PrincipalRole.SYSTEM:
      return principal.work;
    default:
      return assertNever(principal);
  }
}

/** Platform staff, platform-scoped integrations and the service's own work see every ticket. */
export function seesEverything(principal: Principal): boolean {
  return (
    principal.role === PrincipalRole.SYSTEM ||
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

/** Platform agents and admins, and the service's own work: the only principals that see INTERNAL notes. */
export function isPlatformStaff(principal: Principal): boolean {
  return principal.role === PrincipalRole.AGENT || principal.role === PrincipalRole.ADMIN || principal.role === PrincipalRole.SYSTEM;
}

/** A platform API key given CALLBACK_PHONE_NUMBERS (the SMS and phone notifier): reads callback numbers whole. */
export function readsCallbackPhoneNumbers(principal: Principal): boolean {
  return (
    principal.role === PrincipalRole.INTEGRATION &&
    principal.sellerId === null &&
    principal.permissions.includes(ApiKeyPermission.CALLBACK_PHONE_NUMBERS)
  );
}
