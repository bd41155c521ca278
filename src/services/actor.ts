import { Principal, principalPartyId } from '../auth/principal';
import { ActorRole, PrincipalRole } from '../domain/enums';

/** Who caused an event, as stored on TicketEvent (`actor_role`, `actor_id`). */
export interface Actor {
  role: ActorRole;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { role: ActorRole.SYSTEM, id: null };

/** Every principal's role is an actor role of the same name. */
const ACTOR_ROLE_OF: Record<PrincipalRole, ActorRole> = {
  CUSTOMER: ActorRole.CUSTOMER,
  SELLER: ActorRole.SELLER,
  CARRIER: ActorRole.CARRIER,
  AGENT: ActorRole.AGENT,
  ADMIN: ActorRole.ADMIN,
  INTEGRATION: ActorRole.INTEGRATION,
  SYSTEM: ActorRole.SYSTEM,
};

/** The service's own work is recorded as SYSTEM without an id, whichever job it was. */
export function actorOf(principal: Principal): Actor {
  if (principal.role === PrincipalRole.SYSTEM) return SYSTEM_ACTOR;
  return { role: ACTOR_ROLE_OF[principal.role], id: principalPartyId(principal) };
}
