import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from 'pino';
import { isDatabaseUnavailable, isWriteRefusedAtShutdown, serviceUnavailableBody } from '../db/database-unavailable';
import { VALIDATION_ABORTED_EXPLAINED, VALIDATION_ABORTED_MESSAGE } from './armor';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'COST_LIMIT_EXCEEDED',
  'SUBSCRIBER_TOO_SLOW',
  'TOO_MANY_OPERATIONS',
]);

/** SQLSTATE classes a value sent by the client can cause: 22 data exception (out of range, malformed), 23 integrity constraint. */
const CLIENT_SQLSTATE_CLASSES: Record<string, string> = {
  '22': 'a value of the request is out of range or malformed',
  '23': 'the request conflicts with data already stored (another request may have just stored it)',
};

/** The SQLSTATE of a PostgreSQL error (pg's `code`, also on TypeORM's QueryFailedError), if the error is one. */
function sqlStateOf(error: unknown): string | null {
  const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/**
 * An Apollo refusal of the request itself (a persisted query's hash that does not match the query): a
 * GraphQLError made for the client, without a code, outside execution (no path) and caused by no exception.
 */
function isRequestRefusal(error: unknown, formatted: GraphQLFormattedError): boolean {
  return error instanceof GraphQLError && error.extensions.code === undefined && !error.originalError && formatted.path === undefined;
}

/**
 * A failure the database explains: a value of the client it refused (BAD_USER_INPUT), or the database or the
 * shutdown not letting the request run (SERVICE_UNAVAILABLE; over HTTP a 503, apollo.builder.ts). Null otherwise.
 */
function databaseCauseOf(log: Logger, original: unknown, formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const sqlState = sqlStateOf(original);
  const clientCause = sqlState === null ? undefined : CLIENT_SQLSTATE_CLASSES[sqlState.slice(0, 2)];
  if (clientCause !== undefined) {
    log.warn({ err: original, path: formatted.path }, 'database refused a client value');
    const field = formatted.path?.join('.') ?? 'the request';
    return {
      message: `${field}: ${clientCause}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field },
    };
  }
  if (!isDatabaseUnavailable(original)) return null;
  return { ...serviceUnavailableBody(isWriteRefusedAtShutdown(original)).errors[0], locations: formatted.locations, path: formatted.path };
}

/**
 * The one place unexpected failures become client errors: the message and code of known errors pass; a
 * database refusal of a value the client sent (SQLSTATE classes 22 and 23, which services should have turned
 * into userErrors first) is BAD_USER_INPUT naming the field, with none of the database's words; anything
 * else is logged with its stack and reaches the client as INTERNAL_SERVER_ERROR without details.
 */
export function createErrorFormatter(log: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR'); // eslint-disable-line @typescript-eslint/no-base-to-string -- codes are strings; anything else is shown as JavaScript prints it
    if (code === 'INTERNAL_SERVER_ERROR' && isRequestRefusal(error, formatted)) code = 'BAD_REQUEST';
    const original = unwrapResolverError(error);
    const databaseCause = code === 'INTERNAL_SERVER_ERROR' ? databaseCauseOf(log, original, formatted) : null;
    if (databaseCause !== null) return databaseCause;
    if (PUBLIC_CODES.has(code)) {
      const { stacktrace: _stacktrace, http: _http, ...extensions }: Record<string, unknown> = { ...formatted.extensions, code };
      const message = formatted.message === VALIDATION_ABORTED_MESSAGE ? VALIDATION_ABORTED_EXPLAINED : formatted.message;
      return { ...formatted, message, extensions };
    }
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
