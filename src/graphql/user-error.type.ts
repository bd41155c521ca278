import { Field, ObjectType, registerEnumType } from 'type-graphql';

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
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation did not do what was asked; nothing was written.',
  valuesConfig: {
    CARRIER_NOT_FOUND: { description: 'No carrier has this id.' },
    ORDER_NUMBER_TAKEN: { description: 'Another order (another externalId) already has this order number.' },
    CONFLICT: { description: 'The input conflicts with data already stored (a database constraint refused it); `field` says where.' },
  },
});

@ObjectType({ description: 'An expected reason a mutation was refused. Nothing was written when any is returned.' })
export class UserError {
  @Field(() => UserErrorCode)
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
