import { GraphQLError } from 'graphql';

// Unexpected and refused requests are thrown as GraphQLErrors with `extensions.code`; expected outcomes of a
// mutation are `userErrors` in its payload instead (see user-error.type.ts).

export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required: send `Authorization: Bearer <token>` or an API key') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** A subscriber did not keep up with its events; it resumes from the event feed. */
export class SubscriberTooSlowError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'SUBSCRIBER_TOO_SLOW' } });
  }
}
