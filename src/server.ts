import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator';
import { authenticate, Credentials } from './auth/authenticate';
import { TokenVerifier } from './auth/jwt';
import { LiveCredentials } from './auth/live-credentials';
import { Principal } from './auth/principal';
import { PrincipalRole } from './domain/enums';
import { visibilityIdentityOf } from './auth/visibility-identity';
import { AppConfig } from './config';
import { connectionUrlOf, hasPendingMigrations } from './db/data-source';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, serviceUnavailableBody } from './db/database-unavailable';
import { runWithStatementTally, StatementTally } from './db/statement-counter';
import { SharedSubscriptionExecutor } from './events/shared-subscription-executor';
import { TicketEventHub } from './events/ticket-event.hub';
import { TicketEventListener } from './events/ticket-event.listener';
import { invalidateReferenceData } from './services/reference-data-cache';
import { createGraphQLArmor, GRAPHQL_LIMITS } from './graphql/armor';
import { CompiledExecution } from './graphql/compiled-execution';
import { GraphQLContext } from './graphql/context';
import { UnauthenticatedError } from './graphql/errors';
import { createErrorFormatter, createSharedResultFormatter } from './graphql/format-error';
import { resolveOperation, variableErrors } from './graphql/operation-input';
import { operationCost } from './graphql/operation-cost';
import { getSchema } from './graphql/schema';
import { serveGraphQLOverWebSockets } from './graphql/web-socket-transport';
import { DEFAULT_RATE_LIMITS, RateLimitedError, RateLimitSettings, RequestRateLimiter } from './http/rate-limit';
import {
  refuseDocumentsOverLimits, refuseOversizedVariables, refuseUnacceptableVariableText, requireUtf8Body, textRefusal, variablesProblem, variablesTextProblem,
} from './http/request-body.middleware';
import { requestIdOf, requestLogging } from './http/request-logging.middleware';
import { WorkBudget, workRefusal } from './http/work-budget';
import { chargeWork } from './http/work-charge.middleware';
import { WorkCharge } from './domain/work-charge';
import { createLoaders } from './loaders';
import { createServerMetrics, ServerMetrics } from './metrics/server-metrics';
import { createServices, Services } from './services';
import { MAXIMUM_BUFFERED_EVENTS, subscriberTooSlowError } from './services/ticket-event-subscription.service';

export interface ServerOptions {
  config: AppConfig;
  dataSource: DataSource;
  log: Logger;
  /** Injected clock; tests move time without sleeping. */
  now?: () => Date;
  /** Per-instance request rates; DEFAULT_RATE_LIMITS unless given. */
  rateLimits?: RateLimitSettings;
}

export interface RunningServer {
  url: string;
  graphqlUrl: string;
  httpServer: Server;
  services: Services;
  /** This instance's metrics; background work running beside the server reports into them. */
  metrics: ServerMetrics;
  /** The budgets of work this instance charges, in PostgreSQL and shared with every instance (statementsSent: tests). */
  workBudget: WorkBudget;
  /** This instance's graphql-ws subscriptions, grouped for shared execution (inspection: groups, executions). */
  eventSubscriptions: SharedSubscriptionExecutor<GraphQLContext>;
  /**
   * Fails readiness and closes kept-alive connections for `shutdownGraceMs`, then stops accepting, lets in-flight
   * requests finish and closes sockets (subscriptions end), then stops the event listener. Leaves the DataSource open.
   */
  stop(): Promise<void>;
}

/** Bytes; a GraphQL request larger than this is refused before parsing. */
export const MAXIMUM_REQUEST_BYTES = 1_000_000;

export const STATEMENT_COUNT_HEADER = 'x-sql-statement-count';

type TalliedContext = GraphQLContext & { statementTally: StatementTally };

/** A credential header or connection parameter, if it is one string. */
function credentialValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function rateLimitedBody(error: RateLimitedError) {
  return { errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds } }] };
}

// eslint-disable-next-line max-lines-per-function -- #18: split pending
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, dataSource, log } = options;
  const now = options.now ?? (() => new Date());
  const schema = await getSchema();
  const eventHub = new TicketEventHub();
  const services = createServices({ authSecret: config.authSecret, requireHttpsWebhooks: config.nodeEnv === 'production', allowLoopbackWebhooks: config.webhookAllowLoopback, eventHub });
  const eventSubscriptions = new SharedSubscriptionExecutor<GraphQLContext>({
    visibilityIdentityOf: (context) => visibilityIdentityOf(context.principal),
    contextForExecution: (context) => ({ ...context, loaders: createLoaders(dataSource, context.principal, config.authSecret) }),
    memberCapacity: MAXIMUM_BUFFERED_EVENTS,
    overflowRootValue: subscriberTooSlowError,
    log,
  });
  const metrics = createServerMetrics({ dataSource, eventSubscriptions, log });
  // Sockets by credential: closed when their JWT expires, or when their API key is revoked on any instance.
  const liveCredentials = new LiveCredentials();
  const eventListener = new TicketEventListener({
    connectionString: connectionUrlOf(dataSource),
    hub: eventHub,
    log,
    // The same connection hears admin changes of the reference data: this instance re-reads them on next use.
    onReferenceDataChanged: () => invalidateReferenceData(dataSource),
    onApiKeyRevoked: (apiKeyId) => {
      const closed = liveCredentials.revokeApiKey(apiKeyId);
      if (closed > 0) log.info({ apiKeyId, closed }, 'API key revoked: its sockets closed');
    },
  });
  const app = express();
  const httpServer = createHttpServer(app);
  const webSocketServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 64 * 1024 });

  const apiKeys = new ApiKeyAuthenticator(dataSource, now);
  const tokens = new TokenVerifier(config.authSecret, Date.now, config.jwtMaximumLifetimeSeconds);
  const armor = createGraphQLArmor({ blockFieldSuggestions: config.nodeEnv === 'production', introspection: config.introspection });
  // The flood guard in this process's memory: it turns a flood away before it costs a statement (the budget's
  // own upsert included). The work a caller may cause is the budget in PostgreSQL (WorkBudget).
  const rateLimiter = new RequestRateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  const workBudget = new WorkBudget(dataSource, config.workBudgets);
  const formatError = createErrorFormatter(log, config.nodeEnv !== 'production');
  const formatResult = createSharedResultFormatter(formatError);

  /** The principal, or the UNAUTHENTICATED error to answer with; other failures (database down) are thrown. */
  const authenticateCaller = async (credentials: Credentials): Promise<Principal | UnauthenticatedError> => {
    try {
      return await authenticate(credentials, tokens, apiKeys);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return error;
      throw error;
    }
  };
  const checkRate = (authentication: Principal | UnauthenticatedError, address: string | undefined): RateLimitedError | null =>
    rateLimiter.check(authentication instanceof UnauthenticatedError ? { address: address ?? 'unknown' } : { principal: authentication });

  const buildContext = (principal: Principal, requestId: string, statementTally: StatementTally, workCharge: WorkCharge): TalliedContext => ({
    requestId,
    principal,
    dataSource,
    loaders: createLoaders(dataSource, principal, config.authSecret),
    log: log.child({ requestId }),
    now,
    secret: config.authSecret,
    services,
    statementTally,
    workCharge,
  });

  const webSocketCredentials = (parameters: Record<string, unknown>): Credentials => ({
    authorization: credentialValue(parameters.authorization),
    apiKey: credentialValue(parameters['x-api-key']),
  });
  const webSocketCleanup = serveGraphQLOverWebSockets(
    {
      schema,
      // Each subscribe message passes what an HTTP request passes: the same query limits, variable limits and
      // authentication (the connection authenticated at connection_init; the credential is checked again, so a
      // revoked key opens nothing more). The transport has already counted the message against the rate limit.
      onSubscribe: async (socketContext, _id, payload) => {
        const checked = armor.checkDocument(schema, payload.query);
        if (checked.document === null) return checked.errors;
        const variablesRefusal = variablesProblem(payload.variables ?? null);
        if (variablesRefusal !== null) return [new GraphQLError(`Request refused: ${variablesRefusal}`, { extensions: { code: 'BAD_REQUEST' } })];
        const textProblem = variablesTextProblem(payload.variables ?? null);
        if (textProblem !== null) return [textRefusal(textProblem)];
        const operation = resolveOperation(checked.document, payload.operationName);
        if (operation instanceof GraphQLError) return [operation];
        const refusedVariables = variableErrors(schema, operation, payload.variables);
        if (refusedVariables.length > 0) return refusedVariables;
        const parameters = socketContext.connectionParams ?? {};
        const authentication = await authenticateCaller(webSocketCredentials(parameters));
        if (authentication instanceof UnauthenticatedError) return [authentication];
        const bearer = credentialValue(parameters.authorization)?.trim().replace(/^Bearer\s+/i, '');
        const tokenExpiresAtMs = authentication.role === PrincipalRole.INTEGRATION || !bearer ? null : (await tokens.verifyWithExpiry(bearer)).expiresAtMs;
        liveCredentials.track(socketContext.extra.socket, authentication, tokenExpiresAtMs);
        // The same budget as over HTTP, charged per operation (the message limit above counts messages).
        const cost = operationCost({ schema, document: checked.document, operationName: payload.operationName, variables: payload.variables, weights: config.costWeights });
        const workCharge = await workBudget.charge({ principal: authentication }, cost);
        if (!workCharge.allowed) return [workRefusal(workCharge)];
        return {
          schema,
          document: checked.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: buildContext(authentication, randomUUID(), { count: 0 }, workCharge),
        };
      },
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
        const authentication = await authenticateCaller(webSocketCredentials(parameters));
        return authentication instanceof UnauthenticatedError ? { refusal: authentication.message } : authentication;
      },
      admitMessage: (caller) => {
        const limited = rateLimiter.check(caller);
        return limited === null ? null : { retryAfterSeconds: limited.retryAfterSeconds };
      },
    },
    webSocketServer,
    log,
  );

  // Database unreachable while a request ran: 503 SERVICE_UNAVAILABLE with Retry-After, not a 200 with a bug's code.
  const databaseUnavailablePlugin: ApolloServerPlugin<TalliedContext> = {
    async requestDidStart() {
      let unavailable = false;
      return {
        async didEncounterErrors({ errors }) {
          if (errors.some((error) => isDatabaseUnavailable(error))) unavailable = true;
        },
        async willSendResponse({ response }) {
          if (!unavailable) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          if (response.body.kind === 'single') response.body.singleResult = { ...response.body.singleResult, data: null, errors: serviceUnavailableBody().errors };
        },
      };
    },
  };

  const statementCountPlugin: ApolloServerPlugin<TalliedContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue?.statementTally) response.http.headers.set(STATEMENT_COUNT_HEADER, String(contextValue.statementTally.count));
        },
      };
    },
  };

  const apollo = new ApolloServer<TalliedContext>({
    gateway: new CompiledExecution(schema),
    // main.ts owns SIGTERM/SIGINT: it drains this server, then stops background work and closes the pool.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    // Compact JSON: Apollo pretty-prints by default, a third more bytes to write and for every client to read.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // No cache hints are served (responses are per principal), and the plugin wraps every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      statementCountPlugin,
      databaseUnavailablePlugin,
      metrics.apolloPlugin,
      ...armor.apolloPlugins,
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await webSocketCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(requestLogging(log));

  // Shutdown: first a grace period in which readiness fails (load balancers stop sending), every response asks
  // the client to close its connection, and requests already on their way over kept-alive connections are still
  // served; only then does the server stop accepting and drain.
  let isShuttingDown = false;
  app.use((_request, response, next) => {
    if (isShuttingDown) response.setHeader('connection', 'close');
    next();
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Unauthenticated like the health checks: operational numbers only, no records. Expose it to the scraper only.
  app.get('/metrics', async (_request, response) => {
    response.setHeader('content-type', metrics.registry.contentType);
    response.send(await metrics.scrape());
  });
  app.get('/readyz', async (_request, response) => {
    if (isShuttingDown) {
      response.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      if (await hasPendingMigrations(dataSource)) {
        response.status(503).json({ status: 'migrations pending' });
        return;
      }
      response.json({ status: 'ready' });
    } catch {
      response.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    async (request, response, next) => {
      // Authentication needs the headers only, so the rate limit applies before the body is read.
      const authentication = await authenticateCaller({
        authorization: request.headers.authorization,
        apiKey: credentialValue(request.headers['x-api-key']),
      });
      const limited = checkRate(authentication, request.ip);
      if (limited !== null) {
        response.status(429).setHeader('retry-after', String(limited.retryAfterSeconds)).json(rateLimitedBody(limited));
        return;
      }
      response.locals.authentication = authentication;
      next();
    },
    express.json({ limit: MAXIMUM_REQUEST_BYTES, verify: requireUtf8Body }),
    refuseOversizedVariables,
    refuseUnacceptableVariableText,
    refuseDocumentsOverLimits((source) => armor.checkLimits(schema, source)),
    chargeWork({ schema, budget: workBudget, weights: config.costWeights, maxTokens: GRAPHQL_LIMITS.maxTokens }),
    (_request, response, next) => {
      // Every statement issued while this request executes is counted into its own tally.
      const tally: StatementTally = { count: 0 };
      response.locals.statementTally = tally;
      runWithStatementTally(tally, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const authentication = res.locals.authentication as Principal | UnauthenticatedError;
        if (authentication instanceof UnauthenticatedError) throw authentication;
        return buildContext(authentication, requestIdOf(res), res.locals.statementTally as StatementTally, res.locals.workCharge as WorkCharge);
      },
    }),
  );

  app.use((error: Error & { status?: number; type?: string }, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    if (isDatabaseUnavailable(error)) {
      response.status(503).setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).json(serviceUnavailableBody());
      return;
    }
    // Body parser failures (malformed JSON, too large, bad encoding) answer in GraphQL's error shape.
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message = status === 413 ? `Request body is larger than ${MAXIMUM_REQUEST_BYTES} bytes` : status === 500 ? 'Internal server error' : `Malformed request: ${error.message}`;
    if (status === 500) log.error({ err: error }, 'request failed');
    response.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  // Listening before the server accepts anything: a subscription never misses an event committed after it began.
  await eventListener.start();
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await eventListener.stop();
    await apollo.stop();
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${address.port}`;

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    httpServer,
    services,
    metrics,
    workBudget,
    eventSubscriptions,
    stop: async () => {
      isShuttingDown = true;
      await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
      await apollo.stop();
      eventHub.closeAll();
      await eventListener.stop();
    },
  };
}
