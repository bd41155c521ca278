import { dirname, join } from 'node:path';
import express from 'express';
import { IDE_DEFAULT_QUERY, IDE_SCRIPT, idePage } from './graphql-ide.page';

// The GraphQL IDE served by the API itself (GraphiQL 4 instead of Apollo's landing page, which loads its IDE from
// a CDN and shows nothing on a closed network). GET /graphql from a browser (it asks for HTML first) gets the
// page; its files are under /graphql-ide/, read from node_modules.

export const IDE_ASSET_PATH = '/graphql-ide';

export interface GraphQLIdeParts {
  /** Ready-made callers to pick; none outside development with demo data. */
  demoCallers: () => Promise<Array<{ label: string; token: string }>>;
}

function packageFile(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

/** The files the page loads, by the name it asks for; nothing else of node_modules is reachable. */
const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphql-ws.js': packageFile('graphql-ws', 'umd/graphql-ws.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

/** A browser navigating to /graphql asks for HTML first; a GraphQL client asks for JSON (or anything). */
function wantsPage(request: express.Request): boolean {
  return request.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

export function serveGraphQLIde(app: express.Express, { demoCallers }: GraphQLIdeParts): void {
  app.get(`${IDE_ASSET_PATH}/ide.js`, (_request, response) => {
    response.type('text/javascript').setHeader('cache-control', 'no-cache');
    response.send(IDE_SCRIPT);
  });
  app.get(`${IDE_ASSET_PATH}/:file`, (request, response, next) => {
    const file = Object.hasOwn(ASSETS, request.params.file) ? ASSETS[request.params.file] : undefined;
    if (file === undefined) {
      next();
      return;
    }
    response.sendFile(file, { maxAge: '1h' });
  });
  app.get('/graphql', async (request, response, next) => {
    if (!wantsPage(request)) {
      next();
      return;
    }
    const page = idePage({
      graphqlPath: '/graphql',
      assetPath: IDE_ASSET_PATH,
      callers: await demoCallers(),
      defaultQuery: IDE_DEFAULT_QUERY,
    });
    response.type('html').setHeader('cache-control', 'no-store');
    response.send(page);
  });
}
