import express from 'express';
import { Logger } from 'pino';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, serviceUnavailableBody } from '../db/database-unavailable';
import { MAXIMUM_REQUEST_BYTES } from './graphql.route';

/**
 * The last handler: an unreachable database is 503 with Retry-After; body parser failures (malformed JSON, too
 * large, bad encoding) answer in GraphQL's error shape as BAD_REQUEST; anything else is logged and answered 500.
 */
export function answerRequestFailures(log: Logger): express.ErrorRequestHandler {
  return (error: Error & { status?: number; type?: string }, _request, response, _next) => {
    if (isDatabaseUnavailable(error)) {
      response.status(503).setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).json(serviceUnavailableBody());
      return;
    }
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message =
      status === 413
        ? `Request body is larger than ${MAXIMUM_REQUEST_BYTES} bytes`
        : status === 500
          ? 'Internal server error'
          : `Malformed request: ${error.message}`;
    if (status === 500) log.error({ err: error }, 'request failed');
    response.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
}
