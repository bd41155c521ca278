import { UserError, userError, UserErrorCode } from '../domain/user-error';

/**
 * Optimistic concurrency of every ticket change: a caller that names the version it read (`expectedVersion`) is
 * refused when the ticket has moved on since; a caller that names none is not checked. Pure.
 */
export function ticketVersionConflict(ticket: { version: number }, expectedVersion: number | null | undefined): UserError[] {
  if (expectedVersion === undefined || expectedVersion === null || ticket.version === expectedVersion) return [];
  return [
    userError(
      UserErrorCode.VERSION_CONFLICT,
      `The ticket changed: it is at version ${ticket.version}, not ${expectedVersion}`,
      'input.expectedVersion',
    ),
  ];
}
