import express from 'express';
import { Logger } from 'pino';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, serviceUnavailableBody } from '../db/database-unavailable';
import { MAXIMUM_REQUEST_BYTES } from './graphql.route';

/** Our words for a body parser's refusal: zlib's (a body that is not the content encoding it declares) named as such. */
function clientReason(error: Error & { code?: unknown }): string {
  if (typeof error.code === 'string' && error.code.startsWith('Z_'))
    return `the request body could not be decompressed as its Content-Encoding says (${error.code})`;
  return error.message;
}

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
          : `Malformed request: ${clientReason(error)}`;
    if (status === 500) log.error({ err: error }, 'request failed');
    response.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
}
