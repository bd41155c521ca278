import { SHUTTING_DOWN_CODE } from './write-gate';

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL SQLSTATEs of a server that cannot serve now: connection exceptions (08), shutdown (57P0x), too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300']);
/** Socket and resolver errors of a connection that could not be made or was lost. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
/** What pg and pg-pool say without a code. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not currently accepting connections|the database system is (starting up|shutting down)|Client has encountered a connection error/;

/**
 * Whether `error` (a GraphQLError, TypeORM's QueryFailedError, pg's error, AggregateError, in any nesting) says
 * the database cannot be reached, as opposed to a statement that failed: the first is 503 SERVICE_UNAVAILABLE
 * with Retry-After, the second a bug.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  const fields = error as {
    code?: unknown;
    message?: unknown;
    originalError?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (
    typeof fields.code === 'string' &&
    (UNAVAILABLE_SQLSTATES.has(fields.code) || UNAVAILABLE_CODES.has(fields.code) || fields.code === SHUTTING_DOWN_CODE)
  )
    return true;
  if (typeof fields.message === 'string' && UNAVAILABLE_MESSAGES.test(fields.message)) return true;
  if (Array.isArray(fields.errors) && fields.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return [fields.originalError, fields.driverError, fields.cause].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Whether `error` (in any nesting) is a write the closed write gate refused at shutdown (src/db/write-gate.ts). */
export function isWriteRefusedAtShutdown(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  const fields = error as { code?: unknown; originalError?: unknown; cause?: unknown };
  return (
    fields.code === SHUTTING_DOWN_CODE || [fields.originalError, fields.cause].some((inner) => isWriteRefusedAtShutdown(inner, depth + 1))
  );
}

/** The one error of a 503: the database is unavailable, or (`shuttingDown`) the server refused to commit as it stops. */
export function serviceUnavailableBody(shuttingDown = false) {
  return {
    errors: [
      {
        message: shuttingDown
          ? 'The server is shutting down; nothing was committed. Retry the request.'
          : 'The database is unavailable; retry later',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: shuttingDown ? 1 : DATABASE_RETRY_AFTER_SECONDS },
      },
    ],
  };
}
