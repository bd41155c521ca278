import { Principal, principalPartyId } from '../auth/principal';

/** Who caused an event, as stored on TicketEvent (`actor_role`, `actor_id`). */
export interface Actor {
  role: string;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { role: 'SYSTEM', id: null };

export function actorOf(principal: Principal): Actor {
  return { role: principal.role, id: principalPartyId(principal) };
}
