import { createServer as createHttpServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator';
import { TokenVerifier } from './auth/jwt';
import { LiveCredentials } from './auth/live-credentials';
import { visibilityIdentityOf } from './auth/visibility-identity';
import { AppConfig } from './config';
import { connectionUrlOf } from './db/data-source';
import { backendCanceller, GateSettlement, WRITE_SETTLE_MS, WriteGate } from './db/write-gate';
import { SharedSubscriptionExecutor } from './events/shared-subscription-executor';
import { TicketEventHub } from './events/ticket-event.hub';
import { TicketEventListener } from './jobs/ticket-event.listener';
import { createGraphQLArmor } from './graphql/armor';
import { GraphQLContext } from './graphql/context';
import { createErrorFormatter, createSharedResultFormatter } from './graphql/format-error';
import { getSchema } from './resolvers/schema';
import { buildApolloServer } from './http/apollo.builder';
import { createCallerAuthentication } from './http/caller-authentication';
import { serveBrowserAccess } from './http/browser-access';
import { answerRequestFailures } from './http/error.middleware';
import { graphqlRoute } from './http/graphql.route';
import { ConnectionDrain } from './http/connection-drain';
import { ConnectionCaps, httpServerTimeouts } from './http/connection-caps';
import { serveOperationalRoutes } from './http/operational.routes';
import { DEFAULT_RATE_LIMITS, RateLimitSettings, RequestRateLimiter } from './http/rate-limit';
import { createContextBuilder } from './http/request-context';
import { nameRoute, requestLogging } from './http/request-logging.middleware';
import { buildWebSocketTransport } from './http/web-socket.builder';
import { WorkBudget } from './http/work-budget';
import { createLoaders } from './loaders';
import { createServerMetrics, ServerMetrics } from './metrics/server-metrics';
import { invalidateReferenceData } from './services/reference-data-cache';
import { createServices, Services } from './services';
import { MAXIMUM_BUFFERED_EVENTS, subscriberTooSlowError } from './services/ticket-event-subscription.service';

export { STATEMENT_COUNT_HEADER } from './http/apollo.builder';
export { MAXIMUM_REQUEST_BYTES } from './http/graphql.route';

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
   * Fails readiness, closes idle kept-alive connections at once and answers requests in flight with
   * `Connection: close`; for `shutdownGraceMs` serves only the first request of new connections (src/http/
   * connection-drain.ts); then refuses every request and lets those in flight (HTTP and WebSocket) finish until
   * the drain deadline (`shutdownTimeoutMs` − STOP_MARGIN_MS after it began); then closes the write gate (no
   * write commits any more, src/db/write-gate.ts) and, once it settled, closes sockets (subscriptions end), then
   * stops the event listener. Leaves the DataSource open.
   */
  stop(): Promise<void>;
  /** Closes the write gate at once (the forced exit calls it): resolves when no write can commit unanswered. */
  closeWrites(): Promise<GateSettlement>;
}

/**
 * ms of SHUTDOWN_TIMEOUT_MS kept after the drain deadline: the write gate's settling (WRITE_SETTLE_MS), then the
 * last answers and the closing of sockets, the event listener and the pool, before the forced exit.
 */
export const STOP_MARGIN_MS = WRITE_SETTLE_MS + 1000;

/** The instance's events: the hub subscribers read from, the listener that feeds it, the shared executions. */
function buildEventDelivery({ config, dataSource, log }: ServerOptions) {
  const eventHub = new TicketEventHub();
  const eventSubscriptions = new SharedSubscriptionExecutor<GraphQLContext>({
    visibilityIdentityOf: (context) => visibilityIdentityOf(context.principal),
    contextForExecution: (context) => ({ ...context, loaders: createLoaders(dataSource, context.principal, config.authSecret) }),
    memberCapacity: MAXIMUM_BUFFERED_EVENTS,
    overflowRootValue: subscriberTooSlowError,
    log,
  });
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
  return { eventHub, eventSubscriptions, liveCredentials, eventListener };
}

/** What every request passes before it executes: authentication, the flood guard, query limits, the work budget. */
function buildRequestGuards({ config, dataSource, rateLimits }: ServerOptions, now: () => Date) {
  const tokens = new TokenVerifier(config.authSecret, Date.now, config.jwtMaximumLifetimeSeconds);
  // The flood guard in this process's memory: it turns a flood away before it costs a statement (the budget's
  // own upsert included). The work a caller may cause is the budget in PostgreSQL (WorkBudget).
  const rateLimiter = new RequestRateLimiter(rateLimits ?? DEFAULT_RATE_LIMITS);
  return {
    tokens,
    rateLimiter,
    callers: createCallerAuthentication(tokens, new ApiKeyAuthenticator(dataSource, now), rateLimiter),
    armor: createGraphQLArmor({ blockFieldSuggestions: config.nodeEnv === 'production', introspection: config.introspection }),
    workBudget: new WorkBudget(dataSource, config.workBudgets),
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, dataSource, log } = options;
  const now = options.now ?? (() => new Date());
  const schema = await getSchema();
  const events = buildEventDelivery(options);
  const services = servicesFor(config, events.eventHub);
  const metrics = createServerMetrics({ dataSource, eventSubscriptions: events.eventSubscriptions, log });
  const guards = buildRequestGuards(options, now);
  const formatError = createErrorFormatter(log, config.nodeEnv !== 'production');
  const buildContext = createContextBuilder({ dataSource, log, now, secret: config.authSecret, services });
  const app = express();
  const httpServer = createHttpServer(httpServerTimeouts(config));
  httpServer.keepAliveTimeout = config.httpTimeouts.keepAliveTimeoutMs;
  const connectionCaps = new ConnectionCaps(httpServer, config.connectionsPerAddress);
  // Every request passes the drain first: during shutdown it runs only requests whose answer can be written.
  const drain = new ConnectionDrain(httpServer);
  httpServer.on('request', connectionCaps.admitting(drain.listener(app)));
  const writeGate = new WriteGate(backendCanceller(dataSource));
  const webSocketTransport = buildWebSocketTransport({
    ...guards,
    ...events,
    httpServer,
    schema,
    config,
    buildContext,
    formatError,
    formatResult: createSharedResultFormatter(formatError),
    writeGate,
    log,
  });
  const apollo = buildApolloServer({ schema, config, armor: guards.armor, formatError, httpServer, metrics, webSocketTransport });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(requestLogging(log));
  serveOperationalRoutes(app, { dataSource, metrics, shutdown: drain });
  app.use('/graphql', nameRoute('/graphql'));
  serveBrowserAccess(app, { config, dataSource });
  app.use('/graphql', graphqlApplication(graphqlRoute({ ...guards, schema, config, apollo, buildContext, writeGate })));
  app.use(answerRequestFailures(log));

  // Listening before the server accepts anything: a subscription never misses an event committed after it began.
  await events.eventListener.start();
  const url = await listen(httpServer, config, async () => {
    await events.eventListener.stop();
    await apollo.stop();
  });
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    httpServer,
    services,
    metrics,
    workBudget: guards.workBudget,
    eventSubscriptions: events.eventSubscriptions,
    stop: () => stopInOrder({ config, log, drain, webSocketTransport, writeGate, apollo, events }),
    closeWrites: async () => logSettlement(log, await writeGate.close()),
  };
}

function servicesFor(config: AppConfig, eventHub: TicketEventHub): Services {
  return createServices({
    authSecret: config.authSecret,
    requireHttpsWebhooks: config.nodeEnv === 'production',
    allowLoopbackWebhooks: config.webhookAllowLoopback,
    allowedWebhookPorts: config.webhookAllowedPorts,
    eventHub,
    ticketEventRetentionMonths: config.ticketEventRetentionMonths,
  });
}

/** RunningServer.stop: the order in which an instance lets go (see there). */
async function stopInOrder(parts: {
  config: AppConfig;
  log: Logger;
  drain: ConnectionDrain;
  webSocketTransport: ReturnType<typeof buildWebSocketTransport>;
  writeGate: WriteGate;
  apollo: { stop(): Promise<void> };
  events: ReturnType<typeof buildEventDelivery>;
}): Promise<void> {
  const { config, log, drain, webSocketTransport, writeGate, apollo, events } = parts;
  const drainDeadline = Date.now() + Math.max(config.shutdownGraceMs, config.shutdownTimeoutMs - STOP_MARGIN_MS);
  drain.beginShutdown();
  await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
  drain.stopAccepting();
  // What is running answers until the deadline; then nothing commits any more, and what committed has answered,
  // before anything closes a socket (write-gate.ts; Apollo's HTTP drain then ends the sockets left).
  await Promise.all([drain.requestsFinished(drainDeadline), webSocketTransport.drainOperations(drainDeadline)]);
  logSettlement(log, await writeGate.close());
  await webSocketTransport.dispose();
  await apollo.stop();
  events.eventHub.closeAll();
  await events.eventListener.stop();
}

function logSettlement(log: Logger, settlement: GateSettlement): GateSettlement {
  if (settlement.cancelled > 0 || settlement.unsettled > 0)
    log.warn(settlement, 'shutdown: writes still running were cancelled or did not settle');
  return settlement;
}

/**
 * GraphQL's handlers in an application of their own whose answers get no ETag: express would otherwise hash every
 * body (SHA-1 over tens of kilobytes per inbox page) for a conditional request that no GraphQL client makes.
 * A mounted application keeps its own settings (x-powered-by too) and inherits `trust proxy`; errors go on to
 * the parent's handlers.
 */
function graphqlApplication(handlers: express.RequestHandler[]): express.Express {
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.set('etag', false);
  graphql.use(...handlers);
  return graphql;
}

/** The server's base URL once it listens; when it cannot (port taken), `undo` runs and the error is thrown. */
async function listen(httpServer: Server, config: AppConfig, undo: () => Promise<void>): Promise<string> {
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await undo();
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  return `http://${config.host}:${address.port}`;
}
