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
};

export function actorOf(principal: Principal): Actor {
  return { role: ACTOR_ROLE_OF[principal.role], id: principalPartyId(principal) };
}
