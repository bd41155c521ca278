import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues } from './enum-values';

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
}
/** What each code means to a client that switches on it. */
const USER_ERROR_CODE_DESCRIPTIONS: Record<UserErrorCode, string> = {
  NOT_FOUND: 'The record named (`field` says which) does not exist or is not yours to see: a ticket, shipment, policy, endpoint, delivery, key…',
  ORDER_NOT_FOUND: 'The order does not exist among the customer\'s orders.',
  CUSTOMER_NOT_FOUND: 'No customer has this id (opening a ticket on a customer\'s behalf).',
  INVALID_INPUT: 'A value is malformed or out of range (length, format, unknown reference, a no-op change); `field` and `message` say which and why.',
  BODY_EMPTY: 'The message body is empty or only white space.',
  BODY_TOO_LONG: 'The message body has more than 10,000 characters.',
  TOO_MANY_ATTACHMENTS: 'More than 10 attachments on one message.',
  INVALID_ATTACHMENT: 'An attachment\'s name, content type, size (at most 25 MB), sha256 or url is malformed; `field` names it.',
  VERSION_CONFLICT: 'The ticket (or reference entry) changed since the version you gave as expectedVersion: read it again and retry.',
  INVALID_TRANSITION: 'The status move is not allowed now, or not for you; `allowedStatuses` lists the moves you may make.',
  NOT_OWNER: 'Only the owning party (or a platform agent) may do this on the ticket now, e.g. write, change the status, hand up, transfer.',
  ALREADY_OWNER: 'The ticket is already owned by the party you transfer it to.',
  NOT_ESCALATABLE: 'The ticket cannot be escalated: the platform already owns it.',
  CLAIM_NOT_ELIGIBLE: 'The customer claim is too early or too late; `message` says why and `eligibleAt` when it becomes possible, if it will.',
  ALREADY_RATED: 'The ticket was rated before; a rating is given once.',
  NOT_RATEABLE: 'Only a SOLVED or CLOSED ticket can be rated.',
  TICKET_CLOSED: 'The ticket is CLOSED: it no longer changes (write to it to open a follow-up).',
  NOT_PERMITTED: 'Your role may not do this on a record you can see (an INTERNAL note by a non-agent, a rating by anyone but the customer, an admin change by a non-admin).',
  ENDPOINT_DISABLED: 'The webhook endpoint is disabled: enable it first.',
  CARRIER_NOT_FOUND: 'No carrier has this id.',
  ORDER_NUMBER_TAKEN: 'Another order (another externalId) already has this order number.',
  CONFLICT: 'The input conflicts with data already stored (a database constraint refused it); `field` says where.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used before by you with another input: use a new key for a new request.',
  NOT_PLATFORM_TICKET: 'The ticket is not owned by the platform: only platform tickets are assigned, queued or called back.',
  ALREADY_ASSIGNED: 'The ticket already has this assignee, or another agent took it first.',
  AGENT_NOT_IN_TEAM: 'The agent is not a member of the team whose queue holds the ticket.',
  AGENT_NOT_FOUND: 'No agent is registered with this id (admins register agents with saveAgent).',
  NOT_QUEUED: 'The ticket is in no team queue yet.',
  CALLBACK_ALREADY_SCHEDULED: 'A callback is already scheduled on this ticket.',
  NO_CALLBACK_SLOT: "No slot of the team's support hours is free within the scheduling horizon (14 days), or none matches the preferred windows.",
  NO_SCHEDULED_CALLBACK: 'The ticket has no scheduled callback to record an outcome for.',
};
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation did not do what was asked; nothing was written. New codes may be added: treat an unknown one like INVALID_INPUT and show `message`.',
  valuesConfig: describedValues(USER_ERROR_CODE_DESCRIPTIONS),
});

@ObjectType({ description: 'An expected reason a mutation was refused. Nothing was written when any is returned.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'What kind of refusal, for code to switch on; see the values.' })
  code: UserErrorCode;

  @Field(() => String, { nullable: true, description: 'Input field at fault, as a dotted path (e.g. `input.body`).' })
  field: string | null;

  @Field({ description: 'What went wrong, for a person.' })
  message: string;

  @Field(() => Date, { nullable: true, description: 'When the refused action will become possible, if it will (claims).' })
  eligibleAt?: Date | null;

  @Field(() => [String], { nullable: true, description: 'For INVALID_TRANSITION: the statuses the ticket may move to now.' })
  allowedStatuses?: string[] | null;
}

export function userError(code: UserErrorCode, message: string, field: string | null = null, extra: Partial<UserError> = {}): UserError {
  return { code, field, message, ...extra };
}

/** The outcome of a mutation service call: the record on success, or the reasons it was refused. */
export type MutationResult<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export const succeeded = <T>(value: T): MutationResult<T> => ({ ok: true, value });
export const refused = <T>(...userErrors: UserError[]): MutationResult<T> => ({ ok: false, userErrors });
