import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Request, Response } from 'express';
import { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's request id is kept when it is a plain token; anything else is replaced, never echoed. */
const WELL_FORMED_REQUEST_ID = /^[\w-]{1,64}$/;
/** Probes that would drown the log. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** What the request log says of the GraphQL operation of a request (set once its document is parsed). */
export interface LoggedOperation {
  name: string | null;
  type: 'query' | 'mutation' | 'subscription';
}

/** The request id the request log gave the request. */
export function requestIdOf(response: Response): string {
  return response.locals.requestId as string;
}

/** The route a request took, for the log line: set by a route's first handler where Express does not know it. */
export function nameRoute(route: string) {
  return (_request: Request, response: Response, next: () => void): void => {
    response.locals.route = route;
    next();
  };
}

function pathOf(request: IncomingMessage): string {
  return ((request as Request).originalUrl ?? request.url ?? '').split('?')[0];
}

function localsOf(response: ServerResponse): Record<string, unknown> {
  const locals: unknown = (response as Response).locals;
  return (locals ?? {}) as Record<string, unknown>;
}

/** The route (a route's own path, or what a mounted handler named) and the GraphQL operation, when known. */
function routeAndOperationOf(
  request: IncomingMessage,
  response: ServerResponse,
): { route: string | null; graphqlOperation: LoggedOperation | null } {
  const locals = localsOf(response);
  const named: unknown = locals.route;
  const expressRoute: unknown = (request as Request).route;
  const routePath: unknown =
    expressRoute !== null && typeof expressRoute === 'object' ? (expressRoute as { path?: unknown }).path : undefined;
  const route = typeof named === 'string' ? named : typeof routePath === 'string' ? routePath : null;
  const operation: unknown = locals.graphqlOperation;
  return { route, graphqlOperation: (operation as LoggedOperation | null | undefined) ?? null };
}

/**
 * One JSON line per request by pino-http, when the response is finished: the request id (the caller's
 * `x-request-id` when well-formed, returned in the response header), method, the full path (never the query
 * string), the route, the GraphQL operation, the status and the duration. Headers and bodies are never logged,
 * so no credential can reach the log.
 */
export function requestLogging(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId: (request, response) => {
      const incoming = request.headers[REQUEST_ID_HEADER];
      const requestId = typeof incoming === 'string' && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      localsOf(response).requestId = requestId;
      response.setHeader(REQUEST_ID_HEADER, requestId);
      return requestId;
    },
    autoLogging: { ignore: (request) => UNLOGGED_PATHS.has(pathOf(request)) },
    quietReqLogger: true,
    customAttributeKeys: { responseTime: 'durationMs' },
    serializers: {
      req: (request: { id: string; method: string; raw: IncomingMessage }) => ({
        id: request.id,
        method: request.method,
        path: pathOf(request.raw),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customSuccessObject: (request, response, value: Record<string, unknown>) => ({ ...value, ...routeAndOperationOf(request, response) }),
    customErrorObject: (request, response, _error, value: Record<string, unknown>) => ({
      ...value,
      ...routeAndOperationOf(request, response),
    }),
  });
}
