import { Principal } from '../auth/principal';
import { PrincipalRole } from '../domain/enums';
import { UserError, UserErrorCode, userError } from '../domain/user-error';

// What every platform-staff change of a ticket with a reason checks before it locks the ticket
// (changeTicketPriority, reclassifyTicket): the caller is an agent or an admin, and the reason is 1–1,000 characters.

export const MAXIMUM_REASON_CHARACTERS = 1000;

/** The refusals, empty when the change may go ahead; `action` completes "Only platform agents and admins …". */
export function staffChangeRefusals(principal: Principal, reason: string, action: string): UserError[] {
  if (principal.role !== PrincipalRole.AGENT && principal.role !== PrincipalRole.ADMIN) {
    return [userError(UserErrorCode.NOT_PERMITTED, `Only platform agents and admins ${action}`, 'input.ticketId')];
  }
  const trimmed = reason.trim();
  if (trimmed.length === 0 || [...trimmed].length > MAXIMUM_REASON_CHARACTERS) {
    return [userError(UserErrorCode.INVALID_INPUT, `reason must be 1–${MAXIMUM_REASON_CHARACTERS} characters`, 'input.reason')];
  }
  return [];
}
