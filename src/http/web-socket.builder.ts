import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { TokenVerifier } from '../auth/jwt';
import { LiveCredentials } from '../auth/live-credentials';
import { Principal } from '../auth/principal';
import { AppConfig } from '../config';
import { WriteGate } from '../db/write-gate';
import { PrincipalRole } from '../domain/enums';
import { SharedSubscriptionExecutor } from '../events/shared-subscription-executor';
import { GraphQLArmor } from '../graphql/armor';
import { GraphQLContext } from '../graphql/context';
import { UnauthenticatedError } from '../domain/errors';
import { createErrorFormatter, createSharedResultFormatter } from '../graphql/format-error';
import { operationCost } from '../graphql/operation-cost';
import { variablesLineBreakProblem } from '../graphql/single-line-text';
import { resolveOperation, variableErrors } from '../graphql/operation-input';
import { SocketQuota } from '../graphql/socket-quota';
import { serveGraphQLOverWebSockets, WebSocketServerOptions, WebSocketTransport } from '../graphql/web-socket-transport';
import { CallerAuthentication, credentialValue, webSocketCredentials } from './caller-authentication';
import { RequestRateLimiter } from './rate-limit';
import { ContextBuilder } from './request-context';
import { textRefusal, variablesProblem, variablesTextProblem } from './request-body.middleware';
import { WorkBudget, workRefusal } from './work-budget';

/** Bytes; a WebSocket message larger than this closes the socket (ws's maxPayload). */
const MAXIMUM_WEB_SOCKET_MESSAGE_BYTES = 64 * 1024;

type SubscribeArguments = Parameters<NonNullable<WebSocketServerOptions['onSubscribe']>>;
type SocketContext = SubscribeArguments[0];
type SubscribePayload = SubscribeArguments[2];

export interface WebSocketTransportParts {
  httpServer: Server;
  schema: GraphQLSchema;
  config: AppConfig;
  armor: GraphQLArmor;
  callers: CallerAuthentication;
  tokens: TokenVerifier;
  rateLimiter: RequestRateLimiter;
  liveCredentials: LiveCredentials;
  workBudget: WorkBudget;
  eventSubscriptions: SharedSubscriptionExecutor<GraphQLContext>;
  buildContext: ContextBuilder;
  formatError: ReturnType<typeof createErrorFormatter>;
  formatResult: ReturnType<typeof createSharedResultFormatter>;
  writeGate: WriteGate;
  log: Logger;
}

/** GraphQL over WebSockets at `/graphql` on the HTTP server; disposing it closes every socket. */
export function buildWebSocketTransport(parts: WebSocketTransportParts): WebSocketTransport {
  const { httpServer, schema, callers, rateLimiter, eventSubscriptions, formatError, formatResult, writeGate, log } = parts;
  const webSocketServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAXIMUM_WEB_SOCKET_MESSAGE_BYTES });
  return serveGraphQLOverWebSockets(
    {
      schema,
      onSubscribe: (socketContext, _id, payload) => admitSubscription(parts, socketContext, payload),
      // Subscriptions of one visibility identity with the same document and variables share one execution per
      // event (src/events/shared-subscription-executor.ts); each keeps its own id and messages.
      subscribe: (args) => eventSubscriptions.subscribe(args),
      // Results leave through the same error formatter as HTTP: no internals in unexpected errors.
      onNext: (_socketContext, _id, _payload, _args, result) => formatResult(result),
      // Refusals before execution too: the same codes and messages as over HTTP, nothing else.
      onError: (_socketContext, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    },
    {
      authenticate: async (parameters) => {
        const authentication = await callers.authenticateCaller(webSocketCredentials(parameters));
        return authentication instanceof UnauthenticatedError ? { refusal: authentication.message } : authentication;
      },
      admitMessage: (caller) => {
        const limited = rateLimiter.check(caller);
        return limited === null ? null : { retryAfterSeconds: limited.retryAfterSeconds };
      },
      answering: (answered, work) => writeGate.answering(answered, work),
      closeWrites: () => writeGate.close(),
      quota: new SocketQuota(parts.config.webSocketLimits),
    },
    webSocketServer,
    log,
  );
}

/**
 * Each subscribe message passes what an HTTP request passes: the same query limits, variable limits and
 * authentication (the connection authenticated at connection_init; the credential is checked again, so a revoked
 * key opens nothing more). The transport has already counted the message against the rate limit.
 */
async function admitSubscription(parts: WebSocketTransportParts, socketContext: SocketContext, payload: SubscribePayload) {
  const { schema, config, callers, liveCredentials, workBudget, buildContext } = parts;
  const document = checkedDocument(parts, payload);
  if (Array.isArray(document)) return document;
  const parameters = socketContext.connectionParams ?? {};
  const authentication = await callers.authenticateCaller(webSocketCredentials(parameters));
  if (authentication instanceof UnauthenticatedError) return [authentication];
  liveCredentials.track(socketContext.extra.socket, authentication, await tokenExpiryOf(parts.tokens, authentication, parameters));
  // The same budget as over HTTP, charged per operation (the message limit above counts messages).
  const cost = operationCost({
    schema,
    document,
    operationName: payload.operationName,
    variables: payload.variables,
    weights: config.costWeights,
  });
  const workCharge = await workBudget.charge({ principal: authentication }, cost);
  if (!workCharge.allowed) return [workRefusal(workCharge)];
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
    contextValue: buildContext(authentication, randomUUID(), { count: 0 }, workCharge),
  };
}

/** The subscribe message's document within the limits and valid with its variables, or the errors refusing it. */
function checkedDocument({ schema, armor }: WebSocketTransportParts, payload: SubscribePayload) {
  const checked = armor.checkDocument(schema, payload.query);
  if (checked.document === null) return checked.errors;
  const variablesRefusal = variablesProblem(payload.variables ?? null);
  if (variablesRefusal !== null) return [new GraphQLError(`Request refused: ${variablesRefusal}`, { extensions: { code: 'BAD_REQUEST' } })];
  const textProblem =
    variablesTextProblem(payload.variables ?? null) ?? variablesLineBreakProblem(payload.variables ?? null, () => checked.document);
  if (textProblem !== null) return [textRefusal(textProblem)];
  const operation = resolveOperation(checked.document, payload.operationName);
  if (operation instanceof GraphQLError) return [operation];
  const refusedVariables = variableErrors(schema, operation, payload.variables);
  if (refusedVariables.length > 0) return refusedVariables;
  return checked.document;
}

/** When the socket's JWT expires (its sockets close then); null for API keys, which end when revoked. */
async function tokenExpiryOf(
  tokens: TokenVerifier,
  authentication: Principal,
  parameters: Record<string, unknown>,
): Promise<number | null> {
  const bearer = credentialValue(parameters.authorization)
    ?.trim()
    .replace(/^Bearer\s+/i, '');
  return authentication.role === PrincipalRole.INTEGRATION || !bearer ? null : (await tokens.verifyWithExpiry(bearer)).expiresAtMs;
}
