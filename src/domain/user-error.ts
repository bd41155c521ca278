// The expected outcomes of a use case: a refusal names its code, the input field at fault and a message for a
// person. Plain data below the services; src/graphql/user-error.type.ts exposes it as the UserError type.

export enum UserErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  ORDER_NOT_FOUND = 'ORDER_NOT_FOUND',
  CUSTOMER_NOT_FOUND = 'CUSTOMER_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  BODY_EMPTY = 'BODY_EMPTY',
  BODY_TOO_LONG = 'BODY_TOO_LONG',
  TOO_MANY_ATTACHMENTS = 'TOO_MANY_ATTACHMENTS',
  INVALID_ATTACHMENT = 'INVALID_ATTACHMENT',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NOT_OWNER = 'NOT_OWNER',
  ALREADY_OWNER = 'ALREADY_OWNER',
  NOT_ESCALATABLE = 'NOT_ESCALATABLE',
  CLAIM_NOT_ELIGIBLE = 'CLAIM_NOT_ELIGIBLE',
  ALREADY_RATED = 'ALREADY_RATED',
  NOT_RATEABLE = 'NOT_RATEABLE',
  TICKET_CLOSED = 'TICKET_CLOSED',
  /** The caller's role may not do this on a ticket it can see (an INTERNAL note by a non-agent, a rating by anyone but the customer). */
  NOT_PERMITTED = 'NOT_PERMITTED',
  /** The webhook endpoint is disabled: enable it first. */
  ENDPOINT_DISABLED = 'ENDPOINT_DISABLED',
  /** No carrier has this id. */
  CARRIER_NOT_FOUND = 'CARRIER_NOT_FOUND',
  /** Another order (another externalId) already has this order number. */
  ORDER_NUMBER_TAKEN = 'ORDER_NUMBER_TAKEN',
  /** The input conflicts with data already stored (a database constraint refused it); the message says which field. */
  CONFLICT = 'CONFLICT',
  /** The idempotency key was used before by this caller with another input (as Stripe answers): use a new key. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  NOT_PLATFORM_TICKET = 'NOT_PLATFORM_TICKET',
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  AGENT_NOT_IN_TEAM = 'AGENT_NOT_IN_TEAM',
  AGENT_NOT_FOUND = 'AGENT_NOT_FOUND',
  NOT_QUEUED = 'NOT_QUEUED',
  CALLBACK_ALREADY_SCHEDULED = 'CALLBACK_ALREADY_SCHEDULED',
  NO_CALLBACK_SLOT = 'NO_CALLBACK_SLOT',
  NO_SCHEDULED_CALLBACK = 'NO_SCHEDULED_CALLBACK',
  CALLBACK_NOT_ALLOWED = 'CALLBACK_NOT_ALLOWED',
  INVALID_PHONE_NUMBER = 'INVALID_PHONE_NUMBER',
}
/** An expected reason a use case was refused; nothing was written when any is returned. */
export interface UserError {
  code: UserErrorCode;
  /** Input field at fault, as a dotted path (e.g. `input.body`). */
  field: string | null;
  message: string;
  /** When the refused action will become possible, if it will (claims). */
  eligibleAt?: Date | null;
  /** For INVALID_TRANSITION: the statuses the ticket may move to now. */
  allowedStatuses?: string[] | null;
}

export function userError(code: UserErrorCode, message: string, field: string | null = null, extra: Partial<UserError> = {}): UserError {
  return { code, field, message, ...extra };
}

/** The outcome of a mutation service call: the record on success, or the reasons it was refused. */
export type MutationResult<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export const succeeded = <T>(value: T): MutationResult<T> => ({ ok: true, value });
export const refused = <T>(...userErrors: UserError[]): MutationResult<T> => ({ ok: false, userErrors });
