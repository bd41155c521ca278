import { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from 'pino';
import { VALIDATION_ABORTED_EXPLAINED, VALIDATION_ABORTED_MESSAGE } from './armor';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED', 'SUBSCRIBER_TOO_SLOW',
]);

/**
 * The one place unexpected failures become client errors: the message and code of known errors pass, anything
 * else is logged with its stack and reaches the client as INTERNAL_SERVER_ERROR without details.
 */
export function createErrorFormatter(log: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (PUBLIC_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      const message = formatted.message === VALIDATION_ABORTED_MESSAGE ? VALIDATION_ABORTED_EXPLAINED : formatted.message;
      return { ...formatted, message, extensions };
    }
    const original = unwrapResolverError(error);
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: exposeDetails && original instanceof Error ? original.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Results as graphql-ws sends them, through `formatError`. A subscription group hands one result object to all
 * its members: it is formatted (and an unexpected error logged) once, and copied once into plain objects:
 * graphql-js builds results from null-prototype objects, which JSON.stringify serialises on its slow path, and
 * graphql-ws serialises the result again for every member's message.
 */
export function createSharedResultFormatter(formatError: ReturnType<typeof createErrorFormatter>) {
  const formattedResults = new WeakMap<ExecutionResult, FormattedExecutionResult>();
  return (result: ExecutionResult): FormattedExecutionResult => {
    let formatted = formattedResults.get(result);
    if (formatted === undefined) {
      const errors = result.errors?.map((error) => formatError(error.toJSON(), error));
      formatted = JSON.parse(JSON.stringify(errors ? { ...result, errors } : result)) as FormattedExecutionResult;
      formattedResults.set(result, formatted);
    }
    return formatted;
  };
}
