import { Server } from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLSchema } from 'graphql';
import { Disposable } from 'graphql-ws';
import { AppConfig } from '../config';
import { isDatabaseUnavailable, isWriteRefusedAtShutdown, serviceUnavailableBody } from '../db/database-unavailable';
import { GraphQLArmor } from '../graphql/armor';
import { CompiledExecution } from '../graphql/compiled-execution';
import { createErrorFormatter } from '../graphql/format-error';
import { stringifyResult } from '../graphql/raw-json';
import { SqlAnswers } from '../graphql/sql-answers';
import { ServerMetrics } from '../metrics/server-metrics';
import { TalliedContext } from './request-context';

export const STATEMENT_COUNT_HEADER = 'x-sql-statement-count';

/** ms Apollo's drain leaves HTTP requests still running after the write gate settled, before it closes their sockets. */
export const LAST_ANSWERS_MS = 500;

export interface ApolloParts {
  schema: GraphQLSchema;
  config: AppConfig;
  armor: GraphQLArmor;
  formatError: ReturnType<typeof createErrorFormatter>;
  httpServer: Server;
  metrics: ServerMetrics;
  /** Closed when Apollo drains: subscriptions end with the server. */
  webSocketTransport: Disposable;
}

/** Apollo Server for the HTTP path, not yet started. */
export function buildApolloServer({
  schema,
  config,
  armor,
  formatError,
  httpServer,
  metrics,
  webSocketTransport,
}: ApolloParts): ApolloServer<TalliedContext> {
  return new ApolloServer<TalliedContext>({
    gateway: new CompiledExecution(schema, new SqlAnswers(() => metrics.sqlAnswers.inc())),
    // main.ts owns SIGTERM/SIGINT: it drains this server, then stops background work and closes the pool.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: a request carrying only a hash would run a stored document whose cost the
    // budget cannot see (it charges the document in the body), so 20 hash-only repeats of a page of 100 tickets
    // cost 20 points instead of 86,000 (issue #14, point 2). Clients send the document every time.
    persistedQueries: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    // Compact JSON: Apollo pretty-prints by default, a third more bytes to write and for every client to read.
    // The answers PostgreSQL wrote go in as their text (RawJson).
    stringifyResult,
    plugins: [
      // No cache hints are served (responses are per principal), and the plugin wraps every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads its IDE from a CDN; the API serves GraphiQL itself (graphql-ide.route.ts).
      ApolloServerPluginLandingPageDisabled(),
      // By the time Apollo stops, the write gate has settled (server.ts): no request still running can commit, so
      // its socket may close soon (its 503 has this long to go out).
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: LAST_ANSWERS_MS }),
      statementCountPlugin,
      databaseUnavailablePlugin,
      metrics.apolloPlugin,
      ...armor.apolloPlugins,
      drainPluginOf(webSocketTransport),
    ],
  });
}

// Database unreachable while a request ran: 503 SERVICE_UNAVAILABLE with Retry-After, not a 200 with a bug's code.
const databaseUnavailablePlugin: ApolloServerPlugin<TalliedContext> = {
  async requestDidStart() {
    let unavailable = false;
    let shuttingDown = false;
    return {
      async didEncounterErrors({ errors }) {
        if (errors.some((error) => isDatabaseUnavailable(error))) unavailable = true;
        if (errors.some((error) => isWriteRefusedAtShutdown(error))) shuttingDown = true;
      },
      async willSendResponse({ response, operation }) {
        if (!unavailable) return;
        // A mutation field that already committed keeps its answer: the others carry SERVICE_UNAVAILABLE (200).
        if (operation?.operation === 'mutation' && response.body.kind === 'single' && hasAnswer(response.body.singleResult.data)) return;
        const body = serviceUnavailableBody(shuttingDown);
        response.http.status = 503;
        response.http.headers.set('retry-after', String(body.errors[0].extensions.retryAfterSeconds));
        if (response.body.kind === 'single')
          response.body.singleResult = { ...response.body.singleResult, data: null, errors: body.errors };
      },
    };
  },
};

/** Whether some root field of a result has a value (a mutation field that ran). */
function hasAnswer(data: Record<string, unknown> | null | undefined): boolean {
  return data !== null && data !== undefined && Object.values(data).some((value) => value !== null);
}

const statementCountPlugin: ApolloServerPlugin<TalliedContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue?.statementTally) response.http.headers.set(STATEMENT_COUNT_HEADER, String(contextValue.statementTally.count));
      },
    };
  },
};

function drainPluginOf(webSocketTransport: Disposable): ApolloServerPlugin<TalliedContext> {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await webSocketTransport.dispose();
        },
      };
    },
  };
}
