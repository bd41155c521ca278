import express from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { demoCallers } from '../demo/demo-callers';
import { corsForOrigins } from './cors.middleware';
import { serveGraphQLIde } from './graphql-ide.route';

/**
 * What browsers get before /graphql's GraphQL handlers: CORS for the configured origins, and the IDE (on outside
 * production unless GRAPHQL_IDE says otherwise). Demo tokens are offered only in development with demo data,
 * like the ones `npm start` prints.
 */
export function serveBrowserAccess(app: express.Express, { config, dataSource }: { config: AppConfig; dataSource: DataSource }): void {
  const corsMiddleware = corsForOrigins(config.corsOrigins);
  if (corsMiddleware) app.use('/graphql', corsMiddleware);
  if (!config.graphqlIde) return;
  const offersDemoTokens = config.nodeEnv === 'development' && config.loadDemoData;
  serveGraphQLIde(app, {
    demoCallers: async () =>
      offersDemoTokens ? (await demoCallers(dataSource, config.authSecret)).map(({ label, token }) => ({ label, token })) : [],
  });
}
