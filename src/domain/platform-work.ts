// The platform's own work (issue #17): what its use cases answer when they refuse an expected request. Services
// return these plain values; the GraphQL layer maps them to `userErrors` (src/graphql/platform-work.type.ts).

export enum PlatformWorkRefusalCode {
  NOT_FOUND = 'NOT_FOUND',
  NOT_PERMITTED = 'NOT_PERMITTED',
  INVALID_INPUT = 'INVALID_INPUT',
  TICKET_CLOSED = 'TICKET_CLOSED',
  /** The ticket is not owned by the platform: only platform tickets are assigned or called back. */
  NOT_PLATFORM_TICKET = 'NOT_PLATFORM_TICKET',
  /** The ticket already has this assignee, or (takeNextTicket / expectUnassigned) another one. */
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  /** The agent is not a member of the team whose queue holds the ticket. */
  AGENT_NOT_IN_TEAM = 'AGENT_NOT_IN_TEAM',
  /** No agent record has this id (an admin registers agents with saveAgent). */
  AGENT_NOT_FOUND = 'AGENT_NOT_FOUND',
  /** The ticket is in no queue yet. */
  NOT_QUEUED = 'NOT_QUEUED',
  /** A callback is already scheduled on the ticket. */
  CALLBACK_ALREADY_SCHEDULED = 'CALLBACK_ALREADY_SCHEDULED',
  /** No slot of the team's support hours is free within the scheduling horizon. */
  NO_CALLBACK_SLOT = 'NO_CALLBACK_SLOT',
  /** The ticket has no scheduled callback to record an outcome for. */
  NO_SCHEDULED_CALLBACK = 'NO_SCHEDULED_CALLBACK',
  /** The caller may not ask for (or record) a callback on this ticket: sellers, carriers and their keys never; outcomes are agents' only. */
  CALLBACK_NOT_ALLOWED = 'CALLBACK_NOT_ALLOWED',
  /** The phone number cannot be called (not a valid number, or a premium-rate or similar number). */
  INVALID_PHONE_NUMBER = 'INVALID_PHONE_NUMBER',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
}

export interface PlatformWorkRefusal {
  code: PlatformWorkRefusalCode;
  /** Input field at fault, as a dotted path (e.g. `input.agentId`). */
  field: string | null;
  message: string;
}

export type PlatformWorkResult<T> = { ok: true; value: T } | { ok: false; refusals: PlatformWorkRefusal[] };

export const workDone = <T>(value: T): PlatformWorkResult<T> => ({ ok: true, value });
export const workRefused = <T>(code: PlatformWorkRefusalCode, message: string, field: string | null = null): PlatformWorkResult<T> => ({
  ok: false,
  refusals: [{ code, field, message }],
});

/**
 * A request the caller's role may never make (a seller asking for the platform's teams). graphql-js copies
 * `extensions` of a thrown error, so the one formatter answers FORBIDDEN without this layer knowing GraphQL.
 */
export class AccessDeniedError extends Error {
  readonly extensions = { code: 'FORBIDDEN' };
}
