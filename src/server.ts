import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { authenticate } from './auth/authenticate';
import { AppConfig } from './config';
import { hasPendingMigrations } from './db/data-source';
import { runWithStatementTally, StatementTally } from './db/statement-counter';
import { GraphQLContext } from './graphql/context';
import { createErrorFormatter } from './graphql/format-error';
import { getSchema } from './graphql/schema';
import { createLoaders } from './loaders';
import { createServices, Services } from './services';

export interface ServerOptions {
  config: AppConfig;
  dataSource: DataSource;
  log: Logger;
  /** Injected clock; tests move time without sleeping. */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  graphqlUrl: string;
  httpServer: Server;
  services: Services;
  /** Stops accepting, lets in-flight requests finish, then closes sockets. Leaves the DataSource open. */
  stop(): Promise<void>;
}

/** Bytes; a GraphQL request larger than this is refused before parsing. */
export const MAXIMUM_REQUEST_BYTES = 1_000_000;

export const STATEMENT_COUNT_HEADER = 'x-sql-statement-count';

type TalliedContext = GraphQLContext & { statementTally: StatementTally };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, dataSource, log } = options;
  const now = options.now ?? (() => new Date());
  const schema = await getSchema();
  const services = createServices();
  const app = express();
  const httpServer = createHttpServer(app);
  const webSocketServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 64 * 1024 });

  const buildContext = async (authorization: string | undefined, requestId: string, statementTally: StatementTally): Promise<TalliedContext> => {
    const principal = await authenticate(authorization, config.authSecret);
    return {
      requestId,
      principal,
      dataSource,
      loaders: createLoaders(dataSource, principal, config.authSecret),
      log: log.child({ requestId }),
      now,
      secret: config.authSecret,
      services,
      statementTally,
    };
  };

  const webSocketCleanup = useServer(
    {
      schema,
      context: async (socketContext) => {
        const authorization = socketContext.connectionParams?.authorization;
        return buildContext(typeof authorization === 'string' ? authorization : undefined, randomUUID(), { count: 0 });
      },
    },
    webSocketServer,
  );

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
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(log, config.nodeEnv !== 'production'),
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      statementCountPlugin,
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
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (request, response) => {
        const incoming = request.headers['x-request-id'];
        const requestId = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader('x-request-id', requestId);
        return requestId;
      },
      autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
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
    express.json({ limit: MAXIMUM_REQUEST_BYTES }),
    (_request, response, next) => {
      // Every statement issued while this request executes is counted into its own tally.
      const tally: StatementTally = { count: 0 };
      response.locals.statementTally = tally;
      runWithStatementTally(tally, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => buildContext(req.headers.authorization, String(req.id), res.locals.statementTally as StatementTally),
    }),
  );

  app.use((error: Error & { status?: number; type?: string }, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    // Body parser failures (malformed JSON, too large, bad encoding) answer in GraphQL's error shape.
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message = status === 413 ? `Request body is larger than ${MAXIMUM_REQUEST_BYTES} bytes` : status === 500 ? 'Internal server error' : `Malformed request: ${error.message}`;
    if (status === 500) log.error({ err: error }, 'request failed');
    response.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${address.port}`;

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    httpServer,
    services,
    stop: () => apollo.stop(),
  };
}
